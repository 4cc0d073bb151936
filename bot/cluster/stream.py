"""The updates webhook replicas share: a Redis Stream with one consumer group, so each update is
handed on once, answered once, and never lost with the replica that received it.

* ``offer`` (the webhook's ``POST /telegram``, before it answers 200): one Lua script claims the
  update id (a key holding the update's fingerprint, for 24 hours: Telegram gives up on an
  update sooner) and appends the update to the stream, in one atomic step. A second copy (a
  Telegram retry, or the same update posted to another replica) finds the claim and is not
  appended again; an update that merely reuses an old id (different content) is a new one.
  Either the update is claimed *and* in the stream, or neither: a replica dying between the
  two cannot lose it.
* ``read`` (XREADGROUP ``>``): entries no replica has had yet, for this replica (consumer).
* ``finish``: after the answer, in one MULTI: the "done" marker (fingerprint, 24 hours), XACK and
  XDEL, so the stream holds only updates not answered yet.
* ``touch`` (XCLAIM of this replica's own entries, JUSTID): keeps the entries it is answering
  fresh, so ``reclaim`` (XAUTOCLAIM of entries idle longer than ``claim_after`` seconds) takes
  only those of a replica that died, never of one that is merely busy. An entry taken over
  ``MAX_DELIVERIES`` times (it brings down every replica that answers it) goes to the
  dead-letter stream instead (``dead_letters.py``).

What is left is a repeat, never a loss: a replica killed between Telegram accepting its answer
and ``finish`` (a millisecond or so) has that update answered again by the replica that
reclaims it. ``answered`` (the done marker) makes every other repeat harmless.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any

from redis.asyncio import Redis
from redis.exceptions import ResponseError

from bot.cluster.dead_letters import MAX_DELIVERIES, Failure, bury
from bot.delivery.redelivery import data_fingerprint

logger = logging.getLogger(__name__)

GROUP = "replicas"
KEEP_SECONDS = 86_400  # claims and done markers: Telegram stops retrying an update well within a day

# KEYS: the claim key, the stream. ARGV: fingerprint, seconds to keep the claim, the update as JSON.
_OFFER = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return 0
end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
redis.call('XADD', KEYS[2], '*', 'update', ARGV[3])
return 1
"""


@dataclass(frozen=True)
class Entry:
    """One update as the stream holds it."""

    entry_id: str
    update_id: int
    fingerprint: str
    data: dict[str, Any]


class StreamKeys:
    """The Redis keys of one bot: several bots (tokens) can share one Redis."""

    def __init__(self, bot_id: int) -> None:
        self.prefix = f"verbatim:{bot_id}:"
        self.stream = self.prefix + "updates"

    def claim(self, update_id: int) -> str:
        return f"{self.prefix}claim:{update_id}"

    def done(self, update_id: int) -> str:
        return f"{self.prefix}done:{update_id}"


