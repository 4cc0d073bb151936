#!/usr/bin/env python3
"""Fit the decline threshold: ``python scripts/calibrate_decline.py --own INDEX QA ... --foreign INDEX QA ...``.

``--own INDEX QA``: questions of QA asked against the index of their own articles (the answerable
ones count as "should answer"). ``--foreign INDEX QA``: questions asked against an index that
cannot answer them ("should decline"). ``--mixed INDEX QA``: a calibration set asked of its own
articles, whose answerable questions should be answered and whose unanswerable ones
(``"answers": []``, in-domain: about the same stories) should be declined. Each question is
answered with the full answer path, the threshold switched off; a question declined by the word
rules (unknown names, no shared word) is counted as declined whatever the threshold.

The printed threshold maximises balanced accuracy over every pair, or with ``--min-answered
0.9`` declines the most while answering at least 90% of the answerable questions. ``--curve``
also prints the trade-off (answered share of the answerable, declined share of the
unanswerable) at several thresholds. With the reranker on (the default; ``--rerank off``), the
scores are reranked ones and the fit is for ``RERANK_MIN_SCORE``, else for ``MIN_SCORE``;
index/search/decline.py records the last runs.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from index.embedding.loader import load_embedder, quiet_model_loading
from index.embedding.models import Embedder
from index.errors import VerbatimError
from index.evaluation import load_qa
from index.rerank.model import Reranker, load_reranker
from index.search.searcher import AnswerPolicy, Searcher
from index.search.threshold_fit import fit_threshold, threshold_candidates, trade_off
from scripts.rerankkit.flags import add_rerank_flags, rerank_settings

# Reranking on, said outright: a searcher given a reranker under a policy without it would answer
# with the ranking alone.
NO_THRESHOLD = AnswerPolicy(min_score=float("-inf"), rerank_min=float("-inf"), rerank=True)
CURVE_POINTS = 12


@dataclass(frozen=True)
class Outcome:
    """One question: whether it should be answered, its best score (None: a word rule declined it)."""

    answerable: bool
    score: float | None
    question: str
    right: bool  # answerable, and the best sentence is a right one


def outcomes(
    index: Path, qa: Path, side: str, embedder: Embedder, policy: AnswerPolicy, reranker: Reranker | None
) -> list[Outcome]:
    """Each question of ``qa`` asked of ``index``; ``side``: "own", "foreign" or "mixed"."""
    searcher = Searcher.open(index, embedder=embedder, policy=policy, reranker=reranker)
    try:
        found = []
        for item in load_qa(qa):
            if (side == "own" and not item.answers) or searcher.speakers_asked(item.question):
                continue  # speech questions go to their speakers, never to the threshold
            answer = searcher.answer(item.question)
            score = None if answer.declined else answer.hits[0].score
            answerable = side != "foreign" and bool(item.answers)
            right = answerable and bool(answer.hits) and any(a in answer.hits[0].sentence for a in item.answers)
            found.append(Outcome(answerable, score, item.question, right))
        return found
    finally:
        searcher.close()


def curve(rows: list[Outcome], points: int = CURVE_POINTS) -> list[tuple[float, float, float, float]]:
    """(threshold, answered, declined, right among answered) at ``points`` thresholds over the scores."""
    pairs = [(r.answerable, r.score) for r in rows]
    candidates = threshold_candidates(pairs)
    step = max(1, len(candidates) // points)
    table = []
    for t in candidates[::step]:
        answered, declined = trade_off(pairs, t)
        shown = [r for r in rows if r.answerable and r.score is not None and r.score >= t]
        right = sum(1 for r in shown if r.right) / len(shown) if shown else 0.0
        table.append((t, answered, declined, right))
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    pair = {"nargs": 2, "action": "append", "default": [], "metavar": ("INDEX", "QA"), "type": Path}
    parser.add_argument("--own", **pair)
    parser.add_argument("--foreign", **pair)
    parser.add_argument("--mixed", **pair)
    parser.add_argument("--verbose", action="store_true", help="list the questions each side gets wrong")
    parser.add_argument("--curve", action="store_true", help="print the trade-off at several thresholds")
    parser.add_argument("--min-answered", type=float, help="fit: decline the most while answering this share")
    add_rerank_flags(parser, "fit the reranker's threshold (default on, as the bot; off: the ranking's own score's)")
    args = parser.parse_args(argv)
    if not args.mixed and (not args.own or not args.foreign):
        parser.error("give at least one --own and one --foreign pair, or a --mixed one")
    quiet_model_loading()
    embedder = load_embedder()
    reranker = load_reranker(args.rerank_model) if args.rerank == "on" else None
    policy = NO_THRESHOLD if reranker is not None else AnswerPolicy(min_score=float("-inf"), rerank=False)
    policy = policy.reranking(**rerank_settings(args))
    print(f"reranker: {reranker.version if reranker else 'off'}", file=sys.stderr)
    rows: list[Outcome] = []
    try:
        for side in ("own", "foreign", "mixed"):
            for index, qa in getattr(args, side):
                rows += outcomes(index, qa, side, embedder, policy, reranker)
    except VerbatimError as exc:
        print(f"calibrate_decline: {exc}", file=sys.stderr)
        return 1
    fit = fit_threshold([(r.answerable, r.score) for r in rows], args.min_answered)
    print(json.dumps(fit.to_dict()))
    if args.curve:
        print(f"{'threshold':>10} {'answered':>9} {'declined':>9} {'right/shown':>12}")
        for t, answered, declined, right in curve(rows):
            print(f"{t:>10.3f} {answered:>9.1%} {declined:>9.1%} {right:>12.1%}")
    if args.verbose:
        for r in rows:
            declined = r.score is None or r.score < fit.threshold
            if declined == r.answerable:
                side = "answerable, declined" if r.answerable else "unanswerable, answered"
                shown = "rule" if r.score is None else f"{r.score:.3f}"
                print(f"  [{side}] {shown}  {r.question}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
