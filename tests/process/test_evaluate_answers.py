"""``scripts/evaluate.py --answers``: every sentence each question showed, for whole-answer scoring."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.support import ROOT


def _evaluate(
    index: Path, tmp_path: Path, questions: list[dict[str, object]], *flags: str
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """``scripts/evaluate.py --json --answers`` over ``questions``: its report and its answers file's lines."""
    qa = tmp_path / "qa.jsonl"
    qa.write_text("".join(json.dumps(q) + "\n" for q in questions), encoding="utf-8")
    out = tmp_path / "answers.jsonl"
    done = subprocess.run(
        [
            sys.executable,
            "scripts/evaluate.py",
            "--index",
            str(index),
            "--qa",
            str(qa),
            "--json",
            "--answers",
            str(out),
            *flags,
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return json.loads(done.stdout), lines


def test_answers_file_holds_every_shown_sentence_in_order(sample_index: Path, tmp_path: Path) -> None:
    questions: list[dict[str, object]] = [
        {"question": "What did Peskov say?", "answers": ["Peskov said"]},
        {"question": "What is the capital of Australia?", "answers": []},
    ]
    report, lines = _evaluate(sample_index, tmp_path, questions)
    assert set(report) >= {"top1", "declined"}  # the report is unchanged
    assert [line["question"] for line in lines] == [q["question"] for q in questions]
    assert all(set(line) == {"question", "declined", "note", "shown"} for line in lines)
    peskov, unanswerable = lines
    assert not peskov["declined"]
    assert len(peskov["shown"]) > 1  # a speech answer shows all of Peskov's quotes, not one sentence
    assert all("Peskov" in s or s.startswith('"') for s in peskov["shown"])
    assert '"We see no real reason to be optimistic so far," Peskov said.' in peskov["shown"]
    assert unanswerable["declined"] and unanswerable["shown"] == []


def test_verbose_shows_the_rank_before_and_after_reranking(sample_index: Path, tmp_path: Path) -> None:
    qa = tmp_path / "qa.jsonl"
    qa.write_text(
        json.dumps({"question": "How many troops are near the Ukrainian border?", "answers": ["100,000 troops"]})
        + "\n",
        encoding="utf-8",
    )

    def verbose(*flags: str) -> str:
        done = subprocess.run(
            [sys.executable, "scripts/evaluate.py", "--index", str(sample_index), "--qa", str(qa), "--verbose", *flags],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=180,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    assert "rank=1 " in verbose("--rerank", "off")
    # A model directory that is not there: measured without the reranker, and said so.
    missing = tmp_path / "no-model"
    assert "rank=1 " in verbose("--rerank-model", str(missing))
    # The shipped feature reranker: the rank before and after, whether it reorders or not.
    assert (ROOT / "index" / "rerank_model" / "ltr.json").is_file()
    assert re.search(r"rank=1->1 ", verbose("--rerank", "on"))
    assert re.search(r"rank=1->\d ", verbose("--rerank", "on", "--rerank-reorder", "on"))


def test_lowercase_and_no_question_mark_ask_each_question_as_typed_in_a_chat(
    sample_index: Path, tmp_path: Path
) -> None:
    questions = [
        {"question": "How many troops are near the Ukrainian border?", "answers": ["100,000 troops"]},
        {"question": "What did Angela Merkel say?", "answers": []},
    ]
    report, lines = _evaluate(sample_index, tmp_path, questions, "--lowercase", "--no-question-mark")
    assert (report["top1"], report["declined"]) == (1.0, 1.0)  # as right as the questions written with capitals
    assert [line["question"] for line in lines] == [q["question"].lower().rstrip("?") for q in questions]


def test_typo_asks_each_question_with_a_name_typed_wrong(sample_index: Path, tmp_path: Path) -> None:
    questions = [
        {"question": "Who did Sherman talk to in Geneva?", "answers": ["Ryabkov"]},
        {"question": "What did Angela Merkel say?", "answers": []},
    ]
    report, lines = _evaluate(sample_index, tmp_path, questions, "--typo")
    assert [line["question"] for line in lines] == ["Who did Shreman talk to in Geneva?", "What did Anegla Merkel say?"]
    assert (report["top1"], report["declined"]) == (1.0, 1.0)  # "Shreman" read as "Sherman"; Merkel still no one
    assert lines[0]["note"] == "Read “Shreman” as “Sherman”."
