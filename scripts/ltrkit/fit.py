"""Fitting the feature reranker (scikit-learn, the ``train`` extra) and writing its ``ltr.json``.

The model is pointwise: each candidate is one example, labelled 1 when it answers its question.
Trained so, its probability means the same across questions, which is what declining needs (a
question whose best candidate scores low is one the articles do not answer; SQuAD 2.0's
unanswerable questions, all of whose candidates are 0, teach that), and it orders each list too.
``kind`` "logistic" is logistic regression; "mlp" a network with one hidden ReLU layer.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from index.rerank.features_model import FORMAT
from scripts.ltrkit.candidates import CandidateLists

KINDS = ("logistic", "mlp")


def fit_model(
    lists: CandidateLists,
    features: Sequence[str],
    *,
    kind: str = "logistic",
    c: float = 0.1,
    hidden: int = 16,
    seed: int = 13,
    weights: np.ndarray | None = None,
) -> dict[str, Any]:
    """The ``ltr.json`` contents of a model fitted to ``lists`` (columns named by ``features``);
    ``weights``: one per candidate, how much it counts in the logistic fit (default all 1)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.neural_network import MLPClassifier

    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS} (got {kind!r})")
    x = np.asarray(lists.features, dtype=np.float64)
    y = np.asarray(lists.labels)
    if len(np.unique(y)) < 2:
        raise ValueError("the candidate lists need both answering and other sentences")
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0  # a column that never varies in training is left as it is
    z = (x - mean) / scale
    if kind == "logistic":
        model = LogisticRegression(C=c, max_iter=5000).fit(z, y, sample_weight=weights)
        layers = [{"weights": model.coef_.T.tolist(), "bias": model.intercept_.tolist()}]
    else:
        mlp = MLPClassifier(
            hidden_layer_sizes=(hidden,), alpha=1e-3, max_iter=300, early_stopping=True, random_state=seed
        ).fit(z, y)
        layers = [{"weights": w.tolist(), "bias": b.tolist()} for w, b in zip(mlp.coefs_, mlp.intercepts_, strict=True)]
    return {
        "format": FORMAT,
        "kind": "feature reranker, logistic regression" if kind == "logistic" else f"feature reranker, MLP {hidden}",
        "features": list(features),
        "mean": mean.tolist(),
        "scale": scale.tolist(),
        "layers": layers,
    }


def ranked_metrics(lists: CandidateLists, scores: np.ndarray, depth: int = 10) -> dict[str, float]:
    """MRR@``depth`` and top-1 of the lists ordered by ``scores``, over the questions some candidate answers."""
    reciprocal = []
    for rows in lists.lists():
        if not lists.labels[rows].any():
            continue
        order = rows[np.argsort(-scores[rows], kind="stable")][:depth]
        reciprocal.append(next((1.0 / (i + 1) for i, j in enumerate(order) if lists.labels[j]), 0.0))
    values = np.asarray(reciprocal)
    return {
        "questions": len(values),
        "mrr": round(float(values.mean()), 4),
        "top1": round(float((values == 1).mean()), 4),
    }
