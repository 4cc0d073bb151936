"""The ``torch`` backend: an ``Embedder`` backed by a sentence-transformers model on the CPU.

sentence-transformers (and with it torch) is imported when a model is loaded, not when this
module is: the bot on the onnx backend never pays for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from index.embedding.models import DEFAULT_MODEL, canonical_model_name, resolve_model_path
from index.errors import VerbatimError


class SentenceTransformerEmbedder:
    """An ``Embedder`` backed by a sentence-transformers model on the CPU."""

    def __init__(self, model: str = DEFAULT_MODEL) -> None:
        from sentence_transformers import SentenceTransformer

        path = resolve_model_path(model)
        local = Path(path).is_dir()
        try:
            self._model = SentenceTransformer(path, device="cpu", local_files_only=local)
        except Exception as exc:
            raise VerbatimError(f"Could not load the model {model!r}: {exc}") from exc
        self.name = canonical_model_name(model)
        dim = self._model.get_embedding_dimension()
        if not dim:
            raise VerbatimError(f"The model {model!r} does not report an embedding dimension.")
        self.dim = int(dim)

    def encode_documents(self, texts: Sequence[str], *, batch_size: int = 64, progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self._model.encode(
            list(texts),
            batch_size=batch_size,
            show_progress_bar=progress,
            normalize_embeddings=True,
            convert_to_numpy=True,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self.encode_documents(texts, batch_size=max(1, len(texts)))

    def encode_query(self, text: str) -> np.ndarray:
        return self.encode_queries([text])[0]
