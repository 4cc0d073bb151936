"""What the handlers share, kept in the Application's ``bot_data``: settings, live searcher, batcher."""

from __future__ import annotations

from dataclasses import dataclass

from telegram.ext import ContextTypes

from bot.runtime.batcher import AnswerBatcher
from bot.runtime.searchers import SearcherHolder
from bot.settings import Settings

SERVICES_KEY = "verbatim"


@dataclass
class Services:
    """Per-application state, kept in ``application.bot_data`` (no globals)."""

    settings: Settings
    searchers: SearcherHolder
    batcher: AnswerBatcher


def services_of(context: ContextTypes.DEFAULT_TYPE) -> Services:
    return context.application.bot_data[SERVICES_KEY]
