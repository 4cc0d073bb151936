"""Pure functions that turn answers into what a person reads: Telegram HTML or plain text.

Everything taken from articles or users is escaped. Every Telegram message fits in 4096
characters: Telegram counts UTF-16 code units of the text after tags are removed, so measuring
the raw HTML in UTF-16 units (``telegram_length``) is always safe. An answer too long for one
message is split between quotes into several (``quote_messages``), never inside a tag.

Layout of one quote (the marker only when several sentences are listed)::

    <b>1/3</b>
    <blockquote>“The sentence.”</blockquote>
    — <a href="URL">Article title</a>, 11 Jan 2022
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape as _escape
from typing import TYPE_CHECKING

from index import PARAGRAPH_SEPARATOR, Answer, Hit, StoredArticle

if TYPE_CHECKING:  # only the type: rendering needs no FAISS
    from index import Manifest

TELEGRAM_LIMIT = 4096
ELLIPSIS = "…"
TITLE_CHARS = 200  # a title longer than this is shortened in a source line
SOURCES_PER_PAGE = 10

DECLINE_TEXT = "I couldn't find that in the articles I know."
THANKS_TEXT = "Glad to help. Ask me anything else about the articles."
EMPTY_TEXT = "Please type a question, for example: what did Peskov say?"
ASK_USAGE_TEXT = "Put your question after the command, for example: /ask what did Peskov say?"
TOO_LONG_TEXT = "Please ask a shorter question (at most {limit} characters)."
ERROR_TEXT = "Sorry, something went wrong while answering. Please try again in a moment."
NON_TEXT_TEXT = "I can only read text. Type a question about the articles, for example: what did Peskov say?"
STALE_TEXT = "The articles changed since this button was sent. Please ask again."
EXPIRED_TEXT = "This button no longer works. Please ask again."
NO_MORE_TEXT = "There are no more sentences for this question."
NOT_CONFIDENT_TEXT = "Not a confident answer. The closest sentence I found:"
MORE_HEADER_TEXT = "More sentences, closest first:"
NO_ARTICLES_TEXT = "No articles are indexed yet."


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


# -- quotes ------------------------------------------------------------------------------------


def source_html(hit: Hit) -> str:
    """``— Title, date`` for each article holding the sentence; the title links to its URL."""
    parts = []
    for source in hit.sources or ():
        parts.append(_article_label(source.title, source.url, source.published))
    if not parts:
        parts.append(_article_label(hit.title, hit.url, hit.published))
    return "— " + "; ".join(parts)


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
    return "— " + "; ".join(labels)


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
        source = "— " + _article_label(hit.title, hit.url, hit.published)
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
        return [QuoteMessage(escape(DECLINE_TEXT), (), ())]
    shown = answer.hits if max_quotes is None else answer.hits[:max_quotes]
    return quote_messages(shown, total=len(answer.hits), header=note_html(answer), limit=limit)


def note_html(answer: Answer) -> str:
    """The answer's note (e.g. "these only mention him"), in italics, or nothing."""
    return f"<i>{escape(answer.note)}</i>" if answer.note else ""


def answer_html(answer: Answer, limit: int = TELEGRAM_LIMIT) -> str:
    """The whole answer in one message: the quotes that fit, or an honest decline."""
    if answer.declined or not answer.hits:
        return escape(DECLINE_TEXT)
    return quote_messages(answer.hits, total=len(answer.hits), header=note_html(answer), limit=limit)[0].html


def answer_text(answer: Answer) -> str:
    """The terminal chat's reply: the same content as the Telegram reply, in plain text."""
    if answer.declined or not answer.hits:
        return DECLINE_TEXT
    total = len(answer.hits)
    lines = [answer.note] if answer.note else []
    for number, hit in enumerate(answer.hits, start=1):
        label = marker(number, total)
        lines.append(f"{f'[{label}] ' if label else ''}“{hit.sentence}”\n  {source_text(hit)}")
    return "\n".join(lines)


