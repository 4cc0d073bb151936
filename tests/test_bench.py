"""The benchmark: its smoke run works end to end and reports every figure the bars need."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.benchkit.corpus import detokenise, splices, synthetic_corpus
from scripts.benchkit.measure import Latency, exact_top_k
from scripts.benchkit.report import bars, json_ready, render
from scripts.bench import sizes
from tests.support import ROOT

CORPUS_KEYS = {
    "name", "sentences", "articles", "vectors", "index_type", "index_params", "index_seconds", "answer_p50_ms",
    "answer_p99_ms", "floor_p50_ms", "floor_p99_ms", "answer_vs_floor_p50", "recall_at_10", "bot_rss_mib",
}


def test_the_quick_bench_reports_every_figure_as_json(tmp_path: Path) -> None:
    """``--quick`` end to end (about 35 s on 2 idle cores): every key, no question lost."""
    done = subprocess.run(
        [sys.executable, "scripts/bench.py", "--quick", "--json", "--workdir", str(tmp_path / "work")],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout)
    assert {"backend", "model", "machine", "corpora", "build", "rebuild", "bot_load", "bars", "notes", "seconds"} <= set(result)
    names = [c["name"] for c in result["corpora"]]
    assert names[0] == "sample" and len(names) == 2
    for corpus in result["corpora"]:
        assert CORPUS_KEYS <= set(corpus)
        assert corpus["answer_p50_ms"] > 0 and corpus["floor_p50_ms"] > 0
        assert 0.0 <= corpus["recall_at_10"] <= 1.0
    assert result["corpora"][0]["bot_rss_mib"] > 0
    assert any("NOT encoded" in note for note in result["notes"])  # approximate vectors are said so
    load = result["bot_load"]
    assert load["lost"] == 0 and load["errors"] == 0 and load["answered"] == load["questions"]
    assert load["concurrent_per_s"] > 0 and load["sequential_per_s"] > 0
    assert result["rebuild"]["reembedded"] >= 1 and result["build"]["ratio"] > 0
    assert len(result["bars"]) == 8


def test_synthetic_corpora_are_reproducible_and_distinct() -> None:
    pool = [f"Officials in city {n} said on Monday that the new bridge would open in {n + 3} weeks." for n in range(40)]
    first, again = splices(pool, 300, seed=5), splices(pool, 300, seed=5)
    assert first == again
    assert len({s.text for s in first}) == 300
    corpus = synthetic_corpus(first, seed=5)
    assert [s.text for s in corpus.sentences] == [s.text for s in first]
    for sentence in corpus.sentences[:50]:
        article = next(a for a in corpus.articles if a.id == sentence.article_id)
        assert article.text[sentence.start : sentence.end] == sentence.text


def test_trecqa_tokens_read_as_prose() -> None:
    assert detokenise("`` Yes , '' he said -LRB- in <num> -RRB- .") == "“Yes,” he said (in 12)."


def test_exact_top_k_matches_a_full_sort() -> None:
    import numpy as np

    rng = np.random.default_rng(1)
    vectors = rng.normal(size=(1000, 8)).astype(np.float32)
    queries = rng.normal(size=(5, 8)).astype(np.float32)
    expected = np.argsort(-(queries @ vectors.T), axis=1)[:, :10]
    np.testing.assert_array_equal(exact_top_k(vectors, queries, 10, chunk=97), expected)


def test_the_report_marks_bars_and_survives_missing_figures() -> None:
    result = {
        "backend": "onnx", "machine": {"cpus": 2}, "seconds": 1.0,
        "corpora": [
            {"name": "sample", "sentences": 34, "vectors": "encoded", "index_type": "flat", "answer_vs_floor_p50": 1.1,
             "answer_p50_ms": 5.0, "recall_at_10": 1.0},
            {"name": "10^6", "sentences": 1_000_000, "vectors": "approximate", "index_type": "hnsw",
             "answer_p50_ms": 60.0, "recall_at_10": float("nan"), "bot_rss_mib": 900.0},
        ],
        "rebuild": {"articles": 10, "sentences": 50, "full_s": 10.0, "rebuild_s": 0.1, "reembedded": 1, "ratio_percent": 1.0},
    }
    marks = {b["bar"]: b["met"] for b in bars(result)}
    assert marks["search p50 vs floor, sample corpus"] is True
    assert marks["search p50 at 10^6 sentences"] is False
    assert marks["recall@10 vs exact at 10^6"] is None
    assert marks["bot RSS at 10^6"] is True
    assert marks["bot throughput, 50 chats vs one at a time"] is None
    result["bars"] = bars(result)
    text = render(result)
    assert "MISS" in text and "n/a" in text
    assert json.loads(json.dumps(json_ready(result)))["corpora"][1]["recall_at_10"] is None


def test_sizes_accept_powers_of_ten() -> None:
    assert sizes("10^4, 1e5,1000000") == (10_000, 100_000, 1_000_000)


def test_latency_percentiles() -> None:
    latency = Latency.of([0.001] * 99 + [0.1])
    assert latency.p50_ms == pytest.approx(1.0) and latency.samples == 100
