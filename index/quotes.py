"""``verbatim-quotes`` / ``scripts/quotes.py``: who said what in a file or folder of articles.

``--articles PATH --jsonl`` prints one JSON line per sentence that reports speech,
``{"article_id", "sentence", "speaker", "verb"}`` (``--all``: every sentence, ``"speaker": null``
where nobody is reported); without ``--jsonl``, a readable listing per article. Articles are
read as ``verbatim-index`` reads them (index/ingest/loaders.py), split (index/text/sentences.py)
and attributed with ``attribute_article``, so an article whose attribution fails is listed
without speakers and named once on stderr.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from index.attribution import attribute_article
from index.errors import VerbatimError
from index.ingest.loaders import load_articles
from index.text.sentences import split_article
from index.types import Article, Sentence


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="verbatim-quotes",
        description="List who said what in a file or folder of articles (.txt, .md, .html, .jsonl).",
    )
    p.add_argument("--articles", required=True, type=Path, help="a file or folder of articles")
    p.add_argument("--jsonl", action="store_true", help="one JSON object a line instead of a readable listing")
    p.add_argument("--all", action="store_true", help="every sentence, not only those that report speech")
    return p


def attributed(articles: Sequence[Article]) -> Iterator[tuple[Article, list[Sentence]]]:
    """Each article with its sentences, speakers set where a sentence reports speech."""
    for article in articles:
        yield article, attribute_article(split_article(article), article.title, article.author)


def write_jsonl(results: Iterator[tuple[Article, list[Sentence]]], out: TextIO, every: bool) -> int:
    lines = 0
    for article, sentences in results:
        for s in sentences:
            if s.speaker or every:
                record = {"article_id": article.id, "sentence": s.text, "speaker": s.speaker, "verb": s.verb}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                lines += 1
    return lines


def write_listing(results: Iterator[tuple[Article, list[Sentence]]], out: TextIO, every: bool) -> int:
    lines = 0
    for article, sentences in results:
        shown = [s for s in sentences if s.speaker or every]
        quoted = sum(1 for s in sentences if s.speaker)
        out.write(
            f"{article.title or article.id} ({article.id}): {quoted} of {len(sentences)} sentences report speech\n"
        )
        for s in shown:
            who = f"{s.speaker} ({s.verb})" if s.speaker else "-"
            out.write(f"  {who}: {s.text}\n")
            lines += 1
        out.write("\n")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="verbatim-quotes: %(message)s", stream=sys.stderr)
    try:
        report = load_articles(args.articles)
    except VerbatimError as exc:
        print(f"verbatim-quotes: {exc}", file=sys.stderr)
        return 1
    for problem in report.problems:
        print(f"skipped {problem.path}: {problem.message}", file=sys.stderr)
    write = write_jsonl if args.jsonl else write_listing
    try:
        write(attributed(report.articles), sys.stdout, args.all)
    except BrokenPipeError:  # "verbatim-quotes ... | head": the reader has all it wanted
        sys.stderr.close()
    return 0
