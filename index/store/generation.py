"""Writing a generation of the index and opening the live one, checked.

``write_generation`` writes the vectors, the metadata and any further files into a staging
directory, renames it into place and then replaces ``manifest.json`` (the commit point; see
manifest.py for the layout). ``open_index`` reads the manifest, checks every file against it and
opens the FAISS index and the metadata. When the store is a Qdrant collection (locations.py),
the vectors are searched there instead of in a FAISS file (qdrant_generation.py).
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from index.errors import IndexBuildError, IndexLoadError
from index.store.durable import fsync_dir, fsync_file, write_atomically
from index.store.faiss_index import VectorIndex, build_vector_index, choose_index_type, read_vector_index
from index.store.locations import FAISS_STORE, StoreLocation
from index.store.manifest import (
    FORMAT_VERSION,
    INDEX_FILE,
    MANIFEST,
    META_FILE,
    VECTORS_FILE,
    Manifest,
    new_generation_name,
    read_manifest,
    remove_stale_generations,
)
from index.store.metadata import MetadataReader, write_metadata
from index.store.qdrant_generation import (
    POINTS_FILE,
    QDRANT_INDEX_TYPE,
    PointsWritten,
    live_state,
    open_collection,
    open_qdrant,
    write_points,
)
from index.store.qdrant_store import PointStore, QdrantVectors
from index.types import Article, Sentence

logger = logging.getLogger(__name__)

# Checksummed on write and checked on open (vectors.npy is only read by rebuilds, which check its shape).
_HASHED_FILES = (INDEX_FILE, META_FILE, POINTS_FILE)
# What answers "which rows are nearest": a FAISS file of the generation or a Qdrant collection.
VectorSearch = VectorIndex | QdrantVectors


def content_hash(articles: Sequence[Article], sentences: Sequence[Sentence], model: str) -> str:
    """One hash of everything that decides what the index answers."""
    digest = hashlib.sha256(model.encode("utf-8"))
    for article in articles:
        digest.update(b"\x01" + article.id.encode("utf-8") + b"\x00" + article.title.encode("utf-8"))
    for sentence in sentences:
        digest.update(b"\x02" + sentence.article_id.encode("utf-8") + b"\x00" + sentence.text.encode("utf-8"))
        digest.update(b"\x00" + (sentence.speaker or "").encode("utf-8"))
    return digest.hexdigest()


@dataclass(frozen=True)
class StoreWrite:
    """Everything a build hands over to be written as one generation."""

    model: str
    articles: Sequence[Article]
    sentences: Sequence[Sentence]
    vectors: np.ndarray
    index_type: str = "auto"
    build_seconds: float = 0.0
    pipeline: str = ""
    # Writes further files of the generation (the lexical index) into the directory it is
    # given and returns their names; they are checksummed and checked on load like the rest.
    extra_files: Callable[[Path], Sequence[str]] | None = None
    # Where the vectors are searched; for a Qdrant collection, ``carried[i]`` is the live
    # generation's row that row i keeps unchanged (-1: a new row), so its point stays untouched.
    store: StoreLocation = FAISS_STORE
    carried: np.ndarray | None = None


def write_generation(index_dir: Path, payload: StoreWrite) -> Manifest:
    """Write a new generation and make it live. Call inside ``build_lock``."""
    vectors = np.ascontiguousarray(payload.vectors, dtype=np.float32)
    if vectors.shape[0] != len(payload.sentences):
        raise IndexBuildError("internal error: one vector per sentence expected")
    qdrant = None if payload.store.is_faiss else open_collection(payload.store)
    index_type = choose_index_type(len(payload.sentences), payload.index_type) if qdrant is None else QDRANT_INDEX_TYPE
    generation = new_generation_name()
    staging = index_dir / f".{generation}.tmp"
    written: PointsWritten | None = None
    try:
        staging.mkdir(parents=True)
        np.save(staging / VECTORS_FILE, vectors)
        write_metadata(staging / META_FILE, payload.articles, payload.sentences)
        extra = tuple(payload.extra_files(staging)) if payload.extra_files else ()
        if qdrant is None:
            vector_index, params = build_vector_index(vectors, index_type)
            vector_index.save(staging / INDEX_FILE)
            search_file = INDEX_FILE
        else:  # last before the swap: the points are written once everything else is
            articles = [s.article_id for s in payload.sentences]
            written = write_points(qdrant, live_state(index_dir, payload.store), vectors, articles, payload.carried)
            np.save(staging / POINTS_FILE, written.point_ids, allow_pickle=False)
            params, search_file = written.params, POINTS_FILE
        files = {
            name: _file_info(staging / name, hashed=name in _HASHED_FILES or name in extra)
            for name in (search_file, META_FILE, VECTORS_FILE, *extra)
        }
        for name in files:
            fsync_file(staging / name)
        fsync_dir(staging)
        os.rename(staging, index_dir / generation)
        manifest = Manifest(
            format_version=FORMAT_VERSION,
            model=payload.model,
            dimension=int(vectors.shape[1]),
            index_type=index_type,
            articles=len(payload.articles),
            sentences=len(payload.sentences),
            built_at=datetime.now(UTC).isoformat(timespec="seconds"),
            build_seconds=round(payload.build_seconds, 3),
            content_hash=content_hash(payload.articles, payload.sentences, payload.model),
            generation=generation,
            files=files,
            params=params,
            pipeline=payload.pipeline,
        )
        write_atomically(index_dir / MANIFEST, manifest.to_json().encode("utf-8"))  # the commit point
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        if qdrant is not None:
            qdrant.close()
        raise
    if qdrant is not None:
        _purge(qdrant, written)
    remove_stale_generations(index_dir, generation)
    return manifest


def _purge(qdrant: PointStore, written: PointsWritten | None) -> None:
    """Delete the points no readable generation sees; the new one is live already, so a failure only warns."""
    try:
        if written is not None and written.purge_to:
            qdrant.purge(written.purge_to)
    except Exception as exc:  # any client error: the next build purges them
        logger.warning("Could not delete hidden points from %s (the next build will): %s", qdrant.location.url, exc)
    finally:
        qdrant.close()


@dataclass
class LoadedIndex:
    """An open index: its manifest, the vector index and the metadata reader."""

    directory: Path
    manifest: Manifest
    vector_index: VectorSearch | None  # None when opened without search (a rebuild reading it)
    metadata: MetadataReader

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Top-``k`` (scores, rows) for each query row; rows are -1 where fewer exist."""
        if self.vector_index is None:
            raise RuntimeError("this index was opened without its vector search")
        return self.vector_index.search(queries, max(1, min(k, self.manifest.sentences or 1)))

    def vectors(self) -> np.ndarray:
        """The stored embeddings, memory-mapped (read only)."""
        return np.load(self.generation_dir / VECTORS_FILE, mmap_mode="r")

    @property
    def generation_dir(self) -> Path:
        return self.directory / self.manifest.generation

    def close(self) -> None:
        self.metadata.close()
        if isinstance(self.vector_index, QdrantVectors):
            self.vector_index.close()


