"""Whether a sentence is about a sibling of what a question asks about: pure functions for declining.

"How many Democratic absentee ballots had been requested in Florida?" is not answered by "In
Florida, nearly 850,000 Republican absentee ballots have so far been requested.", however close
the two are in words and meaning: the question qualifies what it asks about with one of a few
words that exclude each other (a party, men or women, a point of the compass, a season, an
ordinal), and the sentence qualifies the same thing with another of them and never writes the
asked one. Such a sentence answers a question about the sibling ("the men's final" for "Who won
the women's final?", "South Carolina" for "North Carolina", "the second quarter" for "the
third quarter"), not the one asked. So for an event a name tells apart ("the South Carolina
primary" for "the New Hampshire primary"), a numbered thing ("Boeing 727" for "Boeing 757") and,
for "how many", a toll ("killed 130 people" for "How many people were injured?").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from index.lexicon import word_set
from index.search.query import is_calendar_word
from index.search.units import Stemmer
from index.store.lexical import STOP_WORDS

# Families of words that exclude each other as the qualifier of one thing; each family is a
# tuple of classes of synonyms. A possessive is read without its "'s" ("women's" -> "women").
FAMILIES: tuple[tuple[frozenset[str], ...], ...] = (
    (word_set("democratic democrat democrats"), word_set("republican republicans gop")),
    (
        word_set("labour"),
        word_set("conservative conservatives tory tories"),
        word_set("ukip"),
        word_set("snp"),
    ),
    (word_set("men man male boys boy"), word_set("women woman female girls girl")),
    (word_set("north northern"), word_set("south southern"), word_set("east eastern"), word_set("west western")),
    (word_set("summer"), word_set("winter")),
    (word_set("army"), word_set("navy naval"), word_set("marine marines")),
    (word_set("senate"), word_set("house")),
    (
        word_set("first 1st"),
        word_set("second 2nd"),
        word_set("third 3rd"),
        word_set("fourth 4th"),
        word_set("fifth 5th"),
        word_set("sixth 6th"),
    ),
)
_CLASS = {word: (f, c) for f, family in enumerate(FAMILIES) for c, members in enumerate(family) for word in members}

_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?['’]?")
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True)
class Sibling:
    """What the question asks about and what the sentence is about instead, as each writes it:
    ``asked`` "Democratic absentee", ``given`` "Republican absentee"."""

    asked: str
    given: str  # empty: the sentence is about nothing of the kind ("how many were arrested": no toll)

    @property
    def reason(self) -> str:
        """Why the sentence does not answer, for the user."""
        if not self.given:
            return f'The best sentence does not tell how many were "{self.asked}".'
        return f'The best sentence is about "{self.given}", the question about "{self.asked}".'


def _words(text: str) -> list[tuple[str, str]]:
    """(read, as written) for each word; read in lower case and without a possessive's "'s"."""
    return [(_POSSESSIVE.sub("", w.casefold()), w) for w in _WORD.findall(text[:2_000])]


def _lower_words(text: str) -> list[tuple[str, str]]:
    """``_words`` of ``text`` written in lower case, and its first: a capitalised word inside it is
    a name's ("Black Lives Matter" counts no lives)."""
    return [(w, written) for i, (w, written) in enumerate(_words(text)) if i == 0 or not written[:1].isupper()]


def _qualified(words: Sequence[tuple[str, str]], stems: Stemmer) -> list[tuple[int, int, str, str]]:
    """(family, class, the two words as written, stem of the second) for each qualifier followed
    by a word that is not a stop word."""
    out = []
    for (word, written), (following, following_written) in pairwise(words):
        if (where := _CLASS.get(word)) is not None and (thing := stems(following)):
            out.append((*where, f"{written} {following_written}", thing[0]))
    return out


def qualifies_a_sibling(question: str, sentence: str, stems: Stemmer) -> Sibling | None:
    """The sibling ``sentence`` is about instead of what ``question`` asks about, or None.

    ``question`` qualifies a thing with one class of a family ("Democratic absentee ballots"),
    ``sentence`` the same thing (by stem) with another class of that family ("Republican
    absentee ballots") and holds no word of the asked class anywhere ("Democratic and
    Republican ballots" answers). A question that names two classes of a family ("Democratic
    or Republican voters") asks about both, so that family is not read."""
    asked = _qualified(_words(question), stems)
    if not asked:
        return None
    classes: dict[int, set[int]] = {}
    for family, cls, _, _ in asked:
        classes.setdefault(family, set()).add(cls)
    words = _words(sentence)
    held = {_CLASS[w] for w, _ in words if w in _CLASS}
    given = _qualified(words, stems)
    for family, cls, written, thing in asked:
        if len(classes[family]) > 1 or (family, cls) in held:
            continue
        for other_family, other_cls, other_written, other_thing in given:
            if other_family == family and other_cls != cls and other_thing == thing:
                return Sibling(written, other_written)
    return None


