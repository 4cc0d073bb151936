"""A first name's other forms (index/lexicon.py, ``same_name``): "What did Bob Menendez say?" finds the
"Robert Menendez" one newspaper quotes, and "Dick Durbin" and "Richard J. Durbin", as two
newspapers write one senator, are one person's quotes; a name asked with initials the articles
leave out ("Robert C. Scott") finds the person they name without them."""

from __future__ import annotations

from bot.console import reply_to
from index.lexicon import same_name, within
from index.search.searcher import Searcher
from index.search.speakers import SpeakerIndex
from index.search.speech_topic import people, person_of
from tests.speaker_reference import reference_match_speaker
from tests.support import searcher_fixture

ARTICLES = [
    {
        "id": "nyt",
        "title": "Senators press the bank",
        "published": "2016-03-01",
        "text": "Sen. Robert Menendez said the bank had misled its customers.\n\n"
        "Sen. Richard J. Durbin said the fines were too small to matter.",
    },
    {
        "id": "post",
        "title": "Hearing on fines",
        "published": "2016-03-02",
        "text": "Senate Minority Whip Dick Durbin said the regulators should have acted sooner.\n\n"
        "Rep. Bobby Scott said the hearing would resume in April.",
    },
    {
        "id": "times",
        "title": "The press secretary",
        "published": "2016-03-03",
        "text": "Press secretary Josh Earnest said the White House would wait for the report.",
    },
    {
        "id": "tax",
        "title": "The tax plans",
        "published": "2016-03-04",
        "text": "Leonard E. Burman said the plan would cost $10 trillion.\n\n"
        "Len Burman, who directs the Tax Policy Center, said the rich would gain most.",
    },
]

senate = searcher_fixture(ARTICLES, "senate")


def test_a_short_form_finds_the_full_name_the_articles_write(senate: Searcher) -> None:
    answer = senate.answer("What did Bob Menendez say?")
    assert [h.sentence for h in answer.hits] == ["Sen. Robert Menendez said the bank had misled its customers."]
    assert not answer.declined


def test_both_ways_of_writing_one_person_are_their_quotes(senate: Searcher) -> None:
    for asked in ("What did Dick Durbin say?", "What did Richard Durbin say?"):
        answer = senate.answer(asked)
        assert sorted(h.speaker or "" for h in answer.hits) == ["Dick Durbin", "Richard J. Durbin"], asked
        assert answer.note == ""  # one person, not "2 people called Dick Durbin"


def test_the_terminal_chat_shows_them_too(senate: Searcher) -> None:
    reply = reply_to(senate, "what did bob menendez say")
    assert "misled its customers" in reply


def test_initials_the_articles_leave_out(senate: Searcher) -> None:
    answer = senate.answer("What did Robert C. Scott say?")
    assert [h.sentence for h in answer.hits] == ["Rep. Bobby Scott said the hearing would resume in April."]


def test_a_name_with_initials_finds_the_quotes_written_without_them_too(senate: Searcher) -> None:
    answer = senate.answer("What did Leonard E. Burman say?")
    assert sorted(h.speaker or "" for h in answer.hits) == ["Len Burman", "Leonard E. Burman"]
    assert answer.note == ""  # one person


def test_a_name_with_no_other_form_finds_only_itself(senate: Searcher) -> None:
    answer = senate.answer("What did Joshua Earnest say?")  # "Josh" is Joshua's: one person
    assert [h.speaker for h in answer.hits] == ["Josh Earnest"]
    other = senate.answer("What did Jeb Earnest say?")  # another first name is another person
    assert all(h.speaker != "Josh Earnest" for h in other.hits)


def test_forms_are_a_full_name_and_its_own_short_ones() -> None:
    assert same_name("bob") == {"robert"}
    assert {"bob", "bobby", "rob"} <= same_name("robert")
    assert "bobby" not in same_name("bob")  # two short forms of one name: as often two people
    assert same_name("ted") == {"edward", "theodore"}
    assert "nathan" not in same_name("jonathan")
    assert same_name("zbigniew") == frozenset()
    assert within({"dick", "durbin"}, {"richard", "j", "durbin"})
    assert not within({"dick", "durbin"}, {"richard", "j", "durbon"})


def test_matching_speakers() -> None:
    speakers = ["Robert Menendez", "Bobby Scott", "Robert Scott Jr.", "George H.W. Bush", "Jean Robert", "Dick Durbin"]
    index = SpeakerIndex(speakers)
    for name in ("Bob Menendez", "Robert C. Scott", "George F. Bush", "Richard J. Durbin", "Bob", "U.S. Bob Durbin"):
        assert index.match(name) == reference_match_speaker(name, speakers), name  # as the linear matcher
    assert index.match("Bob Menendez") == ["Robert Menendez"]
    assert index.match("Bobby Menendez") == ["Robert Menendez"]
    assert index.match("Robert C. Scott") == ["Bobby Scott", "Robert Scott Jr."]
    assert index.match("George F. Bush") == []  # his initials are not the name's
    assert index.match("Bob") == []  # a word alone is a surname: "Robert" of "Jean Robert" is not "Bob"
    assert index.match("Menendez") == ["Robert Menendez"]


def test_a_name_with_initials_also_finds_the_person_written_without_them() -> None:
    speakers = ["Leonard E. Burman", "Len Burman", "George W. Bush", "George Bush", "George H.W. Bush", "Joe Biden"]
    index = SpeakerIndex(speakers)
    for name in ("Leonard E. Burman", "George W. Bush", "George H. W. Bush", "Joseph R. Biden", "George Bush"):
        assert index.match(name) == reference_match_speaker(name, speakers), name  # as the linear matcher
    # the form asked first, then the one another newspaper writes with no initials ("Len" is Leonard's)
    assert index.match("Leonard E. Burman") == ["Leonard E. Burman", "Len Burman"]
    assert index.match("Joseph R. Biden") == ["Joe Biden"]
    # never someone with an initial the name does not give
    assert index.match("George W. Bush") == ["George W. Bush", "George Bush"]
    assert index.match("George H. W. Bush") == ["George H.W. Bush", "George Bush"]
    assert index.match("George Bush") == ["George Bush", "George H.W. Bush", "George W. Bush"]


def test_one_person_written_two_ways_is_one_person() -> None:
    assert people(["Dick Durbin", "Richard J. Durbin", "Ted Cruz"]) == ["Richard J. Durbin", "Ted Cruz"]
    assert people(["Dick Durbin", "Richard Durbin"]) == ["Dick Durbin"]  # as full: the first alphabetically
    owner = person_of({"Dick Durbin": 3, "Richard J. Durbin": 1, "Durbin": 1})
    assert set(owner.values()) == {"Dick Durbin"}  # called by the name that signs most quotes
