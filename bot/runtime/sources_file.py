"""The bot's own record of its web sources: a small JSON file beside the index directory.

It holds the pages admins added with ``/add`` (each later refresh fetches them again, and they
outlive a restart) and how each feed fared at its last refresh (for ``/feeds``). It lives beside
the index, never in it (``verbatim-index`` refuses a directory holding files of its own), and is
replaced atomically (``index.write_atomically``), so a crash leaves the old record or the new one.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from index import FeedStatus, write_atomically

logger = logging.getLogger(__name__)

SOURCES_FILE_SUFFIX = ".sources.json"  # data/index -> data/index.sources.json
FORMAT = "verbatim-sources/1"


@dataclass(frozen=True)
class SourcesRecord:
    """What the bot remembers about its web sources between refreshes and restarts."""

    added: tuple[str, ...] = ()  # URLs admins added with /add, oldest first
    feeds: tuple[FeedStatus, ...] = ()  # each feed as it was last read (or tried)
    refreshed_at: float | None = None  # when the last refresh ended, well or not
    error: str | None = None  # why the last refresh failed as a whole (None: it did not)

    def feed(self, url: str) -> FeedStatus | None:
        return next((status for status in self.feeds if status.url == url), None)

    def with_added(self, url: str) -> SourcesRecord:
        return self if url in self.added else replace(self, added=(*self.added, url))

    def with_refresh(self, feeds: tuple[FeedStatus, ...], at: float, error: str | None) -> SourcesRecord:
        """After a refresh: the feeds it read replace their old statuses, the others stay."""
        fresh = {status.url for status in feeds}
        kept = tuple(status for status in self.feeds if status.url not in fresh)
        return replace(self, feeds=(*kept, *feeds), refreshed_at=at, error=error)


def default_sources_file(index_dir: Path) -> Path:
    """``data/index`` -> ``data/index.sources.json``: beside the index, so rebuilds keep it."""
    absolute = Path(os.path.abspath(index_dir))
    return absolute.with_name(absolute.name + SOURCES_FILE_SUFFIX)


def dump_sources(record: SourcesRecord) -> bytes:
    data = {
        "format": FORMAT,
        "added": list(record.added),
        "feeds": [
            {"url": s.url, "articles": s.articles, "refreshed_at": s.refreshed_at, "error": s.error}
            for s in record.feeds
        ],
        "refreshed_at": record.refreshed_at,
        "error": record.error,
    }
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def parse_sources(text: str) -> SourcesRecord:
    """The record in ``text``; ValueError (with the reason) for anything that is not one."""
    data = json.loads(text)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError(f"not a Verbatim sources file (expected format {FORMAT!r})")
    added = data.get("added", [])
    if not isinstance(added, list) or not all(isinstance(url, str) for url in added):
        raise ValueError("'added' must be a list of URLs")
    return SourcesRecord(
        added=tuple(dict.fromkeys(added)),
        feeds=tuple(_feed(entry) for entry in data.get("feeds", [])),
        refreshed_at=_number_or_none(data.get("refreshed_at"), "refreshed_at"),
        error=_text_or_none(data.get("error"), "error"),
    )


def read_sources(path: Path | None) -> SourcesRecord:
    """The record at ``path``; an empty one when there is none yet, or when it cannot be read
    (said at ERROR, naming the file: the next save replaces it)."""
    if path is None:
        return SourcesRecord()
    try:
        return parse_sources(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return SourcesRecord()
    except (OSError, UnicodeDecodeError, ValueError) as exc:  # json.JSONDecodeError is a ValueError
        logger.error("Ignoring the sources file %s, which cannot be read: %s", path, exc)
        return SourcesRecord()


def write_sources(path: Path | None, record: SourcesRecord) -> None:
    """Save ``record`` at ``path`` atomically; a failure is a WARNING (the bot runs on without it)."""
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, dump_sources(record))
    except OSError as exc:
        logger.warning("Could not save the sources file %s: %s", path, exc)


def _feed(entry: Any) -> FeedStatus:
    if not isinstance(entry, dict) or not isinstance(entry.get("url"), str):
        raise ValueError("each of 'feeds' must be an object with a 'url'")
    articles = entry.get("articles", 0)
    if not isinstance(articles, int) or isinstance(articles, bool) or articles < 0:
        raise ValueError(f"'articles' of {entry['url']} must be a whole number")
    refreshed_at = _number_or_none(entry.get("refreshed_at"), "refreshed_at")
    return FeedStatus(entry["url"], articles, refreshed_at or 0.0, _text_or_none(entry.get("error"), "error"))


def _number_or_none(value: Any, name: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{name!r} must be a number")
    return float(value)


def _text_or_none(value: Any, name: str) -> str | None:
    if value is not None and not isinstance(value, str):
        raise ValueError(f"{name!r} must be text")
    return value
