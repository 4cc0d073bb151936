"""A "When will / is ...?" question is not answered by a sentence that tells no date or time: what
is still to come has no answer in the article's own date (decline.py, ``lacks_time_ahead``;
times.py)."""

from __future__ import annotations

import pytest

from index.search.query import parse_query
from index.search.searcher import Searcher
from index.search.times import (
    asks_time_ahead,
    lacks_figure_ahead,
    lacks_time_ahead,
    lacks_when_ahead,
    lacks_who_ahead,
    tells_time,
)
from index.store.lexical import Tokenizer
from tests.support import searcher_fixture

ARTICLES = [
    {
        "id": "senate",
        "title": "Senators push Iran sanctions bill",
        "published": "2015-01-14",
        "text": "\n\n".join(
            [
                "Senator Bob Corker wants Congress to review any nuclear deal with Iran.",
                "His sanctions bill would let Congress block the lifting of sanctions.",
                "The bill was introduced by Corker and Menendez in December.",
                "Senator Bob Menendez has an admirer in Senator Bob Corker.",
            ]
        ),
    },
    {
        "id": "stadium",
        "title": "New stadium for the city",
        "published": "2015-03-02",
        "text": "\n\n".join(
            [
                "The city council approved the new stadium on Monday.",
                "The stadium will open in August 2017, the mayor said.",
                "The old stadium cost the city $40 million in 1975.",
                "The new stadium will cost $300 million, the council estimates.",
            ]
        ),
    },
]


news = searcher_fixture(ARTICLES, "ahead")


def test_a_question_about_what_is_to_come_is_declined_without_a_time(news: Searcher) -> None:
    answer = news.answer("When will the Senate vote on Corker's Iran sanctions bill?")
    assert answer.declined
    assert answer.reason == "The best sentence tells no date or time, which a question about what is to come asks for."
    assert answer.nearest is not None and "sanctions bill" in answer.nearest.sentence  # kept for "Show nearest"


def test_a_time_to_come_answers(news: Searcher) -> None:
    answer = news.answer("When will the new stadium open?")
    assert not answer.declined, answer.reason
    assert answer.hits[0].sentence == "The stadium will open in August 2017, the mayor said."


def test_a_when_will_question_is_not_answered_by_a_day_that_has_passed(news: Searcher) -> None:
    answer = news.answer("When will the city council approve the old stadium's demolition?")
    assert answer.declined
    assert answer.reason == "The best sentence tells nothing still to come, and the question asks when it will be."
    assert answer.nearest is not None and answer.nearest.sentence.startswith("The city council approved")


def test_a_who_will_question_is_not_answered_by_what_is(news: Searcher) -> None:
    answer = news.answer("Who will succeed Senator Bob Menendez?")
    assert answer.declined
    assert answer.reason == "The best sentence tells nothing still to come, and the question asks who will."
    asked_who_did = news.answer("Who introduced the sanctions bill?")
    assert not asked_who_did.declined, asked_who_did.reason
    assert asked_who_did.hits[0].sentence == "The bill was introduced by Corker and Menendez in December."


def test_a_figure_still_to_come_needs_a_sentence_about_what_is_to_come(news: Searcher) -> None:
    spent = news.answer("How much money did the old stadium cost the city?")
    assert not spent.declined, spent.reason
    assert spent.hits[0].sentence == "The old stadium cost the city $40 million in 1975."
    # What the old one cost is no answer to what it will cost.
    again = news.answer("How much will the old stadium cost the city?")
    assert again.declined
    assert again.reason == "The best sentence tells nothing still to come, and the question asks a figure that is."
    assert again.nearest is not None and again.nearest.sentence.startswith("The old stadium cost")
    ahead = news.answer("How much will the city pay for the new stadium?")
    assert not ahead.declined, ahead.reason
    assert ahead.hits[0].sentence == "The new stadium will cost $300 million, the council estimates."


@pytest.mark.parametrize(
    ("question", "ahead"),
    [
        ("When will the Senate vote?", True),
        ("When is the OSCE meeting?", True),
        ("when's the vote?", True),
        ("When does the school year start?", True),
        ("When did the Senate vote?", False),  # the past: the article's date may answer
        ("When was the stadium approved?", False),
        ("Whenever is fine?", False),
    ],
)
def test_which_questions_ask_ahead(question: str, ahead: bool) -> None:
    assert asks_time_ahead(question) is ahead


@pytest.mark.parametrize(
    "sentence",
    [
        "The vote is set for next week.",
        "Polls close at 8 p.m.",
        "The meeting is on May 5.",
        "It meets on Thursday in Vienna.",
        "He will decide later this year.",
        "A ruling is expected within two months.",
        "The stadium opens in the spring.",
        "He will resign after the general election.",
        "Elections are held every four years.",
        "The plan would raise the wage to $15 by 2022.",
    ],
)
def test_times_told(sentence: str) -> None:
    assert tells_time(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The Senate may vote on the bill.",  # "may" the verb, not the month
        "His sanctions bill would let Congress block the lifting of sanctions.",
        "The company said it would close the casino.",
    ],
)
def test_no_time_told(sentence: str) -> None:
    assert not tells_time(sentence)


def test_only_a_when_question_about_what_is_to_come_is_judged() -> None:
    tokenizer = Tokenizer()
    untimed = "His sanctions bill would let Congress block the lifting of sanctions."
    assert lacks_time_ahead(parse_query("When will the Senate vote on the bill?", tokenizer), untimed)
    assert not lacks_time_ahead(parse_query("When did the Senate vote on the bill?", tokenizer), untimed)
    assert not lacks_time_ahead(parse_query("What will the Senate vote on?", tokenizer), untimed)


