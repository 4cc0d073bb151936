"""The bot's command menu, registered with Telegram (setMyCommands) when the bot starts."""

from __future__ import annotations

import logging

from telegram import Bot, BotCommand
from telegram.error import TelegramError

logger = logging.getLogger(__name__)

# (command, description) in the order Telegram's menu shows them.
COMMANDS: tuple[tuple[str, str], ...] = (
    ("ask", "Ask a question about the articles (the way to ask in groups)"),
    ("help", "How to ask, with example questions"),
    ("sources", "The articles I answer from"),
    ("about", "Index size, model and build date"),
    ("start", "Welcome and examples"),
)


async def register_commands(bot: Bot) -> bool:
    """Show COMMANDS in Telegram's menu; a failure is logged, never fatal (the bot still answers)."""
    try:
        return await bot.set_my_commands([BotCommand(name, description) for name, description in COMMANDS])
    except TelegramError:
        logger.warning("Could not register the command menu with Telegram", exc_info=True)
        return False
