"""A "how old" question's answer tells an age: pure functions.

"How old is Medal of Honor recipient Florent Groberg?" is answered by "Groberg, 33, opened up to
Decode DC ...", which the reranker finds nearly as likely as a sentence about his medal that
tells no age; the bot then declined, since a "how old" question's best sentence must tell one
(decline.py, ``lacks_asked_unit``). When the first hit tells no age (units.py,
``answers_unit``) and one of the next ones does and the reranker finds it nearly as likely to
answer, that one comes first, by the order places, persons and doers share (promotion.py).
"""

from __future__ import annotations

from collections.abc import Sequence

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
