"""A pope's or a monarch's name written alone after the title is their whole name: "Pope Francis
said" is not Francis Fukuyama's, "Queen Elizabeth said" not Elizabeth Warren's, when the article
names them too, unless it names them in full with the title ("Prince Alwaleed" of Saudi Prince
Alwaleed Bin Talal); a name alone after another title still finds the one full name that holds
it ("Mr. Lou" of Lou Jiwei, "Dr Tedros" of Tedros Adhanom Ghebreyesus)."""

from __future__ import annotations

import pytest

from tests.support import speakers_of as who


@pytest.mark.parametrize(
    ("opening", "full", "titled", "alone"),
    [
        ("Political scientist", "Francis Fukuyama", "Pope Francis", "Francis"),
        ("Senator", "Elizabeth Warren", "Queen Elizabeth", "Elizabeth"),
        ("Senate leader", "Harry Reid", "Prince Harry", "Harry"),
        ("Former Egyptian president", "Mohammed Morsi", "Crown Prince Mohammed", "Mohammed"),
    ],
)
def test_a_reigning_name_is_not_the_first_name_of_another(opening: str, full: str, titled: str, alone: str) -> None:
    got = who(
        f"{opening} {full} said the election was a turning point.",
        f"{titled} said on Sunday that walls divide people.",
        f"{alone} also said he would pray for the candidates.",
        f"{full.split()[-1]} said he disagreed.",
    )
    assert got == [full, alone, alone, full]


def test_the_pope_is_the_pope_beside_someone_of_his_name() -> None:
    got = who(
        "Political scientist Francis Fukuyama spoke at the forum.",
        "Pope Francis said on Sunday that walls divide people.",
        "“We must build bridges,” the pope said.",
    )
    assert got[1:] == ["Francis", "Francis"]


@pytest.mark.parametrize(
    ("full", "titled", "speaker"),
    [
        ("Finance Minister Lou Jiwei", "Mr. Lou", "Lou Jiwei"),
        ("WHO Director-General Dr Tedros Adhanom Ghebreyesus", "Dr Tedros", "Tedros Adhanom Ghebreyesus"),
        ("Saudi Prince Alwaleed Bin Talal", "Prince Alwaleed", "Alwaleed Bin Talal"),  # the prince himself
    ],
)
def test_a_name_after_another_title_is_still_the_full_name(full: str, titled: str, speaker: str) -> None:
    got = who(f"{full} spoke to reporters on Monday.", f"{titled} said there was nothing wrong with it.")
    assert got[1] == speaker
