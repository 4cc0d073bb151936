"""Everything webhook replicas share through Redis (``VERBATIM_REDIS_URL``), in one object: the
update stream and this replica's feeder, the rate limits and the sending budget, and the lease
of the one replica refreshing the shared index from the feeds.

``bot.webhook`` opens it, the Application uses its parts (``processor``, ``rate_limits``,
``send_budget``), and its life follows the Application's: ``start`` once the Application has
started, ``stop_reading`` before the Application stops (answers in flight still finish and are
acknowledged), ``close`` last.
"""

from __future__ import annotations

import logging
import os
import secrets
import socket

from redis.asyncio import Redis
from redis.exceptions import RedisError
from telegram.ext import Application

from bot.cluster.feeder import StreamFeeder, StreamUpdateProcessor
from bot.cluster.lease import RedisLease
from bot.cluster.limits import LimitsStore, SharedRateLimits, SharedSendBudget
from bot.cluster.stream import UpdateStream
from bot.settings import Settings

logger = logging.getLogger(__name__)

CLAIM_AFTER = 15.0  # seconds an entry may sit idle before another replica takes it over
SOCKET_TIMEOUT = 10.0  # longer than a blocking read (1 s): a slow Redis is not a dead one


def replica_name() -> str:
    """This replica's consumer name: host and process, plus a random part (a restarted
    container may have the same host name and pid 1 again)."""
    return f"{socket.gethostname()}-{os.getpid()}-{secrets.token_hex(3)}"


class SharedState:
    """The Redis-backed parts of one replica of bot ``bot_id``."""

    def __init__(self, settings: Settings, bot_id: int, *, backlog: int, claim_after: float = CLAIM_AFTER) -> None:
        assert settings.redis_url is not None
        self.redis: Redis = Redis.from_url(
            settings.redis_url,
            decode_responses=True,
            socket_timeout=SOCKET_TIMEOUT,
            socket_connect_timeout=SOCKET_TIMEOUT,
            health_check_interval=30,
        )
        self.stream = UpdateStream(self.redis, bot_id, consumer=replica_name(), claim_after=claim_after)
        self.feeder = StreamFeeder(self.stream, backlog=backlog)
        self.limits = LimitsStore(settings.redis_url, bot_id, SOCKET_TIMEOUT)
        self.rate_limits = SharedRateLimits(self.limits.storage, self.redis, bot_id, settings.rate_limit_per_minute)
        self.send_budget = SharedSendBudget(self.limits.storage, settings.send_rate) if settings.send_rate > 0 else None
        # One replica at a time rebuilds the shared index from the feeds (bot/runtime/refresh.py).
        self.build_lease = RedisLease(self.redis, f"verbatim:{bot_id}:build-lease")
        self._closed = False

    def processor(self, max_concurrent_updates: int) -> StreamUpdateProcessor:
        return StreamUpdateProcessor(max_concurrent_updates, self.feeder)

    async def start(self, application: Application) -> None:
        """Create the consumer group if need be and start reading updates into ``application``."""
        try:
            await self.stream.ensure_group()
        except RedisError as error:  # the feeder keeps trying; /healthz says so meanwhile
            logger.warning("Cannot reach Redis at start-up (%s); updates are read once it is back", error)
        logger.info("Sharing updates and limits through Redis as replica %s", self.stream.consumer)
        self.feeder.start(application)

    async def stop_reading(self) -> None:
        await self.feeder.stop()

    async def close(self) -> None:
        """After the last answer: leave the consumer group if nothing is held, close the connections.
        A second call does nothing."""
        if self._closed:
            return
        self._closed = True
        await self.feeder.stop()
        try:
            await self.stream.leave()
        except RedisError as error:
            logger.warning("Could not leave the Redis consumer group cleanly: %s", error)
        await self.redis.aclose()
        await self.limits.close()

    async def problem(self) -> str | None:
        """None when Redis answers; otherwise what is wrong (for ``/healthz``)."""
        try:
            await self.redis.ping()
        except RedisError as error:
            return f"Redis unreachable: {error}"
        return None