# Events of the news that a name tells apart: "the New Hampshire primary" is not "the South
# Carolina primary", nor "the Iowa caucuses" "the Nevada caucuses", nor "the Paris attacks" the
# Brussels ones. Singular and plural, read in lower case. Nor "Hurricane Gonzalo" Hurricane Humberto.
EVENTS = word_set("""
    primary primaries caucus caucuses debate debates attack attacks bombing bombings shooting
    shootings election elections convention conventions rally rallies summit summits
""")
# A storm is named after its kind, whichever it is by now: "Tropical Storm Humberto" is "Hurricane
# Humberto", and "Hurricane Gonzalo" another storm.
STORMS = word_set("hurricane typhoon cyclone storm")
# What follows a storm's kind and names none: "the National Hurricane Center", "Hurricane Hunters".
_NO_STORM = word_set("center centre centers hunter hunters season seasons warning warnings watch watches week")
_CAPITALISED = re.compile(r"[A-Z][A-Za-z.'’-]*")


def _named_events(text: str, stems: Stemmer) -> list[tuple[frozenset[str], str, str]]:
    """(the name's words, read, the event's stem, name and event as written) for each event of
    ``EVENTS`` (not written in capitals: a headline) right after a run of capitalised words, a
    family's word (a party: "Democratic", which ``qualifies_a_sibling`` reads) and a month or a day
    left out of the name."""
    words = _WORD.findall(text[:2_000])
    out = []
    for i, word in enumerate(words):
        if word.casefold() in STORMS and word[:1].isupper() and not word.isupper():
            end = i + 1  # "Hurricane Humberto", "Tropical Storm Humberto": the name comes after
            while end < len(words) and _CAPITALISED.fullmatch(words[end]) and words[end].casefold() not in STOP_WORDS:
                end += 1
            if end > i + 1 and words[i + 1].casefold() not in _NO_STORM:
                out.append(
                    (frozenset(w for w, _ in _words(" ".join(words[i + 1 : end]))), "storm", " ".join(words[i:end]))
                )
            continue
        if word.casefold() not in EVENTS or word.isupper():
            continue  # a headline in capitals ("THE NEXT GOP DEBATE") tells no name by its case
        if word[:1].isupper() and i + 1 < len(words) and _CAPITALISED.fullmatch(words[i + 1]):
            continue  # a place or a body named after one: "the Mesquite Convention Center"
        start = i
        # A capitalised stop word is no name: a question's or a sentence's first word may be one.
        while start > 0 and _CAPITALISED.fullmatch(words[start - 1]) and words[start - 1].casefold() not in STOP_WORDS:
            start -= 1
        # A month or a day tells when, not which ("the January GOP debate"): the time rules read it.
        name = frozenset(w for w, _ in _words(" ".join(words[start:i])) if w not in _CLASS and not is_calendar_word(w))
        if name and (thing := stems(word)):
            out.append((name, thing[0], " ".join(words[start : i + 1])))
    return out


def names_another_event(question: str, sentence: str, stems: Stemmer) -> Sibling | None:
    """The event ``sentence`` names instead of the one ``question`` asks about, or None.

    ``question`` names an event ("the New Hampshire primary"), ``sentence`` the same kind of
    event (by stem) under another name ("the South Carolina primary") and no word of the asked
    name anywhere ("New Hampshire's primary", "the primary in New Hampshire" answer)."""
    asked = _named_events(question, stems)
    if not asked:
        return None
    held = {w for w, _ in _words(sentence)}
    given = _named_events(sentence, stems)
    for name, thing, written in asked:
        if not name.isdisjoint(held):
            continue
        for other, other_thing, other_written in given:
            if other_thing == thing and other != name:
                return Sibling(written, other_written)
    return None


