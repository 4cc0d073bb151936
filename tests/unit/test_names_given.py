""" "What is X called?" (index/search/names_given.py): the sentence of the story that says what it
is called is among those the reranker reads, and comes before a first sentence that only tells
the story; pure cases, and a real index read by the shipped reranker."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.embedding.models import Embedder
from index.rerank.model import AnyReranker
from index.search.names_given import asks_what_called, gives_a_name, name_first, name_in_head
from index.search.query import Tokenizers, parse_query
from index.search.searcher import AnswerPolicy, Searcher
from index.types import Hit
from tests.support import searcher_fixture, searcher_over

TOKENIZER = Tokenizers().get()
CALLED = parse_query("What is the Bergen researchers' hull paint called?", TOKENIZER)


@pytest.mark.parametrize(
    "question",
    [
        "What is the Bergen researchers' hull paint called?",
        "What is the name of Smith's new book?",
        "What was the title of the editorial the campaign reprinted?",
        "what's the name of the boat",
        "What was the mannequin nicknamed?",
        "What is the plane often referred to as?",
    ],
)
def test_a_question_asking_what_something_is_called(question: str) -> None:
    assert asks_what_called(question)


@pytest.mark.parametrize(
    "question",
    [
        "What is the name of the man arrested for the bombing?",  # a person, by what he is: persons.py
        "Which judge refused the request?",
        "What did the senator call for?",
        "Who named the new ship?",
        "What is the paint made of?",
    ],
)
def test_other_questions_ask_for_no_name(question: str) -> None:
    assert not asks_what_called(question)


@pytest.mark.parametrize(
    "sentence",
    [
        "The hull paint, called a self-polishing silicone layer (SPSL), is sprayed on in two coats.",
        'The ad, titled "Unifier?", concludes that he is too reckless to be president.',
        "The video is called No Respite.",
        "His jet, often referred to as Force One, has a gold-plated bathroom.",
        "The ferry carried a mannequin nicknamed “Ripley” for the trip.",
        "It ran an ad in Ohio on Saturday titled, “Scam.”",
    ],
)
def test_a_sentence_that_says_what_something_is_called(sentence: str) -> None:
    assert gives_a_name(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Trump called Clinton a liar on Monday.",
        "He called it a disgrace.",
        "The senator called for an inquiry into the sale.",
        "The union has called the offer an insult.",
        "She repeatedly called the reporters dishonest.",
        "The ship was named after the first woman to sail around the world.",
        "The paint keeps barnacles off the hulls of ships.",
    ],
)
def test_a_sentence_that_calls_nothing_by_a_name(sentence: str) -> None:
    assert not gives_a_name(sentence)


LEDE = "Researchers in Bergen reported a new hull paint that keeps barnacles off ships."
NAMED = "The hull paint, called a self-polishing silicone layer (SPSL), is sprayed on in two coats."
OTHER = "Barnacles cost shipping firms billions in fuel."


def _hit(sentence: str, score: float, row: int, article: str = "bergen") -> Hit:
    return Hit(sentence, score, article, "Hull paint", None, None, 0, row, 0, len(sentence), row)


def test_a_sentence_of_the_story_giving_the_name_is_read_by_the_reranker() -> None:
    hits = [_hit(LEDE, 1.5, 1), _hit(OTHER, 1.4, 2), _hit(OTHER, 1.3, 3), _hit(NAMED, 1.2, 4), _hit(OTHER, 1.1, 5)]
    assert [h.row for h in name_in_head(CALLED, hits, 2)] == [1, 4, 2, 3, 5]


@pytest.mark.parametrize(
    ("hits", "why"),
    [
        ([_hit(LEDE, 1.5, 1), _hit(NAMED, 1.4, 2), _hit(OTHER, 1.3, 3), _hit(OTHER, 1.2, 4)], "the head gives it"),
        (
            [_hit(LEDE, 1.5, 1), _hit(OTHER, 1.4, 2), _hit(OTHER, 1.3, 3), _hit(NAMED, 1.2, 4, "other")],
            "another story's",
        ),
        ([_hit(LEDE, 1.5, 1), _hit(OTHER, 1.4, 2)], "no hit after the head"),
    ],
)
def test_the_head_stands_otherwise(hits: list[Hit], why: str) -> None:
    assert name_in_head(CALLED, hits, 2) == hits, why


def test_the_reranked_sentence_giving_the_name_comes_first_with_the_story_s_score() -> None:
    hits = [_hit(LEDE, 0.6, 1), _hit(OTHER, 0.2, 2), _hit(NAMED, 0.01, 3), _hit(OTHER, 1.1, 4)]
    ordered = name_first(CALLED, hits, 3)
    assert [(h.row, h.score) for h in ordered] == [(3, 0.6), (1, 0.6), (2, 0.2), (4, 1.1)]


@pytest.mark.parametrize(
    ("hits", "why"),
    [
        ([_hit(NAMED, 0.6, 3), _hit(LEDE, 0.5, 1)], "the first gives it"),
        ([_hit(LEDE, 0.6, 1), _hit(NAMED, 0.5, 3, "other")], "another story's"),
        ([_hit(LEDE, 0.6, 1), _hit(OTHER, 0.5, 2), _hit(NAMED, 1.2, 3)], "not read by the reranker"),
        ([], "nothing to order"),
    ],
)
def test_the_reranked_order_stands_otherwise(hits: list[Hit], why: str) -> None:
    assert name_first(CALLED, hits, 2) == hits, why


def test_only_a_question_asking_what_it_is_called_is_reordered() -> None:
    hits = [_hit(LEDE, 0.6, 1), _hit(NAMED, 0.01, 3)]
    for question in ("What did the Bergen researchers report?", "What is the name of the man who made the paint?"):
        query = parse_query(question, TOKENIZER)
        assert name_first(query, hits, 2) == hits, question
        assert name_in_head(query, [*hits, _hit(OTHER, 0.1, 4)], 1) == [*hits, _hit(OTHER, 0.1, 4)], question


STORY = [
    "Researchers at the University of Bergen reported on Tuesday a new paint for ship hulls that keeps "
    "barnacles and algae off the hulls of ferries and cargo ships for years.",
    "Barnacles on a ship's hull slow it down and cost shipping companies billions of dollars a year in fuel.",
    "Co-author Ingrid Dahl said the team tested the paint on three ferries between Bergen and Stavanger for a year.",
    "Paints that keep barnacles off ship hulls have long relied on copper, which harms fish and shellfish.",
    "Dahl said the new paint lasts three times as long as copper paints on a ship's hull.",
    "The invention, called a self-polishing silicone layer (SPSL), is sprayed on in two coats.",
    "Norwegian shipping companies are expected to test the hull paint next year.",
]
ARTICLES = [
    {"id": "bergen", "title": "Scientists make a paint that keeps ships clean", "text": "\n\n".join(STORY)},
    {
        "id": "harbour",
        "title": "Bergen harbour reopens",
        "text": "The harbour of Bergen reopened on Tuesday after repairs.\n\nFerries to Stavanger run again.",
    },
]

news = searcher_fixture(ARTICLES, "names_given")


def test_the_bot_answers_what_the_paint_is_called_with_the_sentence_that_calls_it_so(news) -> None:
    answer = news.answer("What is the Bergen researchers' new ship hull paint called?")
    assert not answer.declined, answer.reason
    assert answer.hits[0].sentence == STORY[5]


def test_not_reordering_keeps_the_ranking_s_order(tmp_path: Path, embedder: Embedder, reranker: AnyReranker) -> None:
    # scripts/evaluate.py --rerank-reorder off: the reranker scores the ranking's hits in its order.
    searcher_over(ARTICLES, tmp_path, embedder).close()
    question = "What is the Bergen researchers' new ship hull paint called?"
    ranking = Searcher.open(tmp_path / "index", embedder=embedder, policy=AnswerPolicy(rerank=False))
    kept = Searcher.open(
        tmp_path / "index", embedder=embedder, policy=AnswerPolicy(rerank_reorder=False), reranker=reranker
    )
    try:
        assert [h.row for h in kept.answer(question).ranked] == [h.row for h in ranking.answer(question).ranked]
    finally:
        ranking.close()
        kept.close()
