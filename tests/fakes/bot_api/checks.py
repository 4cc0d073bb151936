"""Checking a call's parameters as Telegram does, and the "Bad Request: ..." failures it answers
with: formatted text, reply parameters, keyboards, integers, entity lists."""

from __future__ import annotations

import copy
import json
from typing import Any

from tests.fakes.bot_api.constants import MAX_CALLBACK_DATA_BYTES, MAX_MESSAGE_LENGTH, JSONDict
from tests.fakes.bot_api.telegram_html import HtmlParseError, parse_html, utf16_length


class ApiFailure(Exception):
    """Raised by a method to answer with a Telegram error."""

    def __init__(self, error_code: int, description: str, parameters: JSONDict | None = None) -> None:
        super().__init__(description)
        self.error_code = error_code
        self.description = description
        self.parameters = parameters


def bad_request(description: str) -> ApiFailure:
    return ApiFailure(400, f"Bad Request: {description}")


def formatted_text(
    params: JSONDict, *, strict_html: bool, text_key: str = "text", entities_key: str = "entities"
) -> tuple[str, list[JSONDict]]:
    """The text a message would show and its entities, validated as Telegram does."""
    text = params.get(text_key)
    if not isinstance(text, str):
        text = "" if text is None else json.dumps(text)
    parse_mode = str(params.get("parse_mode") or "").lower()
    if parse_mode == "html":
        try:
            parsed = parse_html(text, strict_entities=strict_html)
        except HtmlParseError as error:
            raise bad_request(f"can't parse entities: {error}") from None
        plain, entities = _trim(parsed.text, parsed.entities)
    elif parse_mode in ("", "markdown", "markdownv2"):  # Markdown is passed through unchecked
        plain, entities = _trim(text, _given_entities(params.get(entities_key)))
    else:
        raise bad_request("unsupported parse_mode")
    if not plain:
        raise bad_request("message text is empty")
    if utf16_length(plain) > MAX_MESSAGE_LENGTH:
        raise bad_request("message is too long")
    return plain, entities


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


def int_param(params: JSONDict, key: str, default: int) -> int:
    value = params.get(key)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except (TypeError, ValueError):
        raise bad_request(f'field "{key}" must be of type Integer') from None


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
        raise bad_request("can't parse entities JSON object")
    return tuple(given)


def reply_parameters(params: JSONDict) -> JSONDict | None:
    reply = params.get("reply_parameters")
    if isinstance(reply, dict) and "message_id" in reply:
        if not isinstance(reply.get("chat_id", 0), int) or not isinstance(reply["message_id"], int):
            raise bad_request("can't parse reply parameters JSON object")
        return reply
    if params.get("reply_to_message_id") not in (None, ""):
        return {
            "message_id": int_param(params, "reply_to_message_id", 0),
            "allow_sending_without_reply": bool(params.get("allow_sending_without_reply")),
        }
    return None


def check_reply_markup(markup: Any) -> JSONDict | None:
    """Reject keyboards Telegram would reject: unknown shapes, bad callback data, bare buttons."""
    if markup is None or markup == "":
        return None
    if (
        not isinstance(markup, dict)
        or not {"inline_keyboard", "keyboard", "remove_keyboard", "force_reply"} & markup.keys()
    ):
        raise bad_request("can't parse reply keyboard markup JSON object")
    for row in markup.get("inline_keyboard", []):
        for button in row:
            if not isinstance(button, dict) or not str(button.get("text", "")).strip():
                raise bad_request(
                    "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
                )
            if "callback_data" in button:
                size = len(str(button["callback_data"]).encode("utf-8"))
                if not 1 <= size <= MAX_CALLBACK_DATA_BYTES:
                    raise bad_request("BUTTON_DATA_INVALID")
            elif set(button) <= {"text"}:
                raise bad_request(
                    "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
                )
    return copy.deepcopy(markup)