# A name and the number that tells one of its kind apart: "Boeing 757", "Flight 370", "House Bill
# 1523", "Apollo 11". Not a month and a day or a year ("March 2016"): dates are the time rules'.
_NUMBERED = re.compile(r"\b([A-Z][A-Za-z]+)\s+(\d+)\b")


def _numbered(text: str) -> list[tuple[str, str, str]]:
    """(the name read, its number, both as written) for each name followed by a whole number."""
    return [
        (m.group(1).casefold(), m.group(2), m.group())
        for m in _NUMBERED.finditer(text[:2_000])
        if not is_calendar_word(m.group(1).casefold())
    ]


def numbers_another(question: str, sentence: str) -> Sibling | None:
    """The numbered thing ``sentence`` is about instead of the one ``question`` asks about, or
    None: "In 2009, he decided to sell his Boeing 727" for "When did Trump buy his Boeing 757?".
    A sentence that writes the asked number anywhere ("the 757, not the 727") may answer."""
    asked = _numbered(question)
    if not asked:
        return None
    given = _numbered(sentence)
    for name, number, written in asked:
        if re.search(rf"(?<![\d,.]){number}(?![\d,])", sentence):
            continue
        for other, other_number, other_written in given:
            if other == name and other_number != number:
                return Sibling(written, other_written)
    return None


# What a "how many" question may count of an attack, an accident or a protest: the dead, the hurt,
# the arrested. Each excludes the others: "attacks that killed 130 people" does not say how many
# were injured.
TOLLS: tuple[frozenset[str], ...] = (
    word_set("killed kill kills killing dead died die dies death deaths fatalities fatality lives perished slain"),
    word_set("injured injure injures injuring injuries injury wounded wounding hurt hospitalized hospitalised"),
    word_set("arrested arrest arrests arresting detained detaining detention custody"),
)
_ASKS_HOW_MANY = re.compile(r"^\W*how\s+many\b", re.IGNORECASE)


def another_of_a_kind(question: str, sentence: str, stems: Stemmer) -> Sibling | None:
    """What ``sentence`` is about instead of what ``question`` asks, of the kinds above: a sibling
    qualifier, another event, another numbered thing, another toll or none of what befell those
    counted, or the other end of what a "when" question asks the start or the end of. None when
    none is."""
    return (
        qualifies_a_sibling(question, sentence, stems)
        or names_another_event(question, sentence, stems)
        or numbers_another(question, sentence)
        or counts_another_toll(question, sentence)
        or tells_the_other_end(question, sentence)
        or lacks_asked_fate(question, sentence, stems)
        or estimated_by_another(question, sentence)
    )


# Who estimated a crowd: the police and the organisers of a march give different figures.
_ESTIMATORS = ("police", "organi[sz](?:ers?|ing)")
_ESTIMATE = re.compile(r"\bestimat\w*|\baccording\s+to\b", re.IGNORECASE)


def _estimates(who: str, text: str) -> bool:
    """Whether ``text`` gives an estimate by ``who`` (a pattern of ``_ESTIMATORS``): "organizers
    estimated", "estimates by event organizers", "according to police", "police said"."""
    near = rf"\b{who}\b\W+(?:\w+\W+){{0,3}}?(?:estimat|said|say|put)|estimat\w*\W+(?:\w+\W+){{0,3}}?{who}\b"
    return re.search(rf"{near}|according\s+to\s+(?:the\s+)?(?:\w+\s+)?{who}\b", text[:2_000], re.IGNORECASE) is not None


def estimated_by_another(question: str, sentence: str) -> Sibling | None:
    """Whose estimate ``sentence`` gives when ``question`` asks the other's: "Estimates by event
    organizers indicate roughly one million people marched" does not tell how many the police
    estimated marched. None when the question asks no estimate by the police or the organisers,
    or the sentence gives the asked one's too ("police disapproval" gives none)."""
    if _ESTIMATE.search(question[:2_000]) is None:
        return None
    for asked, other in (_ESTIMATORS, _ESTIMATORS[::-1]):
        if re.search(rf"\b{asked}\b", question[:2_000], re.I) and not re.search(
            rf"\b{other}\b", question[:2_000], re.I
        ):
            if _estimates(other, sentence) and not _estimates(asked, sentence):
                given = re.search(rf"\b{other}\b", sentence[:2_000], re.IGNORECASE)
                return Sibling(asked if asked == "police" else "organizers", given.group(0) if given else other)
    return None


