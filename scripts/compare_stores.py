#!/usr/bin/env python3
"""Do a vector store and FAISS answer alike? ``python scripts/compare_stores.py --store URL
--articles PATH [--articles PATH ...] --qa FILE [--qa FILE ...] [--workdir DIR] [--json]``.

All ``--articles`` (files or folders) form one open corpus, indexed twice: with FAISS's exact
(flat) index, then with the same articles in ``--store`` (e.g. ``qdrant+local:///tmp/q/compare``;
the second build reuses the first one's embeddings, so only the store differs). For every
question of the ``--qa`` files (JSON lines with a "question"), it compares the dense top 10 (the
rows each store returns for the same query vector, in order) and the whole answer shown (every
sentence, in order). The bar is 99% identical dense top 10, where rows of equal score (within
1e-5: the same sentence in several articles, which FAISS's heap returns in no fixed order) may
come in either order; the strict figure (every row at its rank) is reported beside it.

The TrecQA dev corpus comes from ``python ../shared/eval/trecqa_to_corpus.py dev OUT``
(OUT/articles.jsonl and OUT/qa.jsonl); the seed questions from ../shared/eval/seed_dev.jsonl,
about the bundled data/corpus.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from index.build import build_index
from index.embedding.loader import load_embedder, quiet_model_loading
from index.embedding.models import DEFAULT_MODEL
from index.errors import VerbatimError
from index.evaluation import load_qa
from index.search.searcher import Searcher
from index.store.generation import open_index
from index.store.locations import parse_store

TOP = 10
BAR = 0.99
# Scores closer than this are a tie: FAISS and the store may order tied rows either way.
TIE = 1e-5


def gather(articles: list[Path], folder: Path) -> Path:
    """One folder holding every article file given (folders are copied file by file)."""
    folder.mkdir(parents=True, exist_ok=True)
    for number, path in enumerate(articles):
        files = sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
        for file in files:
            shutil.copy(file, folder / f"{number}-{file.name}")
    return folder


def compare(faiss_dir: Path, store_dir: Path, questions: list[str], backend: str) -> dict[str, Any]:
    """Dense top-10 and whole-answer agreement of the two indexes over ``questions``."""
    embedder = load_embedder(DEFAULT_MODEL, backend)
    results: dict[str, Any] = {"questions": len(questions)}
    faiss_index, store_index = open_index(faiss_dir, verify=False), open_index(store_dir, verify=False)
    try:
        vectors = embedder.encode_queries(questions)
        faiss_scores, faiss_rows = faiss_index.search(vectors, TOP)
        store_scores, store_rows = store_index.search(vectors, TOP)
    finally:
        faiss_index.close()
        store_index.close()
    strict = sum(bool((a == b).all()) for a, b in zip(faiss_rows, store_rows, strict=True))
    same_set = sum(set(a.tolist()) == set(b.tolist()) for a, b in zip(faiss_rows, store_rows, strict=True))
    # Identical but for the order of tied rows: where the rows differ, their scores are equal within TIE.
    identical = sum(
        bool(((a == b) | (abs(fa - fb) < TIE)).all())
        for a, b, fa, fb in zip(faiss_rows, store_rows, faiss_scores, store_scores, strict=True)
    )
    faiss_searcher = Searcher.open(faiss_dir, embedder=embedder)
    store_searcher = Searcher.open(store_dir, embedder=embedder)
    try:
        same_answers = sum(
            [h.sentence for h in faiss_searcher.answer(q).hits] == [h.sentence for h in store_searcher.answer(q).hits]
            for q in questions
        )
    finally:
        faiss_searcher.close()
        store_searcher.close()
    n = max(len(questions), 1)
    results.update(
        top10_identical=identical,
        top10_identical_percent=100.0 * identical / n,
        top10_identical_strict_percent=100.0 * strict / n,
        top10_same_set_percent=100.0 * same_set / n,
        max_score_difference=float(abs(faiss_scores - store_scores)[faiss_rows >= 0].max(initial=0.0)),
        answers_identical=same_answers,
        answers_identical_percent=100.0 * same_answers / n,
        bar_ok=identical / n >= BAR,
    )
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", required=True, help="the store to compare with FAISS, e.g. qdrant+local:///tmp/q/c")
    parser.add_argument("--articles", required=True, type=Path, action="append", help="articles (repeatable)")
    parser.add_argument("--qa", required=True, type=Path, action="append", help="questions, JSON lines (repeatable)")
    parser.add_argument("--workdir", type=Path, help="where to write the two indexes (default: a temp dir, removed)")
    parser.add_argument("--backend", choices=("auto", "torch", "onnx"), default="auto", help="encoder (default auto)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    if args.backend != "onnx":
        quiet_model_loading()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="verbatim-compare-"))
    try:
        store = parse_store(args.store)
        questions = [qa.question for path in args.qa for qa in load_qa(path)]
        corpus = gather(args.articles, workdir / "articles")
        embedder = load_embedder(DEFAULT_MODEL, args.backend)
        faiss_dir, store_dir = workdir / "faiss", workdir / "store"
        faiss = build_index(corpus, faiss_dir, embedder, index_type="flat", full=True)
        shutil.copytree(faiss_dir, store_dir)  # so the store's build reuses every embedding
        built = build_index(corpus, store_dir, embedder, store=store)
        results = compare(faiss_dir, store_dir, questions, args.backend)
    except VerbatimError as exc:
        print(f"compare_stores: {exc}", file=sys.stderr)
        return 1
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    results = {
        "store": store.url,
        "sentences": faiss.sentences,
        "articles": faiss.articles,
        "store_build_seconds": built.seconds,
        "store_reembedded": built.encoded,
        **results,
    }
    if args.json:
        print(json.dumps(results))
    else:
        for key, value in results.items():
            print(f"{key:>36}: {value}")
    return 0 if results["bar_ok"] else 2


if __name__ == "__main__":
    sys.exit(main())
