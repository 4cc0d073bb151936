"""What the feature reranker reads about a candidate (index/search/rerank_features.py): pure functions."""

from __future__ import annotations

import numpy as np

from index.search.query import Query, Tokenizers, parse_query
from index.search.ranking import SIGNALS, TextTests
from index.search.rerank_features import (
    CROSS_FEATURES,
    FEATURES,
    CandidateText,
    SentenceWords,
    answer_context,
    answer_nearness,
    answer_positions,
    clause_share,
    clauses_of,
    cross_columns,
    cross_question,
    event_equivalents,
    feature_matrix,
    new_of_kind,
    shares,
)
from index.store.lexical import idf

TOKENIZER = Tokenizers().get()


def _query(text: str) -> Query:
    return parse_query(text, TOKENIZER)


def _candidate(text: str, fused: float, dense: float = 0.5) -> CandidateText:
    signals = np.zeros(len(SIGNALS))
    signals[0] = dense
    return CandidateText(text, frozenset(TOKENIZER.tokens(text)), signals, fused)


def _clauses(text: str) -> list[frozenset[str]]:
    return [frozenset(TOKENIZER.tokens(c)) for c in clauses_of(text)]


def _words(text: str) -> SentenceWords:
    return SentenceWords(tuple(TOKENIZER.words(text)), tuple(TOKENIZER.tokens(text)), tuple(_clauses(text)))


def test_a_rare_word_found_counts_more_than_a_common_one() -> None:
    rare, common = idf(3, 10_000), idf(4_000, 10_000)
    assert rare > common > 0
    weight = {"safin": rare, "win": common}.get
    asked = ["safin", "win"]
    assert shares(asked, frozenset({"safin"}), lambda s: weight(s) or 0.0) > 0.5
    assert shares(asked, frozenset({"win"}), lambda s: weight(s) or 0.0) < 0.5
    assert shares([], frozenset({"win"})) == 1.0  # nothing asked: nothing missing


def test_question_words_found_together_in_one_clause_score_higher_than_scattered_ones() -> None:
    asked = frozenset(TOKENIZER.tokens("ferry terminal opened"))
    together = "Officials said on Friday, after long delays, that the ferry terminal opened."
    scattered = "The ferry left at noon; the terminal was quiet, and a shop opened."
    assert clause_share(asked, _clauses(together)) == 1.0
    assert clause_share(asked, _clauses(scattered)) < 0.5
    assert clauses_of("Paris, the capital; a city (of light)") == ["Paris", " the capital", " a city ", "of light"]


def test_an_answer_of_the_kind_asked_counts_only_when_the_question_lacks_it() -> None:
    tests = TextTests()
    when = _query("When did the terminal open in 2019?")
    assert new_of_kind(when, "The terminal opened in March 2019.", tests)  # a month the question lacks
    assert not new_of_kind(when, "The terminal opened in 2019.", tests)  # only the year it gives
    how_many = _query("How many beds does Club Med have?")
    assert new_of_kind(how_many, "Club Med has 6,000 beds.", tests)
    assert not new_of_kind(how_many, "Club Med has many beds.", tests)
    who = _query("Who won the Australian Open?")
    assert new_of_kind(who, "Marat Safin beat Lleyton Hewitt.", tests)
    assert not new_of_kind(_query("Is Safin Russian?"), "Marat Safin is 25.", tests)  # yes/no asks no kind


def test_the_feature_rows_say_where_each_candidate_stands_and_what_it_holds() -> None:
    query = _query("How many troops are near the border?")
    candidates = [
        _candidate("Troops gathered near the border for the exercise.", fused=1.0, dense=0.7),
        _candidate("Nearly 100,000 troops are near the Ukrainian border, officials said.", fused=0.9, dense=0.6),
    ]
    matrix = feature_matrix(query, candidates, lambda s: 1.0, _words)
    column = {name: i for i, name in enumerate(FEATURES)}
    assert matrix.shape == (2, len(FEATURES))
    first, second = matrix
    assert first[column["rank"]] == 0.0 and second[column["rank"]] > 0
    assert first[column["fused_gap"]] == 0.0 and second[column["fused_gap"]] > 0.09
    assert second[column["dense_gap"]] > 0.09
    assert (first[column["kind_new"]], second[column["kind_new"]]) == (0.0, 1.0)  # only one gives a number
    assert second[column["new_number"]] == 1.0 and second[column["new_date"]] == 0.0
    assert first[column["asks_number"]] == second[column["asks_number"]] == 1.0
    assert first[column["asks_date"]] == 0.0
    assert feature_matrix(query, [], lambda s: 1.0, _words).shape == (0, len(FEATURES))


def test_only_a_figure_of_the_unit_asked_sets_unit_match() -> None:
    column = {name: i for i, name in enumerate(FEATURES)}
    query = _query("How many votes did Sanders get in New Hampshire?")
    candidates = [
        _candidate("Sanders won New Hampshire by 22 points.", fused=1.0),
        _candidate("Sanders got 151,584 votes in New Hampshire.", fused=0.9),
    ]
    first, second = feature_matrix(query, candidates, lambda s: 1.0, _words, stems=TOKENIZER.tokens)
    assert first[column["asks_unit"]] == second[column["asks_unit"]] == 1.0
    assert (first[column["unit_match"]], second[column["unit_match"]]) == (0.0, 1.0)
    assert first[column["kind_new"]] == 1.0  # the answer-kind feature alone cannot tell them apart
    (who,) = feature_matrix(_query("Who won in New Hampshire?"), candidates[:1], lambda s: 1.0, _words)
    assert who[column["asks_unit"]] == who[column["unit_match"]] == 0.0


