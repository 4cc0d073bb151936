"""``scripts/quotes.py`` (``verbatim-quotes``): who said what, as a person or a tool reads it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.support import ROOT, SAMPLE_ARTICLE, SAMPLE_CORPUS

SCRIPT = ROOT / "scripts" / "quotes.py"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=120, check=False
    )


def test_jsonl_lists_each_reported_sentence_with_speaker_and_verb() -> None:
    done = run("--articles", str(SAMPLE_CORPUS), "--jsonl")
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert records and all(set(r) == {"article_id", "sentence", "speaker", "verb"} for r in records)
    assert all(r["speaker"] and r["verb"] and r["article_id"] == "nato-russia-talks" for r in records)
    peskov = [r for r in records if r["speaker"] == "Dmitry Peskov"]
    assert any(r["sentence"] == '"We see no real reason to be optimistic so far," Peskov said.' for r in peskov)
    sentences = [r["sentence"] for r in records]
    article = SAMPLE_ARTICLE.read_text(encoding="utf-8")
    assert all(s in article for s in sentences)  # the article's own words, in its order
    assert sorted(sentences, key=article.index) == sentences


def test_all_adds_the_sentences_that_report_nobody() -> None:
    quoted = run("--articles", str(SAMPLE_ARTICLE), "--jsonl").stdout.splitlines()
    every = [
        json.loads(line) for line in run("--articles", str(SAMPLE_ARTICLE), "--jsonl", "--all").stdout.splitlines()
    ]
    assert len(every) > len(quoted)
    assert any(r["speaker"] is None and r["verb"] is None for r in every)
    assert [r for r in every if r["speaker"]] == [json.loads(line) for line in quoted]


def test_readable_listing_says_who_said_what(tmp_path: Path) -> None:
    done = run("--articles", str(SAMPLE_CORPUS))
    assert done.returncode == 0, done.stderr
    assert "report speech" in done.stdout.splitlines()[0]
    assert '  Dmitry Peskov (say): "We see no real reason to be optimistic so far," Peskov said.' in done.stdout


def test_missing_path_is_an_error_in_plain_words(tmp_path: Path) -> None:
    done = run("--articles", str(tmp_path / "nope"))
    assert done.returncode == 1
    assert done.stderr.startswith("verbatim-quotes: ")
    assert "Traceback" not in done.stderr
