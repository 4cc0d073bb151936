"""Whether a sentence names a person the question does not (index/search/persons.py), for "who"
questions, and the order that puts such a sentence first."""

from __future__ import annotations

import pytest

from index.search.persons import names_person, person_first, speaker_answers
from index.search.query import Tokenizers, parse_query
from index.search.searcher import Searcher
from index.types import Hit
from tests.support import searcher_fixture

TOKENIZER = Tokenizers().get()
LIVER = parse_query("Who was the first doctor to successfully transplant a liver?", TOKENIZER)


@pytest.mark.parametrize(
    "sentence",
    [
        "Dr. Thomas Starzl performed the first liver transplant in 1963.",
        "The goal is to refurbish the image of Scientology founder L. Ron Hubbard.",
        "(Mr. Hannity had been lobbying Mr. Trump to choose Mr. Gingrich.)",  # one name after a title
        "The transplant was done by Starzl’s team, said Carl Groth.",
        # A name opened by an initial, with or without its dot, as Indian news writes names.
        'Police arrested a man identified only as "P Wilson" in the death.',
        "B Shiva Parvathi was running the train as loco pilot.",
        "The liver came from a donor, J. Smith said.",
        # Accented letters in a name.
        "The transplant was done by Wanda Vázquez Garced, the hospital said.",
        "The liver came from a donor, Álvaro Núñez said.",
    ],
)
def test_a_sentence_naming_a_new_person(sentence: str) -> None:
    assert names_person(sentence, LIVER.letters)


@pytest.mark.parametrize(
    "sentence",
    [
        "Liver transplants are now routine in most large hospitals.",
        "The first successful liver transplant took place in Denver in July.",  # a place, a month
        "The Transplant Unit opened in March.",  # the question's own word, and a month
        "A Denver surgeon performed it.",  # "A" is a word, not an initial
        "I Saw the transplant myself.",
        # A nickname in quotes is no one's.
        'At the time, the surgeon, nicknamed the "Henry Ford of Transplants," had done 12 livers.',
        "",
    ],
)
def test_a_sentence_naming_no_new_person(sentence: str) -> None:
    assert not names_person(sentence, LIVER.letters)


def test_a_person_the_question_names_is_not_new() -> None:
    asked = parse_query("Who did Thomas Starzl train?", TOKENIZER)
    assert not names_person("Thomas Starzl trained dozens of surgeons.", asked.letters)
    assert names_person("Thomas Starzl trained Carl Groth.", asked.letters)


@pytest.mark.parametrize(
    ("question", "sentence", "new"),
    [
        # A name sharing one word with the question's is someone else when most of it is new.
        (
            "Who became Sultan of Oman after the death of Qaboos bin Said?",
            "Before the burial, his successor, Haitham bin Tariq Al Said, attended funeral prayers.",
            True,
        ),
        # The question's person written out in full is no one new.
        ("Who did Donald Trump pick?", "Donald J. Trump said he would decide soon.", False),
        ("Who is Hillary Clinton's campaign manager?", "Hillary Rodham Clinton spoke on Monday.", False),
        # A place of several words is no person.
        ("Who drove the truck in Randolph?", "On Friday a truck hit them in the United States.", False),
        ("Who drove the truck in Randolph?", "The crash closed roads in North Carolina.", False),
    ],
)
def test_a_new_person_is_mostly_new_words_and_no_place(question: str, sentence: str, new: bool) -> None:
    assert names_person(sentence, parse_query(question, TOKENIZER).letters) is new


def _hit(sentence: str, score: float, row: int) -> Hit:
    return Hit(sentence, score, f"a{row}", "Liver transplants", None, None, 0, row, 0, len(sentence), row)


ROUTINE = "Liver transplants are now routine in most large hospitals."
DENVER = "The first successful liver transplant took place in Denver in 1967."
STARZL = "Dr. Thomas Starzl performed the first successful liver transplant in 1967."


def test_a_who_question_shows_a_nearly_as_likely_sentence_naming_a_person_first() -> None:
    hits = [_hit(DENVER, 0.6, 1), _hit(ROUTINE, 0.5, 2), _hit(STARZL, 0.4, 3)]
    assert [h.row for h in person_first(LIVER, hits)] == [3, 1, 2]
    # A sentence restating the question scores far above the one naming who did it ("Who led the
    # Dump Trump rally?": 0.71 against 0.24); from a third of its score it still comes first.
    hits = [_hit(DENVER, 0.71, 1), _hit(STARZL, 0.24, 3)]
    assert [h.row for h in person_first(LIVER, hits)] == [3, 1]


@pytest.mark.parametrize(
    ("hits", "why"),
    [
        ([_hit(DENVER, 0.6, 1), _hit(STARZL, 0.15, 3)], "the reranker finds it far less likely"),
        ([_hit(DENVER, 0.6, 1), _hit(ROUTINE, 0.5, 2), _hit(ROUTINE, 0.5, 4), _hit(STARZL, 0.5, 3)], "too far down"),
        ([_hit(STARZL.replace("Thomas Starzl", "Carl Groth"), 0.6, 5), _hit(STARZL, 0.5, 3)], "the first names one"),
        ([], "nothing to order"),
    ],
)
def test_the_reranked_order_stands_otherwise(hits: list[Hit], why: str) -> None:
    assert person_first(LIVER, hits) == hits, why


def test_only_a_who_question_is_reordered_by_person() -> None:
    hits = [_hit(DENVER, 0.6, 1), _hit(STARZL, 0.5, 3)]
    where = parse_query("Where was the first liver transplant done?", TOKENIZER)
    assert person_first(where, hits) == hits
    whose = parse_query("Whose liver was transplanted first?", TOKENIZER)
    assert person_first(whose, hits) == hits
    assert person_first(LIVER, hits)[0].row == 3


QUOTES = [
    {
        "id": "latinos",
        "title": "Clinton's standing among Latinos",
        "published": "2016-09-04",
        "text": '"I\'m worried that they think Latinos will turn out because of Trump alone," said Chuck Rocha, '
        "president of a consulting firm.\n\n"
        '"Hate alone won\'t motivate somebody to vote. They need something to vote for."\n\n'
        "Polls show a close race in Nevada and Florida.",
    },
]
quotes = searcher_fixture(QUOTES, "who-said")


def test_who_said_is_answered_by_whom_the_sentence_quotes(quotes: Searcher) -> None:
    answer = quotes.answer("Who said hate alone won't motivate somebody to vote?")
    assert not answer.declined, answer.reason
    assert answer.hits[0].sentence.startswith('"Hate alone') and answer.hits[0].speaker == "Chuck Rocha"


def test_a_speaker_answers_who_said_only_when_the_question_does_not_name_them() -> None:
    said = parse_query("Who said hate alone won't motivate voters?", TOKENIZER)
    assert speaker_answers(said, "Chuck Rocha")
    assert not speaker_answers(said, None)
    assert not speaker_answers(parse_query("Who said Chuck Rocha was wrong?", TOKENIZER), "Chuck Rocha")
    assert not speaker_answers(parse_query("Who won the race?", TOKENIZER), "Chuck Rocha")
