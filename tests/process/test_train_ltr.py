"""The feature reranker's retrain script (scripts/train_ltr.py) end to end on a tiny sample: pairs
become open corpora, indexed and searched by the real searcher, the model is fitted and written,
and the written model is one the searcher loads and answers with."""

from __future__ import annotations

import csv
import gzip
import json
import re
import shutil
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from index.embedding.models import Embedder
from index.pipeline import pipeline_version
from index.rerank.cross_encoder import Reranker
from index.rerank.features_model import CROSS_ENCODER_DIR, MODEL_FILE, FeatureModel
from index.rerank.model import BUNDLED_MODEL, load_reranker
from index.search.rerank_features import CROSS_FEATURES, FEATURES
from index.search.searcher import AnswerPolicy, Searcher
from index.store.manifest import read_manifest
from scripts.ltrkit.candidates import CandidateLists
from scripts.ltrkit.code import code_signature
from scripts.ltrkit.pair_logits import PairLogits
from scripts.rerankkit.pairs import question_half
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


def _small_run(tmp_path: Path) -> tuple[Path, list[str]]:
    """The model folder and the arguments of a run on the tiny sample's two open corpora (the
    default's article sources need raw files)."""
    pairs, trec = _write_inputs(tmp_path)
    out = tmp_path / "model"
    args = ["--pairs", str(pairs), "--trecqa-train", str(trec), "--work", str(tmp_path / "work"), "--out", str(out)]
    return out, [*args, "--source", "trecqa_train", "--source", "squad2_dev_half", "--depth", "5"]


def test_the_retrain_script_writes_a_model_the_searcher_answers_with(
    tmp_path: Path, embedder: Embedder, capsys: pytest.CaptureFixture[str]
) -> None:
    out, args = _small_run(tmp_path)
    assert main(args) == 0
    printed = capsys.readouterr().out
    assert "squad2_dev_half: 3 questions, 2 answering candidates" in printed
    assert "trecqa_train: 2 questions" in printed
    spec = json.loads((out / MODEL_FILE).read_text(encoding="utf-8"))
    assert spec["features"] == list(FEATURES) and spec["depth"] == 5
    assert set(spec["training_figures"]) == {"ranking", "reranked"}
    model = load_reranker(out)
    assert isinstance(model, FeatureModel)
    # The corpora and lists are kept: a second run only fits again, to the same model.
    assert main(args) == 0
    assert json.loads((out / MODEL_FILE).read_text(encoding="utf-8"))["layers"] == spec["layers"]
    # Lists made by other search code (a feature read otherwise, the same width) are made again.
    lists_path = tmp_path / "work" / "lists-5" / "squad2_dev_half.npz"
    kept = CandidateLists.load(lists_path)
    assert kept is not None and kept.code == code_signature()
    replace(kept, features=np.zeros_like(kept.features), code="older code").save(lists_path)
    assert main(args) == 0
    remade = CandidateLists.load(lists_path)
    assert remade is not None and remade.code == code_signature()
    assert np.array_equal(remade.features, kept.features)
    assert json.loads((out / MODEL_FILE).read_text(encoding="utf-8"))["layers"] == spec["layers"]
    # A corpus indexed by an older pipeline (its words counted otherwise) is indexed again, and its
    # lists made again, though its articles did not change.
    corpus_index = tmp_path / "work" / "corpora" / "squad2_dev_half" / "index"
    manifest = json.loads((corpus_index / "manifest.json").read_text(encoding="utf-8"))
    older = manifest | {"pipeline": "17+pysbd-0.3.4"}
    (corpus_index / "manifest.json").write_text(json.dumps(older), encoding="utf-8")
    made = lists_path.stat().st_mtime_ns
    assert main(args) == 0
    assert read_manifest(corpus_index).pipeline == pipeline_version() != older["pipeline"]
    assert lists_path.stat().st_mtime_ns > made
    assert json.loads((out / MODEL_FILE).read_text(encoding="utf-8"))["layers"] == spec["layers"]
    searcher = Searcher.open(corpus_index, embedder=embedder, policy=AnswerPolicy(rerank=True), reranker=model)
    try:
        assert searcher.reranker is model
        answer = searcher.answer("When did the ferry terminal open?")
        assert answer.ranked and 0.0 < answer.ranked[0].score < 1.0  # a probability
    finally:
        searcher.close()


