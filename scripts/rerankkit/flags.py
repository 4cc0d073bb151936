"""The reranker's command-line flags shared by scripts/evaluate.py and scripts/calibrate_decline.py.

    add_rerank_flags(parser, rerank_help)   # --rerank, --rerank-model, --rerank-depth, ...
    policy.reranking(**rerank_settings(args))

Each flag left out keeps the policy's own value (the bot's default).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def add_rerank_flags(parser: argparse.ArgumentParser, rerank_help: str) -> None:
    """``--rerank`` (described by ``rerank_help``) and the flags that set the reranker's policy."""
    parser.add_argument("--rerank", choices=("on", "off"), default="on", help=rerank_help)
    parser.add_argument("--rerank-model", type=Path, help="the reranker's model directory (default the bundled one)")
    parser.add_argument("--rerank-depth", type=int, help="hits the reranker rescores (default the policy's)")
    parser.add_argument("--rerank-blend", type=float, help="weight of the ranking score in the reranked one")
    parser.add_argument(
        "--rerank-reorder",
        choices=("on", "off"),
        help="the feature reranker also orders the hits by its probability (default the policy's: on)",
    )
    parser.add_argument(
        "--rerank-reorder-margin",
        type=float,
        help="reorder only when the most probable hit beats the first by this or more (default the policy's: 0.1)",
    )


def rerank_settings(args: argparse.Namespace) -> dict[str, Any]:
    """``AnswerPolicy.reranking``'s keywords from the flags (None: the policy's own)."""
    return {
        "depth": args.rerank_depth,
        "blend": args.rerank_blend,
        "reorder": None if args.rerank_reorder is None else args.rerank_reorder == "on",
        "reorder_margin": args.rerank_reorder_margin,
    }
