"""Keeping up with the web: the running bot reads its feeds and added pages again, and serves
what it found without a restart.

Every ``VERBATIM_REFRESH`` minutes (and once shortly after start) python-telegram-bot's JobQueue
starts a refresh: the existing incremental, crash-safe build (``index.build_index``) runs in a
worker thread with the web sources (``VERBATIM_FEEDS`` and the pages admins added with ``/add``),
then the new generation is swapped in through the reloader (``bot/runtime/reload.py``), so
questions never wait for it and none fails. One refresh runs at a time; a tick that finds one
running is skipped. A refresh that fails logs a WARNING and leaves the live index serving.

A build indexes exactly what it is given, so each refresh gives it every source: the articles
folder when ``VERBATIM_ARTICLES`` names it (read again, so its changes show too), else the live
index's own articles that did not come from the web (``kept_articles.py``), so a refresh never
drops them. A page that leaves a feed leaves the index at the next refresh, as a file removed
from the folder does; a page added with ``/add`` stays.

The build uses an encoder of its own, never the bot's (one model object must not encode in two
threads at once), loaded at the first refresh.

Webhook replicas with Redis share one index directory and one sources record, and a build
holds a lease first (``BuildLease``; ``bot/cluster/lease.py``): one replica refreshes, the
others skip that round (a DEBUG line) and pick the rebuilt index up through the reloader's
manifest watch. The holder reads the sources record again first: pages another replica added
with ``/add`` are in it.
"""

from __future__ import annotations

import asyncio
import logging
import tempfile
import time
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from telegram.ext import Application, ContextTypes

from bot.runtime.kept_articles import web_pages, write_kept_articles
from bot.runtime.reload import IndexReloader, describe, reloader_of
from bot.runtime.searchers import SearcherHolder
from bot.runtime.services import SERVICES_KEY
from bot.runtime.sources_file import SourcesRecord, default_sources_file, read_sources, write_sources
from bot.settings import Settings
from index import BuildReport, Embedder, VerbatimError, WebSources, build_index, load_embedder

logger = logging.getLogger(__name__)

REFRESHER_KEY = "verbatim.refresher"
FIRST_REFRESH_DELAY = 10.0  # seconds after start: answering starts first, then the feeds are read
JOB_NAME = "verbatim-refresh"
KEPT_FILE = "kept-articles.jsonl"
MAX_PROBLEMS_LOGGED = 10
BUSY_ELSEWHERE = "Another replica is refreshing the index right now; try again in a few minutes."


class BuildLease(Protocol):
    """Leave to build the shared index, held by one process at a time (``bot/cluster/lease.py``)."""

    def hold(self) -> AbstractAsyncContextManager[bool]:
        """True inside the block when this process has the lease, False when another one has it."""
        ...


@dataclass(frozen=True)
class RefreshOutcome:
    """What one refresh did."""

    report: BuildReport | None  # None: no build happened (nothing to read, or it failed)
    error: str | None = None  # why it failed, in words for the admin who asked


@dataclass(frozen=True)
class Added:
    """The outcome of ``/add URL``: the page's title and sentence count, or why it failed."""

    url: str
    title: str | None = None
    sentences: int = 0
    error: str | None = None


