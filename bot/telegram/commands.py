"""The bot's command menu, registered with Telegram (setMyCommands) when the bot starts, and
the door of its admin-only commands (/reload, /add, /feeds)."""

from __future__ import annotations

import logging

from telegram import Bot, BotCommand, Message, Update
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.chat.guards import ADMIN_ONLY_TEXT, is_admin
from bot.runtime.services import services_of

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


async def admin_message(update: Update, context: ContextTypes.DEFAULT_TYPE, command: str) -> Message | None:
    """The message of an admin-only ``command`` sent by an admin; None otherwise, after telling a
    non-admin that only admins may use it."""
    message = update.effective_message
    if message is None:
        return None
    if not is_admin(services_of(context).settings, update):
        await message.reply_text(ADMIN_ONLY_TEXT.format(command=command), do_quote=False)
        return None
    return message
