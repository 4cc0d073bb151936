"""An institution asked for by name: "the State Department" is not the "Florida Department of
State", and "the Department of Justice" is the "Justice Department" the articles quote."""

from __future__ import annotations

import random

import pytest

from index.search.institution_names import institution_at_home, institution_names, names_institution
from index.search.searcher import Searcher
from index.search.speakers import SpeakerIndex
from index.search.speech_topic import people, person_of
from tests.speaker_reference import reference_match_speaker
from tests.support import searcher_fixture

SPEAKERS = [
    "State Department",
    "Florida Department of State",
    "U.S. Department of Homeland Security",
    "Ministry of Foreign Affairs",
    "Ukraine's Foreign Ministry",
    "Justice Department",
    "Department for Education",
    "New York Police Department",
    "Georgia Department of Transportation",
    "University of Michigan",
    "Wendy Sherman",
]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("the State Department", ["State Department"]),  # not Florida's, whose words it holds
        ("the Department of State", ["State Department"]),  # written the other way round
        ("Florida Department of State", ["Florida Department of State"]),
        ("Department of Justice", ["Justice Department"]),
        ("Homeland Security Department", ["U.S. Department of Homeland Security"]),  # a country before it
        ("Education Department", ["Department for Education"]),
        ("Police Department", ["New York Police Department"]),  # its words in order, the city before
        ("Foreign Ministry", ["Ministry of Foreign Affairs", "Ukraine's Foreign Ministry"]),
        ("U.S. State Department", ["State Department"]),  # named with its country, quoted without
        ("US Department of State", ["State Department"]),
        ("Russian Foreign Ministry", ["Ministry of Foreign Affairs"]),  # not Ukraine's
        ("Department of Labor", []),  # no one quoted; not every department ("labor" is a title word)
        ("Labor Department", []),
        ("Michigan University", []),  # not the University of Michigan
        ("University of Michigan", ["University of Michigan"]),
        ("Kremlin spokesman Sherman", ["Wendy Sherman"]),  # a person's title still dropped
        ("NYPD", ["New York Police Department"]),  # its initials
        ("the NYPD", ["New York Police Department"]),
        ("FDS", ["Florida Department of State"]),
        ("WS", []),  # a person's initials are no name of theirs
    ],
)
def test_an_institution_is_matched_by_the_order_of_its_words(name: str, expected: list[str]) -> None:
    assert SpeakerIndex(SPEAKERS).match(name) == expected
    assert reference_match_speaker(name, SPEAKERS) == expected


def test_the_readings_of_an_institutions_name() -> None:
    assert [(r.words, r.opens) for r in institution_names(["state", "department"])] == [
        (("state", "department"), False),
        (("department", "state"), True),
    ]
    assert [(r.words, r.opens) for r in institution_names(["department", "of", "justice"])] == [
        (("department", "justice"), True),
        (("justice", "department"), False),
    ]
    assert institution_names(["wendy", "sherman"]) == [] and institution_names(["police"]) == []
    assert institution_at_home(["u", "s", "state", "department"]) == ["state", "department"]
    assert institution_at_home(["state", "department"]) is None
    assert names_institution(["justice", "department"]) and not names_institution(["wendy", "sherman"])


def test_many_institutions_and_names_agree_with_the_linear_matcher() -> None:
    """Institution names made of countries, places, kinds, links and topics, asked in parts, in
    any order and with typos: the index returns exactly what the reference returns."""
    rng = random.Random(11)
    countries = ["U.S.", "Russian", "Ukraine's", "US", "British"]
    places = ["Florida", "Georgia", "New York", "Texas", ""]
    kinds = ["Department", "Ministry", "Police", "University", "Committee"]
    topics = ["State", "Justice", "Foreign Affairs", "Homeland Security", "Defence", "Labor", "Education"]
    speakers = ["Wendy Sherman", "Justice Department", "State Department"]
    while len(speakers) < 400:
        kind, topic = rng.choice(kinds), rng.choice(topics)
        name = f"{kind} {rng.choice(['of', 'for'])} {topic}" if rng.random() < 0.5 else f"{topic} {kind}"
        lead = rng.choice(countries + places + ["", ""])
        speakers.append(f"{lead} {name}".strip())
    index = SpeakerIndex(speakers)
    for _ in range(300):
        words = rng.choice(speakers).split()
        if rng.random() < 0.5:
            words = rng.sample(words, rng.randint(1, len(words)))
        if rng.random() < 0.3:
            at = rng.randrange(len(words))
            word = words[at]
            cut = rng.randrange(len(word))
            words[at] = word[:cut] + rng.choice("aeiou") + word[cut + 1 :]
        if rng.random() < 0.2:
            words = [rng.choice(countries), *words]
        name = " ".join(words)
        assert index.match(name) == reference_match_speaker(name, speakers), name


