"""A topic asked as a belief finds quotes about its believers, and the other way round: "What did
McCain say about populism?" found "No quote by John McCain is about populism" above his words on
"the Republican populist movement" ("populism" and "populist" stem apart)."""

from __future__ import annotations

from index.search.searcher import Searcher
from index.search.speech_topic import kindred_words
from tests.support import searcher_fixture

ARTICLES = [
    {
        "id": "breakfast",
        "title": "Senator speaks at a breakfast",
        "published": "2015-12-02",
        "text": "\n\n".join(
            [
                "Senator Jane Doe said the populist movement appeals to the anger of voters.",
                "Doe said the budget talks would go on until Friday.",
                "Doe said the feminist critics of the bill were right.",
            ]
        ),
    }
]

senate = searcher_fixture(ARTICLES, "kindred")


def test_a_belief_finds_quotes_about_its_believers(senate: Searcher) -> None:
    answer = senate.answer("What did Doe say about populism?")
    assert answer.note == "Jane Doe is quoted 3 times; 1 is about populism:"
    assert answer.hits[0].sentence.startswith("Senator Jane Doe said the populist movement")
    answer = senate.answer("What did Doe say about feminists?")
    assert answer.note == "Jane Doe is quoted 3 times; 1 is about feminists:"
    assert "feminist critics" in answer.hits[0].sentence


def test_the_kindred_words_of_a_belief_and_its_believers() -> None:
    assert kindred_words("populism") == ["populist", "populists"]
    assert kindred_words("Socialists") == ["socialism"]
    assert kindred_words("budget") == [] and kindred_words("list") == [] and kindred_words("prism") == []
