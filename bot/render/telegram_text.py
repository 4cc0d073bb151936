"""Text for Telegram: HTML escaping, Telegram's own length count, shortening to fit, dates.

Every Telegram message fits in 4096 characters: Telegram counts UTF-16 code units of the text
after tags are removed, so measuring the raw HTML in UTF-16 units (``telegram_length``) is
always safe. Pure functions.
"""

from __future__ import annotations

from datetime import date
from html import escape as _escape

TELEGRAM_LIMIT = 4096
ELLIPSIS = "…"


def escape(text: str, quote: bool = False) -> str:
    """HTML-escape text for Telegram; quotes only need escaping inside attribute values."""
    return _escape(text, quote=quote)


def telegram_length(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units): an emoji counts twice."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, marked with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: max(0, limit - 1)]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip() + ELLIPSIS


def shorten_left(text: str, limit: int) -> str:
    """``text`` with its beginning cut away at a word boundary: at most ``limit`` characters."""
    if len(text) <= limit:
        return text
    cut = text[len(text) - max(0, limit - 1) :]
    space = cut.find(" ")
    if 0 <= space < len(cut) // 2:
        cut = cut[space:]
    return ELLIPSIS + cut.lstrip()


def fit_escaped(text: str, room: int, *, keep_end: bool = False) -> str:
    """``text`` HTML-escaped and shortened until the escaped form measures at most ``room``."""
    shortener = shorten_left if keep_end else shorten
    escaped = escape(text)
    if telegram_length(escaped) <= room:
        return escaped
    # Start from ``room`` characters, then cut by how far the escaped form is still over.
    cut = min(len(text), max(room, 1))
    escaped = escape(shortener(text, cut))
    while telegram_length(escaped) > room and cut > 1:
        cut -= max(1, telegram_length(escaped) - room)
        escaped = escape(shortener(text, max(cut, 1)))
    if telegram_length(escaped) > room:
        return ""
    return escaped


def format_date(published: str | None) -> str:
    """``2022-01-11`` (or an ISO timestamp) as ``11 Jan 2022``; anything else as given."""
    if not published:
        return ""
    try:
        day = date.fromisoformat(published[:10])
    except ValueError:
        return published
    return f"{day.day} {day:%b %Y}"
