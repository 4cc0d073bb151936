#!/usr/bin/env python3
"""Score an index against questions: ``python scripts/evaluate.py --index DIR --qa FILE [--json] [--verbose]``.

FILE holds JSON lines ``{"question": str, "answers": [str, ...]}``; an answer matches a sentence
when it is a substring of it; ``"answers": []`` marks a question the articles cannot answer.
``--answers OUT.jsonl`` also writes what each question showed, whole: ``{"question", "declined",
"note", "shown": [every sentence shown, in order]}``, so that a "what did X say?" answer can be
scored as a whole.
``--ranker dense`` measures the plain dense path (FAISS cosine, fixed 0.30 threshold, no speech
routing) for comparison with the full one.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from index.embedding.loader import quiet_model_loading
from index.errors import VerbatimError
from index.evaluation import QuestionResult, evaluate, load_qa
from index.search.searcher import AnswerPolicy, Searcher

# The plain dense path as it was before hybrid ranking: what the full path is measured against.
PLAIN_DENSE = AnswerPolicy(min_score=0.30, check_words=False, hybrid=False)


def describe(result: QuestionResult) -> str:
    if not result.answerable:
        verdict = "ok (declined)" if result.declined else "WRONG (answered an unanswerable question)"
    elif result.declined:
        verdict = "MISS (declined)"
    else:
        verdict = "ok" if result.shown_right else "MISS"
    rank = result.first_right_rank if result.first_right_rank else "-"
    shown = (result.shown or "")[:100]
    return (
        f"[{verdict}] rank={rank} {result.ms:.1f} ms  {result.question}\n    shown: {shown}\n    why: {result.reason}"
    )


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
    args = parser.parse_args(argv)
    if args.backend != "onnx":
        quiet_model_loading()  # no "Loading weights" bar in a report
    try:
        questions = load_qa(args.qa)
        policy = PLAIN_DENSE if args.ranker == "dense" else None
        searcher = Searcher.open(args.index, backend=args.backend, policy=policy)
    except VerbatimError as exc:
        print(f"evaluate: {exc}", file=sys.stderr)
        return 1
    report, results = evaluate(searcher, questions)
    if args.answers:
        with open(args.answers, "w", encoding="utf-8") as out:
            for result in results:
                out.write(json.dumps(result.answer_record(), ensure_ascii=False) + "\n")
    if args.verbose:
        for result in results:
            print(describe(result), file=sys.stderr if args.json else sys.stdout)
    if args.json:
        print(json.dumps(report.to_dict()))
    else:
        for key, value in report.to_dict().items():
            print(f"{key:>16}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
