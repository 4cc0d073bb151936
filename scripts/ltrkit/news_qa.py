"""A news corpus with written questions for training the feature reranker: PolNeAR train.

The other corpora are Wikipedia or TREC's open sentence pools; none holds what the bot is asked
most: a reader's questions about a few hundred news articles, including the ones those
articles cannot answer though a sentence about the same people looks close. Here the PolNeAR
train articles (``../shared/eval/polnear/train.jsonl``, made readable by
scripts/polnear_to_corpus.py) are one corpus, asked the questions of
``scripts/eval_sets/polnear_train_qa.jsonl`` (written for it; the format of scripts/evaluate.py
``--qa``): a hit answers when its sentence holds one of the question's answer snippets, as
evaluate.py judges, and a question with no answers has none. Speech questions are skipped
where every question is (candidates.py), since the reranker never judges them.
"""

from __future__ import annotations

import json
from pathlib import Path

from scripts.ltrkit.corpora import Corpus, Question, write_if_changed
from scripts.polnear_to_corpus import corpus_article

NEWS_SOURCE = "polnear_train_qa"


def read_news_questions(path: Path, name: str) -> list[Question]:
    """The questions of an evaluate.py-format file, each answered by its snippets."""
    questions = []
    with path.open(encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if line.strip():
                record = json.loads(line)
                snippets = frozenset(str(a) for a in record["answers"])
                questions.append(Question(str(record["question"]), f"{name}-{number}", frozenset(), snippets=snippets))
    return questions


def write_news_corpus(polnear: Path, questions: Path, out: Path, name: str = NEWS_SOURCE) -> Corpus:
    """The PolNeAR file ``polnear`` as one corpus under ``out/name``, asked ``questions``."""
    corpus = Corpus(name, out / name)
    corpus.directory.mkdir(parents=True, exist_ok=True)
    with polnear.open(encoding="utf-8") as f:
        articles = [corpus_article(json.loads(line)) for line in f if line.strip()]
    write_if_changed(corpus.articles, "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles))
    asked = read_news_questions(questions, name)
    write_if_changed(corpus.questions, "".join(q.to_json() + "\n" for q in asked))
    return corpus
