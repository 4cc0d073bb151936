"""The bot's state file: the updates each bot answered last, so none is answered twice, and the
ones it was still answering, so none is lost.

python-telegram-bot confirms fetched updates to Telegram only with its *next* getUpdates call
(or as it stops cleanly), so after ``kill -9`` Telegram sends the last batch again, answered
or not. The bot therefore writes down the updates it has answered, and after a restart skips
the ones it finds here (see ``bot/delivery/redelivery.py``). That next getUpdates goes out right after a
batch is fetched, though, so a question still being answered at the kill is usually confirmed
already and Telegram never sends it again: the bot keeps the whole of each update it received
and has not finished ("pending", the question's text included) and answers those after a restart.

One file may serve several bots (tokens): it holds one entry per bot id, and a bot rewrites
only its own entry, under a lock, keeping the others as they are::

    {"format": "verbatim-update-state", "version": 1,
     "bots": {"123456": {"saved_at": "2026-01-11T09:00:00+00:00",
                         "last_handled_update_id": 100000042,
                         "handled": [[100000041, "9f86d081884c7d65"], [100000042, "..."]],
                         "pending": [{"update_id": 100000043, "message": {...}}]}}}

``pending`` holds each update as Telegram sent it (``Update.to_dict()``), oldest first. A file
written before it existed has none, which reads as "nothing pending"; a bot of that version
reads a newer file too (it ignores ``pending``, and drops it when it saves).

Each answered update is kept with a fingerprint of its content, so an update that merely
reuses an old id (Telegram starts ids afresh after a week without updates; a restarted test
server starts from the same id) is a new question, not a repeat.

Writes are atomic and durable (``index/durable.py``): a temporary file in the same directory, fsync, ``os.replace``,
fsync of the directory. A kill at any moment leaves the previous file or the new one, whole.
A file that is not ours (not JSON, or JSON without our format marker) is never overwritten.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from index import VerbatimError, write_atomically

FORMAT = "verbatim-update-state"
VERSION = 1
# getUpdates hands out at most 100 updates at a time, and only the latest batch can be
# unconfirmed when the bot dies; twice that leaves room for answers finishing out of order.
KEEP = 200
# Updates received and not finished: normally at most a batch or two. Past this (a flood the bot
# cannot keep up with) the oldest are no longer kept for a restart, so the file stays small.
PENDING_KEEP = 500


class StateFileError(VerbatimError):
    """The state file cannot be used; the message says which file, why, and what to do."""


@dataclass(frozen=True)
class Handled:
    """One update the bot has finished answering."""

    update_id: int
    fingerprint: str  # a short hash of the update's content (see redelivery.fingerprint)


@dataclass(frozen=True)
class Pending:
    """One update the bot received and has not finished answering, whole (as Telegram sent it)."""

    update_id: int
    update: dict[str, Any]  # Update.to_dict(): what Update.de_json reads back


@dataclass(frozen=True)
class BotState:
    """What one bot remembers: its last ``KEEP`` answered updates and its last ``PENDING_KEEP``
    unfinished ones, oldest first."""

    handled: tuple[Handled, ...] = ()
    pending: tuple[Pending, ...] = ()

    @property
    def last_handled_update_id(self) -> int | None:
        return max((h.update_id for h in self.handled), default=None)


@dataclass(frozen=True)
class Loaded:
    """A bot's state as read from the file, and a note for the log if part of it was damaged."""

    state: BotState
    note: str | None = None


class StateFile:
    """The state file at ``path`` (which need not exist yet)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @property
    def lock_path(self) -> Path:
        """The lock file beside it: writers of one file take turns (``os.replace`` swaps the inode)."""
        return self.path.with_name(self.path.name + ".lock")

    def load(self, bot_id: int) -> Loaded:
        """The state of bot ``bot_id``; empty when the file or the bot's entry does not exist yet.

        Raises StateFileError when the file cannot be read or is not a Verbatim state file.
        """
        bots = self._read_bots()
        raw = bots.get(str(bot_id))
        if raw is None:
            return Loaded(BotState())
        try:
            return Loaded(_parse_entry(raw))
        except (TypeError, ValueError, KeyError) as error:
            return Loaded(
                BotState(),
                f"The entry for bot {bot_id} in the update state file {self.path} is damaged ({error}); "
                "starting afresh (it will be rewritten).",
            )

    def save(self, bot_id: int, state: BotState) -> None:
        """Replace bot ``bot_id``'s entry, keeping every other bot's; atomic and durable.

        Raises StateFileError when the file cannot be written, or when it turned into something
        that is not a Verbatim state file (it is then left untouched).
        """
        try:
            with self._locked():
                bots = self._read_bots()
                bots[str(bot_id)] = _entry(state)
                document = {"format": FORMAT, "version": VERSION, "bots": bots}
                write_atomically(self.path, json.dumps(document, separators=(",", ":")).encode("utf-8"))
        except OSError as error:
            raise StateFileError(
                f"Cannot write the update state file {self.path}: {error.strerror or error}."
            ) from error

    def _read_bots(self) -> dict[str, Any]:
        try:
            data = self.path.read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            return {}  # nothing saved yet (whether it can be saved is for save() to find out)
        except OSError as error:
            raise StateFileError(
                f"Cannot read the update state file {self.path}: {error.strerror or error}."
            ) from error
        if not data.strip():
            return {}  # e.g. made by `touch`: nothing to lose
        try:
            document = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as error:
            raise self._not_ours(f"it is not valid JSON: {error}") from error
        if not isinstance(document, dict) or document.get("format") != FORMAT:
            raise self._not_ours("it has no Verbatim update-state format marker")
        if document.get("version") != VERSION:
            raise self._not_ours(f"it has format version {document.get('version')!r}; this bot reads version {VERSION}")
        bots = document.get("bots")
        if not isinstance(bots, dict):
            raise self._not_ours("its 'bots' part is not an object")
        return bots

    def _not_ours(self, why: str) -> StateFileError:
        return StateFileError(
            f"{self.path} is not a Verbatim update state file this bot can use ({why}). It is left "
            "untouched; move it away or set VERBATIM_STATE_FILE to another path."
        )

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        with open(self.lock_path, "a") as handle:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)  # held for one read-and-replace: milliseconds
            yield  # closing the handle releases the lock


def _entry(state: BotState) -> dict[str, Any]:
    return {
        "saved_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "last_handled_update_id": state.last_handled_update_id,
        "handled": [[h.update_id, h.fingerprint] for h in state.handled[-KEEP:]],
        "pending": [p.update for p in state.pending[-PENDING_KEEP:]],
    }


def _parse_entry(raw: Any) -> BotState:
    items = raw["handled"]
    if not isinstance(items, list):
        raise ValueError("'handled' is not a list")
    handled = []
    for item in items:
        update_id, fingerprint = item
        if not isinstance(update_id, int) or isinstance(update_id, bool) or not isinstance(fingerprint, str):
            raise ValueError(f"{item!r} is not an [update_id, fingerprint] pair")
        handled.append(Handled(update_id, fingerprint))
    pending_items = raw.get("pending", [])  # absent in files written before it existed
    if not isinstance(pending_items, list):
        raise ValueError("'pending' is not a list")
    pending = []
    for update in pending_items:
        update_id = update.get("update_id") if isinstance(update, dict) else None
        if not isinstance(update_id, int) or isinstance(update_id, bool):
            raise ValueError(f"a pending update has no update_id: {str(update)[:80]!r}")
        pending.append(Pending(update_id, update))
    return BotState(tuple(handled[-KEEP:]), tuple(pending[-PENDING_KEEP:]))
