"""The queue of updates waiting for the bot: ids, confirmation by getUpdates offsets, the update
types the bot asked for, and a record of every update ever queued.

No lock of its own: the FakeBotAPI that owns the queue guards it with its condition.
"""

from __future__ import annotations

import copy
from collections.abc import Callable

from tests.fakes.bot_api.constants import DEFAULT_ALLOWED, UPDATE_TYPES, JSONDict


class UpdateQueue:
    """Updates queued but not yet confirmed (``pending``) and all ever queued (``history``)."""

    def __init__(self) -> None:
        self.pending: list[JSONDict] = []
        self.history: list[JSONDict] = []
        self.next_update_id = 100_000_001
        self.allowed: frozenset[str] = DEFAULT_ALLOWED
        self.confirm_hooks: list[Callable[[list[int]], None]] = []

    def enqueue(self, update: JSONDict) -> int:
        """Queue ``update`` (without an id) under the next update_id; return that id."""
        update_id = self.next_update_id
        self.next_update_id += 1
        full = {"update_id": update_id, **update}
        self.pending.append(full)
        self.history.append(copy.deepcopy(full))
        return update_id

    def allow(self, allowed: list[str]) -> None:
        """What a getUpdates ``allowed_updates`` asks for; an empty list means the default."""
        self.allowed = frozenset(allowed) if allowed else DEFAULT_ALLOWED

    def confirm(self, offset: int) -> None:
        """Forget updates as a getUpdates ``offset`` does (a negative one keeps the last few)."""
        if offset > 0:
            confirmed = [u["update_id"] for u in self.pending if u["update_id"] < offset]
            self.pending = [u for u in self.pending if u["update_id"] >= offset]
            for hook in self.confirm_hooks if confirmed else ():
                hook(confirmed)
        elif offset < 0:
            self.pending = self.pending[offset:]

    def deliverable(self, limit: int) -> list[JSONDict]:
        """Up to ``limit`` pending updates, after dropping those of types the bot did not ask for."""
        self.pending = [u for u in self.pending if update_type(u) not in UPDATE_TYPES - self.allowed]
        return copy.deepcopy(self.pending[:limit])


def update_type(update: JSONDict) -> str:
    return next((key for key in update if key != "update_id"), "")
