"""Whether a sentence says where something happened: pure functions for the "where" questions.

"Where did Kasich announce the end of his campaign?" is answered by "... telling supporters in
Columbus, Ohio", not by "Kasich agreed to effectively end his bid for Indiana", though both hold
a name the question lacks (what the answer-kind features of rerank_features.py read for "who",
"which" and "where" alike). A place is told after a preposition of place: a name ("at Temple
University", "in White Plains") or a venue ("at a church in Cleveland", "at a rally").

The feature reranker reads ``gives_place`` among its features, but weighs it against all the
others: "Kasich agreed to effectively end his bid for Indiana" still came out first. So
``place_first`` puts a sentence that tells a place above a first one that tells none when the
reranker finds it nearly as likely to answer (promotion.py).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from index.lexicon import word_set
from index.search.promotion import PROMOTE_DEPTH, PROMOTE_RATIO, promote
from index.search.query import Query, asks_place, is_calendar_word
from index.types import Hit

# The prepositions a place follows ("on" for "on CNN", "on the campus", "in front of 131 West
# 23rd Street"). "to" and "for" are left out: "to the campaign", "for Indiana" say where something
# goes or what it is for, not where it happened; but "a visit to Scotland" says where someone was.
# After "from", a venue tells a place ("spoke from his home"), but a name only to a question that
# asks where from ("Where is his family from?"): "officials from the United States" says who
# they are, not where the talks were.
_AT = r"\b(?:in\s+front\s+of|next\s+to|across\s+from|in|at|on|inside|outside|near|from|aboard|(?:visit|trip|journey|return|travel)\s+to)\s+"

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
    weekday or a month is a time ("in March"), not a place; a name after "from" is one only
    when the question has "from" too."""
    for match in _PLACE_AFTER.finditer(sentence):
        origin = match.group().casefold().startswith("from") and "from" not in asked_letters
        for written in match.group("words").split():
            word = written.strip(".,;:!?'’\"“”()")
            folded = word.casefold()
            if folded in _PHRASE_ENDS or is_calendar_word(folded):
                break
            if folded in VENUES or (folded.endswith("s") and folded[:-1] in VENUES):
                return True
            if word[:1].isupper() and folded not in asked_letters and not origin:
                return True
            if written[-1:] in ",;:.)":  # the phrase ends: "in Ohio, John Kasich" names only Ohio
                break
    return False


def asks_where(query: Query) -> bool:
    """Whether ``query`` asks where something is or happened (query.asks_place), not a nationality."""
    return asks_place(query) and "nationality" not in query.letters


def place_first(
    query: Query, hits: Sequence[Hit], depth: int = PROMOTE_DEPTH, ratio: float = PROMOTE_RATIO
) -> list[Hit]:
    """``hits`` (scored by the reranker, best first) with, for a "where" question whose first hit
    tells no place (``gives_place``), the first of the next ``depth - 1`` that tells one and
    scores at least ``ratio`` of the first's moved to the front: "Ohio Gov. John Kasich suspended
    his presidential campaign Wednesday evening, telling supporters in Columbus, Ohio" above
    "Kasich agreed to effectively end his bid for Indiana" for "Where did John Kasich announce the
    end of his campaign?". Any other question (a nationality is not told after "in" or "at"), or a
    first hit that tells a place: ``hits`` as given."""
    if not asks_where(query):
        return list(hits)
    return promote(hits, lambda hit: gives_place(hit.sentence, query.letters), depth, ratio)
