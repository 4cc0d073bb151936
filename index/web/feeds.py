"""Reading an RSS or Atom feed: the link, title and date of each entry.

feedparser reads every RSS and Atom dialect and tolerates much broken XML; a document from
which it gets no entries at all and which it also calls malformed is no feed, and says why.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import urljoin

import feedparser

from index.ingest.cleaning import normalise_text


@dataclass(frozen=True)
class FeedEntry:
    """One entry of a feed: the page it links to, and what the feed says about it."""

    link: str
    title: str
    published: str | None  # YYYY-MM-DD


class FeedError(Exception):
    """The document is not a feed this code can read; ``str(error)`` says why."""


def parse_feed(body: bytes, url: str) -> tuple[FeedEntry, ...]:
    """The entries of the feed in ``body`` (served at ``url``), in feed order, one per link."""
    parsed = feedparser.parse(body, response_headers={"content-location": url})
    entries: list[FeedEntry] = []
    seen: set[str] = set()
    for entry in parsed.entries:
        link = _link(entry, url)
        if link is None or link in seen:
            continue
        seen.add(link)
        entries.append(FeedEntry(link, normalise_text(entry.get("title") or ""), _date(entry)))
    if not entries and (parsed.get("bozo") or not parsed.get("version")):
        reason = getattr(parsed.get("bozo_exception"), "getMessage", None)
        detail = reason() if callable(reason) else str(parsed.get("bozo_exception") or "no RSS or Atom elements")
        raise FeedError(f"not a readable RSS or Atom feed ({normalise_text(str(detail))[:120]})")
    return tuple(entries)


def _link(entry: feedparser.FeedParserDict, base: str) -> str | None:
    link = entry.get("link")
    if not link:
        alternates = [x.get("href") for x in entry.get("links", ()) if x.get("rel", "alternate") == "alternate"]
        link = next((href for href in alternates if href), None)
    if not link:
        return None
    return urljoin(base, normalise_text(link))


def _date(entry: feedparser.FeedParserDict) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            return time.strftime("%Y-%m-%d", value)
    return None
