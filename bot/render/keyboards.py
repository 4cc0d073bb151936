"""Inline keyboards, and the callback data behind their buttons (encode / decode).

Telegram keeps at most 64 bytes of data with a button and hands them back when it is pressed.
The bot keeps nothing in memory between the two, so every button works after a restart: the
data names a sentence by its row in the index, together with the first 8 hex digits of the
index's content hash (its "tag"). A button whose tag is not the live index's answers that the
articles changed. Formats (numbers in base 36, to save bytes)::

    c:<tag>:<row>                  Context: the paragraph around sentence <row>
    m:<tag>:<first>:<row>.<row>…   More: these sentences, numbered from <first>
    n:<tag>:<row>                  Show nearest: the closest sentence to a declined question
    q:<question>                   an example question, asked as if typed
    s:<page>                       a page of /sources (pages count from 0)
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.render.telegram_text import shorten

MAX_CALLBACK_BYTES = 64
TAG_CHARS = 8
CONTEXT_BUTTONS_PER_ROW = 3
MORE_LABEL_CHARS = 48  # a button's text fits on a phone's screen
_DIGITS = string.digits + string.ascii_lowercase


@dataclass(frozen=True)
class ShowContext:
    tag: str
    row: int


@dataclass(frozen=True)
class ShowMore:
    tag: str
    first: int  # the display number of rows[0]
    rows: tuple[int, ...]


@dataclass(frozen=True)
class ShowNearest:
    tag: str
    row: int


@dataclass(frozen=True)
class AskExample:
    question: str


@dataclass(frozen=True)
class SourcesPage:
    page: int


Action = ShowContext | ShowMore | ShowNearest | AskExample | SourcesPage


def index_tag(content_hash: str) -> str:
    """The short name of one build of the index that buttons carry."""
    return content_hash[:TAG_CHARS]


def to_base36(number: int) -> str:
    if number < 0:
        raise ValueError("only non-negative numbers are encoded")
    digits = ""
    while True:
        number, digit = divmod(number, 36)
        digits = _DIGITS[digit] + digits
        if number == 0:
            return digits


def _from_base36(text: str) -> int:
    if not text or any(c not in _DIGITS for c in text):
        raise ValueError(f"not a base-36 number: {text!r}")
    return int(text, 36)


def encode(action: Action) -> str:
    """The callback data of ``action``; raises ValueError if it would exceed 64 bytes."""
    if isinstance(action, ShowContext):
        data = f"c:{action.tag}:{to_base36(action.row)}"
    elif isinstance(action, ShowNearest):
        data = f"n:{action.tag}:{to_base36(action.row)}"
    elif isinstance(action, ShowMore):
        rows = ".".join(to_base36(r) for r in action.rows)
        data = f"m:{action.tag}:{to_base36(action.first)}:{rows}"
    elif isinstance(action, AskExample):
        data = f"q:{action.question}"
    elif isinstance(action, SourcesPage):
        data = f"s:{to_base36(action.page)}"
    else:  # pragma: no cover - the union is closed
        raise TypeError(f"not a button action: {action!r}")
    if not 1 <= len(data.encode("utf-8")) <= MAX_CALLBACK_BYTES:
        raise ValueError(f"callback data must be 1-{MAX_CALLBACK_BYTES} bytes: {data!r}")
    return data


def decode(data: str | None) -> Action | None:
    """The action behind a pressed button, or None for data this bot did not make."""
    if not data or len(data) < 3 or data[1] != ":":
        return None
    kind, rest = data[0], data[2:]
    try:
        if kind == "q":
            return AskExample(rest) if rest.strip() else None
        if kind == "s":
            return SourcesPage(_from_base36(rest))
        tag, _, payload = rest.partition(":")
        if len(tag) != TAG_CHARS:
            return None
        if kind == "c":
            return ShowContext(tag, _from_base36(payload))
        if kind == "n":
            return ShowNearest(tag, _from_base36(payload))
        if kind == "m":
            first, _, rows = payload.partition(":")
            parsed = tuple(_from_base36(r) for r in rows.split("."))
            return ShowMore(tag, _from_base36(first), parsed)
    except ValueError:
        return None
    return None


def more_action(tag: str, first: int, rows: Sequence[int]) -> ShowMore | None:
    """A More button for as many of ``rows`` as fit in the callback data (None: no rows)."""
    kept: list[int] = []
    for row in rows:
        candidate = ShowMore(tag, first, (*kept, row))
        if len(_unchecked_more(candidate).encode("utf-8")) > MAX_CALLBACK_BYTES:
            break
        kept.append(row)
    return ShowMore(tag, first, tuple(kept)) if kept else None


def _unchecked_more(action: ShowMore) -> str:
    return f"m:{action.tag}:{to_base36(action.first)}:{'.'.join(to_base36(r) for r in action.rows)}"


def _button(text: str, action: Action) -> InlineKeyboardButton:
    return InlineKeyboardButton(text, callback_data=encode(action))


def quotes_keyboard(
    tag: str, rows: Sequence[int], numbers: Sequence[int] | None, more: ShowMore | None = None, more_label: str = ""
) -> InlineKeyboardMarkup | None:
    """Context buttons for the quotes of one message (numbered when ``numbers``), then More
    (``More: <more_label>`` when it says what More offers, e.g. "other quotes by Peskov")."""
    buttons = [
        _button("Context" if numbers is None else f"Context {number}", ShowContext(tag, row))
        for row, number in zip(rows, numbers if numbers is not None else [0] * len(rows), strict=True)
    ]
    keyboard = [buttons[i : i + CONTEXT_BUTTONS_PER_ROW] for i in range(0, len(buttons), CONTEXT_BUTTONS_PER_ROW)]
    if more is not None:
        keyboard.append([_button(f"More: {shorten(more_label, MORE_LABEL_CHARS)}" if more_label else "More", more)])
    return InlineKeyboardMarkup(keyboard) if keyboard else None


def nearest_keyboard(tag: str, row: int) -> InlineKeyboardMarkup:
    """Under a decline: show the closest sentence anyway, marked as not an answer."""
    return InlineKeyboardMarkup([[_button("Show nearest", ShowNearest(tag, row))]])


def examples_keyboard(questions: Sequence[str]) -> InlineKeyboardMarkup | None:
    """One button per example question that fits in callback data; tapping one asks it."""
    buttons = []
    for question in questions:
        try:
            buttons.append([_button(question, AskExample(question))])
        except ValueError:  # too long for a button: it stays in the help text only
            continue
    return InlineKeyboardMarkup(buttons) if buttons else None


def sources_keyboard(page: int, pages: int) -> InlineKeyboardMarkup | None:
    """Prev / Next under a page of /sources; nothing when everything fits on one page."""
    if pages <= 1:
        return None
    row = []
    if page > 0:
        row.append(_button("‹ Prev", SourcesPage(page - 1)))
    if page < pages - 1:
        row.append(_button("Next ›", SourcesPage(page + 1)))
    return InlineKeyboardMarkup([row])
