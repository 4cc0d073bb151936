"""Searching an index: a question in, ranked sentences (``Hit``) out.

``Searcher`` is the facade the bot, the scripts and the tests use: ``open`` an index directory,
``search`` for ranked hits, ``answer`` for what to show (or an honest decline).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from index.embedder import Embedder, canonical_model_name, load_embedder
from index.errors import EmptyQuestionError
from index.metadata import StoredArticle
from index.store import LoadedIndex, Manifest, open_index, read_manifest
from index.types import Answer, Hit, Sentence, Source


@dataclass(frozen=True)
class AnswerPolicy:
    """How many hits to show and when to decline instead."""

    max_shown: int = 3
    # Further hits are shown only while they score this close to the best one.
    margin: float = 0.08
    # Below this cosine score the best hit is not trusted to answer the question.
    min_score: float = 0.30


def clean_question(question: str) -> str:
    """The question with whitespace folded; raises EmptyQuestionError when nothing is left."""
    cleaned = " ".join(question.split())
    if not cleaned:
        raise EmptyQuestionError("Please type a question: the message was empty.")
    return cleaned


class Searcher:
    """Answers questions from one open index with one embedder."""

    def __init__(self, loaded: LoadedIndex, embedder: Embedder, policy: AnswerPolicy | None = None) -> None:
        self._index = loaded
        self._embedder = embedder
        self.policy = policy or AnswerPolicy()

    @classmethod
    def open(
        cls,
        index_dir: Path,
        *,
        model: str | None = None,
        backend: str = "torch",
        embedder: Embedder | None = None,
        policy: AnswerPolicy | None = None,
    ) -> Searcher:
        """Open ``index_dir`` with the model it was built with (or refuse a different ``model``)."""
        manifest = read_manifest(index_dir)
        wanted = canonical_model_name(model) if model else manifest.model
        if embedder is None:
            if wanted != manifest.model:
                # Let open_index give the clear mismatch message before loading a model.
                open_index(index_dir, expected_model=wanted, verify=False)
            embedder = load_embedder(wanted, backend)
        loaded = open_index(index_dir, expected_model=embedder.name, expected_dimension=embedder.dim)
        return cls(loaded, embedder, policy)

    @property
    def manifest(self) -> Manifest:
        return self._index.manifest

    @property
    def directory(self) -> Path:
        return self._index.directory

    @property
    def embedder(self) -> Embedder:
        return self._embedder

    def close(self) -> None:
        self._index.close()

    def articles(self) -> list[StoredArticle]:
        return self._index.metadata.articles()

    def top_speakers(self, limit: int = 3) -> list[str]:
        return self._index.metadata.top_speakers(limit)

    def article_text(self, article_id: str) -> str | None:
        return self._index.metadata.article_text(article_id)

    def sentences_of_article(self, article_id: str) -> list[Sentence]:
        return [s.sentence for s in self._index.metadata.sentences_of_article(article_id)]

    def search(self, question: str, k: int = 10) -> list[Hit]:
        """The ``k`` best sentences for ``question``, best first, each sentence text once."""
        return self.search_many([question], k)[0]

    def search_many(self, questions: Sequence[str], k: int = 10) -> list[list[Hit]]:
        """``search`` for several questions with one encode call (used to batch chats)."""
        cleaned = [clean_question(q) for q in questions]
        return self.search_vectors(cleaned, self._embedder.encode_queries(cleaned), k)

    def search_vectors(self, questions: Sequence[str], vectors: np.ndarray, k: int) -> list[list[Hit]]:
        del questions  # the dense ranker needs only the vectors
        # Fetch extra rows so that duplicates folded together still leave k hits.
        scores, rows = self._index.search(vectors, k * 2 + 5)
        wanted = {int(r) for r in rows.ravel() if r >= 0}
        sentences = self._index.metadata.sentences(wanted)
        articles = {a: self._index.metadata.article(a) for a in {s.article_id for s in sentences.values()}}
        return [
            _fold_duplicates(
                [
                    _hit(sentences[int(r)], float(s), int(r), articles)
                    for s, r in zip(score_row, row_row, strict=True)
                    if r >= 0 and int(r) in sentences
                ]
            )[:k]
            for score_row, row_row in zip(scores, rows, strict=True)
        ]

    def answer(self, question: str) -> Answer:
        """What to show for ``question``: the best sentences, or a decline with the nearest."""
        return self.answer_from_hits(clean_question(question), self.search(question, k=10))

    def answer_from_hits(self, question: str, hits: Sequence[Hit]) -> Answer:
        policy = self.policy
        ranked = tuple(hits)
        if not hits:
            return Answer(question, (), declined=True, reason="The index is empty.")
        best = hits[0]
        if best.score < policy.min_score:
            return Answer(
                question,
                (),
                declined=True,
                reason=f"The best sentence scores {best.score:.2f}, below {policy.min_score:.2f}.",
                nearest=best,
                ranked=ranked,
            )
        shown = [h for h in hits[: policy.max_shown] if h.score >= best.score - policy.margin]
        return Answer(question, tuple(shown), nearest=best, ranked=ranked)

    def answer_many(self, questions: Sequence[str]) -> list[Answer]:
        """``answer`` for several questions with one encode call (used to batch chats)."""
        cleaned = [clean_question(q) for q in questions]
        return [self.answer_from_hits(q, hits) for q, hits in zip(cleaned, self.search_many(cleaned, k=10), strict=True)]


def _hit(sentence: Sentence, score: float, row: int, articles: dict[str, StoredArticle | None]) -> Hit:
    article = articles.get(sentence.article_id)
    title = article.title if article else sentence.article_id
    url = article.url if article else None
    published = article.published if article else None
    return Hit(
        sentence=sentence.text,
        score=score,
        article_id=sentence.article_id,
        title=title,
        url=url,
        published=published,
        paragraph=sentence.paragraph,
        position=sentence.position,
        start=sentence.start,
        end=sentence.end,
        row=row,
        speaker=sentence.speaker,
        sources=(Source(sentence.article_id, title, url, published),),
    )


def _fold_duplicates(hits: Sequence[Hit]) -> list[Hit]:
    """The same sentence in several articles is one hit listing every source, best first."""
    folded: dict[str, Hit] = {}
    for hit in hits:
        key = " ".join(hit.sentence.split()).casefold()
        if key in folded:
            kept = folded[key]
            if hit.article_id not in {s.article_id for s in kept.sources}:
                folded[key] = replace(kept, sources=kept.sources + hit.sources)
        else:
            folded[key] = hit
    return list(folded.values())

