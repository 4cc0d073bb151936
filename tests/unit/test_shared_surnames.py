"""Two people of an article share a surname: "Sanders said" is the Sanders the article is about,
the one it has mentioned most, not the wife it names once in passing; unless the other was named
in full in the sentence just before."""

from __future__ import annotations

from index.attribution import attribute
from index.text.sentences import split_article
from index.types import Article


def who(*paragraphs: str) -> list[str | None]:
    article = Article("a", "", paragraphs, "test")
    return [s.speaker for s in attribute(split_article(article), title="")]


def test_a_surname_is_the_person_mentioned_most_not_the_one_named_last() -> None:
    got = who(
        "Bernie Sanders came to Syracuse on Friday.",
        "Sanders praised the candidate he had come to support.",
        "At the urging of his wife, Jane Sanders, he has been talking to aides about a new group.",
        "The crowd was smaller than in April.",
        "“We really can win on Tuesday,” said Sanders as he closed out.",
        "“You got the names of everybody who's here?” Sanders said.",
    )
    assert got[4:] == ["Bernie Sanders", "Bernie Sanders"]


def test_a_surname_right_after_the_other_person_is_named_in_full_is_theirs() -> None:
    got = who(
        "Jeh Johnson spoke about election security on Monday.",
        "Johnson said the systems were safe.",
        "Johnson warned of hackers.",
        "The Libertarian candidate, Gary Johnson, was campaigning in Ohio.",
        "“We will be on every ballot,” Johnson said.",
        "The polls opened at seven.",
        "“There is no single point of failure,” Johnson said of the counting systems.",
    )
    assert got[4] == "Gary Johnson"  # named in full just before
    assert got[6] == "Jeh Johnson"  # the Johnson the article is about
