"""The Wikinews held-out set (scripts/eval_sets/wikinews_*) is sound.

265 English Wikinews articles of 2019-2021 (CC BY 2.5) ship with the questions, so every answer
snippet must be found inside one sentence of them, cut the way the index cuts them, or the set
would score right answers as misses; each question names the Wikinews article it was written
from; the halves hold as many answerable as in-domain unanswerable questions; no question repeats
one of another set. The collection the questions are asked of adds the PolNeAR train split
(scripts/wikinews_to_corpus.py): that part skips without ../shared.
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

EVAL_SETS = ROOT / "scripts" / "eval_sets"
ARTICLES = EVAL_SETS / "wikinews_articles.jsonl"
HALVES = ("open", "sealed")


def _records(half: str) -> list[dict[str, object]]:
    lines = (EVAL_SETS / f"wikinews_{half}_qa.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="module")
def sentences() -> dict[str, list[str]]:
    """Each Wikinews article's sentences, as the index splits them."""
    report = load_articles(ARTICLES)
    assert not report.problems
    return {a.id: [s.text for s in split_article(a)] for a in report.articles}


def test_the_articles_are_wikinews_stories_with_their_address_and_date() -> None:
    articles = load_articles(ARTICLES).articles
    assert len(articles) == 265
    assert len({a.id for a in articles}) == 265
    assert all(a.url and a.url.startswith("https://en.wikinews.org/wiki/") for a in articles)
    assert all(a.published and "2019-01-01" <= a.published <= "2021-12-31" for a in articles)


@pytest.mark.parametrize("half", HALVES)
def test_every_answer_snippet_is_inside_one_sentence_of_the_wikinews_articles(
    half: str, sentences: dict[str, list[str]]
) -> None:
    every = [s for article in sentences.values() for s in article]
    missing = [
        (qa.question, answer)
        for qa in load_qa(EVAL_SETS / f"wikinews_{half}_qa.jsonl")
        for answer in qa.answers
        if not any(answer in sentence for sentence in every)
    ]
    assert missing == []


@pytest.mark.parametrize("half", HALVES)
def test_each_question_names_the_article_it_was_written_from(half: str, sentences: dict[str, list[str]]) -> None:
    for record in _records(half):
        article = sentences.get(str(record["article"]))
        assert article is not None, record["question"]
        answers = [str(a) for a in record["answers"]]  # type: ignore[attr-defined]
        # Another article may answer too; the one named holds at least one of the answers.
        assert not answers or any(a in s for a in answers for s in article), record["question"]


@pytest.mark.parametrize("half", HALVES)
def test_each_half_holds_as_many_answerable_as_unanswerable_questions(half: str) -> None:
    records = _records(half)
    size = {"open": 30, "sealed": 90}[half]
    assert Counter(str(r["kind"]) for r in records) == {"fact": size, "unanswerable": size}
    assert all(bool(r["answers"]) == (r["kind"] == "fact") for r in records)


def test_no_question_repeats_one_of_any_set() -> None:
    wikinews = [str(r["question"]).casefold() for half in HALVES for r in _records(half)]
    others = {qa.question.casefold() for path in EVAL_SETS.glob("polnear_*_qa.jsonl") for qa in load_qa(path)}
    assert len(wikinews) == len(set(wikinews)) and others.isdisjoint(wikinews)


def test_the_collection_is_the_wikinews_articles_and_the_polnear_train_split(tmp_path: Path) -> None:
    polnear = shared_file("eval/polnear/train.jsonl")
    converter = ROOT / "scripts" / "wikinews_to_corpus.py"
    subprocess.run(
        [sys.executable, str(converter), str(tmp_path), "--polnear", str(polnear)], check=True, capture_output=True
    )
    report = load_articles(tmp_path / "articles.jsonl")
    assert not report.problems
    ids = [a.id for a in report.articles]
    assert len(ids) == 265 + 840 == len(set(ids))
    assert sum(i.startswith("enwikinews-") for i in ids) == 265


def test_the_collection_script_says_where_polnear_is_missing(tmp_path: Path) -> None:
    converter = ROOT / "scripts" / "wikinews_to_corpus.py"
    run = subprocess.run(
        [sys.executable, str(converter), str(tmp_path / "out"), "--polnear", str(tmp_path / "none.jsonl")],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 2 and "no PolNeAR file at" in run.stderr
    assert not (tmp_path / "out" / "articles.jsonl").exists()
