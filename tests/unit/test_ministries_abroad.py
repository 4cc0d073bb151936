"""A ministry asked for with its country and quoted without it is that country's only in a story
naming the country (index/search/abroad.py): "What did the Chinese foreign ministry say?" showed
the Ministry of Foreign Affairs' account of Robert Mugabe's death."""

from __future__ import annotations

from index.search.abroad import ministries_abroad
from index.search.searcher import Searcher
from tests.support import searcher_fixture

ARTICLES = [
    {
        "id": "hacking",
        "title": "China denies hacking claims",
        "published": "2016-06-02",
        "text": "\n\n".join(
            [
                "Beijing rejected the report on Thursday.",
                "The Ministry of Foreign Affairs said the accusations were groundless.",
            ]
        ),
    },
    {
        "id": "mugabe",
        "title": "Former Zimbabwe president Robert Mugabe dies",
        "published": "2019-09-06",
        "text": "\n\n".join(
            [
                "Robert Mugabe was hospitalised in Singapore for several months this year.",
                "The Ministry of Foreign Affairs said he died at Gleneagles Hospital.",
            ]
        ),
    },
]
ministries = searcher_fixture(ARTICLES, "ministries")


def test_a_ministry_named_without_its_country_speaks_for_it_only_in_its_story(ministries: Searcher) -> None:
    chinese = ministries.answer("What did the Chinese foreign ministry say?")
    assert [h.sentence for h in chinese.hits] == [
        "The Ministry of Foreign Affairs said the accusations were groundless."
    ]
    # asked without a country, every one of its quotes
    assert len(ministries.answer("What did the Ministry of Foreign Affairs say?").hits) == 2
    # no story of the country asked: none of its quotes
    assert ministries.answer("What did the Japanese foreign ministry say?").declined


def test_only_a_ministry_asked_with_a_country_is_looked_for_at_home() -> None:
    speakers = ["Ministry of Foreign Affairs", "Chinese Foreign Ministry", "State Department", "Lu Kang"]
    abroad, home = ministries_abroad("Chinese foreign ministry", speakers)
    assert abroad == {"Ministry of Foreign Affairs"} and {"china", "chines"} <= home
    assert ministries_abroad("Russia's Interior Ministry", ["Interior Ministry"])[0] == {"Interior Ministry"}
    assert ministries_abroad("foreign ministry", speakers) == (frozenset(), frozenset())
    assert ministries_abroad("US State Department", speakers) == (frozenset(), frozenset())
