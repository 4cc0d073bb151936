"""Whether a sentence says where something happened (index/search/places.py), for "where" questions."""

from __future__ import annotations

import pytest

from index.search.places import gives_place, place_first, tells_where_it_lies
from index.search.query import Tokenizers, asks_place, parse_query
from index.search.searcher import Searcher
from index.types import Hit
from tests.support import searcher_fixture

TOKENIZER = Tokenizers().get()
KASICH = frozenset("where did john kasich announce the end of his campaign in ohio".split())


@pytest.mark.parametrize(
    "sentence",
    [
        "Kasich suspended his campaign Wednesday evening, telling supporters in Columbus, Ohio, that he had faith.",
        "The meeting was held at the Federal Bureau of Investigation's field office in White Plains.",
        "Clinton reprimanded Trump, saying at a church that he had answered with personal attacks.",
        "Trump said so on Wednesday at a packed rally, and repeated it on the radio.",
        "He made the remarks in an interview with CNN.",
        "The crowd rallied at Temple University before the march.",
        "He spoke from his home.",
        "They met at two hotels downtown.",
        "He spoke at the Ohio airport.",  # a venue after the place the question names
        "He said so during a visit to Scotland on Friday.",
        "The explosion went off around 8:30 p.m. in front of 131 West 23rd Street.",
        "He waited next to the Capitol.",
    ],
)
def test_a_place_after_a_preposition_of_place_says_where(sentence: str) -> None:
    assert gives_place(sentence, KASICH)


@pytest.mark.parametrize(
    "sentence",
    [
        # "for Indiana" says what the bid was for; "in the state toward Cruz" names no place.
        "Kasich agreed to end his bid for Indiana in order to direct the vote in the state toward Cruz.",
        "By winning the Republican primary in Ohio, Kasich picked up 66 delegates.",  # the place asked
        "He won in Ohio, John Kasich said.",  # the phrase ends at the comma
        "He announced it in March, on Tuesday.",  # a time, not a place
        "Kasich ended his campaign in a statement.",
        "Aug 27 (Reuters) - Kasich on Saturday ended his campaign.",
        # Where the officials come from, not where anything happened.
        "He ended it after talks with officials from the United States.",
        "",
    ],
)
def test_a_sentence_that_names_no_new_place_does_not_say_where(sentence: str) -> None:
    assert not gives_place(sentence, KASICH)


@pytest.mark.parametrize(
    ("question", "place"),
    [
        ("Where did Kasich end his campaign?", True),
        ("In which city did the debate take place?", True),
        ("hi, where is NATO headquartered?", True),
        ("Who did Kasich endorse?", False),
        ("When did Kasich end his campaign?", False),
        ("Is Kasich from Ohio?", False),
    ],
)
def test_only_where_questions_ask_for_a_place(question: str, place: bool) -> None:
    assert asks_place(parse_query(question, TOKENIZER)) is place


def test_a_name_after_from_is_a_place_when_the_question_asks_where_from() -> None:
    sentence = "The seven family members from Dara'a in southern Syria have lived here for three months."
    asked = frozenset("where is hamid salami's family from".split())
    assert gives_place(sentence, asked)
    assert not gives_place("Officials from the United States met him.", KASICH)


def _hit(sentence: str, score: float, row: int) -> Hit:
    return Hit(sentence, score, f"a{row}", "Kasich quits", None, None, 0, row, 0, len(sentence), row)


BID = "Kasich agreed to end his bid for Indiana in order to direct the vote in the state toward Cruz."
COLUMBUS = "Kasich suspended his campaign Wednesday evening, telling supporters in Columbus that he had faith."
ENDORSED = "Former New York Gov. George Pataki is endorsing John Kasich."
WHERE = parse_query("Where did John Kasich announce the end of his campaign?", TOKENIZER)


