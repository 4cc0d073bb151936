"""A country asked about is answered by its officials ("What did Russia say?"): attribution names
no country as a speaker, so the quotes are those of whom the articles give the country's titles."""

from __future__ import annotations

import pytest

from index.search.officials import bodies_of, country_asked, officials_in, officials_note
from index.search.searcher import Searcher
from tests.support import searcher_fixture


@pytest.mark.parametrize(
    ("name", "demonym"),
    [
        ("Russia", "russian"),
        ("the United States", "american"),
        ("the U.S.", "american"),
        ("the US", "american"),
        ("Moscow", "russian"),
        ("the Russians", "russian"),
        ("NATO", None),
        ("Peskov", None),
    ],
)
def test_a_country_is_asked_by_its_name_its_people_or_its_seat(name: str, demonym: str | None) -> None:
    assert country_asked(name) == demonym


@pytest.mark.parametrize(
    ("text", "demonym", "found"),
    [
        (
            "During a call on January 11, Kremlin spokesman Dmitry Peskov said the talks were open.",
            "russian",
            [("Dmitry Peskov", "Kremlin spokesman")],
        ),
        (
            "She briefed NATO on talks with Russian Deputy Foreign Minister Sergei Ryabkov in Geneva.",
            "russian",
            [("Sergei Ryabkov", "Russian Deputy Foreign Minister")],
        ),
        (
            '"It is clear," U.S. Ambassador to NATO Julianne Smith said on January 11.',
            "american",
            [("Julianne Smith", "U.S. Ambassador to NATO")],
        ),
        (  # the title after the name, and NYT's "President X of Russia"
            "Sergei Lavrov, Russia's foreign minister, said no; President Vladimir V. Putin of Russia agreed.",
            "russian",
            [("Sergei Lavrov", "Russia's foreign minister"), ("Vladimir V. Putin", "President of Russia")],
        ),
        (
            "British diplomat Sir Peter Westmacott said Obama has charm.",
            "british",
            [("Peter Westmacott", "British diplomat")],
        ),
        # not a citizen, not another country's official, not a title of no one
        ("Turkish national Hatice Cengiz said she waited outside.", "turkish", []),
        ("Ukrainian Foreign Minister Dmytro Kuleba praised unity.", "russian", []),
        ("Russian troops massed near the border.", "russian", []),
    ],
)
def test_the_names_an_article_gives_a_countrys_titles(text: str, demonym: str, found: list[tuple[str, str]]) -> None:
    assert officials_in(text, demonym) == found


def test_a_countrys_bodies_are_the_speakers_its_name_or_people_opens() -> None:
    speakers = [
        "Russian Foreign Ministry",
        "Russia's Foreign Ministry",
        "Moscow Times",
        "Dmitry Peskov",
        "German government",
    ]
    assert bodies_of("russian", speakers) == ["Russian Foreign Ministry", "Russia's Foreign Ministry"]
    assert bodies_of("german", speakers) == ["German government"]


def test_the_note_names_the_officials_and_bodies_as_the_articles_call_them() -> None:
    note = officials_note("Russia", {"Dmitry Peskov": "Kremlin spokesman", "Russian Foreign Ministry": ""})
    assert note == (
        "No quote is attributed to Russia itself; these are its officials' and bodies' quotes: "
        "Dmitry Peskov (Kremlin spokesman) and Russian Foreign Ministry."
    )


def test_what_russia_said_is_what_its_officials_said(sample_searcher: Searcher) -> None:
    # It was "I found no quote attributed to Russia; these sentences mention Russia:".
    answer = sample_searcher.answer("What did Russia say?")
    assert not answer.declined
    assert {h.speaker for h in answer.hits} == {"Dmitry Peskov", "Sergei Ryabkov"}
    assert answer.note == (
        "No quote is attributed to Russia itself; these are its officials' quotes: "
        "Dmitry Peskov (Kremlin spokesman) and Sergei Ryabkov (Russian Deputy Foreign Minister)."
    )
    assert answer.reason == "5 sentence(s) attributed to Dmitry Peskov and Sergei Ryabkov, 5 shown."
    ukraine = sample_searcher.answer("What did Ukraine say?")
    assert {h.speaker for h in ukraine.hits} == {"Dmytro Kuleba"}
    nato = sample_searcher.answer("What did NATO say?")  # no country: the sentences mentioning it, as before
    assert nato.note == "I found no quote attributed to NATO; these sentences mention NATO:"


def test_what_a_country_said_on_a_topic_is_its_officials_quotes_on_it(sample_searcher: Searcher) -> None:
    answer = sample_searcher.answer("What did Russia say about NATO?")
    assert [h.speaker for h in answer.hits] == ["Sergei Ryabkov"]
    assert "NATO" in answer.hits[0].sentence


