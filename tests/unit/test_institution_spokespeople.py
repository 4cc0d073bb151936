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


def test_a_department_of_speaks_through_its_spokesman(searcher: Searcher) -> None:
    answer = searcher.answer("What did the Department of Justice say?")
    shown = {hit.sentence for hit in answer.hits}
    assert "The Department of Justice said the inquiry would continue into the summer." in shown
    assert "A Department of Justice spokesman, Peter Carr, said no charges had been filed." in shown
    assert '"The review is thorough," Carr said.' in shown


def test_every_name_of_an_institution_is_one_for_both_readings() -> None:
    for name in ("Department of Justice", "Justice Department", "White House", "Pentagon", "U.S. State Department"):
        assert is_institution(name), name
    for name in ("Peter Carr", "Ann Lowe"):
        assert not is_institution(name) and not names_institution(name_words(name)), name
    assert names_institution(name_words("Department of Justice"))
