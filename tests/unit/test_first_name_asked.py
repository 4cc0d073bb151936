""" "What did Hillary say?" (index/search/speech_answer.py, ``SpeechRoute._with_first_name``): a
first name asked alone that only matches a speaker an article names by that one word ("Hillary
said") also finds the speakers whose first name it is, when they are quoted more; a person the
articles call by one name ("Pope Francis": "Francis") keeps theirs. A courtesy title asked
("What did Mrs. Clinton say?") leaves out the speakers whose first name is of the other gender."""

from __future__ import annotations

from index.search.searcher import Searcher
from tests.support import searcher_fixture

ARTICLES = [
    {
        "id": "campaign",
        "title": "Clinton in Ohio",
        "published": "2016-09-01",
        "text": "Hillary Clinton said the plant in Ohio would reopen.\n\n"
        "Hillary Clinton said the country needed steady leadership.\n\n"
        "Hillary Clinton said she would visit again in October.",
    },
    {
        "id": "debate",
        "title": "What the debate showed",
        "published": "2016-09-27",
        "text": "Voters watched closely.\n\n''It was her best night,'' Hillary said afterwards, laughing.",
    },
    {
        "id": "foundation",
        "title": "The foundation's donors",
        "published": "2016-08-20",
        "text": "Bill Clinton said the foundation would stop taking foreign donations.",
    },
    {
        "id": "vatican",
        "title": "The pope on work",
        "published": "2016-02-18",
        "text": "Pope Francis said the flow of capital cannot decide the flow of people.\n\n"
        "Francis said work gives dignity.",
    },
    {
        "id": "history",
        "title": "The end of history",
        "published": "2016-03-01",
        "text": "The historian Francis Fukuyama said the election was a turning point.",
    },
]

news = searcher_fixture(ARTICLES, "first_name_asked")


def test_a_first_name_alone_finds_the_person_quoted_in_full(news: Searcher) -> None:
    answer = news.answer("What did Hillary say?")
    assert {h.speaker for h in answer.hits} == {"Hillary", "Hillary Clinton"}
    assert len(answer.hits) == 4


def test_a_person_called_by_one_name_keeps_their_quotes(news: Searcher) -> None:
    answer = news.answer("What did Francis say?")
    assert {h.speaker for h in answer.hits} == {"Francis"}


def test_a_courtesy_title_asked_keeps_the_people_of_its_gender(news: Searcher) -> None:
    assert {h.speaker for h in news.answer("What did Mrs. Clinton say?").hits} == {"Hillary Clinton"}
    assert {h.speaker for h in news.answer("What did Mr. Clinton say?").hits} == {"Bill Clinton"}
    assert {h.speaker for h in news.answer("What did Clinton say?").hits} == {"Bill Clinton", "Hillary Clinton"}
