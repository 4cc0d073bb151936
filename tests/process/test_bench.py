"""The benchmark: its smoke run works end to end and reports every figure the bars need."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from index.embedding.models import Embedder
from index.rerank.model import load_reranker
from index.search.reranking import RERANK_DEPTH
from index.search.speakers import SpeakerIndex, typo_distance
from index.search.speech import parse_speech_query
from scripts.bench import sizes
from scripts.benchkit.corpus import (
    SENTENCES_PER_QUOTE,
    SENTENCES_PER_SPEAKER,
    detokenise,
    speaker_names,
    splices,
    synthetic_corpus,
    with_speakers,
)
from scripts.benchkit.measure import Latency, build_speed, exact_top_k, speech_questions
from scripts.benchkit.report import bars, json_ready, render
from tests.support import ROOT

CORPUS_KEYS = {
    "name",
    "sentences",
    "articles",
    "vectors",
    "index_type",
    "index_params",
    "index_seconds",
    "answer_p50_ms",
    "answer_p99_ms",
    "floor_p50_ms",
    "floor_p99_ms",
    "answer_vs_floor_p50",
    "chat_p50_ms",
    "chat_p99_ms",
    "typo_p50_ms",
    "typo_p99_ms",
    "recall_at_10",
    "bot_rss_mib",
    "speakers",
    "speaker_index_ms",
    "speech_p50_ms",
    "speech_p99_ms",
    "speech_typo_p50_ms",
    "speech_typo_p99_ms",
    "speech_found",
    "speech_typo_found",
    "reranked",
}


def test_the_quick_bench_reports_every_figure_as_json(tmp_path: Path) -> None:
    """``--quick`` end to end (about 35 s on 2 idle cores): every key, no question lost."""
    done = subprocess.run(
        [
            sys.executable,
            "scripts/bench.py",
            "--quick",
            "--json",
            "--rerank",
            "on",
            "--workdir",
            str(tmp_path / "work"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout)
    assert {
        "backend",
        "model",
        "machine",
        "corpora",
        "build",
        "rebuild",
        "bot_load",
        "bars",
        "notes",
        "seconds",
    } <= set(result)
    names = [c["name"] for c in result["corpora"]]
    assert names[0] == "sample" and len(names) == 2
    for corpus in result["corpora"]:
        assert set(corpus) >= CORPUS_KEYS
        assert corpus["answer_p50_ms"] > 0 and corpus["floor_p50_ms"] > 0
        assert 0 < corpus["chat_p50_ms"] <= corpus["chat_p99_ms"]  # the same questions typed as in a chat
        assert 0 < corpus["typo_p50_ms"] <= corpus["typo_p99_ms"]  # and with a typo in a name
        assert 0.0 <= corpus["recall_at_10"] <= 1.0
        # "what did X say?" about the corpus's own speakers finds them, typo'd or not.
        assert corpus["speakers"] > 0 and corpus["speech_p50_ms"] > 0 and corpus["speech_typo_p99_ms"] > 0
        assert corpus["speech_found"] == 1.0 and corpus["speech_typo_found"] == 1.0
    assert result["corpora"][1]["speakers"] == result["corpora"][1]["sentences"] // SENTENCES_PER_SPEAKER
    assert result["corpora"][0]["bot_rss_mib"] > 0
    assert any("NOT encoded" in note for note in result["notes"])  # approximate vectors are said so
    assert any("invented speakers" in note for note in result["notes"])
    load = result["bot_load"]
    assert load["lost"] == 0 and load["errors"] == 0 and load["answered"] == load["questions"]
    assert load["concurrent_per_s"] > 0 and load["sequential_per_s"] > 0
    # The many chats again from a bot answering without the reranker: its cost under load, one run.
    assert load["rerank_off_answered"] == load["questions"] and load["rerank_off_per_s"] > 0
    assert load["rerank_share"] == pytest.approx(load["concurrent_per_s"] / load["rerank_off_per_s"])
    # ... and asking only questions that reach the reranker (the sample article's own, not the pool's
    # TrecQA questions about people it never mentions, which are declined on their words).
    if load_reranker() is not None:
        assert 0 < load["reranked_questions"] < load["questions"]
        assert load["reranked_answered"] == load["questions"] and load["reranked_off_per_s"] > 0
        assert load["reranked_share"] == pytest.approx(load["reranked_per_s"] / load["reranked_off_per_s"])
    assert result["rebuild"]["reembedded"] >= 1 and result["build"]["ratio"] > 0
    assert result["build"]["turn_ratios"] == [pytest.approx(result["build"]["ratio"])]  # one turn in --quick
    assert len(result["bars"]) == 11
    shared = next(b for b in result["bars"] if b["bar"] == "bot throughput, 50 chats, with the reranker vs without")
    assert shared["value"] == load["rerank_share"] and shared["met"] == (load["rerank_share"] >= 0.5)
    # Answers are timed with the reranker too (the feature reranker ships), and the report says which.
    if load_reranker() is not None:
        assert any("feature reranker" in note for note in result["notes"])
        assert all(c["reranked"][str(RERANK_DEPTH)]["p50_ms"] > 0 for c in result["corpora"])
    else:
        assert all(c["reranked"] == {} for c in result["corpora"])
        assert any("no reranker" in note for note in result["notes"])


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


def test_synthetic_speakers_are_reproducible_realistic_and_leave_texts_alone() -> None:
    pool = [f"Officials in city {n} said on Monday that the new bridge would open in {n + 3} weeks." for n in range(60)]
    corpus = synthetic_corpus(splices(pool, 2000, seed=5), seed=5)
    quoted = with_speakers(corpus, seed=9)
    assert quoted == with_speakers(corpus, seed=9)
    assert [s.text for s in quoted.sentences] == [s.text for s in corpus.sentences]
    speakers = [s.speaker for s in quoted.sentences if s.speaker]
    assert len(speakers) == 2000 // SENTENCES_PER_QUOTE
    assert len(set(speakers)) == 2000 // SENTENCES_PER_SPEAKER
    busiest = max(speakers.count(name) for name in set(speakers))
    assert busiest >= 5  # a few speakers are quoted often, most once or twice


def test_invented_speakers_never_answer_the_names_they_must_avoid() -> None:
    avoid = ["Ko", "Anna", "Kovalen", "Mirsa Dorbek"]
    names = speaker_names(3000, seed=1, avoid=avoid)
    assert len(set(names)) == 3000
    index = SpeakerIndex(names)
    assert all(index.match(name) == [] for name in avoid)
    assert names != speaker_names(3000, seed=2)


def test_speech_questions_name_speakers_with_one_typo() -> None:
    speakers = speaker_names(200, seed=3)
    index = SpeakerIndex(speakers)
    exact, typo = speech_questions(speakers, 50, seed=4)
    assert len(exact) == len(typo) == 50
    for plain, typed in zip(exact, typo, strict=True):
        asked, mistyped = parse_speech_query(plain), parse_speech_query(typed)
        assert asked is not None and mistyped is not None
        assert index.match(asked.name) and index.match(mistyped.name)
        assert typo_distance(asked.name, mistyped.name, 2) <= 1
    assert sum(a != b for a, b in zip(exact, typo, strict=True)) >= 40


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
        "backend": "onnx",
        "machine": {"cpus": 2},
        "seconds": 1.0,
        "corpora": [
            {
                "name": "sample",
                "sentences": 34,
                "vectors": "encoded",
                "index_type": "flat",
                "answer_vs_floor_p50": 1.1,
                "answer_p50_ms": 5.0,
                "recall_at_10": 1.0,
            },
            {
                "name": "10^6",
                "sentences": 1_000_000,
                "vectors": "approximate",
                "index_type": "hnsw",
                "answer_p50_ms": 60.0,
                "recall_at_10": float("nan"),
                "bot_rss_mib": 900.0,
                "speakers": 50_000,
                "speaker_index_ms": 400.0,
                "speech_p50_ms": 12.5,
                "speech_p99_ms": 30.0,
                "speech_typo_p50_ms": 13.0,
                "speech_typo_p99_ms": float("nan"),
                "speech_found": 1.0,
                "speech_typo_found": 0.95,
                "reranked": {"10": {"p50_ms": 45.0, "p99_ms": 170.0}},
            },
        ],
        "rerank_depth": 10,
        "rebuild": {
            "articles": 10,
            "sentences": 50,
            "full_s": 10.0,
            "rebuild_s": 0.1,
            "reembedded": 1,
            "ratio_percent": 1.0,
        },
    }
    marks = {b["bar"]: b["met"] for b in bars(result)}
    assert marks["search p50 vs floor, sample corpus"] is True
    assert marks["search p50 at 10^6 sentences"] is False
    assert marks["recall@10 vs exact at 10^6"] is None
    assert marks["bot RSS at 10^6"] is True
    assert marks["bot throughput, 50 chats vs one at a time"] is None
    assert marks["bot throughput, 50 chats, with the reranker vs without"] is None
    assert marks["answer p50 with the reranker at 10^5"] is True
    assert marks["answer p99 with the reranker at 10^5"] is False
    result["bars"] = bars(result)
    text = render(result)
    assert "45.0 / 170.0" in text  # the reranked timings, K=10
    assert "MISS" in text and "n/a" in text
    speech = next(line for line in text.splitlines() if line.startswith("10^6") and "50,000" in line)
    assert "12.5" in speech and "100% / 95%" in speech
    assert json.loads(json.dumps(json_ready(result)))["corpora"][1]["recall_at_10"] is None


def test_the_build_speed_keeps_each_turns_ratio_beside_the_best_against_the_best(
    tmp_path: Path, embedder: Embedder
) -> None:
    # A real build of a real folder, timed by a clock that says how long each step took: build 10 s,
    # encode 8 s, then (the turn reversed) encode 9 s, build 12 s.
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text("Harbour news\n\nThe ferry left at noon. It came back at six.\n")
    ticks = iter([0.0, 10.0, 10.0, 18.0, 18.0, 27.0, 27.0, 39.0])
    speed = build_speed(articles, tmp_path / "index", embedder, repeats=2, clock=lambda: next(ticks))
    assert speed.sentences == 2
    assert (speed.build_seconds, speed.encode_seconds) == (10.0, 8.0)
    assert speed.ratio == pytest.approx(0.8)
    assert speed.turn_ratios == pytest.approx((0.8, 0.75))
    build = {
        "sentences": speed.sentences,
        "build_per_s": speed.build_per_second,
        "encode_per_s": speed.encode_per_second,
        "ratio": speed.ratio,
        "turn_ratios": list(speed.turn_ratios),
    }
    text = render({"backend": "onnx", "machine": {"cpus": 2}, "seconds": 1.0, "corpora": [], "build": build})
    line = next(line for line in text.splitlines() if line.startswith("build:"))
    assert line.endswith("= 0.80x (best of each; turn by turn 0.80x, 0.75x)")


def test_the_reranker_share_under_load_is_a_bar_and_a_line_of_the_report() -> None:
    load = {
        "chats": 50,
        "questions": 200,
        "answered": 200,
        "lost": 0,
        "errors": 0,
        "concurrent_per_s": 40.0,
        "concurrent_p50_ms": 900.0,
        "concurrent_p99_ms": 1200.0,
        "sequential_per_s": 10.0,
        "sequential_p99_ms": 90.0,
        "ratio": 4.0,
        "rerank_off_per_s": 100.0,
        "rerank_off_answered": 200,
        "rerank_share": 0.4,
        "reranked_questions": 29,
        "reranked_answered": 200,
        "reranked_per_s": 45.0,
        "reranked_off_per_s": 112.5,
        "reranked_share": 0.4,
    }
    result = {"backend": "onnx", "machine": {"cpus": 2}, "seconds": 1.0, "corpora": [], "bot_load": load}
    marks = {b["bar"]: b["met"] for b in bars(result)}
    assert marks["bot throughput, 50 chats vs one at a time"] is True
    assert marks["bot throughput, 50 chats, with the reranker vs without"] is False
    text = render(result)
    assert "without the reranker (VERBATIM_RERANK=off): 100.0 questions/s; with it = 0.40x" in text
    assert "only the 29 questions that reach the reranker (not a bar): 45.0 questions/s with it, 112.5 without" in text


def test_sizes_accept_powers_of_ten() -> None:
    assert sizes("10^4, 1e5,1000000") == (10_000, 100_000, 1_000_000)


def test_latency_percentiles() -> None:
    latency = Latency.of([0.001] * 99 + [0.1])
    assert latency.p50_ms == pytest.approx(1.0) and latency.samples == 100
