"""Fetching is polite and safe, and every way a site can fail is reported in plain words without
stopping the others: real HTTP on 127.0.0.1 (slow, failing, resetting, oversized, redirecting,
non-HTML and malformed answers), through gather_web, the build's door to the web."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import pytest

from index.web.cache import WebCache
from index.web.fetch import FetchPolicy
from index.web.gather import WebArticles, gather_web
from index.web.sources import WebSources
from tests.news_site import NewsStory, Route, WebServer, atom_feed, news_page, rss_feed, sample_story

STORY = sample_story()
PAGE = news_page(STORY, "https://news.example.com/world/nato").encode()


def gather(server: WebServer, tmp_path: Path, policy: FetchPolicy, *, urls=(), feeds=()) -> WebArticles:
    web = WebSources(tuple(server.url(u) for u in urls), tuple(server.url(f) for f in feeds))
    return gather_web(web, WebCache(tmp_path / "cache"), policy)


def problems(result: WebArticles, server: WebServer) -> dict[str, str]:
    prefix = server.url("")
    return {p.path.removeprefix(prefix): p.message for p in result.problems}


def test_a_page_is_fetched_with_a_clear_user_agent_and_becomes_an_article(
    tmp_path: Path, server: WebServer, policy: FetchPolicy
) -> None:
    server.routes["/nato"] = Route(PAGE)
    result = gather(server, tmp_path, policy, urls=["/nato"])
    (article,) = result.articles
    assert (article.id, article.url, article.source) == (
        "https://news.example.com/world/nato",
        "https://news.example.com/world/nato",
        server.url("/nato"),
    )
    assert (article.title, article.published, result.fetched, result.cached) == (STORY.title, "2022-01-11", 1, 0)
    (request,) = server.requests_to("/nato")
    assert request.headers["user-agent"].startswith("Verbatim/0.1 (news question-answering bot")


def test_server_errors_are_retried_with_backoff_and_then_reported(
    tmp_path: Path, server: WebServer, policy: FetchPolicy
) -> None:
    server.routes["/flaky"] = Route(PAGE, failures=1)  # one 500, then the page
    server.routes["/down"] = Route(PAGE, failures=-1)  # 500 for ever
    server.routes["/missing-page"] = Route(b"gone", status=404, etag=False)
    result = gather(server, tmp_path, policy, urls=["/flaky", "/down", "/missing-page"])
    assert [a.source for a in result.articles] == [server.url("/flaky")]
    assert problems(result, server) == {
        "/down": "could not be fetched: HTTP 500 Internal Server Error (tried 2 times)",
        "/missing-page": "could not be fetched: HTTP 404 Not Found",
    }
    assert [len(server.requests_to(p)) for p in ("/flaky", "/down", "/missing-page")] == [2, 2, 1]


def test_a_busy_server_is_given_the_pause_it_asks_for(tmp_path: Path, server: WebServer, policy: FetchPolicy) -> None:
    server.routes["/busy"] = Route(PAGE, failures=1, fail_status=503, retry_after="1")
    started = time.monotonic()
    result = gather(server, tmp_path, policy, urls=["/busy"])
    assert len(result.articles) == 1
    assert time.monotonic() - started >= 1.0  # not the test policy's 0.01 s backoff


def test_timeouts_and_reset_connections_are_reported(tmp_path: Path, server: WebServer, policy: FetchPolicy) -> None:
    server.routes["/slow"] = Route(PAGE, delay=2.0)
    server.routes["/reset"] = Route(PAGE, failures=-1, reset=True)
    started = time.monotonic()
    result = gather(server, tmp_path, policy, urls=["/slow", "/reset"])
    assert time.monotonic() - started < 3.0  # 2 tries x 0.5 s read timeout, not 2 x 2 s
    assert not result.articles
    found = problems(result, server)
    assert found["/slow"] == "could not be fetched: timed out (no response) (tried 2 times)"
    assert found["/reset"].startswith("could not be fetched: connection failed (")


def test_a_site_dripping_bytes_is_cut_off_at_the_total_timeout(tmp_path: Path, server: WebServer) -> None:
    server.routes["/drip"] = Route(chunked_forever=True, drip=0.05)  # each piece well within the read timeout
    policy = FetchPolicy(read_timeout=0.5, total_timeout=0.6, retries=0)
    started = time.monotonic()
    result = gather(server, tmp_path, policy, urls=["/drip"])
    assert time.monotonic() - started < 3.0
    assert problems(result, server) == {
        "/drip": "could not be fetched: timed out (still sending after 0.6 s) (tried 1 time)"
    }


def test_oversized_answers_are_cut_off(tmp_path: Path, server: WebServer, policy: FetchPolicy) -> None:
    server.routes["/big"] = Route(PAGE + b"<p>" + b"x" * 300_000 + b"</p>")
    server.routes["/endless"] = Route(chunked_forever=True)  # no Content-Length, never ends
    started = time.monotonic()
    result = gather(server, tmp_path, policy, urls=["/big", "/endless"])
    assert time.monotonic() - started < 5.0
    found = problems(result, server)
    assert found["/big"].startswith("could not be fetched: too large (")
    assert found["/endless"] == "could not be fetched: too large (more than 200,000 bytes; the limit is 200,000)"


def test_redirects_are_followed_a_bounded_number_of_times(
    tmp_path: Path, server: WebServer, policy: FetchPolicy
) -> None:
    server.routes["/old"] = Route(status=301, location="/moved")
    server.routes["/moved"] = Route(status=302, location=server.url("/nato"))
    server.routes["/nato"] = Route(PAGE)
    for hop in range(7):
        server.routes[f"/loop{hop}"] = Route(status=302, location=f"/loop{hop + 1}")
    server.routes["/to-ftp"] = Route(status=302, location="ftp://files.example.com/a.html")
    result = gather(server, tmp_path, policy, urls=["/old", "/loop0", "/to-ftp"])
    (article,) = result.articles
    assert article.source == server.url("/old") and article.title == STORY.title
    found = problems(result, server)
    assert found["/loop0"] == f"could not be fetched: more than 5 redirects (the last one to {server.url('/loop6')})"
    assert found["/to-ftp"].startswith(
        "could not be fetched: redirected to ftp://files.example.com/a.html: not an http or https address"
    )


def test_only_web_pages_with_an_article_are_indexed(tmp_path: Path, server: WebServer, policy: FetchPolicy) -> None:
    server.routes["/report.pdf"] = Route(b"%PDF-1.7 ...", content_type="application/pdf")
    links = "".join(f'<li><a href="/world/{n}">Story number {n} of the day</a></li>' for n in range(30))
    server.routes["/"] = Route(
        f"<html><head><title>Home</title></head><body><nav><ul>{links}</ul></nav></body></html>".encode()
    )
    web = WebSources((server.url("/report.pdf"), server.url("/"), "ftp://files.example.com/a.html"))
    result = gather_web(web, WebCache(tmp_path / "cache"), policy)
    assert not result.articles
    assert {p.path: p.message for p in result.problems} == {
        server.url("/report.pdf"): "not a web page (application/pdf); skipped",
        server.url("/"): "no article text found on the page (a home page, a list of links or a login wall?)",
        "ftp://files.example.com/a.html": "not an http or https address (ftp:); only web pages can be fetched",
    }


def _bare_page(story: NewsStory) -> bytes:
    """A page with no title, date or canonical link of its own."""
    return (
        "<html><body><article>" + "".join(f"<p>{p}</p>" for p in story.paragraphs) + "</article></body></html>"
    ).encode()


def test_rss_and_atom_entries_are_fetched_and_the_feed_fills_in_title_and_date(
    tmp_path: Path, server: WebServer, policy: FetchPolicy
) -> None:
    p = STORY.paragraphs
    stories = [
        NewsStory("a", "Allies United", p[:9], "2022-01-10"),
        NewsStory("b", "Sherman Briefs", p[9:18], "2022-01-11"),
    ]
    server.routes["/a"] = Route(news_page(stories[0], "https://news.example.com/a").encode())
    server.routes["/b"] = Route(_bare_page(stories[1]))
    server.routes["/rss"] = Route(
        rss_feed([(server.url("/a"), "Allies United (feed)", "2022-01-10")]).encode(), content_type="text/xml"
    )
    server.routes["/atom"] = Route(
        atom_feed(
            [(server.url("/b"), "Sherman Briefs NATO", "2022-01-11"), (server.url("/a"), "Allies", "2022-01-10")]
        ).encode(),
        content_type="application/atom+xml",
    )
    result = gather(server, tmp_path, policy, feeds=["/rss", "/atom"])
    assert [(a.title, a.published, a.url) for a in result.articles] == [
        ("Allies United", "2022-01-10", "https://news.example.com/a"),  # the page's own title wins
        ("Sherman Briefs NATO", "2022-01-11", server.url("/b")),  # the feed's, for a page without
    ]
    assert [(f.url, f.articles, f.error) for f in result.feeds] == [
        (server.url("/rss"), 1, None),
        (server.url("/atom"), 2, None),
    ]
    assert len(server.requests_to("/a")) == 1  # listed twice, fetched once


def test_a_malformed_feed_is_named_and_the_others_still_read(
    tmp_path: Path, server: WebServer, policy: FetchPolicy
) -> None:
    server.routes["/a"] = Route(PAGE)
    server.routes["/good"] = Route(
        rss_feed([(server.url("/a"), "A", "2022-01-10")]).encode(), content_type="application/rss+xml"
    )
    server.routes["/broken"] = Route(b"<html><body>This is not <b>a feed</body>", content_type="text/html")
    server.routes["/gone"] = Route(b"", status=410, etag=False)
    result = gather(server, tmp_path, policy, feeds=["/broken", "/good", "/gone"])
    assert len(result.articles) == 1
    statuses = {f.url.removeprefix(server.url("")): f for f in result.feeds}
    assert statuses["/good"].error is None and statuses["/good"].articles == 1
    assert statuses["/broken"].articles == 0 and statuses["/broken"].error.startswith("not a readable RSS or Atom feed")
    assert statuses["/gone"].error == "HTTP 410 Gone"
    assert set(problems(result, server)) == {"/broken", "/gone"}


def test_no_more_than_two_requests_at_a_time_go_to_one_host(
    tmp_path: Path, server: WebServer, policy: FetchPolicy
) -> None:
    for n in range(6):
        server.routes[f"/p{n}"] = Route(PAGE.replace(b"/world/nato", f"/world/nato{n}".encode()), delay=0.2)
    result = gather(server, tmp_path, policy, urls=[f"/p{n}" for n in range(6)])
    assert len(result.articles) == 6
    assert server.most_in_flight == 2


def test_a_cached_page_survives_its_site_failing_and_a_304_downloads_nothing(
    tmp_path: Path, server: WebServer, policy: FetchPolicy, caplog: pytest.LogCaptureFixture
) -> None:
    server.routes["/nato"] = Route(PAGE)
    first = gather(server, tmp_path, policy, urls=["/nato"])
    second = gather(server, tmp_path, policy, urls=["/nato"])
    assert (second.fetched, second.cached, second.articles) == (0, 1, first.articles)
    assert server.requests_to("/nato")[1].headers["if-none-match"].startswith('"')
    server.routes["/nato"] = Route(PAGE, delay=2.0)  # the site now hangs
    with caplog.at_level(logging.WARNING, logger="index"):
        hanging = gather(server, tmp_path, policy, urls=["/nato"])
    assert (hanging.articles, hanging.problems, hanging.cached) == (first.articles, (), 1)
    (warning,) = [r for r in caplog.records if r.levelname == "WARNING"]
    assert warning.name.startswith("index.") and "timed out" in warning.getMessage()
    assert "keeping the copy fetched" in warning.getMessage()


def test_progress_is_logged_when_there_is_no_terminal(
    tmp_path: Path, server: WebServer, policy: FetchPolicy, caplog: pytest.LogCaptureFixture
) -> None:
    for n in range(3):
        server.routes[f"/p{n}"] = Route(PAGE.replace(b"/world/nato", f"/world/nato{n}".encode()))
    with caplog.at_level(logging.INFO, logger="index"):
        gather(server, tmp_path, policy, urls=[f"/p{n}" for n in range(3)])
    assert [r.getMessage().split(" (")[0] for r in caplog.records if r.name == "index.web.gather"] == [
        "fetched 3 of 3 pages"
    ]


def test_a_cache_that_cannot_be_written_costs_no_article(
    tmp_path: Path, server: WebServer, policy: FetchPolicy, caplog: pytest.LogCaptureFixture
) -> None:
    server.routes["/nato"] = Route(PAGE)
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="index"):
        result = gather_web(WebSources((server.url("/nato"),)), WebCache(blocked), policy)
    assert [a.title for a in result.articles] == [STORY.title] and not result.problems
    assert any("could not keep a copy" in r.getMessage() for r in caplog.records)
