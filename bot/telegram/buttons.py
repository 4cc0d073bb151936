"""The callback-query handler: what happens when someone presses one of the bot's buttons.

Everything a button needs is in its callback data (see ``bot.render.keyboards``), so buttons keep
working after a restart. Sentence buttons carry the tag of the index they were made from; if the
live index has another, the press is answered with a short note instead of a wrong sentence.
"""

from __future__ import annotations

import asyncio
import logging

from telegram import Message, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.chat.inputs import read_question
from bot.render import conversation, keyboards, replies
from bot.render.telegram_text import escape
from bot.runtime.services import services_of
from bot.telegram.sending import NO_PREVIEW, answer_question, send_plan

logger = logging.getLogger(__name__)


async def button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Context, More, Show nearest, an example question, or a page of /sources."""
    query = update.callback_query
    if query is None:
        return
    action = keyboards.decode(query.data)
    message = query.message
    if action is None or message is None:  # not our data, or a button on an inline message
        await query.answer(replies.EXPIRED_TEXT, show_alert=True)
        return
    services = services_of(context)
    chat_id = message.chat.id
    thread_id = message.message_thread_id if isinstance(message, Message) and message.is_topic_message else None

    if isinstance(action, keyboards.SourcesPage):
        await query.answer()
        articles = await asyncio.to_thread(services.searchers.current.articles)
        page = conversation.plan_sources(articles, action.page)
        try:
            await query.edit_message_text(
                page.html, parse_mode=ParseMode.HTML, reply_markup=page.keyboard, link_preview_options=NO_PREVIEW
            )
        except BadRequest as error:
            if "not modified" not in str(error).lower():  # pressed twice: the page is already shown
                raise
        return

    if isinstance(action, keyboards.AskExample):
        await query.answer()
        checked = read_question(action.question, services.settings.max_question_chars)  # data can be forged
        if not checked.ok:
            problem = escape(checked.problem or replies.EMPTY_TEXT)
            await send_plan(context.bot, chat_id, [conversation.Outgoing(problem)], thread_id=thread_id)
            return
        await answer_question(context.bot, services, chat_id, checked.question, thread_id=thread_id)
        return

    # Context, More, Show nearest: rows of the index named by the button's tag, read from one
    # leased searcher, so a reload during the press neither mixes two indexes nor closes this one.
    with services.searchers.lease() as searcher:
        if action.tag != keyboards.index_tag(searcher.manifest.content_hash):
            await query.answer(replies.STALE_TEXT, show_alert=True)
            return
        if isinstance(action, keyboards.ShowMore):
            rows = action.rows[: conversation.MORE_PAGE]
        else:
            rows = (action.row,)
        hits = await asyncio.to_thread(searcher.hits_at, rows)
        if not hits:  # same tag but the row is gone: only a hand-made button gets here
            await query.answer(replies.EXPIRED_TEXT, show_alert=True)
            return
        await query.answer()
        if isinstance(action, keyboards.ShowContext):
            article_text = await asyncio.to_thread(searcher.article_text, hits[0].article_id)
            plan = conversation.plan_context(hits[0], article_text)
        elif isinstance(action, keyboards.ShowNearest):
            plan = conversation.plan_nearest(hits[0], action.tag)
        else:
            plan = conversation.plan_more(action, hits)
    # The follow-up replies to the message whose button was pressed, so it is clear what it belongs to.
    await send_plan(context.bot, chat_id, plan, reply_to=message.message_id, thread_id=thread_id)