def test_only_a_where_question_reads_whether_a_sentence_names_a_new_place() -> None:
    column = {name: i for i, name in enumerate(FEATURES)}
    candidates = [
        _candidate("Kasich agreed to end his bid for Indiana.", fused=1.0),
        _candidate("Kasich ended his campaign, telling supporters in Columbus.", fused=0.9),
    ]
    first, second = feature_matrix(_query("Where did Kasich end his campaign?"), candidates, lambda s: 1.0, _words)
    assert first[column["asks_place"]] == second[column["asks_place"]] == 1.0
    assert (first[column["new_place"]], second[column["new_place"]]) == (0.0, 1.0)
    assert first[column["new_name"]] == second[column["new_name"]] == 1.0  # the name feature cannot tell them apart
    (who,) = feature_matrix(_query("Who did Kasich endorse?"), candidates[1:], lambda s: 1.0, _words)
    assert who[column["asks_place"]] == who[column["new_place"]] == 0.0


def _nearness(query: Query, text: str) -> float:
    words = _words(text)
    return answer_nearness(query, words, answer_positions(query, words, text))


def test_an_answer_next_to_the_question_words_is_nearer_than_one_far_from_them() -> None:
    query = _query("How many troops are near the border?")
    near = "Nearly 100,000 troops are massed near the border, while talks on trade went on for 12 days."
    far = "Talks on trade went on for 12 days in Geneva while soldiers and troops waited at the border."
    assert _nearness(query, near) > _nearness(query, far) > 0
    assert _nearness(query, "Troops are at the border.") == 0.0
    assert _nearness(query, "There are <num> troops at the border.") == 0.5  # TrecQA's masked number, next word
    who = _query("Who won the Australian Open?")
    assert _nearness(who, "Marat Safin won the title in Melbourne.") > 0
    assert _nearness(_query("Why did it rain?"), "Marat Safin won the title in Melbourne.") == 0.0


def test_the_question_words_around_an_answer_count_rare_ones_most() -> None:
    query = _query("How many votes did Jill Stein get?")
    idf_of = {"vote": 1.0, "jill": 5.0, "stein": 5.0, "get": 0.5}.get

    def context(text: str) -> float:
        words = _words(text)
        return answer_context(query, words, answer_positions(query, words, text), lambda s: idf_of(s) or 1.0)

    beside = context("Jill Stein won 1.3 million votes in the last election.")
    apart = context("Jill Stein spoke at length about the party's plans, and the party won 1.3 million votes.")
    assert beside > 0.8 and apart < 0.3
    assert context("Jill Stein won many votes.") == 0.0  # no number: no answer to stand beside


def test_a_news_event_told_in_other_words_counts_as_the_question_s_word() -> None:
    column = {name: i for i, name in enumerate(FEATURES)}
    equivalents = event_equivalents(TOKENIZER.tokens)
    query = _query("Who met in Geneva?")
    talks = _candidate("The council follows bilateral talks between the United States and Russia in Geneva.", 1.0)
    weather = _candidate("It rained in Geneva on Monday.", 0.9)
    plain = feature_matrix(query, [talks, weather], lambda s: 1.0, _words)
    told = feature_matrix(query, [talks, weather], lambda s: 1.0, _words, equivalents=equivalents)
    assert plain[0, column["idf_share"]] < 1.0 and told[0, column["idf_share"]] == 1.0  # "met" ~ "talks"
    assert told[1, column["idf_share"]] == plain[1, column["idf_share"]] < 1.0  # no event word: no change
    assert told[0, column["clause_share"]] > plain[0, column["clause_share"]]
    assert "talk" in equivalents["meet"] and "meet" not in equivalents["meet"]  # "met" counts as "meet"


def test_the_cross_encoder_columns_are_each_logit_and_its_distance_below_the_best() -> None:
    columns = cross_columns([1.0, 3.0, -2.0])
    assert columns.shape == (3, len(CROSS_FEATURES))
    assert columns.tolist() == [[1.0, 2.0], [3.0, 0.0], [-2.0, 5.0]]
    assert cross_columns([]).shape == (0, len(CROSS_FEATURES))


def test_the_cross_encoder_reads_the_question_without_the_date_of_the_hit_s_own_article() -> None:
    def asked(question: str, published: str | None) -> str:
        return cross_question(_query(question), published)

    assert asked("Where are tickets for the crossing sold in 2023?", "2023-03-02") == (
        "Where are tickets for the crossing sold?"
    )
    assert asked("What happened on March 3, 2023 in Oslo?", "2023-03-03") == "What happened in Oslo?"
    # another year or month, or no date: the question as asked
    assert asked("What did Putin say in March 2022?", "2022-04-05") == "What did Putin say in March 2022?"
    assert asked("Who won the cup in 2020?", "2023-03-02") == "Who won the cup in 2020?"
    assert asked("Who won the cup in 2020?", None) == "Who won the cup in 2020?"
