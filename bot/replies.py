"""Pure functions that turn answers into what a person reads: Telegram HTML or plain text.

Everything taken from articles or users is escaped; every Telegram message fits in 4096
characters (Telegram counts the text after tags are removed, so staying under it in raw HTML
is always safe).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape as _escape

from index.metadata import StoredArticle
from index.types import Answer, Hit

TELEGRAM_LIMIT = 4096
ELLIPSIS = "…"

DECLINE_TEXT = "I couldn't find that in the articles I know."
EMPTY_TEXT = "Please type a question, for example: what did Peskov say?"
TOO_LONG_TEXT = "Please ask a shorter question (at most {limit} characters)."
ERROR_TEXT = "Sorry, something went wrong while answering. Please try again in a moment."
NON_TEXT_TEXT = "I can only read text. Type a question about the articles, for example: what did Peskov say?"


def escape(text: str, quote: bool = False) -> str:
    """HTML-escape text for Telegram; quotes only need escaping inside attribute values."""
    return _escape(text, quote=quote)


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, marked with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: max(0, limit - 1)]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip() + ELLIPSIS


def fit_escaped(text: str, room: int) -> str:
    """``text`` HTML-escaped, shortened until the escaped form is at most ``room`` characters."""
    escaped = escape(text)
    cut = min(len(text), room)
    while len(escaped) > room and cut > 1:
        cut -= max(1, len(escaped) - room)
        escaped = escape(shorten(text, cut))
    return escaped


def _source_html(hit: Hit) -> str:
    parts = []
    for source in hit.sources or ():
        title = escape(shorten(source.title, 200))
        label = f'<a href="{escape(source.url, quote=True)}">{title}</a>' if source.url else f"<i>{title}</i>"
        if source.published:
            label += f", {escape(source.published)}"
        parts.append(label)
    if not parts:
        parts.append(f"<i>{escape(shorten(hit.title, 200))}</i>")
    return "— " + "; ".join(parts)


def _source_text(hit: Hit) -> str:
    sources = hit.sources or ()
    labels = [s.title + (f", {s.published}" if s.published else "") + (f" <{s.url}>" if s.url else "") for s in sources]
    return "— " + ("; ".join(labels) if labels else hit.title)


def hit_html(hit: Hit, *, number: int | None = None, total: int = 1, limit: int = TELEGRAM_LIMIT) -> str:
    """One hit as a quote with its source; the sentence is shortened to fit ``limit``."""
    marker = f"<b>{number}/{total}</b> " if number is not None and total > 1 else ""
    source = _source_html(hit)
    room = limit - len(marker) - len(source) - len("<blockquote></blockquote>\n")
    sentence = fit_escaped(hit.sentence, room)
    return f"{marker}<blockquote>{sentence}</blockquote>\n{source}"


def answer_html(answer: Answer, limit: int = TELEGRAM_LIMIT) -> str:
    """The Telegram reply for an answer: quotes with sources, or an honest decline."""
    if answer.declined or not answer.hits:
        return escape(DECLINE_TEXT)
    blocks: list[str] = []
    used = 0
    total = len(answer.hits)
    for number, hit in enumerate(answer.hits, start=1):
        block = hit_html(hit, number=number, total=total, limit=limit if not blocks else limit - used - 2)
        if used + len(block) + 2 > limit:
            break
        blocks.append(block)
        used += len(block) + 2
    return "\n\n".join(blocks)


def answer_text(answer: Answer) -> str:
    """The terminal chat's reply: the same content as ``answer_html``, in plain text."""
    if answer.declined or not answer.hits:
        return DECLINE_TEXT
    total = len(answer.hits)
    lines = []
    for number, hit in enumerate(answer.hits, start=1):
        marker = f"[{number}/{total}] " if total > 1 else ""
        lines.append(f"{marker}“{hit.sentence}”\n  {_source_text(hit)}")
    return "\n".join(lines)


def help_html(articles: Sequence[StoredArticle], examples: Sequence[str]) -> str:
    lines = [
        "<b>Verbatim</b> answers questions about news articles with the exact sentences that answer them.",
        "",
        f"I know {len(articles)} article{'s' * (len(articles) != 1)}. Just type a question, for example:",
    ]
    lines += [f"• <code>{escape(e)}</code>" for e in examples]
    lines += ["", "/sources lists the articles; /help shows this message."]
    return "\n".join(lines)


def help_text(articles: Sequence[StoredArticle], examples: Sequence[str]) -> str:
    lines = [
        "Verbatim answers questions about news articles with the exact sentences that answer them.",
        f"I know {len(articles)} article{'s' * (len(articles) != 1)}. Type a question, for example:",
    ]
    lines += [f"  {e}" for e in examples]
    lines.append("/sources lists the articles; /help shows this; an empty line or Ctrl-D quits.")
    return "\n".join(lines)


def sources_html(articles: Sequence[StoredArticle], limit: int = TELEGRAM_LIMIT) -> str:
    if not articles:
        return "No articles are indexed yet."
    header = f"<b>{len(articles)} article{'s' * (len(articles) != 1)}</b>"
    lines = [header]
    for number, article in enumerate(articles, start=1):
        title = escape(article.title)
        label = f'<a href="{escape(article.url, quote=True)}">{title}</a>' if article.url else title
        date = f", {escape(article.published)}" if article.published else ""
        line = f"{number}. {label}{date} ({article.sentences} sentences)"
        if sum(len(x) + 1 for x in lines) + len(line) + 40 > limit:
            lines.append(f"… and {len(articles) - number + 1} more.")
            break
        lines.append(line)
    return "\n".join(lines)


def sources_text(articles: Sequence[StoredArticle]) -> str:
    if not articles:
        return "No articles are indexed yet."
    return "\n".join(
        f"{n}. {a.title}{', ' + a.published if a.published else ''} ({a.sentences} sentences)"
        for n, a in enumerate(articles, start=1)
    )
