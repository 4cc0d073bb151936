"""A name typed with a typo is read as the one name the articles write that close to it
(index/search/spelling.py, Retriever.name_like): the answer of the name written right, and a note
saying what was read; a name no article comes close to, or a common word, is not read otherwise."""

from __future__ import annotations

import json

import pytest

from index.evaluation import with_typo
from index.search.retrieval import WORDPIECE_VOCABULARY
from index.search.searcher import Searcher
from index.search.spelling import (
    dictionary_words,
    lowercase_respellings,
    most_likely_name,
    nearest_stems,
    respelled_note,
    respelled_text,
    respellings,
    stem_buckets,
    stems_heading,
)
from tests.support import searcher_fixture

BUCKETS = stem_buckets(["smith", "smyth", "russia", "peskov", "widen", "ukrain", "xi", "nato"])


@pytest.mark.parametrize(
    ("stem", "limit", "nearest"),
    [
        ("smtih", 1, ["smith"]),  # two letters swapped: one typo
        ("smit", 1, ["smith"]),  # one left out
        ("smiht", 1, ["smith"]),
        ("smth", 1, ["smith", "smyth"]),  # one left out of either
        ("smyh", 1, ["smyth"]),
        ("smithh", 1, ["smith"]),
        ("rusia", 1, ["russia"]),
        ("pesokv", 2, ["peskov"]),
        ("smith", 1, ["smyth"]),  # the word itself is no typo of itself
        ("smoth", 1, ["smith", "smyth"]),  # as close to both: both
        ("xa", 1, []),  # too short to read as another
    ],
)
def test_the_stems_fewest_typos_away_are_found(stem: str, limit: int, nearest: list[str]) -> None:
    assert nearest_stems(stem, BUCKETS, limit) == nearest


def test_a_typo_that_moves_the_stemmers_cut_finds_the_stems_heading_the_word() -> None:
    buckets = stem_buckets(["depart", "decemb", "deport", "smith"])
    # "deaprt" is one swap from "depart", two from "deport": both are candidates, the words the
    # articles write of them ("Department", "deported") are then compared in full
    assert stems_heading("deaprtment", buckets, 2) == ["depart", "deport"]
    assert stems_heading("deecmber", buckets, 2) == ["decemb"]
    assert stems_heading("smtih", buckets, 1) == ["smith"]  # a stem as long as the word: "universiti"
    assert stems_heading("qwert", buckets, 1) == []


def test_of_names_as_close_the_one_written_far_more_often_is_read() -> None:
    assert most_likely_name({"Clinton": 2_400, "Clint": 3}) == "Clinton"
    assert most_likely_name({"Smith": 12, "Smyth": 9}) is None  # either may be meant
    assert most_likely_name({"Smith": 12}) == "Smith"
    assert most_likely_name({}) is None


def test_every_unknown_name_is_read_otherwise_or_none_is() -> None:
    names = {"Smtih": "Smith", "Rusia": "Russia"}
    assert respellings(["Smtih", "Rusia"], names.get) == {"Smtih": "Smith", "Rusia": "Russia"}
    assert respellings(["Smtih", "Merkel"], names.get) == {}  # Merkel is no one's typo: both stay as typed
    assert respellings([], names.get) == {}
    # a message naming more names no article holds than a typo makes is read as typed, unread
    assert respellings(["Smtih", "Rusia", "Smtih", "Rusia"], names.get) == names  # each name once
    asked: list[str] = []
    assert respellings([f"Name{i}" for i in range(50)], lambda n: asked.append(n) or None) == {}
    assert asked == []  # no look-up at all
    assert respellings(["Merkel", "Smtih"], lambda n: asked.append(n) or names.get(n)) == {}
    assert asked == ["Merkel"]  # stopped at the first with no close name


def test_the_dictionary_is_the_whole_words_of_a_wordpiece_vocabulary() -> None:
    vocabulary = {"model": {"vocab": {"[CLS]": 0, "fast": 1, "##ing": 2, "east": 3, "2022": 4, "Paris": 5}}}
    assert dictionary_words(json.dumps(vocabulary)) == {"fast", "east"}
    assert "fast" in dictionary_words(WORDPIECE_VOCABULARY.read_text(encoding="utf-8"))  # the bundled one


def test_each_word_typed_in_lower_case_is_read_on_its_own() -> None:
    names = {"smtih": "Smith", "shermn": "Sherman"}
    assert lowercase_respellings(["smtih", "troopz", "shermn"], names.get) == {"smtih": "Smith", "shermn": "Sherman"}
    assert lowercase_respellings([f"word{i}" for i in range(50)], names.get) == {}


def test_a_respelled_name_is_written_in_place_as_a_whole_word() -> None:
    read = respelled_text("Who is Smtih's deputy, and did Smtih meet Smtihson?", {"Smtih": "Smith"})
    assert read == "Who is Smith's deputy, and did Smith meet Smtihson?"
    assert respelled_note([("Smtih", "Smith"), ("Rusia", "Russia")]) == "Read “Smtih” as “Smith”, “Rusia” as “Russia”."


