"""Wiring: ``build_application`` registers the handlers on a python-telegram-bot Application.

The tests build the very same application and point it at their own Bot API server.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, CommandHandler, MessageHandler, filters

from bot import handlers
from bot.batcher import AnswerBatcher
from bot.services import SERVICES_KEY, SearcherHolder, Services
from bot.settings import Settings
from index.search import Searcher

# Questions from many chats are answered at once; each one's CPU work runs in a thread.
CONCURRENT_UPDATES = 64


def build_application(settings: Settings, searcher: Searcher) -> Application:
    """An Application for ``settings`` answering from ``searcher`` (not yet started)."""
    if not settings.token:
        raise ValueError("A Telegram bot token is needed to build the Telegram application.")
    application = (
        Application.builder()
        .token(settings.token)
        .base_url(settings.api_base_url)
        .concurrent_updates(CONCURRENT_UPDATES)
        .post_stop(_stop_services)
        .build()
    )
    searchers = SearcherHolder(searcher)
    application.bot_data[SERVICES_KEY] = Services(settings, searchers, AnswerBatcher(searchers))
    application.add_handler(CommandHandler("start", handlers.start))
    application.add_handler(CommandHandler("help", handlers.help_command))
    application.add_handler(CommandHandler("sources", handlers.sources))
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, handlers.question))
    application.add_error_handler(handlers.error_handler)
    return application


async def _stop_services(application: Application) -> None:
    await application.bot_data[SERVICES_KEY].batcher.close()


def run_telegram(settings: Settings, searcher: Searcher) -> None:
    """Poll Telegram until interrupted (SIGINT/SIGTERM stop it cleanly)."""
    build_application(settings, searcher).run_polling(allowed_updates=Update.ALL_TYPES)
