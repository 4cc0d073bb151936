"""Which messages are questions for the bot, and the question they hold.

In a private chat every text message is a question. In a group or supergroup the bot answers
only when addressed: ``/ask question`` (or ``/ask@botname``, handled by a CommandHandler), a
message that mentions ``@botname``, or a reply to one of the bot's own messages; everything
else in the group is ignored, so the bot can sit in a busy group without answering every line.
"""

from __future__ import annotations

from telegram import Message, MessageEntity
from telegram.constants import ChatType
from telegram.ext import filters

GROUP_CHATS = (ChatType.GROUP, ChatType.SUPERGROUP)


def is_group(message: Message) -> bool:
    return message.chat.type in GROUP_CHATS


def mentions_bot(message: Message, bot_username: str | None) -> bool:
    """True when the message's text has an @mention of ``bot_username`` (case does not matter)."""
    if not bot_username or not message.text:
        return False
    wanted = "@" + bot_username.lower()
    return any(text.lower() == wanted for text in message.parse_entities([MessageEntity.MENTION]).values())


def replies_to_bot(message: Message, bot_id: int) -> bool:
    replied = message.reply_to_message
    return replied is not None and replied.from_user is not None and replied.from_user.id == bot_id


def is_addressed(message: Message, bot_username: str | None, bot_id: int) -> bool:
    """Private: always. Groups: when the message mentions the bot or replies to it."""
    if message.chat.type == ChatType.PRIVATE:
        return True
    if not is_group(message):
        return False  # channels: the bot does not answer posts
    return mentions_bot(message, bot_username) or replies_to_bot(message, bot_id)


class _Addressed(filters.MessageFilter):
    """``filters`` form of ``is_addressed``, for the question MessageHandler."""

    def filter(self, message: Message) -> bool:
        bot = message.get_bot()
        return is_addressed(message, bot.username, bot.id)


ADDRESSED = _Addressed(name="verbatim.ADDRESSED")


def question_text(message: Message, bot_username: str | None) -> str:
    """The question in a message: without a leading ``/ask`` command or @mentions of the bot."""
    text = message.text or ""
    if not text:
        return ""
    units = text.encode("utf-16-le", "surrogatepass")  # entity offsets count UTF-16 code units
    cut: list[tuple[int, int]] = []
    wanted = "@" + bot_username.lower() if bot_username else None
    for entity in message.entities or ():
        begin, end = entity.offset, entity.offset + entity.length
        piece = units[begin * 2 : end * 2].decode("utf-16-le", "surrogatepass")
        if (entity.type == MessageEntity.BOT_COMMAND and entity.offset == 0) or (
            entity.type == MessageEntity.MENTION and wanted is not None and piece.lower() == wanted
        ):
            cut.append((begin, end))
    kept = bytearray()
    position = 0
    for begin, end in sorted(cut):
        kept += units[position * 2 : begin * 2] + b" \x00"
        position = end
    kept += units[position * 2 :]
    # "@bot, what did Peskov say?" leaves a stray comma in front of the question.
    return " ".join(kept.decode("utf-16-le", "surrogatepass").split()).lstrip(",:; ")
