"""A bounded memo: what the searcher remembers about an index that never changes.

An open index is read-only, so whatever was computed about one of its rows (its sentence and
stemmed words, an article's header, a speaker's quotes, a regex test of a sentence) stays true
for as long as it is open. Popular sentences come back question after question, so remembering
saves real work; but memory must stay bounded on a million sentences. ``BoundedMemo`` is a
dict that starts afresh when it is full: cheaper than tracking recency on every hit, and the
entries that matter come back at once. Safe to share between threads without a lock: single
dict operations are atomic, so a race at worst computes a value twice.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from itertools import islice
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")
_MISSING = object()


class BoundedMemo(Generic[K, V]):
    """At most ``limit`` remembered values; storing into a full memo forgets everything first."""

    def __init__(self, limit: int) -> None:
        if limit < 1:
            raise ValueError("a memo must hold at least one value")
        self._limit = limit
        self._values: dict[K, V] = {}

    @property
    def limit(self) -> int:
        """The most values remembered at once (fixed when the memo is made)."""
        return self._limit

    def __len__(self) -> int:
        return len(self._values)

    def __contains__(self, key: object) -> bool:
        return key in self._values

    def get(self, key: K, default: V | None = None) -> V | None:
        return self._values.get(key, default)

    def get_or_compute(self, key: K, compute: Callable[[K], V]) -> V:
        """The remembered value for ``key``, or ``compute(key)``, remembered."""
        found = self._values.get(key, _MISSING)  # one lookup: another thread may clear meanwhile
        if found is not _MISSING:
            return found  # type: ignore[return-value]
        value = compute(key)
        self.put_many({key: value})
        return value

    def put_many(self, values: Mapping[K, V]) -> None:
        """Remember ``values`` (e.g. the rows of one SQLite query), starting afresh first if they
        would not fit beside what is remembered; past ``limit`` of them, the rest are not kept."""
        if len(self._values) + len(values) > self._limit:
            self._values.clear()
        if len(values) > self._limit:
            values = dict(islice(values.items(), self._limit))
        self._values.update(values)
