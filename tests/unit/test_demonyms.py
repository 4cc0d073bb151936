"""A demonym in a question names its country (demonyms.py): "Welsh" is known to a story that
writes "North Wales Police", "Filipino" to one about "Manila", and a sentence holds it when it
holds every word of one of the places it stands for."""

from __future__ import annotations

import pytest

from index.search.demonyms import holds_word, named_together, unheld_demonym
from index.search.query import parse_query
from index.store.lexical import Tokenizer

TOKENIZER = Tokenizer()


def _demonym(question: str, demonym: str):
    return next(w for w in parse_query(question, TOKENIZER).names if w.text == demonym)


@pytest.mark.parametrize(
    ("question", "demonym", "sentence", "held"),
    [
        ("What did the Welsh police say?", "Welsh", "The fire service worked alongside North Wales Police.", True),
        ("Who is the Scottish first minister?", "Scottish", "Edinburgh announced new rules on Monday.", True),
        ("Where did the Irish team train?", "Irish", "The squad flew from Dublin on Friday.", True),
        ("What did the Filipino president say?", "Filipino", "Manila said the talks would go on.", True),
        ("How many Kenyan runners finished?", "Kenyan", "Runners from Nairobi took three places.", True),
        ("What did the American ambassador say?", "American", "The United States said the talks went well.", True),
        # Every word of a place of several words: "United" alone is not the United States.
        ("What did the American ambassador say?", "American", "United fans said the match went well.", False),
        ("What did the Welsh police say?", "Welsh", "The fire service worked alongside the police.", False),
        # A demonym with no places of its own is only itself.
        ("What did the Martian envoy say?", "Martian", "Mars is far away.", False),
    ],
)
def test_a_demonym_is_held_by_a_sentence_naming_its_country(
    question: str, demonym: str, sentence: str, held: bool
) -> None:
    assert holds_word(_demonym(question, demonym), frozenset(TOKENIZER.tokens(sentence))) is held


@pytest.mark.parametrize(
    ("sentence", "together"),
    [
        ("Turkish Foreign Minister Mevlut Cavusoglu spoke on Monday.", True),
        ("Turkey's foreign minister spoke on Monday.", True),
        ("The foreign minister of Turkey spoke on Monday.", True),
        # every word, but far apart: foreign ministers, and Turkey as what they talked about
        (
            "On Wednesday, an assembly of several foreign ministers in Cairo denounced the memoranda of "
            "understanding between Turkey and Libya.",
            False,
        ),
        ("The foreign minister met reporters.", False),  # not every word
    ],
)
def test_a_sentence_mentions_a_name_of_several_words_when_they_stand_together(sentence: str, together: bool) -> None:
    name = parse_query("What did the Turkish foreign minister say?", TOKENIZER).speech_name
    assert named_together(name, TOKENIZER.tokens(sentence)) is together


def test_a_demonym_whose_country_the_article_never_writes_is_unheld() -> None:
    words = parse_query("How many seats did the Conservative Party win in the 2019 Canadian election?", TOKENIZER).words
    uk_story = set(TOKENIZER.tokens("The Conservative Party won 365 seats in the United Kingdom general election."))
    canadian_story = set(TOKENIZER.tokens("Canada's Conservative Party won 121 seats."))
    assert unheld_demonym(words, uk_story.__contains__) == "Canadian"
    assert unheld_demonym(words, canadian_story.__contains__) is None
    # A question naming no people or country is not judged.
    plain = parse_query("How many seats did the Conservative Party win?", TOKENIZER).words
    assert unheld_demonym(plain, uk_story.__contains__) is None
