"""Scoring an ordinary question's best hits with the trained feature reranker (index/rerank/).

The ranking's top ``AnswerPolicy.rerank_depth`` hits are described by rerank_features.py (the
ranking's signals apart, where each stands, how much of the question it holds, whether it holds
an answer of the kind asked) and scored by the model in one numpy call. Each hit's score becomes
the model's probability that it answers the question, which declining then reads against
``AnswerPolicy.rerank_min``: on the news calibration set that separates the questions the
articles answer from those they do not far better than the ranking's own score (docs/RERANKER.md).

The model may also read a cross-encoder (index/rerank/cross_encoder.py) that sees question and
sentence together: its logits for the K hits (each pair run alone, side by side on the cores) become two more features
(rerank_features.CROSS_FEATURES). The shipped model does.

Whether the hits are also reordered by that probability is ``AnswerPolicy.rerank_reorder``: on
by default since the model reads the cross-encoder (ordered by it, news questions it was not
fitted on come out right first more often: docs/RERANKER.md); off keeps the ranking's order and
lets declining alone read the probability. On, the ranking's first stays first unless the most
probable hit beats it by ``rerank_reorder_margin``; the others follow by probability either way.
Hits below the depth keep their order after the scored ones. The ranking's score is one of the features, so ``rerank_blend`` (the lone
cross-encoder's) is not used here.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from index.errors import VerbatimError
from index.rerank.cross_encoder import Reranker, passage
from index.rerank.features_model import FeatureModel
from index.rerank.model import sigmoid
from index.search.memo import BoundedMemo
from index.search.query import Query, Tokenizers
from index.search.rerank_features import (
    CROSS_FEATURES,
    FEATURES,
    CandidateText,
    SentenceWords,
    clauses_of,
    cross_columns,
    cross_question,
    event_equivalents,
    feature_matrix,
    settings_in,
    without_settings,
)
from index.search.retrieval import Retriever
from index.store.lexical import idf
from index.types import Hit

logger = logging.getLogger(__name__)


class CandidateFeatures:
    """Reads rerank_features.FEATURES of hits from one retriever. Safe to share between threads."""

    def __init__(self, retriever: Retriever, tokenizers: Tokenizers, cache_size: int) -> None:
        self._retriever = retriever
        self._tokenizers = tokenizers
        self._words: BoundedMemo[str, SentenceWords] = BoundedMemo(cache_size)
        self._equivalents = event_equivalents(tokenizers.get().tokens)

    def features(self, query: Query, vector: np.ndarray, hits: Sequence[Hit]) -> np.ndarray:
        """One row of rerank_features.FEATURES per hit, in the order given."""
        retriever = self._retriever
        rows = [h.row for h in hits]
        signals = retriever.signals(query, vector, rows)
        terms = retriever.rows(rows)
        lexical = retriever.lexical

        def idf_of(stem: str) -> float:
            return idf(lexical.frequency(stem), lexical.n_rows)

        candidates = [CandidateText(h.sentence, terms[h.row][1], signals[i], h.score) for i, h in enumerate(hits)]
        stems = self._tokenizers.get().tokens
        return feature_matrix(
            query, candidates, idf_of, self._sentence_words, retriever.text_tests, stems, self._equivalents
        )

    def stems(self, text: str) -> list[str]:
        """The stems of ``text``'s words (this thread's tokenizer)."""
        return self._tokenizers.get().tokens(text)

    def sentence_stems(self, hits: Sequence[Hit]) -> list[frozenset[str]]:
        """The stemmed words of each hit's sentence, as the ranking cached them (``features``)."""
        terms = self._retriever.rows(h.row for h in hits)
        return [terms[h.row][1] for h in hits]

    def sentences_before(self, hits: Sequence[Hit]) -> list[str]:
        """The sentence before each hit in its article ("" for an article's first)."""
        return self._retriever.sentences_before([h.row for h in hits])

    def _sentence_words(self, text: str) -> SentenceWords:
        def analyse(sentence: str) -> SentenceWords:
            tokenizer = self._tokenizers.get()
            words = tokenizer.words(sentence)
            stems = tokenizer.tokens(sentence)  # the stems of ``words``, in order
            clauses = tuple(frozenset(tokenizer.tokens(clause)) for clause in clauses_of(sentence))
            return SentenceWords(tuple(words), tuple(stems), clauses)

        return self._words.get_or_compute(text, analyse)


class FeatureReranker:
    """A feature model and where its features come from. Safe to share between threads."""

    def __init__(self, model: FeatureModel, features: CandidateFeatures) -> None:
        if model.features not in (FEATURES, FEATURES + CROSS_FEATURES):
            raise VerbatimError(
                f"The feature reranker in {model.directory} was trained on other features than this "
                "Verbatim computes; retrain it (scripts/train_ltr.py)."
            )
        self.model = model
        self._features = features

    def rerank(
        self,
        query: Query,
        vector: np.ndarray,
        hits: Sequence[Hit],
        depth: int,
        reorder: bool = False,
        margin: float = 0.0,
    ) -> list[Hit]:
        """``hits`` with the first ``depth`` scored by the model's probability, and with ``reorder``
        ordered by it too: all of them when the most probable beats the first by ``margin`` or
        more, else the ranking's first kept first and the others after it by probability."""
        head = list(hits[:depth])
        if not head:
            return []
        features = self._features.features(query, vector, head)
        cross = self.model.cross_encoder
        if cross is not None:
            features = np.hstack([features, cross_columns(self._cross_logits(cross, query, head))])
        probabilities = sigmoid(self.model.logits(features))
        order = list(range(len(head)))
        if reorder:
            order.sort(key=lambda i: (-probabilities[i], head[i].row))
            if probabilities.max() - probabilities[0] < margin:
                order = [0, *(i for i in order if i != 0)]  # an unsure model does not overturn the first
        return [replace(head[i], score=float(probabilities[i])) for i in order] + list(hits[depth:])

    def _cross_logits(self, cross: Reranker, query: Query, head: Sequence[Hit]) -> np.ndarray:
        """The cross-encoder's logit for each hit, asked with the question as it reads for that hit
        (the same for all, unless the question names the date of some of the hits' articles, or a
        setting, "in Geneva", that a hit leaves to the sentence before it or to its title:
        rerank_features.without_settings), and given the sentence before the hit too when the
        model was trained so."""
        asked = [cross_question(query, h.published) for h in head]
        texts = [h.sentence for h in head]
        settings = {question: settings_in(question) for question in dict.fromkeys(asked)}
        named = any(settings.values())
        befores = self._features.sentences_before(head) if named or cross.reads_context else []
        if named:  # "in Geneva", when the sentence before or the title says it and the sentence not
            features = self._features
            asked = [
                without_settings(question, settings[question], held, f"{before} {hit.title}", features.stems)
                for question, hit, held, before in zip(asked, head, features.sentence_stems(head), befores, strict=True)
            ]
        if cross.reads_context:
            texts = [passage(t, before) for t, before in zip(texts, befores, strict=True)]
        logits = np.zeros(len(head))
        for text in dict.fromkeys(asked):
            rows = [i for i, a in enumerate(asked) if a == text]
            logits[rows] = cross.logits(text, [texts[i] for i in rows])
        return logits


def feature_reranker(model: FeatureModel, features: CandidateFeatures) -> FeatureReranker | None:
    """``FeatureReranker`` for ``model``, or None with one INFO line when its features are not these."""
    try:
        return FeatureReranker(model, features)
    except VerbatimError as exc:
        logger.info("Answering without the reranker: %s", exc)
        return None
