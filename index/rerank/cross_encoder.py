"""``Reranker``: scores (question, sentence) pairs with an int8 ONNX cross-encoder.

The model directory holds ``model.onnx`` (inputs ``input_ids``, ``attention_mask``,
``token_type_ids``; output ``logits`` of shape [batch, 1], higher = answers better),
``tokenizer.json`` and ``config.json`` (``max_length``: how many tokens a pair is cut to).
Only onnxruntime and tokenizers run at answer time, never torch. The shipped feature reranker
reads one from its ``cross_encoder/`` folder (features_model.py); a directory holding only a
cross-encoder still loads as a reranker of its own (model.py ``load_reranker``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from index.cpu import onnx_session_options
from index.errors import VerbatimError

if TYPE_CHECKING:
    import onnxruntime
    from tokenizers import Tokenizer

MODEL_FILES = ("model.onnx", "tokenizer.json", "config.json")
# Two intra-op threads: the machine the bars are set on has two cores, and one call scores
# every candidate of a question at once, so parallelism inside each MatMul is what pays.
THREADS = 2
# Used when config.json gives no max_length (the pairs the model was trained on are short).
FALLBACK_MAX_LENGTH = 128


def sigmoid(logits: np.ndarray) -> np.ndarray:
    """Logits as probabilities in (0, 1), without overflow for large negative logits."""
    return np.asarray(0.5 * (1.0 + np.tanh(0.5 * np.asarray(logits, dtype=np.float64))))


class Reranker:
    """A cross-encoder session, loaded once and shared by every question. Safe to share between threads.

    onnxruntime's ``InferenceSession.run`` may be called from several threads at once, and a
    ``tokenizers.Tokenizer`` keeps no state between calls once its truncation is set.
    """

    def __init__(self, model_dir: str | Path, *, threads: int = THREADS) -> None:
        self.directory = Path(model_dir)
        missing = [name for name in MODEL_FILES if not (self.directory / name).is_file()]
        if missing:
            raise VerbatimError(f"The reranker model in {self.directory} lacks {', '.join(missing)}.")
        ort, tokenizers = _import_runtime()
        try:
            self.config: dict[str, Any] = json.loads((self.directory / "config.json").read_text(encoding="utf-8"))
            self.max_length = int(self.config.get("max_length", FALLBACK_MAX_LENGTH))
            tokenizer: Tokenizer = tokenizers.Tokenizer.from_file(str(self.directory / "tokenizer.json"))
            # Pairs are cut as they were in training; padding is done per batch (to its longest pair).
            tokenizer.enable_truncation(max_length=self.max_length, strategy="longest_first")
            tokenizer.no_padding()
            self._tokenizer = tokenizer
            self._session: onnxruntime.InferenceSession = ort.InferenceSession(
                str(self.directory / "model.onnx"),
                onnx_session_options(ort, threads),
                providers=["CPUExecutionProvider"],
            )
        except Exception as exc:  # a bad file: OSError, ValueError, or onnxruntime's and tokenizers' own types
            raise VerbatimError(f"Could not load the reranker model in {self.directory}: {exc}") from exc
        self._inputs = frozenset(i.name for i in self._session.get_inputs())

    @property
    def version(self) -> str:
        """A short description for logs and /about: the base model and when it was trained."""
        return f"{self.config.get('base', 'cross-encoder')} (trained {self.config.get('trained', '?')})"

    def logits(self, question: str, sentences: Sequence[str]) -> np.ndarray:
        """How well each of ``sentences`` answers ``question`` (higher is better), in one ONNX call."""
        if not sentences:
            return np.zeros(0, dtype=np.float32)
        encodings = self._tokenizer.encode_batch([(question, s) for s in sentences])
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(encodings), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        types = np.zeros_like(ids)
        for row, e in enumerate(encodings):
            n = len(e.ids)
            ids[row, :n] = e.ids
            mask[row, :n] = 1
            types[row, :n] = e.type_ids
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
        out = self._session.run(["logits"], {k: v for k, v in feeds.items() if k in self._inputs})[0]
        return np.asarray(out, dtype=np.float32).reshape(len(sentences), -1)[:, 0]


def _import_runtime() -> tuple[Any, Any]:
    try:
        import onnxruntime
        import tokenizers
    except ImportError as exc:  # core dependencies; only a broken install lacks them
        raise VerbatimError(f"The reranker needs onnxruntime and tokenizers ({exc.name} is not installed).") from exc
    return onnxruntime, tokenizers
