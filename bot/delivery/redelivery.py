"""Every question answered exactly once across a hard kill: none twice, none lost.

python-telegram-bot confirms the updates it fetched only with its next getUpdates call, so when
the bot dies before that call reaches Telegram (``kill -9``, a power cut, Telegram failing the
call), the last batch comes back after the restart, answered or not. And since that call goes
out right after a batch is fetched, an update still being answered when the bot dies is
usually confirmed already: Telegram never sends it again.

``OnceUpdateProcessor`` runs updates concurrently like python-telegram-bot's default processor
and keeps an ``UpdateJournal`` (persisted in ``bot/delivery/update_state.py``):

* every update of a getUpdates answer is kept whole ("pending") and saved *before*
  python-telegram-bot reads the answer (``UpdateJournal.hold``, called by the getUpdates
  transport ``bot.delivery.resilience.PollingRequest``), so the call that confirms it to Telegram never
  goes out while the state file lacks it;
* an update moves to *handled* (id and fingerprint) once its handlers have finished, whatever
  they did;
* after a restart, the pending updates of the file are put back into python-telegram-bot's
  update queue (``UpdateJournal.unfinished``, called by ``bot.telegram.app.on_startup``) and answered
  then, with one INFO line each;
* an update found handled, or being answered right now (a redelivery racing the copy put back),
  is passed over with one INFO line. It still went through python-telegram-bot's queue, so its
  offset confirms it to Telegram and it is not sent a third time.

Saving: the journal is saved after every change, in a worker thread (the event loop never
waits for the disk), and saves coalesce: while one save runs, later changes wait for the next
one, which writes them all. Under load that batches by itself, with no timer. Only the polling
waits for a save (the one holding its batch); answers never do. What a kill can still cause is
a repeat: an answer sent in the few milliseconds before its "handled" save. A state file that
cannot be read, is not ours or cannot be written is reported once in the log, and the bot runs
without it (then a kill can also lose the questions being answered).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
from collections import OrderedDict
from collections.abc import Awaitable, Sequence
from pathlib import Path
from typing import Any

from telegram import Bot, Update
from telegram.ext import BaseUpdateProcessor

from bot.delivery.update_state import KEEP, PENDING_KEEP, BotState, Handled, Pending, StateFile, StateFileError

logger = logging.getLogger(__name__)

_CONSEQUENCE = (
    "after a hard kill, a question answered just before it may be answered again, "
    "and one being answered may never be answered"
)

_Key = tuple[int, str]  # (update_id, fingerprint): one update, told apart from a reused id


def fingerprint(update: Update) -> str:
    """A short hash of everything in ``update``: equal for a redelivery, different for a new one."""
    return data_fingerprint(update.to_dict())


def data_fingerprint(data: dict[str, Any]) -> str:
    """``fingerprint`` of an update as JSON data (as Telegram sent it, or ``Update.to_dict()``)."""
    content = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    # surrogatepass: a lone surrogate from a client must not crash the guard (same bytes otherwise)
    return hashlib.sha256(content.encode("utf-8", "surrogatepass")).hexdigest()[:16]


class UpdateJournal:
    """The updates this bot answered last and those it is answering, in memory and (once
    ``open``) in the state file.

    ``path`` None keeps it in memory only: nothing survives a restart (tests, a bot whose
    operator set ``VERBATIM_STATE_FILE=off``).
    """

    def __init__(self, path: Path | None) -> None:
        self._file = StateFile(path) if path is not None else None
        self._bot_id: int | None = None
        self._handled: OrderedDict[int, str] = OrderedDict()  # update_id -> fingerprint, oldest first
        # Received and not finished (here, or before the restart): the update whole, oldest first.
        self._pending: OrderedDict[_Key, dict[str, Any]] = OrderedDict()
        self._in_flight: set[_Key] = set()  # received by this process and not finished yet
        self._changes = 0  # changes so far; compared with _saved to know whether a save is due
        self._saved = 0
        self._wake = asyncio.Event()
        self._progress = asyncio.Condition()  # notified after each save (see ``hold``)
        self._closing = False
        self._writer: asyncio.Task[None] | None = None

    @property
    def path(self) -> Path | None:
        """The state file in use; None when there is none (never set, or unusable)."""
        return self._file.path if self._file is not None else None

    async def open(self, bot_id: int) -> None:
        """Load bot ``bot_id``'s answered and pending updates and start saving; problems are
        logged, never raised. Then ``unfinished`` gives the pending ones to answer again."""
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
        for pending in loaded.state.pending:
            self._keep_pending(pending.update)
        # Save once now: an unwritable location is reported at start-up, not at the first answer.
        if not await asyncio.to_thread(self._save, self.state()):
            return
        logger.info(
            "Update state file %s: %d answered and %d unanswered update(s) remembered for bot %d",
            self._file.path,
            len(self._handled),
            len(self._pending),
            bot_id,
        )
        self._writer = asyncio.create_task(self._write_loop(), name="verbatim-update-journal")

    def unfinished(self, bot: Bot | None) -> list[Update]:
        """The updates received before the restart and never finished, oldest first, as Update
        objects of ``bot``: to be put into the update queue and answered now."""
        updates = []
        for key, data in list(self._pending.items()):
            if key in self._in_flight:
                continue  # already being answered again
            try:
                updates.append(Update.de_json(data, bot))
            except Exception:  # one odd entry must not stop the bot; it is dropped
                logger.warning(
                    "Cannot read back update %d from the update state file; it is not answered again",
                    key[0],
                    exc_info=True,
                )
                del self._pending[key]
                self._changed()
        return updates

    def answered(self, update: Update) -> bool:
        """Whether this very update (same id, same content) was answered already."""
        recorded = self._handled.get(update.update_id)
        return recorded is not None and recorded == fingerprint(update)

    def in_flight(self, update: Update) -> bool:
        """Whether this very update is being answered by this process right now."""
        return (update.update_id, fingerprint(update)) in self._in_flight

    async def hold(self, updates: Sequence[dict[str, Any]]) -> None:
        """Keep the updates of one getUpdates answer as pending, and return once they are saved.

        The getUpdates transport calls this before python-telegram-bot reads the answer, because
        python-telegram-bot confirms the updates to Telegram with its very next call: from then
        on the state file is the only copy of a question not answered yet. Updates answered
        before (a redelivery) or kept already are passed over; without a usable state file
        this returns at once.
        """
        if self._writer is None or self._file is None:
            return
        kept = False
        for data in updates:
            try:
                update = Update.de_json(data, None)
            except Exception:  # python-telegram-bot reports an update it cannot read, not us
                continue
            if self.answered(update):
                continue
            # Kept as read back, so the key is the one ``receive`` computes for the same update.
            as_read = update.to_dict()
            if (update.update_id, data_fingerprint(as_read)) not in self._pending:
                self._keep_pending(as_read)
                kept = True
        if kept:
            self._changed()
            target = self._changes
            async with self._progress:
                await self._progress.wait_for(lambda: self._saved >= target or self._file is None)

    def receive(self, update: Update) -> None:
        """Note that ``update`` is about to be answered: kept whole until ``record``, so that a
        kill in between has it answered after the restart. Usually ``hold`` has saved it
        already; if not, it is saved shortly, off the event loop."""
        data = update.to_dict()
        key = (update.update_id, data_fingerprint(data))
        if key not in self._pending:
            self._keep_pending(data)
            self._changed()
        self._in_flight.add(key)

    def abandon(self, update: Update) -> None:
        """``update`` was interrupted (the bot is stopping mid-answer): it stays pending, to be
        answered after the restart."""
        self._in_flight.discard((update.update_id, fingerprint(update)))

    def record(self, update: Update) -> None:
        """Note that ``update`` has been answered; it is saved shortly, off the event loop."""
        print_ = fingerprint(update)
        self._in_flight.discard((update.update_id, print_))
        self._pending.pop((update.update_id, print_), None)
        self._handled[update.update_id] = print_
        self._handled.move_to_end(update.update_id)
        while len(self._handled) > KEEP:
            self._handled.popitem(last=False)
        self._changed()

    def state(self) -> BotState:
        return BotState(
            tuple(Handled(update_id, print_) for update_id, print_ in self._handled.items()),
            tuple(Pending(key[0], data) for key, data in self._pending.items()),
        )

    def _keep_pending(self, data: dict[str, Any]) -> _Key:
        # The key is the fingerprint of the update as read back, as a copy put back into the
        # queue will have it (to_dict after de_json gives the same JSON, see the tests).
        key = (int(data["update_id"]), data_fingerprint(data))
        self._pending[key] = data
        self._pending.move_to_end(key)
        while len(self._pending) > PENDING_KEEP:
            (dropped_id, _), _ = self._pending.popitem(last=False)
            logger.warning(
                "More than %d updates are waiting to be answered; update %d is no longer kept in the "
                "update state file (it is still answered, unless the bot stops before it is)",
                PENDING_KEEP,
                dropped_id,
            )
        return key

    def _changed(self) -> None:
        self._changes += 1
        self._wake.set()

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
            saved = await asyncio.to_thread(self._save, self.state())
            async with self._progress:  # wakes ``hold``: saved, or no file to wait for any more
                if saved:
                    self._saved = changes
                self._progress.notify_all()
            if not saved:
                return

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
            logger.warning(
                "Cannot save the update state file %s; running without it: %s.", file.path, _CONSEQUENCE, exc_info=True
            )
        self._file = None
        return False


class OnceUpdateProcessor(BaseUpdateProcessor):
    """Up to ``max_concurrent_updates`` updates at once; each one's handlers run exactly once.

    When its turn comes (python-telegram-bot's ``process_update`` holds the concurrency limit), an
    update found in the journal as answered, or as being answered right now, is passed over; any
    other is marked received, and recorded once its handlers have finished, whatever they did.
    Checking and marking happen in one step, with no wait between: two copies of an update never
    both get past it.
    """

    def __init__(self, max_concurrent_updates: int, journal: UpdateJournal) -> None:
        super().__init__(max_concurrent_updates)
        self.journal = journal

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        if not isinstance(update, Update):
            await coroutine
            return
        if self.journal.answered(update):
            _never_run(coroutine)
            logger.info("Not answering update %d again: it was answered before the restart", update.update_id)
            return
        if self.journal.in_flight(update):
            _never_run(coroutine)
            logger.info("Not answering update %d twice: it is being answered already", update.update_id)
            return
        self.journal.receive(update)
        try:
            await coroutine
        except asyncio.CancelledError:
            self.journal.abandon(update)  # the bot is stopping mid-answer: answered after the restart
            raise
        except Exception:
            self.journal.record(update)  # finished, badly: retrying after a restart would not help
            raise
        self.journal.record(update)

    async def initialize(self) -> None:
        """Nothing to set up: the journal is opened once the bot's id is known (post_init)."""

    async def shutdown(self) -> None:
        """Nothing to release: the journal is closed after the last answer (post_stop)."""


def _never_run(coroutine: Awaitable[Any]) -> None:
    if asyncio.iscoroutine(coroutine):
        coroutine.close()  # not started (or already over): no "never awaited" warning
