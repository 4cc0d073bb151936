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

Run ``python -m tests.fakes.bot_api`` to get a server to point ``make run`` at by hand.
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import email.parser
import email.policy
import http
import json
import re
import socket
import sys
import threading
import time
from collections.abc import Callable, Mapping
from contextlib import suppress
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Final
from urllib.parse import parse_qsl, urlsplit

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

_CONFLICT = "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"
_NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)
_QUERY_TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid"

_CHAT_ACTIONS: Final = frozenset(
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
_UPDATE_TYPES: Final = frozenset(
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
_DEFAULT_ALLOWED: Final = _UPDATE_TYPES - {"chat_member", "message_reaction", "message_reaction_count"}

# Form values arrive as strings; PTB JSON-encodes every non-string value. These parameters are
# strings by definition, so they are kept as sent even when they look like JSON ("123", "true").
_STRING_PARAMS: Final = frozenset(
    {
        "text",
        "parse_mode",
        "caption",
        "query",
        "callback_query_id",
        "inline_query_id",
        "inline_message_id",
        "next_offset",
        "action",
        "url",
        "language_code",
        "switch_pm_text",
        "switch_pm_parameter",
        "business_connection_id",
        "message_effect_id",
        "emoji",
        "name",
        "title",
        "description",
        "short_description",
        "secret_token",
        "ip_address",
    }
)


# ---------------------------------------------------------------------------------------------
# Faults


@dataclass(frozen=True)
class Flood:
    """Flood control: HTTP 429 with ``retry_after`` (PTB raises ``telegram.error.RetryAfter``)."""

    retry_after: int = 1


@dataclass(frozen=True)
class ServerError:
    """A 5xx answer with a JSON error body (PTB raises ``telegram.error.NetworkError``)."""

    status: int = 502


@dataclass(frozen=True)
class Slow:
    """Wait ``seconds`` (or until the server stops), then answer normally, side effects included."""

    seconds: float = 1.0


@dataclass(frozen=True)
class Drop:
    """Read the request, then close the connection without any answer."""


@dataclass(frozen=True)
class Hang:
    """Never answer: hold the request until the server stops, then close the connection, with no
    side effect. A bot killed meanwhile was still waiting for Telegram (an answer in the works)."""


@dataclass(frozen=True)
class ApiError:
    """Any other Telegram error, e.g. ``ApiError(403, "Forbidden: bot was blocked by the user")``."""

    error_code: int
    description: str


Fault = Flood | ServerError | Slow | Drop | Hang | ApiError


@dataclass(frozen=True)
class UploadedFile:
    """A file part of a multipart request."""

    filename: str
    content_type: str
    data: bytes


# ---------------------------------------------------------------------------------------------
# Telegram's HTML parse mode


class HtmlParseError(ValueError):
    """The text is not valid Telegram HTML; the message is what Telegram would say."""


@dataclass(frozen=True)
class ParsedText:
    """Plain text with its formatting entities (offsets in UTF-16 code units)."""

    text: str
    entities: tuple[JSONDict, ...]


_HTML_TAGS: Final = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "span": "spoiler",
    "tg-spoiler": "spoiler",
    "a": "text_link",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
}
_TAG_SPACE: Final = " \t\r\n\v\f"
_NAMED_ENTITIES: Final = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_STRICT_ENTITY = re.compile(r"&(?:(lt|gt|amp|quot)|#([0-9]{1,8})|#[xX]([0-9a-fA-F]{1,8}));")
# Telegram itself is lenient: the ';' is optional and an unknown '&name' stays literal text.
_LENIENT_ENTITY = re.compile(r"&(?:([a-zA-Z][a-zA-Z0-9]*)|#([0-9]{1,8})|#[xX]([0-9a-fA-F]{1,8}));?")
_UNQUOTED_VALUE = re.compile(r"[A-Za-z0-9.\-]*")
_SURROGATES_MESSAGE = (
    "Text contains invalid Unicode characters after decoding HTML entities, check for unmatched surrogate code units"
)


def utf16_length(text: str) -> int:
    """Length of ``text`` as Telegram counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _byte_offset(source: str, index: int) -> int:
    return len(source[:index].encode("utf-8", "surrogatepass"))


def _decode_entity(source: str, i: int, strict: bool) -> tuple[str, int] | None:
    """The character an HTML entity at ``source[i] == '&'`` stands for, and where it ends."""
    match = (_STRICT_ENTITY if strict else _LENIENT_ENTITY).match(source, i)
    if match is None:
        return None
    name, decimal, hexadecimal = match.groups()
    if name is not None:
        char = _NAMED_ENTITIES.get(name)
        return None if char is None else (char, match.end())
    code = int(decimal) if decimal is not None else int(hexadecimal, 16)
    if 0xD800 <= code <= 0xDFFF:
        raise HtmlParseError(_SURROGATES_MESSAGE)
    if code == 0 or code > 0x10FFFF:
        return None
    return chr(code), match.end()


def _decode_attribute(raw: str, strict: bool) -> str:
    out: list[str] = []
    i = 0
    while i < len(raw):
        if raw[i] == "&":
            decoded = _decode_entity(raw, i, strict)
            if decoded is not None:
                out.append(decoded[0])
                i = decoded[1]
                continue
        out.append(raw[i])
        i += 1
    return "".join(out)


@dataclass
class _OpenTag:
    name: str
    attributes: dict[str, str]
    offset: int  # UTF-16 offset in the output where the tag's text starts
    language: str | None = None


def parse_html(source: str, *, strict_entities: bool = True) -> ParsedText:
    """Parse Telegram-flavoured HTML into plain text and entities, or raise HtmlParseError.

    Follows Telegram's parser (tdlib's parse_html): its tag set and its error messages, with
    byte offsets into the UTF-8 text. With ``strict_entities`` (the default) a bare ``&`` that
    does not start ``&lt; &gt; &amp; &quot;`` or a numeric entity is an error; Telegram itself
    keeps it as text, but a bot that forgets to escape ``&`` usually forgets ``<`` too.
    """
    out: list[str] = []
    out_len = 0  # UTF-16 units written so far
    stack: list[_OpenTag] = []
    entities: list[JSONDict] = []
    n = len(source)
    i = 0
    while i < n:
        char = source[i]
        if char == "&":
            decoded = _decode_entity(source, i, strict_entities)
            if decoded is None and strict_entities:
                raise HtmlParseError(
                    f"Character '&' at byte offset {_byte_offset(source, i)} does not start an HTML "
                    "entity; escape it as &amp;"
                )
            if decoded is not None:
                out.append(decoded[0])
                out_len += utf16_length(decoded[0])
                i = decoded[1]
                continue
        if char != "<":
            out.append(char)
            out_len += utf16_length(char)
            i += 1
            continue
        begin = i
        if i + 1 < n and source[i + 1] == "/":
            i = _close_tag(source, begin, stack, entities, out_len)
        else:
            i = _open_tag(source, begin, stack, out_len, strict_entities)
    if stack:
        raise HtmlParseError(f'Can\'t find end tag corresponding to start tag "{stack[-1].name}"')
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return ParsedText("".join(out), tuple(entities))


def _skip_space(source: str, i: int) -> int:
    while i < len(source) and source[i] in _TAG_SPACE:
        i += 1
    return i


def _open_tag(source: str, begin: int, stack: list[_OpenTag], out_len: int, strict: bool) -> int:
    n = len(source)
    at = _byte_offset(source, begin)
    i = begin + 1
    while i < n and source[i] not in _TAG_SPACE and source[i] != ">":
        i += 1
    if i >= n:
        raise HtmlParseError(f"Unclosed start tag at byte offset {at}")
    name = source[begin + 1 : i].lower()
    if name not in _HTML_TAGS:
        raise HtmlParseError(f'Unsupported start tag "{name}" at byte offset {at}')
    attributes: dict[str, str] = {}
    while True:
        i = _skip_space(source, i)
        if i >= n:
            raise HtmlParseError(f'Unclosed start tag "{name}" at byte offset {at}')
        if source[i] == ">":
            i += 1
            break
        attr_begin = i
        while i < n and source[i] not in _TAG_SPACE and source[i] not in "=>":
            i += 1
        attribute = source[attr_begin:i].lower()
        if not attribute:
            raise HtmlParseError(f'Empty attribute name in the tag "{name}" at byte offset {at}')
        i = _skip_space(source, i)
        if i >= n:
            raise HtmlParseError(f'Unclosed start tag "{name}" at byte offset {at}')
        if source[i] != "=":
            if name == "blockquote" and attribute == "expandable":  # the one valueless attribute
                attributes[attribute] = ""
                continue
            raise HtmlParseError(
                f'Expected equal sign in declaration of an attribute of the tag "{name}" at byte offset {at}'
            )
        i = _skip_space(source, i + 1)
        if i >= n:
            raise HtmlParseError(f'Unclosed start tag "{name}" at byte offset {at}')
        if source[i] in "\"'":
            end = source.find(source[i], i + 1)
            if end < 0:
                raise HtmlParseError(f"Unclosed start tag at byte offset {at}")
            attributes[attribute] = _decode_attribute(source[i + 1 : end], strict)
            i = end + 1
            if i >= n:
                raise HtmlParseError(f"Unclosed start tag at byte offset {at}")
        else:
            match = _UNQUOTED_VALUE.match(source, i)
            assert match is not None  # the pattern matches the empty string
            if match.end() >= n or source[match.end()] not in _TAG_SPACE + ">":
                raise HtmlParseError(f"Unexpected end of name token at byte offset {_byte_offset(source, i)}")
            attributes[attribute] = match.group()
            i = match.end()
    if name == "span" and attributes.get("class") != "tg-spoiler":
        raise HtmlParseError(f'Tag "span" must have class "tg-spoiler" at byte offset {at}')
    if name == "tg-emoji" and not attributes.get("emoji-id", "").isdigit():
        raise HtmlParseError("Invalid custom emoji identifier specified")
    stack.append(_OpenTag(name, attributes, out_len))
    return i


def _close_tag(source: str, begin: int, stack: list[_OpenTag], entities: list[JSONDict], out_len: int) -> int:
    n = len(source)
    at = _byte_offset(source, begin)
    if not stack:
        raise HtmlParseError(f"Unexpected end tag at byte offset {at}")
    i = begin + 2
    while i < n and source[i] not in _TAG_SPACE and source[i] != ">":
        i += 1
    name = source[begin + 2 : i].lower()
    i = _skip_space(source, i)
    if i >= n or source[i] != ">":
        raise HtmlParseError(f"Unclosed end tag at byte offset {at}")
    tag = stack[-1]
    if name and name != tag.name:
        raise HtmlParseError(f'Unmatched end tag at byte offset {at}, expected "</{tag.name}>", found "</{name}>"')
    stack.pop()
    length = out_len - tag.offset
    if length > 0:
        entity = _entity_for(tag, length, stack)
        if entity is not None:
            entities.append(entity)
    return i + 1


def _entity_for(tag: _OpenTag, length: int, outer: list[_OpenTag]) -> JSONDict | None:
    entity: JSONDict = {"type": _HTML_TAGS[tag.name], "offset": tag.offset, "length": length}
    if tag.name == "a":
        href = tag.attributes.get("href")
        if not href:
            return None
        entity["url"] = href
    elif tag.name == "tg-emoji":
        entity["custom_emoji_id"] = tag.attributes["emoji-id"]
    elif tag.name == "blockquote" and "expandable" in tag.attributes:
        entity["type"] = "expandable_blockquote"
    elif tag.name == "code":
        language = tag.attributes.get("class", "")
        if language.startswith("language-") and len(language) > len("language-"):
            # <pre><code class="language-x"> is one pre entity with a language.
            if outer and outer[-1].name == "pre" and outer[-1].offset == tag.offset:
                outer[-1].language = language[len("language-") :]
                return None
    elif tag.name == "pre" and tag.language:
        entity["language"] = tag.language
    return entity


def _trim(text: str, entities: tuple[JSONDict, ...]) -> tuple[str, list[JSONDict]]:
    """Strip surrounding whitespace as Telegram does, moving entities along."""
    stripped = text.strip()
    lead = utf16_length(text[: len(text) - len(text.lstrip())])
    total = utf16_length(stripped)
    kept: list[JSONDict] = []
    for entity in entities:
        start = max(entity["offset"] - lead, 0)
        end = min(entity["offset"] + entity["length"] - lead, total)
        if end > start:
            kept.append({**entity, "offset": start, "length": end - start})
    return stripped, kept


# ---------------------------------------------------------------------------------------------
# Entities of what users type

_COMMAND = re.compile(r"(?<![\w/@])/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![\w/@])")
_MENTION = re.compile(r"(?<![\w@/])@[A-Za-z][A-Za-z0-9_]{3,31}(?!\w)")
_URL = re.compile(r"(?<!\S)https?://[^\s<>\"]+")


def user_entities(text: str) -> list[JSONDict]:
    """The entities Telegram's clients attach to typed text: commands, @mentions and links."""
    found: list[JSONDict] = []
    taken: list[range] = []
    for kind, pattern in (("bot_command", _COMMAND), ("url", _URL), ("mention", _MENTION)):
        for match in pattern.finditer(text):
            if any(match.start() in span for span in taken):
                continue
            taken.append(range(match.start(), match.end()))
            found.append(
                {"type": kind, "offset": utf16_length(text[: match.start()]), "length": utf16_length(match.group())}
            )
    found.sort(key=lambda e: e["offset"])
    return found


