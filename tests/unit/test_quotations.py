"""What a sentence quotes, set apart from the reporter's own words (index/text/quotations.py)."""

from __future__ import annotations

import pytest

from index.text.quotations import map_quotations, without_quotations


@pytest.mark.parametrize(
    ("sentence", "reporter"),
    [
        ("Cruz wants “a real conservative in the White House,” he said.", "Cruz wants   he said."),
        ('Cruz wants "a real conservative in the White House," he said.', "Cruz wants   he said."),
        ("He called it “Playing Trump” and “Art”.", "He called it   and  ."),
        # a mark that is never closed quotes nothing, and curly and straight marks do not pair
        ("He said “we will win, and left.", "He said “we will win, and left."),
        ('He said “we will win," and left.', 'He said “we will win," and left.'),
        ("No quotation here.", "No quotation here."),
    ],
)
def test_the_reporters_words_leave_quotations_out(sentence: str, reporter: str) -> None:
    assert without_quotations(sentence) == reporter


def test_a_quotations_words_change_and_its_marks_stay() -> None:
    assert map_quotations('He said "Get out" and “Leave”.', str.upper) == 'He said "GET OUT" and “LEAVE”.'


def test_a_sentence_of_unclosed_marks_is_read_whole() -> None:
    sentence = "“ word " * 20_000
    assert without_quotations(sentence) == sentence
