"""The news calibration question set (scripts/eval_sets/polnear_dev_qa.jsonl) is sound.

Every answer snippet must be found inside one sentence of the PolNeAR dev articles, cut the way
the index cuts them, or the set would score right answers as misses; the unanswerable questions
and the kinds must be what scripts/eval_sets/README.md says. Skipped without ../shared.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from index.evaluation import load_qa
from index.ingest.loaders import load_articles
from index.text.sentences import split_article
from tests.support import ROOT, shared_file

QA_FILE = ROOT / "scripts" / "eval_sets" / "polnear_dev_qa.jsonl"
KINDS = {"fact", "speech", "unanswerable", "absent"}


def _records() -> list[dict[str, object]]:
    return [json.loads(line) for line in QA_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def dev_sentences(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Every sentence of PolNeAR dev as the index splits it, via scripts/polnear_to_corpus.py."""
    source = shared_file("eval/polnear/dev.jsonl")
    out = tmp_path_factory.mktemp("polnear-dev")
    converter = ROOT / "scripts" / "polnear_to_corpus.py"
    subprocess.run([sys.executable, str(converter), str(source), str(out)], check=True, capture_output=True)
    report = load_articles(out / "articles.jsonl")
    assert len(report.articles) == 84 and not report.problems
    return [s.text for article in report.articles for s in split_article(article)]


def test_every_answer_snippet_is_inside_one_dev_sentence(dev_sentences: list[str]) -> None:
    missing = [
        (qa.question, answer)
        for qa in load_qa(QA_FILE)
        for answer in qa.answers
        if not any(answer in sentence for sentence in dev_sentences)
    ]
    assert missing == []


def test_the_set_mixes_answerable_and_unanswerable_questions_of_each_kind() -> None:
    records = _records()
    kinds = Counter(str(r["kind"]) for r in records)
    assert set(kinds) == KINDS
    for record in records:
        answerable = record["kind"] in ("fact", "speech")
        assert bool(record["answers"]) == answerable, record["question"]
    assert kinds["fact"] + kinds["speech"] >= 60
    assert kinds["unanswerable"] + kinds["absent"] >= 60
    assert kinds["speech"] >= 10 and kinds["absent"] >= 5


def test_no_question_is_asked_twice() -> None:
    questions = [str(r["question"]).casefold() for r in _records()]
    assert len(questions) == len(set(questions))


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
