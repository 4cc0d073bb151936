"""An institution named "Department of X" speaks through its spokesman as "the X Department" does:
one definition of what may be an institution serves the speech questions and the name matching."""

from __future__ import annotations

from index.search.institution_names import names_institution
from index.search.name_words import name_words
from index.search.roles import is_institution
from index.search.searcher import Searcher
from tests.support import searcher_fixture

ARTICLES = [
    {
        "id": "probe-2019",
        "title": "Probe goes on",
        "published": "2019-03-02",
        "text": "The Department of Justice said the inquiry would continue into the summer.\n\n"
        "A Department of Justice spokesman, Peter Carr, said no charges had been filed.\n\n"
        '"The review is thorough," Carr said.',
    },
    {
        "id": "courts-2019",
        "title": "Courts reopen",
        "published": "2019-04-11",
        "text": "Judge Ann Lowe said the courts would reopen on Monday.",
    },
]

searcher = searcher_fixture(ARTICLES, "institutions")

# One department, two spokespeople: one "spokesman" of "the State Department", one "spokesperson"
# of "the Department of State".
STATE_ARTICLES = [
    {
        "id": "emails-2016",
        "title": "Emails reviewed",
        "published": "2016-01-30",
        "text": "State Department spokesman John Kirby said the review of the emails would take months.\n\n"
        '"We are working as fast as we can," Kirby said.',
    },
    {
        "id": "iraq-2020",
        "title": "Iraq votes to expel troops",
        "published": "2020-01-06",
        "text": "The Parliament of Iraq voted to expel United States troops.\n\n"
        "A United States Department of State spokesperson, Morgan Ortagus, said the United States was "
        "disappointed by the decision.",
    },
]

state = searcher_fixture(STATE_ARTICLES, "state-department")


def test_a_department_of_speaks_through_its_spokesman(searcher: Searcher) -> None:
    answer = searcher.answer("What did the Department of Justice say?")
    shown = {hit.sentence for hit in answer.hits}
    assert "The Department of Justice said the inquiry would continue into the summer." in shown
    assert "A Department of Justice spokesman, Peter Carr, said no charges had been filed." in shown
    assert '"The review is thorough," Carr said.' in shown


def test_an_institution_speaks_through_each_of_its_spokespeople_however_written(state: Searcher) -> None:
    for question in ("What did the State Department say?", "What did the Department of State say?"):
        answer = state.answer(question)
        shown = {hit.sentence for hit in answer.hits}
        assert "State Department spokesman John Kirby said the review of the emails would take months." in shown
        assert (
            "A United States Department of State spokesperson, Morgan Ortagus, said the United States was "
            "disappointed by the decision." in shown
        ), question


def test_every_name_of_an_institution_is_one_for_both_readings() -> None:
    for name in ("Department of Justice", "Justice Department", "White House", "Pentagon", "U.S. State Department"):
        assert is_institution(name), name
    for name in ("Peter Carr", "Ann Lowe"):
        assert not is_institution(name) and not names_institution(name_words(name)), name
    assert names_institution(name_words("Department of Justice"))
