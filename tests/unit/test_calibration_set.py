"""The news question sets on PolNeAR (scripts/eval_sets/polnear_*_qa.jsonl) are sound.

``polnear_dev_qa.jsonl`` calibrates and evaluates declining on the dev articles;
``polnear_train_qa.jsonl`` is its sibling on the train articles, to train the reranker on;
``polnear_fresh_open_qa.jsonl`` and ``polnear_fresh_sealed_qa.jsonl`` ask about train articles no
training question is answered from, written by people who never ran the search: held out.
Every answer snippet must be found inside one sentence of its split's articles, cut the way
the index cuts them, or the set would score right answers as misses (or teach the reranker
that a right sentence is wrong); the unanswerable questions and the kinds must be what
scripts/eval_sets/README.md says, and no training question may also be an evaluation one.
Skipped without ../shared.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from index.evaluation import load_qa
from index.ingest.loaders import load_articles
from index.text.sentences import split_article
from tests.support import ROOT, shared_file

EVAL_SETS = ROOT / "scripts" / "eval_sets"
KINDS = {"fact", "speech", "unanswerable", "absent"}


@dataclass(frozen=True)
class QaSet:
    """One question file, the PolNeAR split it asks about, and the sizes README promises."""

    name: str
    split: str
    articles: int
    min_answerable: int
    min_unanswerable: int
    min_fact: int = 0
    min_in_domain_unanswerable: int = 0
    min_articles_asked: int = 0
    min_speech: int = 10
    min_absent: int = 5

    @property
    def path(self) -> Path:
        return EVAL_SETS / f"polnear_{self.name}_qa.jsonl"


DEV = QaSet("dev", "dev", articles=84, min_answerable=60, min_unanswerable=60)
TRAIN = QaSet(
    "train",
    "train",
    articles=840,
    min_answerable=135,
    min_unanswerable=120,
    min_fact=120,
    min_in_domain_unanswerable=110,
    min_articles_asked=60,
)
FRESH = [
    QaSet(
        name,
        "train",
        articles=840,
        min_answerable=90,
        min_unanswerable=90,
        min_fact=90,
        min_in_domain_unanswerable=90,
        min_speech=0,
        min_absent=0,
    )
    for name in ("fresh_open", "fresh_sealed")
]
SETS = [pytest.param(DEV, id="dev"), pytest.param(TRAIN, id="train")] + [pytest.param(s, id=s.name) for s in FRESH]


def _records(qa_set: QaSet) -> list[dict[str, object]]:
    lines = qa_set.path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="module")
def split_sentences(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[str, str]]]:
    """(article id, sentence) for every sentence of a PolNeAR split as the index splits it,
    via scripts/polnear_to_corpus.py; each split converted once."""
    converted: dict[str, list[tuple[str, str]]] = {}
    for qa_set in (DEV, TRAIN):
        source = shared_file(f"eval/polnear/{qa_set.split}.jsonl")
        out = tmp_path_factory.mktemp(f"polnear-{qa_set.split}")
        converter = ROOT / "scripts" / "polnear_to_corpus.py"
        subprocess.run([sys.executable, str(converter), str(source), str(out)], check=True, capture_output=True)
        report = load_articles(out / "articles.jsonl")
        assert len(report.articles) == qa_set.articles and not report.problems
        converted[qa_set.split] = [(a.id, s.text) for a in report.articles for s in split_article(a)]
    return converted


@pytest.mark.parametrize("qa_set", SETS)
def test_every_answer_snippet_is_inside_one_sentence_of_its_split(
    qa_set: QaSet, split_sentences: dict[str, list[tuple[str, str]]]
) -> None:
    sentences = [text for _, text in split_sentences[qa_set.split]]
    missing = [
        (qa.question, answer)
        for qa in load_qa(qa_set.path)
        for answer in qa.answers
        if not any(answer in sentence for sentence in sentences)
    ]
    assert missing == []


@pytest.mark.parametrize("qa_set", SETS)
def test_the_set_mixes_answerable_and_unanswerable_questions_of_each_kind(qa_set: QaSet) -> None:
    records = _records(qa_set)
    kinds = Counter(str(r["kind"]) for r in records)
    assert set(kinds) <= KINDS
    for record in records:
        answerable = record["kind"] in ("fact", "speech")
        assert bool(record["answers"]) == answerable, record["question"]
    assert kinds["fact"] + kinds["speech"] >= qa_set.min_answerable
    assert kinds["unanswerable"] + kinds["absent"] >= qa_set.min_unanswerable
    assert kinds["speech"] >= qa_set.min_speech and kinds["absent"] >= qa_set.min_absent
    assert kinds["fact"] >= qa_set.min_fact
    assert kinds["unanswerable"] >= qa_set.min_in_domain_unanswerable


@pytest.mark.parametrize("qa_set", SETS)
def test_no_question_is_asked_twice(qa_set: QaSet) -> None:
    questions = [str(r["question"]).casefold() for r in _records(qa_set)]
    assert len(questions) == len(set(questions))


def test_no_training_question_is_also_an_evaluation_question() -> None:
    evaluation = {str(r["question"]).casefold() for r in _records(DEV)}
    assert [r["question"] for r in _records(TRAIN) if str(r["question"]).casefold() in evaluation] == []


def test_the_held_out_questions_are_new_and_written_from_articles_no_training_question_is_answered_from(
    split_sentences: dict[str, list[tuple[str, str]]],
) -> None:
    snippets = [answer for qa in load_qa(TRAIN.path) for answer in qa.answers]
    trained_on = {article for article, sentence in split_sentences["train"] if any(a in sentence for a in snippets)}
    seen = {str(r["question"]).casefold() for r in _records(DEV) + _records(TRAIN)}
    fresh = [r for s in FRESH for r in _records(s)]
    questions = [str(r["question"]).casefold() for r in fresh]
    assert len(questions) == len(set(questions)) and seen.isdisjoint(questions)
    assert [r["question"] for r in fresh if r["article"] in trained_on] == []


def test_the_training_questions_are_answered_across_many_train_articles(
    split_sentences: dict[str, list[tuple[str, str]]],
) -> None:
    answered_in = {
        article
        for qa in load_qa(TRAIN.path)
        for answer in qa.answers
        for article, sentence in split_sentences[TRAIN.split]
        if answer in sentence
    }
    assert len(answered_in) >= TRAIN.min_articles_asked


def test_the_converter_keeps_titles_out_of_the_body_and_splits_paragraphs(tmp_path: Path) -> None:
    record = {
        "id": "x_2016-09-12_a",
        "published": "2016-09-12",
        "title": "A Title.",
        "text": "A Title.\n\nFirst paragraph.\nSecond paragraph.",
    }
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(record) + "\n", encoding="utf-8")
    converter = ROOT / "scripts" / "polnear_to_corpus.py"
    subprocess.run(
        [sys.executable, str(converter), str(source), str(tmp_path / "out")], check=True, capture_output=True
    )
    (article,) = load_articles(tmp_path / "out" / "articles.jsonl").articles
    assert article.title == "A Title."
    assert article.paragraphs == ("First paragraph.", "Second paragraph.")
    assert article.published == "2016-09-12"
