"""Titles as British papers write them: abbreviated with no full stop ("Det Ch Insp John Smith",
"Prof Stephen Hawking", "the Rev Ian Paisley") and peers ("Baroness Thatcher") are no part of
the name; "the Archbishop of Canterbury said" is nobody called Canterbury, and the person named
after such a title is its holder."""

from __future__ import annotations

from tests.support import speakers_of as who


def test_titles_abbreviated_with_no_full_stop_are_no_part_of_the_name() -> None:
    got = who(
        "Det Ch Insp John Smith said the attack was brutal.",
        "Ch Supt Ann Lee said officers had sealed off the road.",
        "Lt Col Tim Collins said his men were proud.",
        "Prof Stephen Hawking said it was likely.",
        "Cllr Jane Green said the council would act.",
        "The Rev Ian Paisley said there would be no deal.",
    )
    assert got == ["John Smith", "Ann Lee", "Tim Collins", "Stephen Hawking", "Jane Green", "Ian Paisley"]


def test_a_baroness_is_her_surname_and_a_she() -> None:
    got = who(
        "Baroness Thatcher met Lord Coe in London.",
        "“It was a very good lunch,” she said.",
        "Baroness Thatcher said she would attend the Games.",
    )
    assert got[1:] == ["Thatcher", "Thatcher"]


def test_the_place_of_a_title_is_nobody_and_the_name_after_it_its_holder() -> None:
    got = who(
        "The Archbishop of Canterbury said the war was wrong.",
        "The Duke of Edinburgh said the visit had gone well.",
        "The Bishop of Durham, Tom Wright, said the church would speak out.",
        "The occupants were going to a dance competition, according to the mayor of Yartsevo.",
    )
    assert got == [None, None, "Tom Wright", None]


def test_a_role_that_owns_what_follows_a_verb_is_not_its_speaker() -> None:
    got = who(
        "Burundi's President Pierre Nkurunziza died at the age of 55 on Monday.",
        "The government statement, which was posted on Twitter, announced the President's death.",
    )
    assert got[1] is None


def test_a_courtesy_title_with_no_full_stop_before_a_title_s_or_a_place_s_word() -> None:
    got = who(
        "Bank of England governor Mervyn King said rates would stay on hold.",
        "Mr King told MPs that inflation would fall.",
        "The study's lead author, Dr Ann Chen of Oxford University, said the results were clear.",
    )
    assert got == ["Mervyn King", "Mervyn King", "Ann Chen"]
