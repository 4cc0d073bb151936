"""The real bot Application fed updates in-process, as python-telegram-bot's own tests drive one.

No server and no polling: the application is the one ``build_application`` makes for the bot,
its Bot answers from a FakeBotAPI in-process (``tests.fakes.in_process``), and the updates the
test's users make are handed to ``Application.process_update`` one at a time, each handled to
the end before the next. The fake keeps Telegram's side (chats, messages, buttons pressed on
sent messages, HTML checks), so a test still sees exactly what a user would.

For what needs the network or time to pass (polling, faults, restarts of a process), use the
HTTP fake (``tests.botrunner``).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import TypeVar

from telegram import Update
from telegram.ext import Application

from bot.settings import Settings
from bot.telegram.app import build_application
from index.search.searcher import Searcher
from tests.fakes.bot_api import FakeBotAPI, JSONDict
from tests.fakes.in_process import UNREACHABLE_BASE_URL, InProcessRequest

T = TypeVar("T")


class InProcessBot:
    """The users of ``api`` talking to ``application``; ``deliver()`` passes their updates on."""

    def __init__(self, api: FakeBotAPI, application: Application) -> None:
        self.api = api
        self.application = application

    async def deliver(self) -> list[JSONDict]:
        """Handle every update the users made since the last delivery, in order; return the
        messages the bot sent meanwhile (``sent_messages`` entries)."""
        before = len(self.api.sent_messages)
        for raw in self.api.take_updates():
            await self.application.process_update(Update.de_json(raw, self.application.bot))
        return self.api.sent_messages[before:]


@asynccontextmanager
async def bot_in_process(api: FakeBotAPI, searcher: Searcher, **overrides: object) -> AsyncIterator[InProcessBot]:
    """The bot's application for ``searcher``, started as the bot starts it, minus the polling:
    initialize (getMe), post_init (the command menu, ...), start; then stop, post_stop, shutdown."""
    settings = Settings(token=api.token, api_base_url=UNREACHABLE_BASE_URL, index_dir=searcher.directory, **overrides)
    # Every call but getUpdates (there is no polling here) goes to the fake, through the
    # transport seam python-telegram-bot offers (ApplicationBuilder.request).
    application = build_application(settings, searcher, request=InProcessRequest(api))
    async with application:
        if application.post_init is not None:
            await application.post_init(application)
        await application.start()
        try:
            yield InProcessBot(api, application)
        finally:
            await application.stop()
            if application.post_stop is not None:
                await application.post_stop(application)


def run_in_process(
    api: FakeBotAPI, searcher: Searcher, scenario: Callable[[InProcessBot], Awaitable[T]], **overrides: object
) -> T:
    """Run ``scenario`` against the bot for ``searcher``, in a fresh event loop."""

    async def run() -> T:
        async with bot_in_process(api, searcher, **overrides) as bot:
            return await scenario(bot)

    return asyncio.run(run())
