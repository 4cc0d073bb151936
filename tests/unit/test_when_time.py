"""A "when" question is not answered by a sentence that tells no date or time (decline.py,
``lacks_asked_time``) unless it opens a dated article: that article's date tells when the news it
opens on happened, and the reply shows it. A later sentence tells what came before, and an
undated article (the BBC News set carries no dates) has no date to go by."""

from __future__ import annotations

import pytest

from index.search.query import parse_query
from index.search.searcher import Searcher
from index.search.times import lacks_asked_time
from index.store.lexical import Tokenizer
from tests.support import searcher_fixture

ARTICLES = [
    {
        "id": "rovers",
        "title": "Rovers reshape their squad",
        "text": "\n\n".join(
            [
                "Rovers signed the Danish striker Jan Olsen for two seasons.",
                "Rovers sold the defender Per Lund to a German club in March.",
            ]
        ),
    },
    {
        "id": "ellis",
        "title": "FC Ellis signs a striker",
        "published": "2023-06-01",
        "text": "\n\n".join(
            [
                "FC Ellis signed the Brazilian striker Paulo Mendes for three seasons.",
                "The club sold its goalkeeper Tom Berg to a Dutch side.",
                "The club sold its winger Ivo Kask to a Belgian side in May.",
            ]
        ),
    },
]


clubs = searcher_fixture(ARTICLES, "clubs")


def test_no_time_and_no_date_is_declined(clubs: Searcher) -> None:
    answer = clubs.answer("When did Rovers sign Jan Olsen?")
    assert answer.declined
    assert answer.reason == "The best sentence tells no date or time, which the question asks for."
    assert answer.nearest is not None and answer.nearest.sentence.startswith("Rovers signed")


def test_a_time_in_an_undated_article_answers(clubs: Searcher) -> None:
    answer = clubs.answer("When did Rovers sell Per Lund?")
    assert not answer.declined, answer.reason
    assert answer.hits[0].sentence == "Rovers sold the defender Per Lund to a German club in March."


def test_a_dated_article_may_tell_when(clubs: Searcher) -> None:
    answer = clubs.answer("When did FC Ellis sign Paulo Mendes?")
    assert not answer.declined, answer.reason
    assert answer.hits[0].sentence == "FC Ellis signed the Brazilian striker Paulo Mendes for three seasons."


def test_a_dated_article_tells_only_when_its_news_happened(clubs: Searcher) -> None:
    answer = clubs.answer("When did FC Ellis sell Tom Berg?")
    assert answer.declined
    assert answer.reason == "The best sentence tells no date or time, which the question asks for."
    assert answer.nearest is not None and answer.nearest.sentence.startswith("The club sold its goalkeeper")


def test_a_time_in_a_dated_article_answers(clubs: Searcher) -> None:
    answer = clubs.answer("When did FC Ellis sell Ivo Kask?")
    assert not answer.declined, answer.reason
    assert answer.hits[0].sentence == "The club sold its winger Ivo Kask to a Belgian side in May."


@pytest.mark.parametrize(
    ("question", "sentence", "dated_lede", "lacks"),
    [
        ("When did Rovers sign Olsen?", "Rovers signed Olsen.", False, True),
        ("When did Rovers sign Olsen?", "Rovers signed Olsen.", True, False),
        ("When did Rovers sign Olsen?", "Rovers signed Olsen last summer.", False, False),
        ("In what year did Rovers sign Olsen?", "Rovers signed Olsen in 2019.", False, False),
        ("In what year did Rovers sign Olsen?", "Rovers signed Olsen.", False, True),
        # A decade is a time.
        ("When was the railway built?", "Built in the 1980s, the railway is being extended.", False, False),
        ("When did the row begin?", "Differences became intense in the mid-1980s.", False, False),
        # Only a question asking when.
        ("Who signed Olsen?", "Rovers signed Olsen.", False, False),
    ],
)
def test_when_a_sentence_lacks_a_time(question: str, sentence: str, dated_lede: bool, lacks: bool) -> None:
    assert lacks_asked_time(parse_query(question, Tokenizer()), sentence, dated_lede) is lacks
