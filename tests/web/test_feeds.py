"""Reading feeds as they are found in the wild: relative links, repeated entries, entries
without dates, slightly broken XML that still holds entries, and documents that are no feed."""

from __future__ import annotations

import pytest

from index.web.feeds import FeedEntry, FeedError, parse_feed
from tests.news_site import atom_feed, rss_feed


def test_rss_and_atom_give_each_linked_page_once_with_its_title_and_date() -> None:
    items = [("/news/a", "First & foremost", "2022-01-10"), ("https://other.example/b", "Second", "2022-01-11")]
    expected = (
        FeedEntry("https://news.example/news/a", "First & foremost", "2022-01-10"),
        FeedEntry("https://other.example/b", "Second", "2022-01-11"),
    )
    for document in (rss_feed([*items, items[0]]), atom_feed([*items, items[0]])):
        assert parse_feed(document.encode(), "https://news.example/feed.xml") == expected


def test_an_entry_without_a_date_or_link_is_taken_as_it_is() -> None:
    document = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        "<item><title>No date</title><link>https://news.example/a</link></item>"
        "<item><title>No link</title></item></channel></rss>"
    )
    assert parse_feed(document.encode(), "https://news.example/rss") == (
        FeedEntry("https://news.example/a", "No date", None),
    )


def test_a_slightly_broken_feed_is_still_read() -> None:
    document = rss_feed([("https://news.example/a", "A", "2022-01-10")]).replace("</channel></rss>", "")
    assert [e.link for e in parse_feed(document.encode(), "https://news.example/rss")] == ["https://news.example/a"]


@pytest.mark.parametrize(
    "document", [b"<html><body><p>Our news</p></body></html>", b"", b"\x89PNG\r\n\x1a\n not a feed"]
)
def test_a_document_that_is_no_feed_says_so(document: bytes) -> None:
    with pytest.raises(FeedError, match="not a readable RSS or Atom feed"):
        parse_feed(document, "https://news.example/rss")
