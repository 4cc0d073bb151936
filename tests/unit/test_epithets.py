"""People named by what they are, as sports and world pages write them. "Spaniard Rafael Nadal
said" is Rafael Nadal's, not a "Spaniard Rafael Nadal"'s; '"I played well," the Scot said.' is
the words of the one person the article makes Scottish ("Scot Andy Murray", "Britain's Tim
Henman", "Roger Federer of Switzerland"), and of nobody called "Scot"; "the 23-year-old said" of
the one person it gives that age ("Andy Murray, 23,"). When it makes no one so, the one person
named just before is meant, unless it makes them otherwise."""

from __future__ import annotations

from pathlib import Path

from index.embedding.models import Embedder
from tests.support import searcher_over
from tests.support import speakers_of as who


def test_a_nationality_before_a_name_is_no_part_of_it() -> None:
    got = who(
        "Spaniard Rafael Nadal said he was tired.",
        "“We lost,” said Dutchman Ruud van Nistelrooy.",
        "Frenchwoman Amelie Mauresmo said she would rest.",
        "Dane Peter Schmeichel said it was over.",
    )
    assert got == ["Rafael Nadal", "Ruud van Nistelrooy", "Amelie Mauresmo", "Peter Schmeichel"]


def test_the_scot_is_the_one_person_the_article_makes_scottish() -> None:
    got = who(
        "Scot Andy Murray beat Spaniard Rafael Nadal in Madrid on Sunday.",
        "“I played well,” the Scot said.",
        "“It was tough,” said the Spaniard, who had not lost on clay all year.",
    )
    assert got[1:] == ["Andy Murray", "Rafael Nadal"]


def test_a_country_s_name_or_adjective_beside_the_name_gives_the_nationality_too() -> None:
    got = who(
        "Britain's Tim Henman beat Roger Federer of Switzerland, and Spanish star Carlos Moya lost to American Andy Roddick.",
        "The Briton said he had never served better.",
        "The Spaniard said his wrist was sore.",
        "“He was too good,” the American told reporters.",
    )
    assert got[1:] == ["Tim Henman", "Carlos Moya", "Andy Roddick"]


def test_a_nationality_two_people_hold_is_nobody_s_and_never_a_name() -> None:
    got = who(
        "Spaniard Cesc Fabregas and Spaniard Jose Reyes both scored.",
        "The Spaniard said the team was happy.",
        "Andy Murray beat Rafael Nadal in Madrid.",
        "“I played well,” the Scot said.",
    )
    assert got[1] is None and got[3] is None


def test_a_nationality_no_one_holds_is_the_one_person_named_just_before() -> None:
    got = who(
        "Arsenal boss Arsene Wenger insists his side can still win the title.",
        "“We have the quality,” the Frenchman told reporters.",
        "Roger Federer of Switzerland beat Tommy Haas in Halle.",
        "“He played too well,” the German said.",
    )
    assert got[1] == "Arsene Wenger" and got[3] == "Tommy Haas"


def test_the_23_year_old_is_the_one_person_the_article_gives_that_age() -> None:
    got = who(
        "Wayne Rooney (19) and Alan Smith, 24, scored for United on Saturday.",
        "The 24-year-old said the second goal was easy.",
        "“I just kept running,” said the 19-year-old, who joined in the summer.",
        "Lori Bernstein held up a sign outside the arena.",
        "The 57-year-old scientist says she is worried.",
    )
    assert got[1:3] == ["Alan Smith", "Wayne Rooney"] and got[4] == "Lori Bernstein"


def test_an_age_after_adjectives_is_the_person_named_last_over_a_sentence_naming_no_one() -> None:
    # Ban was named two sentences before; the sentence between names no one ("he").
    got = who(
        "But it might not have happened without Ban Ki-moon's nearly decade-long persistence.",
        "When he assumed office in 2007, he made climate change a primary focus.",
        '"I made climate change the top priority," the bespectacled, 71-year-old diplomat said.',
    )
    assert got[2] == "Ban Ki-moon"
    # two sentences naming no one: nobody
    assert (
        who(
            "Ban Ki-moon arrived on Monday.",
            "When he assumed office, he made climate a focus.",
            "It was a long process.",
            '"It was worth it," the 71-year-old diplomat said.',
        )[3]
        is None
    )


def test_a_national_of_a_gender_is_not_the_person_of_the_other() -> None:
    got = who(
        "Frenchwoman Amelie Mauresmo and Frenchman Richard Gasquet both won in Paris.",
        "The Frenchwoman said she was tired.",
        "The Frenchman said he was ready.",
    )
    assert got[1:] == ["Amelie Mauresmo", "Richard Gasquet"]


def test_first_names_that_are_nationals_too_stay_names() -> None:
    got = who(
        "Dane Cook said the show was funny.",
        "Finn Russell said the kick was easy.",
        "Scot Peterson said he was sorry.",
    )
    assert got == ["Dane Cook", "Finn Russell", "Scot Peterson"]


def test_what_the_scot_said_is_found_under_the_person_s_name(tmp_path: Path, embedder: Embedder) -> None:
    text = (
        "Scot Andy Murray reached the final in Queens on Sunday with a win over Spaniard Rafael Nadal. "
        "“I felt strong from the first point,” the Scot said. "
        "“He served too well for me,” said the Spaniard."
    )
    searcher = searcher_over([{"id": "queens", "title": "Murray into final", "text": text}], tmp_path, embedder)
    try:
        murray = searcher.answer("What did Andy Murray say?")
        assert [h.sentence for h in murray.hits] == ["“I felt strong from the first point,” the Scot said."]
        assert {h.speaker for h in searcher.answer("What did Nadal say?").hits} == {"Rafael Nadal"}
        assert sorted(searcher.top_speakers(limit=10)) == ["Andy Murray", "Rafael Nadal"]
    finally:
        searcher.close()
