"""The bot's pages about itself: /help (and /start), /sources a page at a time, /about.

Telegram HTML for the chat and a plain-text twin for the terminal chat. Pure functions.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.render.replies import TITLE_CHARS
from bot.render.telegram_text import TELEGRAM_LIMIT, escape, format_date, shorten, telegram_length
from index import StoredArticle

if TYPE_CHECKING:  # only the type: rendering needs no FAISS
    from index import Manifest

SOURCES_PER_PAGE = 10
NO_ARTICLES_TEXT = "No articles are indexed yet."


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
        "/more shows an answer's next quotes; /sources lists the articles; /about describes the index;"
        " /help shows this; an empty line or Ctrl-D quits."
    )
    return "\n".join(lines)


def page_count(items: int, per_page: int = SOURCES_PER_PAGE) -> int:
    return max(1, -(-items // per_page))


def _article_line(number: int, article: StoredArticle) -> str:
    title = escape(shorten(article.title, TITLE_CHARS))
    label = f'<a href="{escape(article.url, quote=True)}">{title}</a>' if article.url else title
    when = format_date(article.published)
    by = f", by {escape(shorten(article.author, TITLE_CHARS))}" if article.author else ""
    return f"{number}. {label}{', ' + escape(when) if when else ''}{by} ({article.sentences} sentences)"


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
        f"{n}. {a.title}{', ' + format_date(a.published) if a.published else ''}"
        f"{', by ' + a.author if a.author else ''} ({a.sentences} sentences)"
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
