"""All web sources of a build: feeds read, their entries and the URLs fetched, articles made.

``gather_web`` first reads every feed (in parallel), then fetches every page once, whether one
URL asked for it or several feeds list it (in parallel, at most ``per_host`` at a time per host:
fetch.py), each through the cache (cached_fetch.py). Whatever fails is reported, never raised:
a page that cannot be had and was never cached is a ``LoadProblem``; one that was cached keeps
its copy; a feed that cannot be read keeps its cached entries. Articles come out in a stable
order: the URLs in the order given, then each feed's entries in feed order.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from tqdm import tqdm

from index.ingest.loaders import LoadProblem
from index.types import Article
from index.web.cache import WebCache
from index.web.cached_fetch import Got, Origin, fetch_through
from index.web.feeds import FeedEntry, FeedError, parse_feed
from index.web.fetch import Fetcher, FetchError, FetchPolicy, check_scheme
from index.web.pages import PAGE_ACCEPT, Hints, PageSkipped, page_article
from index.web.sources import FeedStatus, WebSources

log = logging.getLogger(__name__)

FEED_ACCEPT = "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1"
_LOG_EVERY = 10.0  # seconds between progress lines when there is no terminal


@dataclass(frozen=True)
class WebArticles:
    """What the web sources gave this build."""

    articles: tuple[Article, ...]
    problems: tuple[LoadProblem, ...]
    feeds: tuple[FeedStatus, ...]
    fetched: int  # pages downloaded (200) this run
    cached: int  # pages whose cached copy was reused: 304, or the fetch failed
    urls: frozenset[str] = field(default_factory=frozenset)  # every page and feed URL used


@dataclass
class _Page:
    """One page to fetch, with the feeds that list it and their hints."""

    url: str
    hints: Hints = field(default_factory=Hints)
    feeds: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _FeedRead:
    url: str
    entries: tuple[FeedEntry, ...]
    refreshed_at: float
    error: str | None
    problem: str | None  # set when the feed gave no entries at all (nothing cached either)


def gather_web(
    sources: WebSources,
    cache: WebCache,
    policy: FetchPolicy | None = None,
    *,
    progress: bool = False,
    clock: Callable[[], float] = time.time,
) -> WebArticles:
    """Read the feeds, fetch the pages, make the articles (see the module docstring)."""
    fetcher = Fetcher(policy)
    with fetcher, ThreadPoolExecutor(max_workers=fetcher.policy.workers, thread_name_prefix="fetch") as pool:
        feeds = list(pool.map(lambda url: _read_feed(url, cache, fetcher, clock), _unique(sources.feeds)))
        pages = _pages(sources.urls, feeds)
        results = list(
            _progress(pool.map(lambda page: _page(page, cache, fetcher, clock), pages), len(pages), progress)
        )
    problems = [LoadProblem(feed.url, feed.problem) for feed in feeds if feed.problem]
    articles: list[Article] = []
    in_index: dict[str, int] = {}  # feed URL -> entries whose page is in the index
    fetched = cached = 0
    taken: dict[str, str] = {}  # article id -> the URL that gave it
    for page, (got, outcome) in zip(pages, results, strict=True):
        if got is not None:
            fetched += got.origin is Origin.FETCHED
            cached += got.origin is not Origin.FETCHED
        if isinstance(outcome, str):
            problems.append(LoadProblem(page.url, outcome))
            continue
        if outcome.id in taken:
            problems.append(LoadProblem(page.url, f"the same article as {taken[outcome.id]} (both name {outcome.id})"))
            continue
        taken[outcome.id] = page.url
        articles.append(outcome)
        for feed_url in page.feeds:
            in_index[feed_url] = in_index.get(feed_url, 0) + 1
    statuses = tuple(FeedStatus(f.url, in_index.get(f.url, 0), f.refreshed_at, f.error) for f in feeds)
    used = frozenset([*(f.url for f in feeds), *(p.url for p in pages)])
    return WebArticles(tuple(articles), tuple(problems), statuses, fetched, cached, used)


def _unique(urls: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(u.strip() for u in urls if u.strip()))


def _read_feed(url: str, cache: WebCache, fetcher: Fetcher, clock: Callable[[], float]) -> _FeedRead:
    refreshed_at = clock()
    try:
        got = fetch_through(cache, fetcher, url, accept=FEED_ACCEPT, clock=clock)
    except FetchError as exc:
        return _FeedRead(url, (), refreshed_at, _plain(str(exc)), f"the feed could not be fetched: {exc}")
    try:
        entries = parse_feed(got.copy.body, got.copy.final_url)
    except FeedError as exc:
        return _FeedRead(url, (), refreshed_at, _plain(str(exc)), f"the feed could not be read: {exc}")
    if got.origin is Origin.FALLBACK:
        when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(got.copy.fetched_at))
        return _FeedRead(url, entries, refreshed_at, f"{got.failure}; kept the entries read {when}", None)
    return _FeedRead(url, entries, refreshed_at, None, None)


def _pages(urls: Iterable[str], feeds: Iterable[_FeedRead]) -> list[_Page]:
    """Every page once: the URLs first, then feed entries; hints from the first feed listing it."""
    pages: dict[str, _Page] = {url: _Page(url) for url in _unique(urls)}
    for feed in feeds:
        for entry in feed.entries:
            page = pages.get(entry.link)
            if page is None:
                page = pages[entry.link] = _Page(entry.link, Hints(entry.title, entry.published))
            elif not page.hints.title and not page.feeds:
                page.hints = Hints(entry.title, entry.published)
            if feed.url not in page.feeds:
                page.feeds.append(feed.url)
    return list(pages.values())


def _page(
    page: _Page, cache: WebCache, fetcher: Fetcher, clock: Callable[[], float]
) -> tuple[Got | None, Article | str]:
    """(this run's copy, the article or why there is none)."""
    try:
        check_scheme(page.url)
    except FetchError as exc:
        return None, str(exc)
    try:
        got = fetch_through(cache, fetcher, page.url, accept=PAGE_ACCEPT, clock=clock)
    except FetchError as exc:
        return None, f"could not be fetched: {exc}"
    try:
        return got, page_article(got.copy, page.hints)
    except PageSkipped as exc:
        return got, str(exc)


def _progress(
    results: Iterable[tuple[Got | None, Article | str]], total: int, bar: bool
) -> Iterable[tuple[Got | None, Article | str]]:
    """Pass ``results`` through, showing progress: a bar on a terminal, else a log line every 10 s."""
    if total == 0:
        return
    if bar:
        yield from tqdm(results, total=total, desc="Fetching", unit="page")
        return
    started = last = time.monotonic()
    for done, result in enumerate(results, start=1):
        now = time.monotonic()
        if now - last >= _LOG_EVERY or done == total:
            log.info("fetched %d of %d pages (%.0f s)", done, total, now - started)
            last = now
        yield result


def _plain(message: str) -> str:
    return message[:200]
