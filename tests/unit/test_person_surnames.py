"""A person an article names in full and a later sentence by surname alone counts as named, for a
"who" question's order (index/search/persons.py: surnames_in, person_first; the searcher reads
each hit's article through the retriever)."""

from __future__ import annotations

import pytest

from index.search.persons import names_person, person_first, surnames_in
from index.search.query import Tokenizers, parse_query
from index.types import Hit
from tests.support import searcher_fixture

TOKENIZER = Tokenizers().get()
DRIVER = parse_query("Who was driving the van that hit the cyclists in Milford, Ohio?", TOKENIZER)
CRASH_LEDE = (
    "On Friday, on Route 9 in Milford, Ohio, United States, a delivery van and a group of eight cyclists collided."
)
CHARGED = "Delivery driver Pavel Ostrowski, 41, was charged with reckless driving on Saturday."
BY_SURNAME = "According to the county sheriff, Ostrowski was driving the van at twice the speed limit."


def test_an_article_gives_surnames_to_the_people_it_names_in_full_or_after_a_title() -> None:
    text = " ".join([CRASH_LEDE, CHARGED, "Mr. Hood, who saw the crash, called the police.", BY_SURNAME])
    assert surnames_in(text) == {"ostrowski", "hood"}  # not "ohio", "states" or "randolph"-like places


def test_an_institution_or_a_street_is_no_one_s_full_name() -> None:
    text = (
        "Hampshire Police said the bus had left Peter Symonds College on Andover Road."
        " The White House and Fox News were told by driver Alan Baker."
    )
    assert surnames_in(text) == {"baker"}  # not "police", "college", "road", "house" or "news"


def test_a_who_question_is_not_answered_by_the_white_house() -> None:
    asked = parse_query("Who did Donald Trump name as national security advisor to replace John Bolton?", TOKENIZER)
    sentence = '"I informed John Bolton last night that his services are no longer needed at the White House."'
    assert not names_person(sentence, asked.letters)
    assert names_person(sentence.replace("the White House", "Robert O'Brien's office"), asked.letters)


@pytest.mark.parametrize(
    ("text", "surnames"),
    [
        # a particle or "al-" belongs to the name it stands in
        ("Mayor Bill de Blasio said the city was ready.", {"blasio"}),
        ("Nabil Hasan al-Quaety, a journalist, died in Aden.", {"al-quaety"}),
        ("Brazil's former president Luiz Inacio Lula da Silva won.", {"silva"}),
        ("Sheriff Pat O'Brien said the driver, Dan McCoy-Hill, was arrested.", {"o'brien", "mccoy-hill"}),
        # a known place ends no one's name
        ("Fighting in Southern Yemen went on, Reporters Without Borders said.", {"borders"}),
    ],
)
def test_an_article_gives_surnames_with_their_particles(text: str, surnames: set[str]) -> None:
    assert surnames_in(text) == surnames


def test_the_person_the_question_names_with_a_particle_is_no_new_person() -> None:
    asked = parse_query("Who are the suspects held over the killing of journalist Nabil al-Quaety?", TOKENIZER)
    sentence = "Nabil Hasan al-Quaety, a journalist from Yemen, died in Aden on Tuesday."
    assert not names_person(sentence, asked.letters, surnames_in(sentence))
    assert names_person("Police arrested Ali Saleh al-Amri.", asked.letters)


def test_a_title_gives_the_last_of_the_names_after_it() -> None:
    text = "Republican Indiana Gov. Mike Pence met Sen. Tim Kaine Wednesday, and Mr. Hood."
    assert surnames_in(text) == {"pence", "kaine", "hood"}  # not "indiana", "mike", "tim" or "gov"


@pytest.mark.parametrize(
    ("sentence", "surnames", "named"),
    [
        (BY_SURNAME, {"ostrowski"}, True),
        (BY_SURNAME, set(), False),  # no article read: a lone word may be a place
        (BY_SURNAME, {"sheriff"}, False),  # lower case is never a name
        ("Ostrowski, the sheriff said, was driving.", {"ostrowski"}, True),
    ],
)
def test_a_lone_surname_names_a_person_when_its_article_gives_it(
    sentence: str, surnames: set[str], named: bool
) -> None:
    assert names_person(sentence, DRIVER.letters, surnames) is named


def test_a_surname_the_question_asks_about_names_no_new_person() -> None:
    asked = parse_query("Who charged Ostrowski?", TOKENIZER)
    assert not names_person(BY_SURNAME, asked.letters, {"ostrowski"})


def _hit(sentence: str, score: float, row: int, article: str) -> Hit:
    return Hit(sentence, score, article, "Crash", None, None, 0, row, 0, len(sentence), row)


def test_a_who_question_shows_the_sentence_naming_the_driver_by_surname_before_the_lede() -> None:
    hits = [_hit(CRASH_LEDE, 0.8, 1, "crash"), _hit(BY_SURNAME, 0.7, 2, "charge")]
    given = {"crash": frozenset[str](), "charge": frozenset({"ostrowski"})}
    assert [h.row for h in person_first(DRIVER, hits, lambda hit: given[hit.article_id])] == [2, 1]
    assert person_first(DRIVER, hits) == hits  # without the articles' surnames, as before


def test_a_first_sentence_naming_someone_by_surname_alone_is_still_passed_over() -> None:
    gunman = parse_query("Who was the gunman in the nightclub shooting?", TOKENIZER)
    visit = _hit("In Orlando, Clinton made a stop at the nightclub where 49 people were killed.", 0.8, 1, "a")
    named = _hit("Police killed the gunman, Omar Mateen, 29, a U.S. citizen.", 0.6, 2, "b")
    ordered = person_first(gunman, [visit, named], lambda hit: frozenset({"clinton", "mateen"}))
    assert [h.row for h in ordered] == [2, 1]


PICKUP_LEDE = (
    "On Friday, on Route 9 in Milford, Ohio, United States, a pickup truck and a group of eight motorcyclists "
    "collided, killing seven of them."
)
PICKUP_DRIVER = (
    "According to police, Ostrowski was driving a pickup truck erratically when it crossed into the "
    "motorcyclists' lane in Milford."
)
ARTICLES = [
    {
        "id": "crash",
        "title": "Seven motorcyclists killed in Ohio crash",
        "published": "2021-06-19",
        "text": "\n\n".join(
            [
                PICKUP_LEDE,
                "Six of the motorcyclists were members of a veterans' club.",
                "The road was closed for five hours while investigators examined the scene.",
            ]
        ),
    },
    {
        "id": "charge",
        "title": "Pickup driver charged over deaths of seven motorcyclists",
        "published": "2021-06-22",
        "text": "\n\n".join(
            [
                "Commercial driver Pavel Ostrowski, 41, was charged on Monday with seven counts of negligent homicide.",
                PICKUP_DRIVER,
                "He is due to appear in court in Cincinnati next month.",
            ]
        ),
    },
]

news = searcher_fixture(ARTICLES, "surnames")


@pytest.mark.parametrize(
    "question",
    [
        "Who was behind the wheel of the pickup truck that hit the motorcyclists in Milford, Ohio?",
        "Who was driving the pickup truck that hit the group of motorcyclists in Milford?",
    ],
)
def test_the_bot_answers_who_was_driving_with_the_sentence_naming_the_driver_by_surname(news, question) -> None:
    answer = news.answer(question)
    assert not answer.declined, answer.reason
    shown = [h.sentence for h in answer.ranked]
    assert shown[:2] == [PICKUP_DRIVER, PICKUP_LEDE]  # the lede, which names no one, after it
