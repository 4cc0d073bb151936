"""One open handle per key in this process, shared by its users and closed when the last lets go.

Qdrant's in-process engines (qdrant-client's local mode, Qdrant Edge) allow one opener of a
directory per process, while a bot may hold two searchers of one index at once (the live one and
the one a reload is opening). So both stores open each directory once, here, and count its users.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class SharedHandles(Generic[K, V]):
    """``acquire(key)`` opens the handle on first use (``open_``); ``release(key)`` closes it
    (``close``) once every user of it has released it. Safe to share between threads."""

    def __init__(self, open_: Callable[[K], V], close: Callable[[V], None]) -> None:
        self._open = open_
        self._close = close
        self._lock = threading.Lock()
        self._handles: dict[K, tuple[V, int]] = {}

    def acquire(self, key: K) -> V:
        with self._lock:
            handle, users = self._handles.get(key) or (self._open(key), 0)
            self._handles[key] = (handle, users + 1)
            return handle

    def release(self, key: K) -> None:
        with self._lock:
            if key not in self._handles:
                return
            handle, users = self._handles[key]
            if users > 1:
                self._handles[key] = (handle, users - 1)
                return
            del self._handles[key]
            # Closed under the lock: a new opener of the key waits until the old handle is gone.
            self._close(handle)
