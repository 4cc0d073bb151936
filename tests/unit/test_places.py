"""Whether a sentence says where something happened (index/search/places.py), for "where" questions."""

from __future__ import annotations

import pytest

from index.search.places import gives_place
from index.search.query import Tokenizers, asks_place, parse_query

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
