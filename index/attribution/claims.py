"""One sentence's candidate attributions ("claims"): a reporting verb and its speaker as written.

A reporting verb outside quotes takes the subject just before it ("Peskov said", "Sherman, who
led the talks, said", "she added") or, after a quote, the name just after it ('"...," said
Peskov'); "according to X" and "X was quoted as saying" count too. A claim's speaker is a
name, an organisation, a pronoun or a role ("the Kremlin spokesman"), resolved per article by
resolution.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from index.attribution.after_verb import according_to, quoted_as_saying, subject_after
from index.attribution.appositives import in_an_aside, quote_then_comma
from index.attribution.between import goes_between, skip_between
from index.attribution.names import (
    Mention,
    chain_start,
    find_mentions,
)
from index.attribution.nicknames import without_nicknames
from index.attribution.openings import OPENING_CONJUNCTIONS, opening_participle, sentence_subject
from index.attribution.other_senses import (
    beside_a_quote,
    calls_it,
    issues_statement,
    maintained_that,
    object_next,
    puts_it,
    quoted_as,
    spoke_then_quote,
    words_follow,
)
from index.attribution.quotes import Tok, is_cap, is_possessive, quote_spans, tokenise
from index.attribution.subjects import (
    Claim,
    subject_before,
    subject_from_chain,
)
from index.attribution.vocabulary import (
    BE,
    DETECT_FORMS,
    GENDERED,
    NOT_REPORTING_LEMMAS,
    PREPOSITIONS,
)
from index.lexicon import FORM_TO_LEMMA, WEEKDAYS


@dataclass(frozen=True)
class Parsed:
    toks: list[Tok]
    starts_in_quote: bool
    ends_in_quote: bool
    mentions: tuple[Mention, ...]
    claims: tuple[Claim, ...]
    gendered: tuple[tuple[int, str], ...]  # (token index, "m"/"f") of he/his/she/her...


def find_claims(text: str, toks: list[Tok]) -> list[Claim]:
    found: list[Claim] = []
    n = len(toks)
    for v, t in enumerate(toks):
        if t.kind != "W":
            continue
        low = t.low
        claim: Claim | None = None
        if low == "according" and v + 1 < n and toks[v + 1].low == "to":
            claim = according_to(text, toks, v)
        elif low == "saying" and v > 0 and toks[v - 1].low == "as":
            claim = quoted_as_saying(text, toks, v)
        elif puts_it(toks, v):
            claim = subject_before(text, toks, v, "put")  # 'As The Post's Dana Milbank puts it, "..."'
        elif (lemma := words_follow(toks, v)) is not None:
            claim = subject_before(text, toks, v, lemma)  # 'Jagger reacted on Twitter, "Sad news ..."'
        elif (issued := issues_statement(toks, v)) is not None:
            claim = subject_before(text, toks, issued, "state")  # "The Department issued a statement that"
        elif calls_it(toks, v):
            claim = subject_before(text, toks, v, "call")  # 'Jeb Bush called Trump "unhinged."'
        elif low == "calling" and v > 0 and toks[v - 1].text in _BEFORE_PARTICIPLE and quoted_as(toks, v):
            claim = sentence_subject(text, toks, v, "call")  # 'He held his fire on Carson, calling him a “nice guy”'
        elif (
            low in PARTICIPLES
            and v > 0
            and not _next_is(toks, v, "to")
            and (
                toks[v - 1].text in _BEFORE_PARTICIPLE
                or (v > 1 and toks[v - 2].text in _BEFORE_PARTICIPLE and toks[v - 1].low in _BETWEEN_PARTICIPLE)
                or toks[v - 1].low in CHANNELS
                or (toks[v - 1].low in _MEANS_OR_NEXT and not any(t.low in _MODALS for t in toks[:v]))
                or quote_then_comma(toks[v - 1])
            )
            and not _takes_a_thing(toks, v)
        ):
            claim = sentence_subject(text, toks, v, FORM_TO_LEMMA[low])
        elif (
            low in PARTICIPLES
            and v > 0
            and toks[v - 1].low in _BE_NOW
            and not _next_is(toks, v, "to")
            and not _takes_a_thing(toks, v)
        ):
            claim = subject_before(text, toks, v, FORM_TO_LEMMA[low])  # "Trump is telling supporters that"
        elif (
            low in PARTICIPLES
            and _with_name_before(toks, v)
            and not _next_is(toks, v, "to")
            and not _takes_a_thing(toks, v)
        ):
            # "..., with Donald Trump tweeting that": the name after "with" is the participle's subject
            claim = subject_from_chain(text, toks, chain_start(toks, v - 1), v - 1, FORM_TO_LEMMA[low], v)
        elif v == 0 and t.text in ("Said", "Says"):  # 'Said Comey, "The thought ..."'
            claim = subject_after(text, toks, 1, "say", v)
        elif v == 0 and low in PARTICIPLES and not _next_is(toks, v, "to"):  # "Noting that ..., Schlafly put"
            claim = opening_participle(text, toks, FORM_TO_LEMMA[low])
        elif v == 0 and low in _OPENING_VERBS and _then_name_and_colon(toks):  # "Stated Stone:"
            claim = subject_after(text, toks, 1, FORM_TO_LEMMA[low], v)
        elif low in _NOUN_LIKE_FORMS and t.text[0].islower() and v > 0 and is_cap(toks[v - 1]) and _announces(toks, v):
            claim = subject_before(text, toks, v, FORM_TO_LEMMA[low])  # "The New York Times reports:"
        elif lemma := beside_a_quote(toks, v):  # '"...," he continued.', '"Is it real?" Trump asked.'
            claim = subject_after(text, toks, v + 1, lemma, v) if toks[v - 1].kind == "Q" else None
            claim = claim or subject_before(text, toks, v, lemma)
        elif maintained_that(toks, v):  # "Nadler has maintained that"
            claim = subject_before(text, toks, v, "maintain")
        elif spoke_then_quote(toks, v):  # 'Gerstenmaier spoke of the work: "It's fun ..."'
            claim = subject_before(text, toks, v, "speak")
        elif low in _BASE_REPORTS and t.text[0].islower() and v > 0 and toks[v - 1].low in _DO:
            claim = subject_before(text, toks, v, low)  # "Allen did suggest that"; not "did not"
        elif _carried_on_base(toks, v):  # "D'Souza went on to explain that", "continues to insist, ..., that"
            claim = subject_before(text, toks, _going_on(toks, v), FORM_TO_LEMMA[low])
        elif low in DETECT_FORMS and t.text[0].islower() and not _passive_or_other_sense(toks, v):
            verb = DETECT_FORMS[low]
            j = v - 1
            if j >= 0 and toks[j].text == ",":
                j -= 1
            # Whoever follows "told"/"tells" is the listener ('"...," Bozell tells Breitbart News').
            inverts = verb != "tell"
            if inverts and j >= 0 and (toks[j].kind == "Q" or _closes_single_quote(toks, j)):  # "...," said X
                claim = subject_after(text, toks, v + 1, verb, v)
                if (claim is None or claim.kind == "pron") and in_an_aside(toks, j):
                    claim = subject_before(text, toks, v, verb) or claim  # "Humphrey, who calls ..."
            if claim is None and inverts and v > 0 and toks[v - 1].text == ",":  # "..., says X."
                # A name ending the clause after the verb is its speaker, before any subject
                # looked for over the commas ("In Decatur, the plant ..., said its chief, Ferriola.").
                after = subject_after(text, toks, v + 1, verb, v, whole=True)
                claim = after if after is not None and _ends_with_name(toks, v, after) else None
            if claim is None:
                claim = subject_before(text, toks, _going_on(toks, v), verb)
            if claim is None and inverts and v > 0 and toks[v - 1].text == "," and not object_next(toks, v):
                claim = subject_after(text, toks, v + 1, verb, v, whole=True)
            if claim is None and _after_conjunction(toks, v):  # "Graham called ... and said"
                claim = sentence_subject(text, toks, v, verb)
        if claim is not None:
            found.append(claim)
    return _main_clause_first(toks, found)


def _closes_single_quote(toks: list[Tok], j: int) -> bool:
    """Whether token ``j`` is a straight single quote closing a quotation ("'This is nonsense,'
    said Zakharova."): after a comma, a question or an exclamation mark."""
    return toks[j].text == "'" and j > 0 and toks[j - 1].text in (",", "?", "!")


# Words opening a clause that comes before the sentence's main one: "After Scalia said ..., Trump said".
_SUBORDINATORS = frozenset("after while when although though as before since if because whereas once".split())
_CONJUNCTIONS = OPENING_CONJUNCTIONS | {"then"}  # before the subordinate clause: "So when ..."


def _main_clause_first(toks: list[Tok], claims: list[Claim]) -> list[Claim]:
    """``claims`` with those of an opening subordinate clause after the main clause's: in "After
    Scalia said that ..., Trump said: ..." (or "So when Patriot signaled ..., Mr. Barrett said")
    the words quoted are Trump's."""
    opener = 1 if toks and toks[0].low in _CONJUNCTIONS else 0
    if len(claims) < 2 or len(toks) <= opener or toks[opener].kind != "W" or toks[opener].low not in _SUBORDINATORS:
        return claims
    comma = next((k for k, t in enumerate(toks) if t.text == ","), None)
    if comma is None:
        return claims
    opening = [c for c in claims if c.index < comma]
    main = [c for c in claims if c.index > comma]
    return main + opening if opening and main else claims


# Verb forms that are not reports when the next word is this: "reported from Washington" (a
# byline), "adding to his victories", "announced the winner" is kept: the speaker is the subject.
_OTHER_SENSE = {"reported": "from", "reports": "from", "added": "to", "adds": "to"}


# "Alleged" as an adjective ("has alleged ties", "alleged influence peddling"): a report only
# before "that", a quotation, punctuation, a name or a pronoun ("Trump alleged Biden's plan ...").
_ALLEGE = frozenset({"alleged", "alleges", "allege"})
_CLAUSE_OPENERS = frozenset("that he she they it we i the his her their".split())


def _other_sense(toks: list[Tok], v: int) -> bool:
    """ "reported from", "adding to his victories", "added another facet to his job", "alleged
    ties"; but "added to People" names a listener."""
    if toks[v].low in ("added", "adds") and _adds_a_thing(toks, v):
        return True
    if toks[v].low in _ALLEGE:
        after = toks[v + 1] if v + 1 < len(toks) else None
        return after is not None and after.kind == "W" and not is_cap(after) and after.low not in _CLAUSE_OPENERS
    if not _next_is(toks, v, _OTHER_SENSE.get(toks[v].low, "")):
        return False
    after = toks[v + 2] if v + 2 < len(toks) else None
    return toks[v + 1].low != "to" or after is None or not is_cap(after) or is_possessive(after)


def _adds_a_thing(toks: list[Tok], v: int) -> bool:
    """Whether "added" at ``v`` adds a thing to something ("has added another facet to his job",
    "added two courses to his portfolio"): a determiner, a few words, then "to"."""
    if v + 2 >= len(toks) or toks[v + 1].low not in ("a", "an", "another", "two", "three", "more", "his", "her", "its"):
        return False
    ahead = toks[v + 2 : v + 6]
    words = any(t.kind == "Q" or t.low == "that" for t in toks[v + 1 : v + 12])  # "added a note ... that"
    return any(t.low == "to" for t in ahead) and all(t.kind == "W" for t in ahead) and not words


# "is" before a reporting participle: "Trump is telling supporters that", "Clinton is insisting".
_BE_NOW = frozenset("is are was were".split())
# A report's base form after "did"/"does" ("Allen did suggest that"), as "say" always is.
_DO = frozenset("did does".split())
_BASE_REPORTS = frozenset(
    lemma for form, lemma in FORM_TO_LEMMA.items() if form == lemma and lemma not in NOT_REPORTING_LEMMAS
)
# Verbs that carry on into a reporting verb: "Pence went on to say", "Clinton continued to say".
_GOING_ON = frozenset("went go goes going continued continues continue continuing".split())
# "Trump took to Twitter to say": a platform taken to, to speak on, and when.
_TOOK = frozenset("took takes take taking".split())
_WHEN = frozenset(
    "on early late overnight again quickly yesterday today tonight morning afternoon evening night".split()
)
# ... and the words of a manner of speaking: "Trump was quick to add that", "is careful to note that",
# "Mr. Trump was prompted to say".
_KEEN = frozenset("quick careful eager keen swift prompted forced compelled moved".split())


def _going_on(toks: list[Tok], v: int) -> int:
    """The verb a reporting verb at ``v`` carries on from ("went" in "Pence went on to say",
    "continued" in "continued to say"), whose subject is the speaker; else ``v``."""
    if v < 2 or toks[v - 1].low != "to":
        return v
    if v >= 3 and toks[v - 2].low in _KEEN and toks[v - 3].low in BE:
        return v - 3  # "Trump was quick to add that"
    if (took := _took_to(toks, v - 2)) is not None:
        return took  # "Clinton took to Twitter to say"
    k = v - 3 if toks[v - 2].low == "on" and v >= 3 else v - 2
    return k if toks[k].low in _GOING_ON else v


def _took_to(toks: list[Tok], k: int) -> int | None:
    """Where "took" is in "took to Twitter (on Sunday) to" ending at ``k``, before a reporting
    verb: its subject speaks there; None otherwise."""
    while k > 0 and toks[k].kind == "W" and (toks[k].low in _WHEN or toks[k].low in WEEKDAYS):
        k -= 1  # "took to Twitter early Wednesday morning to say"
    if not is_cap(toks[k]):
        return None
    took = chain_start(toks, k) - 2
    return took if took >= 0 and toks[took + 1].low == "to" and toks[took].low in _TOOK else None


# What may follow a reporting verb's base form carried on from "went on to" / "continued to":
# what was said ("went on to explain that", "continues to insist, ..., that"), not a thing ("continued
# to add jobs", "went on to name cities").
_REPORTED_NEXT = frozenset("that , : how why whether he she they we i".split())  # "continuing to insist she will"


def _carried_on_base(toks: list[Tok], v: int) -> bool:
    """Whether the word at ``v`` is a reporting verb's base form that ``_going_on`` carries on
    from its subject's verb, reporting words: "Caddell went on to explain that"."""
    low = toks[v].low
    if low in DETECT_FORMS or FORM_TO_LEMMA.get(low) != low or low in NOT_REPORTING_LEMMAS or _going_on(toks, v) == v:
        return False
    after = toks[v + 1] if v + 1 < len(toks) else None
    return after is not None and (after.kind == "Q" or after.low in _REPORTED_NEXT)


def _ends_with_name(toks: list[Tok], v: int, claim: Claim) -> bool:
    """Whether the clause after the verb at ``v`` is only the name ``claim``, ending the sentence
    or followed by a comma (", said its chief executive, John J. Ferriola.", ", said Larry
    Sabato, director of ..."), not "said of Cruz", "said Trump lied" or "said X and Y were"."""
    if claim.kind != "name" or v + 1 >= len(toks) or toks[v + 1].low in ("of", "about", "that"):
        return False
    last = claim.value.split()[-1]
    end = next((k for k in range(v + 1, len(toks)) if toks[k].text == last), None)
    if end is None or (end + 1 < len(toks) and toks[end + 1].text not in ",.;"):
        return False
    # Only a description may come between: "one candidate he likes is Ohio Governor John Kasich"
    # and "Libya is the biggest trouble spot for Clinton" are reported words, not the speaker.
    return not any(t.low in BE or t.low in GENDERED or t.low == "that" for t in toks[v + 1 : end])


def _after_conjunction(toks: list[Tok], v: int) -> bool:
    """Whether the verb at ``v`` follows "and"/"but", over adverbs and a time: "Graham called ...
    and said", "Scott freed up funds and on Monday announced"."""
    k = skip_between(toks, v - 1)
    if k >= 0 and toks[k].text == "," and toks[k + 1].low == "then":
        return True  # "Kasich offered the man a job, then says he'll welcome advice"
    return k >= 0 and toks[k].low in ("and", "but")


def _next_is(toks: list[Tok], v: int, word: str) -> bool:
    return bool(word) and v + 1 < len(toks) and toks[v + 1].low == word


# Verbs whose object here is a thing won or made, not words: "claimed a victory", "claiming 41
# percent of the vote", "wrote the letter Feb. 2", "wrote the introduction for a new book".
_THINGS = {
    "claim": frozenset(
        "victory victories win wins prize percent seat seats title nomination delegates mantle lead majority".split()
    ),
    "write": frozenset(
        "letter letters book books introduction foreword op-ed memo bill article column chapter".split()
    ),
    "tell": frozenset("truth lie lies".split()),  # "was telling the truth"
}
_OBJECT_WORDS = frozenset("a an the his her their its our my this that".split())


def _takes_a_thing(toks: list[Tok], v: int) -> bool:
    if FORM_TO_LEMMA.get(toks[v].low) == "testify":
        return not _testimony_follows(toks, v)
    things = _THINGS.get(FORM_TO_LEMMA.get(toks[v].low, ""))
    if not things or v + 1 >= len(toks) or not (toks[v + 1].low in _OBJECT_WORDS or toks[v + 1].kind == "N"):
        return False
    for m in range(v + 2, min(v + 6, len(toks))):
        if toks[m].kind != "W" and toks[m].kind != "N":
            return False
        if toks[m].low in things:
            # ... unless the thing carries words: "wrote a letter to Attorney General Loretta E.
            # Lynch asking the Justice Department"; not "in the string of contests", "the prize
            # for exceeding expectations", "the Department's acting legal adviser".
            return not any(_participle(toks, k) for k in range(m + 1, min(m + 10, len(toks))))
    return False


def _testimony_follows(toks: list[Tok], v: int) -> bool:
    """Whether what was testified follows "testified" at ``v``: "that", a quote or a colon a few
    words on ("testified in one of the suits that", 'Comey testified "thousands" of emails'), or
    a comma closing an aside ("In between, she testified, she was ..."); not "testified before
    Congress", "testified voluntarily in 1998", "After Clinton testified, Gowdy ..."."""
    for t in toks[v + 1 : v + 10]:
        if t.kind == "Q" or t.low in ("that", ":"):
            return True
        if t.text in (".", ";"):
            break
    return _next_is(toks, v, ",") and any(t.text == "," for t in toks[max(0, v - 4) : v])


_NOT_PARTICIPLES = frozenset("during thing something nothing anything everything morning evening".split())
_NO_VERB_BEFORE = PREPOSITIONS | frozenset("a an the his her their its our my this that".split())


def _with_name_before(toks: list[Tok], v: int) -> bool:
    """Whether a name after "with" comes right before the participle at ``v``: "Republicans were
    quick to chime in, with Donald Trump tweeting that ...", "with Sen. John McCain telling reporters"."""
    if v < 2 or not is_cap(toks[v - 1]) or is_possessive(toks[v - 1]):
        return False
    a = chain_start(toks, v - 1)
    return a > 0 and toks[a - 1].low == "with"


# Reporting verbs that open a sentence before the speaker's name and a colon: "Stated Stone:".
_OPENING_VERBS = frozenset("stated added continued wrote noted explained declared tweeted replied remarked".split())
# Present forms that are also plural nouns, so not read as reports (vocabulary.DETECT_FORMS) unless
# a name is their subject and a colon or "that" follows: "The New York Times reports: ...".
_NOUN_LIKE_FORMS = frozenset("reports states tweets".split())


def _then_name_and_colon(toks: list[Tok]) -> bool:
    """Whether the tokens after the first are a capitalised name and then a colon."""
    k = 1
    while k < len(toks) and is_cap(toks[k]):
        k += 1
    return k > 1 and k < len(toks) and toks[k].text == ":"


# Words before a name that opens its clause: "on the day that the Washington Post reports that".
_OPENS_A_SUBJECT = frozenset("the and but that as while".split())
_DESCRIBING = frozenset("former longtime veteran".split())


def _announces(toks: list[Tok], v: int) -> bool:
    """Whether the verb at ``v`` is followed by a colon, or by "that" after "reports" or "tweets"
    (not "Rust Belt states that ..."), and the name before it opens its clause (not "freshly
    filed Federal Election Commission reports that track ...")."""
    if v + 1 >= len(toks) or not (toks[v + 1].text == ":" or (toks[v + 1].low == "that" and toks[v].low != "states")):
        return False
    k = chain_start(toks, v - 1) - 1
    while k >= 0 and toks[k].low in _DESCRIBING:  # "And former Louisiana Rep. David Duke reports that"
        k -= 1
    return k < 0 or toks[k].text == "," or toks[k].low in _OPENS_A_SUBJECT


def _participle(toks: list[Tok], k: int) -> bool:
    """Whether ``toks[k]`` is an -ing verb heading a clause, not a noun or a gerund object."""
    t = toks[k]
    if t.kind != "W" or not t.low.endswith("ing") or len(t.low) <= 5 or t.low in _NOT_PARTICIPLES:
        return False
    before = toks[k - 1]
    return not (before.kind == "W" and (before.low in _NO_VERB_BEFORE or is_possessive(before)))


def _passive_or_other_sense(toks: list[Tok], v: int) -> bool:
    """Passive hearsay ("is said to be", "was warned", "is accused of"): the subject is not the
    speaker; the senses of ``_OTHER_SENSE``; and ", say," for "for instance"."""
    if _other_sense(toks, v) or _takes_a_thing(toks, v):
        return True
    if toks[v].low == "say" and 0 < v < len(toks) - 1 and toks[v - 1].text == toks[v + 1].text == ",":
        return True  # "prohibitions against, say, sharing advice": for instance
    k = v - 1
    while k >= 0 and goes_between(toks[k]) and toks[k].low not in BE:
        k -= 1
    return k >= 0 and toks[k].kind == "W" and toks[k].low in BE


# "Trump released a statement Saturday, saying ...", "Clinton attacked Trump, adding ...": the
# participle reports the words of the sentence's subject.
PARTICIPLES = frozenset(
    """saying adding noting arguing insisting warning explaining declaring writing telling claiming stating tweeting
    announcing acknowledging asserting stressing suggesting vowing remarking predicting recalling complaining
    lamenting cautioning praising""".split()
)
CHANNELS = frozenset("statement interview post letter tweet".split())
_BEFORE_PARTICIPLE = frozenset({",", "—", "–", "--"})  # "Rubio flipped his choice – saying"
# Adverbs between that comma and the participle: "Clinton has expressed frustration, recently telling".
_BETWEEN_PARTICIPLE = frozenset("recently later then again also even publicly privately repeatedly once".split())
# The subject's words as its means or its next step: "Bolton distanced himself by saying",
# "Mr. McConnell deflected questions before saying"; not "after saying", a past reason.
_MEANS_OR_NEXT = frozenset({"by", "before"})
# Nor words only supposed: "He could do this by telling Grassley", "Clerks would deny licences by asserting".
_MODALS = frozenset("could would might may should can".split())


def parse_sentence(text: str, inside: bool) -> Parsed:
    spans, ends_inside = quote_spans(text, inside)
    toks = without_nicknames(tokenise(text, spans))  # 'John “Tig” Tiegen' is one name
    lead = len(text) - len(text.lstrip())
    starts_in_quote = bool(spans) and spans[0][0] <= lead
    gendered = tuple((i, GENDERED[t.low]) for i, t in enumerate(toks) if t.kind == "W" and t.low in GENDERED)
    return Parsed(
        toks, starts_in_quote, ends_inside, tuple(find_mentions(text, toks)), tuple(find_claims(text, toks)), gendered
    )
