#!/usr/bin/env python3
"""Choose the reranker's depth K and blend: ``python scripts/tune_rerank.py --set NAME INDEX QA ... [--calib INDEX QA]``.

For every K in ``--depths`` and, for a cross-encoder, blend in ``--blends`` (for the feature
reranker: scoring only, and ordering by it too), and the ranking alone ("off"), prints
top-1 and MRR@10 of each ``--set`` (as ``scripts/evaluate.py`` counts them, threshold off) and,
with ``--calib`` (a calibration set with unanswerable questions, as ``calibrate_decline.py
--mixed`` reads it), the threshold that answers at least ``--min-answered`` of its answerable
questions and the share of unanswerable ones it declines. Each (question, sentence) pair is
scored by the reranker once and remembered, so the whole grid costs about one run at the
largest K. Put the winners in index/search/reranking.py (RERANK_DEPTH, RERANK_BLEND) and the
threshold in index/search/decline.py (RERANK_MIN_SCORE).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from index.embedding.loader import load_embedder, quiet_model_loading
from index.evaluation import evaluate, load_qa
from index.rerank.features_model import MODEL_FILE, FeatureModel
from index.rerank.model import BUNDLED_MODEL, Reranker
from index.search.searcher import AnswerPolicy, Searcher
from index.search.threshold_fit import fit_threshold


class RememberingReranker(Reranker):
    """A ``Reranker`` that scores each (question, sentence) pair once per run."""

    def __init__(self, model_dir: Path) -> None:
        super().__init__(model_dir)
        self._memo: dict[tuple[str, str], float] = {}

    def logits(self, question: str, sentences: Sequence[str]) -> np.ndarray:
        missing = [s for s in dict.fromkeys(sentences) if (question, s) not in self._memo]
        if missing:
            scored = super().logits(question, missing)
            self._memo.update(((question, s), float(v)) for s, v in zip(missing, scored, strict=True))
        return np.asarray([self._memo[(question, s)] for s in sentences], dtype=np.float32)


def parse_floats(text: str) -> list[float]:
    return [float(part) for part in text.split(",") if part.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", nargs=3, action="append", default=[], metavar=("NAME", "INDEX", "QA"))
    parser.add_argument("--calib", nargs=2, metavar=("INDEX", "QA"), type=Path)
    parser.add_argument("--rerank-model", type=Path, help="the reranker's model directory (default the bundled one)")
    parser.add_argument("--depths", default="5,10,15,20", help="K values, comma-separated")
    parser.add_argument("--blends", default="0,0.25,0.5,1", help="blend values, comma-separated")
    parser.add_argument("--min-answered", type=float, default=0.9)
    args = parser.parse_args(argv)
    if not args.set and not args.calib:
        parser.error("give at least one --set or a --calib")
    quiet_model_loading()
    embedder = load_embedder()
    model_dir = args.rerank_model or BUNDLED_MODEL
    # Reranking on: AnswerPolicy has it off by default, and a searcher would then ignore the model.
    base = AnswerPolicy(min_score=float("-inf"), rerank_min=float("-inf"), rerank=True)
    depths = [int(k) for k in parse_floats(args.depths)]
    reranker: RememberingReranker | FeatureModel
    if (model_dir / MODEL_FILE).is_file():
        # The feature reranker: no blend; its probability either only scores the hits or orders them too.
        reranker = FeatureModel(model_dir)
        variants = [
            (f"K={k} {'reorder' if r else 'scores'}", replace(base, rerank_depth=k, rerank_reorder=r))
            for k in depths
            for r in (False, True)
        ]
    else:
        reranker = RememberingReranker(model_dir)
        variants = [
            (f"K={k} blend={b:g}", replace(base, rerank_depth=k, rerank_blend=b))
            for k in depths
            for b in parse_floats(args.blends)
        ]
    grid = [("off", replace(base, rerank=False)), *variants]
    sets = [(name, Path(index), load_qa(Path(qa))) for name, index, qa in args.set]
    calib = (args.calib[0], load_qa(args.calib[1])) if args.calib else None
    header = f"{'config':<18}" + "".join(f"{name + ' top1/MRR':>22}" for name, _, _ in sets)
    print(header + (f"   calib: threshold, declined at >= {args.min_answered:.0%} answered" if calib else ""))
    for label, policy in grid:
        row = f"{label:<18}"
        for _, index, questions in sets:
            searcher = Searcher.open(index, embedder=embedder, policy=policy, reranker=reranker)
            report, _ = evaluate(searcher, questions)
            searcher.close()
            row += f"{report.top1:>15.3f}/{report.mrr:.3f}"
        if calib:
            searcher = Searcher.open(calib[0], embedder=embedder, policy=policy, reranker=reranker)
            outcomes = []
            for item in calib[1]:
                if not searcher.speakers_asked(item.question):  # speech questions never meet the threshold
                    answer = searcher.answer(item.question)
                    outcomes.append((bool(item.answers), None if answer.declined else answer.hits[0].score))
            searcher.close()
            fit = fit_threshold(outcomes, args.min_answered)
            row += f"   {fit.threshold:.3f}, {fit.declined:.1%} declined ({fit.answered:.1%} answered)"
        print(row, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
