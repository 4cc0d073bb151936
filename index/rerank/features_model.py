"""``FeatureModel``: the trained feature reranker, a small network evaluated with numpy alone.

The model directory holds ``ltr.json``::

    {"format": 1, "features": [names], "mean": [...], "scale": [...],
     "layers": [{"weights": [[...], ...], "bias": [...]}, ...], "trained": "...", "base": "..."}

Each candidate's feature row (index/search/rerank_features.py, in the order ``features``
names) is standardised, passed through the layers (ReLU between them, none after the last) and
the single output read as a logit: the probability that the sentence answers the question.
One layer is logistic regression. No training library is imported here: the file is written
by scripts/train_ltr.py.

Features named ``cross_...`` are read from a cross-encoder (cross_encoder.py) that ships beside
``ltr.json`` in the folder ``cross_encoder/``: a model naming them loads it, and one whose
folder is missing or unreadable is refused like any other broken model.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

from index.errors import VerbatimError
from index.rerank.cross_encoder import Reranker

MODEL_FILE = "ltr.json"
FORMAT = 1
# The folder beside ltr.json holding the cross-encoder whose scores are the ``cross_`` features.
CROSS_ENCODER_DIR = "cross_encoder"
CROSS_PREFIX = "cross_"


class FeatureModel:
    """A loaded feature reranker. Immutable after loading, so safe to share between threads."""

    def __init__(self, model_dir: str | Path) -> None:
        self.directory = Path(model_dir)
        path = self.directory / MODEL_FILE
        try:
            spec: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
            if spec.get("format") != FORMAT:
                raise ValueError(f"format {spec.get('format')!r}, expected {FORMAT}")
            self.features: tuple[str, ...] = tuple(str(f) for f in spec["features"])
            self._mean = np.asarray(spec["mean"], dtype=np.float64)
            self._scale = np.asarray(spec["scale"], dtype=np.float64)
            self._layers = [
                (np.asarray(layer["weights"], dtype=np.float64), np.asarray(layer["bias"], dtype=np.float64))
                for layer in spec["layers"]
            ]
            self._check()
        except (OSError, ValueError, KeyError, TypeError) as exc:  # missing, not JSON, wrong shapes
            raise VerbatimError(f"Could not load the feature reranker in {self.directory}: {exc}") from exc
        self.config = {k: v for k, v in spec.items() if k in ("base", "trained", "version", "kind")}
        # The cross-encoder the ``cross_`` features read (None: the model names none).
        self.cross_encoder: Reranker | None = None
        if any(f.startswith(CROSS_PREFIX) for f in self.features):
            self.cross_encoder = Reranker(self.directory / CROSS_ENCODER_DIR)

    def _check(self) -> None:
        width = len(self.features)
        if not self._layers or self._mean.shape != (width,) or self._scale.shape != (width,):
            raise ValueError("the means and scales do not match the features")
        if np.any(self._scale <= 0) or not all(np.all(np.isfinite(w)) for w, _ in self._layers):
            raise ValueError("scales must be positive and weights finite")
        for weights, bias in self._layers:
            if weights.ndim != 2 or weights.shape[0] != width or bias.shape != (weights.shape[1],):
                raise ValueError("a layer's weights do not fit its input")
            width = weights.shape[1]
        if width != 1:
            raise ValueError("the last layer must give one logit")

    @property
    def version(self) -> str:
        """A short description for logs: the kind of model and when it was trained."""
        kind = self.config.get("kind", "feature reranker")
        reads = f" reading {self.cross_encoder.version}" if self.cross_encoder is not None else ""
        return f"{kind} (trained {self.config.get('trained', '?')}){reads}"

    def logits(self, features: np.ndarray) -> np.ndarray:
        """One logit per row of ``features`` (columns in ``self.features`` order); higher answers better."""
        x = (np.asarray(features, dtype=np.float64) - self._mean) / self._scale
        last = len(self._layers) - 1
        for i, (weights, bias) in enumerate(self._layers):
            x = x @ weights + bias
            if i < last:
                x = np.maximum(x, 0.0)
        return np.asarray(x[:, 0])
