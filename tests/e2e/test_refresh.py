"""A bot that keeps up with the web: feeds read on the JobQueue, /add and /feeds for admins.

The bot runs as in production (``serve``, the fake Bot API on 127.0.0.1) over a copy of the
sample index; a small news site on 127.0.0.1 (``tests.news_site``) serves an RSS feed and its
pages, and the tests publish stories, break a feed, and ask what a user would ask.
"""

from __future__ import annotations

import asyncio
import json
import logging
import shutil
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

import pytest
from telegram.ext import Application

from bot.render import replies
from bot.runtime.refresh import RefreshOutcome, refresher_of
from bot.runtime.sources_file import default_sources_file
from bot.telegram.app import build_application
from index import Searcher
from index.embedding.models import Embedder
from index.store.manifest import build_lock
from tests.botrunner import serving, settings_for, wait_for_messages
from tests.fakes.bot_api import FakeBotAPI
from tests.news_site import APRICOTS, BRIDGE, FERRY, LIBRARY, NewsSite
from tests.support import SAMPLE_ARTICLE

T = TypeVar("T")
ADMIN = 4711
PESKOV = "what did Peskov say?"
BRIDGE_QUESTION = "What did Marta Lindqvist say about the cables?"
FERRY_QUESTION = "Where are the ferry's batteries charged?"
LIBRARY_QUESTION = "How late will the central library stay open during exams?"


@pytest.fixture
def site() -> NewsSite:
    with NewsSite() as served:
        yield served


def run_bot(
    server: FakeBotAPI,
    searcher: Searcher,
    scenario: Callable[[Application], Awaitable[T]],
    *,
    first_refresh: float = 3600,
    **overrides: object,
) -> T:
    settings = settings_for(server, searcher.directory, rate_limit_per_minute=1000, **overrides)
    application = build_application(settings, searcher, watch_interval=3600, first_refresh=first_refresh)
    return serving(application, lambda: scenario(application))


async def wait_until(predicate: Callable[[], bool], timeout: float = 60) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        assert loop.time() < deadline, "timed out waiting for the bot"
        await asyncio.sleep(0.05)


async def ask(server: FakeBotAPI, text: str, user: int) -> dict:
    """``text`` from ``user``; the bot's reply (a ``sent_messages`` entry)."""
    before = len([m for m in server.sent_messages if m["chat_id"] == user])
    server.send_text(text, user_id=user)
    return (await wait_for_messages(server, user, before + 1))[-1]


def plain(message: dict) -> str:
    """A sent message's text as the user sees it (tags turned into entities)."""
    return message["message"]["text"]


def links(message: dict) -> list[str]:
    return [e["url"] for e in message["message"].get("entities", []) if e["type"] == "text_link"]


def test_a_bot_started_with_a_feed_answers_from_its_pages_and_keeps_up_without_a_restart(
    bot_api: FakeBotAPI, index_copy: Path, embedder: Embedder, site: NewsSite
) -> None:
    site.publish(BRIDGE)
    site.publish(APRICOTS)
    searcher = Searcher.open(index_copy, embedder=embedder)
    asked: list[int] = []

    async def scenario(application: Application) -> tuple[dict, dict, dict]:
        refresher = refresher_of(application)
        await wait_until(lambda: refresher.refreshes >= 1)  # the first refresh, soon after start
        bridge = await ask(bot_api, BRIDGE_QUESTION, 6001)
        peskov = await ask(bot_api, PESKOV, 6002)  # the folder's article is still there
        site.publish(FERRY)
        done = refresher.refreshes + 2  # one more that surely started after the ferry story

        async def keep_asking() -> None:  # questions all through the next refreshes
            user = 6100
            while refresher.refreshes < done:
                bot_api.send_text(PESKOV, user_id=user)
                asked.append(user)
                user += 1
                await asyncio.sleep(0.1)

        await keep_asking()
        for user in asked:
            await wait_for_messages(bot_api, user, 1)
        ferry = await ask(bot_api, FERRY_QUESTION, 6003)
        return bridge, peskov, ferry

    bridge, peskov, ferry = run_bot(
        bot_api, searcher, scenario, feeds=(site.feed(),), refresh_minutes=0.05, first_refresh=0.2
    )
    assert "steel cables had been replaced" in plain(bridge)
    assert BRIDGE.title in plain(bridge) and site.url(BRIDGE.path) in links(bridge)  # the page's title and URL
    assert "Peskov" in plain(peskov)
    assert "charged at the Kessing pier" in plain(ferry) and site.url(FERRY.path) in links(ferry)
    assert len(asked) >= 5
    for user in asked:  # every question asked while refreshing got its answer, none an error
        (reply,) = [m for m in bot_api.sent_messages if m["chat_id"] == user]
        assert "Peskov" in plain(reply)
    assert not any(replies.ERROR_TEXT in plain(m) for m in bot_api.sent_messages)


