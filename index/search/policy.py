"""``AnswerPolicy``: how many hits an answer shows, when it declines instead, and how it ranks."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from index.search.decline import MIN_SCORE, RERANK_MIN_SCORE
from index.search.ranking import Weights
from index.search.reranking import RERANK_BLEND, RERANK_DEPTH, RERANK_REORDER_MARGIN


@dataclass(frozen=True)
class AnswerPolicy:
    """How many hits to show, when to decline instead, and how to rank."""

    max_shown: int = 3
    # Further hits are shown only while they score this close to the best one.
    margin: float = 0.08
    # Below this ranking score the best hit is not trusted to answer (calibrated: decline.py).
    min_score: float = MIN_SCORE
    # Decline questions naming what no article mentions, or sharing no word with any article.
    check_words: bool = True
    # False: the plain dense path (FAISS cosine only), kept to measure what the rest adds.
    hybrid: bool = True
    weights: Weights = field(default_factory=Weights)
    # The reranker (feature_rerank.py, or a cross-encoder: reranking.py): used when the searcher
    # has one loaded and this is True; declining then reads its probability (README: "The reranker").
    rerank: bool = True
    # How many of the ranking's best hits it rescores (one cross-encoder run each, two at a time on two cores).
    rerank_depth: int = RERANK_DEPTH
    # How much of the ranking's own score is added to the reranker's probability.
    rerank_blend: float = RERANK_BLEND
    # Below this reranked score the best hit is not trusted to answer (calibrated: decline.py).
    rerank_min: float = RERANK_MIN_SCORE
    # Further reranked hits are shown only while they score this close to the best one.
    rerank_margin: float = 0.2
    # The feature reranker: also order the hits by its probability (False: the ranking's order,
    # its probability read by declining only). On since the model reads a cross-encoder
    # (feature_rerank.py says why).
    rerank_reorder: bool = True
    # ... when its most probable hit beats the ranking's first by this or more (else the
    # ranking's first stays first, an unsure model not overturning it, and the others follow by
    # probability).
    rerank_reorder_margin: float = RERANK_REORDER_MARGIN

    def reranking(
        self,
        *,
        depth: int | None = None,
        blend: float | None = None,
        min_score: float | None = None,
        reorder: bool | None = None,
        reorder_margin: float | None = None,
    ) -> AnswerPolicy:
        """This policy with the reranker settings given (None keeps this policy's): the scripts' --rerank-* flags."""
        return replace(
            self,
            rerank_depth=self.rerank_depth if depth is None else depth,
            rerank_blend=self.rerank_blend if blend is None else blend,
            rerank_min=self.rerank_min if min_score is None else min_score,
            rerank_reorder=self.rerank_reorder if reorder is None else reorder,
            rerank_reorder_margin=self.rerank_reorder_margin if reorder_margin is None else reorder_margin,
        )
