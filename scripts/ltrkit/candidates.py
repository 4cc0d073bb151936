"""The training rows of the feature reranker: the real searcher's candidate lists, labelled.

Every question of a corpus (corpora.py) is asked of the corpus's index with the full answer
path's ranking; its best ``depth`` hits are described by the reranker's features
(``Searcher.candidates``) and labelled 1 when one of the hit's articles is a sentence the pair
data marks as answering that question. Speech questions and short searches are left out: the
reranker never sees them (index/search/reranking.py ``reranks``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from index.embedding.models import Embedder
from index.evaluation import matches
from index.rerank.cross_encoder import passage
from index.search.query import Tokenizers, parse_query
from index.search.rerank_features import CROSS_FEATURES, cross_columns
from index.search.reranking import reranks
from index.search.searcher import AnswerPolicy, Searcher
from index.types import Hit
from scripts.ltrkit.corpora import Question


@dataclass(frozen=True)
class CandidateLists:
    """Feature rows of many questions' candidate lists; ``group[i]``: the question of row i."""

    features: np.ndarray  # [rows, FEATURES]
    labels: np.ndarray  # [rows] 0/1
    group: np.ndarray  # [rows] question number
    questions: tuple[str, ...]
    sentences: tuple[str, ...]  # [rows] each candidate's sentence (what a cross-encoder reads)
    befores: tuple[str, ...]  # [rows] the sentence before it in its article ("" for the first)
    code: str = ""  # the code that computed them (code.py ``code_signature``; "" when unknown)

    def save(self, path: Path) -> None:
        np.savez_compressed(
            path,
            features=self.features,
            labels=self.labels,
            group=self.group,
            questions=np.array(self.questions),
            sentences=np.array(self.sentences),
            befores=np.array(self.befores),
            code=np.array(self.code),
        )

    @classmethod
    def load(cls, path: Path) -> CandidateLists | None:
        """The lists saved at ``path``, or None when they were saved without their sentences (or
        the sentences before them)."""
        with np.load(path) as data:
            if "sentences" not in data.files or "befores" not in data.files:
                return None
            return cls(
                data["features"],
                data["labels"],
                data["group"],
                tuple(str(q) for q in data["questions"]),
                tuple(str(t) for t in data["sentences"]),
                tuple(str(t) for t in data["befores"]),
                str(data["code"]) if "code" in data.files else "",
            )

    def lists(self) -> list[np.ndarray]:
        """The rows of each question's list, question by question."""
        return [np.flatnonzero(self.group == number) for number in range(len(self.questions))]

    def cross_logits(self, logits_of: Callable[[str, Sequence[str]], np.ndarray], context: bool = False) -> np.ndarray:
        """One logit per row from ``logits_of(question, sentences)`` (a cross-encoder's ``logits``),
        asked once per question with its whole list, as the answer path asks it; with ``context``
        each sentence is given with the one before it (cross_encoder.passage)."""
        texts = self.sentences
        if context:
            texts = tuple(passage(t, before) for t, before in zip(self.sentences, self.befores, strict=True))
        out = np.zeros(len(self.labels))
        for question, rows in zip(self.questions, self.lists(), strict=True):
            out[rows] = logits_of(question, [texts[r] for r in rows])
        return out

    def with_cross(self, logits: np.ndarray) -> CandidateLists:
        """These lists with rerank_features.CROSS_FEATURES appended, from one logit per row."""
        columns = np.zeros((len(self.labels), len(CROSS_FEATURES)))
        for rows in self.lists():
            columns[rows] = cross_columns(logits[rows])
        return replace(self, features=np.hstack([self.features, columns]))


def answered_by_article(question: Question, hit: Hit) -> bool:
    """Whether one of ``hit``'s articles is a sentence marked as answering ``question``, the
    hit's sentence holds the start of one of its answer spans, or one of its answer snippets."""
    if any(s.article_id in question.answers for s in hit.sources):
        return True
    if matches(hit, sorted(question.snippets)):  # evaluate.py's own test of a shown sentence
        return True
    return any(article == hit.article_id and hit.start <= offset < hit.end for article, offset in question.spans)


def candidate_lists(
    index: Path,
    questions: Sequence[Question],
    embedder: Embedder,
    depth: int,
    label: Callable[[Question, Hit], bool] = answered_by_article,
) -> CandidateLists:
    """Each question of ``questions`` asked of ``index``: its ``depth`` best hits, featured and
    labelled by ``label``."""
    tokenizer = Tokenizers().get()
    searcher = Searcher.open(index, embedder=embedder, policy=AnswerPolicy(rerank=False))
    rows, labels, group, asked, sentences, befores = [], [], [], [], [], []
    try:
        for q in questions:
            if not reranks(parse_query(q.question, tokenizer)) or searcher.speakers_asked(q.question):
                continue
            hits, features = searcher.candidates(q.question, depth)
            if not hits:
                continue
            rows.append(features)
            labels += [int(label(q, h)) for h in hits]
            sentences += [h.sentence for h in hits]
            befores += searcher.sentences_before(hits)
            group += [len(asked)] * len(hits)
            asked.append(q.question)
    finally:
        searcher.close()
    width = rows[0].shape[1] if rows else 0
    return CandidateLists(
        np.vstack(rows) if rows else np.zeros((0, width)),
        np.asarray(labels, dtype=np.int8),
        np.asarray(group, dtype=np.int32),
        tuple(asked),
        tuple(sentences),
        tuple(befores),
    )


def concat(parts: Sequence[CandidateLists]) -> CandidateLists:
    """One set of lists from several, question numbers kept apart."""
    offset, groups = 0, []
    for part in parts:
        groups.append(part.group + offset)
        offset += len(part.questions)
    return CandidateLists(
        np.vstack([p.features for p in parts]),
        np.concatenate([p.labels for p in parts]),
        np.concatenate(groups),
        tuple(q for p in parts for q in p.questions),
        tuple(t for p in parts for t in p.sentences),
        tuple(t for p in parts for t in p.befores),
    )
