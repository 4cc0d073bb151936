"""``python -m bot --webhook``: one replica answering the updates Telegram posts to it.

Built the way python-telegram-bot recommends for a custom web server (its ``customwebhookbot``
example): an Application without an Updater (``build_application(polling=False)``), run by
hand next to a uvicorn server of the Starlette app in ``bot/webhook/server.py``, which puts
each update where the Application takes it from. The order, as ``run_polling``'s:
``initialize`` (getMe, retried while Telegram is unreachable), ``post_init`` (command menu,
index watcher, journal), ``start``, the shared stream's reader (with Redis), the web server;
then, on SIGINT/SIGTERM, the web server stops taking updates (requests in progress finish),
the reader stops, ``stop`` finishes every answer in flight, and ``post_stop``, ``shutdown``,
``post_shutdown`` follow.

Where an update goes before the 200:

* with ``VERBATIM_REDIS_URL``: into the replicas' Redis stream (``bot/cluster/``), from which
  any replica answers it once; rate limits and the sending budget are shared there too, and
  the state file is not used;
* without: into the state file (``UpdateJournal.hold``, as polling does with each fetched
  batch) and this process's update queue, so a restart after a hard kill answers it and a
  repeat is passed over.

uvicorn's own signal handling is left out: it would raise the signal again once the web server
stopped, killing the process before the answers in flight are sent. Its access log is off (a
line per update is noise, and the secret travels in a header it does not print anyway); its
other messages go through the bot's redacting log. The socket is bound here, so a port in use
is one clear error instead of uvicorn's exit.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import socket
from collections.abc import Iterator
from typing import Any

import uvicorn
from redis.exceptions import RedisError
from telegram import Update
from telegram.error import InvalidToken, NetworkError
from telegram.ext import Application

from bot.cluster.shared import SharedState
from bot.settings import WEBHOOK_PATH, Settings
from bot.telegram.app import CONCURRENT_UPDATES, build_application, journal_of
from bot.webhook.server import HealthCheck, Intake, IntakeUnavailable, webhook_app
from index import Searcher, VerbatimError

logger = logging.getLogger(__name__)

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
BACKLOG = 2 * CONCURRENT_UPDATES  # stream entries one replica holds at most (read, not answered)
START_RETRY_SECONDS = (1.0, 2.0, 5.0, 10.0, 30.0)


class ListenError(VerbatimError):
    """The web server cannot listen where VERBATIM_WEBHOOK_LISTEN says."""


class _Server(uvicorn.Server):
    """uvicorn's server without its signal handling (see the module docstring)."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


def run_webhook(settings: Settings, searcher: Searcher) -> None:
    """Serve as a webhook replica until SIGINT or SIGTERM, then finish the answers in flight.

    Raises InvalidToken when Telegram refuses the token, ListenError when the address is taken.
    """
    asyncio.run(serve_webhook(settings, searcher))


async def serve_webhook(settings: Settings, searcher: Searcher, stop: asyncio.Event | None = None) -> None:
    """``run_webhook`` in a running event loop; ``stop`` (when given, instead of the stop
    signals) ends it."""
    assert settings.token and settings.webhook_secret
    listening = _listen(settings.webhook_listen)
    shared = None
    if settings.redis_url is not None:
        shared = SharedState(settings, settings.bot_id, backlog=BACKLOG)
    application = build_application(settings, searcher, polling=False, shared=shared)
    intake, health = _local(application) if shared is None else _replicated(application, shared)
    config = uvicorn.Config(
        webhook_app(settings.webhook_secret, intake, health),
        log_config=None,  # the bot's logging (redacting) stays as it is
        access_log=False,
        server_header=False,
        lifespan="off",
    )
    server = _Server(config)
    stopping = stop or asyncio.Event()
    if stop is None:
        loop = asyncio.get_running_loop()
        for sig in STOP_SIGNALS:
            loop.add_signal_handler(sig, stopping.set)
    watcher = asyncio.create_task(_stop_server_on(stopping, server))
    initialized = False
    try:
        initialized = await _initialize(application, stopping)
        if not initialized:
            return
        assert application.post_init is not None
        await application.post_init(application)
        await application.start()
        if shared is not None:
            await shared.start(application)
        if not stopping.is_set():
            host, port = listening.getsockname()[:2]
            logger.info("Webhook server listening on http://%s:%d%s; the bot is answering", host, port, WEBHOOK_PATH)
            await server.serve(sockets=[listening])
    finally:
        watcher.cancel()
        listening.close()
        await _stop(application, shared, initialized)
    logger.info("Stopped cleanly")


def _listen(address: tuple[str, int]) -> socket.socket:
    host, port = address
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        return socket.create_server((host, port), family=family, backlog=2048)
    except OSError as error:
        raise ListenError(
            f"Cannot listen on {host}:{port} (VERBATIM_WEBHOOK_LISTEN): {error.strerror or error}."
        ) from error


async def _stop_server_on(stopping: asyncio.Event, server: uvicorn.Server) -> None:
    await stopping.wait()
    logger.info("Stopping: no new updates taken; finishing the answers in flight")
    server.should_exit = True


async def _initialize(application: Application, stopping: asyncio.Event) -> bool:
    """getMe until Telegram answers (True), or a stop comes first (False). Raises InvalidToken."""
    attempt = 0
    while True:
        try:
            await application.initialize()
            return True
        except InvalidToken:
            raise
        except NetworkError as error:
            delay = START_RETRY_SECONDS[min(attempt, len(START_RETRY_SECONDS) - 1)]
            logger.warning("Cannot reach Telegram (%s); trying again in %.0f s", error, delay)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stopping.wait(), delay)
            if stopping.is_set():
                return False
            attempt += 1


async def _stop(application: Application, shared: SharedState | None, initialized: bool) -> None:
    """The second half of ``run_polling``'s life cycle, for whatever part of the first half ran."""
    if shared is not None:
        await shared.stop_reading()
    if application.running:
        await application.stop()
        if application.post_stop is not None:
            await application.post_stop(application)
    if initialized:
        await application.shutdown()
    if application.post_shutdown is not None:
        await application.post_shutdown(application)


def _local(application: Application) -> tuple[Intake, HealthCheck]:
    """A replica on its own: the state file, then this process's update queue."""

    async def intake(data: dict[str, Any]) -> None:
        try:
            update = Update.de_json(data, application.bot)
        except Exception:  # not one python-telegram-bot can read: resending would not help
            logger.warning("Cannot read update %s; it is not answered", data.get("update_id"), exc_info=True)
            return
        await journal_of(application).hold([data])  # saved before the 200, as polling does
        await application.update_queue.put(update)

    async def health() -> str | None:
        return None if application.running else "not answering yet"

    return intake, health


def _replicated(application: Application, shared: SharedState) -> tuple[Intake, HealthCheck]:
    """One of several replicas: the shared Redis stream."""

    async def intake(data: dict[str, Any]) -> None:
        try:
            added = await shared.stream.offer(data)
        except RedisError as error:
            raise IntakeUnavailable(f"Redis unreachable: {error}") from error
        if not added:
            logger.info("Update %d arrived again; it was taken already", data["update_id"])

    async def health() -> str | None:
        if not application.running:
            return "not answering yet"
        return await shared.problem()

    return intake, health
