"""Decoding a Bot API request into values: a query string plus a form, multipart or JSON body
(as over HTTP), or the form fields python-telegram-bot hands its request object (in-process)."""

from __future__ import annotations

import email.parser
import email.policy
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final
from urllib.parse import parse_qsl

from tests.fakes.bot_api.constants import JSONDict

# Form values arrive as strings; PTB JSON-encodes every non-string value. These parameters are
# strings by definition, so they are kept as sent even when they look like JSON ("123", "true").
STRING_PARAMS: Final = frozenset(
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


@dataclass(frozen=True)
class UploadedFile:
    """A file part of a multipart request."""

    filename: str
    content_type: str
    data: bytes


def coerce(key: str, value: str) -> Any:
    """A form value as the method sees it: JSON-decoded unless the parameter is a string."""
    if key in STRING_PARAMS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


def decode_params(content_type: str, body: bytes, query: str = "") -> JSONDict:
    """Turn a Bot API request (query string plus form, multipart or JSON body) into values."""
    params: JSONDict = {key: coerce(key, value) for key, value in parse_qsl(query, keep_blank_values=True)}
    media_type = content_type.split(";", 1)[0].strip().lower()
    if not body:
        return params
    if media_type == "application/json":
        decoded = json.loads(body.decode("utf-8"))
        if not isinstance(decoded, dict):
            raise ValueError("the JSON body is not an object")
        for key, value in decoded.items():
            params[key] = coerce(key, value) if isinstance(value, str) else value
    elif media_type == "multipart/form-data":
        head = f"Content-Type: {content_type}\r\n\r\n".encode("latin-1")
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            data = part.get_payload(decode=True) or b""
            filename = part.get_filename()
            if filename is not None:
                params[name] = UploadedFile(filename, part.get_content_type(), data)
            else:
                params[name] = coerce(name, data.decode("utf-8"))
    else:  # application/x-www-form-urlencoded, or a client that did not say
        for key, value in parse_qsl(body.decode("utf-8"), keep_blank_values=True):
            params[key] = coerce(key, value)
    return params


def decode_fields(fields: Mapping[str, str], files: Mapping[str, UploadedFile] | None = None) -> JSONDict:
    """The values of form ``fields`` (each a string, JSON-encoded unless it is a string) and files."""
    params: JSONDict = {key: coerce(key, value) for key, value in fields.items()}
    params.update(files or {})
    return params
