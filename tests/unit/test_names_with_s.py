"""Names that end in "'s" speak: "McDonald's said" is the company's words, not nobody's, and "What
did McDonald's say?" finds them; "He's said" is "he has said". A possessive before a noun that
looks like a verb ("Peskov's comments") is still no one's."""

from __future__ import annotations

from index.search.searcher import Searcher
from tests.support import searcher_fixture, speakers_of


def test_a_company_named_with_s_is_the_speaker() -> None:
    assert speakers_of("McDonald's said sales rose 5 percent.") == ["McDonald's"]
    assert speakers_of('"We are pleased," McDonald’s said in a statement.') == ["McDonald’s"]
    assert speakers_of("Trader Joe's says it will open ten stores.") == ["Trader Joe's"]
    # A spokesman for it speaks for it, as "a White House spokesman said" does for the White House.
    assert speakers_of("A spokesman for Wendy's said the chain would not comment.") == ["Wendy's"]
    # A day before the name is no part of it.
    assert speakers_of("On Tuesday Sainsbury's told investors it was confident.") == ["Sainsbury's"]


def test_a_possessive_before_a_noun_is_still_no_speaker() -> None:
    assert speakers_of("Peskov's comments said little about the talks.") == [None]
    assert speakers_of("Clinton's reported remarks angered donors.") == [None]
    assert speakers_of("The Joneses' said nothing.") == [None]


def test_has_said_written_short_is_the_person_named() -> None:
    # "Trump's said" and "He's said": Trump has said; he has said.
    assert speakers_of("Donald Trump spoke in Ohio.", "Trump's said he will win.") == [None, "Donald Trump"]
    assert speakers_of("Donald Trump spoke in Ohio.", "He's said he will win.") == [None, "Donald Trump"]
    assert speakers_of("Donald Trump spoke in Ohio. The crowd cheered, and he's told reporters he is happy.") == [
        None,
        "Donald Trump",
    ]


ARTICLES = [
    {
        "id": "burgers",
        "title": "Burger chain sales rise",
        "published": "2024-02-01",
        "text": "\n\n".join(
            [
                "McDonald's said sales rose 5 percent in the last quarter.",
                '"Our breakfast menu drove the growth," McDonald\'s said in a statement.',
                "Shares rose 2 percent.",
            ]
        ),
    },
    {
        "id": "farm",
        "title": "Farmer wins prize",
        "published": "2024-02-02",
        "text": "Farmer Ann McDonald said the harvest was the best in years.",
    },
]

chains = searcher_fixture(ARTICLES, "names-with-s")


def test_what_did_the_company_say_is_its_words_not_a_namesakes(chains: Searcher) -> None:
    for question in ("What did McDonald's say?", "what did mcdonald's say"):
        answer = chains.answer(question)
        assert not answer.declined, question
        assert {hit.speaker for hit in answer.hits} == {"McDonald's"}, question
        assert len(answer.hits) == 2
    answer = chains.answer("What did Ann McDonald say?")
    assert [hit.speaker for hit in answer.hits] == ["Ann McDonald"]
