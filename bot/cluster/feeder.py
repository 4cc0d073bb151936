"""One replica's share of the update stream: read entries into python-telegram-bot's update queue,
keep them alive while they are answered, take over those of dead replicas, and acknowledge each
once answered.

``StreamFeeder`` reads (``UpdateStream.read``) only while fewer than ``backlog`` entries are
in this replica's hands, so a busy replica leaves new updates to the others. Every
``claim_after / 3`` seconds it touches the entries it holds and reclaims entries other replicas
left idle for ``claim_after`` seconds. ``StreamUpdateProcessor`` runs each update's handlers
(up to ``max_concurrent_updates`` at once, like python-telegram-bot's default processor)
unless the update was answered already, then tells the feeder it is done.

Redis trouble never stops the bot: reading waits and tries again (one warning per outage),
and an answer whose "done" cannot be recorded stays in the stream, to be answered again
rather than lost.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable
from typing import Any

from redis.exceptions import RedisError
from telegram import Update
from telegram.ext import Application, BaseUpdateProcessor

from bot.cluster.stream import Entry, UpdateStream

logger = logging.getLogger(__name__)

READ_BLOCK_MS = 1000  # a read waits this long for news, so a stop is noticed within a second
RETRY_SECONDS = (0.2, 0.5, 1.0, 2.0, 5.0)  # waits between tries while Redis is unreachable
FINISH_TRIES = 3


class StreamFeeder:
    """Moves this replica's entries of ``stream`` into an Application's update queue."""

    def __init__(self, stream: UpdateStream, *, backlog: int) -> None:
        self.stream = stream
        self.backlog = backlog
        self._held: dict[int, tuple[Update, Entry]] = {}  # id(update) -> the update and its entry
        self._room = asyncio.Event()
        self._room.set()
        self._tasks: list[asyncio.Task[None]] = []
        self._application: Application | None = None
        self._outage = False
        self._stopping = False

    def start(self, application: Application) -> None:
        """Start reading for ``application`` (once it is started: updates are handled at once)."""
        self._application = application
        self._tasks = [
            asyncio.create_task(self._read_loop(), name="verbatim-stream-read"),
            asyncio.create_task(self._care_loop(), name="verbatim-stream-care"),
        ]

    async def stop(self) -> None:
        """Stop reading; entries already queued are still answered (and acknowledged)."""
        # The flag as well as the cancellation: a Redis call cancelled halfway can lose the
        # cancellation (see SharedSendBudget.acquire), and the loops must end all the same.
        self._stopping = True
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, TimeoutError):
                await asyncio.wait_for(task, READ_BLOCK_MS / 1000 * 3)
        self._tasks = []

    def entry_of(self, update: object) -> Entry | None:
        held = self._held.get(id(update))
        return held[1] if held is not None and held[0] is update else None

    @property
    def held(self) -> int:
        """How many entries this replica holds (read, not yet answered)."""
        return len(self._held)

    async def done(self, update: Update) -> None:
        """``update`` was answered (or failed for good): record it, drop it from the stream."""
        held = self._held.get(id(update))
        if held is None:
            return
        for attempt in range(FINISH_TRIES):
            try:
                await self.stream.finish(held[1])
                break
            except RedisError as error:
                if attempt == FINISH_TRIES - 1:
                    logger.warning(
                        "Cannot record update %d as answered in Redis (%s); another replica may answer it again",
                        held[1].update_id,
                        error,
                    )
                else:
                    await asyncio.sleep(RETRY_SECONDS[attempt])
        self._release(update)

    def abandon(self, update: Update) -> None:
        """``update`` was interrupted (the replica is stopping): it stays in the stream for another."""
        self._release(update)

    def _release(self, update: Update) -> None:
        self._held.pop(id(update), None)
        if len(self._held) < self.backlog:
            self._room.set()

    async def _read_loop(self) -> None:
        failures = 0
        while not self._stopping:
            await self._room.wait()
            try:
                entries = await self.stream.read(self.backlog - len(self._held), READ_BLOCK_MS)
                await self.stream.drop_poison()
            except RedisError as error:
                failures += 1
                self._note_outage(error)
                await asyncio.sleep(RETRY_SECONDS[min(failures, len(RETRY_SECONDS)) - 1])
                continue
            failures = 0
            self._note_recovery()
            if self._stopping:  # read just as the replica stops: left for another replica
                return
            await self._hand_on(entries)

    async def _care_loop(self) -> None:
        interval = self.stream.claim_after / 3
        while not self._stopping:
            await asyncio.sleep(interval)
            try:
                await self.stream.touch([entry.entry_id for _, entry in self._held.values()])
                room = self.backlog - len(self._held)
                if room > 0:
                    taken = await self.stream.reclaim(room)
                    await self.stream.drop_poison()
                    if taken:
                        logger.info(
                            "Took over %d update(s) a stopped replica had not answered: %s",
                            len(taken),
                            ", ".join(str(entry.update_id) for entry in taken),
                        )
                    await self._hand_on(taken)
            except RedisError as error:
                self._note_outage(error)

    async def _hand_on(self, entries: list[Entry]) -> None:
        assert self._application is not None
        for entry in entries:
            try:
                update = Update.de_json(entry.data, self._application.bot)
            except Exception:  # python-telegram-bot cannot read it: nobody can answer it
                logger.warning("Cannot read update %d from the stream; dropping it", entry.update_id, exc_info=True)
                with contextlib.suppress(RedisError):
                    await self.stream.finish(entry)
                continue
            self._held[id(update)] = (update, entry)
            if len(self._held) >= self.backlog:
                self._room.clear()
            await self._application.update_queue.put(update)

    def _note_outage(self, error: Exception) -> None:
        if not self._outage:
            logger.warning("Cannot reach Redis for the update stream (%s); retrying", error)
        self._outage = True

    def _note_recovery(self) -> None:
        if self._outage:
            logger.info("Redis is reachable again; reading the update stream")
        self._outage = False


class StreamUpdateProcessor(BaseUpdateProcessor):
    """Up to ``max_concurrent_updates`` updates at once; an update of the stream already answered
    (by any replica) is passed over, every other one answered and then marked done."""

    def __init__(self, max_concurrent_updates: int, feeder: StreamFeeder) -> None:
        super().__init__(max_concurrent_updates)
        self.feeder = feeder

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        entry = self.feeder.entry_of(update)
        if entry is None or not isinstance(update, Update):  # the bot's own markers
            await coroutine
            return
        try:
            repeat = await self.feeder.stream.answered(entry)
        except RedisError:
            repeat = False  # cannot tell: answering again beats never answering
        if repeat:
            if asyncio.iscoroutine(coroutine):
                coroutine.close()
            logger.info("Not answering update %d again: another replica answered it", entry.update_id)
            await self.feeder.done(update)
            return
        try:
            await coroutine
        except asyncio.CancelledError:
            self.feeder.abandon(update)
            raise
        finally:
            if self.feeder.entry_of(update) is not None:
                await self.feeder.done(update)

    async def initialize(self) -> None:
        """Nothing to set up: the feeder starts with the application."""

    async def shutdown(self) -> None:
        """Nothing to release: the feeder stops before the application."""
