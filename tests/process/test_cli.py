"""The operator's commands, run as a person would: build_index.py, evaluate.py, python -m bot --console."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.support import ROOT, SAMPLE_CORPUS, shared_file


def run(
    args: list[str], stdin: str = "", env: dict[str, str] | None = None, timeout: int = 180
) -> subprocess.CompletedProcess[str]:
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "VERBATIM_", "HF_", "TRANSFORMERS_"))
    }
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, *args], input=stdin, capture_output=True, text=True, cwd=ROOT, env=environment, timeout=timeout
    )


def test_console_chat_answers_a_piped_question(sample_index: Path) -> None:
    result = run(["-m", "bot", "--index", str(sample_index)], stdin="what did Peskov say?\n")
    assert result.returncode == 0, result.stderr
    assert "Peskov" in result.stdout
    assert "U.S. Says NATO Allies" in result.stdout  # the source is named
    assert "terminal chat" in result.stderr  # it says why it is not on Telegram
    assert "another version of Verbatim" not in result.stderr  # built by this code


def test_console_chat_answers_each_line_and_lists_sources(sample_index: Path) -> None:
    result = run(
        ["-m", "bot", "--console"],
        stdin="Where is NATO headquartered?\n\n/sources\nWhat is the price of oil?\n",
        env={"VERBATIM_INDEX": str(sample_index)},
    )
    assert result.returncode == 0, result.stderr
    assert "Brussels" in result.stdout
    assert "1. U.S. Says NATO Allies" in result.stdout
    assert "couldn't find that in the articles" in result.stdout


def test_console_chat_ends_at_quit_and_names_an_unknown_command(sample_index: Path) -> None:
    result = run(
        ["-m", "bot", "--console", "--index", str(sample_index)],
        stdin="/quitt\nWhere is NATO headquartered?\n/QUIT\nWhat did Peskov say?\n",
    )
    assert result.returncode == 0, result.stderr
    assert "I don't know that command" in result.stdout  # a typo is not searched as a question
    assert "Brussels" in result.stdout
    assert result.stdout.rstrip().endswith("Bye.")
    assert "Peskov" not in result.stdout  # nothing after /quit is answered


def test_console_chat_on_an_index_built_by_an_older_version_answers_and_says_to_rebuild(index_copy: Path) -> None:
    manifest_path = index_copy / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    older = "18+" + manifest["pipeline"].split("+", 1)[1]
    manifest_path.write_text(json.dumps({**manifest, "pipeline": older}))
    result = run(["-m", "bot", "--console", "--index", str(index_copy)], stdin="what did Peskov say?\n")
    assert result.returncode == 0, result.stderr
    assert "Peskov" in result.stdout  # it still answers
    assert f"built by another version of Verbatim (pipeline {older};" in result.stderr
    assert f"verbatim-index --articles PATH --index {index_copy}" in result.stderr


def test_bot_without_an_index_says_how_to_build_one(tmp_path: Path) -> None:
    result = run(["-m", "bot", "--console", "--index", str(tmp_path / "missing")])
    assert result.returncode == 3  # ExitStatus.NO_INDEX: a supervisor should not restart into it
    assert "No index at" in result.stderr and "verbatim-index" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_settings_are_all_listed_at_once() -> None:
    result = run(["-m", "bot"], env={"TELEGRAM_BOT_TOKEN": "nonsense", "VERBATIM_ALLOWED_CHATS": "12,abc"})
    assert result.returncode == 2
    assert "TELEGRAM_BOT_TOKEN" in result.stderr and "VERBATIM_ALLOWED_CHATS" in result.stderr


def test_build_script_prints_a_summary_and_reports_bad_files(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "nato.txt").write_text(
        (SAMPLE_CORPUS / "nato-russia-talks.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (corpus / "broken.jsonl").write_text('{"id": "x"}\n', encoding="utf-8")
    result = run(["scripts/build_index.py", "--articles", str(corpus), "--index", str(tmp_path / "idx")])
    assert result.returncode == 0, result.stderr
    assert "Indexed 1 article" in result.stdout and "sentences/s" in result.stdout
    assert "broken.jsonl" in result.stderr
    assert (tmp_path / "idx" / "manifest.json").is_file()


def test_build_script_fails_cleanly_when_nothing_can_be_indexed(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run(["scripts/build_index.py", "--articles", str(empty), "--index", str(tmp_path / "idx")])
    assert result.returncode == 1
    assert "Nothing to index" in result.stderr and "Traceback" not in result.stderr
    missing = run(["scripts/build_index.py", "--articles", str(tmp_path / "nope"), "--index", str(tmp_path / "idx")])
    assert missing.returncode == 1 and "Traceback" not in missing.stderr


def test_evaluate_prints_the_contracted_json_keys(sample_index: Path) -> None:
    qa = shared_file("eval/seed_dev.jsonl")
    result = run(["scripts/evaluate.py", "--index", str(sample_index), "--qa", str(qa), "--json"])
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    for key in ("n_answerable", "n_unanswerable", "top1", "top3", "mrr", "answered", "declined", "ms_per_question"):
        assert key in report
    assert report["n_answerable"] == 16 and report["n_unanswerable"] == 2
    assert report["top1"] >= 0.5 and report["mrr"] >= report["top1"] - 1e-9


def test_the_default_model_needs_no_model_hub(sample_index: Path) -> None:
    # Every HTTP(S) request is sent to a closed loopback port, so any hub access would fail.
    dead = "http://127.0.0.1:9"
    env = {
        "HTTP_PROXY": dead,
        "HTTPS_PROXY": dead,
        "http_proxy": dead,
        "https_proxy": dead,
        "NO_PROXY": "",
        "no_proxy": "",
    }
    result = run(["-m", "bot", "--console", "--index", str(sample_index)], stdin="what did Peskov say?\n", env=env)
    assert result.returncode == 0, result.stderr
    assert "Peskov" in result.stdout
