"""A "where" question is not answered by a sentence that tells no place (places.py,
``tells_place`` and ``lacks_asked_place``; decline.py): "Eddie Van Halen ... died Tuesday at age
65" does not say where he died."""

from __future__ import annotations

import pytest

from index.search.places import gives_place, lacks_asked_place, tells_place
from index.search.query import Tokenizers, parse_query
from index.search.searcher import Searcher
from tests.support import searcher_fixture

TOKENIZER = Tokenizers().get()


def _letters(question: str) -> frozenset[str]:
    return parse_query(question, TOKENIZER).letters


DEBATE = "Where was the second Democratic debate held?"
BUS = "Where was the bus that overturned in Babyninsky, Russia, travelling to?"


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        # A wire story's dateline tells where it was filed.
        (DEBATE, "MANCHESTER, N.H. - Four days after the Republicans debated, the Democrats met."),
        (DEBATE, "LONDON (Reuters) - The Democrats held their second debate."),
        (DEBATE, "BEIRUT — The debate went ahead."),
        # A name before "-based", with or without the space TrecQA writes.
        ("Where is the company Rohm and Haas located?", "It was bought by Rohm and Haas, a Philadelphia-based maker."),
        (
            "Where is the company Rohm and Haas located?",
            "It was bought by Rohm and Haas , a Philadelphia -based maker.",
        ),
        ("Where is the company Rohm and Haas located?", "It was bought by a Coeur d'Alene-based maker."),
        ("Where is the company Rohm and Haas located?", "It was bought by a U.S.-based maker."),
        # A place named after a part of it.
        ("Where was the first Kibbutz founded?", "It was founded on the shores of the Sea of Galilee in 1910."),
        # Where a broadcast came from.
        (
            DEBATE,
            "Sanders faces his greatest test at the second debate, which will be televised nationally from Des Moines.",
        ),
        # "to" answers a question about going somewhere.
        (BUS, "A bus carrying children from Smolensk to Kaluga on Sunday overturned."),
        (
            "Where did Hillary Clinton go instead of the emergency room?",
            "She ditched her escort and detoured to daughter Chelsea Clinton's apartment.",
        ),
        (BUS, "The bus was travelling to a hotel."),  # a venue
        # "into", and trips, visits to a place.
        ("Where did Marco Rubio hold his rally?", "Rubio rolled into Hialeah, Fla., for a rally on Wednesday."),
        ("Where is AARP's headquarters?", "He will make many trips to Washington for meetings at AARP."),
        # Where someone comes from.
        ("Where is the suspect from?", "The suspect, a native of Ohio, was arrested on Monday."),
        # Where a speech came from.
        ("Where did Sanders give his victory speech?", "In a victory speech from Wyoming, Sanders claimed momentum."),
        # Where something was going.
        ("Where was the plane flying to?", "Officials said the plane was flying to Gillespie Field airport."),
        ("Where was the flight headed?", "The flight, bound for Pangkal Pinang, crashed soon after take-off."),
    ],
)
def test_more_ways_of_telling_a_place(question: str, sentence: str) -> None:
    letters = _letters(question)
    assert not gives_place(sentence, letters), "the feature reranker's reading is left as it was fitted"
    assert tells_place(sentence, letters, question)


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        # The dateline's place is the question's own.
        ("Where in Manchester did the Democrats debate?", "MANCHESTER, N.H. - The Democrats debated on Saturday."),
        # A dateline of a date only, not a place.
        (DEBATE, "Aug 27 (Reuters) - The Democrats held their second debate."),
        # "to" says where something went only for a question about going somewhere.
        ("Where did Kasich end his campaign?", "Kasich handed his delegates to Cruz."),
        (BUS, "The bus was travelling to the south when it overturned in Babyninsky, Russia."),
        (
            "Where did guitarist Eddie Van Halen die?",
            "Eddie Van Halen, lead guitarist of US rock band Van Halen, died at age 65.",
        ),
        (DEBATE, "The second debate was televised by CNN."),
        ("Where did he live?", "He lived on the edge of poverty."),
        # "with" tells whom with, not where.
        ("Where did Adelson and Trump meet?", "Adelson met Trump and said in an interview with Reuters he liked him."),
        # A place in someone's words is not where what the sentence tells happened.
        (
            "Where did Carly Fiorina show up to endorse Ted Cruz?",
            "Fiorina backed Cruz Wednesday, saying it is time to have a “real conservative in the White House.”",
        ),
        ("Where did the senator speak?", 'The senator said "we will win in Ohio" and left.'),
        # A venue the question gives already is no place told.
        (
            "Where was Sudesh Amman imprisoned before his release?",
            "Sudesh Amman was placed under police surveillance after being released from prison a week ago.",
        ),
        ("Where was the senator hospitalised?", "The senator is still in hospitals, his office said."),
        # Where something was going is told after "to", not where it left or came down.
        (
            "Where was the plane that crashed near Henderson Executive Airport flying to?",
            "A plane in Nevada crashed following departure from Henderson Executive Airport, near Las Vegas.",
        ),
        ("Where was the flight headed?", "The flight crashed in the Java Sea after leaving Jakarta."),
        # Where someone is now is not where they come from.
        (
            "Where is Hamid Salami's family from?",
            "Hamid Salami and his family took the stage at the Clarkston Community Center.",
        ),
    ],
)
def test_no_place_told(question: str, sentence: str) -> None:
    assert not tells_place(sentence, _letters(question), question)