def test_a_where_question_shows_a_nearly_as_likely_sentence_that_tells_a_place_first() -> None:
    hits = [_hit(BID, 0.6, 1), _hit(ENDORSED, 0.5, 2), _hit(COLUMBUS, 0.4, 3)]
    assert [h.row for h in place_first(WHERE, hits)] == [3, 1, 2]


@pytest.mark.parametrize(
    ("hits", "why"),
    [
        ([_hit(BID, 0.6, 1), _hit(COLUMBUS, 0.15, 3)], "the reranker finds it far less likely"),
        ([_hit(BID, 0.6, 1), _hit(ENDORSED, 0.5, 2), _hit(ENDORSED, 0.5, 4), _hit(COLUMBUS, 0.5, 3)], "too far down"),
        ([_hit(COLUMBUS.replace("Columbus", "Dayton"), 0.6, 5), _hit(COLUMBUS, 0.5, 3)], "the first tells a place"),
        ([], "nothing to order"),
    ],
)
def test_the_reranked_order_stands_otherwise(hits: list[Hit], why: str) -> None:
    assert place_first(WHERE, hits) == hits, why


def test_only_a_where_question_is_reordered_by_place() -> None:
    hits = [_hit(BID, 0.6, 1), _hit(COLUMBUS, 0.5, 3)]
    when = parse_query("When did John Kasich announce the end of his campaign?", TOKENIZER)
    assert place_first(when, hits) == hits
    nationality = parse_query("What nationality is John Kasich?", TOKENIZER)
    assert place_first(nationality, hits) == hits
    assert place_first(WHERE, hits)[0].row == 3


@pytest.mark.parametrize(
    ("question", "sentence", "told"),
    [
        # Wikinews: "where is karol bagh" was declined ("The best sentence tells no place").
        (
            "where is karol bagh",
            "The Hotel Arpit Palace in the Karol Bagh area of the Indian capital, New Delhi, caught fire.",
            True,
        ),
        ("Where is Karol Bagh?", "The hotel in Karol Bagh, New Delhi, caught fire.", True),
        ("Where is Ames?", "Ames, Iowa, is a college town.", True),
        # a list of names is no place, and another question is not "where is X"
        ("Where is Trump?", "Trump, Clinton and Sanders spoke.", False),
        ("Where did the fire start?", "The hotel in Karol Bagh, New Delhi, caught fire.", False),
    ],
)
def test_where_a_named_place_lies_is_the_place_after_its_name(question: str, sentence: str, told: bool) -> None:
    assert tells_where_it_lies(sentence, question) is told


KAROL_BAGH = [
    {
        "id": "fire",
        "title": "Hotel fire kills at least seventeen in Karol Bagh",
        "published": "2019-02-13",
        "text": "The Hotel Arpit Palace in the Karol Bagh area of the Indian capital, New Delhi, caught fire "
        "yesterday morning. At least seventeen people died.",
    },
]

karol_bagh = searcher_fixture(KAROL_BAGH, "karol_bagh")


def test_where_a_place_lies_is_answered_by_the_place_after_its_name(karol_bagh: Searcher) -> None:
    answer = karol_bagh.answer("where is karol bagh")
    assert not answer.declined
    assert "Indian capital, New Delhi" in answer.hits[0].sentence


def test_a_question_asking_where_from_shows_where_someone_comes_from_first() -> None:
    stage = "Hamid Salami and his family beamed as they took the stage at the Clarkston Community Center."
    origin = (
        "The seven family members from Dara'a in southern Syria have lived in this Atlanta suburb for three months."
    )
    hits = [_hit(stage, 0.57, 1), _hit(origin, 0.32, 2)]
    from_where = parse_query("Where is Hamid Salami's family from?", TOKENIZER)
    assert [h.row for h in place_first(from_where, hits)] == [2, 1]
    # Asked where they spoke, the stage comes first as before.
    assert place_first(parse_query("Where did Hamid Salami speak?", TOKENIZER), hits) == hits
