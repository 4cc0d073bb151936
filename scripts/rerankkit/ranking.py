"""How well a scorer reranks TrecQA dev's candidate lists: MRR@10 over the dev questions."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from scripts.rerankkit.pairs import Candidates

# scores for (question, sentences) -> one float per sentence
Scorer = Callable[[str, Sequence[str]], np.ndarray]


def reciprocal_rank(scores: np.ndarray, labels: Sequence[int], depth: int = 10) -> float:
    order = np.argsort(-scores, kind="stable")[:depth]
    return next((1.0 / (i + 1) for i, j in enumerate(order) if labels[j]), 0.0)


def mrr_at_10(score: Scorer, dev: Sequence[Candidates]) -> float:
    return float(np.mean([reciprocal_rank(score(c.question, c.sentences), c.labels) for c in dev]))


def dense_scorer() -> Scorer:
    """The bundled bi-encoder's cosine: the ranking the reranker should improve on."""
    from sentence_transformers import SentenceTransformer

    from scripts.rerankkit.training import bundled_model_dir

    encoder = SentenceTransformer(str(bundled_model_dir()), device="cpu")

    def score(question: str, sentences: Sequence[str]) -> np.ndarray:
        vectors = encoder.encode([question, *sentences], normalize_embeddings=True, batch_size=64)
        return np.asarray(vectors[1:] @ vectors[0])

    return score
