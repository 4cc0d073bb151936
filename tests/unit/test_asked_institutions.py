""" "What did the WHO say?" and "What did Al Jazeera report?" (index/search/speech.py): "WHO" in
capitals names the World Health Organization, not the question word, and "report" asks for what
a speaker reported; a "report" question about no speaker ("What did the survey report?") stays an
ordinary question."""

from __future__ import annotations

from index.search.searcher import Searcher
from tests.support import searcher_fixture

ARTICLES = [
    {
        "id": "samoa",
        "title": "Samoa shuts down for measles vaccination drive",
        "published": "2019-12-07",
        "text": "Samoa's government closed all offices for two days so that workers could vaccinate residents.\n\n"
        "According to the World Health Organization (WHO), vaccination before the outbreak covered only "
        "31 percent of Samoans.\n\n"
        "Al Jazeera reported that coverage had risen to 55 percent by Thursday.\n\n"
        "A survey of parents reported that most had not known a second dose was needed.",
    },
    {
        "id": "vatican",
        "title": "Pope Francis on migrants",
        "published": "2016-02-18",
        "text": "Pope Francis said a person who builds walls instead of bridges is not Christian.\n\n"
        "Amy Pope, the deputy homeland security adviser, said the efforts to date had been insufficient.",
    },
    {
        "id": "launch",
        "title": "Crew chosen for the first flight",
        "published": "2018-08-03",
        "text": "NASA selected two astronauts for the first crewed flight of the capsule.\n\n"
        "GSA spokeswoman Ashley Nash-Hahn noted that the agency had coordinated the handover.\n\n"
        "''The transition is going to happen,'' said Guido Schmidt-Traub, who leads the network.",
    },
    {
        "id": "measles",
        "title": "Measles cases rise worldwide",
        "published": "2019-08-14",
        "text": "According to the WHO, measles cases in the first half of the year were the highest since 2006.",
    },
]

news = searcher_fixture(ARTICLES, "asked_institutions")


def test_the_who_in_capitals_is_the_world_health_organization(news: Searcher) -> None:
    answer = news.answer("What did the WHO say?")
    assert not answer.declined
    assert sorted(h.sentence for h in answer.hits) == [
        "According to the WHO, measles cases in the first half of the year were the highest since 2006.",
        "According to the World Health Organization (WHO), vaccination before the outbreak covered only "
        "31 percent of Samoans.",
    ]


def test_what_a_speaker_reported(news: Searcher) -> None:
    answer = news.answer("What did Al Jazeera report?")
    assert [(h.speaker, h.sentence) for h in answer.hits] == [
        ("Al Jazeera", "Al Jazeera reported that coverage had risen to 55 percent by Thursday.")
    ]


def test_what_no_speaker_reported_is_an_ordinary_question(news: Searcher) -> None:
    answer = news.answer("What did the survey of parents report?")
    assert not answer.declined
    assert answer.hits[0].sentence == "A survey of parents reported that most had not known a second dose was needed."
    assert "attributed" not in answer.reason


def test_a_place_asked_about_is_also_its_people(news: Searcher) -> None:
    # "Samoa" in the question, "Samoans" in the quote
    answer = news.answer("What did the WHO say about Samoa?")
    assert [h.sentence for h in answer.hits] == [
        "According to the World Health Organization (WHO), vaccination before the outbreak covered only "
        "31 percent of Samoans."
    ]
    assert "1 is about Samoa" in answer.note


def test_the_and_a_title_asks_for_a_role_not_a_surname(news: Searcher) -> None:
    for question in ("What did the pope say?", "What did the Pope say about walls?"):
        answer = news.answer(question)
        assert [h.speaker for h in answer.hits] == ["Francis"], question
    # a surname asked without "the" is the person's
    assert [h.speaker for h in news.answer("What did Amy Pope say?").hits] == ["Amy Pope"]


def test_a_name_the_articles_write_is_not_read_as_a_typo_of_a_speaker(news: Searcher) -> None:
    # NASA is written, never quoted: its mentions, not Ashley Nash-Hahn's words
    answer = news.answer("What did NASA say?")
    assert answer.hits[0].sentence == "NASA selected two astronauts for the first crewed flight of the capsule."
    assert "no quote attributed to NASA" in answer.note
    # a name a typo away from a speaker's first name only is not that speaker
    assert not news.answer("What did Guaidó say?").hits
    # a typo of a surname still finds its speaker
    assert {h.speaker for h in news.answer("What did Schmidt-Traup say?").hits} == {"Guido Schmidt-Traub"}


HEALTH = [
    {
        "id": "pandemic",
        "title": "A pandemic is declared",
        "published": "2020-03-11",
        "text": "The World Health Organization (WHO) declared COVID-19 a pandemic on Wednesday.",
    },
    {
        "id": "measles",
        "title": "Measles cases rise",
        "published": "2019-12-06",
        "text": "The World Health Organisation said measles cases rose sharply in 2019.",
    },
]

health = searcher_fixture(HEALTH, "health")


def test_an_organisation_spelled_the_british_way_is_the_same_organisation(health: Searcher) -> None:
    # Wikinews: "2 people called WHO are quoted, each one's quotes together: World Health
    # Organization (WHO) ... and World Health Organisation".
    answer = health.answer("What did the World Health Organization say?")
    assert len(answer.hits) == 2
    assert "people called" not in answer.note


def test_the_who_typed_in_lower_case_is_the_world_health_organization(health: Searcher) -> None:
    # "what did the who say" was read as no speech question at all ("who" asks).
    answer = health.answer("what did the who say")
    assert not answer.declined and len(answer.hits) == 2
    assert answer.reason.startswith("2 sentence(s) attributed to")