ARTICLES = [
    {
        "id": "emails",
        "title": "Emails released",
        "published": "2016-01-30",
        "text": "The State Department said it would release more of the emails next month.\n\n"
        "Officials expect the review to take several weeks.",
    },
    {
        "id": "turnout",
        "title": "Florida turnout",
        "published": "2016-03-16",
        "text": "The Florida Department of State said turnout had reached 42 percent of voters.\n\n"
        "Polls closed at 7 p.m. across the state.",
    },
    {
        "id": "inquiry",
        "title": "An inquiry opens",
        "published": "2016-05-02",
        "text": "The Justice Department said the inquiry would examine the server.\n\n"
        "Lawyers for the aide declined to comment.",
    },
    {
        "id": "outlook",
        "title": "The world economy",
        "published": "2016-04-12",
        "text": "The International Monetary Fund said global growth would slow this year.\n\n"
        "Trade has weakened since the autumn.",
    },
    {
        "id": "emerging",
        "title": "Emerging economies",
        "published": "2016-07-19",
        "text": "Faster growth in emerging economies will offset the slowdown, the IMF said.",
    },
    {
        "id": "quake",
        "title": "A quake in Mindanao",
        "published": "2019-10-17",
        "text": "The Philippine Institute of Volcanology and Seismology (Phivolcs) reported the first quake at "
        "7:37 p.m.\n\nPhivolcs said the fault makes the province seismically active.",
    },
    {
        "id": "hurricane",
        "title": "Dorian strengthens",
        "published": "2019-09-01",
        "text": "The National Hurricane Center (NHC) said the storm would strengthen overnight.\n\n"
        "The NHC also warned of flash floods in the Bahamas.",
    },
    {
        "id": "humberto",
        "title": "Humberto weakens",
        "published": "2019-09-19",
        "text": "The National Hurricane Center said the storm had weakened by Friday.",
    },
]

searcher = searcher_fixture(ARTICLES, "institution_names")


def test_the_state_department_is_not_floridas_department_of_state(searcher: Searcher) -> None:
    answer = searcher.answer("What did the State Department say?")
    assert [hit.sentence for hit in answer.hits] == [
        "The State Department said it would release more of the emails next month."
    ]
    assert "Florida" not in answer.note


def test_an_institution_and_its_initials_are_one_speaker(searcher: Searcher) -> None:
    both = [
        "The International Monetary Fund said global growth would slow this year.",
        "Faster growth in emerging economies will offset the slowdown, the IMF said.",
    ]
    for question in ("What did the IMF say?", "What did the International Monetary Fund say?"):
        answer = searcher.answer(question)
        assert sorted(hit.sentence for hit in answer.hits) == sorted(both), question
        assert not answer.declined and answer.note == ""  # one speaker, not "2 people called IMF"
    index = SpeakerIndex(["IMF", "United Nations", "Donald Trump", "NATO"])
    assert index.match("International Monetary Fund") == ["IMF"]
    assert index.match("the UN") == ["United Nations"]
    assert index.match("North Atlantic Treaty Organization") == ["NATO"]
    assert index.match("DT") == []  # not Donald Trump
    # Initials are written in capitals: "SÃ" of a name read with the wrong encoding is no "Saudi Arabia".
    assert SpeakerIndex(["SÃ", "Donald Trump"]).match("Saudi Arabia") == []
    assert SpeakerIndex(["SA", "Donald Trump"]).match("Saudi Arabia") == ["SA"]
    assert people(["IMF", "International Monetary Fund", "Donald Trump"]) == [
        "International Monetary Fund",
        "Donald Trump",
    ]
    assert set(person_of({"IMF": 3, "International Monetary Fund": 1}).values()) == {"IMF"}  # signs most quotes


def test_an_organisation_and_the_short_name_its_article_gives_it_are_one_speaker(searcher: Searcher) -> None:
    # Wikinews: "What did Phivolcs say?" found 3 of its 5 sentences, "... the Philippine Institute
    # of Volcanology and Seismology" the other 2: the article gives the short name in brackets.
    both = [
        "The Philippine Institute of Volcanology and Seismology (Phivolcs) reported the first quake at 7:37 p.m.",
        "Phivolcs said the fault makes the province seismically active.",
    ]
    for question in ("What did Phivolcs say?", "What did the Philippine Institute of Volcanology and Seismology say?"):
        answer = searcher.answer(question)
        assert sorted(hit.sentence for hit in answer.hits) == sorted(both), question
        assert {hit.speaker for hit in answer.hits} == {"Philippine Institute of Volcanology and Seismology (Phivolcs)"}
    # One institution across articles, with its short name given in one of them only.
    storms = [
        "The NHC also warned of flash floods in the Bahamas.",
        "The National Hurricane Center (NHC) said the storm would strengthen overnight.",
        "The National Hurricane Center said the storm had weakened by Friday.",
    ]
    for question in ("What did the NHC say?", "What did the National Hurricane Center say?"):
        answer = searcher.answer(question)
        assert sorted(hit.sentence for hit in answer.hits) == sorted(storms), question
        assert answer.note == ""  # one institution, not "2 people called National Hurricane Center"


def test_the_department_of_justice_is_the_justice_department_the_articles_quote(searcher: Searcher) -> None:
    answer = searcher.answer("What did the Department of Justice say?")
    assert [hit.sentence for hit in answer.hits] == [
        "The Justice Department said the inquiry would examine the server."
    ]
