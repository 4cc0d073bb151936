"""Who opens a sentence: the speaker of a verb that has no subject of its own, a participle
("Trump released a statement, saying ...") or a second verb ("Graham called ... and said").

The subject is the name or "he"/"she" opening the sentence, after an opening phrase and its comma
("In a brief interview, Ms. Conway rejected ... and said") and after the words describing a
candidate ("Democratic presidential nominee Hillary Clinton called ... and said").
"""

from __future__ import annotations

from index.attribution.appositives import quote_then_comma
from index.attribution.names import chain_end
from index.attribution.quotes import Tok, is_cap, is_possessive
from index.attribution.subjects import Claim, subject_from_chain
from index.attribution.vocabulary import PRONOUNS, ROLE_HEADS, ROLE_LOWER, STOP
from index.lexicon import FIRST_NAMES, is_title_word


def sentence_subject(text: str, toks: list[Tok], v: int, verb: str) -> Claim | None:
    """The name or pronoun opening the sentence, as the speaker of a participle at ``v``; after
    an opening phrase and its comma ("In a brief interview, Ms. Conway rejected ... and said")."""
    if not toks or toks[0].kind == "Q" or v < 2:
        return None
    start = _after_age(toks, _after_conjunction_opening(toks, _after_dateline(toks, v), v), v)
    phrase = _opens_a_phrase(toks, start)
    found = None if phrase and toks[start].low not in STOP else _opening_subject(text, toks, start, v, verb)
    if found is None and phrase:
        # the subject after the phrase's comma, or after its next one ("At an event in Ames,
        # Iowa, on Sunday, Mrs. Clinton ...")
        for comma in range(start + 1, min(v - 1, start + _OPENING_PHRASE_MAX)):
            ends = toks[comma].text == "," or quote_then_comma(toks[comma])  # 'with "Fox and Friends,"'
            if ends and (found := _opening_subject(text, toks, comma + 1, v, verb)):
                break
    if found is None and (named := _name_after_a_role(toks, start, v)) is not None:
        found = _opening_subject(text, toks, named, v, verb)  # "The party leader, Marine Le Pen, ..."
    return found


def opening_participle(text: str, toks: list[Tok], verb: str) -> Claim | None:
    """The speaker of a participle opening the sentence: the subject after its phrase's comma
    ("Noting that both battled the media, Schlafly put her finger on ...", "Noting he majored in
    philosophy, Allen said"); None when no name or "he"/"she" opens the clause after it."""
    comma = next((k for k, t in enumerate(toks[: _OPENING_PHRASE_MAX * 3]) if t.text == "," or t.kind == "Q"), None)
    if comma is None or toks[comma].kind == "Q" or comma + 1 >= len(toks):
        return None
    found = _opening_subject(text, toks, comma + 1, len(toks), verb)
    return found if found is not None and found.kind in ("name", "pron") else None


def _after_age(toks: list[Tok], start: int, v: int) -> int:
    """Where the subject starts after an age before it: "76-year-old Morton Blackwell endorsed Cruz,
    saying"."""
    k = start
    if k + 2 < v and toks[k].kind == "N" and toks[k + 1].text == "-" and toks[k + 2].low == "year-old":
        return k + 3
    return start


def _name_after_a_role(toks: list[Tok], start: int, v: int) -> int | None:
    """Where the name starts after a role that opens the sentence and its comma: "The party
    leader, Marine Le Pen, backed ..., saying", "But the other candidate on the stage, former
    Secretary of State Hillary Clinton, drew a contrast, saying"; None when it opens otherwise."""
    first = toks[start]
    if not (first.kind == "W" and (first.low in ("the", "a", "an") or is_possessive(first))):
        return None
    for k in range(start + 1, min(v - 1, start + _OPENING_PHRASE_MAX)):
        t = toks[k]
        if t.text == ",":
            if not any(w.low in ROLE_HEADS or w.low in _CANDIDATES for w in toks[start:k]):
                return None
            named = k + 1
            while (
                named < v and toks[named].kind == "W" and toks[named].text.islower() and toks[named].low in ROLE_LOWER
            ):
                named += 1  # "former Secretary of State Hillary Clinton"
            return named if is_cap(toks[named]) else None
        if t.kind != "W":
            return None
    return None


def _after_conjunction_opening(toks: list[Tok], start: int, v: int) -> int:
    """Where the sentence goes on after an opening "And", "But" and the like ("And then Trump
    went on the attack, saying"; "But a few days later, Trump reversed himself, telling")."""
    k = start
    if k < v and toks[k].kind == "W" and toks[k].low in OPENING_CONJUNCTIONS:
        k += 1
        while k < v and toks[k].kind == "W" and toks[k].low in OPENING_ADVERBS:
            k += 1
    return k if k < v else start


def _opens_a_phrase(toks: list[Tok], start: int) -> bool:
    """Whether the sentence opens with a phrase before its subject: "In a statement," or "Hours
    later,"."""
    first = toks[start]
    if first.kind == "W" and first.low in _OPENING_PHRASE_WORDS:
        return True
    if first.kind == "W" and first.low.endswith("ing") and len(first.low) > 5 and first.low not in FIRST_NAMES:
        # "Continuing to explain his perspective, Carson rejected ...", not "Manning released ..., saying"
        ends = range(start + 2, min(start + _OPENING_PHRASE_MAX, len(toks) - 1))
        return any(toks[k].text == "," and (is_cap(toks[k + 1]) or toks[k + 1].low in ("he", "she")) for k in ends)
    # a time before the comma: "Hours later,", "A few days later,", "The day before,"
    timed = False
    for k in range(start + 1, min(start + _TIME_PHRASE_MAX, len(toks))):
        if toks[k].text == ",":
            return timed
        if toks[k].kind != "W" or not toks[k].text[0].islower():
            return False
        timed = timed or toks[k].low in _TIME_WORDS
    return False


