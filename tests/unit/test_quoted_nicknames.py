"""A nickname in quotes inside a name ('John “Tig” Tiegen', 'Juan "Chico" Manriquez') is no
quotation of its own: the name is one person's, written without it, whose first name tells
whom "he" means; and a Marine's service is not her name ("Marine John Tiegen" is a man,
"Marine Le Pen" a woman)."""

from __future__ import annotations

import pytest

from index.attribution.nicknames import drop_nicknames
from tests.support import speakers_of as who


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ('Juan "Chico" Manriquez of Oakland carried one of the photos.', "Juan Manriquez"),
        ("Former CIA operative John “Tig” Tiegen found both issues disqualifying.", "John Tiegen"),
        ("As reported by a blog, former operative and Marine John “Tig” Tiegen was angry.", "John Tiegen"),
        ("George ''Jay'' Keyworth, a science adviser, was at the meeting.", "George Keyworth"),
    ],
)
def test_the_person_with_a_nickname_speaks_by_his_name(sentence: str, speaker: str) -> None:
    got = who(sentence, "“I pretty much cried the whole parade,” he said.")
    assert got[1] == speaker


def test_a_surname_alone_finds_the_name_written_with_a_nickname() -> None:
    got = who("Robert “Bob” Ratana, a police officer, was shot on Friday.", "Ratana said he felt fine.")
    assert got[1] == "Robert Ratana"


def test_a_capitalised_word_in_quotes_elsewhere_stays_a_quotation() -> None:
    assert who("Trump found the deal “Terrible” Monday, and Clinton said it was fine.")[0] == "Clinton"
    # what Trump called it is his word, not a nickname
    assert who("Trump called the deal “Terrible” Monday, and Clinton said it was fine.")[0] == "Trump"
    assert who("Marine Le Pen said the vote was a “Victory” for France.", "She said she would run.") == [
        "Marine Le Pen",
        "Marine Le Pen",
    ]


@pytest.mark.parametrize(
    ("name", "written"),
    [
        ("John “Tig” Tiegen", "John Tiegen"),
        ('Juan "Chico" Manriquez', "Juan Manriquez"),
        ("George ''Jay'' Keyworth", "George Keyworth"),
        ("Hillary Clinton", "Hillary Clinton"),
    ],
)
def test_a_name_is_written_without_its_nickname(name: str, written: str) -> None:
    assert drop_nicknames(name) == written
