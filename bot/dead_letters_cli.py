"""``verbatim-dead-letters``: what an operator does with the updates no webhook replica survived.

    verbatim-dead-letters list [--json]             every dead letter, oldest first
    verbatim-dead-letters replay ENTRY_ID... | --all  back into the update stream, answered next
    verbatim-dead-letters drop ENTRY_ID... | --all    deleted for good

It reads ``VERBATIM_REDIS_URL`` and ``TELEGRAM_BOT_TOKEN`` as the replicas do (the token only for
the bot's id, the digits before its colon; ``--redis-url`` and ``--bot-id`` instead), so it runs
beside them, e.g. ``docker compose exec bot verbatim-dead-letters list``. The listing names each
letter's update, chat and tries, never the message's text (``--json`` prints the whole update,
for tools). Replay once the cause is fixed: a replayed update gets ``MAX_DELIVERIES`` tries
again and is set aside again if it still brings every replica down.

Exit status: 0 done; 1 Redis failed, or a letter named was not replayed or dropped (each is
said); 2 a bad argument or setting.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import sys
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, TextIO

from redis.asyncio import Redis
from redis.exceptions import RedisError

from bot.cluster.dead_letters import DeadLetter, Outcome, dead_letter_key, drop, replay, scan_dead_letters
from bot.cluster.stream import KEEP_SECONDS, StreamKeys
from bot.exit_status import ExitStatus
from bot.settings import REDIS_SCHEMES, bot_id_of

PROG = "verbatim-dead-letters"
_ENTRY_ID = re.compile(r"\d{1,20}-\d{1,20}")
TIMEOUT = 10.0  # seconds: a Redis that does not answer is reported, not waited on for ever


class UsageError(Exception):
    """A bad argument or setting: the message says which and what to do."""


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog=PROG,
        description="List, replay or drop the updates no webhook replica could answer "
        "(the dead-letter stream verbatim:BOT:updates:dead).",
    )
    p.add_argument("--redis-url", help="the replicas' Redis (default: VERBATIM_REDIS_URL)")
    p.add_argument("--bot-id", type=int, help="the bot's id (default: the digits before TELEGRAM_BOT_TOKEN's colon)")
    commands = p.add_subparsers(dest="command", required=True)
    listing = commands.add_parser("list", help="every dead letter, oldest first")
    listing.add_argument("--json", action="store_true", help="one JSON object a line, the update included")
    for name, what in (("replay", "put back into the update stream"), ("drop", "delete for good")):
        command = commands.add_parser(name, help=f"dead letters to {what}")
        command.add_argument("entry_ids", nargs="*", metavar="ENTRY_ID", help="as `list` shows them")
        command.add_argument("--all", action="store_true", help="every dead letter")
    return p


def _connection(args: argparse.Namespace, environ: Mapping[str, str]) -> tuple[str, int]:
    """The Redis URL and the bot id, or UsageError naming every problem."""
    problems = []
    url = (args.redis_url or environ.get("VERBATIM_REDIS_URL", "")).strip()
    if not url:
        problems.append("VERBATIM_REDIS_URL (or --redis-url) is not set: the replicas' Redis is needed.")
    elif not url.startswith(REDIS_SCHEMES):
        problems.append("VERBATIM_REDIS_URL must start with redis://, rediss:// or unix:// (a Redis or Valkey server).")
    bot_id = args.bot_id
    if bot_id is None:
        token = environ.get("TELEGRAM_BOT_TOKEN", "").strip()
        bot_id = bot_id_of(token) if token else None
        if bot_id is None:
            problems.append(
                "TELEGRAM_BOT_TOKEN is not set or not a bot token, and --bot-id is not given: whose dead letters?"
            )
    elif bot_id <= 0:
        problems.append(f"--bot-id must be a positive number (got {bot_id}).")
    if args.command != "list":
        if args.all and args.entry_ids:
            problems.append(f"{args.command}: give entry ids or --all, not both.")
        elif not args.all and not args.entry_ids:
            problems.append(f"{args.command}: name the entry ids (as `list` shows them), or --all.")
        bad = [entry_id for entry_id in args.entry_ids if not _ENTRY_ID.fullmatch(entry_id)]
        if bad:
            problems.append(f"not an entry id (like 1764680000000-0): {', '.join(map(repr, bad))}.")
    if problems:
        raise UsageError("\n".join(f"- {problem}" for problem in problems))
    assert bot_id is not None
    return url, bot_id


def describe(letter: DeadLetter) -> str:
    """One line about ``letter`` for a terminal: which update, from where, how often tried, when."""
    kind = next((key for key in letter.update if key != "update_id"), "update")
    chat = _chat_id(letter.update.get(kind))
    where = f"{kind} in chat {chat}" if chat is not None else kind
    when = datetime.fromtimestamp(letter.buried_at, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    return f"{letter.entry_id}  update {letter.update_id}  {where}  {letter.deliveries} tries  set aside {when}"


def _chat_id(body: object) -> object:
    """The chat a message (or a button press's message) came from; None for other updates."""
    if not isinstance(body, dict):
        return None
    for holder in (body, body.get("message")):
        if isinstance(holder, dict) and isinstance(holder.get("chat"), dict):
            return holder["chat"].get("id")
    return None


def _as_json(letter: DeadLetter) -> dict[str, Any]:
    return {
        "entry_id": letter.entry_id,
        "update_id": letter.update_id,
        "deliveries": letter.deliveries,
        "error": letter.error,
        "buried_at": letter.buried_at,
        "update": letter.update,
    }


async def _list(redis: Redis, stream: str, as_json: bool, out: TextIO) -> int:
    letters, unreadable = await scan_dead_letters(redis, stream)
    if as_json:
        for letter in letters:
            out.write(json.dumps(_as_json(letter), ensure_ascii=False) + "\n")
        for entry_id in unreadable:
            out.write(json.dumps({"entry_id": entry_id, "unreadable": True}) + "\n")
        return ExitStatus.OK
    key = dead_letter_key(stream)
    if not letters and not unreadable:
        out.write(f"No dead letters in {key}.\n")
        return ExitStatus.OK
    out.write(f"{len(letters)} dead letter{'s' * (len(letters) != 1)} in {key}, oldest first:\n")
    for letter in letters:
        out.write(describe(letter) + "\n    " + letter.error + "\n")
    for entry_id in unreadable:
        out.write(f"{entry_id}  not a dead letter (written by something else): drop it\n")
    return ExitStatus.OK


async def _change(redis: Redis, bot_id: int, command: str, entry_ids: Sequence[str], out: TextIO) -> int:
    keys = StreamKeys(bot_id)
    letters, unreadable = await scan_dead_letters(redis, keys.stream)
    by_id = {letter.entry_id: letter for letter in letters}
    named = list(entry_ids) or [*by_id, *unreadable]
    if not named:
        out.write(f"No dead letters in {dead_letter_key(keys.stream)}.\n")
        return ExitStatus.OK
    failed = 0
    for entry_id in dict.fromkeys(named):  # each once, in the order given
        letter = by_id.get(entry_id)
        if command == "drop":
            outcome = await drop(redis, keys.stream, entry_id)
        elif letter is None:
            outcome = Outcome.UNREADABLE if entry_id in unreadable else Outcome.MISSING
        else:
            outcome = await replay(
                redis,
                keys.stream,
                letter,
                claim_key=keys.claim(letter.update_id),
                done_key=keys.done(letter.update_id),
                keep_seconds=KEEP_SECONDS,
            )
        failed += outcome is not Outcome.MOVED
        out.write(_report(command, entry_id, letter, outcome, keys.stream) + "\n")
    return ExitStatus.FAILED if failed else ExitStatus.OK


def _report(command: str, entry_id: str, letter: DeadLetter | None, outcome: Outcome, stream: str) -> str:
    update = f" (update {letter.update_id})" if letter is not None else ""
    if outcome is Outcome.MOVED:
        return f"{entry_id}{update}: " + (f"back in {stream}" if command == "replay" else "dropped")
    if outcome is Outcome.MISSING:
        return f"{entry_id}: no such dead letter (replayed or dropped already?)"
    if outcome is Outcome.ANSWERED:
        return f"{entry_id}{update}: answered meanwhile, so not replayed; drop it"
    return f"{entry_id}: not a dead letter (written by something else), so it cannot be replayed; drop it"


async def _run(args: argparse.Namespace, url: str, bot_id: int, out: TextIO) -> int:
    redis = Redis.from_url(url, decode_responses=True, socket_timeout=TIMEOUT, socket_connect_timeout=TIMEOUT)
    try:
        if args.command == "list":
            return await _list(redis, StreamKeys(bot_id).stream, args.json, out)
        return await _change(redis, bot_id, args.command, args.entry_ids, out)
    finally:
        await redis.aclose()


def main(
    argv: Sequence[str] | None = None,
    environ: Mapping[str, str] | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    try:
        args = parser().parse_args(argv)
    except SystemExit as exit_:  # argparse has said what is wrong
        return ExitStatus.OK if exit_.code == 0 else ExitStatus.BAD_SETTINGS
    try:
        url, bot_id = _connection(args, os.environ if environ is None else environ)
    except UsageError as exc:
        err.write(f"{PROG}: invalid settings:\n{exc}\n")
        return ExitStatus.BAD_SETTINGS
    try:
        return asyncio.run(_run(args, url, bot_id, out))
    except RedisError as exc:  # its message names the host, never a password
        err.write(f"{PROG}: Redis failed ({type(exc).__name__}: {exc}); nothing more was changed.\n")
        return ExitStatus.FAILED


if __name__ == "__main__":
    sys.exit(main())
