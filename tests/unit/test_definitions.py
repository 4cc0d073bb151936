"""Questions asking who or what a name is (index/search/definitions.py, answering.py's route)."""

from __future__ import annotations

import pytest

from index.search.definitions import PLAIN, TITLED, DefinitionQuery, defines, parse_definition
from index.search.searcher import Searcher
from tests.support import searcher_fixture


@pytest.mark.parametrize(
    ("question", "name", "who"),
    [
        ("Who is Wendy Sherman?", "Wendy Sherman", True),
        ("who was Ryabkov", "Ryabkov", True),
        ("What is the OSCE?", "OSCE", False),
        (
            "What is the Organization for Security and Cooperation in Europe?",
            "Organization for Security and Cooperation in Europe",
            False,
        ),
        ("What is Al-Shabaab?", "Al-Shabaab", False),
    ],
)
def test_a_question_asking_who_or_what_a_name_is(question: str, name: str, who: bool) -> None:
    asked = parse_definition(question)
    assert asked is not None
    assert (asked.name, asked.who) == (name, who)


@pytest.mark.parametrize(
    "question",
    [
        "Who is the US ambassador to NATO?",  # a role, not a name
        "What is Russia demanding?",
        "Who is Sherman talking to?",
        "What is it?",
        "who is peskov?",  # no capital: no name to look for
        "Who led the talks in Geneva?",
        "",
    ],
)
def test_other_questions_ask_no_definition(question: str) -> None:
    assert parse_definition(question) is None


def _asked(question: str) -> DefinitionQuery:
    asked = parse_definition(question)
    assert asked is not None
    return asked


@pytest.mark.parametrize(
    ("question", "sentence", "strength", "words"),
    [
        (
            "What is the OSCE?",
            "The talks are followed by a meeting of the Organization for Security and Cooperation in Europe (OSCE) in Vienna.",
            PLAIN,
            "Organization for Security and Cooperation in Europe (OSCE)",
        ),
        (
            "What is USAID?",
            "Aid from the U.S. Agency for International Development (USAID) arrived.",
            PLAIN,
            "U.S. Agency for International Development (USAID)",
        ),
        (
            "Who is Paul Manafort?",
            "Trump hired Paul Manafort, a seasoned operative, last month.",
            PLAIN,
            "Paul Manafort, a seasoned operative",
        ),
        (
            "Who is Rakeem Jones?",
            "Rakeem Jones, 26, a protester who was punched, spoke on Thursday.",
            PLAIN,
            "Rakeem Jones, 26, a protester who was punched",
        ),
        (
            "Who is Clinton?",
            "Clinton was the U.S. senator from New York.",
            PLAIN,
            "Clinton was the U.S. senator from New York.",
        ),
        (
            "Who is Ryabkov?",
            "She spoke to Russian Deputy Foreign Minister Sergei Ryabkov in Geneva.",
            TITLED,
            "Deputy Foreign Minister Sergei Ryabkov",
        ),
        (
            "Who is Julianne Smith?",
            '"We stand united," U.S. Ambassador to NATO Julianne Smith said on January 11.',
            TITLED,
            "Ambassador to NATO Julianne Smith",
        ),
    ],
)
def test_a_sentence_that_says_who_or_what_a_name_is(question: str, sentence: str, strength: int, words: str) -> None:
    definition = defines(sentence, _asked(question))
    assert definition is not None
    assert (definition.strength, definition.words) == (strength, words)


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        ("What is the OSCE?", "The United States, Russia, and Ukraine are all members of the OSCE."),
        ("Who is Julianne Smith?", '"NATO is open," Smith said.'),
        ("What is NATO?", "The U.S. ambassador to NATO says members stand united."),  # a title says who, not what
        ("What is ISIS?", "The biggest factor in the rise of ISIS was the failed attempt to topple Assad."),
        ("What is ISIS?", "We have Obamacare, the weakest military in decades, ISIS, a disastrous deal with Iran."),
        ("What is ISIS?", "Groups like ISIS, which claimed the attacks, recruit online."),
    ],
)
def test_a_sentence_that_only_names_it_does_not_say_it(question: str, sentence: str) -> None:
    assert defines(sentence, _asked(question)) is None


def test_who_or_what_is_answered_from_the_sample_article(sample_searcher: Searcher) -> None:
    osce = sample_searcher.answer("What is the OSCE?")  # declined before: the reranker found it 9% likely
    assert not osce.declined
    assert "Organization for Security and Cooperation in Europe (OSCE)" in osce.hits[0].sentence
    smith = sample_searcher.answer("Who is Julianne Smith?")
    assert "Ambassador to NATO Julianne Smith said" in smith.hits[0].sentence
    assert sample_searcher.answer("Who is Macron?").reason == "No article mentions Macron."


@pytest.mark.parametrize("typed", ["whats the osce", "what's the osce", "WHAT'S THE OSCE", "what is the osce thanks"])
def test_who_or_what_is_typed_as_in_a_chat(sample_searcher: Searcher, typed: str) -> None:
    """No capitals, the verb run into the question word, no question mark: still "What is the
    OSCE?" (query.py, casing.py), not a search for the words "whats" and "osce"."""
    written = sample_searcher.answer("What is the OSCE?")
    answer = sample_searcher.answer(typed)
    assert not answer.declined
    assert [h.sentence for h in answer.hits] == [h.sentence for h in written.hits]


PEOPLE = [
    {
        "id": f"council-{n}",
        "title": f"Council meeting {n}",
        "published": f"2024-05-0{n}",
        "text": "\n\n".join(
            [
                f"Halvorsen opened the {n}th council meeting of the year on a rainy evening.",
                "Who Halvorsen is matters less to voters than what she does, a poll found.",
                "Halvorsen, 54, spoke for an hour about the budget.",
                "Critics of Halvorsen want the ferry terminal plan dropped.",
            ]
            + (
                ["The budget was presented by Port Ellis Mayor Ingrid Halvorsen after the ferry was delayed."]
                if n == 2
                else []
            )
        ),
    }
    for n in (1, 2, 3)
]


council = searcher_fixture(PEOPLE, "council")


def test_among_many_mentions_the_sentence_saying_who_is_shown(council: Searcher) -> None:
    answer = council.answer("Who is Halvorsen?")
    assert [h.sentence for h in answer.hits] == [
        "The budget was presented by Port Ellis Mayor Ingrid Halvorsen after the ferry was delayed."
    ]
    assert answer.reason == "1 sentence(s) say who or what Halvorsen is."
