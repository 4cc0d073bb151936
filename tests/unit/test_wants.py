"""Questions about what someone wants (index/search/wants.py and the want route of answering.py)."""

from __future__ import annotations

import pytest

from index.search.searcher import Searcher
from index.search.wants import parse_want, tells_want
from index.store.lexical import Tokenizer
from tests.support import searcher_fixture

STEM = Tokenizer().stem


@pytest.mark.parametrize(
    ("question", "who"),
    [
        ("What does Russia want?", "Russia"),
        ("what does Russia want from NATO?", "Russia"),
        ("What did the striking nurses demand?", "the striking nurses"),
        ("What is Moscow demanding?", "Moscow"),
        ("What are the farmers calling for?", "the farmers"),
        ("What is the Kremlin after?", "the Kremlin"),
        ("What are Russia's demands?", "Russia"),
        ("What were the union’s conditions?", "the union"),
        ("What will Ukraine seek at the summit?", "Ukraine"),
    ],
)
def test_questions_about_what_someone_wants_name_whom(question: str, who: str) -> None:
    want = parse_want(question, STEM)
    assert want is not None
    assert want.who == who


@pytest.mark.parametrize(
    "question",
    [
        "What did Peskov say?",
        "What does NATO stand for?",
        "Why does Russia want guarantees?",  # asks why, not what
        "What interest rate does Lael Brainard want the Fed to keep?",  # asks for a rate
        "What did François Hollande say Trump makes you want to do?",  # asks what he said
        "What do they want?",  # no one named: nothing to look for
        "",
    ],
)
def test_other_questions_are_not_about_a_want(question: str) -> None:
    assert parse_want(question, STEM) is None


RUSSIA = parse_want("What does Russia want?", STEM)


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("Russia is demanding NATO commit to ending its eastward expansion.", "Russia is demanding"),
        ("Russia has long sought legal guarantees from the West.", "Russia has long sought"),
        ("Moscow says Russia wants a written answer by Friday.", "Russia wants"),
        ("Russia, which wants guarantees, met NATO in Brussels.", "Russia which wants"),
        ("Russia's demands include a halt to NATO expansion.", "Russia's demands"),
        ("Russia called for an end to the drills near its border.", "Russia called for"),
        ("The demands made by Russia were rejected in full.", "demands made by Russia"),
    ],
)
def test_a_sentence_telling_what_they_want(sentence: str, words: str) -> None:
    assert RUSSIA is not None
    assert tells_want(sentence, RUSSIA, STEM) == words


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia says Ukraine wants to join NATO.",  # what Ukraine wants
        "Russia has called Ukraine's membership a red line.",  # "called", not "called for"
        "Russia insisted that its troops were on exercises.",  # a claim, not a demand
        "Russia's diplomats insist the talks went well.",  # what the diplomats say
        "Russia may want to rethink its approach to the talks.",  # advice
        "NATO backs Russia, asking for calm on both sides.",  # the one asking is NATO
        "That was the result Russia was seeking.",  # nothing wanted follows the verb
        "He has made demands of Russia over the troops.",  # demands made to Russia
        "NATO wants talks to continue.",  # Russia is not the one wanting
    ],
)
def test_a_sentence_that_does_not_tell_what_they_want(sentence: str) -> None:
    assert RUSSIA is not None
    assert tells_want(sentence, RUSSIA, STEM) is None


def test_a_name_the_question_adds_must_be_in_the_sentence() -> None:
    want = parse_want("What does Russia want from NATO?", STEM, [STEM("NATO")])
    assert want is not None
    assert tells_want("Russia is demanding NATO commit to ending its expansion.", want, STEM)
    assert tells_want("Russia is demanding that Kyiv withdraw its troops.", want, STEM) is None


def test_what_russia_wants_is_answered_from_the_sample_article(sample_searcher: Searcher) -> None:
    # The reranker gave "Russia is demanding ..." a probability of 0.02: this was declined.
    for question in ("What does Russia want?", "What is Russia demanding?", "What does Russia want from NATO?"):
        answer = sample_searcher.answer(question)
        assert not answer.declined, question
        assert answer.hits[0].sentence.startswith("Russia is demanding NATO commit"), question
    moscow = sample_searcher.answer("What are Moscow's demands?")
    assert not moscow.declined
    assert "to discuss Moscow’s demand for security guarantees" in moscow.hits[0].sentence


def test_a_want_no_sentence_tells_goes_to_the_ordinary_ranking(sample_searcher: Searcher) -> None:
    assert sample_searcher.answer("What does Russia want from China?").reason == "No article mentions China."
    # No sentence tells what Russia wants from Sherman: the ordinary ranking decides.
    answer = sample_searcher.answer("What does Russia want from Sherman?")
    assert "asked for or wanted" not in answer.reason


STRIKE = [
    {
        "id": f"strike-{day}",
        "title": f"Nurses strike, day {day}",
        "published": f"2024-03-0{day}",
        "text": "\n\n".join(
            [
                f"Nurses at St Olav hospital walked out for the {ordinal} day on {weekday}.",
                f"The union said {n} members joined the picket line outside the main entrance.",
                "Hospital managers said emergency care was not affected by the strike.",
                f"The union's leaders insist the strike has the support of patients, {weekday} polls show.",
                "Health minister Jonas Vik, who backs the managers, asking for calm, met both sides.",
            ]
            + (
                ["The union is demanding a 9 percent pay rise and an end to unpaid overtime."]
                if day == 3
                else ["The hospital's canteen stayed open throughout the walkout."]
            )
        ),
    }
    for day, ordinal, weekday, n in (
        (1, "first", "Monday", 400),
        (2, "second", "Tuesday", 450),
        (3, "third", "Wednesday", 500),
    )
]


strike = searcher_fixture(STRIKE, "strike")


def test_among_many_mentions_the_sentence_telling_the_demand_is_shown(strike: Searcher) -> None:
    answer = strike.answer("What does the union want?")
    assert not answer.declined
    # Only the one sentence that tells it, not the leaders' claim nor the union's count of members.
    assert [h.sentence for h in answer.hits] == [
        "The union is demanding a 9 percent pay rise and an end to unpaid overtime."
    ]
    assert answer.reason == "1 sentence(s) tell what the union asked for or wanted."
