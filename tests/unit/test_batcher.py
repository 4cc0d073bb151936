"""Micro-batching: many chats asking at once share encode calls, and each still gets its answer."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import pytest

from bot.runtime.batcher import AnswerBatcher
from bot.runtime.services import SearcherHolder
from index.embedding.models import Embedder
from index.errors import EmptyQuestionError
from index.search.searcher import Searcher
from index.types import Answer

QUESTIONS = [
    "what did Peskov say?",
    "Where is NATO headquartered?",
    "How many troops are near the Ukrainian border?",
    "When is the OSCE meeting?",
    "What did Wendy Sherman say?",
    "What did Angela Merkel say?",
    "Who leads the Russian delegation?",
    "What did Julianne Smith say?",
] * 3


class CountingEmbedder:
    """The real embedder, counting the query batches it is asked to encode."""

    def __init__(self, inner: Embedder) -> None:
        self._inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self.batches: list[int] = []

    def encode_documents(self, texts: Sequence[str], *, batch_size: int = 64, progress: bool = False) -> np.ndarray:
        return self._inner.encode_documents(texts, batch_size=batch_size, progress=progress)

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        self.batches.append(len(texts))
        return self._inner.encode_queries(texts)

    def encode_query(self, text: str) -> np.ndarray:
        return self.encode_queries([text])[0]


@pytest.fixture
def counting(sample_index: Path, embedder: Embedder) -> Iterator[tuple[Searcher, CountingEmbedder]]:
    wrapped = CountingEmbedder(embedder)
    searcher = Searcher.open(sample_index, embedder=wrapped)
    yield searcher, wrapped
    searcher.close()


def ask_all(searcher: Searcher, questions: Sequence[str], **options: int) -> list[Answer | BaseException]:
    async def burst() -> list[Answer | BaseException]:
        batcher = AnswerBatcher(SearcherHolder(searcher), **options)
        try:
            return await asyncio.gather(*(batcher.answer(q) for q in questions), return_exceptions=True)
        finally:
            await batcher.close()

    return asyncio.run(burst())


def same_answer(got: Answer, expected: Answer) -> bool:
    """Same decision and same sentences; scores may differ in the last float bits with batching."""
    return (
        got.question == expected.question
        and got.declined == expected.declined
        and [h.row for h in got.hits] == [h.row for h in expected.hits]
        and [h.score for h in got.hits] == pytest.approx([h.score for h in expected.hits], abs=1e-4)
    )


def test_a_burst_of_questions_gets_one_answer_each_in_order(counting: tuple[Searcher, CountingEmbedder]) -> None:
    searcher, embedder = counting
    expected = [searcher.answer(q) for q in QUESTIONS]
    embedder.batches.clear()
    answers = ask_all(searcher, QUESTIONS)
    assert len(answers) == len(QUESTIONS)
    for got, want in zip(answers, expected, strict=True):
        assert isinstance(got, Answer)
        assert same_answer(got, want)
    # The burst shared encode calls instead of one call per question.
    assert sum(embedder.batches) == len(QUESTIONS)
    assert len(embedder.batches) < len(QUESTIONS)


def test_batches_never_exceed_max_batch(counting: tuple[Searcher, CountingEmbedder]) -> None:
    searcher, embedder = counting
    answers = ask_all(searcher, QUESTIONS, max_batch=5)
    assert all(isinstance(a, Answer) for a in answers)
    assert max(embedder.batches) <= 5
    assert sum(embedder.batches) == len(QUESTIONS)


def test_a_bad_question_does_not_fail_its_neighbours(sample_searcher: Searcher) -> None:
    questions = ["what did Peskov say?", "   ", "Where is NATO headquartered?"]
    first, empty, last = ask_all(sample_searcher, questions)
    assert isinstance(empty, EmptyQuestionError)
    assert isinstance(first, Answer) and same_answer(first, sample_searcher.answer(questions[0]))
    assert isinstance(last, Answer) and same_answer(last, sample_searcher.answer(questions[2]))


def test_a_lone_question_is_answered_without_waiting_for_company(sample_searcher: Searcher) -> None:
    (answer,) = ask_all(sample_searcher, ["Where is NATO headquartered?"])
    assert isinstance(answer, Answer) and answer.hits and "Brussels" in answer.hits[0].sentence


def test_invalid_batch_settings_are_refused(sample_searcher: Searcher) -> None:
    with pytest.raises(ValueError):
        AnswerBatcher(SearcherHolder(sample_searcher), max_batch=0)
    with pytest.raises(ValueError):
        AnswerBatcher(SearcherHolder(sample_searcher), max_wait=-1)
