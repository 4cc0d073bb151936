"""A story's detail shown above its lede (index/search/ledes.py): a news story's first sentence
restates its event and shares the most words with any question about it, so the reranker finds
it likelier than the sentence that says what is asked."""

from __future__ import annotations

import pytest

from index.search.events_asked import asked_event, event_first, tells_event
from index.search.ledes import detail_first
from index.search.query import parse_query
from index.search.searcher import Searcher
from index.store.lexical import Tokenizer
from index.types import Hit, Source
from tests.support import searcher_fixture

TOKENIZER = Tokenizer()

LEDE = "Pollster Pat Novak said on Sunday that most voters doubt Governor Ellen Ward's health, citing two new surveys."
DETAIL = "Novak cited a Marist poll and an Emerson poll, both taken after Ward fainted at a rally."

ARTICLES = [
    {
        "id": "polls",
        "title": "Voters doubt governor's health, pollster says",
        "published": "2016-09-12",
        "text": "\n\n".join(
            [
                LEDE,
                "Ward's campaign called the claim a distraction.",
                DETAIL,
                "Ward has said she will release her medical records next week.",
            ]
        ),
    },
    {
        "id": "summit",
        "title": "Pacific leaders launch trade area",
        "published": "2019-07-08",
        "text": "\n\n".join(
            [
                "Leaders of the Pacific Union's member states met in Suva, the capital of Fiji, for a summit "
                "where they launched the Pacific Free Trade Area.",
                "The agreement removes tariffs on most goods traded between the fourteen members.",
                "Samoa was picked to host the trade area's secretariat, beating bids from Tonga and Vanuatu.",
                "Trade between the members is expected to double within ten years.",
            ]
        ),
    },
    {
        "id": "marathon",
        "title": "Lopez and Sato win in Boston",
        "published": "2018-04-16",
        "text": "\n\n".join(
            [
                "Maria Lopez won the women's marathon in Boston on Monday.",
                "Kenji Sato won the men's marathon in a course record.",
            ]
        ),
    },
]


news = searcher_fixture(ARTICLES, "ledes")


def test_the_sentence_that_says_what_is_asked_comes_before_the_lede_that_restates_the_story(news: Searcher) -> None:
    answer = news.answer("Which two polls did Pat Novak cite about Governor Ward's health?")
    assert not answer.declined, answer.reason
    assert [h.sentence for h in answer.hits[:2]] == [DETAIL, LEDE]  # the lede is still shown, second


def test_a_lede_naming_a_place_does_not_displace_the_answer_to_which_country(news: Searcher) -> None:
    answer = news.answer("Which country was picked to host the secretariat of the Pacific Free Trade Area?")
    assert not answer.declined, answer.reason
    assert answer.hits[0].sentence.startswith("Samoa was picked")


def test_a_lede_that_answers_stays_first_when_the_bot_would_decline_the_detail(news: Searcher) -> None:
    # The men's result is the story's other sentence and nearly as likely, but about the men's
    # race: the bot would decline it (contrasts.py), not the lede.
    women = news.answer("Who won the women's marathon?")
    assert not women.declined, women.reason
    assert women.hits[0].sentence.startswith("Maria Lopez")
    men = news.answer("Who won the men's marathon in Boston?")  # the lede names Boston, the answer not
    assert not men.declined, men.reason
    assert men.hits[0].sentence.startswith("Kenji Sato")


def _hit(row: int, score: float, position: int, article: str = "a", copies: tuple[str, ...] = ()) -> Hit:
    sources = tuple(Source(a, a) for a in (article, *copies))
    return Hit(f"sentence {row}", score, article, article, None, None, 0, position, 0, 10, row, sources=sources)


def test_a_nearly_as_likely_sentence_of_the_ledes_own_story_comes_first() -> None:
    hits = [_hit(1, 0.8, 0), _hit(2, 0.5, 0, "b"), _hit(3, 0.4, 5)]
    assert [h.row for h in detail_first(hits)] == [3, 1, 2]


def test_a_copy_of_the_story_counts_as_the_same_story() -> None:
    hits = [_hit(1, 0.8, 0, "a", copies=("a2",)), _hit(2, 0.7, 3, "a2")]
    assert [h.row for h in detail_first(hits)] == [2, 1]