def test_an_admin_adds_a_page_that_is_answered_at_once_and_kept_across_a_restart(
    bot_api: FakeBotAPI, index_copy: Path, embedder: Embedder, site: NewsSite
) -> None:
    library = site.publish(LIBRARY, feed=None)  # in no feed: only /add brings it in
    missing = site.url("/news/no-such-story.html")

    async def scenario(application: Application) -> list[dict]:
        return [
            await ask(bot_api, f"/add {library}", 6201),  # not an admin
            await ask(bot_api, f"/add {library}", ADMIN),
            await ask(bot_api, LIBRARY_QUESTION, 6202),
            await ask(bot_api, "/add ftp://files.example/story.txt", ADMIN),
            await ask(bot_api, "/add", ADMIN),
            await ask(bot_api, f"/add {missing}", ADMIN),
        ]

    searcher = Searcher.open(index_copy, embedder=embedder)
    refused, added, answer, not_http, no_url, failed = run_bot(bot_api, searcher, scenario, admins=frozenset({ADMIN}))
    assert plain(refused) == "Only the bot's admins can use /add."
    after = Searcher.open(index_copy, embedder=embedder)
    (stored,) = [a for a in after.articles() if a.source == library]
    after.close()
    assert plain(added).startswith(f"Added {LIBRARY.title}\n{library}\n{stored.sentences} sentences indexed")
    assert stored.sentences >= 4
    assert "until midnight" in plain(answer) and library in links(answer)
    assert "is not an http:// or https:// URL" in plain(not_http) and "/add https://" in plain(not_http)
    assert plain(no_url).startswith("Which page?")
    assert plain(failed).startswith(f"Could not add {missing}") and "404" in plain(failed)
    record = json.loads(default_sources_file(index_copy).read_text(encoding="utf-8"))
    assert record["added"] == [library]  # the page that worked, not the one that failed

    async def after_restart(application: Application) -> tuple[tuple[str, ...], dict]:
        return refresher_of(application).sources().urls, await ask(bot_api, "/feeds", ADMIN)

    restarted = Searcher.open(index_copy, embedder=embedder)
    urls, feeds = run_bot(bot_api, restarted, after_restart, admins=frozenset({ADMIN}))
    assert urls == (library,)  # read again at every refresh from now on
    assert "Pages added with /add: 1" in plain(feeds)


def test_feeds_shows_each_feeds_articles_and_a_failing_feeds_error_to_admins_only(
    bot_api: FakeBotAPI, index_copy: Path, embedder: Embedder, site: NewsSite
) -> None:
    site.publish(BRIDGE)
    site.publish(APRICOTS)
    good = site.feed()
    broken = site.feed("/world/feed.xml")
    site.fail("/world/feed.xml", 500)
    searcher = Searcher.open(index_copy, embedder=embedder)

    async def scenario(application: Application) -> tuple[dict, dict, dict]:
        before = await ask(bot_api, "/feeds", ADMIN)
        await wait_until(lambda: refresher_of(application).refreshes >= 1)
        return before, await ask(bot_api, "/feeds", ADMIN), await ask(bot_api, "/feeds", 6301)

    before, after, refused = run_bot(
        bot_api, searcher, scenario, feeds=(good, broken), admins=frozenset({ADMIN}), first_refresh=0.5
    )
    assert f"{good}\n   not read yet" in plain(before) and "No refresh yet." in plain(before)
    good_entry, broken_entry = plain(after).split("• ")[1:3]
    assert good_entry.startswith(good) and "2 articles · read " in good_entry and "error" not in good_entry
    assert broken_entry.startswith(broken) and "0 articles" in broken_entry
    assert "error: " in broken_entry and "500" in broken_entry
    assert "Last refresh: " in plain(after) and "failed" not in plain(after)
    assert plain(refused) == "Only the bot's admins can use /feeds."


