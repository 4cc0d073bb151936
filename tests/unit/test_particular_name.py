"""A "how many / how much" question is not answered from an article that never names the most
particular name it asks about (decline.py, ``particular_unnamed``; naming.py,
``particular_name``): Kasich's town halls do not say how many Chris Christie held, though both
stories are about New Hampshire."""

from __future__ import annotations

import pytest

from index.search.naming import asked_names, particular_name
from index.search.query import parse_query
from index.search.searcher import Searcher
from index.search.whose_figure import particular_unnamed, spells_out
from index.store.lexical import Tokenizer
from tests.support import searcher_fixture

ARTICLES = [
    {
        "id": "kasich",
        "title": "Kasich bets on New Hampshire",
        "published": "2016-01-20",
        "text": "\n\n".join(
            [
                "John Kasich campaigned in Manchester, New Hampshire, on Monday.",
                "Kasich has held more than 100 town halls in New Hampshire since the summer.",
                "Kasich's campaign and his political action committee had $1.2 million each left by the end of March.",
            ]
        ),
    },
    {
        "id": "christie",
        "title": "Christie in Iowa",
        "published": "2016-01-21",
        "text": "\n\n".join(
            [
                "Chris Christie spoke to voters in Des Moines on Tuesday.",
                "A PAC backing Christie bought television ads in Iowa.",
            ]
        ),
    },
]


primaries = searcher_fixture(ARTICLES, "primaries")


def test_a_figure_from_an_article_that_never_names_them_is_declined(primaries: Searcher) -> None:
    # The sentence before Kasich's town halls and its title name New Hampshire, which the question
    # names too; its article never names Chris Christie, the name fewer sentences hold.
    answer = primaries.answer("How many town halls has Chris Christie held in New Hampshire?")
    assert answer.declined
    assert answer.reason == "The best sentence's article never names Chris Christie, which the question asks about."
    assert answer.nearest is not None and "100 town halls" in answer.nearest.sentence  # kept for "Show nearest"


def test_a_figure_from_an_article_naming_them_answers(primaries: Searcher) -> None:
    answer = primaries.answer("How many town halls has John Kasich held in New Hampshire?")
    assert not answer.declined, answer.reason
    assert answer.hits[0].sentence == "Kasich has held more than 100 town halls in New Hampshire since the summer."


def test_an_acronym_its_sentence_spells_out_is_named(primaries: Searcher) -> None:
    # "PAC" is rarer than "Kasich" here, and the article only spells it out.
    answer = primaries.answer("How much money was left in Kasich's campaign and PAC by the end of March?")
    assert not answer.declined, answer.reason
    assert "$1.2 million" in answer.hits[0].sentence


TOKENS = Tokenizer().tokens


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("How many town halls has Chris Christie held in New Hampshire?", ["Chris Christie", "New Hampshire"]),
        # Possessives and full stops are not part of a name; initials keep their dots.
        ("How much did Ferdinand Marcos's group pay Paul Manafort?", ["Ferdinand Marcos", "Paul Manafort"]),
        ("How much did the U.S. spend?", ["U.S."]),
        # A title, a party or a faith at a run's end qualifies it; alone it names nothing.
        ("What share of Iowa Republican caucusgoers were evangelical Christians?", ["Iowa"]),
        ("How many delegates does Trump need for the Republican nomination?", ["Trump"]),
        # Demonyms and months are not what a figure is about; nor is the question's first word.
        ("How many Ukrainian troops were there in March?", []),
        ("Which Delaware towns voted?", ["Delaware"]),
        # A "what did X say?" question names a speaker, not what a figure is about.
        ("What did Peskov say?", []),
    ],
)
def test_the_names_a_question_asks_about(question: str, names: list[str]) -> None:
    assert [n.name for n in asked_names(parse_query(question, Tokenizer()), TOKENS)] == names


def test_the_most_particular_name_is_the_one_fewest_sentences_hold() -> None:
    query = parse_query("How many town halls has Chris Christie held in New Hampshire?", Tokenizer())
    counts = {"christi": 12, "hampshir": 400}
    assert particular_name(query, TOKENS, lambda stem: counts.get(stem, 0)) == next(
        n for n in asked_names(query, TOKENS) if n.name == "Chris Christie"
    )
    counts = {"christi": 500, "hampshir": 400}
    named = particular_name(query, TOKENS, lambda stem: counts.get(stem, 0))
    assert named is not None and named.name == "New Hampshire"
    assert particular_name(parse_query("How many people came?", Tokenizer()), TOKENS, lambda _: 1) is None


@pytest.mark.parametrize(
    ("question", "held", "story", "unnamed"),
    [
        ("How many town halls has Chris Christie held?", set(), "Kasich held 100.", "Chris Christie"),
        ("How many town halls has Chris Christie held?", {"christi"}, "Kasich held 100.", None),
        # Initials the story writes, or words it spells out, name it too.
        ("How much did the Democratic National Committee raise?", set(), "The DNC raised $2 million.", None),
        ("How much did the PAC raise?", set(), "The political action committee raised $2 million.", None),
        ("How much did the PAC raise?", set(), "The committee raised $2 million.", "PAC"),
        # Only a question for a figure is judged.
        ("When did Chris Christie hold a town hall?", set(), "Kasich held one in May.", None),
    ],
)
def test_whether_an_article_names_what_a_figure_is_of(
    question: str, held: set[str], story: str, unnamed: str | None
) -> None:
    query = parse_query(question, Tokenizer())
    assert particular_unnamed(query, TOKENS, lambda _: 1, held.__contains__, story) == unnamed


@pytest.mark.parametrize(
    ("acronym", "text", "spelled"),
    [
        ("PAC", "his political action committee", True),
        ("PAC", "His Political Action Committee", True),
        ("BoE", "the Bank of England", False),  # not all capitals: not an acronym
        ("DNC", "the Democratic National Committee", True),
        ("NATO", "the North Atlantic Treaty Organization", True),
        ("PAC", "a political committee", False),
        ("P", "people", False),  # one letter is no acronym
    ],
)
def test_an_acronym_written_in_full(acronym: str, text: str, spelled: bool) -> None:
    assert spells_out(acronym, text) is spelled


def test_a_long_hostile_acronym_is_read_quickly() -> None:
    assert not spells_out("ABCDEF", "a " * 50_000)
