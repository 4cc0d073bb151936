"""Updates no replica could answer, set aside: the dead-letter stream ``verbatim:BOT:updates:dead``.

An entry of the update stream is delivered once by ``XREADGROUP`` and once more each time
``XAUTOCLAIM`` takes it over from a replica that went silent holding it (killed, out of memory,
stuck). An update that brings down every replica that answers it would be taken over for ever,
and take a replica down each time. So once an entry has been delivered ``MAX_DELIVERIES``
times, the replica that would take it over next buries it instead: one transaction appends the
update (its JSON as Telegram sent it), the number of deliveries and what is known of the last
failure to the dead-letter stream, and acknowledges and deletes the entry. One ERROR line names
the update id (never its text).

An operator lists them, puts one back into the update stream once its cause is fixed, or drops
it, with ``verbatim-dead-letters`` (``bot/dead_letters_cli.py``): ``replay`` and ``drop`` here,
each one atomic step per letter, so that a letter is in exactly one of the two streams.

A handler that raises does not count here: python-telegram-bot hands the exception to the
bot's error handler, the user gets the apology and the entry is finished like any other.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass
from enum import Enum
from typing import Any

from redis.asyncio import Redis
from redis.typing import EncodableT, FieldT

from bot.delivery.redelivery import data_fingerprint

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


def _dead_letter(entry_id: str, fields: dict[str, str]) -> DeadLetter | None:
    """The dead letter entry ``entry_id`` holds; None when it is not one (written by hand, say)."""
    try:
        update = json.loads(fields["update"])
        if not isinstance(update, dict) or int(update["update_id"]) != int(fields["update_id"]):
            return None
        return DeadLetter(
            entry_id,
            int(fields["update_id"]),
            update,
            int(fields["deliveries"]),
            fields["error"],
            float(fields["buried_at"]),
        )
    except (KeyError, TypeError, ValueError):
        return None


async def scan_dead_letters(redis: Redis, stream: str) -> tuple[list[DeadLetter], list[str]]:
    """Every dead letter of ``stream``, oldest first, and the ids of entries of the dead-letter
    stream that are not dead letters (they can only be dropped)."""
    items: Any = await redis.xrange(dead_letter_key(stream), "-", "+")
    letters: list[DeadLetter] = []
    unreadable: list[str] = []
    for entry_id, fields in items:
        letter = _dead_letter(entry_id, fields)
        if letter is None:
            unreadable.append(entry_id)
        else:
            letters.append(letter)
    return letters, unreadable


async def read_dead_letters(redis: Redis, stream: str) -> list[DeadLetter]:
    """Every dead letter of ``stream``, oldest first (for operators and tests)."""
    return (await scan_dead_letters(redis, stream))[0]


# KEYS: the dead-letter stream, the update's claim key, its done key, the update stream.
# ARGV: the letter's entry id, the update's fingerprint, seconds to keep the claim, the update as JSON.
# Returns 1 (moved), 0 (no such letter: replayed or dropped meanwhile), -1 (answered meanwhile: left).
_REPLAY = """
if #redis.call('XRANGE', KEYS[1], ARGV[1], ARGV[1]) == 0 then
  return 0
end
if redis.call('GET', KEYS[3]) == ARGV[2] then
  return -1
end
redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3])
redis.call('XADD', KEYS[4], '*', 'update', ARGV[4])
redis.call('XDEL', KEYS[1], ARGV[1])
return 1
"""


class Outcome(Enum):
    """What became of one letter an operator named."""

    MOVED = "moved"  # replayed (back in the update stream) or dropped
    MISSING = "missing"  # no such letter (replayed or dropped already, or a mistyped id)
    ANSWERED = "answered"  # its update was answered meanwhile (Telegram sent it again): left as it is
    UNREADABLE = "unreadable"  # not a dead letter: it cannot be replayed, only dropped


async def replay(
    redis: Redis, stream: str, letter: DeadLetter, *, claim_key: str, done_key: str, keep_seconds: int
) -> Outcome:
    """Put ``letter``'s update back at the end of ``stream`` for the next replica that reads, in
    one step: appended there (claimed, so a Telegram retry is not appended again) and deleted from
    the dead letters. It starts again with ``MAX_DELIVERIES`` tries. Raises RedisError."""
    payload = json.dumps(letter.update, ensure_ascii=False, separators=(",", ":"))
    moved = await redis.eval(
        _REPLAY,
        4,
        dead_letter_key(stream),
        claim_key,
        done_key,
        stream,
        letter.entry_id,
        data_fingerprint(letter.update),
        str(keep_seconds),
        payload,
    )
    return {1: Outcome.MOVED, 0: Outcome.MISSING}.get(int(moved), Outcome.ANSWERED)


async def drop(redis: Redis, stream: str, entry_id: str) -> Outcome:
    """Delete the dead letter ``entry_id`` for good. Raises RedisError."""
    deleted = await redis.xdel(dead_letter_key(stream), entry_id)
    return Outcome.MOVED if deleted else Outcome.MISSING
