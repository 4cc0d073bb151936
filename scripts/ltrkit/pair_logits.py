"""A cross-encoder's logits, kept on disk pair by pair for the next fit.

The cross-encoder reads each question-sentence pair alone (index/rerank/cross_encoder.py), so a
pair's logit depends on nothing else: a refit whose candidate lists were made again (a feature
or the retrieval changed) asks it only about the pairs it has not read before, not about every
pair of a corpus whose lists changed by one candidate. One file per cross-encoder (its digest in
the name, train_ltr.model_key), holding a 16-byte digest of each pair's text and its logit:
numbers only, read without pickle.
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

LogitsOf = Callable[[str, Sequence[str]], np.ndarray]  # (question, passages) -> one logit each
_DIGEST = 16


def pair_key(question: str, passage: str) -> bytes:
    """The digest a pair is kept under: of the question and the passage exactly as the cross-encoder reads them."""
    return hashlib.blake2b(f"{question}\0{passage}".encode(), digest_size=_DIGEST).digest()


def _read(path: Path) -> dict[bytes, float]:
    try:
        with np.load(path, allow_pickle=False) as data:
            keys, logits = data["keys"], data["logits"]
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as error:
        raise SystemExit(
            f"{path} is not a file of kept cross-encoder logits ({error}): remove it to start afresh"
        ) from error
    if keys.ndim != 2 or keys.shape[1] != _DIGEST or logits.ndim != 1 or len(keys) != len(logits):
        raise SystemExit(f"{path} is not a file of kept cross-encoder logits: remove it to start afresh")
    return {key.tobytes(): float(logit) for key, logit in zip(keys, logits, strict=True)}


class PairLogits:
    """The logits of one cross-encoder, by pair, loaded from ``path`` if it exists."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.asked = 0  # pairs the cross-encoder was asked about since loading
        self._known: dict[bytes, float] = {}
        self._changed = False
        if path.is_file():
            self._known = _read(path)

    def __len__(self) -> int:
        return len(self._known)

    def cached(self, logits_of: LogitsOf) -> LogitsOf:
        """``logits_of`` asked only about the pairs not kept yet, the others read from the kept ones."""

        def logits(question: str, passages: Sequence[str]) -> np.ndarray:
            keys = [pair_key(question, passage) for passage in passages]
            missing = [i for i, key in enumerate(keys) if key not in self._known]
            if missing:
                fresh = np.asarray(logits_of(question, [passages[i] for i in missing]), dtype=np.float64)
                self._known.update(zip((keys[i] for i in missing), fresh.tolist(), strict=True))
                self.asked += len(missing)
                self._changed = True
            return np.array([self._known[key] for key in keys], dtype=np.float64)

        return logits

    def save(self) -> None:
        """Write the kept logits (when any were added), whole or not at all."""
        if not self._changed:
            return
        keys = np.frombuffer(b"".join(self._known), dtype=np.uint8).reshape(-1, _DIGEST)
        logits = np.fromiter(self._known.values(), dtype=np.float64, count=len(self._known))
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(self.path.name + ".partial")
        with partial.open("wb") as out:
            np.savez(out, keys=keys, logits=logits)
        partial.replace(self.path)
        self._changed = False
