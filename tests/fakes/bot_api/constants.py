"""The fake Bot API's fixed names, ids, Telegram's limits and the error texts Telegram uses."""

from __future__ import annotations

from typing import Any, Final

JSONDict = dict[str, Any]

DEFAULT_TOKEN: Final = "123456:TEST-token"
BOT_USERNAME: Final = "verbatim_test_bot"
DEFAULT_USER_ID: Final = 424242
DEFAULT_GROUP_ID: Final = -987654321
DEFAULT_SUPERGROUP_ID: Final = -1001234567890
DEFAULT_CHANNEL_ID: Final = -1009876543210

MAX_MESSAGE_LENGTH: Final = 4096  # UTF-16 code units of the text after parsing, as Telegram counts
MAX_CALLBACK_DATA_BYTES: Final = 64
MAX_INLINE_RESULTS: Final = 50

CONFLICT: Final = "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"
NOT_MODIFIED: Final = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)
QUERY_TOO_OLD: Final = "Bad Request: query is too old and response timeout expired or query ID is invalid"

CHAT_ACTIONS: Final = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
UPDATE_TYPES: Final = frozenset(
    {
        "message",
        "edited_message",
        "channel_post",
        "edited_channel_post",
        "business_connection",
        "business_message",
        "edited_business_message",
        "deleted_business_messages",
        "message_reaction",
        "message_reaction_count",
        "inline_query",
        "chosen_inline_result",
        "callback_query",
        "shipping_query",
        "pre_checkout_query",
        "purchased_paid_media",
        "poll",
        "poll_answer",
        "my_chat_member",
        "chat_member",
        "chat_join_request",
        "chat_boost",
        "removed_chat_boost",
    }
)
# What Telegram delivers when a bot never said which updates it wants.
DEFAULT_ALLOWED: Final = UPDATE_TYPES - {"chat_member", "message_reaction", "message_reaction_count"}
