"""A "Who won ...?" question is not answered by a sentence that tells no result: a preview of the
contest shares its words, not its answer (index/search/results.py; decline.py)."""

from __future__ import annotations

import pytest

from index.search.results import asks_winner, tells_result
from index.search.searcher import Searcher
from tests.support import searcher_fixture

ARTICLES = [
    {
        "id": "bowl",
        "title": "Iowa in Pasadena",
        "published": "2016-01-01",
        "text": "\n\n".join(
            [
                "Iowa, the first state to caucus on Feb. 1, is set to play Stanford in the Rose Bowl later Friday.",
                "Carly Fiorina says she plans to root for Iowa.",
            ]
        ),
    },
    {
        "id": "open",
        "title": "Safin in Melbourne",
        "published": "2005-01-30",
        "text": "\n\n".join(
            [
                "Marat Safin beat Lleyton Hewitt in four sets to take the Australian Open in Melbourne on Sunday.",
                "Hewitt had hoped to be the first home champion since 1976.",
            ]
        ),
    },
]


news = searcher_fixture(ARTICLES, "results")


def test_a_preview_does_not_answer_who_won(news: Searcher) -> None:
    answer = news.answer("Who won the Rose Bowl between Iowa and Stanford?")
    assert answer.declined
    assert answer.reason == "The best sentence tells no result, which a question about who won asks for."
    assert answer.nearest is not None and "set to play Stanford" in answer.nearest.sentence  # "Show nearest"


def test_a_result_answers_who_won(news: Searcher) -> None:
    answer = news.answer("Who won the Australian Open?")
    assert not answer.declined, answer.reason
    assert answer.hits[0].sentence.startswith("Marat Safin beat Lleyton Hewitt")


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("Who won the Australian Open?", True),
        ("Which team won the Rose Bowl?", True),
        ("Who has won the most Oscars?", True),
        ("Who beat Floyd Patterson to take the title away?", True),
        ("Who will win the election?", False),  # to come: the time rule's
        ("Who said the team won?", False),
        ("What did the winner say?", False),
    ],
)
def test_asks_winner(question: str, asks: bool) -> None:
    assert asks_winner(question) is asks


@pytest.mark.parametrize(
    "sentence",
    [
        "Safin beat Hewitt in four sets.",
        "Stanford routed Iowa 45-16.",
        "Suu Kyi, a Nobel Peace Prize laureate, has been under house arrest.",
        "Clinton was elected to the Senate in 2000.",
        "Iowa lost to Stanford on Friday.",
        "She took gold in the 100 metres.",
        # an award's winner is chosen
        'Time magazine announced its selection of Greta Thunberg as its 2019 "Person of the Year".',
        "Merkel was chosen as Person of the Year in 2015.",
        # a result beside one still to come
        "Cruz won the straw poll; the results of the next one will be announced on Saturday.",
        "Kasich, who had hoped to win Michigan, won Ohio on Tuesday.",
    ],
)
def test_a_result_is_told(sentence: str) -> None:
    assert tells_result(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Iowa, the first state to caucus, is set to play Stanford in the Rose Bowl.",
        "The two teams will meet in Pasadena on Friday.",
        "",
        # A result still to come.
        "CPAC is conducting a straw poll of candidates, the results of which will be announced on Saturday.",
        "The candidate is hoping to win delegates in his neighboring state of Michigan this Tuesday.",
        "Trump is expected to win the eventual nomination.",
    ],
)
def test_no_result_is_told(sentence: str) -> None:
    assert not tells_result(sentence)
