"""A "how many / how much" question about someone is not answered with someone else's figure:
the best sentence, the sentence before it or its article's title must name one of the names the
question asks about (decline.py, ``gives_figure_of_another``), or write a name's initials ("the
DNC" for "the Democratic National Committee")."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from index.embedding.models import Embedder
from index.search.query import parse_query
from index.search.searcher import Searcher
from index.search.whose_figure import gives_figure_of_another, writes_initials
from index.store.lexical import Tokenizer
from tests.support import searcher_over

ARTICLES = [
    {
        "id": "trail",
        "title": "Paid speeches on the campaign trail",
        "published": "2016-01-10",
        "text": "\n\n".join(
            [
                "Mike Huckabee held a rally in Des Moines on Monday.",
                "Few people came to hear him.",
                "Ben Carson gave seven paid speeches in the autumn.",
                "He earned as much as $500,000 from each of his paid speeches.",
            ]
        ),
    },
    {
        "id": "party",
        "title": "Party money",
        "published": "2016-06-01",
        "text": "\n\n".join(
            [
                "The Democratic National Committee met in Philadelphia to plan the convention.",
                "Delegates argued about the rules for a whole day.",
                "The DNC raised $2 million in May.",
            ]
        ),
    },
]


@pytest.fixture(scope="module")
def trail(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Iterator[Searcher]:
    searcher = searcher_over(ARTICLES, tmp_path_factory.mktemp("trail"), embedder)
    yield searcher
    searcher.close()


def test_a_figure_of_someone_else_is_declined(trail: Searcher) -> None:
    # Carson's fee is the closest figure; its article names Huckabee, its sentences around it do not.
    answer = trail.answer("How much did Mike Huckabee earn from paid speeches?")
    assert answer.declined
    assert (
        answer.reason == "The best sentence's figure is not about Mike, Huckabee: neither it nor its story names them."
    )
    assert answer.nearest is not None and "$500,000" in answer.nearest.sentence  # kept for "Show nearest"


def test_a_figure_whose_sentence_before_names_them_still_answers(trail: Searcher) -> None:
    # "He earned ..." names no one; the sentence before it names Carson.
    answer = trail.answer("How much did Ben Carson earn from paid speeches?")
    assert not answer.declined, answer.reason
    assert answer.hits[0].sentence == "He earned as much as $500,000 from each of his paid speeches."


def test_initials_stand_for_the_name(trail: Searcher) -> None:
    answer = trail.answer("How much money did the Democratic National Committee raise in May?")
    assert not answer.declined, answer.reason
    assert answer.hits[0].sentence == "The DNC raised $2 million in May."


TOKENS = Tokenizer().tokens


@pytest.mark.parametrize(
    ("question", "story", "another"),
    [
        ("How many votes did Hillary Clinton receive in Delaware?", "That's five times the votes he received.", True),
        ("How many votes did Hillary Clinton receive in Delaware?", "Clinton won 60 percent in Delaware.", False),
        # One name is enough, in any form the stemmer joins.
        ("How many votes did Hillary Clinton receive in Delaware?", "Delaware's primary drew 90,000 voters.", False),
        # Demonyms, days and months are not what a figure is about.
        ("How many troops are near the Ukrainian border?", "Russia has 100,000 troops near Ukraine.", False),
        ("How many people marched on Sunday?", "About 2,000 people marched.", False),
        # Initials of a name of several words.
        ("How many Syrian refugees has the United States accepted?", "The U.S. had accepted 11,491 of them.", False),
        ("How many Syrian refugees has the United States accepted?", "Canada has accepted 25,000 of them.", True),
        # Not a question for a figure, or no name asked: not judged.
        ("When did Hillary Clinton win Delaware?", "That happened in April.", False),
        ("How many people live here?", "Some 4,000 people live in Oslo.", False),
    ],
)
def test_whose_figure_a_story_gives(question: str, story: str, another: bool) -> None:
    assert gives_figure_of_another(parse_query(question, Tokenizer()), story, TOKENS) is another


@pytest.mark.parametrize(
    ("question", "story", "written"),
    [
        ("How much did the Democratic National Committee raise?", "The DNC raised $2 million.", True),
        ("How many troops does the United Kingdom have?", "The U.K. has 150,000.", True),
        ("How many troops does the United Kingdom have?", "The UKIP leader said so.", False),
        ("How many members does the European Union have?", "us and them", False),
        ("How much did the Bank of England lend?", "The B.E. lent it.", True),
        ("How many people did Trump hire?", "TR hired none.", False),  # one word: no initials
    ],
)
def test_the_initials_of_a_name_of_several_words(question: str, story: str, written: bool) -> None:
    assert writes_initials(question, story) is written


def test_a_long_hostile_question_is_read_for_initials_quickly() -> None:
    question = "How many " + "Aa " * 50_000 + "?"
    assert not writes_initials(question, "AAAA " * 1_000)
