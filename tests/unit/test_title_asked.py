"""A title in an asked name picks, among the people of that surname, the one the articles give
it: "What did Judge Jackson say?" is the judge's words, not a state senator's of the same
surname; "Sen. Warren" is the senator however the articles write the title ("Senator
Elizabeth Warren"). When no article gives the title to any of them, all are answered as before.
"""

from __future__ import annotations

from index.search.searcher import Searcher
from index.search.titles_asked import names_a_post, title_forms
from tests.support import searcher_fixture

ARTICLES = [
    {
        "id": "sentencing",
        "title": "Former adviser sentenced",
        "published": "2019-03-15",
        "text": "\n\n".join(
            [
                "Paul Manafort was sentenced by Judge Amy Berman Jackson to 73 months in federal prison.",
                'Judge Jackson said, "Saying I am sorry I got caught is not a plea for leniency."',
            ]
        ),
    },
    {
        "id": "superdelegates",
        "title": "Superdelegates under pressure",
        "published": "2016-05-05",
        "text": "\n\n".join(
            [
                '"The superdelegates should follow the voters," said Troy Jackson, a state senator in Maine.',
                "Jackson said he would back Sanders at the convention.",
            ]
        ),
    },
    {
        "id": "banks",
        "title": "Senators question bank chiefs",
        "published": "2016-06-28",
        "text": "\n\n".join(
            [
                "Senator Elizabeth Warren said the bank had cheated its customers.",
                "Warren said the chief executive should resign.",
            ]
        ),
    },
    {
        "id": "trial",
        "title": "Trial delayed again",
        "published": "2016-07-01",
        "text": "Defence lawyer Steven Warren said his client would plead not guilty.",
    },
]

court = searcher_fixture(ARTICLES, "titles")


def speakers_of(searcher: Searcher, question: str) -> set[str | None]:
    answer = searcher.answer(question)
    assert not answer.declined, question
    return {hit.speaker for hit in answer.hits}


def test_a_title_picks_the_person_the_articles_give_it(court: Searcher) -> None:
    assert speakers_of(court, "What did Judge Jackson say?") == {"Amy Berman Jackson"}
    assert speakers_of(court, "what did judge jackson say") == {"Amy Berman Jackson"}
    answer = court.answer("What did Judge Jackson say?")
    assert "people called" not in answer.note  # one person: no note naming two


def test_a_title_written_short_finds_the_one_written_in_full(court: Searcher) -> None:
    assert speakers_of(court, "What did Sen. Warren say?") == {"Elizabeth Warren"}
    assert speakers_of(court, "What did Senator Warren say?") == {"Elizabeth Warren"}


def test_without_a_title_or_with_one_no_article_gives_everyone_is_answered(court: Searcher) -> None:
    assert speakers_of(court, "What did Jackson say?") == {"Amy Berman Jackson", "Troy Jackson"}
    # No Jackson is called a mayor: both are shown, each one's quotes apart, as for "Jackson".
    answer = court.answer("What did Mayor Jackson say?")
    assert {hit.speaker for hit in answer.hits} == {"Amy Berman Jackson", "Troy Jackson"}
    assert "2 people called Mayor Jackson" in answer.note


def test_which_title_words_name_a_post_and_how_they_are_written() -> None:
    assert names_a_post("Judge") and names_a_post("Sen.") and names_a_post("governor")
    assert not names_a_post("former") and not names_a_post("Mrs.") and not names_a_post("Jackson")
    assert title_forms("Sen.") == ("Sen.", "Senator")
    assert title_forms("senator") == ("senator", "Sen.")
    assert title_forms("Rep.")[1:] == ("Representative", "Congressman", "Congresswoman")
    assert title_forms("Judge") == ("Judge",)
