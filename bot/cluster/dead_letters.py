"""Updates no replica could answer, set aside: the dead-letter stream ``verbatim:BOT:updates:dead``.

An entry of the update stream is delivered once by ``XREADGROUP`` and once more each time
``XAUTOCLAIM`` takes it over from a replica that went silent holding it (killed, out of memory,
stuck). An update that brings down every replica that answers it would be taken over for ever,
and take a replica down each time. So once an entry has been delivered ``MAX_DELIVERIES``
times, the replica that would take it over next buries it instead: one transaction appends the
update (its JSON as Telegram sent it), the number of deliveries and what is known of the last
failure to the dead-letter stream, and acknowledges and deletes the entry. One ERROR line names
the update id (never its text). An operator reads the dead letters with
``XRANGE verbatim:BOT:updates:dead - +``.

A handler that raises does not count here: python-telegram-bot hands the exception to the
bot's error handler, the user gets the apology and the entry is finished like any other.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass
from typing import Any

from redis.asyncio import Redis
from redis.typing import EncodableT, FieldT

logger = logging.getLogger(__name__)

MAX_DELIVERIES = 5  # tries an update gets (1 read + 4 take-overs) before it is set aside
MAX_DEAD_LETTERS = 10_000  # the dead-letter stream keeps about this many, the newest


@dataclass(frozen=True)
class Failure:
    """What is known of an entry's last try: who held it and how long it had been silent."""

    update_id: int
    tries: int  # deliveries before the take-over that buries it
    last_replica: str | None  # None: taken over before it could be seen (another replica's race)
    idle_seconds: float

    def describe(self) -> str:
        holder = f"replica {self.last_replica}" if self.last_replica else "a replica"
        return (
            f"{holder} took it (try {self.tries}) and went silent for {self.idle_seconds:.0f} s "
            "without answering it (killed, out of memory or stuck), as did every replica before it"
        )


@dataclass(frozen=True)
class DeadLetter:
    """One dead letter as the dead-letter stream holds it."""

    entry_id: str
    update_id: int
    update: dict[str, Any]
    deliveries: int
    error: str
    buried_at: float  # Unix time


def dead_letter_key(stream: str) -> str:
    """The dead-letter stream of the update stream ``stream``."""
    return stream + ":dead"


async def bury(redis: Redis, stream: str, group: str, entry_id: str, data: dict[str, Any], failure: Failure) -> None:
    """Move entry ``entry_id`` (the update ``data``) of ``stream`` to its dead-letter stream, in one
    transaction: appended there, acknowledged and deleted here. Raises RedisError (the entry
    then stays pending and is buried at the next take-over)."""
    fields: dict[FieldT, EncodableT] = {
        "update_id": str(failure.update_id),
        "update": json.dumps(data, ensure_ascii=False, separators=(",", ":")),
        "deliveries": str(failure.tries),
        "error": failure.describe(),
        "buried_at": f"{time.time():.3f}",
    }
    async with redis.pipeline(transaction=True) as pipe:
        pipe.xadd(dead_letter_key(stream), fields, maxlen=MAX_DEAD_LETTERS, approximate=True)
        pipe.xack(stream, group, entry_id)
        pipe.xdel(stream, entry_id)
        await pipe.execute()
    logger.error(
        "Update %d was not answered in %d tries (every replica that took it went silent); moved to %s",
        failure.update_id,
        failure.tries,
        dead_letter_key(stream),
    )


async def read_dead_letters(redis: Redis, stream: str) -> list[DeadLetter]:
    """Every dead letter of ``stream``, oldest first (for operators and tests)."""
    items: Any = await redis.xrange(dead_letter_key(stream), "-", "+")
    return [
        DeadLetter(
            entry_id,
            int(fields["update_id"]),
            json.loads(fields["update"]),
            int(fields["deliveries"]),
            fields["error"],
            float(fields["buried_at"]),
        )
        for entry_id, fields in items
    ]