class Refresher:
    """Runs refreshes, one at a time, and keeps the sources record (``sources_file.py``)."""

    def __init__(
        self,
        settings: Settings,
        searchers: SearcherHolder,
        reloader: IndexReloader,
        *,
        first_delay: float = FIRST_REFRESH_DELAY,
        clock: Callable[[], float] = time.time,
        lease: BuildLease | None = None,
    ) -> None:
        self._settings = settings
        self._lease = lease  # None: this process is the only one building its index
        self.first_delay = first_delay  # seconds from start to the first refresh
        self._searchers = searchers
        self._reloader = reloader
        self._clock = clock
        self._file = default_sources_file(reloader.index_dir)
        self._record = read_sources(self._file)
        self._lock = asyncio.Lock()
        self._embedder: Embedder | None = None  # the build's own, used in the worker thread only
        self._tasks: set[asyncio.Task[object]] = set()
        self.refreshes = 0  # refreshes whose build succeeded

    @property
    def record(self) -> SourcesRecord:
        return self._record

    @property
    def running(self) -> bool:
        return self._lock.locked()

    def sources(self, *extra_urls: str) -> WebSources:
        """The web sources of a refresh: the feeds, the added pages and ``extra_urls``."""
        urls = tuple(dict.fromkeys((*self._record.added, *extra_urls)))
        return WebSources(urls=urls, feeds=self._settings.feeds)

    async def refresh(self, trigger: str) -> RefreshOutcome | None:
        """Read every source again and serve the result; None when a refresh is already running
        (here, or on another replica)."""
        if self._lock.locked():
            logger.info("Refresh (%s) skipped: the previous one is still running", trigger)
            return None
        async with self._lock:
            return await self._leased(trigger)

    async def add(self, url: str) -> Added:
        """Index the page at ``url`` now, with every other source; remember it if it worked.

        Waits for a refresh in progress first: two builds never run at once.
        """
        async with self._lock:
            outcome = await self._leased(f"/add {url}", url)
            if outcome is None:
                return Added(url, error=BUSY_ELSEWHERE)
            if outcome.report is None:
                return Added(url, error=outcome.error)
            articles = await asyncio.to_thread(self._searchers.current.articles)
            # The page's source is the URL asked for; its id and url may be its canonical address.
            found = next((a for a in articles if url in (a.source, a.id, a.url)), None)
            if found is None:
                problem = next((p.message for p in outcome.report.problems if p.path == url), None)
                return Added(url, error=problem or outcome.error or "No article was found at that address.")
            if url not in self._record.added:
                self._record = self._record.with_added(url)
                await asyncio.to_thread(write_sources, self._file, self._record)
            return Added(url, found.title, found.sentences)

    def request(self, trigger: str) -> None:
        """Start a refresh in the background (the JobQueue's tick must not wait for it)."""
        task = asyncio.get_running_loop().create_task(self.refresh(trigger), name=JOB_NAME)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def stop(self) -> None:
        """Stop waiting for a refresh in progress. Its build cannot be interrupted: it finishes in
        its worker thread (fetches time out), which the bot waits for before it exits; it swaps
        nothing in. A build killed instead (kill -9) leaves the index as it was: builds are crash-safe."""
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def _leased(self, trigger: str, *extra_urls: str) -> RefreshOutcome | None:
        """``_refresh`` with every source, under the lease when there is one; None when another
        replica holds it."""
        if self._lease is None:
            return await self._refresh(self.sources(*extra_urls), trigger)
        # Shared with the other replicas: theirs may have changed it (/add, their last refresh).
        self._record = await asyncio.to_thread(read_sources, self._file)
        web = self.sources(*extra_urls)
        if not web.urls and not web.feeds:
            return await self._refresh(web, trigger)  # nothing to build: no lease needed
        async with self._lease.hold() as held:
            if not held:
                logger.debug("Refresh (%s) skipped: another replica is refreshing the shared index", trigger)
                return None
            return await self._refresh(web, trigger)

    async def _refresh(self, web: WebSources, trigger: str) -> RefreshOutcome:
        if not web.urls and not web.feeds:
            logger.debug("Refresh (%s): no feeds and no added pages; nothing to do", trigger)
            return RefreshOutcome(None, "There are no feeds or added pages to read.")
        started = self._clock()
        try:
            report, pages_before = await asyncio.to_thread(self._build, web)
        except Exception as exc:  # anything at all: the live index must keep serving
            reason = str(exc) or type(exc).__name__
            logger.warning(
                "Refresh (%s) failed: %s Still serving %s.",
                trigger,
                reason,
                describe(self._searchers.current),
                exc_info=not isinstance(exc, (OSError, VerbatimError)),  # a bug gets its traceback
            )
            await self._remember(self._record.with_refresh((), self._clock(), reason))
            return RefreshOutcome(None, reason)
        reload = await self._reloader.reload(f"refresh ({trigger})")
        error = reload.message if reload.refused else None
        await self._remember(self._record.with_refresh(report.feeds, self._clock(), error))
        self.refreshes += 1
        _log_report(trigger, report, self._clock() - started)
        if not reload.refused:
            gone = pages_before - await asyncio.to_thread(web_pages, self._searchers.current)
            if gone:  # e.g. entries that left their feed, or pages indexed by hand with --url
                logger.info(
                    "Refresh (%s): %d page(s) left the index, no feed or /add naming them any more: %s",
                    trigger,
                    len(gone),
                    ", ".join(sorted(gone)[:MAX_PROBLEMS_LOGGED])
                    + (", ..." if len(gone) > MAX_PROBLEMS_LOGGED else ""),
                )
        return RefreshOutcome(report, error)

    def _build(self, web: WebSources) -> tuple[BuildReport, frozenset[str]]:
        """The build, in a worker thread, and the web pages the index held before it. The
        articles folder or the live index's own articles come along so that none is dropped."""
        index_dir = self._reloader.index_dir
        with tempfile.TemporaryDirectory(prefix="verbatim-refresh-") as folder:
            articles = self._settings.articles
            with self._searchers.lease() as live:
                embedder = self._builder_embedder(live.manifest.model)
                pages = web_pages(live)
                if articles is None:
                    kept = Path(folder) / KEPT_FILE
                    articles = kept if write_kept_articles(live, kept) else None
            return build_index(articles, index_dir, embedder, web=web), pages

    def _builder_embedder(self, model: str) -> Embedder:
        if self._embedder is None or self._embedder.name != model:
            self._embedder = load_embedder(model, self._settings.backend)
        return self._embedder

    async def _remember(self, record: SourcesRecord) -> None:
        self._record = record
        await asyncio.to_thread(write_sources, self._file, record)