def open_index(
    index_dir: Path,
    *,
    expected_model: str | None = None,
    expected_dimension: int | None = None,
    verify: bool = True,
    mmap: bool = True,
    store: StoreLocation | None = None,
    search: bool = True,
) -> LoadedIndex:
    """Open and check an index directory; raise IndexLoadError saying what is wrong.

    ``mmap`` maps the FAISS file instead of reading it into memory: opening is instant at any
    size, and the pages are file-backed, so the OS can drop and re-read them instead of the
    process holding the whole index (generations are never modified once written).
    ``store`` is where to reach the index's Qdrant collection when not at the address it was
    built with (the same collection); an index in FAISS refuses a Qdrant store. Without
    ``search`` the vectors are not opened (a rebuild reads only the metadata and files).
    """
    manifest = read_manifest(index_dir)
    if expected_model is not None and manifest.model != expected_model:
        raise IndexLoadError(
            f"The index at {index_dir} was built with the model {manifest.model!r}, not "
            f"{expected_model!r}. Rebuild it with --model {expected_model!r}, or use the model it was built with."
        )
    if expected_dimension is not None and manifest.dimension != expected_dimension:
        raise IndexLoadError(
            f"The index at {index_dir} has {manifest.dimension}-dimensional vectors but the model "
            f"gives {expected_dimension}; rebuild the index with this model."
        )
    generation = index_dir / manifest.generation
    _check_files(index_dir, manifest, verify=verify)
    vector_index = _open_vectors(index_dir, manifest, store, mmap=mmap) if search else None
    if vector_index is not None and (
        vector_index.dimension != manifest.dimension or vector_index.size != manifest.sentences
    ):
        raise IndexLoadError(
            f"The index at {index_dir} is corrupt: FAISS holds {vector_index.size} vectors of "
            f"dimension {vector_index.dimension}, the manifest says {manifest.sentences} of {manifest.dimension}. "
            "Rebuild it."
        )
    try:
        metadata = MetadataReader(generation / META_FILE)
        metadata.check()
    except sqlite3.DatabaseError as exc:
        if isinstance(vector_index, QdrantVectors):
            vector_index.close()
        raise IndexLoadError(
            f"The index at {index_dir} is corrupt: {META_FILE} is unreadable ({exc}). Rebuild it."
        ) from exc
    return LoadedIndex(index_dir, manifest, vector_index, metadata)