def _write_squad_raw(folder: Path) -> Path:
    """One SQuAD-format article of two paragraphs; the first has runs of spaces before the
    answer, whose offset must be mapped to the index's text to point at it."""
    first = "The   new   ferry terminal opened in March 2019. The harbour was dredged in 1990."
    second = "The terminal cost 48 million euros. Its roof is made of glass."
    qas_first = [
        {
            "id": "a1",
            "question": "When did the ferry terminal open?",
            "is_impossible": False,
            "answers": [{"text": "March 2019", "answer_start": first.index("March 2019")}],
        },
        {"id": "a2", "question": "Who designed the terminal roof?", "is_impossible": True, "answers": []},
    ]
    qas_second = [
        {
            "id": "a3",
            "question": "How much did the terminal cost?",
            "is_impossible": False,
            "answers": [{"text": "48 million euros", "answer_start": second.index("48 million")}],
        },
    ]
    data = {
        "version": "v2.0",
        "data": [
            {
                "title": "Port_Ellis",
                "paragraphs": [{"context": first, "qas": qas_first}, {"context": second, "qas": qas_second}],
            }
        ],
    }
    raw = folder / "raw"
    raw.mkdir()
    with gzip.open(raw / "squad2_cs224n_dev.json.gz", "wt", encoding="utf-8") as f:
        json.dump(data, f)
    return raw


