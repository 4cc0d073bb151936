"""What the bot says: its fixed sentences, and answers turned into quotes (Telegram HTML or plain text).

Everything taken from articles or users is escaped. An answer too long for one message is split
between quotes into several (``quote_messages``), never inside a tag; each message fits Telegram's
limit (``bot.render.telegram_text``).

Layout of one quote (the marker only when several sentences are listed)::

    <b>1/3</b>
    <blockquote>“The sentence.”</blockquote>
    — Dmitry Peskov, in <a href="URL">Article title</a>, 11 Jan 2022

The source line names whom the sentence quotes when attribution found someone (its ``speaker``):
"what did Trump say about his father?" may bring quotes of Donald, Eric and Ivanka Trump, and
each must say whose it is, on every page "More" brings too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.render.telegram_text import (
    ELLIPSIS,
    TELEGRAM_LIMIT,
    escape,
    fit_escaped,
    format_date,
    shorten,
    telegram_length,
)
from index import Answer, Hit

TITLE_CHARS = 200  # a title longer than this is shortened in a source line
SPEAKER_CHARS = 80  # so is a speaker's name (an organisation's may run long)

DECLINE_TEXT = "I couldn't find that in the articles I know."
THANKS_TEXT = "Glad to help. Ask me anything else about the articles."
EMPTY_TEXT = "Please type a question, for example: what did Peskov say?"
UNKNOWN_COMMAND_TEXT = "I don't know that command. Just type a question, or send /help to see what I can do."
ASK_USAGE_TEXT = "Put your question after the command, for example: /ask what did Peskov say?"
TOO_LONG_TEXT = "Please ask a shorter question (at most {limit} characters)."
ERROR_TEXT = "Sorry, something went wrong while answering. Please try again in a moment."
NON_TEXT_TEXT = "I can only read text. Type a question about the articles, for example: what did Peskov say?"
STALE_TEXT = "The articles changed since this button was sent. Please ask again."
EXPIRED_TEXT = "This button no longer works. Please ask again."
NO_MORE_TEXT = "There are no more sentences for this question."
NOT_CONFIDENT_TEXT = "Not a confident answer. The closest sentence I found:"
MORE_HEADER_TEXT = "More sentences:"


def source_html(hit: Hit) -> str:
    """``— Speaker, in Title, date`` for each article holding the sentence (the speaker when the
    sentence quotes someone); the title links to its URL."""
    parts = []
    for source in hit.sources or ():
        parts.append(_article_label(source.title, source.url, source.published))
    if not parts:
        parts.append(_article_label(hit.title, hit.url, hit.published))
    return speaker_lead(hit, escape) + "; ".join(parts)


def speaker_lead(hit: Hit, written: Callable[[str], str] = str) -> str:
    """``— Dmitry Peskov, in `` before the source of a sentence that quotes someone, else ``— ``.
    A writer's own "I said" of an article with no single author (speaker "I") names no one."""
    speaker = (hit.speaker or "").strip()
    if not speaker or speaker == "I":
        return "— "
    return f"— {written(shorten(speaker, SPEAKER_CHARS))}, in "


def _article_label(title: str, url: str | None, published: str | None) -> str:
    shown = escape(shorten(title, TITLE_CHARS))
    label = f'<a href="{escape(url, quote=True)}">{shown}</a>' if url else f"<i>{shown}</i>"
    when = format_date(published)
    return label + (f", {escape(when)}" if when else "")


def source_text(hit: Hit) -> str:
    """The plain-text twin of ``source_html``."""
    sources = hit.sources or ()
    labels = [
        s.title + (f", {format_date(s.published)}" if s.published else "") + (f" <{s.url}>" if s.url else "")
        for s in sources
    ]
    if not labels:
        labels = [hit.title + (f", {format_date(hit.published)}" if hit.published else "")]
    return speaker_lead(hit) + "; ".join(labels)


def marker(number: int | None, total: int | None) -> str:
    """``2/5`` among several sentences, ``#7`` for a numbered follow-up, nothing for a lone answer."""
    if number is None:
        return ""
    if total is None:
        return f"#{number}"
    return f"{number}/{total}" if total > 1 else ""


def hit_html(hit: Hit, *, number: int | None = None, total: int | None = 1, limit: int = TELEGRAM_LIMIT) -> str:
    """One hit as a quote with its source; the sentence is shortened to fit ``limit``."""
    label = marker(number, total)
    head = f"<b>{label}</b>\n" if label else ""
    source = source_html(hit)
    if telegram_length(source) > limit // 2:  # many sources: keep the quote readable
        source = speaker_lead(hit, escape) + _article_label(hit.title, hit.url, hit.published)
    room = limit - telegram_length(head) - telegram_length(source) - len("<blockquote></blockquote>\n")
    sentence = fit_escaped(hit.sentence, room) or escape(ELLIPSIS)
    return f"{head}<blockquote>{sentence}</blockquote>\n{source}"


@dataclass(frozen=True)
class QuoteMessage:
    """One Telegram message of quotes: its HTML, and which hits it quotes under which numbers."""

    html: str
    hits: tuple[Hit, ...]
    numbers: tuple[int, ...]


