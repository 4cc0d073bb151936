"""The index directory's layout, its manifest, its generations and its build lock.

Layout of an index directory ``DIR``::

    DIR/manifest.json            the commit point: names the live generation, written last
    DIR/gen-<stamp>/index.faiss  the FAISS index (row i = sentence row i; faiss_index.py)
    DIR/gen-<stamp>/meta.sqlite  articles and sentences (metadata.py)
    DIR/gen-<stamp>/vectors.npy  the float32 embeddings, reused by incremental rebuilds
    DIR/gen-<stamp>/...          the lexical index and the embedded texts' keys (matching.py)
    DIR/.build.lock              held by the one build allowed at a time

A build writes a new generation beside the live one and then replaces ``manifest.json`` with
``os.replace`` (generation.py), so a crash at any moment leaves the previous index whole and
loadable, and a reader sees either the old index or the new one, never a mix. The previous
generation is kept until the next build so that a reader that has just read the old manifest
can still open it.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from index.errors import IndexBuildError, IndexLoadError

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
# Where the index lives unless VERBATIM_INDEX or --index says otherwise (bot and verbatim-index).
DEFAULT_INDEX = Path("data/index")
INDEX_FILE = "index.faiss"
META_FILE = "meta.sqlite"
VECTORS_FILE = "vectors.npy"
LOCK_FILE = ".build.lock"


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
    # The version of the code that split and attributed the sentences (pipeline.py): a rebuild
    # reuses an unchanged article's stored sentences only when it matches. Indexes built before
    # versions were explicit hold a source-code fingerprint here, which matches no version.
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


def read_manifest(index_dir: Path) -> Manifest:
    """The manifest of the index at ``index_dir``; IndexLoadError saying what is wrong."""
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


def manifest_stamp(index_dir: Path) -> tuple[int, int, int] | None:
    """A cheap fingerprint of ``manifest.json`` that changes when a rebuild goes live."""
    try:
        stat = (index_dir / MANIFEST).stat()
    except FileNotFoundError:
        return None
    return (stat.st_mtime_ns, stat.st_ino, stat.st_size)


@contextlib.contextmanager
def build_lock(index_dir: Path) -> Iterator[None]:
    """Hold the index directory's build lock, or fail at once if another build holds it.

    A directory that holds something other than a Verbatim index is refused first, before the
    lock file is created in it (``check_writable_index_dir``).
    """
    check_writable_index_dir(index_dir)
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


def new_generation_name() -> str:
    """A generation directory name that sorts after every earlier one."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return f"gen-{stamp}-{os.getpid()}"


def remove_stale_generations(index_dir: Path, live: str) -> None:
    """Delete every generation but ``live`` and the one before it, and crashed builds' leftovers.

    The one before stays for readers that read the old manifest just before the swap.
    """
    older = sorted(p.name for p in index_dir.glob("gen-*") if p.is_dir() and p.name < live)
    keep = {live, *older[-1:]}
    for path in index_dir.iterdir():
        stale_generation = path.name.startswith("gen-") and path.name not in keep
        crashed_build = path.name.startswith((".gen-", ".manifest.")) and path.name.endswith(".tmp")
        if stale_generation or crashed_build:
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
