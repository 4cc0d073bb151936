"""The bounded memo behind the searcher's caches: remembers, computes once, never grows past its limit."""

from __future__ import annotations

import pytest

from index.search.memo import BoundedMemo


def test_a_value_is_computed_once_and_then_remembered() -> None:
    calls: list[str] = []

    def shout(word: str) -> str:
        calls.append(word)
        return word.upper()

    memo: BoundedMemo[str, str] = BoundedMemo(10)
    assert memo.get_or_compute("nato", shout) == "NATO"
    assert memo.get_or_compute("nato", shout) == "NATO"
    assert calls == ["nato"] and "nato" in memo and memo.get("nato") == "NATO"


def test_a_remembered_none_or_false_is_not_computed_again() -> None:
    calls = []
    memo: BoundedMemo[str, bool] = BoundedMemo(10)
    for _ in range(3):
        memo.get_or_compute("no date here", lambda s: calls.append(s) or False)
    assert calls == ["no date here"]
    assert memo.get("never stored", None) is None and memo.get("never stored", True) is True


def test_it_never_holds_more_than_its_limit_and_starts_afresh_when_full() -> None:
    memo: BoundedMemo[int, int] = BoundedMemo(3)
    assert memo.limit == 3
    for n in range(3):
        memo.get_or_compute(n, lambda k: k * k)
    assert len(memo) == 3
    assert memo.get_or_compute(3, lambda k: k * k) == 9
    assert len(memo) == 1 and 3 in memo and 0 not in memo  # forgot everything, kept the newest
    for n in range(100):
        memo.get_or_compute(n, lambda k: k)
        assert len(memo) <= 3


def test_many_values_at_once_fit_or_start_afresh_and_never_overflow() -> None:
    memo: BoundedMemo[int, str] = BoundedMemo(4)
    memo.put_many({1: "a", 2: "b"})
    memo.put_many({3: "c"})
    assert len(memo) == 3 and memo.get(1) == "a"
    memo.put_many({4: "d", 5: "e"})  # would make 5: start afresh
    assert sorted((k, memo.get(k)) for k in (1, 2, 3, 4, 5) if k in memo) == [(4, "d"), (5, "e")]
    memo.put_many({n: str(n) for n in range(10, 20)})  # more than the limit: only 4 kept
    assert len(memo) == 4


def test_a_memo_must_hold_something() -> None:
    with pytest.raises(ValueError):
        BoundedMemo(0)
