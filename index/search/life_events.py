"""A question about someone's life, birth to burial, and a sentence telling another moment of it:
pure functions for declining (decline.py, 3.).

A story about someone tells when they were born, married or died in sentences that are close to
any question about them, in words and in meaning:

- "What was the cause of Nickey Iyambo's death?" is not answered by "Nickey Iyambo, former
  vice-president of Namibia, died on Sunday, early in the morning.": a question asking how someone
  died wants what killed them ("died of cancer", "complications from a stroke", "in a crash", "an
  unspecified lung disorder"), or that it is not known;
- "When did Nickey Iyambo become vice-president of Namibia?" is not answered by it either: its
  only date is the death's, a day of the week with no month or year, and the question asks about
  something else;
- "When did Jacques Chirac marry Bernadette?" is not answered by "Jacques Chirac was born in 1932
  in Paris.", nor "Where was Hosni Mubarak buried?" by "... died aged 91 in a military hospital in
  Cairo": a question asking when or where one moment of a life happened (``LIFE_EVENTS``: born,
  married, divorced, died, buried) is not answered by a sentence telling another and not it.
"""

from __future__ import annotations

import re

from index.lexicon import MONTHS, word_set
from index.search.person_facts import asks_cause_of_death

# What tells how someone died, read more loosely than person_facts.py reads it to find the answer
# (a right answer must not be declined): a cause after the verb ("died of", "died after", "died in
# a crash"; not "the death of X"), a cause's name ("cancer", "a stroke", "complications"), or that
# none is known.
_TELLS_CAUSE = re.compile(
    r"\b(?:(?:died|dies|die|dying|dead)\s+of|(?:died|dies|die|dying|dead|death)\s+(?:from|after|following|due|because"
    r"|when|while|as\s+a\s+result|in\s+(?:an?|the|his|her|their)\b|by\s+(?:suicide|his|her|their)\b))"
    r"|\b(?:cancer|tumou?rs?|leukemia|disease|illness|ill|sick|sickness|stroke|heart|cardiac|suicide|overdose"
    r"|infection|complications?|injur(?:y|ies)|wounds?|crash(?:ed)?|accident|collision|shot|shooting|gunfire"
    r"|stabbed|stabbing|drowned|drowning|killed|murdered|pneumonia|covid(?:-19)?|coronavirus|virus|failure"
    r"|disorder|condition|ailment|ascribed|attributed|caused?|succumbed|fire|blast|explosion|bomb(?:ing)?"
    r"|unknown|unclear|undisclosed|unspecified|autopsy|post-mortem|overdosed|poisoned|poisoning|hanged|strangled)\b",
    re.IGNORECASE,
)
_ABOUT_DEATH = re.compile(
    r"\b(?:die|died|dies|dying|death|deaths|dead|killed|passed\s+away|funeral|buried|burial|obituary)\b",
    re.IGNORECASE,
)
_TELLS_DEATH = re.compile(r"\b(?:died|dies|passed\s+away|death\s+of)\b", re.IGNORECASE)
_ASKS_WHEN = re.compile(r"^\W*(?:when|(?:in\s+)?what\s+(?:year|month|day|date))\b", re.IGNORECASE)
# A year (TrecQA masks its figures "<num>") or a month ("may" and "mar" only capitalised: "he may have").
_YEAR_OR_MONTH = re.compile(
    r"<num>|\b(?:1[5-9]\d\d|20\d\d|(?i:{}))\b|\b(?:May|Mar)\b".format(
        "|".join(sorted(MONTHS - {"may", "mar"}, key=len, reverse=True))
    )
)


# The moments of a life a "when" or "where" question asks about, each in the words news tells it with.
LIFE_EVENTS: dict[str, frozenset[str]] = {
    "a birth": word_set("born birth birthplace"),
    "a marriage": word_set("married marry marries marrying marriage wed weds wedded wedding"),
    "a divorce": word_set("divorce divorced divorces divorcing"),
    "a death": word_set("died dies die dying death dead killed murdered slain"),
    "a burial": word_set("buried burial funeral funerals interred cremated"),
}
_WORD = re.compile(r"[a-z]+")
_ASKS_WHEN_OR_WHERE = re.compile(
    r"^\W*(?:when|where|(?:in|on)\s+what|what\s+(?:year|month|day|date|city|town|country|place))\b", re.IGNORECASE
)


def another_life_event(question: str, sentence: str) -> tuple[str, str] | None:
    """(the moment of a life ``sentence`` tells, the one ``question`` asks when or where) when the
    question asks about one of ``LIFE_EVENTS`` and the sentence tells another and not it: "Jacques
    Chirac was born in 1932 in Paris." for "When did Jacques Chirac marry Bernadette?". None otherwise."""
    if not _ASKS_WHEN_OR_WHERE.search(question):
        return None
    asked_words = set(_WORD.findall(question[:2_000].casefold()))
    asked = [event for event, words in LIFE_EVENTS.items() if not words.isdisjoint(asked_words)]
    if len(asked) != 1:
        return None
    held = set(_WORD.findall(sentence[:2_000].casefold()))
    if not LIFE_EVENTS[asked[0]].isdisjoint(held):
        return None
    told = next((event for event, words in LIFE_EVENTS.items() if not words.isdisjoint(held)), None)
    return (told, asked[0]) if told is not None else None


def life_event_unexplained(question: str, sentence: str) -> str | None:
    """Why ``sentence`` does not answer a ``question`` about someone's life, or None when it may:
    it tells no cause for a question asking how they died (person_facts.py,
    ``asks_cause_of_death``); for "when", its only date is a death's, which the question does not
    ask about; or it tells another moment of their life than the one asked (``another_life_event``)."""
    text = sentence[:2_000]
    if asks_cause_of_death(question) and _TELLS_CAUSE.search(text) is None:
        return "The best sentence does not tell how they died, which the question asks."
    if (
        _ASKS_WHEN.search(question)
        and _ABOUT_DEATH.search(question[:2_000]) is None
        and _TELLS_DEATH.search(text) is not None
        and _YEAR_OR_MONTH.search(text) is None
    ):
        return "The best sentence dates a death, which the question does not ask about."
    if (other := another_life_event(question, text)) is not None:
        return f"The best sentence tells of {other[0]}, the question asks about {other[1]}."
    return None
