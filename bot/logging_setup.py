"""Logging that never shows the bot token.

httpx logs every request URL, and Telegram URLs contain the token; exceptions can carry it too
(python-telegram-bot's InvalidToken message quotes it). Three layers keep it out of every log
line, whatever the logger, level or handler:

1. a log-record factory rewrites each record as it is created: the message (with its arguments
   merged in), the traceback and the stack are rendered once and redacted, so even a handler
   added later by a library or a test harness only ever sees the redacted text;
2. a ``RedactingFilter`` on the root handler does the same for records made before the factory
   was installed;
3. the ``RedactingFormatter`` redacts the final text, in case something rendered after both.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable, Iterable
from typing import Any, TextIO

REDACTED = "[REDACTED-TOKEN]"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# The bot-specific half of a token is long and random; shorter strings would redact innocent text.
_MIN_SECRET_PART = 8


class Redactor:
    """Replaces each secret with ``REDACTED`` in a string."""

    def __init__(self, secrets: Iterable[str]) -> None:
        # Longest first, so a secret that contains another is replaced whole.
        self.secrets: tuple[str, ...] = tuple(sorted({s for s in secrets if s}, key=len, reverse=True))

    def __call__(self, text: str) -> str:
        for secret in self.secrets:
            if secret in text:
                text = text.replace(secret, REDACTED)
        return text

    def __bool__(self) -> bool:
        return bool(self.secrets)


def secrets_of(token: str | None) -> list[str]:
    """The token, its URL-encoded forms (':' becomes '%3A') and its secret half on its own."""
    if not token:
        return []
    secrets = [token, token.replace(":", "%3A"), token.replace(":", "%3a")]
    _, _, secret_part = token.partition(":")
    if len(secret_part) >= _MIN_SECRET_PART:
        secrets.append(secret_part)
    return secrets


def redact_record(record: logging.LogRecord, redact: Redactor) -> None:
    """Render ``record``'s message, traceback and stack now, with every secret replaced."""
    if not redact:
        return
    try:
        message = record.getMessage()
    except Exception:  # a broken format string: leave it to logging's own error reporting
        return
    record.msg = redact(message)
    record.args = None
    if record.exc_info and not record.exc_text:
        record.exc_text = "".join(traceback.format_exception(*record.exc_info)).rstrip("\n")
    if record.exc_text:
        record.exc_text = redact(record.exc_text)
    if record.stack_info:
        record.stack_info = redact(record.stack_info)


class RedactingFilter(logging.Filter):
    """A handler filter that redacts each record in place (it never drops one)."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self._redact = Redactor(secrets)

    def filter(self, record: logging.LogRecord) -> bool:
        redact_record(record, self._redact)
        return True


class RedactingFormatter(logging.Formatter):
    """A formatter that replaces each secret with ``REDACTED`` in everything it renders."""

    def __init__(self, secrets: Iterable[str], fmt: str = FORMAT) -> None:
        super().__init__(fmt)
        self._redact = Redactor(secrets)

    def redact(self, text: str) -> str:
        return self._redact(text)

    def format(self, record: logging.LogRecord) -> str:
        return self._redact(super().format(record))


class LibraryTokenReportFilter(logging.Filter):
    """Leaves out python-telegram-bot's own report of a token refused at start-up.

    ``run_polling`` logs it as an ERROR with a long traceback; ``python -m bot`` then says the same
    in one CRITICAL line and logs the traceback at DEBUG, so the operator reads it once.
    """

    MESSAGE = "Invalid token. Aborting retry loop."

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.name.startswith("telegram") and self.MESSAGE in record.getMessage())


def install_record_redaction(secrets: Iterable[str]) -> Callable[[], None]:
    """Redact every log record at creation; returns a function that undoes it.

    Installing again replaces the previous redaction instead of stacking on top of it.
    """
    redact = Redactor(secrets)
    current = logging.getLogRecordFactory()
    base: Callable[..., logging.LogRecord] = getattr(current, "_verbatim_base", current)

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = base(*args, **kwargs)
        redact_record(record, redact)
        return record

    factory._verbatim_base = base  # type: ignore[attr-defined]
    logging.setLogRecordFactory(factory)

    def undo() -> None:
        if logging.getLogRecordFactory() is factory:
            logging.setLogRecordFactory(base)

    return undo


def configure_logging(
    level: str, token: str | None, stream: TextIO | None = None, extra_secrets: Iterable[str] = ()
) -> logging.Handler:
    """Route all logging through one redacting handler; return it (tests remove it again).
    ``extra_secrets`` (the webhook secret) are redacted as the token is."""
    secrets = secrets_of(token) + [s for s in extra_secrets if len(s) >= _MIN_SECRET_PART]
    install_record_redaction(secrets)
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.addFilter(RedactingFilter(secrets))
    handler.addFilter(LibraryTokenReportFilter())
    handler.setFormatter(RedactingFormatter(secrets))
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
