#!/usr/bin/env python3
"""Measure Verbatim's speed: ``python scripts/bench.py [--quick] [--json] [--sizes 10000,100000,1000000]``.

Prints a table (or, with --json, one JSON object) of answer latency against its floor, ANN recall,
build and rebuild speed, the bot's memory per corpus size and its throughput under 50 chats at
once, with the issue's bars marked ok or MISS. The full run takes 20-40 minutes on 2 cores;
--quick is a smoke run of about a minute whose figures are not meant to meet the bars.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from index.embedding.loader import load_embedder, quiet_model_loading
from index.embedding.models import BACKENDS, DEFAULT_MODEL, resolve_backend
from index.errors import VerbatimError
from index.rerank.model import load_reranker
from index.search.reranking import RERANK_DEPTH
from scripts.benchkit.report import json_ready, render
from scripts.benchkit.run import BenchConfig, Encoders, run

QUICK = {
    "sizes": (2_000,),
    "encode_limit": 0,
    "rebuild_articles": 60,
    "chats": 10,
    "per_chat": 2,
    "sequential": 10,
    "latency_questions": 40,
    "rounds": 1,
    "build_repeats": 1,
    "speech_questions": 20,
}


def sizes(text: str) -> tuple[int, ...]:
    """``10000,1e5,10^6`` -> (10000, 100000, 1000000)."""
    out = []
    for part in text.split(","):
        part = part.strip().replace("10^", "1e")
        if part:
            out.append(int(float(part)))
    if not out or min(out) < 10:
        raise argparse.ArgumentTypeError("sizes are sentence counts of at least 10, e.g. 10000,100000,1000000")
    return tuple(out)


def depths(text: str) -> tuple[int, ...]:
    """``5,10,15,20`` -> (5, 10, 15, 20)."""
    try:
        out = tuple(int(part) for part in text.split(",") if part.strip())
    except ValueError:
        out = ()
    if not out or min(out) < 1:
        raise argparse.ArgumentTypeError("depths are whole numbers of hits, at least 1, e.g. 5,10,15,20")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small smoke run (about a minute)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    parser.add_argument("--save", type=Path, help="also write the JSON object to this file")
    parser.add_argument("--sizes", type=sizes, help="synthetic corpus sizes in sentences (default 10^4,10^5,10^6)")
    parser.add_argument("--encode-limit", type=int, help="sizes up to this are encoded for real (default 10^4)")
    parser.add_argument("--rebuild-articles", type=int, help="articles in the rebuild corpus (default 10^4)")
    parser.add_argument("--chats", type=int, help="chats asking at once in the load test (default 50)")
    parser.add_argument(
        "--backend",
        choices=BACKENDS,
        default="auto",
        help="question encoder, as the bot's VERBATIM_BACKEND (default auto)",
    )
    parser.add_argument(
        "--build-backend", choices=BACKENDS, default="auto", help="document encoder, as verbatim-index's (default auto)"
    )
    parser.add_argument("--no-bot", action="store_true", help="skip the bot process (RSS and load figures)")
    parser.add_argument(
        "--store",
        default="",
        help="also measure every corpus with its vectors in this store, next to FAISS, e.g. "
        "qdrant+local:///tmp/bench-qdrant/bench or qdrant://HOST:PORT/bench (a collection per corpus)",
    )
    parser.add_argument(
        "--rerank",
        choices=("on", "off"),
        default="on",
        help="also time answers with the reranker (default on, as the bot; its model: --rerank-model)",
    )
    parser.add_argument("--rerank-model", type=Path, help="the reranker's model directory (default the bundled one)")
    parser.add_argument(
        "--rerank-depths",
        type=depths,
        default=(RERANK_DEPTH,),
        help=f"hits the reranker rescores, each timed (default {RERANK_DEPTH}; e.g. 5,10,15,20)",
    )
    parser.add_argument("--workdir", type=Path, help="where to write corpora and indexes (default: a temp dir)")
    parser.add_argument("--keep", action="store_true", help="keep the work directory")
    args = parser.parse_args(argv)

    settings = dict(QUICK) if args.quick else {}
    for key in ("sizes", "encode_limit", "rebuild_articles", "chats"):
        if getattr(args, key) is not None:
            settings[key] = getattr(args, key)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="verbatim-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    config = BenchConfig(
        workdir=workdir,
        quick=args.quick,
        bot=not args.no_bot,
        store=args.store,
        rerank_depths=args.rerank_depths,
        **settings,
    )

    def progress(message: str) -> None:
        print(f"bench: {message}", file=sys.stderr, flush=True)

    if "torch" in (resolve_backend(DEFAULT_MODEL, args.backend), resolve_backend(DEFAULT_MODEL, args.build_backend)):
        quiet_model_loading()
    try:
        encoders = Encoders(
            documents=load_embedder(DEFAULT_MODEL, args.build_backend),
            questions=load_embedder(DEFAULT_MODEL, args.backend),
            documents_backend=resolve_backend(DEFAULT_MODEL, args.build_backend),
            questions_backend=resolve_backend(DEFAULT_MODEL, args.backend),
            reranker=load_reranker(args.rerank_model) if args.rerank == "on" else None,
        )
        result = run(config, encoders, progress)
    except VerbatimError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 1
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    result["command"] = " ".join(["python scripts/bench.py", *(argv if argv is not None else sys.argv[1:])])
    if args.save:
        args.save.write_text(json.dumps(json_ready(result), indent=1) + "\n", encoding="utf-8")
    print(json.dumps(json_ready(result)) if args.json else render(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
