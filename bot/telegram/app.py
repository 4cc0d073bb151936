"""Wiring: ``build_application`` registers the handlers on a python-telegram-bot Application, and
``serve`` runs it with the library's own ``Application.run_polling``.

``run_polling`` does the whole life cycle, in its documented order: ``initialize`` (getMe, retried
while Telegram is unreachable: ``bootstrap_retries=-1``), ``post_init``, polling, ``start``; then,
on SIGINT/SIGTERM (its own signal handlers) or ``stop_running()``, it stops polling (one last
getUpdates confirms every fetched update to Telegram, so a restart neither repeats nor skips
one), ``stop`` (answers in flight finish), ``shutdown`` and ``post_shutdown``. The bot's own
services hang on those hooks:

* ``post_init`` (``_start_services``): the command menu, the index watcher and SIGHUP handler
  (``bot/runtime/reload.py``), the feed refresh on the JobQueue (``bot/runtime/refresh.py``; the
  library starts and stops the JobQueue with the Application), and the journal of answered
  updates, whose updates left unanswered by a hard kill go back into the update queue ahead of
  anything new (``bot/delivery``);
* ``post_stop`` (``_stop_services``): stops them again once the last answer is in (the journal
  records it). The library calls ``post_stop`` only if the Application got as far as ``start``,
  so ``post_shutdown`` calls it too, for a stop signal during start-up; the second call finds
  nothing left to do.

Three pieces stay ours, because ``run_polling`` has no place for them:

* the getUpdates transport (``PollingRequest``) saves each fetched batch in the journal before
  the library can confirm it, and notices a revoked token (401/404). The library's polling loop
  would abort on it and leave the process running without polling; instead ``TokenWatch`` calls
  ``stop_running()`` and ``serve`` raises ``TokenRejected`` after the clean stop (exit status 4);
* "the bot is answering" is logged when the Application handles its first item (a marker put
  into the update queue by ``post_init``): the library has no hook after ``start``;
* polling errors reach the error handler (``run_polling`` sends them there with no update), which
  hands them to ``PollingErrorLog``: one warning per outage instead of one per retry.

And two gaps in ``run_polling`` are filled. ``serve`` gives it a fresh event loop and closes it
the way ``asyncio.run`` does, cancelling and awaiting what is still pending: the library closes
its loop as it is, so a task left in it (its own start-up retry, when a stop signal comes first)
is destroyed pending later, with an error in the log. And the library's own ERROR (with a long
traceback) for a token refused at start-up is filtered out of the log, since ``python -m bot``
says it in one line (``bot.logging_setup.LibraryTokenReportFilter``).

The tests build the very same application and run it the very same way (``serve``), against
their own Bot API server.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Callable, Coroutine, Sequence
from typing import Any

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import BaseRequest

from bot.chat.filters import ADDRESSED
from bot.chat.guards import install_guard
from bot.cluster.shared import SharedState
from bot.delivery.redelivery import OnceUpdateProcessor, UpdateJournal
from bot.delivery.resilience import PollingErrorLog, PollingRequest, RetryingRateLimiter, TokenWatch
from bot.runtime.batcher import AnswerBatcher
from bot.runtime.refresh import FIRST_REFRESH_DELAY, install_refresher, refresher_of, schedule_refresh
from bot.runtime.reload import WATCH_INTERVAL, install_reloader, reloader_of
from bot.runtime.searchers import SearcherHolder
from bot.runtime.services import SERVICES_KEY, Services
from bot.settings import Settings
from bot.telegram import buttons, handlers, inline, web_commands
from bot.telegram.commands import register_commands
from index import Searcher

logger = logging.getLogger(__name__)

# Questions from many chats are answered at once; each one's CPU work runs in a thread.
CONCURRENT_UPDATES = 64
POLL_TIMEOUT = 10  # seconds a getUpdates long poll waits for news
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
# Stickers, photos, voice, documents, ... (service messages such as "pinned" are not from a person).
NOT_TEXT = ~filters.TEXT & ~filters.StatusUpdate.ALL
TOKEN_WATCH_KEY = "verbatim.token_watch"  # bot_data: the TokenWatch of the getUpdates transport
SHARED_KEY = "verbatim.shared"  # bot_data: the SharedState of a webhook replica with Redis, or None
ANSWERING_GROUP = -200  # the marker's handler group: before the guard, which ignores it anyway


class Answering:
    """The marker ``post_init`` puts into the update queue: handled once the bot is answering."""


def build_application(
    settings: Settings,
    searcher: Searcher,
    *,
    watch_interval: float = WATCH_INTERVAL,
    first_refresh: float = FIRST_REFRESH_DELAY,
    polling: bool = True,
    shared: SharedState | None = None,
    request: BaseRequest | None = None,
) -> Application:
    """An Application for ``settings`` answering from ``searcher`` (not yet started); its first
    feed refresh comes ``first_refresh`` seconds after start, then every ``refresh_minutes``.

    ``polling`` False: updates come from a webhook server (``bot/webhook/``), which puts them
    into the update queue itself. ``shared``: a webhook replica's Redis-backed state; its
    processor, rate limits and sending budget replace the state file and this process's own.
    ``request``: the transport of every Bot API call but getUpdates (python-telegram-bot's
    ``ApplicationBuilder.request``); None for its default HTTP one.
    """
    if not settings.token:
        raise ValueError("A Telegram bot token is needed to build the Telegram application.")
    # Every call but getUpdates: 429, 5xx, dropped connections, and the overall send rate.
    limiter = RetryingRateLimiter(
        messages_per_second=settings.send_rate, budget=shared.send_budget if shared is not None else None
    )
    token_watch = TokenWatch()
    journal = UpdateJournal(settings.state_file if shared is None else None)  # Redis replaces the file
    builder = (
        Application.builder()
        .token(settings.token)
        .base_url(settings.api_base_url)
        .concurrent_updates(
            OnceUpdateProcessor(CONCURRENT_UPDATES, journal) if shared is None else shared.processor(CONCURRENT_UPDATES)
        )
        .rate_limiter(limiter)
        .post_init(_start_services)
        .post_stop(_stop_services)
        .post_shutdown(_stop_services)  # again, in case a stop during start-up skipped post_stop
    )
    if request is not None:
        builder.request(request)
    if polling:
        # Each fetched batch is in the state file before python-telegram-bot can confirm it.
        builder.get_updates_request(PollingRequest(token_watch, journal.hold))
    else:
        builder.updater(None)
    application = builder.build()
    searchers = SearcherHolder(searcher)
    application.bot_data[SERVICES_KEY] = Services(settings, searchers, AnswerBatcher(searchers))
    application.bot_data[TOKEN_WATCH_KEY] = token_watch
    application.bot_data[SHARED_KEY] = shared
    token_watch.on_reject = lambda: _stop_polling(application)
    limiter.stop_when(lambda: not application.running)  # stopping: retry briefly, then give up
    application.add_handler(TypeHandler(Answering, _announce_answering), group=ANSWERING_GROUP)
    # allow-list, rate limits, channel posts: before all else
    install_guard(application, settings, shared.rate_limits if shared is not None else None)
    install_reloader(application, watch_interval=watch_interval)
    # feeds and /add pages, on the JobQueue; on one replica at a time where they share Redis
    install_refresher(application, first=first_refresh, lease=shared.build_lease if shared is not None else None)
    application.add_handler(CommandHandler("start", handlers.start))
    application.add_handler(CommandHandler("help", handlers.help_command))
    application.add_handler(CommandHandler("sources", handlers.sources))
    application.add_handler(CommandHandler("about", handlers.about))
    application.add_handler(CommandHandler("ask", handlers.question))
    application.add_handler(CommandHandler("reload", handlers.reload_command))
    application.add_handler(CommandHandler("add", web_commands.add_command))
    application.add_handler(CommandHandler("feeds", web_commands.feeds_command))
    # In groups only messages that mention the bot or reply to it are questions (chat_filters).
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND & ADDRESSED, handlers.question))
    application.add_handler(CallbackQueryHandler(buttons.button))
    application.add_handler(InlineQueryHandler(inline.inline_query))
    application.add_handler(MessageHandler(filters.ChatType.PRIVATE & NOT_TEXT, handlers.non_text))
    # Keep last in group 0: only commands no handler above took reach it.
    application.add_handler(MessageHandler(filters.ChatType.PRIVATE & filters.COMMAND, handlers.unknown_command))
    application.add_error_handler(_error_handler(PollingErrorLog()))
    return application


def serve(
    application: Application, *, poll_timeout: int = POLL_TIMEOUT, stop_signals: Sequence[int] | None = STOP_SIGNALS
) -> None:
    """Answer until one of ``stop_signals`` (or ``application.stop_running()``), then finish the
    answers in flight, confirm the fetched updates to Telegram and return.

    A stop signal during start-up (Telegram unreachable) ends it at once. Raises InvalidToken
    when Telegram refuses the token at start-up, and TokenRejected when it starts refusing it
    later (after the same clean stop). Signals can only be caught in the main thread: elsewhere
    pass ``stop_signals=None``.
    """
    loop = asyncio.new_event_loop()  # run_polling runs on the current event loop
    asyncio.set_event_loop(loop)
    try:
        application.run_polling(
            timeout=poll_timeout,
            bootstrap_retries=-1,
            allowed_updates=Update.ALL_TYPES,
            drop_pending_updates=False,
            stop_signals=stop_signals,
            close_loop=False,  # closed below, after what is left in it
        )
    finally:
        _close(loop)
        asyncio.set_event_loop(None)
    logger.info("Stopped cleanly")
    watch = token_watch_of(application)
    if watch.rejected.is_set():
        raise watch.error()


def run_telegram(settings: Settings, searcher: Searcher) -> None:
    """Poll Telegram until SIGINT or SIGTERM, then finish the answers in flight and return.

    Raises InvalidToken when Telegram refuses the token at start-up, and TokenRejected when it
    starts refusing it later (in both cases after a clean stop).
    """
    serve(build_application(settings, searcher))


async def _start_services(application: Application) -> None:
    """``post_init``: start-up work once the bot is known to Telegram (see the module docstring)."""
    await register_commands(application.bot)
    settings = application.bot_data[SERVICES_KEY].settings
    reloader_of(application).start(watch=settings.watch_index, signals=True)  # manifest watcher, SIGHUP
    schedule_refresh(application)  # runs once the JobQueue starts, with the Application
    if shared_of(application) is None:
        journal = journal_of(application)
        await journal.open(application.bot.id)
        for update in journal.unfinished(application.bot):
            logger.info("Answering update %d again: the bot stopped before it was answered", update.update_id)
            await application.update_queue.put(update)
    # The replicas' stream is read once the application has started (bot/webhook/serve.py).
    await application.update_queue.put(Answering())


async def _stop_services(application: Application) -> None:
    """``post_stop`` and ``post_shutdown``: undo ``_start_services`` (whatever part of it ran);
    a second call does nothing."""
    await refresher_of(application).stop()
    await reloader_of(application).stop()
    await application.bot_data[SERVICES_KEY].batcher.close()
    shared = shared_of(application)
    if shared is None:
        await journal_of(application).close()  # after application.stop(): every answer is recorded
    else:
        await shared.close()


def _close(loop: asyncio.AbstractEventLoop) -> None:
    """Close ``loop`` as ``asyncio.run`` closes its own: what is still pending is cancelled and
    awaited first."""
    try:
        leftovers = asyncio.all_tasks(loop)
        for task in leftovers:
            task.cancel()
        if leftovers:
            loop.run_until_complete(asyncio.gather(*leftovers, return_exceptions=True))
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.run_until_complete(loop.shutdown_default_executor())
    finally:
        loop.close()


async def _announce_answering(update: Answering, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The ``Answering`` marker's handler: the Application has started and handles updates."""
    if context.application.updater is not None:
        logger.info("Polling Telegram; the bot is answering")


