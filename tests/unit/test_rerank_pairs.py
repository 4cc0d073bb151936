"""The reranker's training pairs (scripts/rerankkit): what is learnt from, and what is held out."""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

import pytest

from scripts.rerankkit.pairs import (
    Pair,
    in_half,
    load_pairs,
    question_half,
    trecqa_dev,
    with_unrelated_befores,
    without_context,
)
from scripts.rerankkit.sources import squad_article_negatives, squad_pairs
from scripts.rerankkit.swaps import question_names, swapped_negatives

PARAGRAPH = (
    "The bridge was designed by Ana Ruiz. It will open on March 3. Critics say the bridge cost more than the old ferry."
)


def _write_gz_json(path: Path, payload: object) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as f:
        json.dump(payload, f)
    return path


def _write_trecqa(path: Path, rows: list[tuple[str, int, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["qtext", "label", "atext"])
        writer.writerows(rows)
    return path


def test_a_reading_comprehension_answer_marks_the_sentence_it_starts_in(tmp_path):
    squad = {
        "data": [
            {
                "paragraphs": [
                    {
                        "context": PARAGRAPH,
                        "qas": [
                            {
                                "id": "a",
                                "question": "When will the bridge open?",
                                "answers": [{"text": "March 3", "answer_start": PARAGRAPH.index("March 3")}],
                            },
                            {
                                "id": "b",
                                "question": "How much did the ferry cost?",
                                "is_impossible": True,
                                "answers": [],
                                "plausible_answers": [{"text": "more", "answer_start": PARAGRAPH.index("more")}],
                            },
                        ],
                    }
                ]
            }
        ]
    }
    rows = list(squad_pairs(_write_gz_json(tmp_path / "squad.json.gz", squad), "squad2"))
    answerable = [r for r in rows if r["qid"] == "squad2:a"]
    unanswerable = [r for r in rows if r["qid"] == "squad2:b"]
    assert [r["sentence"] for r in answerable] == [
        "The bridge was designed by Ana Ruiz.",
        "It will open on March 3.",
        "Critics say the bridge cost more than the old ferry.",
    ]
    assert [r["label"] for r in answerable] == [0, 1, 0]
    # each sentence comes with the one before it in its paragraph (what --context training reads)
    assert [r["before"] for r in answerable] == ["", *[r["sentence"] for r in answerable[:2]]]
    # an unanswerable question teaches only non-answers; the tempting sentence is marked hard
    assert [r["label"] for r in unanswerable] == [0, 0, 0]
    assert [r["hard"] for r in unanswerable] == [False, False, True]


def test_every_answer_is_kept_and_hard_non_answers_come_first(tmp_path):
    rows = [{"question": "Who won?", "sentence": f"Sentence {i}.", "label": 0, "hard": False} for i in range(8)]
    rows[5]["hard"] = True
    rows[5]["before"] = "Sentence 4."
    rows += [{"question": "Who won?", "sentence": f"Winner {i}.", "label": 1, "hard": False} for i in range(2)]
    with gzip.open(tmp_path / "extra.jsonl.gz", "wt", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row | {"qid": "1", "source": "squad2"}) + "\n")
    train = _write_trecqa(tmp_path / "train.csv", [("When?", 1, "Today."), ("When?", 0, "Yes.")])

    pairs = load_pairs(train, [tmp_path], negatives=3, seed=1)

    won = [p for p in pairs if p.question == "Who won?"]
    assert sorted(p.sentence for p in won if p.label) == ["Winner 0.", "Winner 1."]
    negatives = [p for p in won if not p.label]
    assert len(negatives) == 3 and "Sentence 5." in {p.sentence for p in negatives}
    # the sentence before is read where a row gives it; rows without one (older pairs) have none
    assert {(p.sentence, p.before) for p in won if p.before} == {("Sentence 5.", "Sentence 4.")}
    assert {p.before for p in won if p.sentence != "Sentence 5."} == {""}
    assert not without_context(pairs)
    assert without_context([p for p in pairs if not p.before])  # train_reranker.py --context refuses these
    assert {(p.source, p.label) for p in pairs if p.question == "When?"} == {("trecqa_train", 1), ("trecqa_train", 0)}
    assert not load_pairs(train, [tmp_path], negatives=3, seed=1, exclude=["squad2", "trecqa_train"])


def test_dev_questions_without_both_an_answer_and_a_non_answer_are_not_scored(tmp_path):
    dev = _write_trecqa(
        tmp_path / "dev.csv",
        [("Q1?", 1, "a"), ("Q1?", 0, "b"), ("Q2?", 0, "c"), ("Q2?", 0, "d"), ("Q3?", 1, "e")],
    )
    (only,) = trecqa_dev(dev)
    assert (only.question, only.labels) == ("Q1?", (1, 0))


def test_a_listwise_group_is_one_answer_against_its_own_questions_non_answers():
    from scripts.rerankkit.pairs import Pair
    from scripts.rerankkit.training import listwise_groups

    pairs = [Pair("Who won?", f"Winner {i}.", 1, "squad2") for i in range(3)]
    pairs += [Pair("Who won?", f"Loser {i}.", 0, "squad2") for i in range(2)]
    pairs += [Pair("When?", "Today.", 1, "selqa_dev"), Pair("Where?", "Nowhere.", 0, "selqa_dev")]

    groups = listwise_groups(pairs, seed=1)

    assert len(groups) == 2  # at most two answers of a question; none without a non-answer
    for group in groups:
        assert group[0].label == 1 and group[0].question == "Who won?"
        assert sorted(p.sentence for p in group[1:]) == ["Loser 0.", "Loser 1."]


def test_a_question_falls_in_the_same_half_however_a_dataset_writes_it():
    # TrecQA's tokenised text and the answer path's plain one must meet the same cross-encoder
    assert question_half("What is Crips ' gang color ?") == question_half("what is Crips' gang color?")
    halves = [question_half(f"How many people lived in the town in {year}?") for year in range(1600, 2000)]
    assert 160 <= sum(halves) <= 240  # about half and half


def test_training_on_one_half_keeps_every_pair_of_its_questions_and_none_of_the_others():
    questions = [f"Who won the race in {year}?" for year in range(2000, 2040)]
    pairs = [Pair(q, f"Sentence {i}.", i % 2, "squad2") for q in questions for i in range(3)]
    zero, one = in_half(pairs, 0), in_half(pairs, 1)
    assert zero and one and sorted(zero + one, key=pairs.index) == pairs
    assert {question_half(p.question) for p in zero} == {0} and {question_half(p.question) for p in one} == {1}
    assert all(sum(p.question == q for p in zero) in (0, 3) for q in questions)
    assert in_half(pairs, None) == pairs


def test_a_swapped_negative_asks_about_a_name_its_sentence_does_not_give() -> None:
    sentence = "Hillary Clinton received her first national security briefing in New York on Saturday."
    pairs = [
        Pair("Where did Hillary Clinton get her first security briefing?", sentence, 1, "news"),
        Pair("When did Donald Trump visit Scotland?", "Donald Trump visited Scotland in June.", 1, "news"),
        Pair("What did the minister say?", "The minister said little.", 1, "news"),  # names nothing
        Pair("Who won in Ohio?", "Rain fell in Ohio.", 0, "news"),  # a negative stays as it is
    ]
    swapped = swapped_negatives(pairs, 1.0, seed=3)
    by_sentence = {p.sentence: p for p in swapped}
    assert set(by_sentence) == {sentence, "Donald Trump visited Scotland in June."}
    clinton = by_sentence[sentence]
    assert clinton.question == "Where did Donald Trump get her first security briefing?"
    assert clinton.label == 0 and clinton.hard and clinton.source == "swap:news"
    # The names a question gives: never its first word, never a word that opens a clause.
    assert [n.text for n in question_names("Who is Colin Powell? In Paris, Le Monde said")] == [
        "Colin Powell",
        "Paris",
        "Le Monde",
    ]
    assert swapped_negatives(pairs, 0.0, seed=3) == []


def test_unrelated_sentences_before_come_from_other_questions_and_leave_labels_alone() -> None:
    pairs = [
        Pair(f"Question {q}?", f"Sentence {q}.{i}", int(i == 0), "squad2", before="Related.")
        for q in range(4)
        for i in range(3)
    ]
    assert with_unrelated_befores(pairs, 0.0, seed=1) == pairs
    swapped = with_unrelated_befores(pairs, 1.0, seed=1)
    for old, new in zip(pairs, swapped, strict=True):
        assert (new.question, new.sentence, new.label) == (old.question, old.sentence, old.label)
        # every sentence before is now another question's sentence
        assert new.before.startswith("Sentence ") and not new.before.startswith(f"Sentence {old.question[9]}.")
    some = with_unrelated_befores(pairs, 0.5, seed=1)
    assert some == with_unrelated_befores(pairs, 0.5, seed=1)  # the same seed, the same pairs
    assert 0 < sum(p.before != "Related." for p in some) < len(pairs)
    one_question = [p for p in pairs if p.question == "Question 0?"]
    assert with_unrelated_befores(one_question, 1.0, seed=1) == one_question  # nothing else to take


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--unrelated-before", "0.3"], "add --context"),
        (["--context", "--unrelated-before", "1.5"], "from 0 to 1"),
    ],
)
def test_unrelated_sentences_before_need_context_and_a_share(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from scripts.train_reranker import parse_args

    with pytest.raises(SystemExit):
        parse_args(argv)
    assert message in capsys.readouterr().err
    assert parse_args(["--context", "--unrelated-before", "0.3"]).unrelated_before == 0.3


def test_article_negatives_are_the_other_paragraphs_restatements_without_the_answer(tmp_path):
    question = "What illness killed senator Kay Hagan?"
    answer_paragraph = "Hagan died from Powassan virus. She had been ill since 2016."
    lede = "Former senator Kay Hagan died on Monday, her family said."
    squad = {
        "data": [
            {
                "paragraphs": [
                    {"context": f"{lede} She was 66.", "qas": []},
                    {
                        "context": answer_paragraph,
                        "qas": [
                            {
                                "id": "q1",
                                "question": question,
                                "answers": [{"text": "Powassan virus", "answer_start": 16}],
                            },
                            {"id": "q2", "question": "Who succeeded senator Kay Hagan?", "is_impossible": True},
                        ],
                    },
                    {"context": "The senator Kay Hagan caught Powassan virus from a tick.", "qas": []},
                ]
            }
        ]
    }
    path = _write_gz_json(tmp_path / "squad.json.gz", squad)
    rows = list(squad_article_negatives(path, "squad2", per_question=2))
    # the lede restates the question in its words and is not the answer; the sentence that holds
    # the answer's text is never a negative, however many words it shares; the unanswerable
    # question gets none, as its answer may stand in another paragraph
    assert [r["sentence"] for r in rows] == [lede]
    assert rows[0] | {"sentence": ""} == {
        "question": question,
        "sentence": "",
        "label": 0,
        "qid": "squad2:q1",
        "source": "squad2",
        "answerable": True,
        "hard": True,
        "before": "",
    }


def test_article_negatives_join_their_question_and_come_first(tmp_path):
    """Marked hard under the question's own qid, they are kept before the paragraph's random others."""
    rows = [
        {"question": "Q?", "sentence": f"other {i}", "label": 0, "qid": "squad2:q", "source": "squad2"}
        for i in range(6)
    ]
    rows += [{"question": "Q?", "sentence": "answer", "label": 1, "qid": "squad2:q", "source": "squad2"}]
    rows += [{"question": "Q?", "sentence": "lede", "label": 0, "qid": "squad2:q", "source": "squad2", "hard": True}]
    with gzip.open(tmp_path / "squad2.jsonl.gz", "wt", encoding="utf-8") as f:
        f.writelines(json.dumps(r) + "\n" for r in rows)
    train = _write_trecqa(tmp_path / "train.csv", [])
    for seed in range(5):
        kept = {p.sentence for p in load_pairs(train, [tmp_path], negatives=2, seed=seed)}
        assert {"answer", "lede"} <= kept and len(kept) == 3


@pytest.mark.parametrize(
    ("flag", "value", "message"),
    [
        ("--article-negatives", "-1", "--article-negatives is a number of sentences per question, 0 or more (got -1)"),
        ("--squad11-questions", "-5", "--squad11-questions is a number of questions, 0 or more (got -5)"),
    ],
)
def test_a_negative_count_is_refused_before_anything_is_written(tmp_path, capsys, flag, value, message):
    from scripts.prepare_rerank_pairs import main

    with pytest.raises(SystemExit) as stopped:
        main(["--raw", str(tmp_path / "raw"), "--out", str(tmp_path / "pairs"), flag, value])
    assert stopped.value.code == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "pairs").exists()


