"""One open handle per key, shared, and closed only when its last user lets go (the in-process
Qdrant engines allow one opener of a directory per process)."""

from __future__ import annotations

from index.store.shared_handles import SharedHandles


def test_a_handle_is_opened_once_and_closed_after_its_last_user() -> None:
    opened: list[str] = []
    closed: list[str] = []

    def open_(key: str) -> str:
        opened.append(key)
        return f"handle of {key}"

    handles = SharedHandles(open_, closed.append)
    first = handles.acquire("news")
    second = handles.acquire("news")  # a reload opening the same index while the live one serves
    assert first == second == "handle of news" and opened == ["news"]
    handles.release("news")
    assert closed == []  # the live searcher still uses it
    handles.release("news")
    assert closed == ["handle of news"]
    handles.release("news")  # one release too many changes nothing
    assert closed == ["handle of news"]
    handles.acquire("news")
    assert opened == ["news", "news"]  # opened afresh after it was closed
