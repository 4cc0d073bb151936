#!/usr/bin/env python3
"""Turn the public answer-sentence files into the pairs folder scripts/train_reranker.py reads.

    python scripts/prepare_rerank_pairs.py --raw RAW_DIR --out PAIRS_DIR

RAW_DIR holds unmodified, gzipped copies of the public files that docs/RERANKER.md
lists (repository, commit, path and licence of each); they are fetched data and stay outside the
repository. Writes one gzipped JSON-lines file per source. Questions of the held-out CSVs
(TrecQA dev by default) are left out, and XQuAD questions already in the SQuAD half are dropped
(XQuAD reuses SQuAD 1.1 dev paragraphs).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import sys
import tarfile
from collections.abc import Iterable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.rerankkit.sources import (
    SQUAD2_FILE,
    TRECQA_TRAINALL_FILES,
    XQUAD_FILE,
    Row,
    normalise_question,
    selqa_pairs,
    squad_article_negatives,
    squad_pairs,
    trecqa_trainall_pairs,
)
from scripts.rerankkit.squad_explorer import squad_explorer_pairs

ROOT = Path(__file__).resolve().parent.parent


def held_out_questions(csv_paths: Iterable[Path]) -> set[str]:
    questions: set[str] = set()
    for path in csv_paths:
        with path.open(encoding="utf-8", newline="") as f:
            questions |= {normalise_question(r["qtext"]) for r in csv.DictReader(f)}
    return questions


# The raw files every run reads (docs/RERANKER.md, "Training data", says where each comes from).
SELQA_DEV_FILE = "selqa_ass_dev.json.gz"
SELQA_TEST_FILE = "selqa_ass_test.json.gz"
RAW_FILES = (SQUAD2_FILE, XQUAD_FILE, SELQA_DEV_FILE, SELQA_TEST_FILE, *TRECQA_TRAINALL_FILES)
SQUAD11_FILE = "squad11_train_explorer_html.tar.gz"


def write_rows(rows: Iterable[Row], out: Path) -> dict[str, int]:
    """Write ``rows`` to ``out`` whole or not at all: a source that fails half-way leaves no file
    that scripts/train_reranker.py would read as complete (it reads ``*.jsonl.gz``)."""
    pairs = positive = 0
    questions: set[str] = set()
    part = out.with_name(out.name + ".part")
    try:
        with gzip.open(part, "wt", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
                pairs += 1
                positive += row["label"]
                questions.add(row["qid"])
        part.replace(out)
    finally:
        part.unlink(missing_ok=True)
    return {"pairs": pairs, "positive": positive, "questions": len(questions)}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--raw", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument(
        "--held-out",
        type=Path,
        action="append",
        default=[ROOT.parent / "shared" / "eval" / "trecqa" / "dev.csv"],
        help="TrecQA-style CSV (qtext column) whose questions are never trained on (repeatable)",
    )
    ap.add_argument(
        "--article-negatives",
        type=int,
        default=0,
        help="also write, per answerable SQuAD/XQuAD question, this many sentences of its article's other "
        "paragraphs that share the most words with it and hold no answer, as hard negatives (default 0)",
    )
    ap.add_argument(
        "--squad11-questions",
        type=int,
        default=0,
        help="also write this many SQuAD 1.1 train questions (squad11_train_explorer_html.tar.gz, "
        "scripts/rerankkit/squad_explorer.py) drawn over all its articles (default 0, none)",
    )
    args = ap.parse_args(argv)
    if args.squad11_questions < 0:
        ap.error(f"--squad11-questions is a number of questions, 0 or more (got {args.squad11_questions})")
    if args.article_negatives < 0:
        ap.error(f"--article-negatives is a number of sentences per question, 0 or more (got {args.article_negatives})")
    needed = [args.raw / name for name in RAW_FILES]
    if args.squad11_questions > 0:
        needed.append(args.raw / SQUAD11_FILE)
    missing = [str(path) for path in [*needed, *args.held_out] if not path.is_file()]
    if missing:
        ap.error(
            "missing input file(s), nothing written (docs/RERANKER.md says where each comes from): "
            + ", ".join(missing)
        )
    args.out.mkdir(parents=True, exist_ok=True)
    held_out = held_out_questions(args.held_out)
    squad_questions: set[str] = set()

    def not_in_squad(rows: Iterator[Row]) -> Iterator[Row]:
        for row in rows:
            if normalise_question(row["question"]) not in squad_questions:
                yield row

    def remembered(rows: Iterator[Row]) -> Iterator[Row]:
        for row in rows:
            squad_questions.add(normalise_question(row["question"]))
            yield row

    raw = args.raw
    jobs = {  # in this order: the SQuAD half is read before XQuAD is filtered against it
        "squad2_dev_half": remembered(squad_pairs(raw / SQUAD2_FILE, "squad2")),
        "xquad_en": not_in_squad(squad_pairs(raw / XQUAD_FILE, "xquad")),
        "selqa_dev": selqa_pairs(raw / SELQA_DEV_FILE, "selqa_dev"),
        "selqa_test": selqa_pairs(raw / SELQA_TEST_FILE, "selqa_test"),
        "trecqa_trainall": trecqa_trainall_pairs(raw, "trecqa_trainall", held_out),
    }
    if args.article_negatives > 0:
        for name, source in (("squad2", SQUAD2_FILE), ("xquad", XQUAD_FILE)):
            rows = squad_article_negatives(raw / source, name, args.article_negatives)
            jobs[f"{name}_article_negatives"] = rows if name == "squad2" else not_in_squad(rows)
    if args.squad11_questions > 0:
        jobs["squad11_train"] = squad_explorer_pairs(raw / SQUAD11_FILE, "squad11_train", args.squad11_questions)
    for name, rows in jobs.items():
        try:
            counts = write_rows(rows, args.out / f"{name}.jsonl.gz")
        except (
            OSError,
            ValueError,
            KeyError,
            TypeError,
            EOFError,
            tarfile.TarError,
        ) as exc:  # a damaged or unexpected raw file
            sys.exit(
                f"prepare_rerank_pairs: {name} not written ({type(exc).__name__}: {exc}); the files above it are complete"
            )
        print(name, json.dumps(counts), flush=True)


if __name__ == "__main__":
    main()
