"""``scripts/evaluate_extraction.py``: main-text F1 of the new and the old extractor, on a small
benchmark folder laid out as scrapinghub's and as trafilatura's (pages generated here)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from tests.news_site import FURNITURE, news_page, sample_story
from tests.process.test_cli import run


def test_the_extractor_in_use_scores_above_the_old_one_on_both_layouts(tmp_path: Path) -> None:
    story = sample_story()
    page = news_page(story, "https://news.example.com/nato")
    scrapinghub = tmp_path / "scrapinghub"
    (scrapinghub / "html").mkdir(parents=True)
    (scrapinghub / "html" / "nato.html.gz").write_bytes(gzip.compress(page.encode()))
    truth = {"nato": {"articleBody": "\n\n".join(story.paragraphs[:-2]), "url": "https://news.example.com/nato"}}
    (scrapinghub / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    trafilatura = tmp_path / "trafilatura"
    (trafilatura / "eval").mkdir(parents=True)
    (trafilatura / "eval" / "nato.html").write_text(page, encoding="utf-8")
    snippets = {
        "with": [story.paragraphs[0][:60], story.paragraphs[-3][:60]],
        "without": [FURNITURE[5][:50], FURNITURE[7][:50]],
    }
    evaldata = {"https://news.example.com/nato": {"file": "nato.html", **snippets}}
    (trafilatura / "evaldata.json").write_text(json.dumps(evaldata), encoding="utf-8")
    for folder, key in ((scrapinghub, "mean_f1"), (trafilatura, "f1")):
        result = run(["scripts/evaluate_extraction.py", "--pages", str(folder), "--json"])
        assert result.returncode == 0, result.stderr
        figures = json.loads(result.stdout)
        assert figures["pages"] == 1
        new, old = figures["extractors"]["trafilatura"], figures["extractors"]["parse_html"]
        assert new[key] > old[key] and new["precision"] > old["precision"]
    missing = run(["scripts/evaluate_extraction.py", "--pages", str(tmp_path)])
    assert missing.returncode == 2 and "neither ground-truth.json" in missing.stderr
