"""One sentence's candidate attributions ("claims"): a reporting verb and its speaker as written.

A reporting verb outside quotes takes the subject just before it ("Peskov said", "Sherman, who
led the talks, said", "she added") or, after a quote, the name just after it ('"...," said
Peskov'); "according to X" and "X was quoted as saying" count too. A claim's speaker is a
name, an organisation, a pronoun or a role ("the Kremlin spokesman"), resolved per article by
resolution.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from index.attribution.names import (
    Mention,
    chain_end,
    chain_start,
    find_mentions,
    is_name_token,
    name_start,
    name_text,
    span_text,
)
from index.attribution.quotes import Tok, bare, is_cap, is_possessive, quote_spans, tokenise
from index.attribution.vocabulary import (
    APPOSITIVE_MAX,
    BETWEEN,
    CONNECTORS,
    DETECT_FORMS,
    DETERMINERS,
    GENDERED,
    GENERIC,
    KNOWN_ORGS,
    ORG_HEADS,
    PARTICLES,
    PLACES,
    PREPOSITIONS,
    PRONOUNS,
    RELATIVES,
    ROLE_HEADS,
    ROLE_LOWER,
    STOP,
    TIME_INTRO,
    TIME_NOUNS,
)
from index.lexicon import FORM_TO_LEMMA, MONTHS, WEEKDAYS


@dataclass(frozen=True)
class Claim:
    kind: str  # "name", "org", "pron", "role"
    value: str  # the name / organisation / pronoun / normalised role words
    verb: str
    index: int  # token index of the verb


@dataclass(frozen=True)
class Parsed:
    toks: list[Tok]
    starts_in_quote: bool
    ends_in_quote: bool
    mentions: tuple[Mention, ...]
    claims: tuple[Claim, ...]
    gendered: tuple[tuple[int, str], ...]  # (token index, "m"/"f") of he/his/she/her...


def skip_between(toks: list[Tok], j: int) -> int:
    """Step left over adverbs, auxiliaries and time phrases between a subject and its verb."""
    while j >= 0:
        t = toks[j]
        if t.text == ")":  # "Sen. Marco Rubio (R-Fla.) said"
            k = j - 1
            while k >= 0 and j - k < 10 and toks[k].text not in "()":
                k -= 1
            if k >= 0 and toks[k].text == "(":
                j = k - 1
                continue
        if t.kind == "W" and t.low in BETWEEN and t.text[0].islower():
            j -= 1
            continue
        if t.kind == "N" or (t.kind == "W" and (t.low in MONTHS or t.low in WEEKDAYS or t.low in TIME_NOUNS)):
            k = j
            while (
                k >= 0
                and j - k < 6
                and (
                    toks[k].kind == "N"
                    or toks[k].text == ","
                    or toks[k].low in MONTHS
                    or toks[k].low in WEEKDAYS
                    or toks[k].low in TIME_NOUNS
                )
            ):
                k -= 1
            if k >= 0 and toks[k].low in TIME_INTRO:
                j = k - 1
                continue
            if toks[j].low in WEEKDAYS:  # AP style: "Peskov Tuesday said"
                j -= 1
                continue
        break
    return j


def role_words(toks: list[Tok], j: int) -> str | None:
    """Normalised words of a role phrase ending at ``j`` ("the U.S. ambassador to NATO")."""
    i = j
    while i >= 0 and j - i < 10:
        t = toks[i]
        if t.kind == "A" or (
            t.kind == "W"
            and (
                (t.text[0].isupper() and t.low not in STOP)
                or t.low in ROLE_LOWER
                or t.low in CONNECTORS
                or t.low in DETERMINERS
            )
        ):
            i -= 1
        else:
            break
    words = [bare(t.low) for t in toks[i + 1 : j + 1] if t.low not in DETERMINERS]
    if not words or not any(w in ROLE_HEADS for w in words) or (words[-1] in GENERIC and words[-1].endswith("s")):
        return None
    return " ".join(words)


def subject_from_chain(text: str, toks: list[Tok], a: int, b: int, verb: str, v: int) -> Claim | None:
    """A claim for a capitalised chain ``a..b`` that is the subject of a reporting verb."""
    if b - 2 > a and toks[b - 1].low == "of" and bare(toks[b].low) in PLACES and is_name_token(toks[b - 2]):
        b -= 2  # "Senator Barbara Boxer of California said"
    s = name_start(toks, a, b)
    if s is not None:
        name = name_text(text, toks, s, b)
        if name is None:
            return None
        return Claim("name", name, verb, v)
    lows = [bare(t.low) for t in toks[a : b + 1]]
    if any(w in ORG_HEADS for w in lows) or (len(lows) == 1 and (lows[0] in KNOWN_ORGS or toks[b].text.isupper())):
        while a < b and bare(toks[a].low) in STOP:
            a += 1
        org = span_text(text, toks, a, b)
        if org.lower() in PLACES:
            return None
        return Claim("org", org, verb, v)
    role = role_words(toks, b)
    return Claim("role", role, verb, v) if role else None


def subject_before(text: str, toks: list[Tok], v: int, verb: str) -> Claim | None:
    j = skip_between(toks, v - 1)
    if j < 0:
        return None
    t = toks[j]
    if t.kind == "W" and t.low in PRONOUNS:
        return Claim("pron", t.low, verb, v)
    if t.text == ",":  # "Sherman, who led those talks, said" / "Peskov, however, said"
        return _subject_before_comma(text, toks, j, verb, v)
    if is_cap(t):
        if is_possessive(t):
            return None  # "Peskov’s comments"
        a = chain_start(toks, j)
        p = a - 1
        while p >= 0 and toks[p].low in DETERMINERS:
            p -= 1
        if p >= 0 and toks[p].kind == "W":
            if toks[p].low in RELATIVES and name_start(toks, a, j) is None:
                return None  # "in what the United States has said could be ..." (a person would count)
            if toks[p].low in PREPOSITIONS and toks[p].text[0].islower():
                role = role_words(toks, j)  # "The U.S. ambassador to NATO says"
                return Claim("role", role, verb, v) if role else None
        return subject_from_chain(text, toks, a, j, verb, v)
    if t.kind == "W" and t.low in ROLE_HEADS:  # "the Kremlin spokesman said"
        role = role_words(toks, j)
        return Claim("role", role, verb, v) if role else None
    return None


def _subject_before_comma(text: str, toks: list[Tok], end: int, verb: str, v: int) -> Claim | None:
    """The subject before an appositive that ends with the comma at ``end``: "Sherman, who led
    those talks, said", "the White House spokesman, Josh Earnest, said", "Alixandria Lapp,
    executive director of the House Majority PAC, a Democratic super PAC, said" (a person is
    looked for over up to ``APPOSITIVE_COMMAS`` commas; an organisation only if no person is found)."""
    fallback: Claim | None = None
    for _ in range(APPOSITIVE_COMMAS):
        k = end - 1
        while k >= 0 and end - k <= APPOSITIVE_MAX and toks[k].text != ",":
            if toks[k].kind == "Q" or toks[k].text in ".;:":
                return fallback
            k -= 1
        if k <= 0 or toks[k].text != ",":
            return fallback
        a, b = k + 1, end - 1
        if b >= a and is_cap(toks[a]) and chain_end(toks, a) == b and not is_cap(toks[k - 1]):
            named = subject_from_chain(text, toks, a, b, verb, v)  # "the spokesman, Josh Earnest,"
            if named is not None and named.kind == "name":
                return named
        before = skip_between(toks, k - 1)  # "Rep. Elijah Cummings (D-Md.), chair of ..., said"
        t = toks[before]
        if is_cap(t) and not is_possessive(t):
            found = subject_from_chain(text, toks, chain_start(toks, before), before, verb, v)
            if found is not None and found.kind == "name":
                return found
            fallback = fallback or found
        end = k
    return fallback


APPOSITIVE_COMMAS = 5  # "Cecelia Purner, 67, a retired representative in Allentown, Pa., said"

# Words that end the noun phrase naming a speaker after the verb ('"...," said X as he left').
_AFTER_NAME_ENDS = frozenset(
    "as after before when while in on at during who which that to and but because if since with from for by about".split()
)


def subject_after(text: str, toks: list[Tok], k: int, verb: str, v: int, whole: bool = False) -> Claim | None:
    """The speaker named after a verb or "according to": "...," said Kremlin spokesman Dmitry Peskov.

    ``whole``: the name must end its clause (", says X." / ", says X in Almaty"), so that
    "..., said Clinton didn't appear concerned" (Clinton is the reported subject) names nobody.
    """
    n = len(toks)
    if k >= n:
        return None
    if toks[k].kind == "W" and toks[k].low in PRONOUNS:
        return Claim("pron", toks[k].low, verb, v)
    e = k
    capitals = False
    while e < n and e - k < 12:
        t = toks[e]
        if t.kind == "A" or (t.kind == "W" and t.text[0].isupper()):
            capitals = capitals or is_name_token(t)
        elif not (
            t.kind == "W"
            and (
                t.low in ROLE_LOWER
                or t.low in CONNECTORS
                or t.low in DETERMINERS
                or t.low in PARTICLES
                # "said former tech executive Carly Fiorina": any description before the name
                or (not capitals and t.low not in _AFTER_NAME_ENDS and t.low not in DETECT_FORMS)
            )
        ):
            break
        e += 1
    if whole and e < n and toks[e].kind == "W" and toks[e].low not in _AFTER_NAME_ENDS:
        return None
    chains = []
    i = k
    while i < e:
        if is_cap(toks[i]):
            b = min(chain_end(toks, i), e - 1)
            chains.append((i, b))
            i = b + 1
        else:
            i += 1
    claims = [c for a, b in chains if (c := subject_from_chain(text, toks, a, b, verb, v))]
    for kind in ("name", "org", "role"):
        for c in claims:
            if c.kind == kind:
                return c
    if e > k and not chains:
        role = role_words(toks, e - 1)
        if role:
            return Claim("role", role, verb, v)
    return None


def find_claims(text: str, toks: list[Tok]) -> list[Claim]:
    found: list[Claim] = []
    n = len(toks)
    for v, t in enumerate(toks):
        if t.kind != "W":
            continue
        low = t.low
        claim: Claim | None = None
        if low == "according" and v + 1 < n and toks[v + 1].low == "to":
            claim = subject_after(text, toks, v + 2, "say", v)
        elif low == "saying" and v > 0 and toks[v - 1].low == "as":
            claim = quoted_as_saying(text, toks, v)
        elif (
            low in PARTICIPLES
            and v > 0
            and not _next_is(toks, v, "to")
            and (toks[v - 1].text == "," or toks[v - 1].low in CHANNELS)
        ):
            claim = sentence_subject(text, toks, v, FORM_TO_LEMMA[low])
        elif v == 0 and t.text in ("Said", "Says"):  # 'Said Comey, "The thought ..."'
            claim = subject_after(text, toks, 1, "say", v)
        elif _continues_a_quote(toks, v):  # '"...," he continued.'
            claim = subject_after(text, toks, v + 1, "continue", v) if toks[v - 1].kind == "Q" else None
            claim = claim or subject_before(text, toks, v, "continue")
        elif low in DETECT_FORMS and t.text[0].islower() and not _passive_or_other_sense(toks, v):
            verb = DETECT_FORMS[low]
            j = v - 1
            if j >= 0 and toks[j].text == ",":
                j -= 1
            if j >= 0 and toks[j].kind == "Q":  # "...," said X   /   "...," X said
                claim = subject_after(text, toks, v + 1, verb, v)
            if claim is None:
                claim = subject_before(text, toks, v, verb)
            if claim is None and v > 0 and toks[v - 1].text == ",":  # "India has more ..., says X."
                claim = subject_after(text, toks, v + 1, verb, v, whole=True)
            if claim is None and _after_conjunction(toks, v):  # "Graham called ... and said"
                claim = sentence_subject(text, toks, v, verb)
        if claim is not None:
            found.append(claim)
    return found


_BE = frozenset("is was were are been being be".split())
# Verb forms that are not reports when the next word is this: "reported from Washington" (a
# byline), "adding to his victories", "announced the winner" is kept: the speaker is the subject.
_OTHER_SENSE = {"reported": "from", "reports": "from", "added": "to", "adds": "to"}


def _continues_a_quote(toks: list[Tok], v: int) -> bool:
    """ "continued" as a reporting verb: right after a quote or right before one (or a colon)."""
    if toks[v].low not in ("continued", "continues") or v == 0:
        return False
    before = toks[v - 2] if toks[v - 1].text == "," and v > 1 else toks[v - 1]
    after = toks[v + 1] if v + 1 < len(toks) else None
    return before.kind == "Q" or (after is not None and (after.kind == "Q" or after.text == ":"))


def _after_conjunction(toks: list[Tok], v: int) -> bool:
    k = v - 1
    while k >= 0 and toks[k].kind == "W" and toks[k].low in BETWEEN:
        k -= 1
    return k >= 0 and toks[k].low in ("and", "but")


def _next_is(toks: list[Tok], v: int, word: str) -> bool:
    return bool(word) and v + 1 < len(toks) and toks[v + 1].low == word


def _passive_or_other_sense(toks: list[Tok], v: int) -> bool:
    """Passive hearsay ("is said to be", "was warned", "is accused of"): the subject is not the
    speaker; and the senses of ``_OTHER_SENSE``."""
    if _next_is(toks, v, _OTHER_SENSE.get(toks[v].low, "")):
        return True
    k = v - 1
    while k >= 0 and toks[k].kind == "W" and toks[k].low in BETWEEN and toks[k].low not in _BE:
        k -= 1
    return k >= 0 and toks[k].kind == "W" and toks[k].low in _BE


# "Trump released a statement Saturday, saying ...", "Clinton attacked Trump, adding ...": the
# participle reports the words of the sentence's subject.
PARTICIPLES = frozenset(
    "saying adding noting arguing insisting warning explaining declaring writing telling claiming stating tweeting".split()
)
CHANNELS = frozenset("statement interview post letter tweet".split())


def sentence_subject(text: str, toks: list[Tok], v: int, verb: str) -> Claim | None:
    """The name or pronoun opening the sentence, as the speaker of a participle at ``v``."""
    if not toks or toks[0].kind == "Q" or v < 2:
        return None
    first = toks[0]
    if first.kind == "W" and first.low in PRONOUNS and first.low in ("he", "she"):
        return Claim("pron", first.low, verb, 0)
    if not is_cap(first) or first.low in STOP:  # "Like Corker, Menendez ..."
        return None
    b = chain_end(toks, 0)
    if b + 1 < len(toks) and toks[b + 1].low in ("later", "earlier", "ago", "after", "before"):
        return None  # "Minutes later, the campaign issued a statement saying"
    if is_possessive(toks[b]):
        return None  # "Rubio's campaign tweeted ..., saying": the campaign, not Rubio
    if b >= v or (b + 1 < len(toks) and toks[b + 1].kind == "W" and toks[b + 1].text[0].isupper()):
        return None
    return subject_from_chain(text, toks, 0, b, verb, v)


def quoted_as_saying(text: str, toks: list[Tok], v: int) -> Claim | None:
    """ "Peskov was quoted (by TASS) as saying" and "TASS quoted Peskov as saying"."""
    k = v - 2
    if k < 0:
        return None
    if is_cap(toks[k]):
        a = chain_start(toks, k)
        p = a - 1
        if p >= 0 and toks[p].low == "quoted":
            return subject_from_chain(text, toks, a, k, "say", v)
        if p >= 1 and toks[p].low == "by" and toks[p - 1].low == "quoted":
            return subject_before(text, toks, p - 1, "say")
        return None
    if toks[k].low == "quoted":
        return subject_before(text, toks, k, "say")
    return None


def parse_sentence(text: str, inside: bool) -> Parsed:
    spans, ends_inside = quote_spans(text, inside)
    toks = tokenise(text, spans)
    lead = len(text) - len(text.lstrip())
    starts_in_quote = bool(spans) and spans[0][0] <= lead
    gendered = tuple((i, GENDERED[t.low]) for i, t in enumerate(toks) if t.kind == "W" and t.low in GENDERED)
    return Parsed(
        toks, starts_in_quote, ends_inside, tuple(find_mentions(text, toks)), tuple(find_claims(text, toks)), gendered
    )
