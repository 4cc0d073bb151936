"""Questions that name a topic and ask nothing in particular about it (index/search/topics.py):
searched for as the topic typed alone would be."""

from __future__ import annotations

import pytest

from index.search.query import parse_query
from index.search.searcher import Searcher
from index.search.topics import topic_of
from index.store.lexical import Tokenizer


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("What happened in Geneva?", "Geneva"),
        ("what's going on with NATO?", "NATO"),
        ("What has happened to Navalny?", "Navalny"),
        ("Tell me about Peskov", "Peskov"),
        ("Tell me more about the talks.", "the talks"),
        ("What about Ryabkov?", "Ryabkov"),
        ("What do you know about the OSCE?", "the OSCE"),
        ("What is the latest on Ukraine?", "Ukraine"),
        ("Whats new with NATO", "NATO"),
        ("Any news on the talks?", "the talks"),
        ("What are the talks about?", "the talks"),
    ],
)
def test_a_question_about_a_topic_names_it(question: str, topic: str) -> None:
    assert topic_of(question) == topic


@pytest.mark.parametrize(
    "question",
    [
        "What happened?",  # no topic
        "What did Peskov say about the talks?",  # a speech question
        "How did the talks go?",
        "What does Russia want?",
        "When did the talks in Geneva happen?",
        # Too long to be a topic: a question of its own.
        "What happened in the Geneva talks between Sherman and Ryabkov on January 10?",
        "",
    ],
)
def test_other_questions_name_no_topic(question: str) -> None:
    assert topic_of(question) is None


def test_a_topic_question_searches_for_the_topic_words_only() -> None:
    query = parse_query("What happened in Geneva?", Tokenizer())
    assert query.short_search
    assert [w.text for w in query.words] == ["Geneva"]
    assert [w.text for w in query.names] == ["Geneva"]  # still a name, though the topic's first word
    assert query.search_terms == {"geneva"}
    assert not parse_query("What happened?", Tokenizer()).short_search


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("What happened in Geneva?", "Geneva"),
        ("Tell me about Peskov", "Peskov"),
        ("What is the latest on Ukraine?", "Ukraine"),
        ("What are the talks about?", "talks"),
        ("What do you know about Ryabkov?", "Ryabkov"),
    ],
)
def test_a_topic_the_sample_article_covers_is_answered_with_sentences_on_it(
    sample_searcher: Searcher, question: str, word: str
) -> None:
    # Each was declined: the reranker found no sentence 17% likely to answer it.
    answer = sample_searcher.answer(question)
    assert not answer.declined
    assert answer.hits
    assert all(word in hit.sentence for hit in answer.hits)


def test_a_topic_no_article_mentions_is_still_declined(sample_searcher: Searcher) -> None:
    assert sample_searcher.answer("What happened in Paris?").reason == "No article mentions Paris."
    assert sample_searcher.answer("Tell me about the weather").declined
