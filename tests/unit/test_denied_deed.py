"""A "When did ...?" question is not answered by a sentence telling only that the deed asked
about was not done (index/search/times.py, ``denies_asked_deed``, read by decline.py)."""

from __future__ import annotations

import pytest

from index.search.searcher import Searcher
from index.search.times import denies_asked_deed
from index.store.lexical import Tokenizer
from tests.support import searcher_fixture

STEMS = Tokenizer().tokens


@pytest.mark.parametrize(
    ("question", "sentence", "deed"),
    [
        ("When did Trump endorse Paul Ryan?", "On Monday, Trump refused to endorse Ryan.", "endorse"),
        ("When did the senator resign?", "The senator has not resigned, aides said on Friday.", "resigned"),
        ("When was the bill signed?", "The governor has yet to sign the bill, his office said Monday.", "sign"),
        # The deed told too, a time it was not done until, another deed denied, another question.
        ("When did Trump endorse Paul Ryan?", "Trump refused at first, then endorsed Ryan in June.", None),
        ("When did Ryan endorse Trump?", "Ryan endorsed Trump in June, though he had not endorsed him in May.", None),
        ("When did the talks end?", "The talks did not end until Friday.", None),
        ("When did the talks end?", "The talks, which never stalled, ended on Friday.", None),
        ("Who refused to endorse Ryan?", "On Monday, Trump refused to endorse Ryan.", None),
    ],
)
def test_a_deed_denied(question: str, sentence: str, deed: str | None) -> None:
    assert denies_asked_deed(question, sentence, STEMS) == deed


ARTICLES = [
    {
        "id": "snub",
        "title": "Trump snubs Ryan",
        "published": "2016-08-02",
        "text": "On Monday, Trump refused to endorse Paul Ryan in his primary race.",
    },
    {
        "id": "pence",
        "title": "Pence backs Ryan",
        "published": "2016-08-03",
        "text": "Mike Pence endorsed Paul Ryan on Wednesday in a telephone interview.",
    },
]
snub = searcher_fixture(ARTICLES, "snub")


def test_when_a_deed_was_done_is_not_answered_by_its_refusal(snub: Searcher) -> None:
    trump = snub.answer("When did Trump endorse Paul Ryan?")
    assert trump.declined
    assert trump.reason == 'The best sentence tells it was not done ("endorse"); the question asks when.'
    pence = snub.answer("When did Mike Pence endorse Paul Ryan?")
    assert not pence.declined, pence.reason
    assert pence.hits[0].sentence.startswith("Mike Pence endorsed Paul Ryan")