@pytest.mark.parametrize(
    ("question", "sentence", "lacks"),
    [
        (
            "How many Syrian refugees will the United States accept next year?",
            "The U.S. had accepted 11,491 Syrian refugees by Aug. 29.",
            True,
        ),
        ("How much money will Wells Fargo refund?", "Wells Fargo was fined $185 million.", True),
        # A future, a plan, a forecast or a promise may tell it.
        ("How many refugees will the program admit?", "The program will admit 4,000 refugees.", False),
        ("How many jobs will the plant create?", "The plant, due to open in 2018, is to employ 500.", False),
        ("How much will the city spend?", "The city plans to spend $2 million.", False),
        ("How much will the city spend?", "The council expects to spend $2 million.", False),
        ("How many debates will there be?", "Three debates are scheduled for the fall.", False),
        # "How much is X expected / set to ...?" asks the same.
        ("How much is the city expected to spend?", "The city spent $2 million last year.", True),
        ("How many refugees is the U.S. set to admit?", "The U.S. plans to admit 10,000.", False),
        # Not a figure still to come: "will" in a clause after the verb, or no "will".
        ("What share of whites agree they will be more successful?", "Thirty percent agree.", False),
        ("How many refugees did the United States accept?", "The U.S. had accepted 11,491.", False),
    ],
)
def test_a_figure_still_to_come(question: str, sentence: str, lacks: bool) -> None:
    assert lacks_figure_ahead(question, sentence) is lacks


@pytest.mark.parametrize(
    ("question", "sentence", "lacks"),
    [
        (
            "When will John Stumpf step down as Wells Fargo CEO?",
            "Sen. Elizabeth Warren grilled Wells Fargo CEO John Stumpf on Tuesday.",
            True,
        ),
        ("When would the special air?", "The special aired on Tuesday.", True),
        # "When is X due to ...?" asks what is to come as well.
        (
            "When is Kyle Rittenhouse's trial due to begin?",
            "Kyle Rittenhouse was released from a Wisconsin jail Friday after his lawyers posted bond.",
            True,
        ),
        ("When are the talks set to resume?", "The talks ended in Geneva on Monday.", True),
        # "When is the next X?" asks what is to come too.
        (
            "When is the next Three Amigos summit?",
            "Donald Trump was not at the Three Amigos summit on Wednesday, but his presence hung over it.",
            True,
        ),
        ("When is the next Three Amigos summit?", "The next summit will be held in Mexico in 2017.", False),
        ("When is the trial scheduled to start?", "The trial is due to start on November 1.", False),
        ("When is the verdict expected to come?", "A verdict is expected next week.", False),
        # A future, a plan or a schedule may tell it.
        ("When will the new stadium open?", "The stadium will open in August 2017.", False),
        ("When will the vote take place?", "The vote is scheduled for March 3.", False),
        # A sentence in the present may tell what is to come.
        (
            "When will the NATO-Russia Council meet?",
            "The NATO-Russia Council meeting on January 12 follows bilateral talks in Geneva on January 10.",
            False,
        ),
        # Not "When will ...": a schedule in the present answers "When does ...?", a past "When did ...?".
        ("When does the board meet?", "Approval is a foregone conclusion when the board meets June 16.", False),
        ("When did Stumpf step down?", "Stumpf stepped down on Tuesday.", False),
        ("When was the trial due to begin?", "The trial was delayed in March.", False),
    ],
)
def test_a_when_will_question_wants_something_still_to_come(question: str, sentence: str, lacks: bool) -> None:
    assert lacks_when_ahead(question, sentence) is lacks


def test_the_sample_articles_meeting_to_come_is_answered(sample_searcher: Searcher) -> None:
    # Told in the present, with its date: what is to come, though no "will" says so.
    answer = sample_searcher.answer("When will the NATO-Russia Council meet?")
    assert not answer.declined, answer.reason
    assert "January 12" in answer.hits[0].sentence


@pytest.mark.parametrize(
    ("question", "sentence", "lacks"),
    [
        (
            "Who will succeed Peter Westmacott as Britain's ambassador in Washington?",
            "President Barack Obama has an admirer in British diplomat Sir Peter Westmacott.",
            True,
        ),
        ("Who will moderate the second debate?", "Anderson Cooper moderated the first debate.", True),
        # A future, a plan or a schedule tells who will, and so does a choice made.
        ("Who will moderate the second debate?", "Cooper and Raddatz are scheduled to co-moderate it.", False),
        ("Who will moderate the second debate?", "Martha Raddatz will moderate it.", False),
        ("Who will succeed Westmacott?", "Kim Darroch was named to succeed Westmacott.", False),
        # "Who is expected / set to ...?" asks the same.
        ("Who is expected to moderate the debate?", "Anderson Cooper moderated the first debate.", True),
        ("Who is set to moderate the debate?", "Martha Raddatz will moderate it.", False),
        # Not "Who will ...?": who did, or who is.
        ("Who moderated the first debate?", "Anderson Cooper moderated the first debate.", False),
        ("Who is the ambassador?", "Sir Peter Westmacott is an admirer of Obama.", False),
    ],
)
def test_a_who_will_question_wants_someone_still_to_act(question: str, sentence: str, lacks: bool) -> None:
    assert lacks_who_ahead(question, sentence) is lacks
