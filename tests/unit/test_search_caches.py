"""What a searcher remembers between questions (rows, articles, text tests) never changes an answer."""

from __future__ import annotations

from pathlib import Path

import pytest

import index.search.searcher as search_module
from index.embedding.models import Embedder
from index.search.searcher import Searcher

QUESTIONS = [
    "what did Peskov say?",
    "Where is NATO headquartered?",
    "How many troops are near the Ukrainian border?",
    "When is the OSCE meeting?",
    "Who leads the Russian delegation?",
    "Why did the talks fail?",
    "What did Julianne Smith say about the allies?",
    "Will Russia invade Ukraine?",
]


@pytest.mark.parametrize("cache_size", [3, 50_000])
def test_a_warmed_searcher_answers_exactly_like_a_fresh_one(
    sample_index: Path, embedder: Embedder, monkeypatch: pytest.MonkeyPatch, cache_size: int
) -> None:
    monkeypatch.setattr(search_module, "ROW_CACHE", cache_size)  # 3: the caches fill and start afresh
    warmed = Searcher.open(sample_index, embedder=embedder)
    try:
        for _ in range(2):
            for question in reversed(QUESTIONS):
                warmed.answer(question)
        for question in QUESTIONS:
            fresh = Searcher.open(sample_index, embedder=embedder)
            try:
                assert warmed.answer(question) == fresh.answer(question)
            finally:
                fresh.close()
    finally:
        warmed.close()
