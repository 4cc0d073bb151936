"""The BM25 ranker: words, scores, and the files it leaves in an index generation."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from index.errors import IndexLoadError
from index.store.lexical import LEXICAL_ARRAYS, LEXICAL_VOCABULARY, Tokenizer, build_lexical, load_lexical, names_in

TEXTS = [
    "The U.S. ambassador met Russian officials in Geneva.",
    "Talks between the US and Russia lasted eight hours.",
    "Kyiv is the No. 1 security partner, Kuleba said.",
    "Nothing here but weather: rain, wind and more rain.",
]


def test_words_are_stemmed_case_folded_and_initials_join() -> None:
    tokenizer = Tokenizer()
    assert tokenizer.tokens("Talks talked TALKING") == ["talk", "talk", "talk"]
    assert tokenizer.tokens("The U.S. and the US") == ["us", "us"]
    assert "1" in tokenizer.tokens("Kyiv’s No. 1 partner")  # one-digit numbers are words too
    assert tokenizer.tokens("what is the") == []  # stop words only


def test_a_name_typed_without_its_accents_is_the_same_word() -> None:
    tokenizer = Tokenizer()
    for written, typed in (
        ("Fernández", "fernandez"),
        ("Erdoğan", "Erdogan"),
        ("Wałęsa", "Walesa"),
        ("Søren", "Soren"),
    ):
        assert tokenizer.tokens(written) == tokenizer.tokens(typed), written
    assert tokenizer.tokens("Путин") == ["путин"]  # another script's letters stay as written
    lexical = build_lexical(["President Alberto Fernández will send a bill.", "Congress met."], tokenizer)
    rows, _ = lexical.top(tokenizer.query_terms("When will Fernandez send the bill?"), 1)
    assert rows.tolist() == [0]


def test_an_irregular_past_form_counts_as_its_base_form_and_a_name_stays_a_name() -> None:
    tokenizer = Tokenizer()
    assert tokenizer.tokens("he laid off staffers") == tokenizer.tokens("lay off staffers")
    assert tokenizer.tokens("won paid held spent met") == tokenizer.tokens("win pay hold spend meet")
    assert tokenizer.tokens("chosen written") == tokenizer.tokens("choosing writes")
    # Capitalised, it is a name (or a sentence's first word): "Rose Kennedy", the currency "Won".
    assert tokenizer.tokens("Rose Kennedy rose") == ["rose", "kennedi", "rise"]
    assert [w.stem for w in tokenizer.query_words("How much did Won pay?")] == ["won", "pay"]
    # Not a past form of another verb's base: "found" a party, "left" the room, "the wound".
    assert tokenizer.tokens("found left wound") == ["found", "left", "wound"]
    lexical = build_lexical(["Sanders hired staffers in Iowa.", "Sanders laid off 200 staffers."], tokenizer)
    rows, scores = lexical.top(tokenizer.query_terms("How many staffers did Sanders lay off?"), 2)
    assert rows.tolist() == [1, 0] and scores[0] > scores[1]


def test_a_british_spelling_counts_as_the_american_one_in_every_inflection() -> None:
    tokenizer = Tokenizer()
    british = "The Defence Ministry organised a programme at the centre, criticising its labour colours."
    american = "The Defense Ministry organized a program at the center, criticizing its labor colors."
    assert tokenizer.tokens(british) == tokenizer.tokens(american)
    assert tokenizer.tokens("organisations analysed travelled") == tokenizer.tokens("organization analyzes traveled")
    assert tokenizer.tokens("she learnt it, focussed and fuelled") == tokenizer.tokens(
        "she learned it, focused, fueled"
    )
    assert tokenizer.tokens("Turnout rose 5 per cent.") == tokenizer.tokens("Turnout rose 5 percent.")
    assert tokenizer.tokens("5 Per Cent, 6 PER CENT") == ["5", "percent", "6", "percent"]
    # A question's words (what BM25 and the reranker's features read) meet them too, names included.
    assert [w.stem for w in tokenizer.query_words("What did Labour say about defense?")] == tokenizer.tokens(
        "labor say defence"
    )
    # Words written alike on both sides stay themselves; "tyre" is a city too, so not "tire".
    assert tokenizer.tokens("advise promise exercise Tyre") == ["advis", "promis", "exercis", "tyre"]
    lexical = build_lexical(["The defence budget rose again.", "The health budget rose again."], tokenizer)
    rows, scores = lexical.top(tokenizer.query_terms("How much is the defense budget?"), 2)
    assert rows.tolist() == [0, 1] and scores[0] > scores[1]


def test_a_capitalised_word_opening_a_sentence_is_no_name() -> None:
    tokenizer = Tokenizer()

    def named(question: str) -> list[str]:
        return [w.text for w in tokenizer.query_words(question) if w.named]

    assert named("What did Peskov say?") == ["Peskov"]
    # After an end of sentence, a quotation mark, a bracket or a colon, spaces and new lines between.
    assert named("Peskov spoke.   Then Ryabkov left") == ["Ryabkov"]
    assert named('He said: Talks ended. "Geneva was fine" \n\n (Kremlin view)') == []
    assert named("  Talks with Sherman") == ["Sherman"]
    # A long question of capitalised words is read as any other (it is read back over spaces only).
    long = "Aa Bb. " * 20_000
    assert len(tokenizer.query_words(long)) == 40_000 and named(long).count("Bb") == 20_000


def test_names_and_numbers_in_a_question_weigh_more() -> None:
    terms = Tokenizer().query_terms("Who met Peskov in 2022?", name_weight=2.0)
    assert terms == {"meet": 1.0, "peskov": 2.0, "2022": 2.0}
    assert names_in("What did Angela Merkel say about NATO?", Tokenizer()) == ["Angela", "Merkel", "NATO"]
    assert names_in("Merkel said what?", Tokenizer()) == []  # the first word is capitalised anyway


def test_scores_equal_the_bm25s_reference(tmp_path: Path) -> None:
    import bm25s

    tokenizer = Tokenizer()
    ours = build_lexical(TEXTS, tokenizer)
    reference = bm25s.BM25(k1=1.2, b=0.75, method="lucene")
    reference.index([tokenizer.tokens(t) for t in TEXTS], show_progress=False)
    for question in ("US talks with Russia", "rain in Geneva", "Kuleba partner"):
        terms = tokenizer.query_terms(question, name_weight=1.0)
        expected = reference.get_scores([t for t in terms if t in reference.vocab_dict])
        assert np.allclose(ours.scores(terms), expected, atol=1e-5)


def test_top_returns_only_matching_sentences_best_first() -> None:
    tokenizer = Tokenizer()
    lexical = build_lexical(TEXTS, tokenizer)
    rows, scores = lexical.top(tokenizer.query_terms("rain"), 10)
    assert rows.tolist() == [3] and scores[0] > 0
    rows, _ = lexical.top(tokenizer.query_terms("US Russia"), 10)
    assert rows.tolist()[0] == 1
    assert lexical.top({"unheard": 1.0}, 10)[0].size == 0


def test_frequency_counts_the_sentences_holding_a_word_once_each() -> None:
    index = build_lexical(["troops troops near Ukraine", "the troops left", "talks in Geneva"])
    stem = Tokenizer().stem
    assert index.frequency(stem("troops")) == 2  # twice in one sentence counts once
    assert index.frequency(stem("Geneva")) == 1
    assert index.frequency(stem("oil")) == 0


def test_memory_grows_with_word_occurrences_not_with_vocabulary_times_sentences() -> None:
    texts = [f"sentence number {i} mentions word{i} and word{i + 1}" for i in range(2000)]
    lexical = build_lexical(texts)
    distinct_pairs = sum(len(set(Tokenizer().tokens(t))) for t in texts)
    assert lexical.weights.size == lexical.rows.size == distinct_pairs
    assert len(lexical.vocabulary) > 2000  # a dense matrix would be 2000 x 2000+


def test_round_trip_without_pickle(tmp_path: Path) -> None:
    lexical = build_lexical(TEXTS)
    names = lexical.save(tmp_path)
    assert sorted(names) == sorted([LEXICAL_ARRAYS, LEXICAL_VOCABULARY])
    with np.load(tmp_path / LEXICAL_ARRAYS, allow_pickle=False) as arrays:
        assert all(arrays[name].dtype != object for name in arrays.files)
    loaded = load_lexical(tmp_path, len(TEXTS))
    terms = Tokenizer().query_terms("Geneva officials")
    assert np.array_equal(loaded.scores(terms), lexical.scores(terms))


def test_a_lexical_index_of_another_size_or_format_is_refused(tmp_path: Path) -> None:
    build_lexical(TEXTS).save(tmp_path)
    with pytest.raises(IndexLoadError, match="covers 4 sentences"):
        load_lexical(tmp_path, 5)
    meta = json.loads((tmp_path / LEXICAL_VOCABULARY).read_text())
    meta["format"] = 99
    (tmp_path / LEXICAL_VOCABULARY).write_text(json.dumps(meta))
    with pytest.raises(IndexLoadError, match="rebuild"):
        load_lexical(tmp_path, 4)
    (tmp_path / LEXICAL_ARRAYS).unlink()
    with pytest.raises(IndexLoadError, match="no lexical index"):
        load_lexical(tmp_path, 4)
