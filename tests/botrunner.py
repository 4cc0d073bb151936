"""Running the real bot Application against the fake Bot API server, inside one test."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

from telegram.ext import Application

from bot.settings import Settings
from bot.telegram.app import build_application, running
from index.search.searcher import Searcher
from tests.fakes.bot_api import FakeBotAPI

T = TypeVar("T")


def settings_for(server: FakeBotAPI, index_dir: Path, **overrides: object) -> Settings:
    return Settings(token=server.token, api_base_url=server.base_url, index_dir=index_dir, **overrides)  # type: ignore[arg-type]


async def polling(application: Application, scenario: Callable[[], Awaitable[T]]) -> T:
    """Start ``application`` polling, run ``scenario``, then stop it cleanly.

    Uses the bot's own start path (``bot.app.running``: post_init, polling, post_stop, ...).
    """
    async with running(application, poll_timeout=1):
        return await scenario()


def run_bot(
    server: FakeBotAPI, searcher: Searcher, scenario: Callable[[Application], Awaitable[T]], **overrides: object
) -> T:
    """Build the real application for ``searcher`` and run ``scenario`` while it polls ``server``."""
    application = build_application(settings_for(server, searcher.directory, **overrides), searcher)
    return asyncio.run(polling(application, lambda: scenario(application)))


async def wait_for_messages(server: FakeBotAPI, chat_id: int, count: int = 1, timeout: float = 30) -> list[dict]:
    """The fake server's blocking wait, off the event loop so the bot keeps running."""
    return await asyncio.to_thread(server.wait_for_messages, chat_id, count, timeout)
