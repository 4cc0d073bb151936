""" "How old ...?" (index/search/ages.py): a sentence telling an age comes first when the reranker
finds it nearly as likely to answer as a first one that tells none; it is the sentence the bot
answers with, or offers behind "Show nearest" when it declines."""

from __future__ import annotations

import pytest

from index.search.ages import age_first, age_of_another, tells_age_of, writes_in_full
from index.search.query import Tokenizers, parse_query
from index.search.searcher import Searcher
from index.types import Hit
from tests.support import searcher_fixture

TOKENIZER = Tokenizers().get()
OLD = parse_query("How old is Medal of Honor recipient Florent Groberg?", TOKENIZER)
MEDAL = "Groberg received the Medal of Honor from President Obama in November for tackling a suicide bomber."
AGED = "Groberg, 33, opened up to Decode DC about his views on the race."
YEARS = "The 33-year-old Groberg spent three years recovering at Walter Reed."
HOLDER = "Florent Groberg was born in France and became a U.S. citizen in 2001."


def _hit(sentence: str, score: float, row: int) -> Hit:
    return Hit(sentence, score, f"a{row}", "Medal of Honor", None, None, 0, row, 0, len(sentence), row)


@pytest.mark.parametrize("aged", [AGED, YEARS])
def test_a_nearly_as_likely_sentence_telling_an_age_comes_first(aged: str) -> None:
    hits = [_hit(MEDAL, 0.30, 1), _hit(HOLDER, 0.2, 3), _hit(aged, 0.16, 2)]
    assert [h.row for h in age_first(OLD, hits, TOKENIZER.tokens)] == [2, 1, 3]


@pytest.mark.parametrize(
    ("hits", "why"),
    [
        ([_hit(MEDAL, 0.30, 1), _hit(AGED, 0.1, 2)], "the reranker finds it far less likely"),
        ([_hit(MEDAL, 0.3, 1), _hit(HOLDER, 0.3, 3), _hit(HOLDER, 0.3, 4), _hit(AGED, 0.3, 2)], "too far down"),
        ([_hit(YEARS, 0.3, 5), _hit(AGED, 0.3, 2)], "the first tells one"),
        ([], "nothing to order"),
    ],
)
def test_the_reranked_order_stands_otherwise(hits: list[Hit], why: str) -> None:
    assert age_first(OLD, hits, TOKENIZER.tokens) == hits, why


def test_only_a_how_old_question_is_reordered_by_age() -> None:
    hits = [_hit(MEDAL, 0.30, 1), _hit(AGED, 0.25, 2)]
    for question in ("Who is Florent Groberg?", "How many medals did Florent Groberg receive?"):
        assert age_first(parse_query(question, TOKENIZER), hits, TOKENIZER.tokens) == hits, question


VETERAN = [
    {
        "id": "groberg",
        "title": "Medal of Honor recipient won't vote for Trump",
        "published": "2016-08-10",
        "text": "\n\n".join(
            [
                "Florent Groberg is a former U.S. Army captain and Medal of Honor winner who is a lifelong Republican.",
                "Groberg, 33, opened up to Decode DC about his decision, including why he will not be supporting "
                "Republican nominee Donald Trump.",
                "He said the nominee's words about a Gold Star family had crossed a line.",
            ]
        ),
    },
    {
        "id": "rally",
        "title": "A rally in Ohio",
        "published": "2016-08-11",
        "text": "\n\n".join(
            [
                "Donald Trump held a rally in Columbus on Thursday.",
                "Thousands of supporters waited in the heat for hours.",
            ]
        ),
    },
]
veteran = searcher_fixture(VETERAN, "veteran")


def test_a_sentence_giving_the_asked_persons_age_answers_whatever_its_score(veteran: Searcher) -> None:
    answer = veteran.answer("How old is Medal of Honor recipient Florent Groberg?")
    assert not answer.declined, answer.reason
    assert answer.hits[0].sentence.startswith("Groberg, 33, opened up")
    # Nobody's age is given for Trump: still declined.
    assert veteran.answer("How old is Donald Trump?").declined


@pytest.mark.parametrize(
    ("question", "sentence", "tells"),
    [
        ("How old is Florent Groberg?", "Groberg, 33, opened up to Decode DC.", True),
        ("How old was Monica Lewinsky then?", "Ms. Lewinsky, a 22-year-old White House intern, met him.", True),
        ("How old was Humayun Khan when he died?", "Army Capt. Humayun Khan, 27, was killed in Iraq.", True),
        ("How old is Gary Johnson?", "The 63-year-old Johnson said he was fit.", True),
        ("How old is Gary Johnson?", "Johnson was 63 years old when he ran.", True),
        # Someone of the same surname with another first name.
        ("How old is Ivanka Trump?", "Donald Trump, 70, said so.", False),
        ("How old is Sadiq Khan?", "On Friday, 28-year-old Usman Khan stabbed several people.", False),
        # A word before the surname that is no first name.
        ("How old is Sadiq Khan?", "When asked how the ban would affect Khan, 45, Trump said no.", True),
        ("How old is Tim Kaine?", "The 58-year-old Senator Kaine spoke first.", True),
        # An age, but not beside the name; a year; a share; not asked how old.
        ("How old is Gary Johnson?", "Johnson said he is 63.", False),
        ("How old is Gary Johnson?", "Johnson, 2016, was a hard year.", False),
        ("How old is Gary Johnson?", "Johnson won 63, 70 percent.", False),
        ("When did Florent Groberg speak?", "Groberg, 33, opened up to Decode DC.", False),
        # The question names no one in full.
        ("How old was the Trump supporter who punched a protester?", "the 78-year-old Trump supporter", False),
    ],
)
def test_a_sentence_tells_the_age_of_whom_the_question_names(question: str, sentence: str, tells: bool) -> None:
    assert tells_age_of(question, sentence) is tells


