"""Who did what a "Who VERB ...?" question asks (index/search/doers.py): the sentence telling the
doer of its verb comes first when the reranker finds it nearly as likely to answer."""

from __future__ import annotations

import pytest

from index.search.doers import asked_deed, doer_first, tells_doer
from index.search.query import Tokenizers, parse_query
from index.types import Hit

TOKENIZER = Tokenizers().get()
STEM = TOKENIZER.stem
OWNS = parse_query("Who owns the Trump Taj Mahal casino in Atlantic City now?", TOKENIZER)
ROFFMAN = "Marvin Roffman learned that in 1990 after he expressed doubts about Trump's new Atlantic City project, the Trump Taj Mahal."
ICAHN = "Clinton spoke just down the street from the Trump Taj Mahal — now owned by investor Carl Icahn — where protesters gathered."
CASINOS = "Four casinos — Bally’s, Caesars, Harrah’s and Trump Taj Mahal — reported revenue declines."


@pytest.mark.parametrize(
    ("question", "deed"),
    [
        ("Who owns the Trump Taj Mahal casino?", "own"),
        ("who moderated the last debate in Nashville?", "moder"),
        ("Who founded the Black Panthers organization ?", "found"),
        # Who someone is, what someone else did, what is to come: not a deed asked about.
        ("Who is Hillary Clinton's campaign manager?", None),
        ("Who did Sherman talk to in Geneva?", None),
        ("Who will run the Defeat Crooked Hillary PAC?", None),
        ("Who else spoke?", None),
        ("Where did Sanders campaign?", None),
        ("", None),
    ],
)
def test_the_verb_a_who_question_asks_the_doer_of(question: str, deed: str | None) -> None:
    assert asked_deed(question, STEM) == deed


@pytest.mark.parametrize(
    ("sentence", "tells"),
    [
        (ICAHN, True),  # the verb in another form, then "by" and a name
        ("Billionaire Carl Icahn owns the casino now.", True),  # a name just before the verb
        (ROFFMAN, False),  # a person, but no one owning anything
        ("The casino is owned by the same company as before.", False),  # "by" and no name
        ("Trump owned the Taj Mahal until 2009.", False),  # the question's own name
        ("Icahn said he owed nothing, and the owners of Bally's were silent.", False),  # other verbs
    ],
)
def test_a_sentence_telling_the_doer(sentence: str, tells: bool) -> None:
    assert tells_doer(sentence, "own", OWNS.letters, STEM) is tells


def test_the_doer_a_few_words_after_by() -> None:
    debate = parse_query("Who moderated the last 2020 presidential debate in Nashville?", TOKENIZER)
    welker = "The issue came up at the Nashville-set second presidential debate, moderated by NBC News correspondent Kristen Welker."
    assert tells_doer(welker, "moder", debate.letters, STEM)
    assert not tells_doer(
        welker.replace("NBC News correspondent Kristen Welker", "a panel"), "moder", debate.letters, STEM
    )


def _hit(sentence: str, score: float, row: int) -> Hit:
    return Hit(sentence, score, f"a{row}", "Atlantic City", None, None, 0, row, 0, len(sentence), row)


def test_a_nearly_as_likely_sentence_telling_the_doer_comes_first() -> None:
    hits = [_hit(ROFFMAN, 0.55, 1), _hit(ICAHN, 0.38, 2), _hit(CASINOS, 0.22, 3)]
    assert [h.row for h in doer_first(OWNS, hits, STEM)] == [2, 1, 3]


@pytest.mark.parametrize(
    ("hits", "why"),
    [
        ([_hit(ROFFMAN, 0.55, 1), _hit(ICAHN, 0.2, 2)], "the reranker finds it far less likely"),
        ([_hit(ROFFMAN, 0.55, 1), _hit(CASINOS, 0.5, 3), _hit(CASINOS, 0.5, 4), _hit(ICAHN, 0.5, 2)], "too far down"),
        ([_hit(ICAHN.replace("Carl Icahn", "Tom Smith"), 0.6, 5), _hit(ICAHN, 0.5, 2)], "the first tells one"),
        ([], "nothing to order"),
    ],
)
def test_the_reranked_order_stands_otherwise(hits: list[Hit], why: str) -> None:
    assert doer_first(OWNS, hits, STEM) == hits, why


def test_only_a_who_verb_question_is_reordered_by_doer() -> None:
    hits = [_hit(ROFFMAN, 0.55, 1), _hit(ICAHN, 0.38, 2)]
    for question in ("Who is the owner of the Trump Taj Mahal?", "What does Carl Icahn own in Atlantic City?"):
        assert doer_first(parse_query(question, TOKENIZER), hits, STEM) == hits, question
