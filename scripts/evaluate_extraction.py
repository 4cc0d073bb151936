#!/usr/bin/env python3
"""Main-text extraction quality on saved web pages: ``python scripts/evaluate_extraction.py --pages DIR``.

Scores the extractor the index uses for web pages (index/ingest/extraction.py, trafilatura, then
the leftover filter) against the one it replaced (formats.parse_html, every <p>, then
cleaning.drop_boilerplate), on saved pages with reference text. DIR is one of two public sets
(neither is part of this repository; fetch it and pass its folder):

* scrapinghub/article-extraction-benchmark: ``DIR/ground-truth.json`` (``{id: {"articleBody",
  "url"}}``) and ``DIR/html/ID.html.gz``. Scored by tokens: per page, precision and recall of
  the extracted words (lower case, as a multiset) against the reference body's words; F1 is the
  mean of the pages' F1 (``mean_f1``) and that of the pooled counts (``micro_f1``).
* adbar/trafilatura's evaluation set (its ``tests/`` folder): ``DIR/evaldata.json``
  (``{url: {"file", "with": [...], "without": [...]}}``) with pages under ``DIR/eval/`` or
  ``DIR/cache/``. Scored by snippets: a "with" snippet found in the text is a true positive, a
  "without" one found is a false positive; precision, recall and F1 over all snippets.

``--json`` prints ``{"pages", "kind", "extractors": {name: {"precision", "recall", "f1", ...}}}``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from index.ingest.cleaning import drop_boilerplate
from index.ingest.extraction import extract_page
from index.ingest.formats import parse_html

Extractor = Callable[[str, str | None], str]


def new_extractor(html: str, url: str | None) -> str:
    page = extract_page(html, url)
    return "\n\n".join(drop_boilerplate(page.paragraphs)) if page is not None else ""


def old_extractor(html: str, url: str | None) -> str:
    _, paragraphs = parse_html(html)
    return "\n\n".join(drop_boilerplate(paragraphs))


EXTRACTORS: dict[str, Extractor] = {"trafilatura": new_extractor, "parse_html": old_extractor}


def decode(data: bytes) -> str:
    """A saved page as text: UTF-8 when it is, else the charset its <meta> names, else cp1252."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = re.search(rb"""charset=["']?([A-Za-z0-9_\-]+)""", data[:4096])
    for name in ([declared.group(1).decode("ascii")] if declared else []) + ["cp1252"]:
        try:
            return data.decode(name, errors="replace")
        except LookupError:
            continue
    return data.decode("latin-1")


def words(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text.lower()))


def scrapinghub_pages(folder: Path) -> Iterator[tuple[str, str | None, str]]:
    """(page, url, reference body) of the scrapinghub benchmark."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    for key, item in sorted(truth.items()):
        path = folder / "html" / f"{key}.html.gz"
        if path.exists():
            yield decode(gzip.decompress(path.read_bytes())), item.get("url"), item.get("articleBody") or ""


def trafilatura_pages(folder: Path) -> Iterator[tuple[str, str | None, dict[str, list[str]]]]:
    """(page, url, {"with", "without"}) of trafilatura's evaluation set."""
    data = json.loads((folder / "evaldata.json").read_text(encoding="utf-8"))
    for url, item in data.items():
        path = next((p for p in (folder / "eval" / item["file"], folder / "cache" / item["file"]) if p.is_file()), None)
        if path is not None:
            yield decode(path.read_bytes()), url, {"with": item["with"], "without": item["without"]}


def score_tokens(folder: Path, extractors: dict[str, Extractor], limit: int | None) -> dict[str, dict[str, float]]:
    totals = {name: {"tp": 0, "fp": 0, "fn": 0, "f1_sum": 0.0, "empty": 0, "seconds": 0.0} for name in extractors}
    pages = 0
    for html, url, reference in scrapinghub_pages(folder):
        if limit is not None and pages >= limit:
            break
        pages += 1
        truth = words(reference)
        for name, extract in extractors.items():
            started = time.perf_counter()
            found = words(extract(html, url))
            total = totals[name]
            total["seconds"] += time.perf_counter() - started
            tp = sum((found & truth).values())
            fp, fn = sum(found.values()) - tp, sum(truth.values()) - tp
            total["tp"] += tp
            total["fp"] += fp
            total["fn"] += fn
            total["empty"] += not found
            total["f1_sum"] += 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return {name: _metrics(t, pages, mean_f1=t["f1_sum"] / pages if pages else 0.0) for name, t in totals.items()}


def score_snippets(folder: Path, extractors: dict[str, Extractor], limit: int | None) -> dict[str, dict[str, float]]:
    totals = {name: {"tp": 0, "fp": 0, "fn": 0, "empty": 0, "seconds": 0.0} for name in extractors}
    pages = 0
    for html, url, snippets in trafilatura_pages(folder):
        if limit is not None and pages >= limit:
            break
        pages += 1
        for name, extract in extractors.items():
            started = time.perf_counter()
            text = " ".join(extract(html, url).split())
            total = totals[name]
            total["seconds"] += time.perf_counter() - started
            found_with = sum(" ".join(s.split()) in text for s in snippets["with"])
            total["tp"] += found_with
            total["fn"] += len(snippets["with"]) - found_with
            total["fp"] += sum(" ".join(s.split()) in text for s in snippets["without"])
            total["empty"] += not text
    return {name: _metrics(t, pages) for name, t in totals.items()}


def _metrics(total: dict[str, float], pages: int, **extra: float) -> dict[str, float]:
    tp, fp, fn = total["tp"], total["fp"], total["fn"]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    result = {"precision": precision, "recall": recall, "f1": f1, **extra}
    if "mean_f1" in result:
        result = {"mean_f1": result.pop("mean_f1"), "micro_f1": result.pop("f1"), **result}
    result["pages_with_no_text"] = total["empty"]
    result["ms_per_page"] = 1000 * total["seconds"] / pages if pages else 0.0
    return result


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--pages", type=Path, required=True, help="the benchmark folder (see the module docstring)")
    p.add_argument("--limit", type=int, help="score only the first N pages")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = p.parse_args(argv)
    if (args.pages / "ground-truth.json").is_file():
        kind, scores = "tokens", score_tokens(args.pages, EXTRACTORS, args.limit)
    elif (args.pages / "evaldata.json").is_file():
        kind, scores = "snippets", score_snippets(args.pages, EXTRACTORS, args.limit)
    else:
        p.error(f"{args.pages} holds neither ground-truth.json (scrapinghub) nor evaldata.json (trafilatura)")
    pages = sum(1 for _ in (scrapinghub_pages if kind == "tokens" else trafilatura_pages)(args.pages))
    pages = min(pages, args.limit) if args.limit is not None else pages
    if args.json:
        print(json.dumps({"pages": pages, "kind": kind, "extractors": scores}, indent=2))
        return 0
    print(f"{pages} pages, scored by {kind}")
    for name, figures in scores.items():
        shown = ", ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in figures.items())
        print(f"  {name:12} {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