def _stop_polling(application: Application) -> None:
    """End ``run_polling`` after a rejected token, the way a stop signal does (soon, not now:
    a rejection seen while ``start`` is still finishing must not be lost)."""

    def stop() -> None:
        updater = application.updater
        # stop_running() stops the loop run_polling runs for ever once started, and would break
        # any other step; a rejection during the stop itself needs nothing: it is stopping.
        if application.running and updater is not None and updater.running:
            application.stop_running()

    asyncio.get_running_loop().call_soon(stop)


ErrorCallback = Callable[[object, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]


def _error_handler(polling_errors: PollingErrorLog) -> ErrorCallback:
    """The error handler, with the getUpdates failures run_polling sends it (without an update) apart."""

    async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        if update is None and isinstance(context.error, TelegramError):  # run_polling's fetch errors
            polling_errors(context.error)
            return
        await handlers.error_handler(update, context)

    return on_error


def journal_of(application: Application) -> UpdateJournal:
    """The journal of answered updates of an application made by ``build_application``."""
    processor = application.update_processor
    assert isinstance(processor, OnceUpdateProcessor), "not an application from build_application"
    return processor.journal


def shared_of(application: Application) -> SharedState | None:
    """The Redis-backed state of a webhook replica, None for a bot on its own."""
    shared = application.bot_data.get(SHARED_KEY)
    assert shared is None or isinstance(shared, SharedState)
    return shared


def token_watch_of(application: Application) -> TokenWatch:
    """Whether Telegram rejected the token of an application made by ``build_application``."""
    watch = application.bot_data[TOKEN_WATCH_KEY]
    assert isinstance(watch, TokenWatch)
    return watch
