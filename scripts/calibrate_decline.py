#!/usr/bin/env python3
"""Fit the decline threshold: ``python scripts/calibrate_decline.py --own INDEX QA ... --foreign INDEX QA ...``.

``--own INDEX QA``: questions of QA asked against the index of their own articles (the answerable
ones count as "should answer"). ``--foreign INDEX QA``: questions asked against an index that
cannot answer them ("should decline"). Each question is answered with the full answer path,
the threshold switched off; a question declined by the word rules (unknown names, no shared
word) is counted as declined whatever the threshold. The printed threshold maximises balanced
accuracy over every pair; index/decline.py records the last run.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from index.embedding.loader import load_embedder, quiet_model_loading
from index.errors import VerbatimError
from index.evaluation import load_qa
from index.search.decline import fit_threshold
from index.search.searcher import AnswerPolicy, Searcher

NO_THRESHOLD = AnswerPolicy(min_score=float("-inf"))


def outcomes(index: Path, qa: Path, own: bool, embedder) -> list[tuple[bool, float | None, str]]:
    """(should answer, best score or None when a word rule declined, question) per question."""
    searcher = Searcher.open(index, embedder=embedder, policy=NO_THRESHOLD)
    try:
        found = []
        for item in load_qa(qa):
            if (own and not item.answers) or searcher.speakers_asked(item.question):
                continue  # speech questions go to their speakers, never to the threshold
            answer = searcher.answer(item.question)
            score = None if answer.declined else answer.hits[0].score
            found.append((own and bool(item.answers), score, item.question))
        return found
    finally:
        searcher.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--own", nargs=2, action="append", default=[], metavar=("INDEX", "QA"), type=Path)
    parser.add_argument("--foreign", nargs=2, action="append", default=[], metavar=("INDEX", "QA"), type=Path)
    parser.add_argument("--verbose", action="store_true", help="list the questions each side gets wrong")
    args = parser.parse_args(argv)
    if not args.own or not args.foreign:
        parser.error("give at least one --own and one --foreign pair")
    quiet_model_loading()
    embedder = load_embedder()
    rows = []
    try:
        for index, qa in args.own:
            rows += outcomes(index, qa, True, embedder)
        for index, qa in args.foreign:
            rows += outcomes(index, qa, False, embedder)
    except VerbatimError as exc:
        print(f"calibrate_decline: {exc}", file=sys.stderr)
        return 1
    fit = fit_threshold([(answerable, score) for answerable, score, _ in rows])
    print(json.dumps(fit.to_dict()))
    if args.verbose:
        for answerable, score, question in rows:
            declined = score is None or score < fit.threshold
            if declined == answerable:
                side = "answerable, declined" if answerable else "unanswerable, answered"
                shown = "rule" if score is None else f"{score:.3f}"
                print(f"  [{side}] {shown}  {question}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
