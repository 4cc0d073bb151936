"""What a user typed, made safe to answer: pure functions, no Telegram objects.

A message may hold anything Unicode allows: zero-width and direction-control characters, control
characters, lone surrogates (which JSON can smuggle in), pages of whitespace, or only emoji and
punctuation. ``read_question`` keeps the question part (the visible text, whitespace folded) and
says politely why it cannot be answered when it is empty, wordless or too long. Right-to-left and
mixed scripts pass through untouched.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from bot.render.replies import EMPTY_TEXT, TOO_LONG_TEXT

# Unicode categories dropped from a question: control (Cc), format (Cf: zero-width spaces and
# joiners, direction marks and overrides, BOM, soft hyphen) and surrogates (Cs). The model's
# tokenizer ignores the first two anyway, and a lone surrogate cannot even be encoded.
_INVISIBLE = frozenset({"Cc", "Cf", "Cs"})

WORDLESS_TEXT = "Please ask your question in words, for example: what did Peskov say?"


@dataclass(frozen=True)
class ReadQuestion:
    """Either ``question`` (ready to search) or ``problem`` (what to tell the user)."""

    question: str = ""
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


def visible_text(text: str) -> str:
    """``text`` without invisible characters and with every run of whitespace folded to one space."""
    kept = "".join(
        " " if char.isspace() else char
        for char in text
        if char.isspace() or unicodedata.category(char) not in _INVISIBLE
    )
    return " ".join(kept.split())


def has_words(text: str) -> bool:
    """Whether ``text`` has a letter or digit in any script (emoji and punctuation alone do not count)."""
    return any(unicodedata.category(char)[0] in "LN" for char in text)


def read_question(text: str, max_chars: int) -> ReadQuestion:
    """The question part of a message, or the reason it cannot be answered."""
    question = visible_text(text)
    if not question:
        return ReadQuestion(problem=EMPTY_TEXT)
    if len(question) > max_chars:
        return ReadQuestion(problem=TOO_LONG_TEXT.format(limit=max_chars))
    if not has_words(question):
        return ReadQuestion(problem=WORDLESS_TEXT)
    return ReadQuestion(question=question)
