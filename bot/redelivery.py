"""No answer twice after a hard kill: skip the updates Telegram sends again after a restart.

python-telegram-bot confirms the updates it fetched only with its next getUpdates call, so when
the bot dies before that call reaches Telegram (``kill -9``, a power cut, Telegram failing the
call), the last batch comes back after the restart, answered or not. ``OnceUpdateProcessor``
runs updates concurrently like python-telegram-bot's default processor, records each update
once its handlers have finished (``UpdateJournal``, persisted in ``bot/update_state.py``), and
after a restart passes over a redelivered update it finds recorded there: silently, with one
INFO line. The update still went through python-telegram-bot's queue, so its offset confirms
it to Telegram and it is not sent a third time.

Saving: the journal is saved after every handled update, in a worker thread (the event loop
never waits for the disk), and saves coalesce: while one save runs, later updates wait for the
next one, which writes them all. Under load that batches by itself, with no timer; the window
in which a kill can still cause a repeat is one save (a few milliseconds), not a fixed delay.

An update that was still being answered when the bot died is not recorded, so it is answered
after the restart (a question is never lost to the journal). A state file that cannot be read,
is not ours or cannot be written is reported once in the log, and the bot runs without it.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
from collections import OrderedDict
from collections.abc import Awaitable
from pathlib import Path
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

from bot.update_state import KEEP, BotState, Handled, StateFile, StateFileError

logger = logging.getLogger(__name__)

_CONSEQUENCE = "after a hard kill, a question answered just before it may be answered again"


def fingerprint(update: Update) -> str:
    """A short hash of everything in ``update``: equal for a redelivery, different for a new one."""
    content = json.dumps(update.to_dict(), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(content.encode("utf-8")).hexdigest()[:16]


class UpdateJournal:
    """The updates this bot answered last, in memory and (once ``open``) in the state file.

    ``path`` None keeps it in memory only: nothing survives a restart (tests, a bot whose
    operator set ``VERBATIM_STATE_FILE=off``).
    """

    def __init__(self, path: Path | None) -> None:
        self._file = StateFile(path) if path is not None else None
        self._bot_id: int | None = None
        self._handled: OrderedDict[int, str] = OrderedDict()  # update_id -> fingerprint, oldest first
        self._changes = 0  # records so far; compared with _saved to know whether a save is due
        self._saved = 0
        self._wake = asyncio.Event()
        self._closing = False
        self._writer: asyncio.Task[None] | None = None

    @property
    def path(self) -> Path | None:
        """The state file in use; None when there is none (never set, or unusable)."""
        return self._file.path if self._file is not None else None

    async def open(self, bot_id: int) -> None:
        """Load bot ``bot_id``'s answered updates and start saving; problems are logged, never raised."""
        self._bot_id = bot_id
        if self._file is None:
            return
        try:
            loaded = await asyncio.to_thread(self._file.load, bot_id)
        except StateFileError as error:
            logger.error("%s Running without it: %s.", error, _CONSEQUENCE)
            self._file = None
            return
        if loaded.note:
            logger.warning("%s", loaded.note)
        for handled in loaded.state.handled:
            self._handled[handled.update_id] = handled.fingerprint
        # Save once now: an unwritable location is reported at start-up, not at the first answer.
        if not await asyncio.to_thread(self._save, self.state()):
            return
        logger.info(
            "Update state file %s: %d answered update(s) remembered for bot %d",
            self._file.path, len(self._handled), bot_id,
        )
        self._writer = asyncio.create_task(self._write_loop(), name="verbatim-update-journal")

    def answered(self, update: Update) -> bool:
        """Whether this very update (same id, same content) was answered already."""
        recorded = self._handled.get(update.update_id)
        return recorded is not None and recorded == fingerprint(update)

    def record(self, update: Update) -> None:
        """Note that ``update`` has been answered; it is saved shortly, off the event loop."""
        self._handled[update.update_id] = fingerprint(update)
        self._handled.move_to_end(update.update_id)
        while len(self._handled) > KEEP:
            self._handled.popitem(last=False)
        self._changes += 1
        self._wake.set()

    def state(self) -> BotState:
        return BotState(tuple(Handled(update_id, print_) for update_id, print_ in self._handled.items()))

    async def close(self) -> None:
        """Save what is not saved yet and stop the writer (after the last answer finished)."""
        self._closing = True
        self._wake.set()
        if self._writer is not None:
            await self._writer
            self._writer = None

    async def _write_loop(self) -> None:
        while True:
            if self._saved == self._changes:
                if self._closing:
                    return
                await self._wake.wait()
                self._wake.clear()
                continue
            changes = self._changes
            if not await asyncio.to_thread(self._save, self.state()):
                return
            self._saved = changes

    def _save(self, state: BotState) -> bool:
        """Write ``state``; on failure warn once and stop using the file (runs in a worker thread)."""
        file, bot_id = self._file, self._bot_id
        if file is None or bot_id is None:
            return False
        try:
            file.save(bot_id, state)
            return True
        except StateFileError as error:
            logger.warning("%s Running without an update state file: %s.", error, _CONSEQUENCE)
        except Exception:  # never let the journal take the bot down
            logger.warning("Cannot save the update state file %s; running without it: %s.", file.path, _CONSEQUENCE, exc_info=True)
        self._file = None
        return False


class OnceUpdateProcessor(BaseUpdateProcessor):
    """Up to ``max_concurrent_updates`` updates at once; each one's handlers run at most once.

    Updates found in the journal (answered before a restart) are passed over; every other
    update is recorded once its handlers have finished, whatever they did.
    """

    def __init__(self, max_concurrent_updates: int, journal: UpdateJournal) -> None:
        super().__init__(max_concurrent_updates)
        self.journal = journal

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        if isinstance(update, Update) and self.journal.answered(update):
            if asyncio.iscoroutine(coroutine):
                coroutine.close()  # never started: nothing runs, and no "never awaited" warning
            logger.info("Not answering update %d again: it was answered before the restart", update.update_id)
            return
        await coroutine
        if isinstance(update, Update):
            self.journal.record(update)

    async def initialize(self) -> None:
        """Nothing to set up: the journal is opened once the bot's id is known (post_init)."""

    async def shutdown(self) -> None:
        """Nothing to release: the journal is closed after the last answer (post_stop)."""
