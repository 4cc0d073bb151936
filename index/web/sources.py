"""Where articles come from besides a folder, and what a build says about each feed.

``WebSources`` names the pages (``urls``) and RSS/Atom feeds (``feeds``) to index; a build
reports each feed as a ``FeedStatus`` (the bot's /feeds shows them). Both are public names of
``index``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class WebSources:
    """Pages and feeds to index (each entry of a feed is fetched as a page)."""

    urls: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.urls and not self.feeds


@dataclass(frozen=True)
class FeedStatus:
    """One feed after a build."""

    url: str
    articles: int  # entries of this feed whose page is in the built index
    refreshed_at: float  # time.time() when the feed was read (or tried)
    error: str | None  # None when the feed was read fine; else a short, plain message
