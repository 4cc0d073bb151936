"""One near-best hit of the kind a question asks for put first: pure functions.

The feature reranker reads whether a sentence tells a place or names a new person among its
features, but weighs that against all the others. For a "where" question (places.py) or a
"who" question (persons.py), when its first hit tells no answer of the kind asked and one of the
next ones does and the reranker finds it nearly as likely to answer, that one comes first. The
same order puts a story's detail above its lede (ledes.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from index.types import Hit

# How far down the reranked hits a sentence of the kind asked is looked for, and how likely to
# answer, against the first, the reranker must find it. Measured for places (scripts/evaluate.py,
# reranked order): depth 3 or 5 and a ratio of 0.3 or 0.5 right first on the same questions; with
# no ratio, sentences the reranker finds unlikely came first and were declined.
PROMOTE_DEPTH = 3
PROMOTE_RATIO = 0.5


def promote(
    hits: Sequence[Hit], tells: Callable[[Hit], bool], depth: int = PROMOTE_DEPTH, ratio: float = PROMOTE_RATIO
) -> list[Hit]:
    """``hits`` (scored by the reranker, best first) with, when the first does not ``tells``, the
    first of the next ``depth - 1`` that does and scores at least ``ratio`` of the first's moved to
    the front; otherwise ``hits`` as given."""
    ordered = list(hits)
    if not ordered or tells(ordered[0]):
        return ordered
    floor = ratio * ordered[0].score
    for i in range(1, min(depth, len(ordered))):
        if ordered[i].score >= floor and tells(ordered[i]):
            return [ordered[i], *ordered[:i], *ordered[i + 1 :]]
    return ordered