# ---------------------------------------------------------------------------------------------
# Request decoding


def _coerce(key: str, value: str) -> Any:
    if key in _STRING_PARAMS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


def decode_params(content_type: str, body: bytes, query: str = "") -> JSONDict:
    """Turn a Bot API request (query string plus form, multipart or JSON body) into values."""
    params: JSONDict = {key: _coerce(key, value) for key, value in parse_qsl(query, keep_blank_values=True)}
    media_type = content_type.split(";", 1)[0].strip().lower()
    if not body:
        return params
    if media_type == "application/json":
        decoded = json.loads(body.decode("utf-8"))
        if not isinstance(decoded, dict):
            raise ValueError("the JSON body is not an object")
        for key, value in decoded.items():
            params[key] = _coerce(key, value) if isinstance(value, str) else value
    elif media_type == "multipart/form-data":
        head = f"Content-Type: {content_type}\r\n\r\n".encode("latin-1")
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
        for part in message.iter_parts():  # type: ignore[attr-defined]
            name = part.get_param("name", header="content-disposition")
            data = part.get_payload(decode=True) or b""
            filename = part.get_filename()
            if filename is not None:
                params[name] = UploadedFile(filename, part.get_content_type(), data)
            else:
                params[name] = _coerce(name, data.decode("utf-8"))
    else:  # application/x-www-form-urlencoded, or a client that did not say
        for key, value in parse_qsl(body.decode("utf-8"), keep_blank_values=True):
            params[key] = _coerce(key, value)
    return params


