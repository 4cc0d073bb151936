"""What caused something, asked of a sentence that tells only that it happened: a pure function
for declining (decline.py, 3.).

"What caused the Badalona apartment fire?" is not answered by "An apartment block caught fire on
Saturday morning in Badalona, a Catalonian city around ten kilometres from Barcelona.", the
sentence closest to it in words and meaning: a cause is told with words of causing ("caused",
"due to", "blamed on", "sparked", "started in a recalled car", "a gas leak led to", "destroyed
by"), of what is suspected or investigated, or that none is known yet ("no cause had yet been
released"). A death's cause is life_events.py's.
"""

from __future__ import annotations

import re

from index.search.person_facts import asks_cause_of_death

_ASKS_CAUSE = re.compile(
    r"^\W*what\s+(?:caused|causes|cause|triggered|sparked|started|set\s+off|led\s+to)\b"
    r"|^\W*what\s+(?:was|is|were|are|will\s+be)\s+(?:the\s+)?(?:\w+\s+)?causes?\s+of\b",
    re.IGNORECASE,
)
_TELLS_CAUSE = re.compile(
    r"\b(?:caus(?:e|es|ed|ing)|because|due\s+to|owing\s+to|blam(?:e|ed|es|ing)|trigger(?:ed|s|ing)?|spark(?:ed|s|ing)?"
    r"|start(?:ed|s|ing)?\s+(?:in|by|when|after|from|with)|led\s+to|lead\s+to|leads\s+to|result(?:ed|s|ing)?"
    r"|suspect(?:ed|s)?|believed|thought\s+to|link(?:ed|s)?|attribut(?:ed|es)|ascrib(?:ed|es)|reason|origin"
    r"|ignit(?:ed|ion)|leak|short[\s-]circuit|electrical|fault(?:y)?|arson|deliberate(?:ly)?|accident(?:al|ally)?"
    r"|investigat(?:e|ed|es|ing|ion|ors?)|unknown|unclear|not\s+(?:yet\s+)?(?:known|clear|determined)"
    r"|[a-z]+ed\s+by)\b",  # "destroyed by a gas explosion", "hit by lightning"
    re.IGNORECASE,
)


def lacks_asked_cause(question: str, sentence: str) -> bool:
    """Whether ``question`` asks what caused something (not a death: "What caused the Badalona
    fire?", "What was the cause of the crash?") and ``sentence`` holds no word of causing,
    suspicion or inquiry (``_TELLS_CAUSE``)."""
    return (
        _ASKS_CAUSE.search(question[:2_000]) is not None
        and not asks_cause_of_death(question)
        and _TELLS_CAUSE.search(sentence[:2_000]) is None
    )
