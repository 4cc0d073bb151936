"""A "when" question is not answered from an article that never names whom or what it asks about
(whose_figure.py, ``time_unnamed``): an obituary's wedding date does not tell when the Turpins
married, however alike the sentences read."""

from __future__ import annotations

import pytest

from index.search.query import parse_query
from index.search.searcher import Searcher
from index.search.whose_figure import time_unnamed
from index.store.lexical import Tokenizer
from tests.support import searcher_fixture

ARTICLES = [
    {
        "id": "turpin",
        "title": "Turpin parents sentenced",
        "published": "2019-04-20",
        "text": "\n\n".join(
            [
                "A judge in Riverside County sentenced David and Louise Turpin to life in prison on Friday.",
                "The Turpins had kept their thirteen children indoors for years.",
            ]
        ),
    },
    {
        "id": "jerome",
        "title": "Obituary: Jerome Levin",
        "published": "2019-05-02",
        "text": "\n\n".join(
            [
                "Jerome Levin, a New York lawyer and the father of David Levin, died on Tuesday at the age of 98.",
                "Jerome married Ruth Leff in 1967 and they remained married until her death in 2011.",
                "His son David spoke at the funeral on Thursday.",
            ]
        ),
    },
]


weddings = searcher_fixture(ARTICLES, "weddings")


def test_a_date_from_an_article_that_never_names_them_is_declined(weddings: Searcher) -> None:
    # Both articles name a David; only the sentencing names the Turpins, the name fewer sentences hold.
    answer = weddings.answer("When did David and Louise Turpin get married?")
    assert answer.declined
    assert answer.nearest is not None and "1967" in answer.nearest.sentence
    assert answer.reason == "The best sentence's article never names Louise Turpin, which the question asks about."


def test_a_date_from_an_article_naming_them_answers(weddings: Searcher) -> None:
    answer = weddings.answer("When did Jerome Levin get married?")
    assert not answer.declined, answer.reason
    assert answer.hits[0].sentence.startswith("Jerome married Ruth Leff in 1967")


TOKENS = Tokenizer().tokens


@pytest.mark.parametrize(
    ("question", "held", "unnamed"),
    [
        ("When did David and Louise Turpin get married?", set(), "Louise Turpin"),
        ("When did David and Louise Turpin get married?", {"turpin"}, None),
        # Any word of the name names it: the story may write "Jar Jar" alone.
        ("When did Jar Jar Binks first appear?", {"jar"}, None),
        ("When did Jar Jar Binks first appear?", set(), "Jar Jar Binks"),
        # An acronym is not what is asked about: a story writes "TV" as "television".
        ("When had Clinton's campaign halted its TV ads?", {"clinton"}, None),
        ("When had Clinton's campaign halted its TV ads?", set(), "Clinton"),
        # Only a question for a time is judged; figures have their own rule.
        ("How many children did David Turpin have?", set(), None),
        ("When did it rain?", set(), None),
    ],
)
def test_whether_an_article_names_whose_time_is_asked(question: str, held: set[str], unnamed: str | None) -> None:
    query = parse_query(question, Tokenizer())
    counts = {"david": 40, "clinton": 30}  # the rarest name is the one asked about most particularly
    assert time_unnamed(query, TOKENS, lambda stem: counts.get(stem, 1), held.__contains__) == unnamed