def quote_messages(
    hits: Sequence[Hit],
    *,
    first_number: int = 1,
    total: int | None = None,
    header: str = "",
    limit: int = TELEGRAM_LIMIT,
) -> list[QuoteMessage]:
    """``hits`` as quotes, packed into as few messages of at most ``limit`` as they fit in.

    Numbers run from ``first_number``; ``total`` None numbers them ``#n`` (follow-up pages).
    ``header`` (HTML) opens the first message. A quote too long for a message of its own is
    shortened; otherwise quotes are never cut, only moved to the next message.
    """
    messages: list[QuoteMessage] = []
    blocks: list[str] = [header] if header else []
    shown: list[Hit] = []
    numbers: list[int] = []
    used = telegram_length(header)
    for offset, hit in enumerate(hits):
        number = first_number + offset
        numbered = number if (total is None or total > 1) else None
        block = hit_html(hit, number=numbered, total=total, limit=limit)
        if shown and used + 2 + telegram_length(block) > limit:
            messages.append(QuoteMessage("\n\n".join(blocks), tuple(shown), tuple(numbers)))
            blocks, shown, numbers, used = [], [], [], 0
        room = limit - used - 2 if blocks else limit
        if telegram_length(block) > room:  # only after the header: shorten rather than leave it alone
            block = hit_html(hit, number=numbered, total=total, limit=room)
        used += telegram_length(block) + (2 if blocks else 0)
        blocks.append(block)
        shown.append(hit)
        numbers.append(number)
    if shown:
        messages.append(QuoteMessage("\n\n".join(blocks), tuple(shown), tuple(numbers)))
    return messages


def answer_messages(
    answer: Answer, *, max_quotes: int | None = None, limit: int = TELEGRAM_LIMIT
) -> list[QuoteMessage]:
    """The Telegram reply to an answer: its quotes over as many messages as needed, or a decline.

    Only the first ``max_quotes`` hits are quoted (the rest are left for a "More" button);
    their numbers still count all of the answer's hits ("1/25").
    """
    if answer.declined or not answer.hits:
        return [QuoteMessage(escape(decline_text(answer)), (), ())]
    shown = answer.hits if max_quotes is None else answer.hits[:max_quotes]
    return quote_messages(shown, total=len(answer.hits), header=note_html(answer), limit=limit)


def decline_text(answer: Answer) -> str:
    """What a declined answer says (plain text): its note when it has one (a question that names
    no one: "Who is “he”? ..."); else that the articles hold no answer, and, when a name was typed
    with a typo that may be one of several names, which ("Did you mean “Smith” or “Smyth”?"); the
    reader asks again with the one meant."""
    if answer.note:
        return answer.note
    return f"{DECLINE_TEXT} {did_you_mean(answer.suggestions)}" if answer.suggestions else DECLINE_TEXT


def did_you_mean(names: Sequence[str]) -> str:
    """The question a decline asks about the names a typo may be: "Did you mean “Smith” or “Smyth”?"."""
    quoted = [f"“{name}”" for name in names]
    listed = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
    return f"Did you mean {listed}?"


def note_html(answer: Answer) -> str:
    """The answer's note (e.g. "these only mention him"), in italics, or nothing."""
    return f"<i>{escape(answer.note)}</i>" if answer.note else ""


def answer_html(answer: Answer, limit: int = TELEGRAM_LIMIT) -> str:
    """The whole answer in one message: the quotes that fit, or an honest decline."""
    if answer.declined or not answer.hits:
        return escape(decline_text(answer))
    return quote_messages(answer.hits, total=len(answer.hits), header=note_html(answer), limit=limit)[0].html


def answer_text(answer: Answer) -> str:
    """The terminal chat's reply: the same content as the Telegram reply, in plain text, and
    what its More button offers first when that is the speaker's other quotes."""
    return "\n".join(text for text, _ in answer_lines(answer))


def answer_lines(answer: Answer) -> list[tuple[str, bool]]:
    """``answer_text``'s lines, each with whether it is a quote (a note or a heading is not), so
    that the terminal chat can show them a page at a time."""
    if answer.declined or not answer.hits:
        return [(decline_text(answer), False)]
    total = len(answer.hits)
    lines = [(answer.note, False)] if answer.note else []
    for number, hit in enumerate(answer.hits, start=1):
        label = marker(number, total)
        lines.append((f"{f'[{label}] ' if label else ''}“{hit.sentence}”\n  {source_text(hit)}", True))
    if answer.others:  # what Telegram's "More" button offers, listed: the terminal has no buttons
        lines.append((f"{answer.more[:1].upper()}{answer.more[1:]}:" if answer.more else "More:", False))
        for number, hit in enumerate(answer.others, start=total + 1):
            lines.append((f"[{marker(number, None)}] “{hit.sentence}”\n  {source_text(hit)}", True))
    return lines


def nearest_html(hit: Hit, limit: int = TELEGRAM_LIMIT) -> str:
    """The closest sentence to a declined question, clearly marked as not an answer."""
    head = f"<i>{escape(NOT_CONFIDENT_TEXT)}</i>\n"
    return head + hit_html(hit, limit=limit - telegram_length(head))
