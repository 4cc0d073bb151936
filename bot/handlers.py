"""Thin async handlers: read the update, call the searcher off the event loop, reply.

CPU work (encoding, FAISS, SQLite) runs in a worker thread via ``asyncio.to_thread`` so that
one slow question never blocks the other chats.
"""

from __future__ import annotations

import asyncio
import logging

from telegram import LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.ext import ContextTypes

from bot import replies
from bot.examples import example_questions
from bot.services import services_of
from index.errors import EmptyQuestionError
from index.search import clean_question

logger = logging.getLogger(__name__)
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Greet the user and say what the bot knows, with example questions."""
    await help_command(update, context)


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Explain what the bot does, with example questions from the indexed articles."""
    searcher = services_of(context).searchers.current
    articles = await asyncio.to_thread(searcher.articles)
    speakers = await asyncio.to_thread(searcher.top_speakers, 3)
    await _reply(update, replies.help_html(articles, example_questions(speakers)))


async def sources(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List the indexed articles."""
    searcher = services_of(context).searchers.current
    articles = await asyncio.to_thread(searcher.articles)
    await _reply(update, replies.sources_html(articles))


async def question(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a text message with the best sentences, or say the articles don't cover it."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    services = services_of(context)
    limit = services.settings.max_question_chars
    if len(message.text) > limit:
        await _reply(update, replies.escape(replies.TOO_LONG_TEXT.format(limit=limit)))
        return
    try:
        clean_question(message.text)
        answer = await services.batcher.answer(message.text)
    except EmptyQuestionError:
        await _reply(update, replies.escape(replies.EMPTY_TEXT))
        return
    await _reply(update, replies.answer_html(answer))


async def error_handler(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the error, then tell the user something went wrong instead of going silent."""
    logger.error("Error while handling an update", exc_info=context.error)
    if isinstance(update, Update) and update.effective_chat is not None:
        try:
            await context.bot.send_message(update.effective_chat.id, replies.ERROR_TEXT)
        except Exception:  # the chat may be unreachable; never let the error handler raise
            logger.warning("Could not tell the user about the error", exc_info=True)


async def _reply(update: Update, text: str) -> None:
    message = update.effective_message
    if message is None:
        return
    await message.reply_text(
        text, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW, do_quote=False
    )
