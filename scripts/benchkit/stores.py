"""The bench's vector-store rows: each corpus indexed again into ``--store`` and measured as FAISS's is.

Every corpus gets its own collection (the ``--store`` collection name plus the corpus's), written
by the same code a build uses: an encoded corpus is rebuilt from a copy of its FAISS index (so
every embedding is reused and only the store differs), a synthetic one written with the same
vectors.
"""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from index.store.locations import StoreLocation, parse_store


def location_for(store: str, corpus: str) -> StoreLocation:
    """The collection of ``corpus`` in the store ``store`` names."""
    base = parse_store(store)
    return replace(base, collection=f"{base.collection}-{re.sub(r'[^A-Za-z0-9]+', '-', corpus).strip('-')}")


def index_in_store(
    index_dir: Path,
    store_dir: Path,
    write: Callable[[Path, StoreLocation], object],
    store: str,
    corpus: str,
    *,
    reuse: bool,
) -> float:
    """Write ``corpus`` into its collection as the index ``store_dir``; the seconds the write took.

    With ``reuse`` the FAISS index is copied first, so that the build reuses its embeddings.
    """
    if reuse:
        shutil.copytree(index_dir, store_dir)
    started = time.perf_counter()
    write(store_dir, location_for(store, corpus))
    return time.perf_counter() - started
