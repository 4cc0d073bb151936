"""Where the vectors of an index are searched: FAISS files in the generation, or a Qdrant collection.

``VERBATIM_STORE`` (and ``--store`` of ``verbatim-index`` and the bot) names it:

* unset, empty or ``faiss``: the FAISS index inside each generation, as always;
* ``qdrant://HOST:PORT/COLLECTION``: a Qdrant server (port 6333, its REST port, when left out);
* ``qdrant+edge:///path/to/dir/COLLECTION``: Qdrant Edge (qdrant-edge-py), Qdrant's engine in
  this process, the collection a shard in ``/path/to/dir/COLLECTION`` (one machine, one process);
* ``qdrant+local:///path/to/dir/COLLECTION``: qdrant-client's local mode, the collection kept in
  ``/path/to/dir`` by this process alone (tests; pure Python, slow past 10^4 points). A
  relative path works too: ``qdrant+local://data/qdrant/news``.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from index.errors import VerbatimError

FAISS = "faiss"
QDRANT = "qdrant"
QDRANT_LOCAL = "qdrant+local"
QDRANT_EDGE = "qdrant+edge"
IN_PROCESS = (QDRANT_LOCAL, QDRANT_EDGE)  # schemes whose collection lives in a local directory
DEFAULT_QDRANT_PORT = 6333
EXAMPLES = (
    "qdrant://HOST:PORT/COLLECTION, qdrant+edge:///path/to/dir/COLLECTION or qdrant+local:///path/to/dir/COLLECTION"
)


class StoreLocationError(VerbatimError, ValueError):
    """A store URL that names no store this Verbatim knows."""


@dataclass(frozen=True)
class StoreLocation:
    """A parsed store URL; ``scheme`` is FAISS, QDRANT, QDRANT_EDGE or QDRANT_LOCAL."""

    scheme: str = FAISS
    collection: str = ""
    host: str = ""
    port: int = DEFAULT_QDRANT_PORT
    path: str = ""  # the directory of an in-process store

    @property
    def is_faiss(self) -> bool:
        return self.scheme == FAISS

    @property
    def url(self) -> str:
        """The canonical URL, as the manifest records it."""
        if self.scheme == QDRANT:
            return f"qdrant://{self.host}:{self.port}/{self.collection}"
        if self.scheme in IN_PROCESS:
            return f"{self.scheme}://{self.path}/{self.collection}"
        return FAISS


FAISS_STORE = StoreLocation()


def parse_store(text: str | None) -> StoreLocation:
    """The store ``text`` names; StoreLocationError saying what a valid one looks like."""
    raw = (text or "").strip()
    if raw in ("", FAISS):
        return FAISS_STORE
    for scheme in IN_PROCESS:
        if raw.startswith(f"{scheme}://"):
            directory, _, collection = raw[len(scheme) + 3 :].rstrip("/").rpartition("/")
            if not directory or not _valid_collection(collection):
                raise StoreLocationError(f"{raw!r} names no directory and collection; write {EXAMPLES}.")
            return StoreLocation(scheme, collection=collection, path=directory)
    if raw.startswith(f"{QDRANT}://"):
        parts = urlsplit(raw)
        try:
            port = parts.port or DEFAULT_QDRANT_PORT
        except ValueError as exc:
            raise StoreLocationError(f"{raw!r} has an invalid port; write {EXAMPLES}.") from exc
        collection = parts.path.strip("/")
        if not parts.hostname or not _valid_collection(collection) or parts.query:
            raise StoreLocationError(f"{raw!r} names no host and collection; write {EXAMPLES}.")
        return StoreLocation(QDRANT, collection=collection, host=parts.hostname, port=port)
    raise StoreLocationError(f"Unknown store {raw!r}: leave it unset for FAISS, or write {EXAMPLES}.")


def _valid_collection(name: str) -> bool:
    return bool(name) and "/" not in name and name not in (".", "..")