# "How many people had been tested ...?", "How many apartments were damaged ...?": what befell
# the things counted, a participle after the counted noun and "were", "had been", "got".
_ASKS_FATE = re.compile(
    r"^\W*how\s+many\s+(?:[\w'’-]+\s+){1,4}?(?:were|was|are|is|have\s+been|has\s+been|had\s+been|got|get)\s+([a-z]+ed)\b",
    re.IGNORECASE,
)

# Participles that tell no particular fate: "How many federal employees are affected by the
# shutdown?" is answered by "800,000 employees, is not in operation", which need not write it.
_ANY_FATE = word_set("affected impacted involved concerned included")


def lacks_asked_fate(question: str, sentence: str, stems: Stemmer) -> Sibling | None:
    """What befell the things a "how many" ``question`` counts, when ``sentence`` writes no form of
    it (``given`` empty), as ``counts_another_toll`` reads the dead and the hurt: "two people who
    returned from Italy" does not say how many people in Bangladesh had been tested. None when the
    sentence writes it ("tests", "testing"), or the question asks no such thing."""
    m = _ASKS_FATE.search(question[:2_000])
    if m is None or m.group(1).casefold() in _ANY_FATE:
        return None
    fate = frozenset(stems(m.group(1)))
    if not fate or not fate.isdisjoint(stems(sentence[:2_000])):
        return None
    return Sibling(m.group(1), "")


# A start and an end, which a "when" question asks one of: "When did Gillibrand launch her
# presidential campaign?" is not answered by "... ended her campaign on Wednesday."
# Not joining and leaving: "in 2009, she was appointed to fill Hillary Clinton's Senate seat after
# Clinton resigned" tells when Gillibrand entered the Senate.
ENDS: tuple[frozenset[str], frozenset[str]] = (
    word_set("""start starts started starting begin begins began begun beginning launch launches launched
    launching open opens opened opening"""),
    word_set("""end ends ended ending finish finishes finished finishing suspend suspends suspended
    suspending close closes closed closing conclude concludes concluded concluding"""),
)
_ASKS_WHEN = re.compile(
    r"^\W*(?:when|(?:in|on)\s+what\s+(?:year|month|day|date)|what\s+(?:year|date))\b", re.IGNORECASE
)


def tells_the_other_end(question: str, sentence: str) -> Sibling | None:
    """The end ``sentence`` tells when a "when" ``question`` asks the start of something (or the
    start when it asks the end; ``ENDS``) and the sentence holds no word of the asked one: "ended her
    campaign on Wednesday" for "When did Gillibrand launch her presidential campaign?". A
    capitalised word is a name's ("the Australian Open"). None otherwise."""
    found = _asked_and_given(question, sentence, ENDS) if _ASKS_WHEN.search(question) else None
    return Sibling(found[0], found[1]) if found is not None and found[1] else None


def _asked_and_given(question: str, sentence: str, family: Sequence[frozenset[str]]) -> tuple[str, str | None] | None:
    """(the asked word as ``question`` writes it, the first word of another class of ``family``
    that ``sentence`` writes, or None) when the question writes words of exactly one class and the
    sentence none of that class; None otherwise. Capitalised words inside either are names'."""
    question_words = _lower_words(question)
    asked = [kind for kind in family if any(w in kind for w, _ in question_words)]
    if len(asked) != 1:
        return None
    words = _lower_words(sentence)
    if any(w in asked[0] for w, _ in words):
        return None
    others = [kind for kind in family if kind is not asked[0]]
    given = next((written for w, written in words if any(w in kind for kind in others)), None)
    return next(written for w, written in question_words if w in asked[0]), given


def counts_another_toll(question: str, sentence: str) -> Sibling | None:
    """The toll ``sentence`` counts instead of the one a "how many" ``question`` asks, or None:
    "suicide bombers killed 130 people" for "How many people were injured in the Paris attacks?".
    A sentence counting no toll at all does not tell the asked one either (``given`` is empty):
    "Several hundred demonstrators ... took to the streets" does not say how many were arrested.
    A question asking two tolls ("killed or injured") is not read; a sentence holding a word of
    the asked one anywhere ("12 dead and 40 injured") may answer. A capitalised word is a name's,
    no toll ("Black Lives Matter")."""
    found = _asked_and_given(question, sentence, TOLLS) if _ASKS_HOW_MANY.match(question) else None
    return Sibling(found[0], found[1] or "") if found is not None else None
