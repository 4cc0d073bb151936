"""The files of a generation that describe its matching texts: BM25 and the embedded texts' keys.

The matching text of a sentence is what was embedded and counted for it (context.py). A build
writes the lexical (BM25) index of those texts (lexical.py) and one key per row: the sha256
digest of the text embedded for it (32 uint8, no pickle). A rebuild looks a text's key up to
reuse its vector instead of encoding it again.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from index.store.lexical import LexicalIndex
from index.store.metadata import text_hash

# Hashes of the texts embedded for each row: one sha256 digest (32 uint8) per row, no pickle.
EMBEDDED_KEYS = "embedded.npy"
KEY_BYTES = 32


def text_key(text: str) -> bytes:
    """The 32-byte cache key of an embedded text (the digest ``text_hash`` writes in hex)."""
    return bytes.fromhex(text_hash(text))


def text_keys(texts: Sequence[str]) -> np.ndarray:
    """One key per text, as a (n, 32) uint8 array."""
    joined = b"".join(text_key(t) for t in texts)
    return np.frombuffer(joined, dtype=np.uint8).reshape(len(texts), KEY_BYTES).copy()


def write_matching_files(directory: Path, lexical: LexicalIndex, keys: np.ndarray) -> list[str]:
    """Write the lexical index and the keys into a generation's directory; their file names."""
    names = lexical.save(directory)
    np.save(directory / EMBEDDED_KEYS, keys, allow_pickle=False)
    return [*names, EMBEDDED_KEYS]


def read_keys(directory: Path, rows: int) -> np.ndarray | None:
    """The keys of a generation's ``rows`` rows, or None when it did not record them (or badly)."""
    try:
        keys = np.load(directory / EMBEDDED_KEYS, allow_pickle=False)
    except (OSError, ValueError):
        return None  # older index: it cannot say what it embedded
    return keys if keys.shape == (rows, KEY_BYTES) else None