def test_a_failing_refresh_logs_a_warning_and_the_live_index_keeps_serving(
    bot_api: FakeBotAPI, index_copy: Path, embedder: Embedder, site: NewsSite, caplog: pytest.LogCaptureFixture
) -> None:
    site.publish(BRIDGE)
    searcher = Searcher.open(index_copy, embedder=embedder)

    async def scenario(application: Application) -> tuple[dict, dict, dict]:
        refresher = refresher_of(application)
        with build_lock(index_copy):  # someone runs verbatim-index on the same index meanwhile
            outcome = await refresher.refresh("test")
            peskov = await ask(bot_api, PESKOV, 6401)
            bridge = await ask(bot_api, BRIDGE_QUESTION, 6402)
        assert outcome is not None and outcome.report is None
        return peskov, bridge, await ask(bot_api, "/feeds", ADMIN)

    caplog.set_level(logging.INFO, logger="bot.runtime.refresh")
    peskov, bridge, feeds = run_bot(bot_api, searcher, scenario, feeds=(site.feed(),), admins=frozenset({ADMIN}))
    assert "Peskov" in plain(peskov)  # the live index kept answering ...
    assert "steel cables" not in plain(bridge)  # ... from what it had
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("Refresh (test) failed: Another build of" in w and "Still serving" in w for w in warnings)
    assert "failed: Another build of" in plain(feeds) and "(the index was left as it was)" in plain(feeds)


def test_with_the_articles_folder_set_a_refresh_reads_it_again_and_an_unchanged_source_costs_nothing(
    bot_api: FakeBotAPI, index_copy: Path, embedder: Embedder, site: NewsSite, tmp_path: Path
) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(SAMPLE_ARTICLE, folder)
    site.publish(BRIDGE)
    searcher = Searcher.open(index_copy, embedder=embedder)

    async def scenario(application: Application) -> tuple[list[RefreshOutcome | None], dict, dict]:
        refresher = refresher_of(application)
        first, skipped = await asyncio.gather(refresher.refresh("test"), refresher.refresh("tick meanwhile"))
        assert skipped is None  # never two at once: the second found the first running
        (folder / "apricots.txt").write_text(APRICOTS.title + "\n\n" + "\n\n".join(APRICOTS.paragraphs), "utf-8")
        second = await refresher.refresh("test")
        third = await refresher.refresh("test")
        apricots = await ask(bot_api, "What did Tomas Brenner say about the spring?", 6501)
        bridge = await ask(bot_api, BRIDGE_QUESTION, 6502)
        return [first, second, third], apricots, bridge

    outcomes, apricots, bridge = run_bot(bot_api, searcher, scenario, feeds=(site.feed(),), articles=folder)
    first, second, third = [outcome.report for outcome in outcomes if outcome is not None]
    assert first is not None and second is not None and third is not None
    assert (first.articles, second.articles, third.articles) == (2, 3, 3)  # the folder's new file came in
    assert first.fetched == 1 and first.encoded > 0  # the feed's page
    assert second.fetched == 0 and second.encoded == len(APRICOTS.paragraphs)  # only the new file's sentences
    assert third.fetched == 0 and third.encoded == 0 and third.unchanged_articles == 3  # nothing changed
    assert "mild spring without late frost" in plain(apricots)
    assert "steel cables" in plain(bridge)


def test_a_page_that_leaves_its_feed_leaves_the_index_at_the_next_refresh(
    bot_api: FakeBotAPI, index_copy: Path, embedder: Embedder, site: NewsSite, caplog: pytest.LogCaptureFixture
) -> None:
    bridge_url = site.publish(BRIDGE)
    site.publish(APRICOTS)
    searcher = Searcher.open(index_copy, embedder=embedder)

    async def scenario(application: Application) -> tuple[dict, dict, dict]:
        refresher = refresher_of(application)
        await refresher.refresh("test")
        before = await ask(bot_api, BRIDGE_QUESTION, 6601)
        site.drop_from_feed(BRIDGE)
        await refresher.refresh("test")
        return before, await ask(bot_api, BRIDGE_QUESTION, 6602), await ask(bot_api, PESKOV, 6603)

    caplog.set_level(logging.INFO, logger="bot.runtime.refresh")
    before, after, peskov = run_bot(bot_api, searcher, scenario, feeds=(site.feed(),))
    assert "steel cables" in plain(before)
    assert "steel cables" not in plain(after)  # the index follows the feed ...
    assert "Peskov" in plain(peskov)  # ... and keeps the articles it was built from
    assert any("1 page(s) left the index" in r.getMessage() and bridge_url in r.getMessage() for r in caplog.records)
