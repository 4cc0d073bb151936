"""How much of a question a sentence's neighbourhood holds (index/search/neighbourhood.py), on a real lexical index."""

from __future__ import annotations

import numpy as np
import pytest

from index.search.neighbourhood import Neighbourhoods
from index.search.query import parse_query
from index.store.lexical import Tokenizer, build_lexical

TOKENIZER = Tokenizer()
# Two articles, one after the other: rows 0-5 and 6-8.
SENTENCES = [
    "The senator posted on Twitter late on Monday.",  # 0
    "He was answering the proposed ban.",  # 1
    "Bush called Trump unhinged.",  # 2
    "The campaign did not reply.",  # 3
    "Polls opened in the morning.",  # 4
    "Turnout was low across the state.",  # 5
    "Trump spoke at a rally in Iowa.",  # 6
    "Bush was in Florida.",  # 7
    "Both campaigns raised money.",  # 8
]
RUNS = [6, 3]


def _stems(text: str) -> list[str]:
    return TOKENIZER.tokens(text)


@pytest.fixture(scope="module")
def neighbourhoods() -> Neighbourhoods:
    return Neighbourhoods(build_lexical(SENTENCES, TOKENIZER), RUNS, reach=2)


def test_the_story_around_a_sentence_counts_for_it(neighbourhoods: Neighbourhoods) -> None:
    asked = parse_query("What did Bush call Trump on Twitter after the ban?", TOKENIZER).stems
    near, far = neighbourhoods.coverage(asked, [2, 7], [frozenset(), frozenset()])
    # Row 2's neighbours say Twitter and ban; row 7's article says neither.
    assert near == pytest.approx(1.0)
    assert 0 < far < near


def test_the_neighbourhood_stops_at_its_reach_and_at_the_article(neighbourhoods: Neighbourhoods) -> None:
    twitter = _stems("Twitter")
    # Row 0 says Twitter: rows 1 and 2 reach it, row 3 is three sentences away.
    assert neighbourhoods.coverage(twitter, [0, 1, 2, 3], [frozenset()] * 4).tolist() == [1.0, 1.0, 1.0, 0.0]
    # Row 6 is next to row 5, but in another article: Turnout is not in its neighbourhood.
    assert neighbourhoods.coverage(_stems("turnout"), [4, 6], [frozenset()] * 2).tolist() == [1.0, 0.0]


def test_the_articles_title_counts_and_rare_words_weigh_more(neighbourhoods: Neighbourhoods) -> None:
    iowa_title = frozenset(_stems("Trump in Iowa"))
    assert neighbourhoods.coverage(_stems("Iowa"), [2], [iowa_title]).tolist() == [1.0]
    # "Trump" is in both articles, "Florida" in one sentence: holding only the rare word counts for more.
    asked = _stems("Trump Florida")
    trump_only, florida_only = neighbourhoods.coverage(asked, [2, 7], [frozenset(), frozenset()])
    assert florida_only == pytest.approx(1.0)
    assert 0 < trump_only < 0.5


def test_a_word_no_sentence_holds_still_counts_as_asked(neighbourhoods: Neighbourhoods) -> None:
    share = neighbourhoods.coverage(_stems("Bush zeppelin"), [2], [frozenset()])
    assert 0 < share[0] < 0.5
    assert neighbourhoods.coverage([], [2, 3], [frozenset()] * 2).tolist() == [0.0, 0.0]
    bush = _stems("Bush")
    assert bush and neighbourhoods.coverage(bush, [], []).shape == (0,)


def test_runs_that_do_not_cover_the_index_are_refused() -> None:
    with pytest.raises(ValueError, match="cover 5 rows, the index has 9"):
        Neighbourhoods(build_lexical(SENTENCES, TOKENIZER), [5])
    assert isinstance(Neighbourhoods(build_lexical([], TOKENIZER), []).coverage(["x"], [], []), np.ndarray)


def test_the_sentence_before_is_in_the_same_article_or_none(neighbourhoods: Neighbourhoods) -> None:
    # Row 0 and row 6 open their articles; row 5 is not before row 6.
    assert neighbourhoods.previous([0, 1, 5, 6, 8]) == [None, 0, 4, None, 7]
    assert neighbourhoods.previous([]) == []


def test_an_article_holds_a_name_in_any_of_its_sentences_or_its_title(neighbourhoods: Neighbourhoods) -> None:
    untitled = [frozenset()] * 4
    # "Florida" is in row 7 only: every row of the second article holds it, none of the first.
    assert neighbourhoods.articles_holding(_stems("Florida"), [0, 5, 6, 8], untitled).tolist() == [
        False,
        False,
        True,
        True,
    ]
    # Any one of the stems is enough; "Twitter" is in the first article.
    assert neighbourhoods.articles_holding(_stems("Florida Twitter"), [0, 5, 6, 8], untitled).tolist() == [True] * 4
    # A title holding it counts; a word no sentence or title holds is in no article.
    iowa = [frozenset(_stems("Senate race in Ohio")), frozenset()]
    assert neighbourhoods.articles_holding(_stems("Ohio"), [1, 7], iowa).tolist() == [True, False]
    assert neighbourhoods.articles_holding(_stems("zeppelin"), [1, 7], [frozenset()] * 2).tolist() == [False, False]
    assert neighbourhoods.articles_holding(_stems("Bush"), [], []).shape == (0,)
