"""The index's vectors in a Qdrant collection: connecting, searching, writing. The only qdrant_client importer.

One point per sentence: its normalised vector (cosine distance, so scores are FAISS's inner
products), a point id that stays the same for as long as the sentence's article is unchanged,
and a payload of ``article`` (its article id), ``born`` and ``died`` (generation stamps). The
generation that uses the collection records its stamp in the manifest and, in ``points.npy``,
the point id of each of its rows; it sees exactly the points with ``born <= stamp < died``.
A build adds its new points with ``born`` = its stamp and hides the ones it drops by setting
``died`` = its stamp, so the live generation keeps seeing its own points until the manifest
swap (qdrant_generation.py has the whole protocol).

Searching asks Qdrant for a few more points than needed (as many as the collection holds beyond
the generation's own, up to ``MAX_MARGIN``) and drops points the generation does not know; only
when that leaves too few does it ask again with the ``born``/``died`` filter, which a server
answers from payload indexes.

The local mode (``QdrantClient(path=...)``) lets one client at a time open a directory, so this
module shares one client per directory within a process (a reloading bot opens the next
generation before closing the old one) and says clearly when another process holds it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from index.errors import VerbatimError
from index.store.locations import QDRANT_LOCAL, StoreLocation
from index.store.shared_handles import SharedHandles

if TYPE_CHECKING:
    from qdrant_client import QdrantClient, models

# qdrant_client is imported where it is used, not above: it costs every ``import index`` half a
# second and about 80 MiB (pydantic models, gRPC) even where no Qdrant store is ever used.

# ``died`` of a point no generation has dropped yet.
ALIVE = 2**62
# Beyond the generation's own points, how many more a search asks for before it filters.
MAX_MARGIN = 256
# Beyond k, how many more a search asks for, so that rows tied at the k-th score come in row order.
TIE_EXTRA = 8
# Points per upsert or payload request: big enough to amortise a request, small enough for a server's limits.
BATCH = 1_000
# Seconds a server request may take (an unreachable server fails at once on a closed port).
TIMEOUT = 30
# HNSW beam width on a server (FAISS's efSearch); the local mode always searches exactly.
HNSW_EF = 256


class StoreUnavailableError(VerbatimError):
    """The vector store cannot be reached or opened; the message says which and why."""


class PointStore(Protocol):
    """What a generation needs of a collection: ``Collection`` here, ``EdgeCollection`` (qdrant_edge_store.py)."""

    location: StoreLocation
    exists: bool

    def close(self) -> None: ...
    def dimension(self) -> int | None: ...
    def count(self, stamp: int | None = None) -> int: ...
    def query(self, vectors: np.ndarray, limit: int, stamp: int | None = None) -> list[list[tuple[Any, float]]]: ...
    def recreate(self, dimension: int) -> None: ...
    def upsert(self, ids: np.ndarray, vectors: np.ndarray, articles: Sequence[str], born: int) -> None: ...
    def hide(self, ids: Iterable[int], stamp: int) -> None: ...
    def undo_after(self, stamp: int) -> None: ...
    def purge(self, stamp: int) -> None: ...


def _local_client(directory: str) -> QdrantClient:
    from qdrant_client import QdrantClient

    Path(directory).mkdir(parents=True, exist_ok=True)
    return QdrantClient(path=directory)


def _close_client(client: QdrantClient) -> None:
    client.close()


# One local-mode client per directory in this process (shared_handles.py says why).
_LOCAL: SharedHandles[str, QdrantClient] = SharedHandles(_local_client, _close_client)


class Collection:
    """A connection to one collection; ``close`` it (the local mode's directory is shared)."""

    def __init__(self, location: StoreLocation) -> None:
        self.location = location
        self.name = location.collection
        self._closed = False
        try:
            from qdrant_client import QdrantClient

            if location.scheme == QDRANT_LOCAL:
                self.client = _LOCAL.acquire(location.path)
            else:
                self.client = QdrantClient(
                    host=location.host, port=location.port, timeout=TIMEOUT, check_compatibility=False
                )
            self.exists = self.client.collection_exists(self.name)  # the first request: reachable?
        except RuntimeError as exc:  # local mode: another process holds the directory
            raise StoreUnavailableError(
                f"The local Qdrant store {location.url} is in use by another process ({exc}). The local "
                "mode serves one process at a time: stop the bot before rebuilding, or use a Qdrant server."
            ) from exc
        except Exception as exc:  # qdrant_client wraps connection errors in its own exception types
            self.close()
            raise StoreUnavailableError(f"Cannot reach the Qdrant store {location.url}: {_reason(exc)}") from exc

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self.location.scheme == QDRANT_LOCAL:
            _LOCAL.release(self.location.path)
        elif hasattr(self, "client"):
            self.client.close()

    # -- reading -----------------------------------------------------------------------------------

    def dimension(self) -> int | None:
        """The vector size of the collection, None when it does not exist."""
        from qdrant_client import models

        if not self.client.collection_exists(self.name):
            return None
        vectors = self.client.get_collection(self.name).config.params.vectors
        return int(vectors.size) if isinstance(vectors, models.VectorParams) else None

    def count(self, stamp: int | None = None) -> int:
        """Points in the collection; with ``stamp``, only those the generation of that stamp sees."""
        selection = visible_to(stamp) if stamp is not None else None
        return int(self.client.count(self.name, count_filter=selection, exact=True).count)

    def query(self, vectors: np.ndarray, limit: int, stamp: int | None = None) -> list[list[tuple[Any, float]]]:
        """Per query vector, the ``limit`` nearest points (id, score), best first; with ``stamp``,
        only points the generation of that stamp sees."""
        from qdrant_client import models

        selection = visible_to(stamp) if stamp is not None else None
        # The local mode searches exactly and warns about search params; a server gets FAISS's beam.
        params = None if self.location.scheme == QDRANT_LOCAL else models.SearchParams(hnsw_ef=max(HNSW_EF, limit))
        requests = [
            models.QueryRequest(query=vector.tolist(), limit=limit, filter=selection, with_payload=False, params=params)
            for vector in np.asarray(vectors, dtype=np.float32)
        ]
        responses = self.client.query_batch_points(self.name, requests=requests)
        return [[(point.id, point.score) for point in response.points] for response in responses]

    # -- writing -----------------------------------------------------------------------------------

    def recreate(self, dimension: int) -> None:
        """An empty collection of ``dimension``-sized cosine vectors (any old one is dropped)."""
        from qdrant_client import models

        if self.client.collection_exists(self.name):
            self.client.delete_collection(self.name)
        self.client.create_collection(
            self.name, vectors_config=models.VectorParams(size=dimension, distance=models.Distance.COSINE)
        )
        if self.location.scheme != QDRANT_LOCAL:  # the local mode has no payload indexes (and warns)
            for key, schema in (
                ("born", models.PayloadSchemaType.INTEGER),
                ("died", models.PayloadSchemaType.INTEGER),
                ("article", models.PayloadSchemaType.KEYWORD),
            ):
                self.client.create_payload_index(self.name, key, field_schema=schema)

    def upsert(self, ids: np.ndarray, vectors: np.ndarray, articles: Sequence[str], born: int) -> None:
        """Write points ``ids`` (new to every generation) with their vectors and article ids."""
        from qdrant_client import models

        for start in range(0, len(ids), BATCH):
            end = start + BATCH
            self.client.upsert(
                self.name,
                points=models.Batch(
                    ids=[int(i) for i in ids[start:end]],
                    vectors=np.asarray(vectors[start:end], dtype=np.float32).tolist(),
                    payloads=[{"article": a, "born": born, "died": ALIVE} for a in articles[start:end]],
                ),
                wait=True,
            )

    def hide(self, ids: Iterable[int], stamp: int) -> None:
        """Points ``ids`` are not seen by the generation of ``stamp`` and later ones."""
        from qdrant_client import models

        listed = [int(point) for point in ids]
        for start in range(0, len(listed), BATCH):
            batch = models.PointIdsList(points=list(listed[start : start + BATCH]))
            self.client.set_payload(self.name, payload={"died": stamp}, points=batch, wait=True)

    def undo_after(self, stamp: int) -> None:
        """Undo what builds later than ``stamp`` wrote without going live (they crashed or failed)."""
        self.client.delete(self.name, points_selector=_selector(_range("born", gt=stamp)), wait=True)
        self.client.set_payload(
            self.name,
            payload={"died": ALIVE},
            points=_selector(_range("died", gt=stamp), _range("died", lt=ALIVE)),
            wait=True,
        )

    def purge(self, stamp: int) -> None:
        """Delete the points no generation from ``stamp`` on sees (hidden at or before it)."""
        self.client.delete(self.name, points_selector=_selector(_range("died", lte=stamp)), wait=True)


def visible_to(stamp: int) -> models.Filter:
    """The points the generation of ``stamp`` sees: born at or before it, not hidden by then."""
    from qdrant_client import models

    return models.Filter(must=[_range("born", lte=stamp), _range("died", gt=stamp)])


def _range(key: str, **bounds: int) -> models.FieldCondition:
    from qdrant_client import models

    return models.FieldCondition(key=key, range=models.Range(**bounds))


def _selector(*conditions: models.FieldCondition) -> models.FilterSelector:
    from qdrant_client import models

    return models.FilterSelector(filter=models.Filter(must=list(conditions)))


def _reason(exc: BaseException) -> str:
    """The innermost message of a wrapped connection error ('Connection refused', a timeout)."""
    while exc.__cause__ is not None or exc.__context__ is not None:
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]
    return str(exc) or type(exc).__name__


