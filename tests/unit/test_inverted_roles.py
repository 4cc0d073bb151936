"""A role written after "said" with a place, a people or a party before it: '"...," said the
Vermont senator' is the senator the article names, as '"...," the Vermont senator said' was; a
person named after "said" inside such a phrase is not made a role's holder."""

from __future__ import annotations

import pytest

from tests.unit.test_attribution import who


@pytest.mark.parametrize(
    ("introduced", "quoted", "speaker"),
    [
        ("Vermont Sen. Bernie Sanders spoke in Iowa.", '"We will win," said the Vermont senator.', "Bernie Sanders"),
        (
            "Democratic nominee Hillary Clinton spoke in Ohio on Monday.",
            '"We will win this state," said the Democratic nominee.',
            "Hillary Clinton",
        ),
        (
            "Russian President Vladimir Putin met Joe Biden.",
            '"It was good," said the Russian president.',
            "Vladimir Putin",
        ),
        # As before: the same roles before the verb.
        ("Vermont Sen. Bernie Sanders spoke in Iowa.", '"We will win," the Vermont senator said.', "Bernie Sanders"),
        (
            "Democratic nominee Hillary Clinton spoke in Ohio.",
            '"We will win," the Democratic nominee said.',
            "Hillary Clinton",
        ),
    ],
)
def test_a_role_after_said_with_a_place_or_party_is_its_holder(introduced: str, quoted: str, speaker: str) -> None:
    assert who(introduced, quoted)[1] == (speaker, "say")


def test_a_role_qualified_by_a_person_is_not_read_as_the_role() -> None:
    # "the former top aide to President George W. Bush" is Fleischer, quoted just before; no role
    # of "president" is read from it.
    spoken = who(
        "One of the authors, Ari Fleischer, said the nomination will test the report.",
        '"Certainly Donald Trump has gone in the opposite direction," said the former top aide to President George W. Bush.',
    )
    assert spoken[1][0] != "George W. Bush"


def test_no_one_holds_a_role_the_article_gives_no_one() -> None:
    assert who("Sen. Bernie Sanders spoke in Iowa.", '"We will win," said the Ohio governor.')[1][0] is None
