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

from collections.abc import Callable, Mapping, Sequence
from itertools import islice
from typing import Any, Generic, TypeVar

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

    def get_many(self, keys: Sequence[K]) -> list[V | None]:
        """``get`` of each of ``keys``, in order, in one call (None for one not remembered)."""
        get = self._values.get
        return [get(key) for key in keys]

    def get_or_compute(self, key: K, compute: Callable[[K], V]) -> V:
        """The remembered value for ``key``, or ``compute(key)``, remembered."""
        found = self._values.get(key, _MISSING)  # one lookup: another thread may clear meanwhile
        if found is not _MISSING:
            return found  # type: ignore[return-value]
        value = compute(key)
        self.put_many({key: value})
        return value

    def get_many_or_compute(self, keys: Sequence[K], compute: Callable[[K], V]) -> list[V]:
        """``get_or_compute`` of each of ``keys``, in order, in one call: ranking asks for a few
        dozen candidates' values at once, and a call a key cost as much as the lookups."""
        values = self._values
        found: list[Any] = [values.get(key, _MISSING) for key in keys]
        missing = [i for i, value in enumerate(found) if value is _MISSING]
        if missing:
            computed: dict[K, V] = {}
            for i in missing:
                key = keys[i]
                if key not in computed:
                    computed[key] = compute(key)
                found[i] = computed[key]
            self.put_many(computed)
        return found

    def put_many(self, values: Mapping[K, V]) -> None:
        """Remember ``values`` (e.g. the rows of one SQLite query), starting afresh first if they
        would not fit beside what is remembered; past ``limit`` of them, the rest are not kept."""
        if len(self._values) + len(values) > self._limit:
            self._values.clear()
        if len(values) > self._limit:
            values = dict(islice(values.items(), self._limit))
        self._values.update(values)
