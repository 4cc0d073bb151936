"""The feature reranker's retrain script (scripts/train_ltr.py) end to end on a tiny sample: pairs
become open corpora, indexed and searched by the real searcher, the model is fitted and written,
and the written model is one the searcher loads and answers with."""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

import pytest

from index.embedding.models import Embedder
from index.rerank.features_model import MODEL_FILE, FeatureModel
from index.rerank.model import load_reranker
from index.search.rerank_features import FEATURES
from index.search.searcher import AnswerPolicy, Searcher
from scripts.train_ltr import main

SQUAD = [
    ("q1", "When did the ferry terminal open?", "The ferry terminal opened in March 2019 after years of work.", 1),
    ("q1", "When did the ferry terminal open?", "The ferry terminal has a cafe and a shop.", 0),
    ("q1", "When did the ferry terminal open?", "Ferries leave the harbour every hour.", 0),
    ("q2", "How much did the terminal cost?", "The terminal cost 48 million euros to build.", 1),
    ("q2", "How much did the terminal cost?", "The terminal is the largest on the coast.", 0),
    ("q3", "Who designed the terminal roof?", "The terminal roof is made of glass.", 0),
    ("q3", "Who designed the terminal roof?", "The roof leaks when it rains hard.", 0),
]
TREC = [
    ("Where is the ferry terminal?", "The ferry terminal stands in Port Ellis , on the north coast .", "1"),
    ("Where is the ferry terminal?", "The ferry terminal was busy on Monday .", "0"),
    ("How many people work at the harbour?", "About <num> people work at the harbour .", "1"),
    ("How many people work at the harbour?", "The harbour is old .", "0"),
]


def _write_inputs(folder: Path) -> tuple[Path, Path]:
    pairs = folder / "pairs"
    pairs.mkdir()
    with gzip.open(pairs / "squad2_dev_half.jsonl.gz", "wt", encoding="utf-8") as f:
        for qid, question, sentence, label in SQUAD:
            row = {"question": question, "sentence": sentence, "label": label, "qid": qid, "source": "squad2"}
            f.write(json.dumps(row) + "\n")
    trec = folder / "train.csv"
    with trec.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["qtext", "label", "atext"])
        for question, sentence, label in TREC:
            writer.writerow([question, label, sentence])
    return pairs, trec


def test_the_retrain_script_writes_a_model_the_searcher_answers_with(
    tmp_path: Path, embedder: Embedder, capsys: pytest.CaptureFixture[str]
) -> None:
    pairs, trec = _write_inputs(tmp_path)
    out = tmp_path / "model"
    args = ["--pairs", str(pairs), "--trecqa-train", str(trec), "--work", str(tmp_path / "work"), "--out", str(out)]
    assert main([*args, "--depth", "5"]) == 0
    printed = capsys.readouterr().out
    assert "squad2_dev_half: 3 questions, 2 answering candidates" in printed
    assert "trecqa_train: 2 questions" in printed
    spec = json.loads((out / MODEL_FILE).read_text(encoding="utf-8"))
    assert spec["features"] == list(FEATURES) and spec["depth"] == 5
    assert set(spec["training_figures"]) == {"ranking", "reranked"}
    model = load_reranker(out)
    assert isinstance(model, FeatureModel)
    # The corpora and lists are kept: a second run only fits again, to the same model.
    assert main([*args, "--depth", "5"]) == 0
    assert json.loads((out / MODEL_FILE).read_text(encoding="utf-8"))["layers"] == spec["layers"]
    corpus_index = tmp_path / "work" / "corpora" / "squad2_dev_half" / "index"
    searcher = Searcher.open(corpus_index, embedder=embedder, policy=AnswerPolicy(rerank=True), reranker=model)
    try:
        assert searcher.reranker is model
        answer = searcher.answer("When did the ferry terminal open?")
        assert answer.ranked and 0.0 < answer.ranked[0].score < 1.0  # a probability
    finally:
        searcher.close()
