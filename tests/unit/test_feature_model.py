"""The feature reranker's model file (index/rerank/features_model.py): what it computes, and that a
missing, corrupt or outdated file means answering with the ranking alone, said once in the log."""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

import numpy as np
import pytest

from index.embedding.models import Embedder
from index.errors import VerbatimError
from index.rerank.cross_encoder import PREVIOUS_SENTENCE, Reranker, passage
from index.rerank.features_model import CROSS_ENCODER_DIR, MODEL_FILE, FeatureModel
from index.rerank.model import BUNDLED_MODEL, load_reranker
from index.search.rerank_features import CROSS_FEATURES, FEATURES
from index.search.searcher import AnswerPolicy, Searcher
from tests.support import searcher_over

ARTICLES = [
    {
        "id": "final",
        "title": "Safin takes the title in Melbourne",
        "published": "2005-01-30",
        "text": "Marat Safin beat Lleyton Hewitt in four sets to claim the men's title at Melbourne Park. "
        "Tickets for the final sold out within two hours.",
    }
]


def _write(folder: Path, spec: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MODEL_FILE).write_text(json.dumps(spec), encoding="utf-8")
    return folder


def _logistic(features: list[str], weights: list[float], bias: float, mean: list[float] | None = None) -> dict:
    n = len(features)
    return {
        "format": 1,
        "kind": "test",
        "features": features,
        "mean": mean or [0.0] * n,
        "scale": [1.0] * n,
        "layers": [{"weights": [[w] for w in weights], "bias": [bias]}],
    }


def test_one_layer_is_logistic_regression_over_standardised_features(tmp_path: Path) -> None:
    spec = _logistic(["a", "b"], [2.0, -1.0], 0.5, mean=[1.0, 0.0])
    spec["scale"] = [2.0, 1.0]
    model = FeatureModel(_write(tmp_path, spec))
    x = np.array([[1.0, 0.0], [5.0, 1.0]])
    assert np.allclose(model.logits(x), [0.5, 2.0 * 2.0 - 1.0 + 0.5])
    assert model.features == ("a", "b")


def test_a_hidden_layer_passes_through_relu(tmp_path: Path) -> None:
    spec = _logistic(["a"], [1.0], 0.0)
    spec["layers"] = [
        {"weights": [[1.0, -1.0]], "bias": [0.0, 0.0]},  # [a, -a]
        {"weights": [[1.0], [1.0]], "bias": [0.0]},  # relu(a) + relu(-a) = |a|
    ]
    model = FeatureModel(_write(tmp_path, spec))
    assert np.allclose(model.logits(np.array([[-3.0], [2.0]])), [3.0, 2.0])


@pytest.mark.parametrize(
    "broken",
    [
        "not json",
        json.dumps({"format": 1, "features": ["a"], "mean": [0.0], "scale": [1.0], "layers": []}),
        json.dumps(_logistic(["a", "b"], [1.0], 0.0)),  # too few weights
        json.dumps({**_logistic(["a"], [1.0], 0.0), "scale": [0.0]}),
        json.dumps({**_logistic(["a"], [1.0], 0.0), "format": 99}),
    ],
)
def test_a_corrupt_model_file_is_refused_and_loading_it_gives_none(
    tmp_path: Path, broken: str, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / MODEL_FILE).write_text(broken, encoding="utf-8")
    with pytest.raises(VerbatimError):
        FeatureModel(tmp_path)
    with caplog.at_level(logging.INFO, logger="index.rerank.model"):
        assert load_reranker(tmp_path) is None
    notes = [r for r in caplog.records if "without the reranker" in r.getMessage()]
    assert len(notes) == 1 and str(tmp_path) in notes[0].getMessage()


def test_a_model_of_other_features_answers_with_the_ranking_alone_and_says_so_once(
    tmp_path: Path, embedder: Embedder, caplog: pytest.LogCaptureFixture
) -> None:
    old = _write(tmp_path / "old-model", _logistic(["dense", "bm25"], [1.0, 1.0], 0.0))
    (tmp_path / "corpus").mkdir()
    plain = searcher_over(ARTICLES, tmp_path / "corpus", embedder, AnswerPolicy(rerank=False))  # the ranking alone
    index_dir = tmp_path / "corpus" / "index"
    with caplog.at_level(logging.INFO):
        searcher = Searcher.open(index_dir, embedder=embedder, policy=AnswerPolicy(rerank=True), rerank_model=old)
    try:
        assert searcher.reranker is None
        notes = [r for r in caplog.records if "without the reranker" in r.getMessage()]
        assert len(notes) == 1 and "other features" in notes[0].getMessage()
        question = "Who won the men's title?"
        assert searcher.answer(question) == plain.answer(question)
    finally:
        searcher.close()
        plain.close()


def test_hits_are_scored_by_the_model_probability_and_declining_reads_it(tmp_path: Path, embedder: Embedder) -> None:
    # A model that only likes a sentence holding an answer of the kind asked that the question lacks.
    spec = _logistic(list(FEATURES), [0.0] * len(FEATURES), -3.0)
    spec["layers"][0]["weights"][FEATURES.index("kind_new")] = [6.0]
    model_dir = _write(tmp_path / "model", spec)
    (tmp_path / "corpus").mkdir()
    searcher_over(ARTICLES, tmp_path / "corpus", embedder).close()
    policy = AnswerPolicy(rerank=True, rerank_min=0.5)
    searcher = Searcher.open(tmp_path / "corpus" / "index", embedder=embedder, policy=policy, rerank_model=model_dir)
    try:
        assert isinstance(searcher.reranker, FeatureModel)
        # "Who" asks for a name the question lacks: Safin's sentence has them, so it is shown.
        who = searcher.answer("Who won the men's title at Melbourne Park?")
        assert not who.declined and who.hits[0].sentence.startswith("Marat Safin")
        assert who.hits[0].score == pytest.approx(1 / (1 + np.exp(-3.0)))
        # "When" asks for a date, which no sentence gives (its dated article might): declined on
        # the model's score.
        when = searcher.answer("When did Safin beat Hewitt?")
        assert when.declined and "below 0.50" in when.reason
        assert when.nearest is not None and when.nearest.score == pytest.approx(1 / (1 + np.exp(3.0)))
    finally:
        searcher.close()