def test_a_typo_is_made_in_the_longest_name_after_the_first_word() -> None:
    assert with_typo("Who did Sherman talk to in Geneva?") == "Who did Shreman talk to in Geneva?"
    assert with_typo("Where is NATO based?") == "Where is NATO based?"  # no name of five letters in lower case
    assert with_typo("what did peskov say") == "what did peskov say"


ARTICLES = [
    {
        "id": "smith",
        "title": "NATO envoy says allies stand united",
        "text": (
            "U.S. Ambassador to NATO Julianne Smith said the allies stand united ahead of the talks.\n\n"
            "Smith said Russia must pull back its troops from the border with Ukraine.\n\n"
            "The State Department said the talks would go ahead.\n\n"
            "Officials plan to widen the sanctions if the talks fail."
        ),
    },
    {
        "id": "groberg",
        "title": "Medal of Honor",
        "text": "Florent Groberg is a former Army captain who received the Medal of Honor.",
    },
    {
        "id": "smyth",
        "title": "Ireland's minister on the talks",
        "text": "Irish minister Paul Smyth said Dublin supports the talks in Geneva.",
    },
]

news = searcher_fixture(ARTICLES, "spelling")


@pytest.mark.parametrize(
    ("typed", "written", "note"),
    [
        ("Who is Julianne Smtih?", "Who is Julianne Smith?", "Read “Smtih” as “Smith”."),
        ("What did Julianne Smiht say?", "What did Julianne Smith say?", "Read “Smiht” as “Smith”."),
        # the typo moves the stemmer's cut: "Deaprtment" is read by the words it heads
        (
            "What did the State Deaprtment say?",
            "What did the State Department say?",
            "Read “Deaprtment” as “Department”.",
        ),
        # a name the articles write only where a sentence opens is read there
        ("Who is Flroent Groberg?", "Who is Florent Groberg?", "Read “Flroent” as “Florent”."),
        (
            "What did Paul Symth say about the talks?",
            "What did Paul Smyth say about the talks?",
            "Read “Symth” as “Smyth”.",
        ),
    ],
)
def test_a_name_typed_with_a_typo_is_answered_as_written_right(
    news: Searcher, typed: str, written: str, note: str
) -> None:
    answer, right = news.answer(typed), news.answer(written)
    assert not answer.declined
    assert [h.sentence for h in answer.hits] == [h.sentence for h in right.hits]
    assert answer.note.startswith(note)
    assert news.read_question(typed) == written


@pytest.mark.parametrize(
    "question",
    [
        "What did Angela Merkel say?",  # no article comes close to either name
        "Who is Smoth?",  # as close to Smith as to Smyth: either may be meant
        "Who is Wideb?",  # the articles write "widen" only in lower case: no one's name
        "What did Julianne Smith and Angela Merkel agree?",  # one unknown name has no close name: none is read
    ],
)
def test_a_name_no_article_comes_close_to_is_still_declined(news: Searcher, question: str) -> None:
    answer = news.answer(question)
    assert answer.declined and answer.reason.startswith("No article mentions")
    assert "Read" not in answer.note


@pytest.mark.parametrize("question", ["Who is Smoth?", "who is smoth"])
def test_a_decline_over_a_name_as_close_to_two_names_offers_both(news: Searcher, question: str) -> None:
    answer = news.answer(question)
    assert answer.declined and answer.suggestions == ("Smith", "Smyth")  # the more written first


@pytest.mark.parametrize(
    "question",
    [
        "What did Angela Merkel say?",  # no name near either word: someone the articles do not mention
        "Who did Smoth and Merkel meet?",  # "Merkel" is near no name: not a typo of the articles' names
        "Who is Julianne Smith?",  # answered: nothing to ask
    ],
)
def test_no_names_are_offered_for_a_name_the_articles_do_not_come_close_to(news: Searcher, question: str) -> None:
    assert news.answer(question).suggestions == ()


def test_a_name_typed_with_a_typo_in_lower_case_is_read_too(news: Searcher) -> None:
    typed, written = news.answer("who is julianne smtih"), news.answer("Who is Julianne Smith?")
    assert [h.sentence for h in typed.hits] == [h.sentence for h in written.hits] and typed.hits
    assert typed.note.startswith("Read “smtih” as “Smith”.")


@pytest.mark.parametrize(
    "question",
    [
        "who is haul",  # "haul" is a word of the dictionary, one typo from "Paul": no typo
        "Who is Paul's smtih?",  # a question written with capitals: its lower-case words are as meant
    ],
)
def test_a_word_typed_in_lower_case_is_read_as_typed_when_it_may_be_meant(news: Searcher, question: str) -> None:
    assert "Read" not in news.answer(question).note


def test_a_name_typed_right_is_read_as_typed(news: Searcher) -> None:
    answer = news.answer("What did Julianne Smith say?")
    assert not answer.declined and "Read" not in answer.note
