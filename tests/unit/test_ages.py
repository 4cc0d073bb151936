""" "How old ...?" (index/search/ages.py): a sentence telling an age comes first when the reranker
finds it nearly as likely to answer as a first one that tells none; it is the sentence the bot
answers with, or offers behind "Show nearest" when it declines."""

from __future__ import annotations

import pytest

from index.search.ages import age_first
from index.search.query import Tokenizers, parse_query
from index.types import Hit

TOKENIZER = Tokenizers().get()
OLD = parse_query("How old is Medal of Honor recipient Florent Groberg?", TOKENIZER)
MEDAL = "Groberg received the Medal of Honor from President Obama in November for tackling a suicide bomber."
AGED = "Groberg, 33, opened up to Decode DC about his views on the race."
YEARS = "The 33-year-old Groberg spent three years recovering at Walter Reed."
HOLDER = "Florent Groberg was born in France and became a U.S. citizen in 2001."


def _hit(sentence: str, score: float, row: int) -> Hit:
    return Hit(sentence, score, f"a{row}", "Medal of Honor", None, None, 0, row, 0, len(sentence), row)


@pytest.mark.parametrize("aged", [AGED, YEARS])
def test_a_nearly_as_likely_sentence_telling_an_age_comes_first(aged: str) -> None:
    hits = [_hit(MEDAL, 0.30, 1), _hit(HOLDER, 0.2, 3), _hit(aged, 0.16, 2)]
    assert [h.row for h in age_first(OLD, hits, TOKENIZER.tokens)] == [2, 1, 3]


@pytest.mark.parametrize(
    ("hits", "why"),
    [
        ([_hit(MEDAL, 0.30, 1), _hit(AGED, 0.1, 2)], "the reranker finds it far less likely"),
        ([_hit(MEDAL, 0.3, 1), _hit(HOLDER, 0.3, 3), _hit(HOLDER, 0.3, 4), _hit(AGED, 0.3, 2)], "too far down"),
        ([_hit(YEARS, 0.3, 5), _hit(AGED, 0.3, 2)], "the first tells one"),
        ([], "nothing to order"),
    ],
)
def test_the_reranked_order_stands_otherwise(hits: list[Hit], why: str) -> None:
    assert age_first(OLD, hits, TOKENIZER.tokens) == hits, why


def test_only_a_how_old_question_is_reordered_by_age() -> None:
    hits = [_hit(MEDAL, 0.30, 1), _hit(AGED, 0.25, 2)]
    for question in ("Who is Florent Groberg?", "How many medals did Florent Groberg receive?"):
        assert age_first(parse_query(question, TOKENIZER), hits, TOKENIZER.tokens) == hits, question
