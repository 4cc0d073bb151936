"""Wiring: ``build_application`` registers the handlers on a python-telegram-bot Application;
``running`` / ``serve`` / ``run_telegram`` start and stop it.

Two durability pieces are wired here: the update processor that answers every update exactly
once across a hard kill (``bot/redelivery.py``; updates left unanswered by the kill are put
back into the update queue at start-up), and the getUpdates transport, which saves each
fetched batch in that journal before it can be confirmed to Telegram and notices a revoked
token, after which ``serve`` stops the bot and raises ``TokenRejected`` (``bot/resilience.py``).

The tests build the very same application, start it the very same way (``running``), and point
it at their own Bot API server.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import AsyncIterator

from telegram import Update
from telegram.error import InvalidToken, NetworkError, RetryAfter
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot.chat.filters import ADDRESSED
from bot.chat.guards import install_guard
from bot.delivery.redelivery import OnceUpdateProcessor, UpdateJournal
from bot.delivery.resilience import PollingErrorLog, PollingRequest, RetryingRateLimiter, TokenWatch
from bot.runtime.batcher import AnswerBatcher
from bot.runtime.reload import WATCH_INTERVAL, install_reloader, reloader_of
from bot.runtime.searchers import SearcherHolder
from bot.runtime.services import SERVICES_KEY, Services
from bot.settings import Settings
from bot.telegram import buttons, handlers, inline
from bot.telegram.commands import register_commands
from index import Searcher

logger = logging.getLogger(__name__)

# Questions from many chats are answered at once; each one's CPU work runs in a thread.
CONCURRENT_UPDATES = 64
POLL_TIMEOUT = 10.0  # seconds a getUpdates long poll waits for news
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
# Stickers, photos, voice, documents, ... (service messages such as "pinned" are not from a person).
NOT_TEXT = ~filters.TEXT & ~filters.StatusUpdate.ALL
TOKEN_WATCH_KEY = "verbatim.token_watch"  # bot_data: the TokenWatch of the getUpdates transport


def build_application(settings: Settings, searcher: Searcher, *, watch_interval: float = WATCH_INTERVAL) -> Application:
    """An Application for ``settings`` answering from ``searcher`` (not yet started)."""
    if not settings.token:
        raise ValueError("A Telegram bot token is needed to build the Telegram application.")
    # Every call but getUpdates: 429, 5xx, dropped connections, and the overall send rate.
    limiter = RetryingRateLimiter(messages_per_second=settings.send_rate)
    token_watch = TokenWatch()
    journal = UpdateJournal(settings.state_file)
    application = (
        Application.builder()
        .token(settings.token)
        .base_url(settings.api_base_url)
        .concurrent_updates(OnceUpdateProcessor(CONCURRENT_UPDATES, journal))
        # Each fetched batch is in the state file before python-telegram-bot can confirm it.
        .get_updates_request(PollingRequest(token_watch, journal.hold))
        .rate_limiter(limiter)
        .post_init(on_startup)
        .post_stop(_stop_services)
        .build()
    )
    searchers = SearcherHolder(searcher)
    application.bot_data[SERVICES_KEY] = Services(settings, searchers, AnswerBatcher(searchers))
    application.bot_data[TOKEN_WATCH_KEY] = token_watch
    limiter.stop_when(lambda: not application.running)  # stopping: retry briefly, then give up
    install_guard(application, settings)  # allow-list, rate limits, channel posts: before all else
    install_reloader(application, watch_interval=watch_interval)
    application.add_handler(CommandHandler("start", handlers.start))
    application.add_handler(CommandHandler("help", handlers.help_command))
    application.add_handler(CommandHandler("sources", handlers.sources))
    application.add_handler(CommandHandler("about", handlers.about))
    application.add_handler(CommandHandler("ask", handlers.question))
    application.add_handler(CommandHandler("reload", handlers.reload_command))
    # In groups only messages that mention the bot or reply to it are questions (chat_filters).
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND & ADDRESSED, handlers.question))
    application.add_handler(CallbackQueryHandler(buttons.button))
    application.add_handler(InlineQueryHandler(inline.inline_query))
    application.add_handler(MessageHandler(filters.ChatType.PRIVATE & NOT_TEXT, handlers.non_text))
    # Keep last in group 0: only commands no handler above took reach it.
    application.add_handler(MessageHandler(filters.ChatType.PRIVATE & filters.COMMAND, handlers.unknown_command))
    application.add_error_handler(handlers.error_handler)
    return application


async def on_startup(application: Application) -> None:
    """Start-up work once the bot is known to Telegram: the command menu, the index watcher,
    the SIGHUP handler, and the journal of updates (kept per bot id), whose updates left
    unanswered by a hard kill go back into the update queue, ahead of anything new.

    It is the Application's ``post_init``; ``running`` (the bot's and the tests' one start path)
    calls it, and ``post_stop`` (``_stop_services``) undoes it.
    """
    await register_commands(application.bot)
    settings = application.bot_data[SERVICES_KEY].settings
    reloader_of(application).start(watch=settings.watch_index, signals=True)  # manifest watcher, SIGHUP
    journal = journal_of(application)
    await journal.open(application.bot.id)
    for update in journal.unfinished(application.bot):
        logger.info("Answering update %d again: the bot stopped before it was answered", update.update_id)
        await application.update_queue.put(update)


async def _stop_services(application: Application) -> None:
    await reloader_of(application).stop()
    await application.bot_data[SERVICES_KEY].batcher.close()
    await journal_of(application).close()  # after application.stop(): every answer is recorded


def journal_of(application: Application) -> UpdateJournal:
    """The journal of answered updates of an application made by ``build_application``."""
    processor = application.update_processor
    assert isinstance(processor, OnceUpdateProcessor), "not an application from build_application"
    return processor.journal


def token_watch_of(application: Application) -> TokenWatch:
    """Whether Telegram rejected the token of an application made by ``build_application``."""
    watch = application.bot_data[TOKEN_WATCH_KEY]
    assert isinstance(watch, TokenWatch)
    return watch


@contextlib.asynccontextmanager
async def running(application: Application, *, poll_timeout: float = POLL_TIMEOUT) -> AsyncIterator[Application]:
    """The application polling Telegram inside the ``with`` block; stopped cleanly after it.

    The one start path of the bot and of the tests, in run_polling's order: initialize (retried
    while Telegram is unreachable), post_init, start polling, start; on the way out stop polling
    (confirming every fetched update to Telegram, so a restart neither repeats nor skips one),
    stop (answers in flight finish), post_stop, shutdown.
    """
    await _initialize(application)
    try:
        if application.post_init is not None:
            await application.post_init(application)
        assert application.updater is not None
        await application.updater.start_polling(
            timeout=poll_timeout,
            bootstrap_retries=-1,
            allowed_updates=Update.ALL_TYPES,
            drop_pending_updates=False,
            error_callback=PollingErrorLog(),
        )
        try:
            await application.start()
            yield application
        finally:
            try:
                if application.updater.running:
                    await application.updater.stop()
            finally:  # even if stopping the polling failed, answers in flight still finish
                if application.running:
                    await application.stop()
                if application.post_stop is not None:
                    await application.post_stop(application)
    finally:
        await application.shutdown()


async def serve(application: Application, stop: asyncio.Event, *, poll_timeout: float = POLL_TIMEOUT) -> None:
    """Serve until ``stop`` is set; a stop during start-up (Telegram unreachable) ends at once.

    If Telegram rejects the token while polling, the bot stops the same clean way (answers in
    flight finish) and then raises ``TokenRejected``.
    """
    started = asyncio.Event()
    rejected = token_watch_of(application).rejected

    async def body() -> None:
        async with running(application, poll_timeout=poll_timeout):
            started.set()
            logger.info("Polling Telegram; the bot is answering")
            await _first_set(stop, rejected)
        logger.info("Stopped cleanly")

    task = asyncio.create_task(body(), name="verbatim-serve")
    waiter = asyncio.create_task(stop.wait(), name="verbatim-stop")
    try:
        await asyncio.wait({task, waiter}, return_when=asyncio.FIRST_COMPLETED)
        if not task.done() and not started.is_set():
            task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
    finally:
        waiter.cancel()
    if rejected.is_set():
        raise token_watch_of(application).error()


async def _first_set(*events: asyncio.Event) -> None:
    """Return as soon as one of ``events`` is set."""
    waits = [asyncio.ensure_future(event.wait()) for event in events]
    try:
        await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for wait in waits:
            wait.cancel()


def run_telegram(settings: Settings, searcher: Searcher) -> None:
    """Poll Telegram until SIGINT or SIGTERM, then finish the answers in flight and return.

    Raises InvalidToken when Telegram refuses the token at start-up, and TokenRejected when it
    starts refusing it later (in both cases after a clean stop).
    """
    asyncio.run(_serve_until_signalled(build_application(settings, searcher)))


async def _serve_until_signalled(application: Application) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in STOP_SIGNALS:
        loop.add_signal_handler(sig, stop.set)
    try:
        await serve(application, stop)
    finally:
        for sig in STOP_SIGNALS:
            loop.remove_signal_handler(sig)


async def _initialize(application: Application, max_delay: float = 30.0) -> None:
    """``application.initialize()`` (which asks Telegram getMe), retried while Telegram is down."""
    delay = 1.0
    while True:
        try:
            await application.initialize()
            return
        except InvalidToken:
            raise  # retrying cannot fix a wrong token
        except (NetworkError, RetryAfter) as error:
            logger.warning(
                "Cannot reach Telegram at start-up (%s: %s); retrying in %.0f s", type(error).__name__, error, delay
            )
            await asyncio.sleep(delay)
            delay = min(max_delay, delay * 2)
