""" "Al" opening a name is a man's first name, not the Arabic article: "What did Al Sharpton say?"
finds the "Sharpton said" of an article that introduces "the Rev. Al Sharpton", and "Former Vice
President Al Gore" is Al Gore with the title "Former Vice President". Organisations named with
the article ("Al Jazeera", "Al Qaeda") keep their whole name and take no gender, and a particle
opening a surname ("Le Pen") still names the person whose surname it is."""

from __future__ import annotations

from index.search.searcher import Searcher
from tests.support import searcher_fixture, speakers_of

ARTICLES = [
    {
        "id": "sharpton",
        "title": "A fragile bridge",
        "published": "2016-02-23",
        "text": "Hillary Clinton met the Rev. Al Sharpton in Harlem on Monday.\n\n"
        "“I think she’s familiar with it,” Sharpton said of race.\n\n"
        "Sharpton left no doubt that he would endorse someone this year.",
    },
    {
        "id": "gore",
        "title": "Gore skips the convention",
        "published": "2016-07-24",
        "text": "Former Vice President Al Gore will not attend the convention in Philadelphia.\n\n"
        "“I don’t have any doubt that her heart is in the right place,” he said of Clinton in 2014.",
    },
]

news = searcher_fixture(ARTICLES, "first_name_al")


def test_a_name_asked_with_al_finds_the_quotes_under_its_surname(news: Searcher) -> None:
    answer = news.answer("What did Al Sharpton say?")
    assert not answer.declined
    assert [h.sentence for h in answer.hits] == ["“I think she’s familiar with it,” Sharpton said of race."]
    assert {h.speaker for h in answer.hits} == {"Al Sharpton"}


def test_a_title_before_al_is_not_part_of_the_name(news: Searcher) -> None:
    answer = news.answer("What did Al Gore say?")
    assert [h.sentence for h in answer.hits] == [
        "“I don’t have any doubt that her heart is in the right place,” he said of Clinton in 2014."
    ]
    assert answer.hits[0].speaker == "Al Gore"


def test_al_is_a_man_for_the_pronouns_after_him() -> None:
    # "she" is Clinton's, not Al Sharpton's, whom she met: "Al" tells his gender
    assert speakers_of(
        "Hillary Clinton was in New York on Tuesday.",
        "After meeting with the Rev. Al Sharpton and other leaders, Clinton proposed rules that would end "
        "what she said were punitive policies.",
    ) == [None, "Hillary Clinton"]


def test_organisations_named_with_al_keep_their_whole_name() -> None:
    assert speakers_of("Al Jazeera reported that the minister was stable.") == ["Al Jazeera"]
    assert speakers_of("Al Qaeda said it was behind the attack.") == ["Al Qaeda"]


def test_al_in_the_middle_of_an_arabic_name_is_still_its_article() -> None:
    assert speakers_of("Abdel Fattah Al Sisi arrived in Cairo.", "Al Sisi said the talks would go on.") == [
        None,
        "Abdel Fattah Al Sisi",
    ]


def test_other_particles_opening_a_name_still_name_the_surname() -> None:
    assert speakers_of("Marine Le Pen spoke in Paris.", "Le Pen said the vote would be close.") == [
        None,
        "Marine Le Pen",
    ]
