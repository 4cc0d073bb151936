"""Open corpora for training the feature reranker, made from labelled question-sentence pairs.

Each source (a pairs file of the rerank data folder, or TrecQA train) becomes one corpus: every
distinct candidate sentence is an article of its own (``articles.jsonl``, as
``../shared/eval/trecqa_to_corpus.py`` writes TrecQA), and every question is asked of all of
them, so the searcher meets the other questions' sentences too, as it would on a real
collection. ``questions.jsonl`` names, per question, the articles whose sentence answers it
(none for SQuAD 2.0's unanswerable questions: what "no sentence answers" looks like).
"""

from __future__ import annotations

import csv
import gzip
import json
import random
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Question:
    """One question of a corpus and what answers it: the article ids of one-sentence articles
    (``answers``), ``(article id, character offset)`` spans in longer ones (``spans``,
    articles.py: the sentence holding that offset answers), or text snippets (``snippets``,
    news_qa.py: a sentence holding one answers, as scripts/evaluate.py judges)."""

    question: str
    qid: str
    answers: frozenset[str]
    spans: frozenset[tuple[str, int]] = frozenset()
    snippets: frozenset[str] = frozenset()

    def to_json(self) -> str:
        record: dict[str, object] = {"question": self.question, "qid": self.qid, "answers": sorted(self.answers)}
        if self.spans:
            record["spans"] = sorted(self.spans)
        if self.snippets:
            record["snippets"] = sorted(self.snippets)
        return json.dumps(record, ensure_ascii=False)


@dataclass(frozen=True)
class Corpus:
    """Where one source's corpus lives: its articles file, questions file and index directory."""

    name: str
    directory: Path

    @property
    def articles(self) -> Path:
        return self.directory / "articles.jsonl"

    @property
    def questions(self) -> Path:
        return self.directory / "questions.jsonl"

    @property
    def index(self) -> Path:
        return self.directory / "index"


def _pair_rows(path: Path) -> Iterator[tuple[str, str, str, bool]]:
    """(qid, question, sentence, answers) from a gzipped pairs file."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            yield str(r["qid"]), r["question"], r["sentence"], int(r["label"]) == 1


def _trecqa_rows(path: Path) -> Iterator[tuple[str, str, str, bool]]:
    with path.open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            yield r["qtext"].strip(), r["qtext"].strip(), r["atext"].strip(), r["label"] == "1"


def write_corpora_of(
    name: str,
    rows: Iterator[tuple[str, str, str, bool]],
    out: Path,
    *,
    part_size: int | None = None,
    seed: int = 13,
) -> list[Corpus]:
    """Write ``rows`` as open corpora under ``out``: one (``name``), or, with ``part_size``, the
    questions shuffled and cut into corpora of that many (``name-1``, ``name-2``, ...), each with
    only its own questions' sentences: a search over all 48,000 TrecQA train-all sentences would
    cost more than it teaches."""
    by_qid: dict[str, tuple[str, list[tuple[str, bool]]]] = {}
    for qid, question, sentence, label in rows:
        by_qid.setdefault(qid, (question, []))[1].append((sentence, label))
    qids = sorted(by_qid)
    if part_size is None or len(qids) <= part_size:
        return [_write_corpus(name, by_qid, qids, out)]
    random.Random(seed).shuffle(qids)
    parts = [sorted(qids[i : i + part_size]) for i in range(0, len(qids), part_size)]
    return [_write_corpus(f"{name}-{n}", by_qid, part, out) for n, part in enumerate(parts, 1)]


def _write_corpus(
    name: str, by_qid: dict[str, tuple[str, list[tuple[str, bool]]]], qids: list[str], out: Path
) -> Corpus:
    ids: dict[str, str] = {}
    questions = []
    for qid in qids:
        question, candidates = by_qid[qid]
        answers = set()
        for sentence, label in candidates:
            ident = ids.setdefault(sentence, f"{name}-{len(ids)}")
            if label:
                answers.add(ident)
        questions.append(Question(question, qid, frozenset(answers)))
    corpus = Corpus(name, out / name)
    corpus.directory.mkdir(parents=True, exist_ok=True)
    articles = "".join(
        json.dumps({"id": ident, "title": ident, "text": sentence}, ensure_ascii=False) + "\n"
        for sentence, ident in ids.items()
    )
    write_if_changed(corpus.articles, articles)
    write_if_changed(corpus.questions, "".join(q.to_json() + "\n" for q in questions))
    return corpus


def write_if_changed(path: Path, text: str) -> None:
    """Write ``text`` only when it differs, so that a second run sees its index and lists as current."""
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def read_questions(corpus: Corpus) -> list[Question]:
    with corpus.questions.open(encoding="utf-8") as f:
        return [
            Question(
                r["question"],
                r["qid"],
                frozenset(r["answers"]),
                frozenset((a, o) for a, o in r.get("spans", ())),
                frozenset(r.get("snippets", ())),
            )
            for r in map(json.loads, f)
        ]


def write_corpora(
    pairs: Path | None,
    trecqa_train: Path | None,
    out: Path,
    part_sizes: dict[str, int] | None = None,
    sources: Collection[str] | None = None,
) -> list[Corpus]:
    """Corpora of each pairs file in ``pairs`` (``NAME.jsonl.gz``) and of TrecQA train's CSV
    (``trecqa_train``); ``part_sizes``: questions per corpus, by source name (default: one
    corpus per source); ``sources``: the source names to use (default all)."""
    sizes = part_sizes or {}
    corpora = []
    if trecqa_train is not None and (sources is None or "trecqa_train" in sources):
        rows = _trecqa_rows(trecqa_train)
        corpora += write_corpora_of("trecqa_train", rows, out, part_size=sizes.get("trecqa_train"))
    for path in sorted(pairs.glob("*.jsonl.gz")) if pairs is not None else []:
        name = path.name.removesuffix(".jsonl.gz")
        if sources is not None and name not in sources:
            continue
        corpora += write_corpora_of(name, _pair_rows(path), out, part_size=sizes.get(name))
    return corpora
