"""Building indexes from article folders: summaries, incremental rebuilds, bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from index.build import build_index
from index.embedder import Embedder
from index.errors import IndexBuildError
from index.search import Searcher
from index.store import read_manifest

from tests.support import SAMPLE_ARTICLE


def write_articles(folder: Path, articles: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_rebuild_after_adding_one_article_embeds_only_that_article(tmp_path: Path, embedder: Embedder) -> None:
    corpus = write_articles(tmp_path / "corpus", {"a.txt": "Alpha news\n\nThe cat sat on the mat. It was happy."})
    first = build_index(corpus, tmp_path / "idx", embedder)
    assert (first.articles, first.sentences, first.encoded, first.reused) == (1, 2, 2, 0)
    write_articles(corpus, {"b.txt": "Beta news\n\nA storm hit the coast on Monday."})
    second = build_index(corpus, tmp_path / "idx", embedder)
    assert (second.articles, second.sentences, second.encoded, second.reused) == (2, 3, 1, 2)
    full = build_index(corpus, tmp_path / "idx", embedder, full=True)
    assert (full.encoded, full.reused) == (3, 0)
    searcher = Searcher.open(tmp_path / "idx", embedder=embedder)
    assert "storm" in searcher.search("weather on the coast", k=1)[0].sentence
    searcher.close()


def test_removed_articles_disappear_from_the_index(tmp_path: Path, embedder: Embedder) -> None:
    corpus = write_articles(
        tmp_path / "corpus",
        {"a.txt": "Alpha\n\nThe cat sat on the mat.", "b.txt": "Beta\n\nA storm hit the coast."},
    )
    build_index(corpus, tmp_path / "idx", embedder)
    (corpus / "b.txt").unlink()
    report = build_index(corpus, tmp_path / "idx", embedder)
    assert (report.articles, report.sentences, report.encoded) == (1, 1, 0)
    searcher = Searcher.open(tmp_path / "idx", embedder=embedder)
    assert [a.id for a in searcher.articles()] == ["a"]
    assert all("storm" not in h.sentence for h in searcher.search("storm coast", k=5))
    searcher.close()


def test_nothing_indexable_fails_and_leaves_the_old_index_untouched(tmp_path: Path, embedder: Embedder) -> None:
    corpus = write_articles(tmp_path / "corpus", {"a.txt": "Alpha\n\nThe cat sat on the mat."})
    build_index(corpus, tmp_path / "idx", embedder)
    before = read_manifest(tmp_path / "idx")
    broken = write_articles(tmp_path / "broken", {"x.jsonl": "{not json\n", "y.txt": ""})
    with pytest.raises(IndexBuildError, match="Nothing to index"):
        build_index(broken, tmp_path / "idx", embedder)
    assert read_manifest(tmp_path / "idx") == before


def test_broken_files_are_reported_and_the_rest_indexed(tmp_path: Path, embedder: Embedder) -> None:
    corpus = write_articles(tmp_path / "corpus", {"good.txt": "Good\n\nThe cat sat on the mat."})
    (corpus / "bad.txt").write_bytes(b"\xff\xfe\xfa not utf-8 \xff")
    report = build_index(corpus, tmp_path / "idx", embedder)
    assert report.articles == 1
    assert any("bad.txt" in p.path for p in report.problems)


def test_the_manifest_records_how_the_index_was_built(tmp_path: Path, embedder: Embedder) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SAMPLE_ARTICLE, corpus)
    report = build_index(corpus, tmp_path / "idx", embedder)
    manifest = json.loads((tmp_path / "idx" / "manifest.json").read_text())
    assert manifest["model"] == "sentence-transformers/all-MiniLM-L6-v2"
    assert manifest["dimension"] == 384
    assert manifest["articles"] == 1 and manifest["sentences"] == report.sentences > 20
    assert manifest["index_type"] == "flat"