class QdrantVectors:
    """The answering side: top-k (scores, rows) of one generation, like FAISS's ``VectorIndex``."""

    def __init__(self, collection: PointStore, stamp: int, point_ids: np.ndarray, dimension: int) -> None:
        self._collection = collection
        self._stamp = stamp
        self._dimension = dimension
        self._size = len(point_ids)
        order = np.argsort(point_ids, kind="stable")
        self._sorted_ids = point_ids[order]
        self._rows_by_order = order.astype(np.int64)
        # Points the collection holds beyond this generation's: dropped or added by other builds.
        self._margin = min(MAX_MARGIN, max(0, collection.count() - self._size))

    @property
    def dimension(self) -> int:
        return self._dimension

    @property
    def size(self) -> int:
        return self._size

    def visible_size(self) -> int:
        """How many points of the collection this generation sees (its manifest's sentence count when intact)."""
        return self._collection.count(self._stamp)

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Top-``k`` (scores, rows) for each query row; rows are -1 where fewer exist."""
        n = len(queries)
        scores = np.full((n, k), -np.inf, dtype=np.float32)
        rows = np.full((n, k), -1, dtype=np.int64)
        limit = k + self._margin + TIE_EXTRA
        for i, found in enumerate(self._collection.query(queries, limit)):
            kept = self._known(found)
            if len(kept) < k and len(found) == limit:  # others' points crowded ours out: filter
                kept = self._known(self._collection.query(queries[i : i + 1], k + TIE_EXTRA, self._stamp)[0])
            # Equal scores (the same sentence in several articles) in row order, as FAISS gives them.
            kept.sort(key=lambda found_row: (-found_row[1], found_row[0]))
            for j, (row, score) in enumerate(kept[:k]):
                rows[i, j] = row
                scores[i, j] = score
        return scores, rows

    def _known(self, found: Sequence[tuple[Any, float]]) -> list[tuple[int, float]]:
        """(row, score) of the points this generation has, in the order found."""
        if not found:
            return []
        ids = np.fromiter((int(point) for point, _ in found), dtype=np.int64, count=len(found))
        at = np.minimum(np.searchsorted(self._sorted_ids, ids), max(self._size - 1, 0))
        known = self._sorted_ids[at] == ids if self._size else np.zeros(len(ids), dtype=bool)
        return [(int(self._rows_by_order[at[j]]), float(found[j][1])) for j in range(len(found)) if bool(known[j])]

    def close(self) -> None:
        self._collection.close()
