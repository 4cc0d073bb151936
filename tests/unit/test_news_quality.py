"""The news calibration set as a test: answers and declines on PolNeAR dev must stay at issue 15's bar.

Builds an index of the 84 PolNeAR dev articles (about 2,900 sentences) and asks it
``scripts/eval_sets/polnear_dev_qa.jsonl`` as the bot would (reranker on); skipped without
../shared.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from index.build import build_index
from index.embedding.models import Embedder
from index.evaluation import evaluate, load_qa
from index.search.searcher import Searcher
from tests.support import ROOT, shared_file


def test_news_questions_are_answered_and_the_unanswerable_ones_declined(tmp_path: Path, embedder: Embedder) -> None:
    source = shared_file("eval/polnear/dev.jsonl")
    converter = ROOT / "scripts" / "polnear_to_corpus.py"
    subprocess.run([sys.executable, str(converter), str(source), str(tmp_path)], check=True, capture_output=True)
    build_index(tmp_path / "articles.jsonl", tmp_path / "index", embedder)
    searcher = Searcher.open(tmp_path / "index", embedder=embedder)
    try:
        report, _ = evaluate(searcher, load_qa(ROOT / "scripts" / "eval_sets" / "polnear_dev_qa.jsonl"))
    finally:
        searcher.close()
    # Issue 15's bar for a news collection: at least 90% of the answerable questions answered
    # while at least two in three of the unanswerable ones are declined (97.5% and 74.2% when
    # written; 69.7% before a question naming someone was answered only from articles naming
    # them, index/search/naming.py). The threshold was fitted on this set (decline.py), so this
    # guards the set it was fitted on, not news it never saw (docs/RERANKER.md).
    assert report.answered >= 0.9
    assert report.declined >= 2 / 3
    assert report.top1 >= 0.75
