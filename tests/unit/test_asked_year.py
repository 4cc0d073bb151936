"""A question asking what year is not answered by a sentence that tells none (times.py,
``lacks_asked_year``; decline.py): "On Friday in Istanbul, Erdogan said ..." does not say in what
year Hagia Sophia became a museum."""

from __future__ import annotations

import pytest

from index.search.searcher import Searcher
from index.search.times import lacks_asked_year
from tests.support import searcher_fixture

MUSEUM = "In what year did Hagia Sophia become a museum?"


@pytest.mark.parametrize(
    ("question", "sentence", "lacks"),
    [
        (MUSEUM, "On Friday in Istanbul, Erdogan said the museum would become a mosque again.", True),
        (MUSEUM, "Hagia Sophia became a museum in 1934.", False),
        (MUSEUM, "It became a museum in the 1930s.", False),
        (MUSEUM, "It became a museum in '34.", False),
        (MUSEUM, "The building became a museum last year.", False),  # a year near the article's own
        ("In which years did David Duke lead the Klan?", "David Duke once led the Ku Klux Klan.", True),
        ("What year was the movie Wall Street released ?", "The film was released in <num> .", False),  # TrecQA
        # A birth or a founding happened before the article: its date cannot tell that year.
        ("When was Jim Yong Kim born?", "On Thursday, Obama nominated Jim Yong Kim for a second term.", True),
        ("When was the cathedral built?", "Twin bombings yesterday struck the cathedral.", True),
        ("When was Trump University founded?", "Trump University was started in 2004.", False),
        ("When were the Globetrotters established ?", "They began life in <num> in Chicago.", False),
        # Other questions are not judged so: a "when" question may be answered by its article's date.
        ("When was the suspect arrested?", "Police arrested him on Friday.", False),
        ("When did Hagia Sophia become a museum?", "On Friday, Erdogan spoke in Istanbul.", False),
        ("How many years did David Duke lead the Klan?", "David Duke once led the Klan.", False),
        ("Up to what yearly salary do workers get overtime?", "Workers earning less qualify.", False),
    ],
)
def test_whether_a_sentence_tells_the_asked_year(question: str, sentence: str, lacks: bool) -> None:
    assert lacks_asked_year(question, sentence) is lacks


ARTICLES = [
    {
        "id": "mosque",
        "title": "Erdogan on Hagia Sophia",
        "published": "2019-03-25",
        "text": "\n\n".join(
            [
                "On Friday in Istanbul, Erdogan said Hagia Sophia, now a museum, would become a mosque again.",
                "The building was completed in 537 as a cathedral.",
            ]
        ),
    },
    {
        "id": "chapel",
        "title": "A chapel reopens",
        "published": "2019-04-02",
        "text": "The village chapel became a museum in 1952 and reopened for services on Sunday.",
    },
    {
        "id": "bombings",
        "title": "Bombings in Mindanao",
        "published": "2019-01-28",
        "text": "Twin bombings yesterday struck the Jolo Cathedral in Mindanao, Philippines.",
    },
    {
        "id": "bridge",
        "title": "A bridge restored",
        "published": "2019-05-14",
        "text": "The old stone bridge over the Avon was built in 1873 by local masons.",
    },
]
news = searcher_fixture(ARTICLES, "asked_year")


def test_a_what_year_question_whose_best_sentence_tells_no_year_is_declined(news: Searcher) -> None:
    answer = news.answer("In what year did Hagia Sophia become a museum?")
    assert answer.declined
    assert answer.reason == "The best sentence tells no year, which the question asks for."
    assert answer.nearest is not None and "Hagia Sophia" in answer.nearest.sentence


def test_a_when_built_question_whose_best_sentence_tells_no_year_is_declined(news: Searcher) -> None:
    answer = news.answer("When was the Jolo Cathedral in Mindanao built?")
    assert answer.declined
    assert answer.reason == "The best sentence tells no year, which the question asks for."
    assert answer.nearest is not None and answer.nearest.sentence.startswith("Twin bombings yesterday")


def test_a_when_built_question_answered_with_its_year(news: Searcher) -> None:
    answer = news.answer("When was the old stone bridge over the Avon built?")
    assert not answer.declined, answer.reason
    assert "1873" in answer.hits[0].sentence


def test_a_sentence_telling_the_year_answers(news: Searcher) -> None:
    answer = news.answer("In what year did the village chapel become a museum?")
    assert not answer.declined, answer.reason
    assert "1952" in answer.hits[0].sentence