def _open_vectors(index_dir: Path, manifest: Manifest, store: StoreLocation | None, *, mmap: bool) -> VectorSearch:
    generation = index_dir / manifest.generation
    if manifest.index_type == QDRANT_INDEX_TYPE:
        return open_qdrant(generation, manifest, store)
    if store is not None and not store.is_faiss:
        raise IndexLoadError(
            f"The index at {index_dir} keeps its vectors in FAISS, not in {store.url}; rebuild it with "
            f"--store {store.url}, or leave the store unset."
        )
    try:
        return read_vector_index(generation / INDEX_FILE, manifest.index_type, manifest.params, mmap=mmap)
    except RuntimeError as exc:
        raise IndexLoadError(
            f"The index at {index_dir} is corrupt: FAISS cannot read {INDEX_FILE}. Rebuild it."
        ) from exc


def _check_files(index_dir: Path, manifest: Manifest, *, verify: bool) -> None:
    """Every file the manifest lists (vectors.npy aside) is there, of its size and, if ``verify``, checksum."""
    generation = index_dir / manifest.generation
    extra = tuple(n for n in manifest.files if n not in (INDEX_FILE, META_FILE, VECTORS_FILE) and "/" not in n)
    search_files = (INDEX_FILE,) if manifest.index_type != QDRANT_INDEX_TYPE else ()
    for name in (*search_files, META_FILE, *extra):
        path = generation / name
        if not path.is_file():
            raise IndexLoadError(f"The index at {index_dir} is incomplete: {path} is missing. Rebuild it.")
        recorded = manifest.files.get(name, {})
        if recorded.get("bytes") is not None and path.stat().st_size != recorded["bytes"]:
            raise IndexLoadError(
                f"The index at {index_dir} is corrupt: {name} has {path.stat().st_size} bytes, "
                f"the manifest says {recorded['bytes']}. Rebuild it."
            )
        if verify and recorded.get("sha256") and _sha256(path) != recorded["sha256"]:
            raise IndexLoadError(
                f"The index at {index_dir} is corrupt: {name} does not match its checksum. Rebuild it."
            )


def _file_info(path: Path, *, hashed: bool) -> dict[str, Any]:
    info: dict[str, Any] = {"bytes": path.stat().st_size}
    if hashed:
        info["sha256"] = _sha256(path)
    return info


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
