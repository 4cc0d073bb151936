"""Whether a sentence says where something happened: a pure function for the "where" questions.

"Where did Kasich announce the end of his campaign?" is answered by "... telling supporters in
Columbus, Ohio", not by "Kasich agreed to effectively end his bid for Indiana", though both hold
a name the question lacks (what the answer-kind features of rerank_features.py read for "who",
"which" and "where" alike). A place is told after a preposition of place: a name ("at Temple
University", "in White Plains") or a venue ("at a church in Cleveland", "at a rally").
"""

from __future__ import annotations

import re
from collections.abc import Collection

from index.lexicon import word_set
from index.search.query import is_calendar_word

# The prepositions a place follows ("on" for "on CNN", "on the campus"). "to" and
# "for" are left out: "to the campaign", "for Indiana" say where something goes or what it is
# for, not where it happened; but "a visit to Scotland" says where someone was.
_AT = r"\b(?:in|at|on|inside|outside|near|from|aboard|(?:visit|trip|journey|return|travel)\s+to)\s+"

# Words that end the phrase read: "in the state toward Cruz" names no place.
_PHRASE_ENDS = word_set(
    "to toward towards for that which who whom and or but as than because after before when while if by"
)
_LOOK_AHEAD = 3  # words after the preposition (and its article) that may name the place: "at a packed rally"
_PLACE_AFTER = re.compile(
    # A lookahead, so that a preposition among the words read is itself read: "a speech in Columbus".
    _AT + rf"(?=(?:(?:the|a|an|his|her|their|its|our|this|that)\s+)?(?P<words>\S+(?:\s+\S+){{0,{_LOOK_AHEAD - 1}}}))",
    re.IGNORECASE,
)

# Venues and kinds of place a news story says something happened at.
VENUES = word_set("""
    airport arena auditorium base bar building cafe café campus capitol cathedral center centre
    chapel church club college community conference convention courthouse court diner
    embassy event facility factory fair farm forum fundraiser gym hall headquarters home hospital
    hotel house library mall meeting mosque museum office palace park plant prison rally ranch
    residence restaurant school stadium stage station store street studio summit synagogue
    temple theater theatre university venue
""")


def gives_place(sentence: str, asked_letters: Collection[str]) -> bool:
    """Whether ``sentence`` names a place after a preposition of place that the question does not
    give: a capitalised word not among ``asked_letters`` (the question's casefolded words), or a
    venue, though a place the question names stands before it ("at the Brussels airport"). A
    weekday or a month is a time ("in March"), not a place."""
    for match in _PLACE_AFTER.finditer(sentence):
        for written in match.group("words").split():
            word = written.strip(".,;:!?'’\"“”()")
            folded = word.casefold()
            if folded in _PHRASE_ENDS or is_calendar_word(folded):
                break
            if folded in VENUES or (folded.endswith("s") and folded[:-1] in VENUES):
                return True
            if word[:1].isupper() and folded not in asked_letters:
                return True
            if written[-1:] in ",;:.)":  # the phrase ends: "in Ohio, John Kasich" names only Ohio
                break
    return False
