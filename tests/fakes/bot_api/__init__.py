"""A stand-in for Telegram's Bot API HTTP server, for tests that run the real bot.

Telegram cannot be reached from the test machines, so the bot (python-telegram-bot, via its
``base_url`` setting) talks to this server on 127.0.0.1 instead. The server answers the handful
of methods Verbatim uses the way Telegram does (same JSON envelope, same status codes, the same
"Bad Request: ..." descriptions for the mistakes a bot can make), lets a test play users who
write to the bot, records everything the bot asked for, and can inject faults (flood control,
5xx, slow answers, answers that never come, dropped connections) to test resilience.

It is stdlib only and runs in its own threads, so it serves a bot running in the test's own
event loop as well as a bot started as a subprocess.

    with FakeBotAPI() as server:
        # start the bot with token=server.token, base_url=server.base_url
        server.send_text("who said it?")
        reply = server.wait_for_messages(chat_id=DEFAULT_USER_ID)[-1]

Without ``start()`` it serves no HTTP, and ``tests.fakes.in_process`` answers a bot's calls
from it directly. Run ``python -m tests.fakes.bot_api`` to get a server to point ``make run`` at
by hand.

The modules, one job each: ``api`` (FakeBotAPI: state, answering a call, what the bot did),
``server`` (HTTP), ``params`` (decoding requests), ``methods`` (the Bot API methods),
``checks`` (parameter checks and "Bad Request" failures), ``telegram_html`` (the HTML parse
mode), ``world`` (users, chats, messages), ``users`` (playing users), ``user_entities``,
``updates`` (the update queue), ``faults`` and ``constants``.
"""

from tests.fakes.bot_api.api import FakeBotAPI
from tests.fakes.bot_api.checks import ApiFailure
from tests.fakes.bot_api.constants import (
    BOT_USERNAME,
    DEFAULT_CHANNEL_ID,
    DEFAULT_GROUP_ID,
    DEFAULT_SUPERGROUP_ID,
    DEFAULT_TOKEN,
    DEFAULT_USER_ID,
    MAX_CALLBACK_DATA_BYTES,
    MAX_INLINE_RESULTS,
    MAX_MESSAGE_LENGTH,
    JSONDict,
)
from tests.fakes.bot_api.faults import DROP, ApiError, Drop, Fault, Flood, Hang, ServerError, Slow
from tests.fakes.bot_api.params import UploadedFile, decode_fields, decode_params
from tests.fakes.bot_api.server import route
from tests.fakes.bot_api.telegram_html import HtmlParseError, ParsedText, parse_html, utf16_length
from tests.fakes.bot_api.user_entities import user_entities

__all__ = [
    "BOT_USERNAME",
    "DEFAULT_CHANNEL_ID",
    "DEFAULT_GROUP_ID",
    "DEFAULT_SUPERGROUP_ID",
    "DEFAULT_TOKEN",
    "DEFAULT_USER_ID",
    "DROP",
    "MAX_CALLBACK_DATA_BYTES",
    "MAX_INLINE_RESULTS",
    "MAX_MESSAGE_LENGTH",
    "ApiError",
    "ApiFailure",
    "Drop",
    "FakeBotAPI",
    "Fault",
    "Flood",
    "Hang",
    "HtmlParseError",
    "JSONDict",
    "ParsedText",
    "ServerError",
    "Slow",
    "UploadedFile",
    "decode_fields",
    "decode_params",
    "parse_html",
    "route",
    "user_entities",
    "utf16_length",
]
