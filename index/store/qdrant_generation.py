"""A generation whose vectors live in a Qdrant collection: written incrementally, opened checked.

The generation directory keeps everything else (metadata, vectors.npy for rebuilds, BM25) and
``points.npy``, the point id of each row; the manifest's ``index_type`` is ``qdrant`` and its
``params`` name the store and the generation's stamp. A build (``write_points``, called before
the manifest swap):

1. undoes what earlier builds left behind when they failed before going live (points born
   after the live stamp are deleted, points they hid are shown again) and checks that the live
   generation sees exactly its own points; if not (or the live index is not in this
   collection, or has other dimensions), the collection is made anew;
2. gives the rows of unchanged articles the point ids they had (their points are not touched)
   and every other row a new id, upserting those points with ``born`` = the new stamp (the
   live generation does not see them);
3. hides the live generation's points that the new one does not keep (changed and removed
   articles) by setting their ``died`` to the new stamp (the live generation still sees them).

Then the manifest swap makes the new generation live at once. After it, ``Collection.purge``
deletes the points that neither it nor the one before it sees (``died`` <= the old stamp): the
generation before stays readable until the next build, as its directory does (manifest.py).
A crash at any step leaves the live generation answering exactly as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from index.errors import IndexLoadError, VerbatimError
from index.store.locations import IN_PROCESS, QDRANT_EDGE, StoreLocation, parse_store
from index.store.manifest import Manifest, read_manifest
from index.store.qdrant_store import Collection, PointStore, QdrantVectors, StoreUnavailableError

QDRANT_INDEX_TYPE = "qdrant"
POINTS_FILE = "points.npy"


@dataclass(frozen=True)
class LiveState:
    """What the live generation says about the collection: its stamp, next free id, its rows' points."""

    stamp: int
    next_point: int
    points: np.ndarray


@dataclass(frozen=True)
class PointsWritten:
    """What a build wrote: the manifest's params, each row's point id, the stamp to purge up to."""

    params: dict[str, Any]
    point_ids: np.ndarray
    purge_to: int  # 0: nothing to purge (the collection was made anew)


def same_collection(a: StoreLocation, b: StoreLocation) -> bool:
    """The same collection, whatever host name each machine uses for the server."""
    if a.scheme != b.scheme or a.collection != b.collection:
        return False
    return a.scheme not in IN_PROCESS or Path(a.path).resolve() == Path(b.path).resolve()


def open_collection(location: StoreLocation) -> PointStore:
    """The collection ``location`` names, opened (StoreUnavailableError saying why not)."""
    if location.scheme == QDRANT_EDGE:
        from index.store.qdrant_edge_store import EdgeCollection  # only when asked: a 35 MB engine

        return EdgeCollection(location)
    return Collection(location)


def live_state(index_dir: Path, location: StoreLocation) -> LiveState | None:
    """The live generation's state in ``location``'s collection; None when it is not there (or unreadable)."""
    try:
        manifest = read_manifest(index_dir)
        if manifest.index_type != QDRANT_INDEX_TYPE or not same_collection(_stored(manifest), location):
            return None
        points = np.load(index_dir / manifest.generation / POINTS_FILE, allow_pickle=False)
        if points.shape != (manifest.sentences,):
            return None
        return LiveState(int(manifest.params["stamp"]), int(manifest.params["next_point"]), points.astype(np.int64))
    except (VerbatimError, OSError, ValueError, KeyError, TypeError):
        return None


def write_points(
    collection: PointStore,
    live: LiveState | None,
    vectors: np.ndarray,
    articles: Sequence[str],
    carried: np.ndarray | None,
) -> PointsWritten:
    """Steps 1-3 above. ``carried[i]`` is the live generation's row that row ``i`` keeps, -1 for new rows."""
    try:
        return _write_points(collection, live, vectors, articles, carried)
    except VerbatimError:
        raise
    except Exception as exc:  # the server went away or refused: the live index is unchanged
        raise StoreUnavailableError(
            f"Writing to the Qdrant store {collection.location.url} failed ({exc}); the live index is unchanged."
        ) from exc


def _write_points(
    collection: PointStore,
    live: LiveState | None,
    vectors: np.ndarray,
    articles: Sequence[str],
    carried: np.ndarray | None,
) -> PointsWritten:
    dimension = int(vectors.shape[1])
    if live is not None and collection.dimension() == dimension:
        collection.undo_after(live.stamp)
        if collection.count(live.stamp) != len(live.points):
            live = None
    else:
        live = None
    if live is None:
        collection.recreate(dimension)
        stamp, next_point, live_points = 1, 0, np.zeros(0, dtype=np.int64)
        keep = np.zeros(len(vectors), dtype=bool)
    else:
        stamp, next_point, live_points = live.stamp + 1, live.next_point, live.points
        keep = carried >= 0 if carried is not None else np.zeros(len(vectors), dtype=bool)
    ids = np.empty(len(vectors), dtype=np.int64)
    if keep.any():
        assert carried is not None
        ids[keep] = live_points[carried[keep]]
    fresh = np.flatnonzero(~keep)
    ids[fresh] = next_point + np.arange(len(fresh), dtype=np.int64)
    collection.upsert(ids[fresh], vectors[fresh], [articles[int(i)] for i in fresh], born=stamp)
    dropped = np.setdiff1d(live_points, ids[keep])
    collection.hide(dropped.tolist(), stamp)
    params = {
        "store": collection.location.url,
        "stamp": stamp,
        "next_point": next_point + len(fresh),
        "written": len(fresh),
        "hidden": len(dropped),
    }
    return PointsWritten(params, ids, live.stamp if live is not None else 0)


def open_qdrant(generation_dir: Path, manifest: Manifest, override: StoreLocation | None) -> QdrantVectors:
    """The generation's vectors in its collection (at ``override``'s address when given), checked."""
    stored = _stored(manifest)
    location = override or stored
    if not same_collection(location, stored):
        raise IndexLoadError(
            f"The index at {generation_dir.parent} lives in {stored.url}, not {location.url}; "
            f"rebuild it with --store {location.url}, or leave the store unset to use {stored.url}."
        )
    try:
        points = np.load(generation_dir / POINTS_FILE, allow_pickle=False).astype(np.int64)
    except (OSError, ValueError) as exc:
        raise IndexLoadError(f"The index at {generation_dir.parent} is corrupt: {POINTS_FILE} is unreadable.") from exc
    try:
        collection = open_collection(location)
    except StoreUnavailableError as exc:
        raise IndexLoadError(str(exc)) from exc
    if not collection.exists:
        collection.close()
        raise IndexLoadError(
            f"The Qdrant collection {location.url} of the index at {generation_dir.parent} does not exist "
            "(it was deleted, or the store is another one). Rebuild the index."
        )
    try:
        vectors = QdrantVectors(collection, int(manifest.params["stamp"]), points, manifest.dimension)
        visible = vectors.visible_size()
    except Exception as exc:  # the server answered, then failed: say so instead of a traceback
        collection.close()
        raise IndexLoadError(f"The Qdrant store {location.url} cannot be read: {exc}") from exc
    if visible != manifest.sentences or len(points) != manifest.sentences:
        collection.close()
        raise IndexLoadError(
            f"The Qdrant collection {location.url} holds {visible} of this index's points, the manifest "
            f"says {manifest.sentences}: it was changed or emptied by something else. Rebuild the index."
        )
    return vectors


def _stored(manifest: Manifest) -> StoreLocation:
    try:
        return parse_store(str(manifest.params.get("store", "")))
    except VerbatimError as exc:
        raise IndexLoadError(f"The manifest names an invalid store ({exc}); rebuild the index.") from exc
