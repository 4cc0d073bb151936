#!/usr/bin/env python3
"""Write the Wikinews held-out collection verbatim-index reads: ``wikinews_to_corpus.py OUT_DIR``.

OUT_DIR/articles.jsonl gets the 265 English Wikinews articles of 2019-2021 that ship in
scripts/eval_sets/wikinews_articles.jsonl (CC BY 2.5, each with its URL), then, as the rest of
a collection of 1,105 articles, the PolNeAR train split (../shared/eval/polnear/train.jsonl, 840
articles of 2016 US politics, or ``--polnear PATH``). The questions of
``wikinews_open_qa.jsonl`` and ``wikinews_sealed_qa.jsonl`` are about the Wikinews articles and
are asked of the whole collection (scripts/eval_sets/README.md).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.polnear_to_corpus import corpus_article, polnear_source

WIKINEWS = Path(__file__).resolve().parent / "eval_sets" / "wikinews_articles.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder for articles.jsonl")
    parser.add_argument("--polnear", default="train", help="PolNeAR split or .jsonl path added to the collection")
    args = parser.parse_args(argv)
    polnear = polnear_source(args.polnear)
    if not polnear.is_file():
        parser.error(f"no PolNeAR file at {polnear} (the collection's other 840 articles); give --polnear PATH")
    args.out.mkdir(parents=True, exist_ok=True)
    counts = {"wikinews": 0, "polnear": 0}
    with open(args.out / "articles.jsonl", "w", encoding="utf-8") as out:
        for line in WIKINEWS.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.write(line.strip() + "\n")
                counts["wikinews"] += 1
        for line in polnear.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.write(json.dumps(corpus_article(json.loads(line)), ensure_ascii=False) + "\n")
                counts["polnear"] += 1
    print(f"{counts['wikinews']} Wikinews and {counts['polnear']} PolNeAR articles -> {args.out / 'articles.jsonl'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
