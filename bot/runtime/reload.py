"""Live index swaps: serve a rebuilt index without a restart.

Three triggers lead to the same ``IndexReloader.reload``: SIGHUP, an admin's ``/reload``, and
``manifest.json`` changing on disk (a build commits by replacing it; polled every few seconds).
A reload opens the new index in a worker thread (checking manifest, sizes and checksums, and
reusing the loaded model when the new index was built with the same one), swaps it in with one
assignment, and closes the old index once the questions still using it are done. A new index that
does not open is refused: the old one keeps serving, the reason is logged and told to the admin.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Coroutine
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from telegram.ext import Application

from bot.logging_setup import Redactor, secrets_of
from bot.runtime.searchers import SearcherHolder
from bot.runtime.services import SERVICES_KEY
from bot.settings import Settings
from index import Searcher, VerbatimError, canonical_model_name, manifest_stamp, read_manifest

logger = logging.getLogger(__name__)

RELOADER_KEY = "verbatim.reloader"
WATCH_INTERVAL = 5.0  # seconds between looks at manifest.json
# A swapped-out index stays open this long before it is retired (then closed at its last lease):
# handlers that only glance at ``searchers.current`` without a lease finish well within it.
RETIRE_GRACE = 2.0

Stamp = tuple[int, int, int] | None


@dataclass(frozen=True)
class ReloadOutcome:
    """What one reload did, in words for the admin who asked."""

    swapped: bool  # a new index is now serving
    refused: bool  # the new index could not be opened; the old one still serves
    message: str


def describe(searcher: Searcher) -> str:
    manifest = searcher.manifest
    return (
        f"generation {manifest.generation} ({manifest.articles} article{'s' * (manifest.articles != 1)}, "
        f"{manifest.sentences} sentences, built {manifest.built_at})"
    )


class IndexReloader:
    """Opens a rebuilt index and swaps it in; one reload at a time."""

    def __init__(
        self,
        settings: Settings,
        searchers: SearcherHolder,
        *,
        watch_interval: float = WATCH_INTERVAL,
        retire_grace: float = RETIRE_GRACE,
    ) -> None:
        self._settings = settings
        self._searchers = searchers
        self._index_dir = searchers.current.directory
        self._watch_interval = watch_interval
        self._retire_grace = retire_grace
        self._redact = Redactor(secrets_of(settings.token))
        self._lock = asyncio.Lock()
        self._seen: Stamp = manifest_stamp(self._index_dir)
        self._tasks: set[asyncio.Task[object]] = set()
        self._retiring: list[Searcher] = []
        self._listening = False
        self.reloads = 0
        self.refusals = 0

    @property
    def index_dir(self) -> Path:
        return self._index_dir

    async def reload(self, trigger: str) -> ReloadOutcome:
        """Serve the index that ``manifest.json`` names now, if it is new and sound."""
        async with self._lock:
            stamp = manifest_stamp(self._index_dir)  # taken first: a commit during the open is seen next time
            current = self._searchers.current
            try:
                fresh = await asyncio.to_thread(self._open_if_new, current)
            except Exception as exc:  # anything at all: the old index must keep serving
                self._seen = stamp
                self.refusals += 1
                reason = self._redact(str(exc)) or type(exc).__name__
                logger.error(
                    "Reload (%s) refused: %s Still serving %s.",
                    trigger,
                    reason,
                    describe(current),
                    exc_info=not isinstance(exc, (OSError, VerbatimError)),  # a bug gets its traceback
                )
                return ReloadOutcome(
                    False, True, f"The new index was refused: {reason}\nStill serving {describe(current)}."
                )
            self._seen = stamp
            if fresh is None:
                logger.info("Reload (%s): %s is already serving", trigger, current.manifest.generation)
                return ReloadOutcome(False, False, f"Already serving the newest index: {describe(current)}.")
            old = self._searchers.swap(fresh)
            self.reloads += 1
            logger.info("Reload (%s): now serving %s; was %s", trigger, describe(fresh), old.manifest.generation)
            self._spawn(self._retire_later(old), "verbatim-retire-index")
            return ReloadOutcome(True, False, f"Reloaded: now serving {describe(fresh)}.")

    def request(self, trigger: str) -> None:
        """Start a reload in the background (for signal handlers and the watcher)."""
        self._spawn(self.reload(trigger), "verbatim-reload")

    async def watch(self) -> None:
        """Reload whenever ``manifest.json`` changes; runs until cancelled, never dies of an error."""
        while True:
            await asyncio.sleep(self._watch_interval)
            try:
                stamp = manifest_stamp(self._index_dir)
                if stamp is not None and stamp != self._seen:
                    await self.reload("manifest.json changed")
            except asyncio.CancelledError:
                raise
            except Exception:
                logger.exception("The index watcher hit an error; it keeps watching")

    def start(self, *, watch: bool, signals: bool) -> None:
        """Begin watching the manifest and/or listening for SIGHUP, in the running event loop."""
        if watch:
            self._spawn(self.watch(), "verbatim-index-watcher")
        if signals:
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):  # no signals here
                asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, self.request, "SIGHUP")
                self._listening = True

    async def stop(self) -> None:
        """Stop watching and listening; close retired indexes (the live one stays open)."""
        if self._listening:
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                asyncio.get_running_loop().remove_signal_handler(signal.SIGHUP)
            self._listening = False
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for searcher in self._retiring:
            self._searchers.retire(searcher)
        self._retiring.clear()

    def _open_if_new(self, current: Searcher) -> Searcher | None:
        manifest = read_manifest(self._index_dir)
        if manifest.generation == current.manifest.generation:
            return None
        wanted = canonical_model_name(self._settings.model) if self._settings.model else manifest.model
        # The same model: reuse the one in memory (no second copy, no load time).
        embedder = current.embedder if manifest.model == current.embedder.name == wanted else None
        # Opened here, off the event loop: the speaker index it builds keeps no question waiting.
        # The reranker does not depend on the index: the loaded one carries over (no reload, and a
        # missing model is logged once, at start-up, not at every rebuild).
        return Searcher.open(
            self._index_dir,
            model=self._settings.model,
            backend=self._settings.backend,
            embedder=embedder,
            store=self._settings.store,
            # Without a reranker (off, or its model missing): none is looked for again.
            policy=current.policy if current.reranker is not None else replace(current.policy, rerank=False),
            reranker=current.reranker,
        )

    async def _retire_later(self, old: Searcher) -> None:
        self._retiring.append(old)
        await asyncio.sleep(self._retire_grace)
        self._retiring.remove(old)
        self._searchers.retire(old)

    def _spawn(self, coroutine: Coroutine[Any, Any, object], name: str) -> None:
        # Plain asyncio tasks, not Application.create_task: Application.stop() awaits those, and
        # the watcher never ends by itself. stop() cancels and awaits these instead.
        task = asyncio.get_running_loop().create_task(coroutine, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)


def reloader_of(application: Application) -> IndexReloader:
    return application.bot_data[RELOADER_KEY]


def install_reloader(application: Application, *, watch_interval: float = WATCH_INTERVAL) -> IndexReloader:
    """Create the application's reloader (started and stopped with the application)."""
    services = application.bot_data[SERVICES_KEY]
    reloader = IndexReloader(services.settings, services.searchers, watch_interval=watch_interval)
    application.bot_data[RELOADER_KEY] = reloader
    return reloader
