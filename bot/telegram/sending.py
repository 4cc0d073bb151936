"""Sending replies: a planned list of messages, in the right chat, thread and reply position.

In groups the first message of a reply quotes the message that asked (``reply_parameters``), so
everyone sees which question it answers; in private chats replies simply follow.
"""

from __future__ import annotations

from collections.abc import Sequence

from telegram import Bot, LinkPreviewOptions, Message, ReplyParameters
from telegram.constants import ParseMode

from bot.chat.filters import is_group
from bot.render import keyboards
from bot.render.conversation import Outgoing, plan_answer
from bot.runtime.services import Services
from bot.telegram.typing_indicator import typing_while

NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


async def send_plan(
    bot: Bot, chat_id: int, plan: Sequence[Outgoing], *, reply_to: int | None = None, thread_id: int | None = None
) -> list[Message]:
    """Send each planned message in order; the first replies to ``reply_to`` if it still exists."""
    sent = []
    for number, outgoing in enumerate(plan):
        reply = (
            ReplyParameters(reply_to, allow_sending_without_reply=True)
            if reply_to is not None and number == 0
            else None
        )
        sent.append(
            await bot.send_message(
                chat_id,
                outgoing.html,
                parse_mode=ParseMode.HTML,
                link_preview_options=NO_PREVIEW,
                reply_markup=outgoing.keyboard,
                reply_parameters=reply,
                message_thread_id=thread_id,
            )
        )
    return sent


def reply_target(message: Message) -> tuple[int | None, int | None]:
    """(message to reply to, forum thread) for a reply to ``message``: replies only in groups."""
    thread = message.message_thread_id if message.is_topic_message else None
    return (message.message_id if is_group(message) else None), thread


async def reply_with_plan(bot: Bot, message: Message, plan: Sequence[Outgoing]) -> list[Message]:
    """Send ``plan`` as the reply to ``message`` (quoting it in groups)."""
    reply_to, thread = reply_target(message)
    return await send_plan(bot, message.chat_id, plan, reply_to=reply_to, thread_id=thread)


async def answer_question(
    bot: Bot,
    services: Services,
    chat_id: int,
    question: str,
    *,
    reply_to: int | None = None,
    thread_id: int | None = None,
) -> list[Message]:
    """Answer ``question`` (showing "typing…" if that takes a while) and send the reply with its buttons.

    Raises EmptyQuestionError for a question with no words; the caller words the hint.
    """
    async with typing_while(bot, chat_id, thread_id=thread_id):
        answer = await services.batcher.answer(question)
    # The buttons name the index that computed the answer, never the one live now: a reload in
    # between must make a press say "the articles changed", not show another index's row.
    tag = keyboards.index_tag(answer.index_hash)
    return await send_plan(bot, chat_id, plan_answer(answer, tag), reply_to=reply_to, thread_id=thread_id)
