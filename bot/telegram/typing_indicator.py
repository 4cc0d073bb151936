"""The "typing…" indicator, shown only when an answer takes noticeable time.

A fast answer sends nothing extra; a slow one (the first question after start-up, a big
index, a busy machine) shows "typing…" after ``TYPING_DELAY`` seconds and keeps it up, since
Telegram clears the indicator after about five seconds or when the bot's message arrives.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from telegram import Bot
from telegram.constants import ChatAction
from telegram.error import TelegramError

logger = logging.getLogger(__name__)

TYPING_DELAY = 0.3
TYPING_REPEAT = 4.5


@contextlib.asynccontextmanager
async def typing_while(
    bot: Bot, chat_id: int, *, thread_id: int | None = None, delay: float = TYPING_DELAY, repeat: float = TYPING_REPEAT
) -> AsyncIterator[None]:
    """Show "typing…" in ``chat_id`` while the body runs, if it runs longer than ``delay``."""
    task = asyncio.create_task(_keep_typing(bot, chat_id, thread_id, delay, repeat), name=f"typing-{chat_id}")
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def _keep_typing(bot: Bot, chat_id: int, thread_id: int | None, delay: float, repeat: float) -> None:
    await asyncio.sleep(delay)
    while True:
        try:
            await bot.send_chat_action(chat_id, ChatAction.TYPING, message_thread_id=thread_id)
        except TelegramError:
            # A cosmetic extra: never let it fail or delay the answer itself.
            logger.debug("Could not show the typing indicator in %s", chat_id, exc_info=True)
            return
        await asyncio.sleep(repeat)