ARTICLES = [
    {
        "id": "ministry",
        "title": "Moscow responds",
        "published": "2022-01-14",
        "text": "The Russian Foreign Ministry said the proposals were unacceptable.\n\n"
        "Russia's foreign minister, Sergei Lavrov, called the talks a dead end.\n\n"
        '"We will not wait forever," Lavrov said.',
    },
    {
        "id": "surname",
        "title": "A different Lavrov",
        "published": "2022-01-15",
        "text": 'Anna Lavrova said the shop would open. "It is a good day," Pyotr Lavrov said.',
    },
    {
        "id": "paris",
        "title": "Paris hosts the summit",
        "published": "2022-01-16",
        "text": "Agence France-Presse reported that the summit would open on Monday.\n\n"
        '"Europe must speak with one voice," French President Emmanuel Macron said.',
    },
]

moscow = searcher_fixture(ARTICLES, "officials")


def test_a_countrys_bodies_speak_for_it_beside_its_officials(moscow: Searcher) -> None:
    answer = moscow.answer("What did Russia say?")
    assert {h.speaker for h in answer.hits} == {"Russian Foreign Ministry", "Sergei Lavrov"}
    assert answer.note.endswith("quotes: Russian Foreign Ministry and Sergei Lavrov (Russia's foreign minister).")
    # The official of the article that gives the title, not someone else of that surname.
    assert all(h.speaker != "Pyotr Lavrov" for h in answer.hits)


def test_a_country_is_not_a_speaker_whose_name_only_holds_it(moscow: Searcher) -> None:
    # Wikinews: "What did France say?" was the quotes of Agence France-Presse, a news agency.
    answer = moscow.answer("What did France say?")
    assert {h.speaker for h in answer.hits} == {"Emmanuel Macron"}
    assert answer.note.endswith("quotes: Emmanuel Macron (French President).")
    assert moscow.answer("What did Agence France-Presse report?").hits[0].speaker == "Agence France-Presse"


def test_a_countrys_office_is_one_of_its_bodies() -> None:
    assert bodies_of("british", ["Britain's Foreign Office", "British Airways"]) == ["Britain's Foreign Office"]


def test_a_countrys_people_are_asked_for_as_the_country(sample_searcher: Searcher) -> None:
    # "What did the Americans say?" was declined: "No article mentions the Americans" (the sample
    # writes "U.S.", which a demonym's people did not stand for as the demonym did).
    answer = sample_searcher.answer("What did the Americans say?")
    assert {h.speaker for h in answer.hits} == {"Julianne Smith", "Wendy Sherman"}
    assert answer.note.startswith("No quote is attributed to the Americans themselves; these are their officials'")


NAMESAKES = [
    {
        "id": "house",
        "title": "Democrats meet the candidate",
        "published": "2016-03-23",
        "text": 'Rep. Steve Israel said the caucus was upbeat. "The room was full," Israel said.',
    },
    {
        "id": "jerusalem",
        "title": "Netanyahu answers",
        "published": "2016-03-24",
        "text": 'Israeli Prime Minister Benjamin Netanyahu said the deal was a mistake. "We will defend '
        'ourselves," Netanyahu said.',
    },
    {
        "id": "chicago",
        "title": "A legend speaks",
        "published": "2016-03-25",
        "text": 'Michael Jordan said the team had grown. "We worked for this," Jordan said.',
    },
]

namesakes = searcher_fixture(NAMESAKES, "namesakes")


def test_a_country_is_its_officials_before_someone_of_its_name(namesakes: Searcher) -> None:
    # PolNeAR: "What did Israel say?" was Rep. Steve Israel's quotes, beside Netanyahu's.
    answer = namesakes.answer("What did Israel say?")
    assert {h.speaker for h in answer.hits} == {"Benjamin Netanyahu"}
    assert answer.note == (
        "No quote is attributed to Israel itself; these are its officials' quotes: Benjamin Netanyahu "
        '(Israeli Prime Minister). For Steve Israel, ask "What did Steve Israel say?".'
    )
    # Asked by a name the country is not, he is who is asked for.
    for asked in ("What did Steve Israel say?", "What did Rep. Israel say?"):
        assert {h.speaker for h in namesakes.answer(asked).hits} == {"Steve Israel"}, asked


def test_someone_of_a_countrys_name_is_asked_for_when_no_official_of_it_is_quoted(namesakes: Searcher) -> None:
    answer = namesakes.answer("What did Jordan say?")
    assert {h.speaker for h in answer.hits} == {"Michael Jordan"}
    assert not answer.note.startswith("No quote is attributed to Jordan itself")
