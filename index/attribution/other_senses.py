"""Verbs that report speech in one sense and not in another, read from the words after them.

"Maintained" reports a claim before "that" ("Nadler has maintained that ..."), not in "maintains
the roads"; "spoke" reports the quotation after its clause's colon ('Gerstenmaier spoke of the
collaboration: "It's fun ..."'), not "spoke at the rally". And a verb followed by a word that
opens its object has no subject after it, as "..., said X" has: "the princess, 67, announced her
candidacy under the Thai Raksa Chart Party" is no party's announcement. "Posted" and "reacted"
report the quotation that follows them ('reacted on Twitter, "..."'), not "posted a loss". "Put it" reports words
after "as" and its subject ("As The Post's Dana Milbank puts it, ..."), not "as Trump put it on
the table". "Continued", "asked" and words of a manner of speaking ("fumed", "remembered")
report words only beside a quote.
"""

from __future__ import annotations

from index.attribution.quotes import Tok, is_cap
from index.attribution.vocabulary import BE, DETECT_FORMS
from index.lexicon import FORM_TO_LEMMA

_MAINTAINED = frozenset({"maintained", "maintains"})
_SPOKE = frozenset({"spoke", "speaks"})
_COLON_REACH = 12  # tokens from the verb to the colon: 'spoke of the collaboration between ...:'
_OBJECT_OPENERS = frozenset("her his their its our my your him them it me us".split())


def maintained_that(toks: list[Tok], v: int) -> bool:
    """Whether the word at ``v`` is "maintained" or "maintains" before "that"."""
    return toks[v].low in _MAINTAINED and v + 1 < len(toks) and toks[v + 1].low == "that"


def spoke_then_quote(toks: list[Tok], v: int) -> bool:
    """Whether the word at ``v`` is "spoke" or "speaks" and a colon and a quotation follow it
    within its clause (words only between them, none of them a reporting verb)."""
    if toks[v].low not in _SPOKE:
        return False
    for k in range(v + 1, min(v + _COLON_REACH, len(toks) - 1)):
        if toks[k].text == ":":
            return toks[k + 1].kind == "Q"
        if toks[k].kind != "W" or toks[k].low in DETECT_FORMS:
            return False
    return False


def object_next(toks: list[Tok], v: int) -> bool:
    """Whether the verb at ``v`` is followed by a word opening its object ("her", "his", ...)."""
    return v + 1 < len(toks) and toks[v + 1].kind == "W" and toks[v + 1].low in _OBJECT_OPENERS


# "As Milbank puts it", "as one voter put it": whoever "puts it" so gives the words.
_PUT = frozenset({"put", "puts"})
_AS_REACH = 6  # words between "as" and "put it": "As The Post's Dana Milbank"


_ASIDE_REACH = 12  # tokens of an aside between the name and "put it": ", the No. 2 in the GOP leadership,"


def _as_before(toks: list[Tok], v: int) -> bool:
    """Whether "as" opens the clause that ends at ``toks[v]`` ("put"), within a few words and no
    punctuation but an apostrophe's, besides an aside in commas before the verb: "As The Post's
    Dana Milbank puts it", "as one voter put it", "As John Cornyn, the No. 2 in the GOP
    leadership, put it"."""
    if v > 0 and toks[v - 1].text == ",":
        opening = next((j for j in range(v - 2, max(-1, v - 2 - _ASIDE_REACH), -1) if toks[j].text == ","), None)
        if opening is None or any(t.kind == "Q" for t in toks[opening:v]):
            return False
        v = opening
    for j in range(v - 1, max(-1, v - 2 - _AS_REACH), -1):
        if toks[j].kind != "W" and toks[j].text not in ("'", "’", "'s", "’s", "."):
            return False
        if toks[j].low == "as":
            return j < v - 1
    return False


def _put_it_ends(toks: list[Tok], v: int) -> bool:
    """Whether the clause ends after "put it" at ``toks[v]``, or after a word on how ("put it
    bluntly", "put it this way"): not "as Trump put it on the table"."""
    after = toks[v + 2 : v + 5]
    while after and after[0].kind == "W" and (after[0].low.endswith("ly") or after[0].low in _HOW_PUT):
        after = after[1:]
    return not after or after[0].kind != "W"


_HOW_PUT = frozenset({"this", "that", "way", "best", "well", "so", "simply"})


def puts_it(toks: list[Tok], v: int) -> bool:
    """Whether ``toks[v]`` is the "put" of "as X put it" that reports X's words."""
    return (
        toks[v].low in _PUT
        and v + 1 < len(toks)
        and toks[v + 1].low == "it"
        and _put_it_ends(toks, v)
        and _as_before(toks, v)
    )


# Verbs that report words only when the words follow them: 'Mick Jagger reacted on Twitter, "Sad
# news ..."', 'He posted on Facebook: "..."'; not "posted a loss", "reacted angrily to the report".
_WORDS_FOLLOW = {"posted": "post", "posts": "post", "reacted": "react", "reacts": "react"}
# What may stand between such a verb and the quotation: where it was written, and how.
_MEDIUM_WORDS = frozenset(
    """on to in via with a an his her their its the also quickly later twitter facebook instagram tiktok
    youtube social media statement tweet post message blog website page account""".split()
)
_MEDIUM_REACH = 6