# ---------------------------------------------------------------------------------------------
# The server


class _ApiFailure(Exception):
    """Raised by a method to answer with a Telegram error."""

    def __init__(self, error_code: int, description: str, parameters: JSONDict | None = None) -> None:
        super().__init__(description)
        self.error_code = error_code
        self.description = description
        self.parameters = parameters


def _bad_request(description: str) -> _ApiFailure:
    return _ApiFailure(400, f"Bad Request: {description}")


_DROP: Final = object()  # the answer "close the socket"


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, api: FakeBotAPI) -> None:
        self.api = api
        super().__init__(("127.0.0.1", 0), _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Clients that hang up (timeouts, Drop, stop()) are routine here, not worth a traceback.
        error = sys.exc_info()[1]
        if not isinstance(error, OSError):
            self.api._note_internal_error(repr(error))


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as Telegram and httpx use
    server: _Server

    def setup(self) -> None:
        super().setup()
        self.server.api._connection_opened(self.connection)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.api._connection_closed(self.connection)

    def do_POST(self) -> None:
        self.server.api._serve(self)

    do_GET = do_POST

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def read_body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";", 1)[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def answer(self, status: int, payload: JSONDict) -> None:
        try:
            body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            # A lone surrogate (a user's text can carry one, escaped): JSON's \udXXX escape is
            # the only way to send it, as Telegram would. Unescaped, the answer never left and
            # the server dropped the connection, leaving getUpdates failing for ever.
            body = json.dumps(payload).encode("ascii")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class FakeBotAPI:
    """A Telegram Bot API server on 127.0.0.1 for one bot token. Thread-safe throughout.

    ``requests`` lists every call (faulted ones included) as ``(method, params)`` in the order
    they were answered; a getUpdates long poll is recorded when it returns.
    """

    def __init__(
        self, token: str = DEFAULT_TOKEN, *, bot_username: str = BOT_USERNAME, strict_html_entities: bool = True
    ) -> None:
        if ":" not in token:
            raise ValueError(f"{token!r} does not look like a bot token (digits:letters)")
        self._token = token
        self._strict_html = strict_html_entities
        self._bot_user: JSONDict = {
            "id": int(token.split(":", 1)[0]) if token.split(":", 1)[0].isdigit() else 123456,
            "is_bot": True,
            "first_name": "Verbatim Test",
            "username": bot_username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }
        self._cond = threading.Condition(threading.RLock())
        self._stop_event = threading.Event()
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None
        self._stopped = False
        self._connections: set[socket.socket] = set()
        # Everything below is guarded by self._cond.
        self._requests: list[tuple[str, JSONDict]] = []
        self._sent: list[JSONDict] = []
        self._unknown: list[str] = []
        self._faults_served: list[tuple[str, Fault]] = []
        self._internal_errors: list[str] = []
        self._faults: list[list[Any]] = []  # [method, fault, times left, when]
        self._outage: Fault | None = None
        self._confirm_hooks: list[Callable[[list[int]], None]] = []
        self._pending: list[JSONDict] = []
        self._history: list[JSONDict] = []
        self._next_update_id = 100_000_001
        self._allowed_updates: frozenset[str] = _DEFAULT_ALLOWED
        self._poll_generation = 0
        self._users: dict[int, JSONDict] = {}
        self._chats: dict[int, JSONDict] = {}
        self._last_message_id: dict[int, int] = {}
        self._messages: dict[tuple[int, int], JSONDict] = {}
        self._open_queries: set[str] = set()
        self._commands: dict[str, list[JSONDict]] = {}
        self._methods: dict[str, Callable[[JSONDict], Any]] = {
            "getMe": lambda params: dict(self._bot_user),
            "logOut": lambda params: True,
            "close": lambda params: True,
            "deleteWebhook": self._delete_webhook,
            "getWebhookInfo": self._get_webhook_info,
            "getUpdates": self._get_updates,
            "sendMessage": self._send_message,
            "editMessageText": self._edit_message_text,
            "editMessageReplyMarkup": self._edit_message_reply_markup,
            "answerCallbackQuery": self._answer_callback_query,
            "answerInlineQuery": self._answer_inline_query,
            "sendChatAction": self._send_chat_action,
            "setMyCommands": self._set_my_commands,
            "getMyCommands": self._get_my_commands,
            "deleteMyCommands": self._delete_my_commands,
        }
        self._by_lower_name = {name.lower(): name for name in self._methods}

    # -- lifecycle -----------------------------------------------------------------------------

    def start(self) -> FakeBotAPI:
        """Bind a free port on 127.0.0.1 and serve in a daemon thread."""
        if self._httpd is not None:
            raise RuntimeError("this FakeBotAPI was already started; make a new one")
        self._httpd = _Server(self)
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, name="FakeBotAPI", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving: pending long polls and slow answers end at once. Idempotent."""
        with self._cond:
            if self._httpd is None or self._stopped:
                return
            self._stopped = True
            self._stop_event.set()
            self._cond.notify_all()
        self._httpd.shutdown()
        self._httpd.server_close()
        with self._cond:
            connections = list(self._connections)
        for connection in connections:  # wake handlers idling on keep-alive connections
            with suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
        with self._cond:
            self._cond.wait_for(lambda: not self._connections, timeout=2.0)
        assert self._thread is not None
        self._thread.join(timeout=2.0)

    def __enter__(self) -> FakeBotAPI:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    @property
    def token(self) -> str:
        return self._token

    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("the server is not started")
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        """What to give python-telegram-bot as ``base_url``; it appends the token and method."""
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def bot_user(self) -> JSONDict:
        """What getMe answers."""
        return dict(self._bot_user)

    def _bot_sender(self) -> JSONDict:
        # A message's "from" carries only the plain User fields, not getMe's extras.
        return {key: self._bot_user[key] for key in ("id", "is_bot", "first_name", "username")}

    # -- what the bot did ----------------------------------------------------------------------

    @property
    def requests(self) -> list[tuple[str, JSONDict]]:
        with self._cond:
            return copy.deepcopy(self._requests)

    @property
    def sent_messages(self) -> list[JSONDict]:
        """Each successful sendMessage: its params plus ``message_id`` and the ``message`` returned."""
        with self._cond:
            return copy.deepcopy(self._sent)

    @property
    def unknown_methods(self) -> list[str]:
        with self._cond:
            return list(self._unknown)

    @property
    def faults_served(self) -> list[tuple[str, Fault]]:
        with self._cond:
            return list(self._faults_served)

    @property
    def internal_errors(self) -> list[str]:
        """Bugs in this fake (answered with HTTP 500); a test may assert this stays empty."""
        with self._cond:
            return list(self._internal_errors)

    @property
    def updates(self) -> list[JSONDict]:
        """Every update ever queued, confirmed or not, oldest first."""
        with self._cond:
            return copy.deepcopy(self._history)

    @property
    def next_update_id(self) -> int:
        """The update_id the next queued update will get (ids go up by one per update)."""
        with self._cond:
            return self._next_update_id

    @property
    def pending_updates(self) -> list[JSONDict]:
        """Updates queued but not yet confirmed by a getUpdates offset."""
        with self._cond:
            return copy.deepcopy(self._pending)

    def calls(self, method: str) -> list[JSONDict]:
        """The params of every call of ``method`` so far."""
        with self._cond:
            return [copy.deepcopy(params) for name, params in self._requests if name == method]

    def get_message(self, chat_id: int, message_id: int) -> JSONDict | None:
        """A message as it is now (after edits), whoever sent it."""
        with self._cond:
            message = self._messages.get((int(chat_id), int(message_id)))
            return copy.deepcopy(message) if message is not None else None

    def commands(self, scope: JSONDict | None = None, language_code: str = "") -> list[JSONDict]:
        """The bot's command list for a scope, as setMyCommands left it."""
        with self._cond:
            return copy.deepcopy(self._commands.get(_commands_key(scope, language_code), []))

    def wait_for_messages(self, chat_id: int | None = None, count: int = 1, timeout: float = 10) -> list[JSONDict]:
        """Block until ``count`` messages were sent (to ``chat_id``, or anywhere); return them all.

        Returns every matching sent message so far (at least ``count``). Raises AssertionError
        listing what was sent if that does not happen within ``timeout`` seconds.
        """

        def matching() -> list[JSONDict]:
            return [m for m in self._sent if chat_id is None or m["chat_id"] == chat_id]

        with self._cond:
            if self._cond.wait_for(lambda: len(matching()) >= count or self._stopped, timeout):
                if len(matching()) >= count:
                    return copy.deepcopy(matching())
            where = "in total" if chat_id is None else f"to chat {chat_id}"
            sent = [(m["chat_id"], m.get("text")) for m in self._sent]
            raise AssertionError(
                f"expected {count} message(s) sent {where} within {timeout}s, "
                f"got {len(matching())}; all sent (chat_id, text): {sent}"
            )

    def wait_for_request(self, method: str, count: int = 1, timeout: float = 10) -> list[JSONDict]:
        """Block until ``method`` was called ``count`` times; return the params of every call."""
        with self._cond:

            def calls() -> list[JSONDict]:
                return [params for name, params in self._requests if name == method]

            if self._cond.wait_for(lambda: len(calls()) >= count or self._stopped, timeout):
                if len(calls()) >= count:
                    return copy.deepcopy(calls())
            seen = [name for name, _ in self._requests]
            raise AssertionError(
                f"expected {count} call(s) of {method} within {timeout}s, got {len(calls())}; calls so far: {seen}"
            )

    async def wait_for_messages_async(
        self, chat_id: int | None = None, count: int = 1, timeout: float = 10
    ) -> list[JSONDict]:
        """wait_for_messages for a test whose bot runs in the same event loop (does not block it)."""
        return await asyncio.to_thread(self.wait_for_messages, chat_id, count, timeout)

    async def wait_for_request_async(self, method: str, count: int = 1, timeout: float = 10) -> list[JSONDict]:
        """wait_for_request without blocking the event loop."""
        return await asyncio.to_thread(self.wait_for_request, method, count, timeout)

    # -- faults --------------------------------------------------------------------------------

    def inject(
        self, method: str, fault: Fault, times: int = 1, *, when: Callable[[JSONDict], bool] | None = None
    ) -> None:
        """Answer the next ``times`` calls of ``method`` (``"*"``: any method) with ``fault``.

        Injections are used up in the order they were made. A faulted call has no side effect,
        except under Slow, which answers normally after its delay. With ``when``, only calls
        whose decoded params satisfy it take this fault (e.g. a getUpdates whose ``offset``
        would confirm a given update); other calls pass it by.
        """
        if times < 1:
            raise ValueError("times must be at least 1")
        with self._cond:
            self._faults.append([method.lower(), fault, times, when])

    def on_confirm(self, callback: Callable[[list[int]], None]) -> None:
        """Call ``callback(update_ids)`` whenever a getUpdates call confirms updates, at the very
        moment Telegram forgets them (in the server's thread, before that call answers)."""
        with self._cond:
            self._confirm_hooks.append(callback)

    def outage(self, fault: Fault) -> None:
        """Answer every request with ``fault`` until end_outage()."""
        with self._cond:
            self._outage = fault

    def end_outage(self) -> None:
        with self._cond:
            self._outage = None

    def clear_faults(self) -> None:
        """Forget injected faults not yet served, and end any outage."""
        with self._cond:
            self._faults.clear()
            self._outage = None

    def _take_fault(self, method: str, params: JSONDict) -> Fault | None:
        with self._cond:
            if self._outage is not None:
                fault = self._outage
            else:
                for entry in self._faults:
                    if entry[0] in ("*", method.lower()) and (entry[3] is None or entry[3](params)):
                        fault = entry[1]
                        entry[2] -= 1
                        if entry[2] == 0:
                            self._faults.remove(entry)
                        break
                else:
                    return None
            self._faults_served.append((method, fault))
            return fault

    # -- playing users -------------------------------------------------------------------------

    def add_user(
        self, user_id: int, first_name: str, username: str | None = None, language_code: str = "en"
    ) -> JSONDict:
        """Give a user a name; users not added get one made up from their id."""
        user: JSONDict = {"id": user_id, "is_bot": False, "first_name": first_name, "language_code": language_code}
        if username:
            user["username"] = username
        with self._cond:
            self._users[user_id] = user
            if user_id in self._chats:
                self._chats[user_id] = self._private_chat(user)
        return dict(user)

    def add_chat(self, chat_id: int, chat_type: str, title: str | None = None, username: str | None = None) -> JSONDict:
        """Name a group, supergroup or channel; chats not added get a made-up title."""
        if chat_type not in ("group", "supergroup", "channel") or chat_id >= 0:
            raise ValueError("add_chat is for groups, supergroups and channels, whose ids are negative")
        chat: JSONDict = {"id": chat_id, "type": chat_type, "title": title or f"Test {chat_type} {chat_id}"}
        if username:
            chat["username"] = username
        if chat_type == "supergroup":
            chat["is_forum"] = False
        with self._cond:
            self._chats[chat_id] = chat
        return dict(chat)

    def send_text(
        self,
        text: str,
        chat_id: int | None = None,
        user_id: int | None = None,
        chat_type: str = "private",
        reply_to_message: JSONDict | None = None,
        entities: list[JSONDict] | None = None,
    ) -> int:
        """A user writes ``text`` to the bot; returns the update_id.

        In a private chat the chat id is the user's id (give either). Commands, @mentions and
        links get entities like Telegram's clients add, unless ``entities`` is given.
        """
        content = {"text": text, "entities": user_entities(text) if entities is None else entities}
        return self._user_message("message", chat_id, user_id, chat_type, content, reply_to_message)

    def send_sticker(
        self, chat_id: int | None = None, user_id: int | None = None, chat_type: str = "private", emoji: str = "👍"
    ) -> int:
        """The user sends a sticker: a message without text."""
        sticker = {
            "file_id": "CAACAgIAAxkBAAFAKEsticker",
            "file_unique_id": "AgADfakesticker",
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
            "set_name": "FakeStickers",
            "file_size": 20480,
        }
        return self._user_message("message", chat_id, user_id, chat_type, {"sticker": sticker}, None)

    def send_photo(
        self,
        caption: str | None = None,
        chat_id: int | None = None,
        user_id: int | None = None,
        chat_type: str = "private",
    ) -> int:
        """The user sends a photo, with an optional caption (which is not ``text``)."""
        sizes = [
            {
                "file_id": f"AgACAgIAAxkBAAFAKEphoto{w}",
                "file_unique_id": f"AQADfakephoto{w}",
                "width": w,
                "height": w * 3 // 4,
                "file_size": w * 40,
            }
            for w in (90, 320, 800)
        ]
        content: JSONDict = {"photo": sizes}
        if caption is not None:
            content["caption"] = caption
            content["caption_entities"] = user_entities(caption)
        return self._user_message("message", chat_id, user_id, chat_type, content, None)

    def send_edited_text(
        self,
        text: str,
        message_id: int | None = None,
        chat_id: int | None = None,
        user_id: int | None = None,
        chat_type: str = "private",
    ) -> int:
        """The user edits one of their messages (by default their latest in that chat)."""
        with self._cond:
            user, chat = self._participants(chat_id, user_id, chat_type)
            own = [
                m
                for (cid, _), m in self._messages.items()
                if cid == chat["id"]
                and m.get("from", {}).get("id") == user["id"]
                and (message_id is None or m["message_id"] == message_id)
            ]
            if not own:
                raise ValueError(f"user {user['id']} has no message {message_id or ''} in chat {chat['id']} to edit")
            message = copy.deepcopy(max(own, key=lambda m: m["message_id"]))
            message.update(text=text, entities=user_entities(text), edit_date=int(time.time()))
            if not message["entities"]:
                del message["entities"]
            self._messages[(chat["id"], message["message_id"])] = message
            return self._enqueue({"edited_message": copy.deepcopy(message)})

    def send_channel_post(self, text: str, chat_id: int = DEFAULT_CHANNEL_ID) -> int:
        """A post in a channel the bot administers (no sender user, a sender_chat)."""
        with self._cond:
            chat = self._chat(chat_id, "channel")
            message = self._new_message(
                chat, {"sender_chat": dict(chat), "text": text, "entities": user_entities(text)}
            )
            return self._enqueue({"channel_post": copy.deepcopy(message)})

    def send_callback_query(self, data: str, message: JSONDict, user_id: int | None = None) -> int:
        """The user presses an inline button with ``data`` under ``message``.

        ``message`` is a message the bot sent: an entry of ``sent_messages`` or a Message dict.
        The query's id is ``"cbq-<update_id>"``.
        """
        with self._cond:
            current = self._resolve_message(message)
            chat = current["chat"]
            user = self._user(
                user_id if user_id is not None else (chat["id"] if chat["type"] == "private" else DEFAULT_USER_ID)
            )
            update_id = self._next_update_id
            query_id = f"cbq-{update_id}"
            self._open_queries.add(query_id)
            query = {
                "id": query_id,
                "from": user,
                "message": copy.deepcopy(current),
                "chat_instance": str(abs(chat["id"]) * 7919),
                "data": data,
            }
            return self._enqueue({"callback_query": query})

    def send_inline_query(self, query: str, user_id: int = DEFAULT_USER_ID, offset: str = "") -> int:
        """The user types ``@bot query`` in some chat; the query's id is ``"iq-<update_id>"``."""
        with self._cond:
            query_id = f"iq-{self._next_update_id}"
            self._open_queries.add(query_id)
            inline = {
                "id": query_id,
                "from": self._user(user_id),
                "query": query,
                "offset": offset,
                "chat_type": "sender",
            }
            return self._enqueue({"inline_query": inline})

    def send_update(self, raw: JSONDict) -> int:
        """Queue any update; its update_id is assigned here. Messages in it become known."""
        with self._cond:
            update = {key: copy.deepcopy(value) for key, value in raw.items() if key != "update_id"}
            for kind, value in update.items():
                if kind in ("callback_query", "inline_query") and isinstance(value, dict) and "id" in value:
                    self._open_queries.add(str(value["id"]))
                if isinstance(value, dict) and "message_id" in value and isinstance(value.get("chat"), dict):
                    chat_id = value["chat"]["id"]
                    self._messages[(chat_id, value["message_id"])] = copy.deepcopy(value)
                    self._last_message_id[chat_id] = max(self._last_message_id.get(chat_id, 0), value["message_id"])
            return self._enqueue(update)

    # -- state helpers (call with self._cond held) -----------------------------------------------

    def _user(self, user_id: int) -> JSONDict:
        if user_id not in self._users:
            if user_id == DEFAULT_USER_ID:
                self._users[user_id] = {
                    "id": user_id,
                    "is_bot": False,
                    "first_name": "Ada",
                    "last_name": "Lovelace",
                    "username": "ada_tester",
                    "language_code": "en",
                }
            else:
                self._users[user_id] = {
                    "id": user_id,
                    "is_bot": False,
                    "first_name": f"User{user_id}",
                    "username": f"user{user_id}",
                    "language_code": "en",
                }
        return dict(self._users[user_id])

    @staticmethod
    def _private_chat(user: JSONDict) -> JSONDict:
        chat = {"id": user["id"], "type": "private", "first_name": user["first_name"]}
        for key in ("last_name", "username"):
            if key in user:
                chat[key] = user[key]
        return chat

    def _chat(self, chat_id: int, chat_type: str) -> JSONDict:
        if chat_id not in self._chats:
            if chat_type == "private":
                self._chats[chat_id] = self._private_chat(self._user(chat_id))
            else:
                self.add_chat(chat_id, chat_type)
        chat = self._chats[chat_id]
        if chat["type"] != chat_type:
            raise ValueError(f"chat {chat_id} is a {chat['type']}, not a {chat_type}")
        return dict(chat)

    def _participants(self, chat_id: int | None, user_id: int | None, chat_type: str) -> tuple[JSONDict, JSONDict]:
        if chat_type == "private":
            if chat_id is not None and user_id is not None and chat_id != user_id:
                raise ValueError("in a private chat the chat id is the user's id")
            uid = user_id if user_id is not None else (chat_id if chat_id is not None else DEFAULT_USER_ID)
            if uid <= 0:
                raise ValueError("user ids are positive")
            return self._user(uid), self._chat(uid, "private")
        if chat_type not in ("group", "supergroup"):
            raise ValueError(f"users write in private, group or supergroup chats, not {chat_type!r}")
        cid = chat_id if chat_id is not None else (DEFAULT_GROUP_ID if chat_type == "group" else DEFAULT_SUPERGROUP_ID)
        if cid >= 0:
            raise ValueError("group and supergroup ids are negative")
        return self._user(user_id if user_id is not None else DEFAULT_USER_ID), self._chat(cid, chat_type)

    def _new_message(self, chat: JSONDict, content: JSONDict) -> JSONDict:
        chat_id = chat["id"]
        message_id = self._last_message_id.get(chat_id, 0) + 1
        self._last_message_id[chat_id] = message_id
        message: JSONDict = {"message_id": message_id, "date": int(time.time()), "chat": dict(chat)}
        message.update({key: value for key, value in content.items() if value not in (None, [])})
        self._messages[(chat_id, message_id)] = message
        return copy.deepcopy(message)

    def _user_message(
        self,
        kind: str,
        chat_id: int | None,
        user_id: int | None,
        chat_type: str,
        content: JSONDict,
        reply_to: JSONDict | None,
    ) -> int:
        with self._cond:
            user, chat = self._participants(chat_id, user_id, chat_type)
            fields: JSONDict = {"from": user, **content}
            if reply_to is not None:
                fields["reply_to_message"] = self._reply_copy(self._resolve_message(reply_to))
            message = self._new_message(chat, fields)
            return self._enqueue({kind: message})

    def _resolve_message(self, message: Mapping[str, Any]) -> JSONDict:
        chat_id = message["chat"]["id"] if "chat" in message else message["chat_id"]
        stored = self._messages.get((int(chat_id), int(message["message_id"])))
        if stored is None:
            raise ValueError(f"no message {message['message_id']} in chat {chat_id} is known to the fake server")
        return copy.deepcopy(stored)

    @staticmethod
    def _reply_copy(message: JSONDict) -> JSONDict:
        return {key: value for key, value in message.items() if key != "reply_to_message"}

    def _enqueue(self, update: JSONDict) -> int:
        update_id = self._next_update_id
        self._next_update_id += 1
        full = {"update_id": update_id, **update}
        self._pending.append(full)
        self._history.append(copy.deepcopy(full))
        self._cond.notify_all()
        return update_id

    def _note_internal_error(self, error: str) -> None:
        with self._cond:
            self._internal_errors.append(error)

    def _connection_opened(self, connection: socket.socket) -> None:
        with self._cond:
            self._connections.add(connection)

    def _connection_closed(self, connection: socket.socket) -> None:
        with self._cond:
            self._connections.discard(connection)
            self._cond.notify_all()

    # -- HTTP ------------------------------------------------------------------------------------

    def _record(self, method: str, params: JSONDict) -> None:
        with self._cond:
            self._requests.append((method, params))
            self._cond.notify_all()

    def _serve(self, handler: _Handler) -> None:
        url = urlsplit(handler.path)
        body = handler.read_body()
        match = re.fullmatch(r"/bot([^/]+)/([^/]*)", url.path)
        if match is None:
            handler.answer(404, {"ok": False, "error_code": 404, "description": "Not Found"})
            return
        token, method = match.groups()
        if token != self._token:
            handler.answer(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
            return
        try:
            params = decode_params(handler.headers.get("Content-Type", ""), body, url.query)
        except (ValueError, UnicodeDecodeError) as error:
            handler.answer(
                400, {"ok": False, "error_code": 400, "description": f"Bad Request: can't parse request: {error}"}
            )
            return
        name = self._by_lower_name.get(method.lower(), method)
        status, payload = self._dispatch(name, params)
        if payload is _DROP:
            handler.close_connection = True
            return
        assert isinstance(payload, dict)
        handler.answer(status, payload)

    def _dispatch(self, name: str, params: JSONDict) -> tuple[int, object]:
        fault = self._take_fault(name, params)
        if isinstance(fault, Slow):
            self._stop_event.wait(fault.seconds)
        elif fault is not None:
            if isinstance(fault, Hang):
                self._stop_event.wait()
            self._record(name, params)
            return self._fault_answer(fault)
        method = self._methods.get(name)
        if method is None:
            with self._cond:
                self._unknown.append(name)
            self._record(name, params)
            return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        try:
            result = method(params)
        except _ApiFailure as failure:
            answer: JSONDict = {"ok": False, "error_code": failure.error_code, "description": failure.description}
            if failure.parameters:
                answer["parameters"] = failure.parameters
            self._record(name, params)
            return failure.error_code, answer
        except Exception as error:  # a bug in this fake: make it loud, never hang the client
            self._note_internal_error(f"{name}: {error!r}")
            self._record(name, params)
            return 500, {"ok": False, "error_code": 500, "description": f"Internal Server Error: fake bug: {error!r}"}
        self._record(name, params)
        return 200, {"ok": True, "result": result}

    @staticmethod
    def _fault_answer(fault: Fault) -> tuple[int, object]:
        if isinstance(fault, (Drop, Hang)):
            return 0, _DROP
        if isinstance(fault, Flood):
            return 429, {
                "ok": False,
                "error_code": 429,
                "description": f"Too Many Requests: retry after {fault.retry_after}",
                "parameters": {"retry_after": fault.retry_after},
            }
        if isinstance(fault, ServerError):
            try:
                phrase = http.HTTPStatus(fault.status).phrase
            except ValueError:
                phrase = "Server Error"
            return fault.status, {"ok": False, "error_code": fault.status, "description": phrase}
        if isinstance(fault, ApiError):
            return fault.error_code, {"ok": False, "error_code": fault.error_code, "description": fault.description}
        raise TypeError(f"not a fault: {fault!r}")

    # -- methods -----------------------------------------------------------------------------------

    def _delete_webhook(self, params: JSONDict) -> bool:
        if params.get("drop_pending_updates"):
            with self._cond:
                self._pending.clear()
        return True

    def _get_webhook_info(self, params: JSONDict) -> JSONDict:
        with self._cond:
            return {"url": "", "has_custom_certificate": False, "pending_update_count": len(self._pending)}

    def _get_updates(self, params: JSONDict) -> list[JSONDict]:
        offset = _int_param(params, "offset", 0)
        limit = min(max(_int_param(params, "limit", 100), 1), 100)
        timeout = max(float(params.get("timeout") or 0), 0.0)
        allowed = params.get("allowed_updates")
        deadline = time.monotonic() + timeout
        with self._cond:
            if isinstance(allowed, list):
                self._allowed_updates = frozenset(allowed) if allowed else _DEFAULT_ALLOWED
            if offset > 0:
                confirmed = [u["update_id"] for u in self._pending if u["update_id"] < offset]
                self._pending = [u for u in self._pending if u["update_id"] >= offset]
                for hook in self._confirm_hooks if confirmed else ():
                    hook(confirmed)
            elif offset < 0:
                self._pending = self._pending[offset:]
            # A newer getUpdates ends an older one still waiting, as Telegram does.
            self._poll_generation += 1
            mine = self._poll_generation
            self._cond.notify_all()
            while True:
                if mine != self._poll_generation:
                    raise _ApiFailure(409, _CONFLICT)
                self._pending = [
                    u for u in self._pending if _update_type(u) not in _UPDATE_TYPES - self._allowed_updates
                ]
                remaining = deadline - time.monotonic()
                if self._pending or self._stopped or remaining <= 0:
                    return copy.deepcopy(self._pending[:limit])
                self._cond.wait(remaining)

    def _target_chat(self, params: JSONDict) -> JSONDict:
        """The chat a method is aimed at; chats never seen are made up, as a bot may know ids."""
        raw = params.get("chat_id")
        if raw is None or raw == "":
            raise _bad_request("chat_id is empty")
        with self._cond:
            if isinstance(raw, str) and raw.startswith("@"):
                for chat in self._chats.values():
                    if chat.get("username", "").lower() == raw[1:].lower():
                        return dict(chat)
                raise _bad_request("chat not found")
            try:
                chat_id = int(raw)
            except (TypeError, ValueError):
                raise _bad_request("chat not found") from None
            if chat_id in self._chats:
                return dict(self._chats[chat_id])
            if chat_id > 0:
                return self._chat(chat_id, "private")
            return self._chat(chat_id, "supergroup" if str(chat_id).startswith("-100") else "group")

    def _formatted_text(
        self, params: JSONDict, text_key: str = "text", entities_key: str = "entities"
    ) -> tuple[str, list[JSONDict]]:
        """The text a message would show and its entities, validated as Telegram does."""
        text = params.get(text_key)
        if not isinstance(text, str):
            text = "" if text is None else json.dumps(text)
        parse_mode = str(params.get("parse_mode") or "").lower()
        if parse_mode == "html":
            try:
                parsed = parse_html(text, strict_entities=self._strict_html)
            except HtmlParseError as error:
                raise _bad_request(f"can't parse entities: {error}") from None
            plain, entities = _trim(parsed.text, parsed.entities)
        elif parse_mode in ("", "markdown", "markdownv2"):  # Markdown is passed through unchecked
            plain, entities = _trim(text, _given_entities(params.get(entities_key)))
        else:
            raise _bad_request("unsupported parse_mode")
        if not plain:
            raise _bad_request("message text is empty")
        if utf16_length(plain) > MAX_MESSAGE_LENGTH:
            raise _bad_request("message is too long")
        return plain, entities

    def _send_message(self, params: JSONDict) -> JSONDict:
        chat = self._target_chat(params)
        text, entities = self._formatted_text(params)
        markup = _check_reply_markup(params.get("reply_markup"))
        with self._cond:
            fields: JSONDict = {"from": self._bot_sender(), "text": text, "entities": entities}
            reply = _reply_parameters(params)
            if reply is not None:
                reply_chat = int(reply.get("chat_id", chat["id"]))
                replied = self._messages.get((reply_chat, int(reply["message_id"])))
                if replied is not None:
                    fields["reply_to_message"] = self._reply_copy(copy.deepcopy(replied))
                elif not reply.get("allow_sending_without_reply"):
                    raise _bad_request("message to be replied not found")
            if markup is not None and "inline_keyboard" in markup:  # Telegram echoes only inline keyboards
                fields["reply_markup"] = markup
            message = self._new_message(chat, fields)
            record = {
                **params,
                "chat_id": chat["id"],
                "message_id": message["message_id"],
                "message": copy.deepcopy(message),
            }
            self._sent.append(record)
            self._cond.notify_all()
            return message

    def _editable(self, params: JSONDict) -> tuple[tuple[int, int] | None, JSONDict | None]:
        if params.get("inline_message_id"):
            return None, None
        if params.get("message_id") in (None, ""):
            raise _bad_request("message identifier is not specified")
        chat = self._target_chat(params)
        key = (chat["id"], _int_param(params, "message_id", 0))
        message = self._messages.get(key)
        if message is None:
            raise _bad_request("message to edit not found")
        if message.get("from", {}).get("id") != self._bot_user["id"]:
            raise _bad_request("message can't be edited")
        return key, message

    def _edit_message_text(self, params: JSONDict) -> JSONDict | bool:
        text, entities = self._formatted_text(params)
        markup = _check_reply_markup(params.get("reply_markup"))
        with self._cond:
            key, message = self._editable(params)
            if key is None or message is None:
                return True
            edited = {k: v for k, v in message.items() if k not in ("entities", "reply_markup")}
            edited["text"] = text
            if entities:
                edited["entities"] = entities
            if markup is not None and "inline_keyboard" in markup:
                edited["reply_markup"] = markup  # without one, the inline keyboard goes away
            return self._store_edit(key, message, edited)

    def _edit_message_reply_markup(self, params: JSONDict) -> JSONDict | bool:
        markup = _check_reply_markup(params.get("reply_markup"))
        with self._cond:
            key, message = self._editable(params)
            if key is None or message is None:
                return True
            edited = {k: v for k, v in message.items() if k != "reply_markup"}
            if markup is not None and "inline_keyboard" in markup and markup["inline_keyboard"]:
                edited["reply_markup"] = markup
            return self._store_edit(key, message, edited)

    def _store_edit(self, key: tuple[int, int], before: JSONDict, after: JSONDict) -> JSONDict:
        def content(m: JSONDict) -> tuple[Any, ...]:
            return (m.get("text"), m.get("entities", []), m.get("reply_markup"))

        if content(before) == content(after):
            raise _bad_request(_NOT_MODIFIED.removeprefix("Bad Request: "))
        after["edit_date"] = int(time.time())
        self._messages[key] = after
        return copy.deepcopy(after)

    def _answer_callback_query(self, params: JSONDict) -> bool:
        query_id = params.get("callback_query_id")
        with self._cond:
            if not query_id or str(query_id) not in self._open_queries:
                raise _ApiFailure(400, _QUERY_TOO_OLD)
        return True

    def _answer_inline_query(self, params: JSONDict) -> bool:
        query_id = params.get("inline_query_id")
        with self._cond:
            if not query_id or str(query_id) not in self._open_queries:
                raise _ApiFailure(400, _QUERY_TOO_OLD)
        results = params.get("results")
        if not isinstance(results, list):
            raise _bad_request("can't parse inline query results JSON object")
        if len(results) > MAX_INLINE_RESULTS:
            raise _bad_request("RESULTS_TOO_MUCH")
        seen: set[str] = set()
        for result in results:
            result_id = str(result.get("id", "")) if isinstance(result, dict) else ""
            if not result_id or len(result_id.encode("utf-8")) > 64:
                raise _bad_request("RESULT_ID_INVALID")
            if result_id in seen:
                raise _bad_request("RESULT_ID_DUPLICATE")
            seen.add(result_id)
            content = result.get("input_message_content")
            if isinstance(content, dict) and "message_text" in content:
                try:
                    self._formatted_text(content, "message_text")
                except _ApiFailure as failure:
                    if failure.description == "Bad Request: message text is empty":
                        raise _bad_request("MESSAGE_EMPTY") from None
                    if failure.description == "Bad Request: message is too long":
                        raise _bad_request("MESSAGE_TOO_LONG") from None
                    raise
            _check_reply_markup(result.get("reply_markup"))
        return True

    def _send_chat_action(self, params: JSONDict) -> bool:
        self._target_chat(params)
        if params.get("action") not in _CHAT_ACTIONS:
            raise _bad_request("wrong parameter action in request")
        return True

    def _set_my_commands(self, params: JSONDict) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise _bad_request("can't parse commands JSON object")
        if len(commands) > 100:
            raise _bad_request("too many commands specified")
        for command in commands:
            name = command.get("command", "") if isinstance(command, dict) else ""
            if not re.fullmatch(r"[a-z0-9_]{1,32}", str(name).lstrip("/")):
                raise _bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description", "")).strip()) <= 256:
                raise _bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        with self._cond:
            self._commands[_commands_key(params.get("scope"), params.get("language_code") or "")] = [
                {"command": str(c["command"]).lstrip("/"), "description": c["description"]} for c in commands
            ]
        return True

    def _get_my_commands(self, params: JSONDict) -> list[JSONDict]:
        return self.commands(params.get("scope"), params.get("language_code") or "")

    def _delete_my_commands(self, params: JSONDict) -> bool:
        with self._cond:
            self._commands.pop(_commands_key(params.get("scope"), params.get("language_code") or ""), None)
        return True


def _update_type(update: JSONDict) -> str:
    return next((key for key in update if key != "update_id"), "")


def _commands_key(scope: Any, language_code: str) -> str:
    scope = scope if isinstance(scope, dict) else {"type": "default"}
    return json.dumps([scope, language_code], sort_keys=True)


def _int_param(params: JSONDict, key: str, default: int) -> int:
    value = params.get(key)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except (TypeError, ValueError):
        raise _bad_request(f'field "{key}" must be of type Integer') from None


def _given_entities(given: Any) -> tuple[JSONDict, ...]:
    if given is None or given == "":
        return ()
    if not isinstance(given, list) or not all(
        isinstance(e, dict)
        and isinstance(e.get("type"), str)
        and isinstance(e.get("offset"), int)
        and isinstance(e.get("length"), int)
        for e in given
    ):
        raise _bad_request("can't parse entities JSON object")
    return tuple(given)


def _reply_parameters(params: JSONDict) -> JSONDict | None:
    reply = params.get("reply_parameters")
    if isinstance(reply, dict) and "message_id" in reply:
        if not isinstance(reply.get("chat_id", 0), int) or not isinstance(reply["message_id"], int):
            raise _bad_request("can't parse reply parameters JSON object")
        return reply
    if params.get("reply_to_message_id") not in (None, ""):
        return {
            "message_id": _int_param(params, "reply_to_message_id", 0),
            "allow_sending_without_reply": bool(params.get("allow_sending_without_reply")),
        }
    return None


def _check_reply_markup(markup: Any) -> JSONDict | None:
    """Reject keyboards Telegram would reject: unknown shapes, bad callback data, bare buttons."""
    if markup is None or markup == "":
        return None
    if (
        not isinstance(markup, dict)
        or not {"inline_keyboard", "keyboard", "remove_keyboard", "force_reply"} & markup.keys()
    ):
        raise _bad_request("can't parse reply keyboard markup JSON object")
    for row in markup.get("inline_keyboard", []):
        for button in row:
            if not isinstance(button, dict) or not str(button.get("text", "")).strip():
                raise _bad_request(
                    "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
                )
            if "callback_data" in button:
                size = len(str(button["callback_data"]).encode("utf-8"))
                if not 1 <= size <= MAX_CALLBACK_DATA_BYTES:
                    raise _bad_request("BUTTON_DATA_INVALID")
            elif set(button) <= {"text"}:
                raise _bad_request(
                    "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
                )
    return copy.deepcopy(markup)


# ---------------------------------------------------------------------------------------------
# CLI: a server to try the bot by hand


def _print_bot_output(server: FakeBotAPI, stop: threading.Event) -> None:
    shown = 0
    while not stop.wait(0.2):
        requests = server.requests
        for method, params in requests[shown:]:
            if method in ("sendMessage", "editMessageText"):
                label = "bot" if method == "sendMessage" else "bot (edit)"
                print(f"{label} -> {params.get('chat_id')}: {params.get('text')}", flush=True)
        shown = len(requests)


def main(argv: list[str] | None = None) -> int:
    """Serve until Ctrl-C; each line typed on stdin is sent to the bot as the default user."""
    parser = argparse.ArgumentParser(prog="python -m tests.fakes.bot_api", description=__doc__.splitlines()[0])
    parser.add_argument("--token", default=DEFAULT_TOKEN, help=f"the bot token to accept (default {DEFAULT_TOKEN})")
    args = parser.parse_args(argv)
    stop = threading.Event()
    with FakeBotAPI(token=args.token) as server:
        print(f"TELEGRAM_API_BASE_URL={server.base_url}")
        print(f"TELEGRAM_BOT_TOKEN={server.token}")
        print(f"Type a line to send it as user {DEFAULT_USER_ID}; Ctrl-C to stop.", flush=True)
        printer = threading.Thread(target=_print_bot_output, args=(server, stop), daemon=True)
        printer.start()
        try:
            for line in sys.stdin:
                if line.strip():
                    server.send_text(line.rstrip("\n"))
            threading.Event().wait()  # stdin closed: keep serving until Ctrl-C
        except KeyboardInterrupt:
            pass
        finally:
            stop.set()
            printer.join(timeout=1.0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