# Ages the reranker's candidates miss: the age stands beside the surname alone, in a sentence about
# something else, among many sentences naming the person; and a father of the same surname.
KHANS = [
    {
        "id": "mayor",
        "title": "London's mayor rebuffs Trump",
        "published": "2016-05-10",
        "text": "\n\n".join(
            [
                "Sadiq Khan, the new mayor of London, rejected Donald Trump's offer on Tuesday.",
                "Sadiq Khan is the first Muslim to be elected mayor of London, one of the world's oldest cities.",
                "Sadiq Khan said Trump's ignorant view of Islam could make both countries less safe.",
                "Sadiq Khan grew up in a council estate in south London, the son of a bus driver.",
                'When asked how the ban would affect Khan, 45, Trump said: "There will always be exceptions."',
            ]
        ),
    },
    {
        "id": "parents",
        "title": "Gold Star parents speak",
        "published": "2016-08-01",
        "text": "\n\n".join(
            [
                "Army Capt. Humayun Khan, 27, was killed in Iraq in 2004.",
                '"Most Americans are against this kind of nonsense," Khizr Khan, 66, said on Sunday.',
                "Khizr Khan is the father of Humayun Khan.",
            ]
        ),
    },
]
khans = searcher_fixture(KHANS, "khans")


def test_an_age_beside_the_surname_answers_how_old_in_an_article_naming_the_person(khans: Searcher) -> None:
    answer = khans.answer("How old is Sadiq Khan?")
    assert not answer.declined, answer.reason
    assert answer.hits[0].sentence.startswith("When asked how the ban would affect Khan, 45,")
    son = khans.answer("How old was Humayun Khan when he died?")
    assert [hit.sentence for hit in son.hits] == ["Army Capt. Humayun Khan, 27, was killed in Iraq in 2004."]
    # No article gives Donald Trump's age: still declined.
    assert khans.answer("How old is Donald Trump?").declined


def test_a_name_is_written_in_full() -> None:
    assert writes_in_full("Army Capt. Humayun Khan, 27, was killed.", "humayun", "khan")
    assert not writes_in_full("Khizr Khan, 66, said so.", "humayun", "khan")


CREW = "B Shiva Parvathi was running the train as loco pilot, and 22-year-old Rangoli Patil was her co-pilot."


@pytest.mark.parametrize(
    ("question", "sentence", "another"),
    [
        # Every age the sentence tells is another's.
        ("How old is B Shiva Parvathi?", CREW, "Rangoli Patil"),
        ("How old is Shiva Parvathi?", "Parvathi drove with Rangoli Patil, 22, beside her.", "Patil"),
        # An age beside someone's kin is the kin's.
        (
            "How old was Dawn Hochsprung?",
            "Erica Smegielski, the 30-year-old daughter of Sandy Hook Elementary Principal Dawn Hochsprung, spoke.",
            "daughter",
        ),
        # The asked one's age, an age beside no name, no age, or not a "how old" question.
        ("How old is Rangoli Patil?", CREW, None),
        ("How old is Shiva Parvathi?", "Parvathi, 45, and 22-year-old Rangoli Patil ran it.", None),
        ("How old is Shiva Parvathi?", "A 45-year-old woman ran the train with Rangoli Patil, 22, beside her.", None),
        ("How old is Shiva Parvathi?", "Shiva Parvathi ran the train.", None),
        ("Who drove the train?", CREW, None),
    ],
)
def test_an_age_written_beside_another_name_is_anothers(question: str, sentence: str, another: str | None) -> None:
    assert age_of_another(question, sentence, TOKENIZER.tokens) == another


TRAIN = [
    {
        "id": "crew",
        "title": "All-women crew steers Tippu Express",
        "published": "2020-03-06",
        "text": CREW,
    },
    {
        "id": "station",
        "title": "Station works",
        "published": "2020-02-01",
        "text": "Work on the new station in Mysuru began in February.",
    },
]
train = searcher_fixture(TRAIN, "train")


def test_a_sentence_giving_only_anothers_age_does_not_say_how_old_someone_is(train: Searcher) -> None:
    pilot = train.answer("How old is B Shiva Parvathi?")
    assert pilot.declined
    assert pilot.reason == "The best sentence gives a figure of Rangoli Patil, not of whom the question asks."
    co_pilot = train.answer("How old is Rangoli Patil?")
    assert not co_pilot.declined, co_pilot.reason
    assert co_pilot.hits[0].sentence == CREW