def _after_dateline(toks: list[Tok], v: int) -> int:
    """Where the sentence starts after a dateline before a dash ("WASHINGTON —", "LA CROSSE,
    Wisc. —", "WASHINGTON, June 24 (UPI) —"); 0 when it has none."""
    for k in range(min(v, _DATELINE_MAX)):
        t = toks[k]
        if t.text in ("—", "--", "–"):
            agency = any(toks[j].text == "(" for j in range(1, k))  # "Washington (AFP) –"
            return k + 1 if k > 0 and ((toks[0].text.isupper() and len(toks[0].text) > 1) or agency) else 0
        if t.kind == "Q" or (t.kind == "W" and t.text[0].islower()):
            return 0
    return 0


# Words that open a phrase before a sentence's subject: "In a statement, ...", "Last month, ...",
# "Asked about the email, ...", "When told ..., Bush thought ... and said".
_OPENING_PHRASE_WORDS = frozenset(
    "in on at during after before last earlier later asked when while since speaking with"
    " here there back inside outside for amid despite like without throughout"
    " by under over within through until unlike among upon against across beyond from toward towards"
    " however meanwhile separately nevertheless instead moreover furthermore additionally previously".split()
)
_TIME_WORDS = frozenset("later earlier ago before after day days week weeks month months year years".split())
_TIME_PHRASE_MAX = 6  # tokens up to a time phrase's comma
OPENING_CONJUNCTIONS = frozenset("and but so yet".split())
OPENING_ADVERBS = frozenset("then even now also still".split())
_OPENING_PHRASE_MAX = 14  # tokens up to the phrase's comma
_DATELINE_MAX = 12  # tokens up to a dateline's dash
# Words that describe a candidate before their name: "Democratic presidential nominee Hillary Clinton".
_CANDIDATES = frozenset(
    "presidential presumptive nominee candidate hopeful front-runner frontrunner rival".split()
)  # tokens up to the phrase's comma


def _opening_subject(text: str, toks: list[Tok], start: int, v: int, verb: str) -> Claim | None:
    first = toks[start]
    if first.kind == "W" and first.low in PRONOUNS and first.low in ("he", "she"):
        return Claim("pron", first.low, verb, start)
    named = first.low == "the" and start + 1 < v and is_cap(toks[start + 1])
    if named:  # "The State Department has deemed ... and says": an organisation only
        start, first = start + 1, toks[start + 1]
    elif first.low == "the" and (titled := _title_before_name(toks, start + 1, v)) is not None:
        start, first = titled, toks[titled]  # "The district GOP Chairman Chuck Williams declined ... but said"
    if not is_cap(first) or first.low in STOP:  # "Like Corker, Menendez ..."
        return None
    b = chain_end(toks, start)
    k = b + 1
    while k < v and toks[k].kind == "W" and (toks[k].low in ROLE_LOWER or toks[k].low in _CANDIDATES):
        k += 1
    # "The Washington Post columnist Ruth Marcus ... wrote": her, not the Post
    described = named and k == b + 1 < v - 1 and toks[k].text.islower() and toks[k + 1].low in FIRST_NAMES
    if described:
        k += 1
    if k > b + 1 and k < v and is_cap(toks[k]):  # "Presumptive Democratic presidential nominee Hillary Clinton"
        b = chain_end(toks, k)
    if (
        b + 2 < len(toks)
        and toks[b + 1].low in ("later", "earlier", "ago", "after", "before")
        and toks[b + 2].kind != "W"
    ):
        return None  # "Minutes later, the campaign issued a statement saying"; not "Trump later blamed ..., saying"
    if b == start and b + 2 < len(toks) and toks[b + 1].text == "." and toks[b + 2].text == ",":
        return None  # a state's abbreviation: "at a rally in Beaumont, Tex., Mr. Trump ..."
    if is_possessive(toks[b]) and b + 1 < v and toks[b + 1].low in FIRST_NAMES:
        start, b = b + 1, chain_end(toks, b + 1)  # "The Blaze's Matt Walsh provided ..., saying"
        named = False
    if is_possessive(toks[b]):
        return None  # "Rubio's campaign tweeted ..., saying": the campaign, not Rubio
    if b >= v or (b + 1 < len(toks) and toks[b + 1].kind == "W" and toks[b + 1].text[0].isupper()):
        return None
    found = subject_from_chain(text, toks, start, b, verb, v)
    if named and not described and (found is None or found.kind != "org" or not _verb_next(toks[b + 1])):
        return None  # not "The Trump campaign", "The Supreme Court justice", "The GOP front-runner"
    return found


def _title_before_name(toks: list[Tok], k: int, v: int) -> int | None:
    """Where a title starts that is followed by a first name, a few lower-case or capitalised
    words after "the": "the district GOP Chairman Chuck Williams" (at "Chairman"); else None."""
    for j in range(k, min(v - 1, k + 5)):
        if toks[j].kind != "W":
            return None
        if is_title_word(toks[j].text) and is_cap(toks[j]) and toks[j + 1].low in FIRST_NAMES:
            return j
    return None


# Nouns after a name that make it a modifier, not the subject: "The Trump campaign", "The Supreme
# Court justice", "The GOP front-runner", "The Rove ad".
_MODIFIED = frozenset("campaign campaigns ad ads justice justices team staff".split())


def _verb_next(t: Tok) -> bool:
    """Whether ``t``, after a name, may open its verb phrase (not "justice", "front-runner")."""
    return not (
        t.kind == "W" and (t.low in _MODIFIED or t.low in ROLE_HEADS or t.low in ROLE_LOWER or t.low in _CANDIDATES)
    )