def test_squad_articles_become_small_titled_corpora_labelled_by_the_answer_start(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pairs, trec = _write_inputs(tmp_path)
    raw = _write_squad_raw(tmp_path)
    work = tmp_path / "work"
    args = ["--pairs", str(pairs), "--raw", str(raw), "--trecqa-train", str(trec), "--work", str(work)]
    sources = ["--source", "squad2_dev_half", "--source", "squad2_articles"]
    assert main([*args, "--out", str(tmp_path / "model"), "--depth", "5", *sources]) == 0
    # Three questions, two answerable: each has exactly one answering candidate, the sentence
    # holding its answer's start (not the paragraph's other sentence).
    assert "squad2_articles-01: 3 questions, 2 answering candidates" in capsys.readouterr().out
    corpus = work / "corpora" / "squad2_articles" / "01"
    articles = [json.loads(line) for line in (corpus / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [a["title"] for a in articles] == ["Port Ellis", "Port Ellis"]
    assert articles[0]["text"].startswith("The new ferry terminal")  # the index's whitespace
    spans = [
        json.loads(line).get("spans") for line in (corpus / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    ((article, offset),) = spans[0]
    assert article == articles[0]["id"] and articles[0]["text"][offset:].startswith("March 2019")


def _write_polnear(folder: Path) -> tuple[Path, Path]:
    """Two PolNeAR-format articles (the title repeated as the text's first line, as PolNeAR
    gives it) and three questions about them in scripts/evaluate.py's format: one answered, one
    no article answers, one "what did X say?" that the reranker never judges."""
    articles = [
        {
            "id": "p1",
            "title": "Harbour board approves new terminal",
            "text": "Harbour board approves new terminal\nThe harbour board approved the terminal on Monday.\n"
            "The terminal will cost 48 million euros, the board said.",
        },
        {
            "id": "p2",
            "title": "Mayor praises ferry plan",
            "text": "Mayor praises ferry plan\nMayor Ana Ruiz said the ferries would run every hour.",
        },
    ]
    polnear = folder / "train.jsonl"
    polnear.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    questions = [
        {"question": "How much will the new terminal cost?", "answers": ["cost 48 million euros"], "kind": "fact"},
        {"question": "How many people voted on the harbour board?", "answers": [], "kind": "unanswerable"},
        {"question": "What did Ana Ruiz say?", "answers": ["ferries would run every hour"], "kind": "speech"},
    ]
    qa = folder / "polnear_train_qa.jsonl"
    qa.write_text("".join(json.dumps(q) + "\n" for q in questions), encoding="utf-8")
    return polnear, qa


def test_news_questions_about_polnear_train_are_labelled_by_their_answer_snippets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pairs, trec = _write_inputs(tmp_path)
    polnear, qa = _write_polnear(tmp_path)
    work = tmp_path / "work"
    args = ["--pairs", str(pairs), "--trecqa-train", str(trec), "--work", str(work), "--depth", "5"]
    args += ["--polnear-train", str(polnear), "--news-qa", str(qa), "--out", str(tmp_path / "model")]
    assert main([*args, "--source", "squad2_dev_half", "--source", "polnear_train_qa"]) == 0
    # The speech question is left out; of the other two, only the sentence holding the
    # snippet answers, and the unanswerable question's candidates are all non-answers.
    assert "polnear_train_qa: 2 questions, 1 answering candidates" in capsys.readouterr().out
    # New questions on the same articles: the kept lists are stale and asked again.
    extra = {"question": "When did the harbour board approve the terminal?", "answers": ["on Monday"]}
    qa.write_text(qa.read_text(encoding="utf-8") + json.dumps(extra) + "\n", encoding="utf-8")
    assert main([*args, "--source", "squad2_dev_half", "--source", "polnear_train_qa"]) == 0
    assert "polnear_train_qa: 3 questions, 2 answering candidates" in capsys.readouterr().out
    corpus = work / "corpora" / "polnear_train_qa"
    titles = [
        json.loads(line)["title"] for line in (corpus / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert titles == ["Harbour board approves new terminal", "Mayor praises ferry plan"]
    first = json.loads((corpus / "articles.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert not first["text"].startswith("Harbour board approves")  # the title line is not a sentence


def test_the_news_source_without_its_files_stops_with_a_message(tmp_path: Path) -> None:
    pairs, trec = _write_inputs(tmp_path)
    args = ["--pairs", str(pairs), "--trecqa-train", str(trec), "--work", str(tmp_path / "work")]
    args += ["--polnear-train", str(tmp_path / "missing.jsonl"), "--source", "polnear_train_qa"]
    with pytest.raises(SystemExit, match="polnear_train_qa needs .*missing.jsonl"):
        main(args)


def test_with_a_cross_encoder_the_model_reads_its_scores_and_ships_a_copy_of_it(
    tmp_path: Path, embedder: Embedder, capsys: pytest.CaptureFixture[str]
) -> None:
    out, args = _small_run(tmp_path)
    assert main([*args, "--cross-encoder", str(BUNDLED_MODEL / CROSS_ENCODER_DIR)]) == 0
    spec = json.loads((out / MODEL_FILE).read_text(encoding="utf-8"))
    assert spec["features"] == [*FEATURES, *CROSS_FEATURES]
    read = re.search(r"cross-encoder: (\d+) new pairs read, (\d+) kept in ", capsys.readouterr().out)
    assert read is not None and read.group(1) == read.group(2) != "0"  # the first run reads every pair
    shipped = out / CROSS_ENCODER_DIR
    assert (shipped / "model.onnx").read_bytes() == (BUNDLED_MODEL / CROSS_ENCODER_DIR / "model.onnx").read_bytes()
    model = load_reranker(out)
    assert isinstance(model, FeatureModel) and model.cross_encoder is not None
    # The logits are kept pair by pair: the cross-encoder is not asked again, and the fit is the same.
    (kept,) = (tmp_path / "work").glob("cross-logits-*.npz")
    made = [CandidateLists.load(path) for path in sorted((tmp_path / "work" / "lists-5").glob("*.npz"))]
    assert len(PairLogits(kept)) == sum(len(lists.labels) for lists in made if lists is not None) > 0
    written = kept.stat().st_mtime_ns
    assert main([*args, "--cross-encoder", str(shipped)]) == 0
    assert "cross-encoder: 0 new pairs read" in capsys.readouterr().out
    assert json.loads((out / MODEL_FILE).read_text(encoding="utf-8"))["layers"] == spec["layers"]
    # Lists made again with the same candidates (a feature read otherwise) ask it nothing either.
    lists_path = tmp_path / "work" / "lists-5" / "trecqa_train.npz"
    lists = CandidateLists.load(lists_path)
    assert lists is not None
    replace(lists, code="older code").save(lists_path)
    assert main([*args, "--cross-encoder", str(shipped)]) == 0
    assert kept.stat().st_mtime_ns == written and CandidateLists.load(lists_path).code == code_signature()
    assert json.loads((out / MODEL_FILE).read_text(encoding="utf-8"))["layers"] == spec["layers"]
    # Retrained without one, the model reads no cross-encoder and its copy is removed.
    capsys.readouterr()
    assert main(args) == 0
    assert "reads no cross-encoder" in capsys.readouterr().out and not shipped.exists()
    assert json.loads((out / MODEL_FILE).read_text(encoding="utf-8"))["features"] == list(FEATURES)


def test_cross_fitted_logits_come_from_the_cross_encoder_trained_on_the_other_half(
    tmp_path: Path, embedder: Embedder
) -> None:
    out, args = _small_run(tmp_path)
    shipped = BUNDLED_MODEL / CROSS_ENCODER_DIR
    # A second "half" that scores differently: the same weights reading only 12 tokens of a pair.
    short = tmp_path / "short"
    shutil.copytree(shipped, short)
    config = json.loads((short / "config.json").read_text(encoding="utf-8"))
    (short / "config.json").write_text(json.dumps(config | {"max_length": 12}), encoding="utf-8")
    halves = [Reranker(shipped), Reranker(short)]

    with pytest.raises(SystemExit, match="--cross-fit needs --cross-encoder"):
        main([*args, "--cross-fit", str(shipped), str(short)])
    assert main([*args, "--cross-encoder", str(shipped), "--cross-fit", str(shipped), str(short)]) == 0

    spec = json.loads((out / MODEL_FILE).read_text(encoding="utf-8"))
    assert spec["features"] == [*FEATURES, *CROSS_FEATURES] and spec["cross_logits"].startswith("cross-fitted")
    assert (out / CROSS_ENCODER_DIR / "model.onnx").read_bytes() == (shipped / "model.onnx").read_bytes()
    seen = set()
    (path,) = (tmp_path / "work").glob("cross-logits-*.npz")
    kept = PairLogits(path).cached(_never_asked)
    for lists_path in sorted((tmp_path / "work" / "lists-5").glob("*.npz")):
        lists = CandidateLists.load(lists_path)
        assert lists is not None
        for question, rows in zip(lists.questions, lists.lists(), strict=True):
            sentences = [lists.sentences[r] for r in rows]
            half = question_half(question)
            other, own = halves[1 - half].logits(question, sentences), halves[half].logits(question, sentences)
            assert not np.allclose(other, own)  # which model scored it shows
            assert kept(question, sentences) == pytest.approx(other)
            seen.add(half)
    assert seen == {0, 1}


def _never_asked(question: str, passages: Sequence[str]) -> np.ndarray:
    raise AssertionError(f"the cross-encoder was asked again about {question!r}")


def test_kept_logits_ask_the_cross_encoder_only_about_pairs_it_has_not_read(tmp_path: Path) -> None:
    cross = Reranker(BUNDLED_MODEL / CROSS_ENCODER_DIR)
    asked: list[list[str]] = []

    def logits_of(question: str, passages: Sequence[str]) -> np.ndarray:
        asked.append(list(passages))
        return cross.logits(question, passages)

    path = tmp_path / "work" / "cross-logits-model.npz"
    question = "Who led the US delegation?"
    sherman, hours, ryabkov = (
        "Wendy Sherman led the delegation.",
        "The talks lasted eight hours.",
        "Ryabkov led Russia's.",
    )
    first = PairLogits(path).cached(logits_of)(question, [sherman, hours])
    assert not path.exists()  # nothing written until saved
    kept = PairLogits(path)
    assert len(kept) == 0
    kept.cached(logits_of)(question, [sherman, hours])
    kept.save()
    # A later fit whose list lost one sentence and gained another asks only about the new one.
    later = PairLogits(path)
    second = later.cached(logits_of)(question, [hours, ryabkov])
    assert asked == [[sherman, hours], [sherman, hours], [ryabkov]] and later.asked == 1
    assert second[0] == first[1] and second[1] == pytest.approx(cross.logits(question, [ryabkov])[0])
    # The same sentence for another question is another pair.
    later.cached(logits_of)("How long did the talks last?", [hours])
    assert asked[-1] == [hours] and later.asked == 2
    # A file that is not one of kept logits stops the run with what to do, and is left as it was.
    path.write_bytes(b"not numpy")
    with pytest.raises(SystemExit, match="cross-logits-model.npz is not a file of kept"):
        PairLogits(path)
    assert path.read_bytes() == b"not numpy"


def test_lists_saved_without_their_sentences_are_asked_again(tmp_path: Path) -> None:
    old = tmp_path / "old.npz"
    np.savez_compressed(
        old, features=np.zeros((1, 2)), labels=np.zeros(1), group=np.zeros(1), questions=np.array(["q"])
    )
    assert CandidateLists.load(old) is None
    without_befores = tmp_path / "no-befores.npz"
    np.savez_compressed(
        without_befores,
        features=np.zeros((1, 2)),
        labels=np.zeros(1),
        group=np.zeros(1),
        questions=np.array(["q"]),
        sentences=np.array(["answer"]),
    )
    assert CandidateLists.load(without_befores) is None
    lists = CandidateLists(
        np.ones((2, 2)), np.array([1, 0]), np.array([0, 0]), ("q",), ("answer", "other"), ("", "answer")
    )
    lists.save(tmp_path / "new.npz")
    loaded = CandidateLists.load(tmp_path / "new.npz")
    assert loaded is not None and loaded.sentences == ("answer", "other") and loaded.befores == ("", "answer")
    asked: list[list[str]] = []

    def logits_of(question: str, texts: Sequence[str]) -> np.ndarray:
        asked.append(list(texts))
        return np.zeros(len(texts))

    loaded.cross_logits(logits_of)
    loaded.cross_logits(logits_of, context=True)
    # A cross-encoder that reads context is given each sentence with the one before it.
    assert asked == [["answer", "other"], ["answer", "other [SEP] answer"]]
    crossed = loaded.with_cross(np.array([2.0, -1.0]))
    assert crossed.features[:, 2:].tolist() == [[2.0, 0.0], [-1.0, 3.0]]
