"""The admins' pages about web sources: /feeds (each feed's last refresh, article count and last
error) and the replies to /add. Telegram HTML; pure functions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from bot.render.telegram_text import TELEGRAM_LIMIT, escape, shorten, telegram_length
from index import FeedStatus

ERROR_CHARS = 300  # a feed's error is a short plain message; a long one is cut
ADD_USAGE_TEXT = "Send /add and a web address, for example: /add https://example.com/news/story.html"
NO_FEEDS_TEXT = "No feeds are set (VERBATIM_FEEDS)."


@dataclass(frozen=True)
class SourcesView:
    """What /feeds shows: the configured feeds, how each fared, and the last refresh."""

    feeds: Sequence[str]  # the feeds the bot reads, in the order they were set
    statuses: Sequence[FeedStatus]  # how feeds fared at their last refresh (any order, any subset)
    added: int  # pages added with /add
    refresh_minutes: float
    refreshed_at: float | None  # the last refresh, None: none yet
    error: str | None  # why the last refresh failed as a whole
    running: bool  # a refresh is in progress now


def utc_time(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, UTC).strftime("%Y-%m-%d %H:%M UTC")


def minutes_phrase(minutes: float) -> str:
    if minutes < 1:
        return f"{minutes * 60:g} s"
    return f"{minutes:g} min"


def feeds_html(view: SourcesView) -> str:
    """/feeds: one entry per feed, then the added pages and the last refresh; at most one message."""
    by_url = {status.url: status for status in view.statuses}
    head = [f"<b>Feeds</b> (read every {minutes_phrase(view.refresh_minutes)})"] if view.feeds else [NO_FEEDS_TEXT]
    tail = ["", f"Pages added with /add: {view.added}", _last_refresh(view)]
    entries = [_feed_entry(url, by_url.get(url)) for url in view.feeds]
    budget = TELEGRAM_LIMIT - telegram_length("\n".join(head + tail)) - 40  # room for "… and N more"
    shown: list[str] = []
    for entry in entries:
        cost = telegram_length(entry) + 1
        if cost > budget:
            shown.append(f"… and {len(entries) - len(shown)} more")
            break
        shown.append(entry)
        budget -= cost
    return "\n".join(head + shown + tail)


def _feed_entry(url: str, status: FeedStatus | None) -> str:
    line = f"• {escape(url)}\n   "
    if status is None:
        return line + "not read yet"
    line += f"{status.articles} article{'s' * (status.articles != 1)} · read {utc_time(status.refreshed_at)}"
    if status.error:
        line += f"\n   <b>error:</b> {escape(shorten(status.error, ERROR_CHARS))}"
    return line


def _last_refresh(view: SourcesView) -> str:
    if view.running:
        return "A refresh is running now."
    if view.refreshed_at is None:
        return "No refresh yet."
    line = f"Last refresh: {utc_time(view.refreshed_at)}"
    if view.error:
        line += f", failed: {escape(shorten(view.error, ERROR_CHARS))} (the index was left as it was)"
    return line


def added_html(url: str, title: str, sentences: int) -> str:
    """/add worked: the page's title and how many of its sentences are now answered from."""
    return (
        f"Added <b>{escape(title)}</b>\n{escape(url)}\n"
        f"{sentences} sentence{'s' * (sentences != 1)} indexed; the page is read again at every refresh."
    )


def add_failed_html(url: str, reason: str) -> str:
    return f"Could not add {escape(url)}:\n{escape(shorten(reason, ERROR_CHARS))}"


def add_problem_html(reason: str) -> str:
    """/add with no address, or one that is not http(s): why, and how to ask."""
    return f"{escape(reason)}\n{escape(ADD_USAGE_TEXT)}"
