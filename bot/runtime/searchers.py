"""The searcher serving now: swapped in one step by a reload, closed once no question uses it."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

from index import Searcher


class SearcherHolder:
    """Holds the live Searcher; a reload swaps it in one step while old questions finish.

    Work that runs a while on one searcher takes a ``lease``; ``retire`` closes a replaced
    searcher as soon as its last lease ends, so a question in flight never meets a closed index.
    """

    def __init__(self, searcher: Searcher) -> None:
        self._searcher = searcher
        self._lock = threading.Lock()
        self._leases: dict[int, int] = {}  # id(searcher) -> leases held
        self._retiring: dict[int, Searcher] = {}

    @property
    def current(self) -> Searcher:
        with self._lock:
            return self._searcher

    def swap(self, searcher: Searcher) -> Searcher:
        """Make ``searcher`` live and return the one it replaced."""
        with self._lock:
            old, self._searcher = self._searcher, searcher
        return old

    @contextlib.contextmanager
    def lease(self) -> Iterator[Searcher]:
        """The live searcher, kept open until the ``with`` block ends even if swapped out."""
        with self._lock:
            searcher = self._searcher
            self._leases[id(searcher)] = self._leases.get(id(searcher), 0) + 1
        try:
            yield searcher
        finally:
            with self._lock:
                left = self._leases[id(searcher)] - 1
                if left:
                    self._leases[id(searcher)] = left
                else:
                    del self._leases[id(searcher)]
                closing = self._retiring.pop(id(searcher), None) if not left else None
            if closing is not None:
                closing.close()

    def retire(self, searcher: Searcher) -> None:
        """Close a swapped-out ``searcher`` now, or when its last lease ends."""
        with self._lock:
            if searcher is self._searcher:
                raise ValueError("the live searcher cannot be retired; swap it out first")
            if self._leases.get(id(searcher)):
                self._retiring[id(searcher)] = searcher
                return
        searcher.close()
