"""A collection in Qdrant Edge (``qdrant+edge:///DIR/COLLECTION``): Qdrant's own engine in this
process, one shard on disk. The only qdrant_edge importer.

Same points, payload and generation stamps as a server collection (qdrant_store.py), written
through the engine's write-ahead log, so a kill at any moment loses no acknowledged write. The
shard lives in ``DIR/COLLECTION/shard``, its vector size in ``DIR/COLLECTION/collection.json``.
Segments stay plain (exact search, like FAISS's flat index): the engine builds HNSW only when
asked to optimise, which took minutes at 10^5 points on 2 cores.

A shard directory admits one open shard (its WAL is locked), so, as with the local mode, a
process shares one open shard per directory between its users.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import qdrant_edge as qe

from index.store.locations import StoreLocation
from index.store.qdrant_store import ALIVE, BATCH, StoreUnavailableError
from index.store.shared_handles import SharedHandles

_CONFIG = "collection.json"
_SHARD = "shard"


@dataclass
class _Shared:
    shard: Any  # qdrant_edge.EdgeShard, or None while the collection does not exist


def _load_shard(directory: Path) -> _Shared:
    return _Shared(qe.EdgeShard.load(str(directory / _SHARD)) if (directory / _SHARD).is_dir() else None)


def _close_shard(shared: _Shared) -> None:
    if shared.shard is not None:
        shared.shard.close()


# One open shard per collection directory in this process (shared_handles.py says why).
_SHARDS: SharedHandles[Path, _Shared] = SharedHandles(_load_shard, _close_shard)


class EdgeCollection:
    """A ``PointStore`` (qdrant_store.py) in a Qdrant Edge shard; ``close`` it."""

    def __init__(self, location: StoreLocation) -> None:
        self.location = location
        self._directory = Path(location.path).resolve() / location.collection
        try:
            self._shared = _SHARDS.acquire(self._directory)
        except Exception as exc:  # the engine raises plain Exception: a locked WAL, unreadable segments
            raise StoreUnavailableError(
                f"Cannot open the Qdrant Edge store {location.url} ({exc}). It serves one process at a time: "
                "stop the bot before rebuilding, or use a Qdrant server."
            ) from exc
        self._closed = False
        self.exists = self._shared.shard is not None

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            _SHARDS.release(self._directory)

    @property
    def _shard(self) -> Any:
        if self._shared.shard is None:
            raise StoreUnavailableError(f"The Qdrant Edge collection {self.location.url} does not exist.")
        return self._shared.shard

    # -- reading -----------------------------------------------------------------------------------

    def dimension(self) -> int | None:
        if self._shared.shard is None:
            return None
        try:
            return int(json.loads((self._directory / _CONFIG).read_text(encoding="utf-8"))["dimension"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def count(self, stamp: int | None = None) -> int:
        return int(self._shard.count(qe.CountRequest(exact=True, filter=_visible_to(stamp))))

    def query(self, vectors: np.ndarray, limit: int, stamp: int | None = None) -> list[list[tuple[Any, float]]]:
        selection = _visible_to(stamp)
        requests = [
            qe.QueryRequest(limit=limit, query=qe.Query.Nearest(vector.tolist()), with_payload=False, filter=selection)
            for vector in np.asarray(vectors, dtype=np.float32)
        ]
        answers = self._shard.query_batch(qe.QueryBatchRequest(requests))
        return [[(point.id, float(point.score)) for point in points] for points in answers]

    # -- writing -----------------------------------------------------------------------------------

    def recreate(self, dimension: int) -> None:
        """An empty shard of ``dimension``-sized cosine vectors (the old one, if any, is dropped)."""
        if self._shared.shard is not None:
            self._shared.shard.close()
            self._shared.shard = None
        shutil.rmtree(self._directory, ignore_errors=True)
        self._directory.mkdir(parents=True)
        (self._directory / _CONFIG).write_text(json.dumps({"dimension": dimension}), encoding="utf-8")
        config = qe.EdgeConfig(vectors=qe.EdgeVectorParams(size=dimension, distance=qe.Distance.Cosine))
        self._shared.shard = qe.EdgeShard.create(str(self._directory / _SHARD), config)
        self.exists = True

    def upsert(self, ids: np.ndarray, vectors: np.ndarray, articles: Sequence[str], born: int) -> None:
        for start in range(0, len(ids), BATCH):
            points = [
                qe.Point(int(point), np.asarray(vector, dtype=np.float32).tolist(), _payload(article, born))
                for point, vector, article in zip(
                    ids[start : start + BATCH],
                    vectors[start : start + BATCH],
                    articles[start : start + BATCH],
                    strict=True,
                )
            ]
            self._shard.update(qe.UpdateOperation.upsert_points(points))
        self._shard.flush()

    def hide(self, ids: Iterable[int], stamp: int) -> None:
        listed: list[Any] = [int(point) for point in ids]
        for start in range(0, len(listed), BATCH):
            self._shard.update(qe.UpdateOperation.set_payload(listed[start : start + BATCH], {"died": stamp}))
        self._shard.flush()

    def undo_after(self, stamp: int) -> None:
        self._shard.update(qe.UpdateOperation.delete_points_by_filter(_filter(_range("born", gt=stamp))))
        self._shard.update(
            qe.UpdateOperation.set_payload_by_filter(
                _filter(_range("died", gt=stamp), _range("died", lt=ALIVE)), {"died": ALIVE}
            )
        )
        self._shard.flush()

    def purge(self, stamp: int) -> None:
        self._shard.update(qe.UpdateOperation.delete_points_by_filter(_filter(_range("died", lte=stamp))))
        self._shard.flush()


def _payload(article: str, born: int) -> dict[str, Any]:
    return {"article": article, "born": born, "died": ALIVE}


def _visible_to(stamp: int | None) -> Any:
    """The stamp's generation's points (born at or before it, not hidden by then); None: all."""
    return None if stamp is None else _filter(_range("born", lte=stamp), _range("died", gt=stamp))


def _range(key: str, **bounds: int) -> Any:
    return qe.FieldCondition(key=key, range=qe.RangeFloat(**{k: float(v) for k, v in bounds.items()}))


def _filter(*conditions: Any) -> Any:
    return qe.Filter(must=list(conditions))
