"""Thin async handlers: read the update, call the searcher off the event loop, reply.

CPU work (encoding, FAISS, SQLite) runs in a worker thread via ``asyncio.to_thread`` so that
one slow question never blocks the other chats.
"""

from __future__ import annotations

import asyncio
import logging

from telegram import InlineKeyboardMarkup, Update
from telegram.error import BadRequest, Forbidden, NetworkError
from telegram.ext import ContextTypes

from bot.chat.filters import question_text
from bot.chat.inputs import read_question, visible_text
from bot.chat.small_talk import SmallTalk, small_talk
from bot.render import conversation, replies
from bot.render.examples import example_questions
from bot.render.telegram_text import escape
from bot.runtime.reload import reloader_of
from bot.runtime.services import services_of
from bot.telegram.commands import admin_message
from bot.telegram.sending import answer_question, reply_target, reply_with_plan

logger = logging.getLogger(__name__)

MAX_RELOAD_REPLY = 4000  # a refusal quotes an error message; Telegram takes at most 4096 characters


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Greet the user and say what the bot knows, with example questions."""
    await help_command(update, context)


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Explain what the bot does, with example questions from the indexed articles."""
    searcher = services_of(context).searchers.current
    articles = await asyncio.to_thread(searcher.articles)
    speakers = await asyncio.to_thread(searcher.top_speakers, 3)
    (help_message,) = conversation.plan_help(articles, example_questions(speakers))
    await _reply(update, help_message.html, help_message.keyboard)


async def sources(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List the indexed articles, a page at a time with Prev / Next buttons."""
    searcher = services_of(context).searchers.current
    articles = await asyncio.to_thread(searcher.articles)
    page = conversation.plan_sources(articles, 0)
    await _reply(update, page.html, page.keyboard)


async def about(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Index size, model and build date."""
    message = update.effective_message
    if message is not None:
        await reply_with_plan(
            context.bot, message, conversation.plan_about(services_of(context).searchers.current.manifest)
        )


async def question(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a question (a private message, /ask, a mention or a reply in a group) with sentences."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    services = services_of(context)
    text = question_text(message, context.bot.username)  # without "/ask" or "@botname"
    # Invisible and control characters out; empty, wordless or too long: say so (bot/chat/inputs.py).
    checked = read_question(text, services.settings.max_question_chars)
    if not checked.ok:
        asked_with_command = message.text.lstrip().startswith("/")
        problem = replies.ASK_USAGE_TEXT if asked_with_command and not visible_text(text) else checked.problem
        await _reply(update, escape(problem or replies.EMPTY_TEXT))
        return
    talk = small_talk(checked.question)  # "hello", "thanks", "what can you do?": not a question
    if talk is SmallTalk.THANKS:
        await _reply(update, escape(replies.THANKS_TEXT))
        return
    if talk is not None:
        await help_command(update, context)
        return
    reply_to, thread = reply_target(message)
    await answer_question(context.bot, services, message.chat_id, checked.question, reply_to=reply_to, thread_id=thread)


async def non_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A sticker, photo, voice message, document, ... in a private chat: say the bot reads text."""
    await _reply(update, escape(replies.NON_TEXT_TEXT))


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A command the bot does not have, in a private chat: a short hint instead of silence."""
    await _reply(update, escape(replies.UNKNOWN_COMMAND_TEXT))


async def reload_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/reload (admins only): serve the rebuilt index now, or say why it was refused."""
    message = await admin_message(update, context, "/reload")
    if message is None:
        return
    user = update.effective_user
    outcome = await reloader_of(context.application).reload(f"/reload by admin {user.id if user else '?'}")
    await message.reply_text(outcome.message[:MAX_RELOAD_REPLY], do_quote=False)


async def error_handler(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the error, then tell the user something went wrong instead of going silent.

    The user sees only ERROR_TEXT, never the error itself; the log (token redacted) has it all.
    """
    error = context.error
    update_id = update.update_id if isinstance(update, Update) else None
    if isinstance(error, Forbidden):  # blocked by the user, or removed from the group: nobody to tell
        logger.info("Update %s: Telegram refused to deliver to this chat (%s)", update_id, error)
        return
    if isinstance(error, NetworkError) and not isinstance(error, BadRequest):
        # Telegram stayed unreachable through every retry, or a reply timed out and may well have
        # arrived: an apology would fail too, or follow the answer it apologises for.
        logger.warning(
            "Update %s: no reply delivered, Telegram unreachable (%s: %s)", update_id, type(error).__name__, error
        )
        return
    logger.error("Error while handling update %s", update_id, exc_info=error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    if update.message is None and update.edited_message is None and update.callback_query is None:
        return  # inline queries and the like have no chat message to answer
    try:
        await context.bot.send_message(update.effective_chat.id, replies.ERROR_TEXT)
    except Exception:  # the chat may be unreachable; never let the error handler raise
        logger.warning("Could not tell the user about the error in update %s", update_id, exc_info=True)


async def _reply(update: Update, text: str, keyboard: InlineKeyboardMarkup | None = None) -> None:
    """Send ``text`` (HTML) to the update's chat; in groups, as a reply to the asking message."""
    message = update.effective_message
    if message is None:
        return
    await reply_with_plan(message.get_bot(), message, [conversation.Outgoing(text, keyboard)])
