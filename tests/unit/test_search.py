"""Searching the real sample index with the real bundled model."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest

import index.search.speech_answer as speech_answer
from index.embedding.models import Embedder
from index.errors import EmptyQuestionError, IndexLoadError
from index.search.searcher import Searcher
from index.search.speakers import SpeakerIndex


def test_peskov_question_returns_a_peskov_sentence_first(sample_searcher: Searcher) -> None:
    hits = sample_searcher.search("what did Peskov say?", k=5)
    assert "Peskov" in hits[0].sentence
    answer = sample_searcher.answer("what did Peskov say?")
    assert not answer.declined
    assert "Peskov" in answer.hits[0].sentence


def test_hits_carry_sentence_score_title_and_position(sample_searcher: Searcher) -> None:
    hit = sample_searcher.search("Where is NATO headquartered?", k=3)[0]
    assert "Brussels" in hit.sentence
    assert hit.title == "U.S. Says NATO Allies ‘United’ Ahead Of Talks With Russia"
    assert hit.article_id == "nato-russia-talks"
    assert hit.score > 0.0  # the ranking score: cosine plus the lexical and answer-shape bonuses
    text = sample_searcher.article_text(hit.article_id)
    assert text is not None and text[hit.start : hit.end] == hit.sentence
    assert hit.position >= 0 and hit.paragraph >= 0


def test_scores_come_best_first_and_sentences_are_unique(sample_searcher: Searcher) -> None:
    hits = sample_searcher.search("NATO talks with Russia", k=10)
    assert len(hits) == 10
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert len({h.sentence for h in hits}) == 10


@pytest.mark.parametrize("question", ["", "   ", "\n\t "])
def test_empty_questions_are_rejected_not_searched(sample_searcher: Searcher, question: str) -> None:
    with pytest.raises(EmptyQuestionError, match="empty"):
        sample_searcher.search(question)


def test_searching_several_questions_at_once_matches_one_by_one(sample_searcher: Searcher) -> None:
    questions = ["what did Peskov say?", "How many troops are near the Ukrainian border?"]
    together = sample_searcher.search_many(questions, k=3)
    alone = [sample_searcher.search(q, k=3) for q in questions]
    assert [[h.sentence for h in hits] for hits in together] == [[h.sentence for h in hits] for hits in alone]


def test_opening_with_another_model_is_refused_before_loading_it(sample_index) -> None:
    with pytest.raises(IndexLoadError, match="built with the model"):
        Searcher.open(sample_index, model="some-other/model")


def test_an_index_opened_by_a_string_path_answers_speech_questions_without_a_warm_up(
    sample_index: Path, embedder: Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[int] = []

    class CountedSpeakerIndex(SpeakerIndex):
        def __init__(self, speakers: Iterable[str]) -> None:
            super().__init__(speakers)
            built.append(len(self))

    monkeypatch.setattr(speech_answer, "SpeakerIndex", CountedSpeakerIndex)
    searcher = Searcher.open(str(sample_index), embedder=embedder)
    try:
        assert len(built) == 1 and built[0] > 0  # every speaker matched at open, not on a question
        answer = searcher.answer("What did peskow say about the deadline?")
        assert answer.hits and all(h.speaker == "Dmitry Peskov" for h in answer.hits)
        assert searcher.answer("Peskov").hits[0].speaker == "Dmitry Peskov"
        assert len(built) == 1
    finally:
        searcher.close()
