#!/usr/bin/env python3
"""Turn a PolNeAR split into an article file verbatim-index reads: ``polnear_to_corpus.py SPLIT|JSONL OUT_DIR``.

SPLIT is ``dev`` or ``train`` (read from ../shared/eval/polnear/SPLIT.jsonl beside the project),
or the path of a PolNeAR JSON lines file. Writes OUT_DIR/articles.jsonl, one article a line:
``{"id", "title", "text", "published"}`` (PolNeAR gives no URLs). The title line that opens each
PolNeAR text is dropped (it is the title), and every line break starts a paragraph, since some
publishers' texts separate paragraphs with one newline, others with a blank line. The news
calibration questions (scripts/eval_sets/polnear_dev_qa.jsonl) are asked of the dev split, the
reranker's news training questions (polnear_train_qa.jsonl) of the train split.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

POLNEAR = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "polnear"


def polnear_source(split: str) -> Path:
    """The PolNeAR file a split name or a path stands for."""
    return Path(split) if split.endswith(".jsonl") else POLNEAR / f"{split}.jsonl"


def corpus_article(record: dict[str, object]) -> dict[str, str]:
    """One PolNeAR record as a verbatim-index JSON lines article."""
    title = str(record["title"]).strip()
    lines = [line.strip() for line in str(record["text"]).split("\n")]
    if lines and lines[0] == title:
        lines = lines[1:]
    article = {"id": str(record["id"]), "title": title, "text": "\n\n".join(line for line in lines if line)}
    if record.get("published"):
        article["published"] = str(record["published"])
    return article


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", help="dev, train, or a PolNeAR .jsonl path")
    parser.add_argument("out", type=Path, help="folder for articles.jsonl")
    args = parser.parse_args(argv)
    source = polnear_source(args.split)
    args.out.mkdir(parents=True, exist_ok=True)
    count = 0
    with open(source, encoding="utf-8") as lines, open(args.out / "articles.jsonl", "w", encoding="utf-8") as out:
        for line in lines:
            if line.strip():
                out.write(json.dumps(corpus_article(json.loads(line)), ensure_ascii=False) + "\n")
                count += 1
    print(f"{count} articles from {source} -> {args.out / 'articles.jsonl'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
