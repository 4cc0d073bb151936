"""What the handlers share: the settings and the searcher currently serving (swappable)."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from telegram.ext import ContextTypes

from bot.settings import Settings
from index.search import Searcher

SERVICES_KEY = "verbatim"

if TYPE_CHECKING:
    from bot.batcher import AnswerBatcher


class SearcherHolder:
    """Holds the live Searcher; a reload swaps it in one step while old questions finish."""

    def __init__(self, searcher: Searcher) -> None:
        self._searcher = searcher
        self._lock = threading.Lock()

    @property
    def current(self) -> Searcher:
        with self._lock:
            return self._searcher

    def swap(self, searcher: Searcher) -> Searcher:
        """Make ``searcher`` live and return the one it replaced."""
        with self._lock:
            old, self._searcher = self._searcher, searcher
        return old


@dataclass
class Services:
    """Per-application state, kept in ``application.bot_data`` (no globals)."""

    settings: Settings
    searchers: SearcherHolder
    batcher: AnswerBatcher


def services_of(context: ContextTypes.DEFAULT_TYPE) -> Services:
    return context.application.bot_data[SERVICES_KEY]
