"""Limits every replica keeps together, in Redis: each user's and each chat's questions per minute,
and the bot's overall sending rate (Telegram's ~30 messages a second for the whole bot).

Both are the ``limits`` library's moving windows on its Redis storage (an atomic Lua script per
hit), so the 21st question in a minute is refused whichever replica receives it, and N
replicas together send no faster than one bot may. The rules are those of one process
(``bot.chat.guards.RateLimits``): a request counts against its user and its chat only when it
is let through, and a limited user is told once per burst how long to wait, by whichever
replica refuses first (a ``SET NX`` with the wait as its expiry).

If Redis cannot be reached, questions are let through and messages sent (with a warning once
per outage): Telegram's own flood control, which the bot's transport waits out, still holds.
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
from typing import Any

from limits import RateLimitItem, RateLimitItemPerMinute, RateLimitItemPerSecond
from limits.aio.storage import RedisStorage
from limits.aio.strategies import MovingWindowRateLimiter
from redis.asyncio import ConnectionPool, Redis
from redis.exceptions import RedisError

from bot.chat.guards import RATE_LIMITED_TEXT, Verdict

logger = logging.getLogger(__name__)

MIN_SLEEP = 0.005  # seconds: a sender waiting for the budget never spins


class LimitsStore:
    """The ``limits`` storage on the Redis at ``redis_url`` (redis-py's asyncio client), one key
    prefix per bot, over a connection pool of its own that ``close`` closes. A Redis that stops
    answering fails a check after ``timeout`` seconds instead of holding the question for ever."""

    def __init__(self, redis_url: str, bot_id: int, timeout: float = 10.0) -> None:
        self.pool = ConnectionPool.from_url(redis_url, socket_timeout=timeout, socket_connect_timeout=timeout)
        if redis_url.startswith("unix://"):
            uri = "async+redis+unix://" + redis_url.removeprefix("unix://")
        else:
            uri = "async+" + redis_url
        # limits documents connection_pool, though its annotation of **options leaves it out.
        pool: dict[str, Any] = {"connection_pool": self.pool}
        self.storage = RedisStorage(uri, implementation="redispy", key_prefix=f"verbatim:{bot_id}:limits", **pool)

    async def close(self) -> None:
        await self.pool.aclose()


class _OutageLog:
    """One warning when Redis becomes unreachable, one note when it is back."""

    def __init__(self, what: str) -> None:
        self._what = what
        self._down = False

    def failed(self, error: Exception) -> None:
        if not self._down:
            logger.warning("Cannot reach Redis for %s (%s); going on without it until it is back", self._what, error)
        self._down = True

    def worked(self) -> None:
        if self._down:
            logger.info("Redis is reachable again for %s", self._what)
        self._down = False


class SharedRateLimits:
    """Questions per minute per user and per chat, counted by all replicas together (the
    ``bot.chat.guards.RateCheck`` the guard asks)."""

    def __init__(self, storage: RedisStorage, redis: Redis, bot_id: int, per_minute: int) -> None:
        self._limiter = MovingWindowRateLimiter(storage)
        self._item: RateLimitItem = RateLimitItemPerMinute(per_minute)
        self._redis = redis
        self._told_prefix = f"verbatim:{bot_id}:told:"
        self._outage = _OutageLog("the rate limits")

    async def check(self, user_id: int | None, chat_id: int | None) -> Verdict:
        """Count one request; refuse it when the user or the chat is over the limit."""
        windows = [("user", user_id)]
        if chat_id != user_id:  # a private chat's window is its user's
            windows.append(("chat", chat_id))
        keys = [(kind, str(key)) for kind, key in windows if key is not None]
        try:
            for kind, key in keys:
                if not await self._limiter.test(self._item, kind, key):
                    return await self._refuse(user_id, chat_id, kind, key)
            for kind, key in keys:
                if not await self._limiter.hit(self._item, kind, key):  # another replica was quicker
                    return await self._refuse(user_id, chat_id, kind, key)
        except RedisError as error:
            self._outage.failed(error)
            return Verdict(True)
        self._outage.worked()
        return Verdict(True)

    async def _refuse(self, user_id: int | None, chat_id: int | None, kind: str, key: str) -> Verdict:
        stats = await self._limiter.get_window_stats(self._item, kind, key)
        wait = max(0.0, stats.reset_time - time.time())
        # Told once per burst, by whichever replica gets here first.
        first = await self._redis.set(
            f"{self._told_prefix}{user_id}:{chat_id}", "1", nx=True, px=max(1000, math.ceil(wait * 1000))
        )
        if not first:
            return Verdict(False)
        return Verdict(False, RATE_LIMITED_TEXT.format(seconds=max(1, math.ceil(wait))))


class SharedSendBudget:
    """The bot's messages per second, shared by all replicas (the
    ``bot.delivery.resilience.SendBudget`` the transport waits for)."""

    def __init__(self, storage: RedisStorage, per_second: float) -> None:
        self._limiter = MovingWindowRateLimiter(storage)
        # limits counts whole requests per second; 30.0 is Telegram's figure for the whole bot.
        self._item: RateLimitItem = RateLimitItemPerSecond(max(1, math.floor(per_second)))
        self._outage = _OutageLog("the sending budget")

    async def acquire(self) -> None:
        """Return once this replica may make one more call.

        Each Redis call is shielded: a caller cancelled mid-call (the "typing…" indicator is,
        as soon as the answer is ready) must stop at once, and a Redis call cancelled halfway
        can lose that cancellation (seen here: the indicator went on for ever, holding its
        question's answer back). Shielded, the call finishes on its own and the caller stops.
        """
        while True:
            try:
                if await asyncio.shield(self._limiter.hit(self._item, "send")):
                    self._outage.worked()
                    return
                stats = await asyncio.shield(self._limiter.get_window_stats(self._item, "send"))
            except RedisError as error:
                self._outage.failed(error)
                return
            await asyncio.sleep(min(1.0, max(MIN_SLEEP, stats.reset_time - time.time())))