class UpdateStream:
    """The shared stream of updates, as seen by one replica (``consumer``)."""

    def __init__(self, redis: Redis, bot_id: int, *, consumer: str, claim_after: float) -> None:
        self.redis = redis
        self.keys = StreamKeys(bot_id)
        self.consumer = consumer
        self.claim_after = claim_after
        self._offer = redis.register_script(_OFFER)
        self._group_ready = False
        self._poison: list[str] = []  # entries that are not updates, to drop (``drop_poison``)

    async def offer(self, data: dict[str, Any]) -> bool:
        """Claim ``data`` (one update as Telegram sent it) and append it to the stream; False when
        this very update was offered before (it is not appended again). Raises RedisError."""
        update_id = int(data["update_id"])
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        added = await self._offer(
            keys=[self.keys.claim(update_id), self.keys.stream],
            args=[data_fingerprint(data), KEEP_SECONDS, payload],
        )
        return bool(added)

    async def ensure_group(self) -> None:
        """Create the consumer group (and the stream) unless it exists; from the first entry on, so
        updates offered before any replica read are read too."""
        if self._group_ready:
            return
        try:
            await self.redis.xgroup_create(self.keys.stream, GROUP, id="0", mkstream=True)
        except ResponseError as error:
            if "BUSYGROUP" not in str(error):
                raise
        self._group_ready = True

    async def read(self, count: int, block_ms: int) -> list[Entry]:
        """Up to ``count`` entries no replica has had yet, waiting up to ``block_ms`` for one."""
        await self.ensure_group()
        answer: Any = await self.redis.xreadgroup(
            GROUP, self.consumer, {self.keys.stream: ">"}, count=count, block=block_ms
        )
        entries: list[Entry] = []
        for _stream, items in answer or []:
            entries.extend(self._entries(items))
        return entries

    async def reclaim(self, count: int) -> list[Entry]:
        """Up to ``count`` entries a replica took and left idle for ``claim_after`` seconds (it
        died), now this replica's. An entry delivered ``MAX_DELIVERIES`` times already is not
        returned but moved to the dead-letter stream (``dead_letters.py``)."""
        await self.ensure_group()
        min_idle = int(self.claim_after * 1000)
        # Who held them, before the take-over hides it: for the dead letters' "last error".
        silent: Any = await self.redis.xpending_range(
            self.keys.stream, GROUP, min="-", max="+", count=count, idle=min_idle
        )
        holders = {item["message_id"]: item for item in silent}
        answer: Any = await self.redis.xautoclaim(
            self.keys.stream, GROUP, self.consumer, min_idle_time=min_idle, start_id="0-0", count=count
        )
        entries = self._entries(answer[1])
        tries = await self._tries([entry.entry_id for entry in entries])
        live = []
        for entry in entries:
            made = tries.get(entry.entry_id, 1)
            if made < MAX_DELIVERIES:
                live.append(entry)
                continue
            holder = holders.get(entry.entry_id, {})
            failure = Failure(
                entry.update_id, made, holder.get("consumer"), holder.get("time_since_delivered", min_idle) / 1000
            )
            await bury(self.redis, self.keys.stream, GROUP, entry.entry_id, entry.data, failure)
        return live

    async def _tries(self, entry_ids: list[str]) -> dict[str, int]:
        """How many times each of ``entry_ids`` (just taken over) was delivered before."""
        if not entry_ids:
            return {}
        async with self.redis.pipeline(transaction=False) as pipe:
            for entry_id in entry_ids:
                pipe.xpending_range(self.keys.stream, GROUP, min=entry_id, max=entry_id, count=1)
            answers = await pipe.execute()
        # XAUTOCLAIM counted the take-over itself as a delivery.
        return {item["message_id"]: int(item["times_delivered"]) - 1 for answer in answers for item in answer}

    async def touch(self, entry_ids: list[str]) -> None:
        """Mark this replica's entries as alive (their idle time starts again)."""
        if entry_ids:
            await self.redis.xclaim(
                self.keys.stream, GROUP, self.consumer, min_idle_time=0, message_ids=list[Any](entry_ids), justid=True
            )

    async def answered(self, entry: Entry) -> bool:
        """Whether this very update was answered already (by any replica)."""
        return await self.redis.get(self.keys.done(entry.update_id)) == entry.fingerprint

    async def finish(self, entry: Entry) -> None:
        """Record ``entry`` as answered and take it out of the stream, in one transaction."""
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.set(self.keys.done(entry.update_id), entry.fingerprint, ex=KEEP_SECONDS)
            pipe.xack(self.keys.stream, GROUP, entry.entry_id)
            pipe.xdel(self.keys.stream, entry.entry_id)
            await pipe.execute()

    async def leave(self) -> None:
        """At a clean stop: forget this consumer if it holds nothing (entries stay for others)."""
        if not self._group_ready:
            return
        pending = await self.redis.xpending_range(
            self.keys.stream, GROUP, min="-", max="+", count=1, consumername=self.consumer
        )
        if not pending:
            await self.redis.xgroup_delconsumer(self.keys.stream, GROUP, self.consumer)

    def _entries(self, items: list[Any]) -> list[Entry]:
        entries = []
        for entry_id, fields in items:
            if not fields:  # deleted meanwhile (answered): nothing to do
                continue
            try:
                data = json.loads(fields["update"])
                entries.append(Entry(entry_id, int(data["update_id"]), data_fingerprint(data), data))
            except (KeyError, TypeError, ValueError):
                logger.error("Stream entry %s is not an update; dropping it: %r", entry_id, fields)
                # Not ours to answer, and it must not come back for ever.
                self._poison.append(entry_id)
        return entries

    async def drop_poison(self) -> None:
        """Acknowledge and delete entries that are not updates (logged when found)."""
        poison, self._poison = self._poison, []
        if poison:
            await self.redis.xack(self.keys.stream, GROUP, *poison)
            await self.redis.xdel(self.keys.stream, *poison)