def test_a_place_outside_the_quotes_is_told() -> None:
    question = "Where did Obama say his name may not be on the ballot?"
    sentence = '"My name may not be on the ballot," Mr. Obama said on Saturday night at the Foundation gala.'
    assert tells_place(sentence, _letters(question), question)
    quoted = "Where did Fiorina endorse Cruz?"
    in_the_quote = "Fiorina backed Cruz, saying he belongs “in the White House.”"
    assert not tells_place(in_the_quote, _letters(quoted), quoted)
    assert gives_place(in_the_quote, _letters(quoted)), "the feature reranker's reading is left as it was fitted"


def test_a_venue_the_question_gives_is_no_place_for_declining_only() -> None:
    question = "Where was Sudesh Amman imprisoned?"
    bare = "Amman was released from prison a week ago."
    assert gives_place(bare, _letters(question)), "the feature reranker's reading is left as it was fitted"
    assert not tells_place(bare, _letters(question), question)
    assert tells_place("Amman was released from prison in Whitemoor a week ago.", _letters(question), question)
    # Another venue is a place told.
    assert tells_place("Amman was released from a hotel a week ago.", _letters(question), question)


def test_with_ends_the_phrase_for_declining_only() -> None:
    question = "Where did Adelson and Trump meet?"
    with_reuters = "Adelson met Trump and said in an interview with Reuters he liked him."
    assert not tells_place(with_reuters, _letters(question), question)
    assert gives_place(with_reuters, _letters(question)), "the feature reranker's reading is left as it was fitted"
    in_vegas = "Adelson met Trump, he said in an interview with Reuters in Las Vegas."
    assert tells_place(in_vegas, _letters(question), question)


@pytest.mark.parametrize(
    ("question", "lacks"),
    [
        ("Where did guitarist Eddie Van Halen die?", True),
        ("hi, where did Eddie Van Halen die?", True),  # an opener is looked past
        # A place asked by "which" is a name anywhere in the sentence, no preposition needed.
        ("Which country did Eddie Van Halen die in?", False),
        ("When did guitarist Eddie Van Halen die?", False),
        ("How old was Eddie Van Halen when he died?", False),
    ],
)
def test_only_a_where_question_asks_for_a_place(question: str, lacks: bool) -> None:
    sentence = "Eddie Van Halen, lead guitarist of US rock band Van Halen, died Tuesday at age 65."
    assert lacks_asked_place(parse_query(question, TOKENIZER), sentence) is lacks


ARTICLES = [
    {
        "id": "guitarist",
        "title": "Guitarist dies",
        "published": "2020-10-07",
        "text": "\n\n".join(
            [
                "Eddie Van Halen, lead guitarist of the rock band Van Halen, died on Tuesday at age 65.",
                "His son Wolfgang announced the death, saying his father had fought cancer for a long time.",
                "Van Halen was known for his two-handed tapping technique.",
            ]
        ),
    },
    {
        "id": "debate",
        "title": "Democrats debate",
        "published": "2016-02-11",
        "text": "\n\n".join(
            [
                "MILWAUKEE, Wis. - Hillary Clinton and Bernie Sanders met for their sixth debate on Thursday night.",
                "Sanders pressed Clinton on her speaking fees from Wall Street banks.",
            ]
        ),
    },
]
news = searcher_fixture(ARTICLES, "asked_place")


def test_a_where_question_whose_best_sentence_tells_no_place_is_declined(news: Searcher) -> None:
    answer = news.answer("Where did guitarist Eddie Van Halen die?")
    assert answer.declined
    assert answer.reason == "The best sentence tells no place, which a question asking where asks for."
    assert answer.nearest is not None and "Van Halen" in answer.nearest.sentence


def test_a_where_question_answered_by_a_dateline_is_answered(news: Searcher) -> None:
    answer = news.answer("Where did Hillary Clinton and Bernie Sanders hold their sixth debate?")
    assert not answer.declined, answer.reason
    assert answer.hits[0].sentence.startswith("MILWAUKEE, Wis.")


def test_other_questions_about_the_same_sentence_are_answered(news: Searcher) -> None:
    answer = news.answer("How old was Eddie Van Halen when he died?")
    assert not answer.declined, answer.reason
    assert "age 65" in answer.hits[0].sentence
