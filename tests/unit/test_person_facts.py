"""Facts about the one person a question names in full (index/search/person_facts.py): what they
died of, read where news writes it, and shown before the lede that only says they died."""

from __future__ import annotations

import pytest

from index.search.person_facts import asked_fact, asks_cause_of_death, tells_cause_of_death
from index.search.searcher import Searcher
from tests.support import searcher_fixture


@pytest.mark.parametrize(
    "question",
    [
        "What did Jean Harlow die of?",
        "What illness killed former North Carolina senator Kay Hagan?",
        "How did Kay Hagan die?",
        "What was the cause of Ginger Baker's death?",
        "What caused Ginger Baker's death?",
        "What caused the death of Ginger Baker?",
    ],
)
def test_questions_asking_what_someone_died_of(question: str) -> None:
    assert asks_cause_of_death(question)


@pytest.mark.parametrize("question", ["When did Kay Hagan die?", "Who killed Qandeel Baloch?", "How old is Kay Hagan?"])
def test_questions_asking_something_else(question: str) -> None:
    assert not asks_cause_of_death(question)


@pytest.mark.parametrize(
    ("surname", "sentence", "tells"),
    [
        ("hagan", "Hagan died from Powassan virus, a flavivirus.", True),
        ("harlow", "Jean Harlow died of kidney failure during the making of Saratoga.", True),
        ("gutierrez", "Gutierrez was suffering from prostate cancer.", True),
        ("hagan", "Hagan died on Tuesday of complications from the virus.", True),
        # A death without its cause; the death of someone; an age; a sentence not naming them.
        ("hagan", "Yesterday, former Senator Kay Hagan died, according to her family.", False),
        ("gutierrez", '"I announce the death of Most Rev. Dinualdo Gutierrez," he said.', False),
        ("hagan", "Hagan died at the age of 66.", False),
        ("hagan", "Her husband died of cancer in 2010.", False),
    ],
)
def test_a_cause_of_death_told_beside_the_surname(surname: str, sentence: str, tells: bool) -> None:
    assert tells_cause_of_death(sentence, surname) is tells


def test_one_person_named_in_full_is_whom_the_fact_is_about() -> None:
    fact = asked_fact("What illness killed former North Carolina senator Kay Hagan?")
    assert fact is not None and (fact.surname, fact.first) == ("hagan", "kay")
    assert asked_fact("What did Hagan die of?") is None  # no one in full
    assert asked_fact("Who won the race?") is None


SENATOR = [
    {
        "id": "hagan",
        "title": "Former US senator Kay Hagan dies at 66",
        "published": "2019-10-29",
        "text": "\n\n".join(
            [
                "Yesterday, former United States Senator Kay Hagan died, according to a statement released by her family.",
                "Hagan, North Carolina's first female Democratic senator, was 66.",
                "Hagan was first elected to the Senate in 2008, defeating Elizabeth Dole.",
                "According to her former spokeswoman, Hagan died from Powassan virus, leading to encephalitis.",
            ]
        ),
    },
    {
        "id": "dole",
        "title": "Dole concedes",
        "published": "2008-11-05",
        "text": "Senator Elizabeth Dole conceded the race to Kay Hagan on Tuesday night.",
    },
]
senator = searcher_fixture(SENATOR, "senator")


def test_what_someone_died_of_is_answered_by_the_sentence_telling_it(senator: Searcher) -> None:
    for question in (
        "What illness killed former North Carolina senator Kay Hagan?",
        "What did Kay Hagan die of?",
        "What caused Kay Hagan's death?",
    ):
        answer = senator.answer(question)
        assert not answer.declined, answer.reason
        assert answer.hits[0].sentence.startswith("According to her former spokeswoman, Hagan died from Powassan")