def nearest_html(hit: Hit, limit: int = TELEGRAM_LIMIT) -> str:
    """The closest sentence to a declined question, clearly marked as not an answer."""
    head = f"<i>{escape(NOT_CONFIDENT_TEXT)}</i>\n"
    return head + hit_html(hit, limit=limit - telegram_length(head))


# -- context ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Paragraph:
    """The paragraph around a sentence, and where the sentence sits in it."""

    text: str
    start: int  # the sentence's offsets within ``text``
    end: int


def paragraph_of(article_text: str, hit: Hit) -> Paragraph | None:
    """The paragraph ``hit`` comes from, located by its offsets; None if it is not there."""
    paragraphs = article_text.split(PARAGRAPH_SEPARATOR)
    if not 0 <= hit.paragraph < len(paragraphs):
        return None
    text = paragraphs[hit.paragraph]
    begin = sum(len(p) + len(PARAGRAPH_SEPARATOR) for p in paragraphs[: hit.paragraph])
    start, end = hit.start - begin, hit.end - begin
    if text[max(start, 0) : max(end, 0)] != hit.sentence:
        # Offsets disagree (an article edited without a rebuild?): find the sentence instead.
        start = text.find(hit.sentence)
        if start < 0:
            return None
        end = start + len(hit.sentence)
    return Paragraph(text, start, end)


def passage_of(article_text: str, hit: Hit) -> Paragraph | None:
    """What Context shows: the sentence's paragraph, and when that paragraph is the sentence
    alone (common in news), the paragraphs just before and after it as well."""
    paragraph = paragraph_of(article_text, hit)
    if paragraph is None or paragraph.text.strip() != hit.sentence.strip():
        return paragraph
    paragraphs = article_text.split(PARAGRAPH_SEPARATOR)
    before = paragraphs[hit.paragraph - 1] + PARAGRAPH_SEPARATOR if hit.paragraph > 0 else ""
    after = PARAGRAPH_SEPARATOR + paragraphs[hit.paragraph + 1] if hit.paragraph + 1 < len(paragraphs) else ""
    return Paragraph(before + paragraph.text + after, len(before) + paragraph.start, len(before) + paragraph.end)


