"""Loading the encoder an entry point asked for: ``load_embedder(model, backend)``.

The one module that knows both backends; each backend module knows only ``models.py``, so the
backends never import each other or this loader.
"""

from __future__ import annotations

from index.embedding.models import DEFAULT_MODEL, Embedder, resolve_backend
from index.embedding.onnx import OnnxInt8Embedder
from index.embedding.torch import SentenceTransformerEmbedder
from index.errors import VerbatimError


def load_embedder(model: str = DEFAULT_MODEL, backend: str = "torch") -> Embedder:
    """The embedder for ``model``; ``backend`` "onnx" picks the int8 ONNX path, "auto" it where available."""
    backend = resolve_backend(model, backend)
    # Each backend imports its heavy packages (torch, onnxruntime) only when a model is loaded.
    if backend == "torch":
        return SentenceTransformerEmbedder(model)
    if backend == "onnx":
        return OnnxInt8Embedder(model)
    raise VerbatimError(f"Unknown encoder backend {backend!r}; use 'auto', 'torch' or 'onnx'.")


def quiet_model_loading() -> None:
    """Hide the model loader's "Loading weights" progress bar (entry points call this once)."""
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()
