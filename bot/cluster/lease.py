"""A lease in Redis that one replica at a time holds: the leave to rebuild the shared index from
the feeds (``bot/runtime/refresh.py``), so N replicas do not fetch every feed N times and race
to build into one index directory.

``hold()`` takes the lease with ``SET key token NX PX ttl`` (the token is this holder's own
random value), renews it every third of its time-to-live while the work runs (a Lua script
extends it only while it still holds this token), and gives it back with a compare-and-delete
Lua script, so a holder whose lease ran out never deletes the next holder's. A holder that
dies (kill -9), or is cancelled while it holds the lease, leaves it to expire within ``ttl``
seconds.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from collections.abc import AsyncIterator

from redis.asyncio import Redis
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

LEASE_SECONDS = 60.0  # a dead holder blocks the others at most this long

# KEYS: the lease. ARGV: this holder's token (and, for _RENEW, the milliseconds to extend by).
_RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
"""
_RENEW = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
"""


class RedisLease:
    """The lease ``key``, held by at most one holder (replica) at a time."""

    def __init__(self, redis: Redis, key: str, *, ttl: float = LEASE_SECONDS) -> None:
        self.redis = redis
        self.key = key
        self.ttl = ttl
        self._release = redis.register_script(_RELEASE)
        self._renew = redis.register_script(_RENEW)

    @contextlib.asynccontextmanager
    async def hold(self) -> AsyncIterator[bool]:
        """Yield True while this holder has the lease (renewed until the block ends, then given
        back), False when another holder has it, or Redis cannot be asked (then nobody can be
        sure to be alone: the work is skipped, with a warning)."""
        token = secrets.token_hex(16)
        try:
            taken = bool(await self.redis.set(self.key, token, nx=True, px=int(self.ttl * 1000)))
        except RedisError as error:
            logger.warning("Cannot take the lease %s in Redis (%s); skipping this round", self.key, error)
            taken = False
        if not taken:
            yield False
            return
        done = asyncio.Event()
        renewal = asyncio.create_task(self._keep(token, done), name=f"lease {self.key}")
        give_back = True
        try:
            yield True
        except asyncio.CancelledError:
            # Stopping: the work it guards may still be finishing in a worker thread (a build
            # cannot be interrupted), so the lease is left to run out rather than given back.
            give_back = False
            raise
        finally:
            # Told, not cancelled: a Redis call cancelled halfway can swallow the cancellation.
            done.set()
            await renewal
            if give_back:
                try:
                    await self._release(keys=[self.key], args=[token])
                except RedisError as error:  # it expires by itself
                    logger.warning("Cannot give the lease %s back (%s); it expires in %g s", self.key, error, self.ttl)

    async def _keep(self, token: str, done: asyncio.Event) -> None:
        """Extend the lease every third of its time to live, while it is still this holder's,
        until ``done``."""
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(done.wait(), self.ttl / 3)
            if done.is_set():
                return
            try:
                kept = await self._renew(keys=[self.key], args=[token, int(self.ttl * 1000)])
            except RedisError as error:  # try again at the next turn: a third of the time is left
                logger.warning("Cannot renew the lease %s (%s)", self.key, error)
                continue
            if not kept:
                logger.warning("Lost the lease %s (it ran out); another replica may take it", self.key)
                return
