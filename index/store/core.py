"""The index directory on disk: FAISS vectors, SQLite metadata and a manifest.

The only module that imports faiss. Layout of an index directory ``DIR``::

    DIR/manifest.json          the commit point: names the live generation, written last
    DIR/gen-<stamp>/index.faiss  the FAISS index (row i = sentence row i)
    DIR/gen-<stamp>/meta.sqlite  articles and sentences (see metadata.py)
    DIR/gen-<stamp>/vectors.npy  the float32 embeddings, reused by incremental rebuilds
    DIR/.build.lock            held by the one build allowed at a time

A build writes a new generation beside the live one and then replaces ``manifest.json`` with
``os.replace``, so a crash at any moment leaves the previous index whole and loadable, and a
reader sees either the old index or the new one, never a mix. The previous generation is kept
until the next build so that a reader that has just read the old manifest can still open it.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import json
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import faiss
import numpy as np

from index.errors import IndexBuildError, IndexLoadError
from index.store.durable import fsync_dir, fsync_file, write_atomically
from index.store.metadata import MetadataReader, write_metadata
from index.types import Article, Sentence

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
# Where the index lives unless VERBATIM_INDEX or --index says otherwise (bot and verbatim-index).
DEFAULT_INDEX = Path("data/index")
INDEX_FILE = "index.faiss"
META_FILE = "meta.sqlite"
VECTORS_FILE = "vectors.npy"
LOCK_FILE = ".build.lock"
INDEX_TYPES = ("auto", "flat", "hnsw", "ivf")
# Below this many sentences exact search is both fastest to build and fast enough to query.
FLAT_LIMIT = 100_000
# HNSW over 8-bit scalar-quantised vectors (scripts/bench.py measures it): with M=32 links and
# efConstruction=80, efSearch=256 finds ~0.97 of the exact top 10 at 10^6 sentences in ~2 ms;
# efSearch=96 fell just short of 0.95 there. M=16 builds twice as fast but recalls far less.
HNSW_M = 32
HNSW_EF_CONSTRUCTION = 80
HNSW_EF_SEARCH = 256
# Training rows for the quantiser / IVF centroids: an even sample across the whole corpus.
TRAIN_ROWS = 100_000
_HASHED_FILES = (INDEX_FILE, META_FILE)
# How each index type is memory-mapped: IO_FLAG_MMAP maps IVF lists, IO_FLAG_MMAP_IFC the
# codes of flat and scalar-quantised storage (flat, and HNSW's vectors). FAISS refuses the two
# together on an IVF file.
_MMAP_FLAGS = {
    "flat": faiss.IO_FLAG_MMAP_IFC | faiss.IO_FLAG_READ_ONLY,
    "hnsw": faiss.IO_FLAG_MMAP_IFC | faiss.IO_FLAG_READ_ONLY,
    "ivf": faiss.IO_FLAG_MMAP | faiss.IO_FLAG_READ_ONLY,
}


@dataclass(frozen=True)
class Manifest:
    """What ``manifest.json`` records about how an index was built."""

    format_version: int
    model: str
    dimension: int
    index_type: str
    articles: int
    sentences: int
    built_at: str
    build_seconds: float
    content_hash: str
    generation: str
    files: dict[str, dict[str, Any]] = field(default_factory=dict)
    params: dict[str, Any] = field(default_factory=dict)
    # Fingerprint of the code that split and attributed the sentences (build.py): a rebuild
    # reuses an unchanged article's stored sentences only when it matches.
    pipeline: str = ""

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str, where: Path) -> Manifest:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise IndexLoadError(f"{where} is not valid JSON ({exc}); rebuild the index.") from exc
        if not isinstance(data, dict):
            raise IndexLoadError(f"{where} is not a Verbatim manifest; rebuild the index.")
        version = data.get("format_version")
        if version != FORMAT_VERSION:
            raise IndexLoadError(
                f"{where} has format version {version!r}; this Verbatim reads version "
                f"{FORMAT_VERSION}. Rebuild the index with this version."
            )
        try:
            manifest = cls(**{k: data[k] for k in cls.__dataclass_fields__ if k in data})
        except TypeError as exc:
            raise IndexLoadError(f"{where} is missing fields ({exc}); rebuild the index.") from exc
        if (
            not isinstance(manifest.generation, str)
            or "/" in manifest.generation
            or manifest.generation.startswith(".")
        ):
            raise IndexLoadError(f"{where} names an invalid generation; rebuild the index.")
        return manifest


def content_hash(articles: Sequence[Article], sentences: Sequence[Sentence], model: str) -> str:
    """One hash of everything that decides what the index answers."""
    digest = hashlib.sha256(model.encode("utf-8"))
    for article in articles:
        digest.update(b"\x01" + article.id.encode("utf-8") + b"\x00" + article.title.encode("utf-8"))
    for sentence in sentences:
        digest.update(b"\x02" + sentence.article_id.encode("utf-8") + b"\x00" + sentence.text.encode("utf-8"))
        digest.update(b"\x00" + (sentence.speaker or "").encode("utf-8"))
    return digest.hexdigest()


def choose_index_type(n_vectors: int, requested: str = "auto") -> str:
    if requested not in INDEX_TYPES:
        raise IndexBuildError(f"Unknown index type {requested!r}; choose one of {', '.join(INDEX_TYPES)}.")
    if requested != "auto":
        return requested
    return "flat" if n_vectors < FLAT_LIMIT else "hnsw"


def make_faiss_index(vectors: np.ndarray, index_type: str) -> tuple[faiss.Index, dict[str, Any]]:
    """A FAISS index of inner products over ``vectors`` (rows are normalised, so = cosine)."""
    n, dim = vectors.shape
    if index_type == "flat":
        index = faiss.IndexFlatIP(dim)
        params: dict[str, Any] = {}
    elif index_type == "hnsw":
        # Scalar-quantised HNSW: a quarter of the memory of float32 and recall close to exact.
        index = faiss.IndexHNSWSQ(dim, faiss.ScalarQuantizer.QT_8bit, HNSW_M, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
        index.train(_training_sample(vectors, TRAIN_ROWS))
        params = {"M": HNSW_M, "efConstruction": HNSW_EF_CONSTRUCTION, "efSearch": HNSW_EF_SEARCH, "quantizer": "SQ8"}
    elif index_type == "ivf":
        nlist = max(1, min(int(4 * np.sqrt(max(n, 1))), n // 39 if n >= 39 else 1))
        quantizer = faiss.IndexFlatIP(dim)
        index = faiss.IndexIVFScalarQuantizer(
            quantizer, dim, nlist, faiss.ScalarQuantizer.QT_8bit, faiss.METRIC_INNER_PRODUCT
        )
        index.train(_training_sample(vectors, max(nlist * 64, 10_000)))
        params = {"nlist": nlist, "nprobe": max(1, min(nlist, nlist // 16 + 8)), "quantizer": "SQ8"}
    else:
        raise IndexBuildError(f"Unknown index type {index_type!r}.")
    if n:
        index.add(vectors)
    return index, params


def _training_sample(vectors: np.ndarray, rows: int) -> np.ndarray:
    """At most ``rows`` rows spread evenly over ``vectors`` (the first rows are one topic's)."""
    step = max(1, -(-len(vectors) // rows))
    return np.ascontiguousarray(vectors[::step])


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


@contextlib.contextmanager
def build_lock(index_dir: Path) -> Iterator[None]:
    """Hold the index directory's build lock, or fail at once if another build holds it."""
    index_dir.mkdir(parents=True, exist_ok=True)
    lock_path = index_dir / LOCK_FILE
    handle = open(lock_path, "a+")
    try:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.EACCES):
                raise
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            raise IndexBuildError(
                f"Another build of {index_dir} is running (pid {holder}); wait for it to finish."
            ) from exc
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield
    finally:
        handle.close()  # closing releases the flock


def check_writable_index_dir(index_dir: Path) -> None:
    """Refuse to build into a directory that holds something other than a Verbatim index."""
    if index_dir.exists() and not index_dir.is_dir():
        raise IndexBuildError(f"{index_dir} exists and is not a directory.")
    if not index_dir.exists():
        return
    foreign = [
        p.name
        for p in index_dir.iterdir()
        if p.name not in (MANIFEST, LOCK_FILE) and not p.name.startswith(("gen-", ".gen-", ".manifest"))
    ]
    if foreign:
        raise IndexBuildError(
            f"{index_dir} already holds other files ({', '.join(sorted(foreign)[:3])}); "
            "choose an empty or new directory for the index."
        )


def write_generation(index_dir: Path, payload: StoreWrite) -> Manifest:
    """Write a new generation and make it live. Call inside ``build_lock``."""
    check_writable_index_dir(index_dir)
    vectors = np.ascontiguousarray(payload.vectors, dtype=np.float32)
    if vectors.shape[0] != len(payload.sentences):
        raise IndexBuildError("internal error: one vector per sentence expected")
    index_type = choose_index_type(len(payload.sentences), payload.index_type)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    generation = f"gen-{stamp}-{os.getpid()}"
    staging = index_dir / f".{generation}.tmp"
    staging.mkdir(parents=True)
    try:
        index, params = make_faiss_index(vectors, index_type)
        faiss.write_index(index, str(staging / INDEX_FILE))
        np.save(staging / VECTORS_FILE, vectors)
        write_metadata(staging / META_FILE, payload.articles, payload.sentences)
        extra = tuple(payload.extra_files(staging)) if payload.extra_files else ()
        files = {
            name: _file_info(staging / name, hashed=name in _HASHED_FILES or name in extra)
            for name in (INDEX_FILE, META_FILE, VECTORS_FILE, *extra)
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
        raise
    _remove_stale_generations(index_dir, keep={generation, *_previous_generations(index_dir, generation)})
    return manifest


def read_manifest(index_dir: Path) -> Manifest:
    path = index_dir / MANIFEST
    if not index_dir.is_dir():
        raise IndexLoadError(
            f"No index at {index_dir}. Build one with: verbatim-index --articles PATH --index {index_dir}"
        )
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise IndexLoadError(
            f"{index_dir} has no {MANIFEST}: it is not a Verbatim index (or its first build never "
            f"finished). Build one with: verbatim-index --articles PATH --index {index_dir}"
        ) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise IndexLoadError(f"Cannot read {path}: {exc}") from exc
    return Manifest.from_json(text, path)


@dataclass
class LoadedIndex:
    """An open index: its manifest, the FAISS index and the metadata reader."""

    directory: Path
    manifest: Manifest
    faiss_index: faiss.Index
    metadata: MetadataReader

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Top-``k`` (scores, rows) for each query row; rows are -1 where fewer exist."""
        k = max(1, min(k, self.manifest.sentences or 1))
        return self.faiss_index.search(np.ascontiguousarray(queries, dtype=np.float32), k)

    def vectors(self) -> np.ndarray:
        """The stored embeddings, memory-mapped (read only)."""
        return np.load(self.generation_dir / VECTORS_FILE, mmap_mode="r")

    @property
    def generation_dir(self) -> Path:
        return self.directory / self.manifest.generation

    def close(self) -> None:
        self.metadata.close()


def open_index(
    index_dir: Path,
    *,
    expected_model: str | None = None,
    expected_dimension: int | None = None,
    verify: bool = True,
    mmap: bool = True,
) -> LoadedIndex:
    """Open and check an index directory; raise IndexLoadError saying what is wrong.

    ``mmap`` maps the FAISS file instead of reading it into memory: opening is instant at any
    size, and the pages are file-backed, so the OS can drop and re-read them instead of the
    process holding the whole index (generations are never modified once written).
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
    extra = tuple(n for n in manifest.files if n not in (INDEX_FILE, META_FILE, VECTORS_FILE) and "/" not in n)
    for name in (INDEX_FILE, META_FILE, *extra):
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
    try:
        flags = _MMAP_FLAGS.get(manifest.index_type, 0) if mmap else 0
        faiss_index = faiss.read_index(str(generation / INDEX_FILE), flags)
    except RuntimeError as exc:
        raise IndexLoadError(
            f"The index at {index_dir} is corrupt: FAISS cannot read {INDEX_FILE}. Rebuild it."
        ) from exc
    if faiss_index.d != manifest.dimension or faiss_index.ntotal != manifest.sentences:
        raise IndexLoadError(
            f"The index at {index_dir} is corrupt: FAISS holds {faiss_index.ntotal} vectors of "
            f"dimension {faiss_index.d}, the manifest says {manifest.sentences} of {manifest.dimension}. Rebuild it."
        )
    _apply_search_params(faiss_index, manifest)
    try:
        metadata = MetadataReader(generation / META_FILE)
        metadata.check()
    except sqlite3.DatabaseError as exc:
        raise IndexLoadError(
            f"The index at {index_dir} is corrupt: {META_FILE} is unreadable ({exc}). Rebuild it."
        ) from exc
    return LoadedIndex(index_dir, manifest, faiss_index, metadata)


def _apply_search_params(index: faiss.Index, manifest: Manifest) -> None:
    if manifest.index_type == "hnsw":
        faiss.downcast_index(index).hnsw.efSearch = int(manifest.params.get("efSearch", HNSW_EF_SEARCH))
    elif manifest.index_type == "ivf":
        faiss.extract_index_ivf(index).nprobe = int(manifest.params.get("nprobe", 16))


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


def _previous_generations(index_dir: Path, current: str) -> list[str]:
    """The newest generation before ``current`` (kept for readers of the old manifest)."""
    older = sorted(p.name for p in index_dir.glob("gen-*") if p.is_dir() and p.name < current)
    return older[-1:]


def _remove_stale_generations(index_dir: Path, keep: set[str]) -> None:
    for path in index_dir.iterdir():
        stale_generation = path.name.startswith("gen-") and path.name not in keep
        crashed_build = path.name.startswith((".gen-", ".manifest.")) and path.name.endswith(".tmp")
        if stale_generation or crashed_build:
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()


def manifest_stamp(index_dir: Path) -> tuple[int, int, int] | None:
    """A cheap fingerprint of ``manifest.json`` that changes when a rebuild goes live."""
    try:
        stat = (index_dir / MANIFEST).stat()
    except FileNotFoundError:
        return None
    return (stat.st_mtime_ns, stat.st_ino, stat.st_size)
