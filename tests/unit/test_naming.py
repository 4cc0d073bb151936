"""A question naming someone is answered from an article that names them (index/search/naming.py):
the rule alone, and through the whole answer path on a real index (real model and reranker)."""

from __future__ import annotations

from contextlib import closing

import pytest

from index.embedding.models import Embedder
from index.search.naming import named_first, names_asked
from index.search.query import parse_query
from index.search.searcher import Searcher
from index.store.lexical import Tokenizer
from tests.support import searcher_fixture, searcher_over

TOKENIZER = Tokenizer()

# Johnson's article names his running mate without his name ("His running mate is ..."); the
# other article's sentence says "chosen as the running mate" in the question's own words.
TICKETS = [
    {
        "id": "libertarians",
        "title": "Libertarian ticket campaigns in Colorado",
        "text": "\n\n".join(
            [
                "Gary Johnson campaigned in Denver on Saturday.",
                "His running mate is Bill Weld, a former governor of Massachusetts.",
                "The pair hope to reach 15 percent in national polls.",
            ]
        ),
    },
    {
        "id": "republicans",
        "title": "Republican convention opens in Cleveland",
        "text": "\n\n".join(
            [
                "Delegates arrived in Cleveland for the convention on Monday.",
                "Indiana governor Mike Pence was chosen as the running mate on Friday.",
                "The hall was full by the evening.",
            ]
        ),
    },
]
WELD = "His running mate is Bill Weld, a former governor of Massachusetts."
PENCE = "Indiana governor Mike Pence was chosen as the running mate on Friday."


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("Who is Gary Johnson's running mate?", {"gari", "johnson"}),
        # A demonym is not a name asked: the answer's article may write only "Ukraine".
        ("How many troops are near the Ukrainian border?", set()),
        ("When did Russian troops enter Crimea?", {"crimea"}),
        ("What is the price of oil?", set()),
        # A day or a month is when, not whom or what a story is about.
        ("How long was the tunnel found on Aug. 26?", set()),
        ("Who met Gary Johnson on Monday in March?", {"gari", "johnson"}),
        # A "what did X say?" question goes to X's words, a short search to the sentences using it.
        ("What did Gary Johnson say about taxes?", set()),
        ("Gary Johnson", set()),
    ],
)
def test_the_names_a_question_asks_about(question: str, names: set[str]) -> None:
    assert names_asked(parse_query(question, TOKENIZER)) == names


def test_named_items_come_first_each_group_in_its_order() -> None:
    assert named_first(["a", "b", "c", "d", "e"], [False, True, False, True, False]) == ["b", "d", "a", "c", "e"]
    assert named_first(["a", "b"], [False, False]) == ["a", "b"]
    assert named_first([], []) == []
    with pytest.raises(ValueError):
        named_first(["a", "b"], [True])


tickets = searcher_fixture(TICKETS, "tickets")


def test_the_answer_comes_from_the_article_naming_who_is_asked_about(tickets: Searcher) -> None:
    question = "Who was chosen as Gary Johnson's running mate?"
    answer = tickets.answer(question)
    assert not answer.declined
    # The reranker alone would put Pence's sentence first (0.59 against 0.35): it reads one
    # sentence at a time, and only Pence's says "chosen as the running mate".
    assert answer.hits[0].sentence == WELD
    ranked = [h.sentence for h in answer.ranked]
    assert ranked.index(PENCE) > ranked.index(WELD)
    # The ranking (search) puts all of Johnson's article before the other's closer sentence.
    assert [h.article_id for h in tickets.search(question)[:4]] == ["libertarians"] * 3 + ["republicans"]


def test_a_question_naming_both_stories_ranks_as_before(tickets: Searcher) -> None:
    # Each article names one of the names asked: neither is put first for it, meaning decides.
    answer = tickets.answer("Was Mike Pence or Bill Weld chosen as the Republican running mate?")
    assert answer.ranked and answer.ranked[0].sentence == PENCE


def test_a_demonym_does_not_pull_its_articles_first(
    tmp_path_factory: pytest.TempPathFactory, embedder: Embedder
) -> None:
    # The answer's article writes "Ukraine", the other one "Ukrainian": "Ukrainian" is no name asked.
    articles = [
        {
            "id": "buildup",
            "title": "Troops gather",
            "text": "Russia has massed nearly 100,000 troops near its border with Ukraine.\n\nMoscow denies it.",
        },
        {
            "id": "harvest",
            "title": "Record harvest",
            "text": "Ukrainian farmers near the border expect a record harvest.\n\nExports rose by 10 percent.",
        },
    ]
    with closing(searcher_over(articles, tmp_path_factory.mktemp("demonym"), embedder)) as searcher:
        answer = searcher.answer("How many troops are near the Ukrainian border?")
    assert answer.ranked and answer.ranked[0].article_id == "buildup"
