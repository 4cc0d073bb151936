"""Who or what a sentence tells without a capitalised name (index/search/unnamed.py)."""

from __future__ import annotations

import pytest

from index.search.unnamed import role_left_unnamed, role_of_another, tells_unnamed_agent, without_asked_acronyms

SPOKESMAN = "Who is the spokesman for the Clinton Foundation?"


@pytest.mark.parametrize(
    ("question", "sentence", "unnamed"),
    [
        (SPOKESMAN, "A spokesman for Democratic presidential candidate Hillary Clinton called it false.", True),
        (SPOKESMAN, "Brian Fallon, a spokesman for the foundation, called it false.", False),
        (SPOKESMAN, "A spokesman, Brian Fallon, called it false.", False),
        # The role is the word before the preposition, not the preposition: "a plan for" is no manager.
        ("Who is the campaign manager for Trump?", "Trump has a plan for the campaign.", False),
        ("Who is the campaign manager for Trump?", "A campaign manager for Trump quit on Monday.", True),
        # Not a question for a role's holder.
        ("Who shot the protester?", "A spokesman for the police said an officer shot him.", False),
    ],
)
def test_a_role_written_with_a_and_no_name_names_no_holder(question: str, sentence: str, unnamed: bool) -> None:
    assert role_left_unnamed(question, sentence) is unnamed


def test_a_body_after_by_or_someones_kin_says_who() -> None:
    assert tells_unnamed_agent("He was reported missing Thursday evening by the police.")
    assert tells_unnamed_agent("His daughter reported to the police he left home.")
    assert not tells_unnamed_agent("He was reported missing on Thursday.")


def test_an_acronym_of_a_name_the_question_writes_is_left_out() -> None:
    question = "Who drafted the New South Wales abortion bill?"
    assert "NSW" not in without_asked_acronyms("The Parliament of New South Wales (NSW) passed it.", question)
    assert "NATO" in without_asked_acronyms("NATO drafted it.", question)


@pytest.mark.parametrize(
    ("question", "sentence", "body"),
    [
        ("Who is the spokesman for NATO?", "On January 11, Kremlin spokesman Dmitry Peskov said so.", "Kremlin"),
        # The body asked, a role with no body, or not a question for a body's role holder.
        ("Who is the spokesman for the Kremlin?", "On January 11, Kremlin spokesman Dmitry Peskov said so.", None),
        ("Who is the spokesman for NATO?", "NATO spokesman Oana Lungescu said so.", None),
        ("Who is the spokesman for NATO?", "On Monday, NATO's spokesman Oana Lungescu said so.", None),
        ("Who is the spokesman for NATO?", "A spokesman said so.", None),
        ("Who is the spokesman?", "On January 11, Kremlin spokesman Dmitry Peskov said so.", None),
    ],
)
def test_a_role_another_body_holds_does_not_answer(question: str, sentence: str, body: str | None) -> None:
    assert role_of_another(question, sentence) == body


def test_a_body_written_as_the_acronym_of_the_one_asked_is_the_one_asked() -> None:
    question = "Who is the president of the American Federation of Teachers?"
    assert role_of_another(question, "The powerful AFT President Randi Weingarten praised her.") is None
    typed = "Who is the president of the american federation of teachers?"
    assert role_of_another(typed, "The powerful AFT President Randi Weingarten praised her.") is None
    assert role_of_another(question, "The powerful NEA President Lily Eskelsen praised her.") == "NEA"
