"""What caused something, asked of a sentence that tells only that it happened
(index/search/causes.py, read by decline.py): declined."""

from __future__ import annotations

import pytest

from index.search.causes import lacks_asked_cause
from index.search.searcher import Searcher
from tests.support import searcher_fixture

LEDE = "An apartment block caught fire on Saturday morning in Badalona, a city ten kilometres from Barcelona."


@pytest.mark.parametrize(
    ("question", "sentence", "lacks"),
    [
        ("What caused the Badalona apartment fire?", LEDE, True),
        ("What was the cause of the fire at the airport?", "A fire was reported in the parking structure.", True),
        # A cause told, suspected, looked into or not yet known.
        ("What caused the fire?", "NRK reported the fire started in a recalled 2005 Opel Zafira.", False),
        ("What caused the explosion?", "A suspected gas leak led to an explosion.", False),
        ("What caused the fire?", "No cause had yet been released for the fire by authorities.", False),
        ("What caused the crash?", "Investigators are looking at the engines.", False),
        ("What caused the collapse?", "The building was destroyed by a gas explosion.", False),
        # A death's cause is life_events.py's; another question is not read.
        ("What caused the death of Jon Huber?", LEDE, False),
        ("When did the fire start?", LEDE, False),
    ],
)
def test_a_cause_asked(question: str, sentence: str, lacks: bool) -> None:
    assert lacks_asked_cause(question, sentence) is lacks


ARTICLES = [
    {
        "id": "badalona",
        "title": "Catalonia apartment block fire kills three",
        "published": "2020-12-12",
        "text": LEDE,
    },
    {
        "id": "magnitogorsk",
        "title": "Magnitogorsk building collapses",
        "published": "2018-12-31",
        "text": "A suspected gas leak led to an explosion in Magnitogorsk on Monday.",
    },
]
fires = searcher_fixture(ARTICLES, "fires")


def test_a_sentence_telling_only_that_it_happened_does_not_say_what_caused_it(fires: Searcher) -> None:
    badalona = fires.answer("What caused the Badalona apartment fire?")
    assert badalona.declined
    assert badalona.reason == "The best sentence tells no cause, which the question asks for."
    magnitogorsk = fires.answer("What caused the explosion in Magnitogorsk?")
    assert not magnitogorsk.declined, magnitogorsk.reason
    assert magnitogorsk.hits[0].sentence.startswith("A suspected gas leak")
