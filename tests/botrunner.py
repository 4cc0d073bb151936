"""Running the real bot Application against the fake Bot API server, inside one test.

The bot runs the way it runs in production: ``bot.telegram.app.serve`` (python-telegram-bot's
``run_polling``, hooks and all), only without signal handlers (tests stop it themselves) and with
a short long-poll.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

from telegram.ext import Application, ContextTypes, TypeHandler

from bot.settings import Settings
from bot.telegram.app import Answering, build_application, serve
from index import Searcher
from tests.fakes.bot_api import FakeBotAPI

T = TypeVar("T")
POLL_TIMEOUT = 1  # seconds: a stop never waits long for the long poll in progress


def settings_for(server: FakeBotAPI, index_dir: Path, **overrides: object) -> Settings:
    return Settings(token=server.token, api_base_url=server.base_url, index_dir=index_dir, **overrides)


def when_answering(application: Application, callback: Callable[[], None]) -> None:
    """Call ``callback`` in the bot's event loop once it is answering (as it logs "the bot is answering")."""

    async def answering(update: Answering, context: ContextTypes.DEFAULT_TYPE) -> None:
        callback()

    application.add_handler(TypeHandler(Answering, answering), group=-1000)


def serving(application: Application, scenario: Callable[[], Awaitable[T]]) -> T:
    """Serve ``application`` until ``scenario`` (run in the bot's event loop once the bot is
    answering) is done, stop it cleanly, and return what the scenario returned.

    An error in the scenario is raised here, after the bot stopped; so is one of the bot's own
    (``serve`` raising TokenRejected, say).
    """
    outcome: list[T] = []
    errors: list[BaseException] = []
    tasks: list[asyncio.Task[None]] = []

    async def drive() -> None:
        try:
            outcome.append(await scenario())
        except Exception as error:  # raised again once the bot has stopped
            errors.append(error)
        finally:
            application.stop_running()

    when_answering(application, lambda: tasks.append(asyncio.get_running_loop().create_task(drive())))
    serve(application, poll_timeout=POLL_TIMEOUT, stop_signals=None)
    if errors:
        raise errors[0]
    assert outcome, "the bot stopped before the scenario was done"
    return outcome[0]


def run_bot(
    server: FakeBotAPI, searcher: Searcher, scenario: Callable[[Application], Awaitable[T]], **overrides: object
) -> T:
    """Build the real application for ``searcher`` and run ``scenario`` while it polls ``server``."""
    application = build_application(settings_for(server, searcher.directory, **overrides), searcher)
    return serving(application, lambda: scenario(application))


class BackgroundBot:
    """The real application serving in its own thread, for tests that talk to it from outside
    (many examples against one bot): ``with BackgroundBot(application): ...``."""

    def __init__(self, application: Application, timeout: float = 60) -> None:
        self._application = application
        self._timeout = timeout
        self._loop: asyncio.AbstractEventLoop | None = None
        self._answering = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="bot-under-test", daemon=True)
        when_answering(application, self._started)

    def _started(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._answering.set()

    def _serve(self) -> None:
        serve(self._application, poll_timeout=POLL_TIMEOUT, stop_signals=None)

    def __enter__(self) -> BackgroundBot:
        self._thread.start()
        assert self._answering.wait(self._timeout), "the bot never started answering"
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._loop is not None
        self._loop.call_soon_threadsafe(self._application.stop_running)
        self._thread.join(self._timeout)
        assert not self._thread.is_alive(), "the bot did not stop"


async def wait_for_messages(server: FakeBotAPI, chat_id: int, count: int = 1, timeout: float = 30) -> list[dict]:
    """The fake server's blocking wait, off the event loop so the bot keeps running."""
    return await asyncio.to_thread(server.wait_for_messages, chat_id, count, timeout)
