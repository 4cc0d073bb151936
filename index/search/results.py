"""Whether a sentence tells who won: pure functions for declining "Who won ...?" questions.

"Who won the 102nd Rose Bowl between Iowa and Stanford?" is not answered by "Iowa ... is set to
play Stanford, Calif., in the 102nd Rose Bowl": a preview of a contest, an interview before it or
a profile of a player shares every word of the question and tells no result. A sentence that
does tells it with a word of winning or losing ("won", "beat", "defeated", "victory", "the
title", "clinched", "was elected", "laureate", "took gold", "lost to"; of an award, "its selection of
X as Person of the Year", "was chosen"), which ``RESULT_WORDS``
lists generously: a result told in other words is declined only when none of them is there.
Nor is it told by one still to come: "CPAC is conducting a straw poll of candidates, the results
of which will be announced on Saturday afternoon." does not say who won the straw poll.
"""

from __future__ import annotations

import re

# "Who won ...?", "Which team won ...?", "Who has won ...?", "Who will win ...?" is a question about
# what is to come, which the time rule (times.py) reads: not asked here.
_ASKS_WINNER = re.compile(
    r"^(?:who|which\s+\w+|what\s+\w+)\s+(?:(?:has|had)\s+)?(?:won|win|wins|beat|defeated)\b", re.IGNORECASE
)

RESULT_WORDS = (
    r"won|win|wins|winning|winner|winners|beat|beats|beaten|beating|defeat|defeats|defeated|"
    r"victory|victories|victor|victorious|champion|champions|championship|title|titles|crown|crowned|"
    r"laureate|laureates|prize|award|awarded|trophy|gold|silver|bronze|medal|medals|medallist|medalist|"
    r"took|claim|claims|claimed|clinch|clinched|capture|captured|secure|secured|"
    r"edge|edged|triumph|triumphed|sweep|swept|prevail|prevailed|rout|routed|thrash|thrashed|"
    r"overcame|outscored|outlasted|elected|re-elected|landslide|topped|lose|loses|lost|losing|loser|"
    r"runner-up|draw|drew|tied|score|scored|scores|result|results|selection|selected|chose|chosen|picked|\d+-\d+"
)
_RESULT = re.compile(rf"(?<![\w-])(?:{RESULT_WORDS})(?![\w-])", re.IGNORECASE)


def asks_winner(question: str) -> bool:
    """Whether ``question`` asks who won (or beat, or defeated) something that has happened."""
    return _ASKS_WINNER.search(question.strip()[:2_000]) is not None


# A result still to come: "the results of which will be announced on Saturday", "is hoping to win
# delegates in Michigan", "is expected to win the nomination".
_TO_COME = re.compile(
    r"\bresults?\b[^.;:]{0,60}?\b(?:will|would|are\s+to|is\s+to|are\s+due\s+to|is\s+due\s+to)\s+be\s+"
    r"(?:announced|released|known|declared|revealed|published|counted)\b"
    r"|\b(?:hop(?:es|ed|ing)|expect(?:s|ed)?|likely|aim(?:s|ed|ing)?|seek(?:s|ing)?|tr(?:y|ies|ying)|wants?"
    r"|bid|chance|favou?red|poised|set|predicted|projected)\s+to\s+(?:win|wins|claim|secure|clinch|capture|take)\b",
    re.IGNORECASE,
)


def tells_result(sentence: str) -> bool:
    """Whether ``sentence`` holds a word of winning or losing (``RESULT_WORDS``), or a score, that
    is not of a result still to come (``_TO_COME``)."""
    return _RESULT.search(_TO_COME.sub(" ", sentence[:2_000])) is not None
