"""The open-corpus benchmark as a test: answer quality on TrecQA dev must not fall below the bar.

Builds an index of TrecQA dev (about 1,150 sentences, some 15 s); skipped without ../shared.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from index.build import build_index
from index.embedding.models import Embedder
from index.evaluation import evaluate, load_qa
from index.search.searcher import Searcher
from tests.support import shared_file


def test_trecqa_dev_mrr_stays_at_least_072(tmp_path: Path, embedder: Embedder) -> None:
    source = shared_file("eval/trecqa/dev.csv")
    converter = source.parent.parent / "trecqa_to_corpus.py"
    subprocess.run([sys.executable, str(converter), "dev", str(tmp_path)], check=True, capture_output=True)
    build_index(tmp_path / "articles.jsonl", tmp_path / "index", embedder)
    searcher = Searcher.open(tmp_path / "index", embedder=embedder)
    try:
        report, _ = evaluate(searcher, load_qa(tmp_path / "qa.jsonl"))
    finally:
        searcher.close()
    assert report.mrr >= 0.72
    assert report.answered >= 0.95  # the decline rules leave answerable questions alone