def words_follow(toks: list[Tok], v: int) -> str | None:
    """The lemma of ``toks[v]`` when it is a verb of ``_WORDS_FOLLOW`` that a quotation follows
    after a comma or colon, across at most a few words of where or how ("reacted on Twitter,
    "..."", "posted:"); else None."""
    lemma = _WORDS_FOLLOW.get(toks[v].low)
    if lemma is None or not toks[v].text[:1].islower():
        return None
    for k in range(v + 1, min(len(toks), v + 2 + _MEDIUM_REACH)):
        t = toks[k]
        if t.kind == "Q":  # after a comma or colon: 'posted the "Perception" syllabus' names a title
            return lemma if toks[k - 1].text in (",", ":") else None
        if (t.kind == "P" and t.text not in (",", ":")) or (t.kind == "W" and t.low not in _MEDIUM_WORDS):
            return None
    return None


# Verbs that report words only beside a quote: "continued" ("He continued his remarks" is no
# quote), "asked" ("Trump asked Congress for funds" is a request, '"Is it real?" Trump asked' words),
# and the manner of saying them ('"...," remembered Roy Verley', '"...," Toomey fumed', '"...,"
# Kelly charged': "He remembered his father", "Kelly was charged" report no words), each as the
# lemma it means (else "say").
_MANNER = {
    **dict.fromkeys("remembered remembers recounted recounts".split(), "recall"),
    **dict.fromkeys(
        """mused muses fumed fumes shouted shouts yelled yells screamed screams whispered whispers
        surmised surmises wondered wonders opined opines demanded demands charged charges pleaded
        pleads boasted boasts bragged brags laughed laughs sighed sighs snapped snaps gushed gushes
        marveled marvels marvelled deadpanned countered counters reasoned reasons demurred demurs""".split(),
        "say",
    ),
}
_BESIDE_A_QUOTE = frozenset("continued continues asked asks".split()) | frozenset(_MANNER)


def beside_a_quote(toks: list[Tok], v: int) -> str | None:
    """The lemma of "continued", "asked", "fumed", ... as a reporting verb: right after a quote or
    right before one (or a colon), a comma aside ('"...," Blackwell continued, "you and I ..."');
    else None."""
    if toks[v].low not in _BESIDE_A_QUOTE or v == 0:
        return None
    b = v - 1
    if b > 0 and toks[b].low in ("he", "she"):
        b -= 1  # '"...," he continued.'
    while b > 0 and b >= v - 4 and is_cap(toks[b]):
        b -= 1  # '"...," Trump continued.'
    before = toks[b - 1] if toks[b].text == "," and b > 0 else toks[b]
    k = v + 2 if v + 2 < len(toks) and toks[v + 1].text == "," else v + 1
    after = toks[k] if k < len(toks) else None
    if before.kind == "Q" or (after is not None and (after.kind == "Q" or after.text == ":")):
        return FORM_TO_LEMMA.get(toks[v].low) or _MANNER.get(toks[v].low, "continue")
    return None


# "Called" reports words when what it calls something is quoted: 'Jeb Bush called Trump "unhinged."',
# 'Cengiz called the admission a "political maneuver."'; not "Obama called Merkel on Tuesday", "a
# group called "Save Our Town"", "The group, called ...", "called for a boycott".
_CALLED = frozenset({"called", "calls"})
_CALLED_REACH = 8  # tokens from the verb to the quotation: 'called Mohammad's admission a "political maneuver"'
_NOT_CALLED = frozenset({"for", "on", "off", "up", "in", "out", "back", "upon"})


def calls_it(toks: list[Tok], v: int) -> bool:
    """Whether ``toks[v]`` is "called" or "calls" whose object is named, then what it is called
    quoted, after a subject: a name or a pronoun, the adverbs and auxiliaries between aside."""
    if toks[v].low not in _CALLED or not toks[v].text.islower() or v == 0 or toks[v - 1].kind != "W":
        return False
    if toks[v - 1].low in BE or toks[v - 1].low == "so":
        return False
    return quoted_as(toks, v)


def quoted_as(toks: list[Tok], v: int) -> bool:
    """Whether the "call" at ``toks[v]`` names its object, then quotes what it is called ("calling
    him a “nice guy”"), within ``_CALLED_REACH`` tokens."""
    if v + 1 >= len(toks) or toks[v + 1].low in _NOT_CALLED or toks[v + 1].kind != "W":
        return False
    for k in range(v + 2, min(len(toks), v + 2 + _CALLED_REACH)):
        if toks[k].kind == "Q":
            return True
        if toks[k].kind != "W" and toks[k].text not in ("'s", "’s", "'", "’"):
            return False
    return False


# "X issued a statement that ..." / 'X released a statement: "..."': the statement is X's words.
_ISSUED = frozenset("issued issues released releases sent sends posted posts published publishes".split())
_STATEMENT_OWNERS = frozenset("a an its his her their the".split())


def issues_statement(toks: list[Tok], v: int) -> int | None:
    """The token of "issued" (or "released", "sent", "posted", "published") whose statement, at
    ``toks[v]``, says what follows it: "that" or a colon after "statement" (an adjective between
    allowed: "issued a brief statement that"); None otherwise ("released a statement on Monday")."""
    if toks[v].low != "statement" or v + 1 >= len(toks) or toks[v + 1].low not in ("that", ":"):
        return None
    u = v - 1
    if u > 0 and toks[u].kind == "W" and toks[u].text.islower() and toks[u].low not in _STATEMENT_OWNERS:
        u -= 1  # "a brief statement"
    if u < 1 or toks[u].low not in _STATEMENT_OWNERS or toks[u - 1].low not in _ISSUED:
        return None
    return u - 1
