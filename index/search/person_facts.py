"""Facts about the one person a question names in full, read where news writes them: pure functions.

"How old is Sadiq Khan?" is answered by "When asked how his proposed ban would affect Khan, 45,
Trump said ...", a sentence about the ban that the reranker's candidates miss; "What did Dinualdo
Gutierrez die of?" by "Gutierrez was suffering from prostate cancer and chronic obstructive
pulmonary disease.", which the reranker scores below the lede telling that he died. News writes
an age beside the surname ("Khan, 45,", ages.tells_age_of) and a cause of death after "died of",
"died from", "suffering from", "succumbed to" or "cause of death" beside it. answering.py reads the
sentences holding the surname, in articles that write the first name too, and keeps those that
tell the fact asked (``AskedFact.tells``); a sentence that writes the name in full comes before
one with the surname alone ("Humayun Khan, 27", not his father's "Khizr Khan, 66": ``in_full``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from index.search.ages import tells_age_of, writes_in_full
from index.search.naming import people_in_full
from index.search.units import asks_age

# "What did X die of?", "What illness killed X?", "How did X die?", "What was the cause of X's death?",
# "What caused X's death?"
_ASKS_CAUSE = re.compile(
    r"^\W*(?:what|which\s+\w+)\s+(?:did|had)\s+.+?\s+die\s+(?:of|from)\b"
    r"|^\W*what\s+(?:illness|disease|condition|cancer|infection|virus|ailment)\s+(?:killed|did|had)\b"
    r"|^\W*what\s+killed\b|^\W*how\s+did\s+.+?\s+die\b|\bcause\s+of\s+.+?\s+death\b|^\W*what\s+caused\b.*\bdeath\b",
    re.IGNORECASE,
)
# What a cause of death is told with: "died of", "died on Tuesday from", "suffering from",
# "succumbed to", "cause of death"; not "died at the age of 80", "the death of Bishop X".
_TELLS_CAUSE = re.compile(
    r"\b(?:died|dies|dying)(?:\s+(?!age\b)[\w,]+){0,4}?\s+(?:of|from)\s+(?!(?:the\s+)?(?:age|home|his|her)\b)"
    r"|\bdeath\s+from\b|\bsuffer(?:ed|ing|s)?\s+from\b|\bsuccumb(?:ed|s)?\s+to\b|\bcause\s+of\s+(?:\w+\s+)?death\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class AskedFact:
    """The fact a question asks about one person: ``what`` it is (for the answer's reason), the
    person's ``surname`` and ``first`` name (casefolded), and whether a sentence ``tells`` it."""

    what: str
    surname: str
    first: str
    tells: Callable[[str], bool]

    def in_full(self, sentence: str) -> bool:
        """Whether ``sentence`` writes the person's name in full ("Humayun Khan")."""
        return writes_in_full(sentence, self.first, self.surname)


def asks_cause_of_death(question: str) -> bool:
    """Whether ``question`` asks what someone died of ("What did Jean Harlow die of?")."""
    return _ASKS_CAUSE.search(question[:2_000]) is not None


def tells_cause_of_death(sentence: str, surname: str) -> bool:
    """Whether ``sentence`` names ``surname`` (casefolded) and tells a cause of death: "Hagan died
    from Powassan virus", "Gutierrez was suffering from prostate cancer"."""
    text = sentence[:2_000]
    named = re.search(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text, re.IGNORECASE) is not None
    return named and _TELLS_CAUSE.search(text) is not None


def asked_fact(question: str) -> AskedFact | None:
    """The fact ``question`` asks about the one person it names in full (an age, a cause of death),
    or None: another question, or one naming nobody or several people in full."""
    age = asks_age(question)
    if not age and not asks_cause_of_death(question):
        return None
    # One person named with a first name the lexicon knows ("Kay Hagan", not "North Carolina"),
    # else with any ("Florent Groberg").
    people = people_in_full(question)
    if len(people) != 1:
        people = people_in_full(question, known_first=False)
    if len(people) != 1:
        return None
    ((surname, first),) = people.items()
    if age:
        return AskedFact("the age", surname, first, lambda sentence: tells_age_of(question, sentence))
    return AskedFact("what killed them", surname, first, lambda sentence: tells_cause_of_death(sentence, surname))
