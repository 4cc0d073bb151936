"""A story's detail shown above its lede: pure functions on the reranked hits.

A news story opens by restating its event ("Yesterday, former United States Senator Kay Hagan
died, according to a statement released by her family."). That first sentence, its lede, shares
the most words with any question about the event, so the reranker often finds it the likeliest
to answer, above the sentence further down that says what is asked ("Hagan died from ...").
When the reranked first hit opens its article and one of the next two is another sentence of
that article which the reranker finds at least half as likely to answer (promotion.py's depth
and ratio), that sentence comes first and the lede right behind it. A lede the reranker finds
far likelier than the rest of its story still comes first, and so does a lede when the bot
would decline the detail but not the lede (answering.py): "Marat Safin won the men's singles
title" stays first for "Who won the men's singles title?" above "Serena Williams won the women's
singles title a day earlier." docs/RERANKER.md ("A story's detail above its lede") has the
figures.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from index.search.promotion import PROMOTE_DEPTH, PROMOTE_RATIO, promote
from index.types import Hit


def opens_article(hit: Hit) -> bool:
    """Whether ``hit`` is its article's first sentence."""
    return hit.position == 0


def articles_of(hit: Hit) -> frozenset[str]:
    """The ids of every article holding ``hit``'s sentence (copies of one story fold into one hit)."""
    return frozenset((hit.article_id, *(source.article_id for source in hit.sources)))


def detail_first(
    hits: Sequence[Hit],
    depth: int = PROMOTE_DEPTH,
    ratio: float = PROMOTE_RATIO,
    tells: Callable[[Hit], bool] = lambda hit: True,
) -> list[Hit]:
    """``hits`` (scored by the reranker, best first) with, when the first is its article's lede,
    the first of the next ``depth - 1`` that is another sentence of the same article and scores
    at least ``ratio`` of the first's moved to the front; otherwise ``hits`` as given. When the
    lede ``tells`` what the question asks about, so must the detail: "When did John Conyers
    die?" keeps "Yesterday, ... John Conyers died in his sleep" above "... was born in Detroit,
    Michigan, in 1929." (events_asked.py)."""
    if not hits or not opens_article(hits[0]):
        return list(hits)
    story = articles_of(hits[0])
    told = tells(hits[0])

    def tells_detail(hit: Hit) -> bool:
        return not opens_article(hit) and not story.isdisjoint(articles_of(hit)) and (not told or tells(hit))

    return promote(hits, tells_detail, depth, ratio)
