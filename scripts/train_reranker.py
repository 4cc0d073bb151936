#!/usr/bin/env python3
"""Train the cross-encoder into index/rerank_model/cross_encoder/ (``make train-reranker``).

    python scripts/train_reranker.py --extra ../rerank-lab/data/pairs

The shipped feature reranker reads its scores (docs/RERANKER.md): retrain that one after it
(``make train-ltr``, which reads this folder), as its weights were fitted to these scores.

A cross-encoder is initialised from the bundled all-MiniLM-L6-v2 weights, fine-tuned on TrecQA
train (../shared/eval/trecqa/train.csv) plus the pairs in each --extra folder (gzipped JSON lines;
docs/RERANKER.md says where they come from and under which licence), exported to
ONNX and quantised to int8. Before and after, it prints TrecQA dev MRR@10 as a reranker of each
dev question's candidate list: the bundled bi-encoder's cosine, the torch model, and the shipped
int8 file, and how closely int8 agrees with fp32. Never give it TrecQA dev/test, WikiQA or
PolNeAR dev/test data: those measure the model.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np
import torch

from scripts.rerankkit.export import onnx_scorer, torch_scorer, write_model_folder
from scripts.rerankkit.pairs import (
    count_by_source,
    in_half,
    load_pairs,
    subsample_questions,
    trecqa_dev,
    with_unrelated_befores,
    without_context,
)
from scripts.rerankkit.ranking import dense_scorer, mrr_at_10
from scripts.rerankkit.swaps import swapped_negatives
from scripts.rerankkit.training import TrainConfig, initial_model, train

ROOT = Path(__file__).resolve().parent.parent
NEWS_SOURCES = ("trecqa_train", "trecqa_trainall")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--extra", type=Path, action="append", default=[], help="folder of *.jsonl.gz pairs (repeatable)")
    ap.add_argument("--trecqa", type=Path, default=ROOT.parent / "shared" / "eval" / "trecqa")
    ap.add_argument("--out", type=Path, default=ROOT / "index" / "rerank_model" / "cross_encoder")
    ap.add_argument("--work", type=Path, default=ROOT / "build" / "rerank-train", help="fp32 ONNX and summary.json")
    ap.add_argument("--layers", type=int, default=6, help="keep the first N of MiniLM's 6 layers")
    ap.add_argument("--negatives", type=int, default=4, help="negatives kept per question, hard ones first")
    ap.add_argument("--keep", type=float, default=1.0, help="share of the non-news questions to keep")
    ap.add_argument("--exclude-source", action="append", default=[], help="drop pairs of this source")
    ap.add_argument(
        "--half",
        type=int,
        choices=(0, 1),
        default=None,
        help="train on this half of the questions only (rerankkit.pairs.question_half): the two "
        "halves' models are what train_ltr.py --cross-fit reads",
    )
    ap.add_argument(
        "--swaps",
        type=float,
        default=0.0,
        help="share of the positives whose question and sentence share a name that also become a "
        "negative: the question about another name (rerankkit.swaps; default 0, none)",
    )
    ap.add_argument(
        "--context",
        action="store_true",
        help='read each sentence with the one before it in its paragraph (the pairs\' "before"; '
        "index.rerank.cross_encoder.passage), as the searcher then gives it",
    )
    ap.add_argument(
        "--unrelated-before",
        type=float,
        default=0.0,
        help="with --context: share of the pairs given another question's sentence as the sentence "
        "before (rerankkit.pairs.with_unrelated_befores; default 0, none)",
    )
    ap.add_argument("--max-length", type=int, default=96)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--lr", type=float, default=4e-5)
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--max-steps", type=int, default=None, help="stop early (a quick export)")
    ap.add_argument("--listwise", action="store_true", help="softmax over each answer and its non-answers")
    ap.add_argument("--no-baseline", action="store_true", help="skip the dense cosine's MRR (slow on a busy machine)")
    ap.add_argument("--max-minutes", type=float, default=None, help="stop training after this long")
    ap.add_argument("--early-out", type=Path, default=None, help="also export the model at --early-step here")
    ap.add_argument("--early-step", type=int, default=150)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args(argv)
    if not 0.0 <= args.unrelated_before <= 1.0:
        ap.error(f"--unrelated-before is a share of the pairs, from 0 to 1 (got {args.unrelated_before})")
    if args.unrelated_before and not args.context:
        ap.error("--unrelated-before gives sentences before for --context to read: add --context")
    return args


def agreement(int8: np.ndarray, fp32: np.ndarray, sizes: list[int]) -> dict[str, float]:
    """Correlation of the int8 and fp32 logits, and how often both put the same sentence first."""
    same_top, at = 0, 0
    for n in sizes:
        same_top += int(np.argmax(int8[at : at + n]) == np.argmax(fp32[at : at + n]))
        at += n
    return {"pearson": float(np.corrcoef(int8, fp32)[0, 1]), "same_top1": same_top / len(sizes)}


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    torch.set_num_threads(args.threads)
    work = args.work
    started = time.time()
    pairs = load_pairs(args.trecqa / "train.csv", args.extra, args.negatives, args.seed, args.exclude_source)
    pairs = in_half(subsample_questions(pairs, args.keep, NEWS_SOURCES, args.seed), args.half)
    if args.swaps > 0:
        pairs += swapped_negatives(pairs, args.swaps, args.seed)
        random.Random(args.seed).shuffle(pairs)
    if args.context:
        if without_context(pairs):
            raise SystemExit(
                "--context needs pairs that give each sentence's sentence before: write them again with "
                "scripts/prepare_rerank_pairs.py"
            )
        pairs = with_unrelated_befores(pairs, args.unrelated_before, args.seed)
    counts = count_by_source(pairs)
    print(f"{len(pairs)} pairs, {sum(p.label for p in pairs)} positive", json.dumps(counts), flush=True)
    dev = trecqa_dev(args.trecqa / "dev.csv")
    dense = float("nan") if args.no_baseline else mrr_at_10(dense_scorer(), dev)
    print(f"TrecQA dev ({len(dev)} questions) MRR@10, dense cosine: {dense:.4f}", flush=True)

    cfg = TrainConfig(
        args.layers,
        args.max_length,
        args.batch,
        args.lr,
        args.epochs,
        args.max_steps,
        args.seed,
        args.max_minutes,
        args.listwise,
        args.context,
    )
    model, tokenizer = initial_model(args.layers)

    def early_export(step: int) -> None:
        # a briefly-trained model with the final one's files, for integrating against early
        if args.early_out and step == args.early_step:
            write_model_folder(
                model, tokenizer, args.early_out, args.max_length, args.layers, work / "early", args.context
            )
            model.train()
            print(f"early export at step {step}: {args.early_out}", flush=True)

    result = train(model, tokenizer, pairs, cfg, log=lambda line: print(line, flush=True), on_step=early_export)
    trained = mrr_at_10(torch_scorer(model, tokenizer, args.max_length), dev)
    print(f"trained {result.steps} steps in {result.seconds / 60:.1f} min; torch MRR@10 {trained:.4f}", flush=True)

    fp32_file = write_model_folder(model, tokenizer, args.out, args.max_length, args.layers, work, args.context)
    int8, fp32 = onnx_scorer(args.out), onnx_scorer(args.out, fp32_file)
    shipped = mrr_at_10(int8, dev)
    agree = agreement(
        np.concatenate([int8(c.question, c.sentences) for c in dev]),
        np.concatenate([fp32(c.question, c.sentences) for c in dev]),
        [len(c.sentences) for c in dev],
    )
    summary = {
        "pairs": counts,
        "config": vars(cfg),
        "steps": result.steps,
        "train_minutes": round(result.seconds / 60, 1),
        "total_minutes": round((time.time() - started) / 60, 1),
        "dev_questions": len(dev),
        "mrr10": {"dense": round(dense, 4), "torch_fp32": round(trained, 4), "onnx_int8": round(shipped, 4)},
        "int8_vs_fp32": {k: round(v, 4) for k, v in agree.items()},
        "model_mb": round((args.out / "model.onnx").stat().st_size / 1e6, 1),
    }
    (work / "summary.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