def test_missing_raw_files_are_named_and_nothing_is_written(tmp_path, capsys):
    from scripts.prepare_rerank_pairs import main

    raw = tmp_path / "raw"
    raw.mkdir()
    _write_gz_json(raw / "xquad_en.json.gz", {"data": []})
    with pytest.raises(SystemExit) as stopped:
        main(["--raw", str(raw), "--out", str(tmp_path / "pairs"), "--squad11-questions", "10"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "missing input file(s), nothing written" in err
    assert str(raw / "squad2_cs224n_dev.json.gz") in err and str(raw / "squad11_train_explorer_html.tar.gz") in err
    assert str(raw / "xquad_en.json.gz") not in err
    assert not (tmp_path / "pairs").exists()


def test_a_damaged_raw_file_stops_the_run_with_its_name_and_leaves_no_partial_pairs(tmp_path, monkeypatch, capsys):
    import scripts.prepare_rerank_pairs as prepare

    project = tmp_path / "project"
    held_out = project.parent / "shared" / "eval" / "trecqa" / "dev.csv"
    held_out.parent.mkdir(parents=True)
    _write_trecqa(held_out, [("Who designed the bridge?", 1, "Ana Ruiz designed it.")])
    monkeypatch.setattr(prepare, "ROOT", project)
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in prepare.RAW_FILES:
        _write_gz_json(raw / name, {"data": []})
    (raw / "squad2_cs224n_dev.json.gz").write_bytes(b"<html>404: Not Found</html>")  # not gzip
    out = tmp_path / "pairs"
    out.mkdir()
    (out / "xquad_en.jsonl.gz").write_bytes(b"kept")
    with pytest.raises(SystemExit) as stopped:
        prepare.main(["--raw", str(raw), "--out", str(out)])
    assert "squad2_dev_half not written (BadGzipFile" in str(stopped.value.code)
    assert sorted(p.name for p in out.iterdir()) == ["xquad_en.jsonl.gz"]
    assert (out / "xquad_en.jsonl.gz").read_bytes() == b"kept"