def _cross_model(folder: Path, cross_weight: float) -> Path:
    """A model that reads only the cross-encoder's logit (FEATURES weigh nothing)."""
    names = [*FEATURES, *CROSS_FEATURES]
    weights = [0.0] * len(names)
    weights[names.index("cross_logit")] = cross_weight
    return _write(folder, _logistic(names, weights, 0.0))


def _searcher_reading_the_cross_encoder(
    tmp_path: Path, embedder: Embedder, weight: float, reorder: bool, config: dict | None = None
) -> tuple[Searcher, Reranker]:
    """A searcher over ARTICLES whose reranker reads only the shipped cross-encoder's logit (with
    ``config`` added to the cross-encoder's config.json), and that cross-encoder."""
    model_dir = _cross_model(tmp_path / "model", weight)
    shutil.copytree(BUNDLED_MODEL / CROSS_ENCODER_DIR, model_dir / CROSS_ENCODER_DIR)
    config_file = model_dir / CROSS_ENCODER_DIR / "config.json"
    config_file.write_text(
        json.dumps(json.loads(config_file.read_text(encoding="utf-8")) | (config or {})), encoding="utf-8"
    )
    (tmp_path / "corpus").mkdir()
    searcher_over(ARTICLES, tmp_path / "corpus", embedder).close()
    policy = AnswerPolicy(rerank=True, rerank_min=0.0, rerank_reorder=reorder)
    searcher = Searcher.open(tmp_path / "corpus" / "index", embedder=embedder, policy=policy, rerank_model=model_dir)
    return searcher, Reranker(model_dir / CROSS_ENCODER_DIR)


def test_a_model_reading_a_cross_encoder_needs_its_folder_and_is_refused_without_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    model_dir = _cross_model(tmp_path / "model", 1.0)
    with pytest.raises(VerbatimError, match="lacks model.onnx"):
        FeatureModel(model_dir)
    with caplog.at_level(logging.INFO, logger="index.rerank.model"):
        assert load_reranker(model_dir) is None
    assert [r for r in caplog.records if "without the reranker" in r.getMessage()]
    shutil.copytree(BUNDLED_MODEL / CROSS_ENCODER_DIR, model_dir / CROSS_ENCODER_DIR)
    model = FeatureModel(model_dir)
    assert isinstance(model.cross_encoder, Reranker) and "reading" in model.version
    # a model of FEATURES alone loads no cross-encoder, even with the folder beside it
    plain = _write(tmp_path / "plain", _logistic(list(FEATURES), [0.0] * len(FEATURES), 0.0))
    shutil.copytree(BUNDLED_MODEL / CROSS_ENCODER_DIR, plain / CROSS_ENCODER_DIR)
    assert FeatureModel(plain).cross_encoder is None


@pytest.mark.parametrize(("weight", "first"), [(1.0, "Tickets for the final"), (-1.0, "Marat Safin")])
def test_the_cross_encoder_logit_is_read_as_a_feature_and_orders_the_hits(
    tmp_path: Path, embedder: Embedder, weight: float, first: str
) -> None:
    # weight -1: a model that trusts the cross-encoder backwards shows the sentence it likes least
    searcher, cross = _searcher_reading_the_cross_encoder(tmp_path, embedder, weight, reorder=True)
    try:
        question = "How fast did tickets for the final sell out?"
        answer = searcher.answer(question)
        scored = answer.ranked[:2]
        logits = cross.logits(question, [h.sentence for h in scored])
        # each shown score is the sigmoid of the (weighted) cross-encoder logit, best first
        assert [h.score for h in scored] == pytest.approx(list(1 / (1 + np.exp(-weight * logits))), abs=1e-5)
        assert scored[0].sentence.startswith(first) and weight * logits[0] > weight * logits[1]
    finally:
        searcher.close()


def test_a_cross_encoder_trained_on_passages_is_given_each_hit_with_the_sentence_before_it(
    tmp_path: Path, embedder: Embedder
) -> None:
    # The shipped cross-encoder's files, with a config saying it reads the sentence before.
    searcher, cross = _searcher_reading_the_cross_encoder(
        tmp_path, embedder, 1.0, reorder=False, config={"context": PREVIOUS_SENTENCE}
    )
    try:
        assert cross.reads_context
        question = "How fast did tickets for the final sell out?"
        first, second = searcher.answer(question).ranked[:2]
        by_sentence = {h.sentence: h.score for h in (first, second)}
        safin, tickets = (s for s in sorted(by_sentence, key=lambda s: not s.startswith("Marat")))
        # The article's first sentence is read alone; the second after the first.
        logits = cross.logits(question, [safin, passage(tickets, safin)])
        assert [by_sentence[safin], by_sentence[tickets]] == pytest.approx(list(1 / (1 + np.exp(-logits))), abs=1e-5)
        assert logits[1] != pytest.approx(float(cross.logits(question, [tickets])[0]), abs=1e-3)
    finally:
        searcher.close()
