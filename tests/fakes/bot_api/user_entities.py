"""Entities of what users type: the commands, @mentions and links Telegram's clients mark up."""

from __future__ import annotations

import re

from tests.fakes.bot_api.constants import JSONDict
from tests.fakes.bot_api.telegram_html import utf16_length

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
