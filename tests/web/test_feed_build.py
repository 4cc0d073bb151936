"""A feed served on 127.0.0.1 -> build_index -> answers that carry each page's title, URL and date;
a re-run with nothing changed fetches and re-embeds nothing; a failing site keeps its articles."""

from __future__ import annotations

import asyncio
from pathlib import Path

from index.build import build_index
from index.embedding.models import Embedder
from index.search.searcher import Searcher
from index.web.fetch import FetchPolicy
from index.web.sources import WebSources
from tests.news_site import NewsStory, Route, WebServer, news_page, rss_feed, sample_story


def serve_stories(server: WebServer, stories: list[NewsStory]) -> str:
    """Serve each story at /news/SLUG (canonical: https://news.example.com/SLUG) and an RSS feed
    of them at /feed.xml; the feed's URL."""
    items = []
    for story in stories:
        server.routes[f"/news/{story.slug}"] = Route(news_page(story, canonical(story)).encode())
        items.append((server.url(f"/news/{story.slug}"), story.title, story.published))
    server.routes["/feed.xml"] = Route(rss_feed(items).encode(), content_type="application/rss+xml")
    return server.url("/feed.xml")


def canonical(story: NewsStory) -> str:
    return f"https://news.example.com/world/{story.slug}"


def split_sample() -> list[NewsStory]:
    """Three stories cut from the sample article (text we own), each with its own date."""
    whole = sample_story()
    p = whole.paragraphs
    return [
        NewsStory("nato-united", whole.title, p[:10], "2022-01-11", whole.author),
        NewsStory("sherman-briefs", "Sherman Briefs NATO Allies On Geneva Talks", p[10:18], "2022-01-12"),
        NewsStory("kuleba-praises-unity", "Kuleba Praises Unity With Washington", p[18:], "2022-01-13"),
    ]


def test_a_feed_becomes_answers_with_title_url_and_date(
    tmp_path: Path, server: WebServer, policy: FetchPolicy, embedder: Embedder
) -> None:
    stories = split_sample()
    feed = serve_stories(server, stories)
    report = build_index(None, tmp_path / "index", embedder, web=WebSources(feeds=(feed,)), fetch_policy=policy)
    assert report.articles == 3 and report.fetched == 3 and report.cached == 0 and not report.problems
    assert [(f.url, f.articles, f.error) for f in report.feeds] == [(feed, 3, None)]
    searcher = Searcher.open(tmp_path / "index", embedder=embedder)
    try:
        answer = searcher.answer("What did Kuleba praise?")
        assert not answer.declined
        hit = answer.hits[0]
        assert "Kuleba" in hit.sentence and "praised" in hit.sentence
        assert (hit.title, hit.url, hit.published) == (
            "Kuleba Praises Unity With Washington",
            "https://news.example.com/world/kuleba-praises-unity",
            "2022-01-13",
        )
        # The page furniture is not indexed: no answer quotes the cookie banner or the footer.
        cookie = searcher.answer("Do you use cookies to improve my experience?")
        assert all("cookies" not in h.sentence for h in cookie.hits)
    finally:
        searcher.close()


def test_rerunning_an_unchanged_feed_fetches_and_embeds_nothing(
    tmp_path: Path, server: WebServer, policy: FetchPolicy, embedder: Embedder
) -> None:
    feed = serve_stories(server, split_sample())
    web = WebSources(feeds=(feed,))
    build_index(None, tmp_path / "index", embedder, web=web, fetch_policy=policy)
    server.seen.clear()
    again = build_index(None, tmp_path / "index", embedder, web=web, fetch_policy=policy)
    assert (again.articles, again.encoded, again.fetched, again.cached) == (3, 0, 0, 3)
    assert again.unchanged_articles == 3
    assert len(server.seen) == 4 and all("if-none-match" in s.headers for s in server.seen)


def test_a_failing_site_keeps_the_previous_articles(
    tmp_path: Path, server: WebServer, policy: FetchPolicy, embedder: Embedder, caplog
) -> None:
    feed = serve_stories(server, split_sample())
    web = WebSources(feeds=(feed,))
    build_index(None, tmp_path / "index", embedder, web=web, fetch_policy=policy)
    for route in server.routes.values():
        route.failures = -1  # every request now fails with a 500
    failing = build_index(None, tmp_path / "index", embedder, web=web, fetch_policy=policy)
    assert (failing.articles, failing.encoded, failing.fetched, failing.cached) == (3, 0, 0, 3)
    assert not failing.problems
    (status,) = failing.feeds
    assert status.articles == 3 and status.error is not None and "HTTP 500" in status.error
    assert any(r.levelname == "WARNING" and r.name.startswith("index.") for r in caplog.records)


def test_a_page_added_to_the_feed_is_indexed_by_a_rebuild_in_a_worker_thread(
    tmp_path: Path, server: WebServer, policy: FetchPolicy, embedder: Embedder
) -> None:
    stories = split_sample()
    feed = serve_stories(server, stories[:2])
    web = WebSources(feeds=(feed,))
    first = build_index(None, tmp_path / "index", embedder, web=web, fetch_policy=policy)
    serve_stories(server, stories)  # the feed now lists a third page
    server.seen.clear()
    # As the bot runs it: in a worker thread, off the event loop.
    again = asyncio.run(
        asyncio.to_thread(build_index, None, tmp_path / "index", embedder, web=web, fetch_policy=policy)
    )
    assert (again.articles, again.fetched, again.cached, again.unchanged_articles) == (3, 1, 2, 2)
    assert again.encoded == again.sentences - first.sentences  # only the new page's sentences
    assert [s.path for s in server.seen if "if-none-match" not in s.headers] == ["/news/kuleba-praises-unity"]
    searcher = Searcher.open(tmp_path / "index", embedder=embedder)
    try:
        hit = searcher.answer("What did Kuleba praise?").hits[0]
        assert hit.url == "https://news.example.com/world/kuleba-praises-unity"
    finally:
        searcher.close()