def context_html(hit: Hit, paragraph: Paragraph, limit: int = TELEGRAM_LIMIT) -> str:
    """The sentence's paragraph with the sentence in bold, shortened around it if need be."""
    head = "<b>Context</b>\n"
    source = source_html(hit)
    frame = telegram_length(head) + len("<blockquote></blockquote>\n") + telegram_length(source) + len("<b></b>")
    room = limit - frame
    sentence = fit_escaped(paragraph.text[paragraph.start : paragraph.end], room) or escape(ELLIPSIS)
    room -= telegram_length(sentence)
    before_text, after_text = paragraph.text[: paragraph.start], paragraph.text[paragraph.end :]
    # Share what is left between the text before and after; either may use what the other leaves.
    before = fit_escaped(before_text, max(room // 2, room - telegram_length(escape(after_text))), keep_end=True)
    after = fit_escaped(after_text, room - telegram_length(before))
    return f"{head}<blockquote>{before}<b>{sentence}</b>{after}</blockquote>\n{source}"


def context_text(hit: Hit, paragraph: Paragraph) -> str:
    """The plain-text twin of ``context_html``: the sentence between ** marks."""
    text = paragraph.text
    return f"{text[: paragraph.start]}**{text[paragraph.start : paragraph.end]}**{text[paragraph.end :]}\n  {source_text(hit)}"


# -- help, sources, about -------------------------------------------------------------------


def _articles_phrase(count: int) -> str:
    return f"{count} article{'s' * (count != 1)}"


def help_html(articles: Sequence[StoredArticle], examples: Sequence[str]) -> str:
    """What the bot does, how to ask (in private and in groups), and example questions."""
    lines = [
        "<b>Verbatim</b> answers questions about news articles with the exact sentences that answer them.",
        "",
        f"I know {_articles_phrase(len(articles))}. Type a question, or tap an example:",
    ]
    lines += [f"• <code>{escape(e)}</code>" for e in examples]
    lines += [
        "",
        "Under an answer, <b>Context</b> shows its paragraph and <b>More</b> the next sentences.",
        "In a group, use /ask <i>question</i>, mention me, or reply to my message.",
        "Anywhere, type my @username and a question to share a quote.",
        "",
        "/sources lists the articles; /about describes the index; /help shows this message.",
    ]
    return "\n".join(lines)


def help_text(articles: Sequence[StoredArticle], examples: Sequence[str]) -> str:
    lines = [
        "Verbatim answers questions about news articles with the exact sentences that answer them.",
        f"I know {_articles_phrase(len(articles))}. Type a question, for example:",
    ]
    lines += [f"  {e}" for e in examples]
    lines.append(
        "/sources lists the articles; /about describes the index; /help shows this; an empty line or Ctrl-D quits."
    )
    return "\n".join(lines)


def page_count(items: int, per_page: int = SOURCES_PER_PAGE) -> int:
    return max(1, -(-items // per_page))


def _article_line(number: int, article: StoredArticle) -> str:
    title = escape(shorten(article.title, TITLE_CHARS))
    label = f'<a href="{escape(article.url, quote=True)}">{title}</a>' if article.url else title
    when = format_date(article.published)
    return f"{number}. {label}{', ' + escape(when) if when else ''} ({article.sentences} sentences)"


def sources_page_html(articles: Sequence[StoredArticle], page: int, per_page: int = SOURCES_PER_PAGE) -> str:
    """One page of the article list (pages count from 0; out-of-range pages are clamped)."""
    if not articles:
        return NO_ARTICLES_TEXT
    pages = page_count(len(articles), per_page)
    page = min(max(page, 0), pages - 1)
    first = page * per_page
    shown = articles[first : first + per_page]
    header = f"<b>{_articles_phrase(len(articles))}</b>"
    if pages > 1:
        header += f" (page {page + 1} of {pages})"
    lines = [header] + [_article_line(first + i + 1, a) for i, a in enumerate(shown)]
    return "\n".join(lines)


def sources_html(articles: Sequence[StoredArticle], limit: int = TELEGRAM_LIMIT) -> str:
    """Every article in one message, as many as fit, then how many more there are."""
    if not articles:
        return NO_ARTICLES_TEXT
    lines = [f"<b>{_articles_phrase(len(articles))}</b>"]
    used = telegram_length(lines[0])
    for number, article in enumerate(articles, start=1):
        line = _article_line(number, article)
        if used + telegram_length(line) + 1 + 40 > limit:
            lines.append(f"… and {len(articles) - number + 1} more.")
            break
        lines.append(line)
        used += telegram_length(line) + 1
    return "\n".join(lines)


def sources_text(articles: Sequence[StoredArticle]) -> str:
    if not articles:
        return NO_ARTICLES_TEXT
    return "\n".join(
        f"{n}. {a.title}{', ' + format_date(a.published) if a.published else ''} ({a.sentences} sentences)"
        for n, a in enumerate(articles, start=1)
    )


def _about_facts(manifest: Manifest) -> list[tuple[str, str]]:
    built = manifest.built_at.replace("T", " ")[:16] + (" UTC" if manifest.built_at.endswith(("+00:00", "Z")) else "")
    return [
        ("Articles", f"{manifest.articles:,}"),
        ("Sentences", f"{manifest.sentences:,}"),
        ("Model", manifest.model),
        ("Built", built),
        ("Index version", manifest.content_hash[:8]),
    ]


def about_html(manifest: Manifest) -> str:
    """What the bot answers from: index size, embedding model, build date."""
    lines = ["<b>About this index</b>"]
    lines += [f"{name}: {escape(value)}" for name, value in _about_facts(manifest)]
    lines += ["", "Every answer is a sentence copied word for word from these articles."]
    return "\n".join(lines)


def about_text(manifest: Manifest) -> str:
    lines = ["About this index"]
    lines += [f"  {name}: {value}" for name, value in _about_facts(manifest)]
    return "\n".join(lines)
