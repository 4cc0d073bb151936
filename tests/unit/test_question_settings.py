"""A setting the question names ("in Geneva") that a sentence leaves to the story around it
(index/search/rerank_features.py ``settings_in`` and ``without_settings``, read by
feature_rerank.py): pure cases, and a real index read by the shipped reranker."""

from __future__ import annotations

import pytest

from index.search.query import Tokenizers
from index.search.rerank_features import Setting, settings_in, without_settings
from tests.support import searcher_fixture

STEMS = Tokenizers().get().tokens


def _read(question: str, sentence: str, story: str) -> str:
    """``question`` as the cross-encoder reads it against ``sentence`` told after ``story``."""
    return without_settings(question, settings_in(question), frozenset(STEMS(sentence)), story, STEMS)


@pytest.mark.parametrize(
    ("question", "settings"),
    [
        ("Who did Sherman talk to in Geneva?", [Setting(" in Geneva", "Geneva")]),
        (
            "How many arrests were made at the Republican convention?",
            [Setting(" at the Republican convention", "the Republican convention")],
        ),
        # a larger place after a comma belongs to it
        (
            "Who hit the motorcyclists in Randolph, New Hampshire?",
            [Setting(" in Randolph, New Hampshire", "Randolph New Hampshire")],
        ),
        # "U.S." is one word; the setting ends before the next preposition
        (
            "How many troops are in the U.S. Army in Europe?",
            [Setting(" in the U.S. Army", "the U.S. Army"), Setting(" in Europe", "Europe")],
        ),
        # a time, a common noun, or a name cut short by a comma is no setting
        ("What did Putin say in March?", []),
        ("What happened in the morning?", []),
        ("When was the parking structure at Stavanger Airport, Sola built?", []),
        ("In which years was he a speaker?", []),
    ],
)
def test_a_setting_is_a_named_phrase_after_in_at_or_during(question: str, settings: list[Setting]) -> None:
    assert settings_in(question) == settings


BEFORE = "The NATO-Russia Council meeting follows bilateral talks between the United States and Russia in Geneva."
TALKS = "Sherman briefed officials about her conversations with Deputy Foreign Minister Sergei Ryabkov."


def test_the_question_drops_a_setting_the_sentence_leaves_to_the_sentence_before() -> None:
    assert _read("Who did Sherman talk to in Geneva?", TALKS, BEFORE) == "Who did Sherman talk to?"
    # or to its article's title
    assert (
        _read(
            "How many were aboard the plane that crashed at Calicut?",
            "There were 190 people on board.",
            " Plane crashes at Calicut",
        )
        == "How many were aboard the plane that crashed?"
    )
    # what comes before a setting at the question's start is left as it is read
    assert _read("At the Geneva talks, who did Sherman meet?", TALKS, BEFORE) == "who did Sherman meet?"


@pytest.mark.parametrize(
    ("sentence", "story"),
    [
        ("Sherman met Ryabkov in Geneva.", BEFORE),  # the sentence writes it: read as asked
        (TALKS, "Sherman flew to Brussels on Monday."),  # nothing around it says Geneva
        (TALKS, ""),  # an article's first sentence under no title
    ],
)
def test_the_question_keeps_a_setting_the_story_does_not_give(sentence: str, story: str) -> None:
    assert _read("Who did Sherman talk to in Geneva?", sentence, story) == "Who did Sherman talk to in Geneva?"


def test_a_setting_told_only_in_part_is_kept() -> None:
    question = "How many troops are stationed in Poland and Romania?"
    assert _read(question, "About 4,000 troops are stationed there.", "NATO has troops in Poland.") == question
    assert (
        _read(question, "About 4,000 troops are stationed there.", "NATO has troops in Poland and Romania.")
        == "How many troops are stationed?"
    )


TALKS_LEDE = "Trade ministers of Norway and Canada met in Oslo on Monday for two days of talks on fishing."
CONVERSATION = (
    "Canadian Trade Minister Mary Ng, who led those talks, briefed reporters about her conversations with "
    "Norwegian Fisheries Minister Bjornar Skjaeran during six hours of meetings she called frank."
)
AFTER = "Skjaeran commented after the Oslo talks that he had assured Ng that quotas for cod would not change."
ARTICLES = [
    {
        "id": "oslo",
        "title": "Norway and Canada hold fishing talks",
        "published": "2023-05-08",
        "text": "\n\n".join(
            [
                TALKS_LEDE,
                CONVERSATION,
                "Fishing boats from both countries share the waters off Svalbard.",
                AFTER,
                "The ministers will meet again in Ottawa in the autumn.",
            ]
        ),
    },
    {
        "id": "harbour",
        "title": "Oslo harbour reopens",
        "published": "2023-05-02",
        "text": "The harbour of Oslo reopened on Tuesday after a week of repairs.\n\nFerries to Kiel run again.",
    },
]

news = searcher_fixture(ARTICLES, "question_settings")


def test_the_bot_answers_whom_she_talked_to_with_the_sentence_that_leaves_the_place_to_the_one_before(news) -> None:
    answer = news.answer("Who did Ng talk to in Oslo?")
    assert not answer.declined, answer.reason
    assert answer.hits[0].sentence == CONVERSATION
