"""Small real-article corpora for training the feature reranker: one per SQuAD-format article.

The open corpora of corpora.py make every candidate sentence an article titled by its id, so a
model trained on them alone never sees what the bot sees: a few real articles with titles,
whose sentences stand among their own paragraph's. Here every article of a SQuAD-format file
(SQuAD 2.0 dev, XQuAD) becomes a corpus of its own: each paragraph an article titled with the
Wikipedia article's title, asked that article's questions, answerable and unanswerable. The
sentence that answers is the one holding an answer's start, so a question names
``(article id, offset)`` spans (``Question.spans``) instead of answering article ids.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from index.ingest.cleaning import normalise_text
from scripts.ltrkit.corpora import Corpus, Question, write_if_changed
from scripts.rerankkit.sources import SQUAD2_FILE, XQUAD_FILE

# Source name -> the raw SQuAD-format file in the rerank data's raw folder (docs/RERANKER.md).
ARTICLE_SOURCES = {"squad2_articles": SQUAD2_FILE, "xquad_articles": XQUAD_FILE}


def _articles(path: Path) -> Iterator[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        yield from json.load(f)["data"]


def normalised_offset(context: str, offset: int) -> int:
    """Where character ``offset`` of ``context`` lands in ``normalise_text(context)``, the text
    the index holds (runs of whitespace collapsed, the ends stripped)."""
    return len(normalise_text(context[:offset] + "x")) - 1


def write_article_corpora(name: str, raw: Path, out: Path) -> list[Corpus]:
    """One corpus per article of the SQuAD-format file ``raw`` under ``out/name``: ``name-01``,
    ``name-02``, ..., in the file's order."""
    corpora = []
    for number, article in enumerate(_articles(raw), 1):
        corpus = Corpus(f"{name}-{number:02d}", out / name / f"{number:02d}")
        records, questions = [], []
        title = normalise_text(article["title"].replace("_", " "))
        for p, paragraph in enumerate(article["paragraphs"]):
            ident = f"{corpus.name}-{p}"
            records.append({"id": ident, "title": title, "text": normalise_text(paragraph["context"])})
            for qa in paragraph["qas"]:
                spans = frozenset(
                    (ident, normalised_offset(paragraph["context"], a["answer_start"])) for a in qa["answers"]
                )
                questions.append(Question(qa["question"].strip(), qa["id"], frozenset(), spans))
        corpus.directory.mkdir(parents=True, exist_ok=True)
        write_if_changed(corpus.articles, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
        write_if_changed(corpus.questions, "".join(q.to_json() + "\n" for q in questions))
        corpora.append(corpus)
    return corpora
