"""Logging that never shows the bot token.

httpx logs every request URL, and Telegram URLs contain the token; exceptions can carry it too.
The formatter redacts the token from the final text of every record (message, arguments and
traceback), whatever the logger and level.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable
from typing import TextIO

REDACTED = "[REDACTED-TOKEN]"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class RedactingFormatter(logging.Formatter):
    """A formatter that replaces each secret with ``REDACTED`` in everything it renders."""

    def __init__(self, secrets: Iterable[str], fmt: str = FORMAT) -> None:
        super().__init__(fmt)
        # Longest first, so a secret that contains another is replaced whole.
        self._secrets = sorted({s for s in secrets if s}, key=len, reverse=True)

    def redact(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        return text

    def format(self, record: logging.LogRecord) -> str:
        return self.redact(super().format(record))


def secrets_of(token: str | None) -> list[str]:
    """The token and its URL-encoded form (':' becomes '%3A' in some URLs)."""
    if not token:
        return []
    return [token, token.replace(":", "%3A"), token.replace(":", "%3a")]


def configure_logging(level: str, token: str | None, stream: TextIO | None = None) -> logging.Handler:
    """Route all logging through one redacting handler; return it (tests remove it again)."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(RedactingFormatter(secrets_of(token)))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    # Request URLs (with the token, redacted anyway) at INFO are noise; keep them at DEBUG only.
    if logging.getLevelName(level) > logging.DEBUG:
        logging.getLogger("httpx").setLevel(logging.WARNING)
        logging.getLogger("httpcore").setLevel(logging.WARNING)
    return handler
