"""The one fake web for the tests: an HTTP server on 127.0.0.1 (``server.py``: routes that serve
pages and feeds or misbehave; ``NewsSite``, the same server as a news site whose stories a test
publishes while the bot runs) and the pages and feeds it serves (``pages.py``: realistic news
pages and RSS/Atom feeds made from text we own, and the stories the refresh tests use)."""

from tests.news_site.pages import (
    APRICOTS,
    BRIDGE,
    FERRY,
    FURNITURE,
    LIBRARY,
    NewsStory,
    atom_feed,
    news_page,
    polnear_stories,
    rss_feed,
    sample_story,
)
from tests.news_site.server import FEED_PATH, NewsSite, Route, Seen, WebServer

__all__ = [
    "APRICOTS",
    "BRIDGE",
    "FEED_PATH",
    "FERRY",
    "FURNITURE",
    "LIBRARY",
    "NewsSite",
    "NewsStory",
    "Route",
    "Seen",
    "WebServer",
    "atom_feed",
    "news_page",
    "polnear_stories",
    "rss_feed",
    "sample_story",
]
