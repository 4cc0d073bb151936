"""``load_reranker``: the reranker a model directory holds, or None when it cannot be loaded.

Either kind of model directory: one with ``ltr.json`` holds the feature reranker
(features_model.py, what ships; with a ``cross_encoder/`` folder when its features read one),
one with only ``model.onnx`` a cross-encoder (cross_encoder.py). It returns None, after one
INFO line, when the directory or a file in it is missing or unreadable: search then runs
without reranking rather than not at all.
"""

from __future__ import annotations

import logging
from pathlib import Path

from index.errors import VerbatimError
from index.rerank.cross_encoder import Reranker, sigmoid
from index.rerank.features_model import MODEL_FILE, FeatureModel

__all__ = ["BUNDLED_MODEL", "AnyReranker", "Reranker", "load_reranker", "sigmoid"]

logger = logging.getLogger(__name__)

# index/rerank_model/: the model shipped with the package (package data).
BUNDLED_MODEL = Path(__file__).resolve().parent.parent / "rerank_model"

# Either kind of reranker a model directory may hold.
AnyReranker = Reranker | FeatureModel


def load_reranker(model_dir: str | Path | None = None) -> AnyReranker | None:
    """The reranker in ``model_dir`` (default the bundled one): the feature reranker when the
    directory holds ``ltr.json``, else the cross-encoder; or None with one INFO line when it
    cannot be loaded: answers then come from the ranking alone, as with VERBATIM_RERANK=off."""
    directory = Path(model_dir) if model_dir is not None else BUNDLED_MODEL
    try:
        reranker: AnyReranker = FeatureModel(directory) if (directory / MODEL_FILE).exists() else Reranker(directory)
    except VerbatimError as exc:
        logger.info("Answering without the reranker: %s", exc)
        return None
    logger.debug("Reranker loaded from %s: %s", directory, reranker.version)
    return reranker