@pytest.mark.parametrize(
    ("hits", "why"),
    [
        ([_hit(1, 0.8, 0), _hit(2, 0.3, 4)], "the reranker finds the detail far less likely"),
        ([_hit(1, 0.8, 0), _hit(2, 0.7, 4, "b")], "another story's sentence"),
        ([_hit(1, 0.8, 2), _hit(2, 0.7, 4)], "the first is no lede"),
        ([_hit(1, 0.8, 0), _hit(2, 0.7, 0, "b"), _hit(3, 0.7, 0, "c"), _hit(4, 0.7, 4)], "too far down"),
        ([], "nothing to order"),
    ],
)
def test_the_reranked_order_stands_otherwise(hits: list[Hit], why: str) -> None:
    assert detail_first(hits) == hits, why


def test_a_lede_telling_the_event_asked_stays_above_a_detail_that_does_not() -> None:
    # "When did John Conyers die?": the lede says he died, the detail when he was born.
    died = Hit(
        "Yesterday, former Representative John Conyers died in his sleep.", 0.33, "c", "c", None, None, 0, 0, 0, 9, 1
    )
    born = Hit("John James Conyers Jr. was born in Detroit in 1929.", 0.36, "c", "c", None, None, 0, 3, 0, 9, 2)
    assert detail_first([died, born]) == [born, died]  # no event asked: the detail first, as before
    tells = tells_event(frozenset({"die", "death", "dead"}), TOKENIZER.tokens)
    assert detail_first([died, born], tells=tells) == [died, born]
    # ... and a detail that tells it too still comes first.
    buried = Hit("Conyers died at home, and was buried on Monday.", 0.3, "c", "c", None, None, 0, 4, 0, 9, 3)
    assert detail_first([died, buried], tells=tells) == [buried, died]


def test_a_when_question_shows_a_nearly_as_likely_sentence_telling_its_event_first() -> None:
    born = Hit("Conyers was born in Detroit in 1929.", 0.36, "c", "c", None, None, 0, 3, 0, 9, 2)
    died = Hit("Conyers died in his sleep on Sunday.", 0.33, "d", "d", None, None, 0, 2, 0, 9, 1)
    asked = asked_event(parse_query("When did John Conyers die?", TOKENIZER), TOKENIZER.tokens)
    assert event_first(asked, [born, died], TOKENIZER.tokens) == [died, born]
    # "born": an event of its own
    when_born = asked_event(parse_query("When was John Conyers born?", TOKENIZER), TOKENIZER.tokens)
    assert event_first(when_born, [born, died], TOKENIZER.tokens) == [born, died]
    far = Hit("Conyers died in his sleep on Sunday.", 0.1, "d", "d", None, None, 0, 2, 0, 9, 1)
    assert event_first(asked, [born, far], TOKENIZER.tokens) == [born, far]  # far less likely
    # Nearly a third as likely is near enough when the first names no word of the event.
    found = Hit(
        "The Lost 52 Project announced on Sunday that it had found the Grayback.",
        0.62,
        "g",
        "g",
        None,
        None,
        0,
        0,
        0,
        9,
        4,
    )
    sank = Hit(
        "The Lost 52 Project identifies February 26, 1944 as the day it sank.",
        0.31,
        "g",
        "g",
        None,
        None,
        0,
        9,
        0,
        9,
        5,
    )
    sink = asked_event(parse_query("When did the USS Grayback sink?", TOKENIZER), TOKENIZER.tokens)
    assert event_first(sink, [found, sank], TOKENIZER.tokens) == [sank, found]


@pytest.mark.parametrize(
    ("question", "event"),
    [
        ("When did John Conyers die?", {"die", "dead", "death", "kill"}),
        ("when was the water main break fixed", set()),  # no event word
        ("When did Monmouth conduct the poll that showed Kasich beating Clinton?", set()),  # not the main clause's
        ("How did John Conyers die?", set()),  # not a "when" question
    ],
)
def test_the_event_a_when_question_asks_about(question: str, event: set[str]) -> None:
    assert asked_event(parse_query(question, TOKENIZER), TOKENIZER.tokens) == event


CONYERS = [
    {
        "id": "conyers",
        "title": "Former Representative John Conyers dies at 90",
        "published": "2019-10-28",
        "text": "\n\n".join(
            [
                "Yesterday, former United States Representative John Conyers died in his sleep, according to a "
                "family spokesperson.",
                "Conyers, the former Democratic Dean of the House of Representatives, was 90.",
                "John James Conyers Jr., first elected to Congress in 1964, was born in Detroit, Michigan, in 1929.",
                "Conyers ran for Congress in 1964, winning by a margin of 108 votes.",
            ]
        ),
    }
]

obituary = searcher_fixture(CONYERS, "conyers")


def test_when_someone_died_is_answered_by_their_death_not_their_birth(obituary: Searcher) -> None:
    answer = obituary.answer("When did John Conyers die?")
    assert not answer.declined, answer.reason
    assert "died in his sleep" in answer.hits[0].sentence
