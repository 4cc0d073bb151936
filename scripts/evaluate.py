#!/usr/bin/env python3
"""Score an index against questions: ``python scripts/evaluate.py --index DIR --qa FILE [--json] [--verbose]``.

FILE holds JSON lines ``{"question": str, "answers": [str, ...]}``; an answer matches a sentence
when it is a substring of it; ``"answers": []`` marks a question the articles cannot answer.
``--answers OUT.jsonl`` also writes what each question showed, whole: ``{"question", "declined",
"note", "shown": [every sentence shown, in order]}``, so that a "what did X say?" answer can be
scored as a whole.
``--ranker dense`` measures the plain dense path (FAISS cosine, fixed 0.30 threshold, no speech
routing) for comparison with the full one. ``--rerank off`` leaves the reranker out (as
VERBATIM_RERANK=off does); with it on, ``--verbose`` shows each question's rank of the first
right sentence before and after reranking (``rank=4->1``), and ``--rerank-reorder on`` lets the
feature reranker order the hits as well as score them. ``--lowercase`` asks every question in
lower case, as people type in a chat ("what did peskov say?"): the answer path reads such a
question with the articles' capitals (index/search/casing.py); ``--no-question-mark`` asks it
without its closing question mark, which the answer path puts back (query.py); ``--typo`` with
two letters of its longest name swapped ("Shreman"), which the answer path reads as the name the
articles write (index/search/spelling.py).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from index.embedding.loader import quiet_model_loading
from index.errors import VerbatimError
from index.evaluation import QuestionResult, as_typed, evaluate, load_qa
from index.rerank.model import load_reranker
from index.search.searcher import AnswerPolicy, Searcher
from scripts.rerankkit.flags import add_rerank_flags, rerank_settings

# The plain dense path as it was before hybrid ranking: what the full path is measured against.
PLAIN_DENSE = AnswerPolicy(min_score=0.30, check_words=False, hybrid=False)


def describe(result: QuestionResult, before: QuestionResult | None = None) -> str:
    if not result.answerable:
        verdict = "ok (declined)" if result.declined else "WRONG (answered an unanswerable question)"
    elif result.declined:
        verdict = "MISS (declined)"
    else:
        verdict = "ok" if result.shown_right else "MISS"
    rank = _rank(result)
    if before is not None:
        rank = f"{_rank(before)}->{rank}"
    shown = (result.shown or "")[:100]
    return (
        f"[{verdict}] rank={rank} {result.ms:.1f} ms  {result.question}\n    shown: {shown}\n    why: {result.reason}"
    )


def _rank(result: QuestionResult) -> str:
    return str(result.first_right_rank) if result.first_right_rank else "-"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", required=True, type=Path, help="index directory")
    parser.add_argument("--qa", required=True, type=Path, help="questions, JSON lines")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--verbose", action="store_true", help="one block per question: rank, sentence shown, decision")
    parser.add_argument(
        "--answers",
        type=Path,
        help='write one JSON line per question: {"question", "declined", "note", "shown": [every sentence shown]}',
    )
    parser.add_argument(
        "--backend",
        choices=("auto", "torch", "onnx"),
        default="auto",
        help="query encoder (default auto: onnx where available)",
    )
    parser.add_argument(
        "--ranker",
        choices=("hybrid", "dense"),
        default="hybrid",
        help="full answer path, or plain dense for comparison",
    )
    add_rerank_flags(
        parser,
        "score answers with the reranker and decline on its score (default on, as the bot; off: the ranking alone)",
    )
    parser.add_argument("--rerank-min", type=float, help="decline below this reranked score (default the policy's)")
    parser.add_argument(
        "--lowercase",
        action="store_true",
        help="ask every question in lower case, as people often type in a chat (--answers writes them so)",
    )
    parser.add_argument(
        "--no-question-mark",
        action="store_true",
        help="ask every question without its closing question mark, as people often type in a chat",
    )
    parser.add_argument(
        "--typo",
        action="store_true",
        help="ask every question with two letters of its longest name swapped (Sherman: Shreman), a typo a chat makes",
    )
    args = parser.parse_args(argv)
    if args.backend != "onnx":
        quiet_model_loading()  # no "Loading weights" bar in a report
    policy = PLAIN_DENSE if args.ranker == "dense" else AnswerPolicy(rerank=args.rerank == "on")
    policy = policy.reranking(min_score=args.rerank_min, **rerank_settings(args))
    before: list[QuestionResult | None] = []
    try:
        questions = load_qa(args.qa)
        if args.lowercase or args.no_question_mark or args.typo:
            questions = [
                replace(
                    qa,
                    question=as_typed(
                        qa.question,
                        lowercase=args.lowercase,
                        question_mark=not args.no_question_mark,
                        typo=args.typo,
                    ),
                )
                for qa in questions
            ]
        reranker = load_reranker(args.rerank_model) if policy.rerank and policy.hybrid else None
        if policy.rerank and policy.hybrid and reranker is None:
            print("evaluate: no reranker model: measuring the ranking alone", file=sys.stderr)
            policy = replace(policy, rerank=False)
        searcher = Searcher.open(args.index, backend=args.backend, policy=policy, reranker=reranker)
        if args.verbose and reranker is not None:
            # The same questions without the reranker: the rank each had before it.
            plain = Searcher.open(args.index, embedder=searcher.embedder, policy=replace(policy, rerank=False))
            before = list(evaluate(plain, questions)[1])
            plain.close()
    except VerbatimError as exc:
        print(f"evaluate: {exc}", file=sys.stderr)
        return 1
    report, results = evaluate(searcher, questions)
    if args.answers:
        with open(args.answers, "w", encoding="utf-8") as out:
            for result in results:
                out.write(json.dumps(result.answer_record(), ensure_ascii=False) + "\n")
    if args.verbose:
        for result, old in zip(results, before or [None] * len(results), strict=True):
            print(describe(result, old), file=sys.stderr if args.json else sys.stdout)
    if args.json:
        print(json.dumps(report.to_dict()))
    else:
        for key, value in report.to_dict().items():
            print(f"{key:>16}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
