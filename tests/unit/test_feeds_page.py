"""/feeds and the replies to /add, as an admin reads them."""

from __future__ import annotations

from bot.render.feeds import SourcesView, add_failed_html, added_html, feeds_html
from bot.render.telegram_text import TELEGRAM_LIMIT, telegram_length
from index import FeedStatus

NOON = 1_795_000_000.0  # 2026-11-18 ... UTC


def view(**changes: object) -> SourcesView:
    fields: dict = {
        "feeds": ("https://a.example/rss", "https://b.example/<atom>", "https://c.example/new"),
        "statuses": (
            FeedStatus("https://a.example/rss", 1, NOON, None),
            FeedStatus("https://b.example/<atom>", 0, NOON, "HTTP 500 <Internal Server Error>"),
            FeedStatus("https://gone.example/rss", 9, NOON, None),  # no longer a feed: not shown
        ),
        "added": 2,
        "refresh_minutes": 60.0,
        "refreshed_at": NOON,
        "error": None,
        "running": False,
    }
    fields.update(changes)
    return SourcesView(**fields)


def test_each_feed_shows_its_articles_last_refresh_and_error() -> None:
    html = feeds_html(view())
    assert html.startswith("<b>Feeds</b> (read every 60 min)")
    assert "• https://a.example/rss\n   1 article · read 2026-11-18 " in html
    assert "• https://b.example/&lt;atom&gt;\n   0 articles · read " in html
    assert "<b>error:</b> HTTP 500 &lt;Internal Server Error&gt;" in html
    assert "• https://c.example/new\n   not read yet" in html
    assert "gone.example" not in html
    assert "Pages added with /add: 2" in html and "Last refresh: 2026-11-18 " in html


def test_a_failed_or_running_refresh_and_no_feeds_are_said_plainly() -> None:
    assert "failed: Another build is running (the index was left as it was)" in feeds_html(
        view(error="Another build is running")
    )
    assert "A refresh is running now." in feeds_html(view(running=True))
    empty = feeds_html(view(feeds=(), statuses=(), refreshed_at=None))
    assert empty.startswith("No feeds are set (VERBATIM_FEEDS).") and "No refresh yet." in empty
    assert "(read every 30 s)" in feeds_html(view(refresh_minutes=0.5))


def test_hundreds_of_feeds_fit_in_one_message() -> None:
    feeds = tuple(f"https://site{n}.example/very/long/path/to/its/rss/feed.xml" for n in range(300))
    statuses = tuple(FeedStatus(url, 5, NOON, "x" * 400) for url in feeds)
    html = feeds_html(view(feeds=feeds, statuses=statuses))
    assert telegram_length(html) <= TELEGRAM_LIMIT
    assert "more" in html.split("\n\nPages added")[0].splitlines()[-1]
    assert "Pages added with /add: 2" in html and "Last refresh: " in html  # the summary is never cut


def test_the_add_replies_name_the_page() -> None:
    assert added_html("https://a.example/s?x=1&y=2", "Tom & Jerry", 1) == (
        "Added <b>Tom &amp; Jerry</b>\nhttps://a.example/s?x=1&amp;y=2\n"
        "1 sentence indexed; the page is read again at every refresh."
    )
    assert add_failed_html("https://a.example/", "HTTP 404 <Not Found>") == (
        "Could not add https://a.example/:\nHTTP 404 &lt;Not Found&gt;"
    )
