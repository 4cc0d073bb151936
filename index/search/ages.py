"""A "how old" question's answer tells an age: pure functions.

"How old is Medal of Honor recipient Florent Groberg?" is answered by "Groberg, 33, opened up to
Decode DC ...", which the reranker finds nearly as likely as a sentence about his medal that
tells no age; the bot then declined, since a "how old" question's best sentence must tell one
(decline.py, ``lacks_asked_unit``). When the first hit tells no age (units.py,
``answers_unit``) and one of the next ones does and the reranker finds it nearly as likely to
answer, that one comes first, by the order places, persons and doers share (promotion.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from index.attribution.vocabulary import DEMONYMS, PLACES
from index.lexicon import FIRST_NAMES, is_title_word
from index.search.naming import people_in_full
from index.search.promotion import PROMOTE_DEPTH, PROMOTE_RATIO, promote
from index.search.query import Query
from index.search.units import AGE, Stemmer, answers_unit, asks_age
from index.types import Hit


def age_first(
    query: Query, hits: Sequence[Hit], stems: Stemmer, depth: int = PROMOTE_DEPTH, ratio: float = PROMOTE_RATIO
) -> list[Hit]:
    """``hits`` (scored by the reranker, best first) with, for a "how old" question whose first
    hit tells no age, the first of the next ``depth - 1`` that tells one and scores at least
    ``ratio`` of the first's moved to the front; any other question: ``hits`` as given."""
    if not asks_age(query.text):
        return list(hits)
    return promote(hits, lambda hit: answers_unit(AGE, hit.sentence, stems), depth, ratio)


def tells_age_of(question: str, sentence: str) -> bool:
    """Whether ``sentence`` writes the age of someone a "how old" question names in full (two
    capitalised words or more, naming.people_in_full) beside the surname: "Groberg, 33, opened up
    ...", "Ms. Lewinsky, a 22-year-old White House intern", "the 63-year-old Johnson", "Khan was
    27 years old". Not when another first name comes before the surname ("Donald Trump, 70" for
    "How old is Ivanka Trump?", "28-year-old Usman Khan" for "How old is Sadiq Khan?")."""
    if not asks_age(question):
        return False
    text = sentence[:2_000]
    for surname, first in people_in_full(question, known_first=False).items():
        name = rf"(?<![\w-])(?:([A-Z][a-z]+)\s+)?{re.escape(surname)}(?:['’]s)?"
        after = rf"{name},?\s+(?:(?:who\s+)?(?:is|was|aged)\s+)?(?:an?\s+)?\d{{1,3}}(?:-year-old\b|\s+years\s+old\b|(?=[,;)]))"
        before = rf"\b\d{{1,3}}-year-old\s+(?:[A-Z][\w.]*\s+){{0,3}}?{name}\b"
        for match in (*re.finditer(after, text, re.IGNORECASE), *re.finditer(before, text, re.IGNORECASE)):
            written = match.group(1)
            if written is None or written.casefold() == first or not _another_first_name(written):
                return True
    return False


# An age written beside a name: "22-year-old Rangoli Patil", "Rangoli Patil, 22,".
_AGED_NAME = re.compile(r"\b\d{1,3}-year-old\s+((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]+)")
_NAME_AGED = re.compile(r"\b([A-Z][\w'’-]+),\s+\d{1,3}\s*,")
# An age written beside someone's kin: "the 30-year-old daughter of Principal Dawn Hochsprung".
_AGED_KIN = re.compile(
    r"\b\d{1,3}-year-old\s+(son|daughter|wife|husband|mother|father|brother|sister|grandson|granddaughter"
    r"|grandmother|grandfather|nephew|niece|child|widow|widower)\b"
)


def age_of_another(question: str, sentence: str, stems: Stemmer) -> str | None:
    """Whose age ``sentence`` gives when a "how old" question asks about someone it names in full
    and every age the sentence tells is written beside another's name: "B Shiva Parvathi was
    running the train as loco pilot, and 22-year-old Rangoli Patil was her loco co-pilot" does not
    say how old B Shiva Parvathi is. None when it tells the asked one's (``tells_age_of``), an
    age beside no name ("a 22-year-old woman"), or none."""
    if not asks_age(question) or tells_age_of(question, sentence):
        return None
    asked = people_in_full(question, known_first=False)
    text = sentence[:2_000]
    named = [m.group(1) for m in (*_AGED_NAME.finditer(text), *_NAME_AGED.finditer(text), *_AGED_KIN.finditer(text))]
    others = [name for name in named if name.split()[-1].casefold().removesuffix("'s") not in asked]
    rest = _AGED_KIN.sub(" ", _NAME_AGED.sub(" ", _AGED_NAME.sub(" ", text)))
    if not asked or not others or len(others) < len(named) or answers_unit(AGE, rest, stems, question):
        return None
    return others[0]


def writes_in_full(sentence: str, first: str, surname: str) -> bool:
    """Whether ``sentence`` writes the name ``first`` ``surname`` (casefolded) in full: "Humayun Khan"."""
    name = rf"(?<![\w-]){re.escape(first)}\s+{re.escape(surname)}(?![\w-])"
    return re.search(name, sentence[:2_000], re.IGNORECASE) is not None


# Capitalised words before a surname that are no first name: "Democrat Kaine, 58", "Senator Kaine".
_NOT_FIRST = frozenset({"democrat", "republican", "democratic", "gop", "labour", "tory", "conservative", "liberal"})


def _another_first_name(word: str) -> bool:
    """Whether ``word``, written before a surname, is someone's first name: a known one, or any
    capitalised word but a title, a place, a people or a party ("Usman" of "Usman Khan"; not
    "Senator", "Iowa", "Democrat")."""
    low = word.casefold()
    if not word[:1].isupper():  # "would affect Khan, 45,": read without regard to case
        return False
    if low in FIRST_NAMES:
        return True
    return not (is_title_word(low) or is_title_word(f"{low}.") or low in PLACES or low in DEMONYMS or low in _NOT_FIRST)
