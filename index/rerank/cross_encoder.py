"""``Reranker``: scores (question, sentence) pairs with an int8 ONNX cross-encoder.

The model directory holds ``model.onnx`` (inputs ``input_ids``, ``attention_mask``,
``token_type_ids``; output ``logits`` of shape [batch, 1], higher = answers better),
``tokenizer.json`` and ``config.json`` (``max_length``: how many tokens a pair is cut to).
Only onnxruntime and tokenizers run at answer time, never torch.

Each pair runs alone, one core each, the pairs of a question side by side on a small thread
pool. Alone, a pair needs no padding, and the int8 graph quantises each pair's activations from
that pair only, so a sentence gets the same score whatever else it is scored with (batched, a
long neighbour's padding and range moved a logit by up to 1.6). It is also faster: on two cores
the five pairs of a news question took 12 ms this way against 24 ms as one padded batch on
two intra-op threads (docs/RERANKER.md, "Speed"). The shipped feature reranker
reads one from its ``cross_encoder/`` folder (features_model.py); a directory holding only a
cross-encoder still loads as a reranker of its own (model.py ``load_reranker``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from index.cpu import available_cores, onnx_session_options
from index.errors import VerbatimError
from index.rerank.int8 import signed_graph, signed_is_exact

if TYPE_CHECKING:
    import onnxruntime
    from tokenizers import Encoding, Tokenizer

MODEL_FILES = ("model.onnx", "tokenizer.json", "config.json")
# Part of what names train_ltr's cached logits: 2 since each pair runs alone (1: one padded batch).
SCORING_VERSION = 2
# Used when config.json gives no max_length (the pairs the model was trained on are short).
FALLBACK_MAX_LENGTH = 128
# config.json's "context" for a model trained to read each sentence with the one before it in its
# article (``passage``); a model without it reads the sentence alone.
PREVIOUS_SENTENCE = "previous sentence"


def passage(sentence: str, before: str) -> str:
    """What a cross-encoder that reads context is given for ``sentence``: the sentence, then the
    sentence before it in its article after a separator. The sentence comes first, so a pair too
    long for ``max_length`` loses the end of the sentence before, not the candidate's words."""
    return f"{sentence} [SEP] {before}" if before else sentence


def sigmoid(logits: np.ndarray) -> np.ndarray:
    """Logits as probabilities in (0, 1), without overflow for large negative logits."""
    return np.asarray(0.5 * (1.0 + np.tanh(0.5 * np.asarray(logits, dtype=np.float64))))


class Reranker:
    """A cross-encoder session, loaded once and shared by every question. Safe to share between threads.

    onnxruntime's ``InferenceSession.run`` may be called from several threads at once, and a
    ``tokenizers.Tokenizer`` keeps no state between calls once its truncation is set.
    """

    def __init__(
        self,
        model_dir: str | Path,
        *,
        threads: int | None = None,
        model_file: Path | None = None,
        signed: bool | None = None,
    ) -> None:
        """``threads``: how many pairs run at once, one core each (default: every core this process
        may use). ``model_file``: another graph than ``model_dir/model.onnx`` with the same inputs
        (scripts/train_reranker.py scores its fp32 export so). ``signed``: run the int8 weights
        signed, the faster kernels where they are exact (default: where this CPU has VNNI; int8.py)."""
        self.directory = Path(model_dir)
        self.threads = available_cores() if threads is None else threads
        if self.threads < 1:
            raise VerbatimError(f"The reranker needs at least one thread (got {threads}).")
        missing = [name for name in MODEL_FILES if not (self.directory / name).is_file()]
        if missing:
            raise VerbatimError(f"The reranker model in {self.directory} lacks {', '.join(missing)}.")
        ort, tokenizers = _import_runtime()
        try:
            self.config: dict[str, Any] = json.loads((self.directory / "config.json").read_text(encoding="utf-8"))
            self.max_length = int(self.config.get("max_length", FALLBACK_MAX_LENGTH))
            tokenizer: Tokenizer = tokenizers.Tokenizer.from_file(str(self.directory / "tokenizer.json"))
            # Pairs are cut as they were in training, and never padded (each runs alone).
            tokenizer.enable_truncation(max_length=self.max_length, strategy="longest_first")
            tokenizer.no_padding()
            self._tokenizer = tokenizer
            graph = model_file or self.directory / "model.onnx"
            wanted = signed_is_exact() if signed is None else signed
            as_signed = signed_graph(graph) if wanted else None
            self.kernels = "u8s8" if as_signed is not None else "as stored"
            self._session: onnxruntime.InferenceSession = ort.InferenceSession(
                as_signed or str(graph),
                onnx_session_options(ort, 1),
                providers=["CPUExecutionProvider"],
            )
        except Exception as exc:  # a bad file: OSError, ValueError, or onnxruntime's and tokenizers' own types
            raise VerbatimError(f"Could not load the reranker model in {self.directory}: {exc}") from exc
        self._inputs = frozenset(i.name for i in self._session.get_inputs())
        self._pool = ThreadPoolExecutor(self.threads, "verbatim-rerank") if self.threads > 1 else None

    @property
    def reads_context(self) -> bool:
        """Whether the model was trained on ``passage``s (each sentence with the one before it)."""
        return self.config.get("context") == PREVIOUS_SENTENCE

    @property
    def version(self) -> str:
        """A short description for logs and /about: the base model and when it was trained."""
        return f"{self.config.get('base', 'cross-encoder')} (trained {self.config.get('trained', '?')})"

    def logits(self, question: str, sentences: Sequence[str]) -> np.ndarray:
        """How well each of ``sentences`` answers ``question`` (higher is better), each pair run alone."""
        if not sentences:
            return np.zeros(0, dtype=np.float32)
        # One at a time: for a handful of pairs encode_batch's own thread pool costs more than it
        # saves (0.9-1.8 ms against 0.45 ms for five).
        encodings = [self._tokenizer.encode(question, s) for s in sentences]
        if self._pool is None or len(encodings) == 1:
            scores = [self._logit(e) for e in encodings]
        else:
            scores = list(self._pool.map(self._logit, encodings))
        return np.asarray(scores, dtype=np.float32)

    def _logit(self, encoding: Encoding) -> float:
        ids = np.asarray([encoding.ids], dtype=np.int64)
        feeds = {
            "input_ids": ids,
            "attention_mask": np.ones_like(ids),
            "token_type_ids": np.asarray([encoding.type_ids], dtype=np.int64),
        }
        out = self._session.run(["logits"], {k: v for k, v in feeds.items() if k in self._inputs})[0]
        return float(np.asarray(out).reshape(-1)[0])


def _import_runtime() -> tuple[Any, Any]:
    try:
        import onnxruntime
        import tokenizers
    except ImportError as exc:  # core dependencies; only a broken install lacks them
        raise VerbatimError(f"The reranker needs onnxruntime and tokenizers ({exc.name} is not installed).") from exc
    return onnxruntime, tokenizers