def _log_report(trigger: str, report: BuildReport, seconds: float) -> None:
    logger.info(
        "Refresh (%s): %d articles, %d sentences; %d pages fetched, %d from the cache; %d sentences encoded (%.1f s)",
        trigger,
        report.articles,
        report.sentences,
        report.fetched,
        report.cached,
        report.encoded,
        seconds,
    )
    for feed in report.feeds:
        if feed.error is not None:
            logger.warning("Refresh (%s): the feed %s could not be read: %s", trigger, feed.url, feed.error)
    for problem in report.problems[:MAX_PROBLEMS_LOGGED]:
        logger.warning("Refresh (%s): skipped %s: %s", trigger, problem.path, problem.message)
    if len(report.problems) > MAX_PROBLEMS_LOGGED:
        logger.warning("Refresh (%s): %d more skipped", trigger, len(report.problems) - MAX_PROBLEMS_LOGGED)


def refresher_of(application: Application) -> Refresher:
    return application.bot_data[REFRESHER_KEY]


def install_refresher(
    application: Application, *, first: float = FIRST_REFRESH_DELAY, lease: BuildLease | None = None
) -> Refresher:
    """Create the application's refresher (after its reloader); ``schedule_refresh`` starts it,
    the first time ``first`` seconds after start. ``lease``: the replicas' one (with Redis)."""
    services = application.bot_data[SERVICES_KEY]
    refresher = Refresher(
        services.settings, services.searchers, reloader_of(application), first_delay=first, lease=lease
    )
    application.bot_data[REFRESHER_KEY] = refresher
    return refresher


def schedule_refresh(application: Application) -> None:
    """Refresh every ``refresh_minutes`` on the application's JobQueue, the first time shortly
    after start. Each tick only starts the refresh: stopping the bot never waits for it."""
    job_queue = application.job_queue
    if job_queue is None:  # python-telegram-bot without its job-queue extra
        logger.warning("No JobQueue (python-telegram-bot[job-queue] is not installed): feeds are not refreshed")
        return
    settings = application.bot_data[SERVICES_KEY].settings
    first = refresher_of(application).first_delay
    job_queue.run_repeating(_tick, interval=settings.refresh_minutes * 60, first=first, name=JOB_NAME)


async def _tick(context: ContextTypes.DEFAULT_TYPE) -> None:
    """The JobQueue's callback: start a refresh in the background."""
    refresher_of(context.application).request("scheduled")
