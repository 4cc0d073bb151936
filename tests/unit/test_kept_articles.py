"""The articles a refresh keeps without their folder: written out of the live index, read back
by the build unchanged (nothing split or encoded again), and never the web's own."""

from __future__ import annotations

from pathlib import Path

from bot.runtime.kept_articles import from_the_web, write_kept_articles
from index.build import build_index
from index.embedding.models import Embedder
from index.search.searcher import Searcher
from index.store.metadata import StoredArticle


def test_the_live_articles_written_out_rebuild_into_the_same_index_without_encoding(
    index_copy: Path, embedder: Embedder, tmp_path: Path
) -> None:
    searcher = Searcher.open(index_copy, embedder=embedder)
    before = [(a.id, a.title, a.url, a.published, a.sentences) for a in searcher.articles()]
    answer_before = searcher.answer("what did Peskov say?")
    kept = tmp_path / "kept.jsonl"
    try:
        assert write_kept_articles(searcher, kept) == 1
    finally:
        searcher.close()
    report = build_index(kept, index_copy, embedder)
    assert report.unchanged_articles == 1 and report.encoded == 0  # carried over as it was
    rebuilt = Searcher.open(index_copy, embedder=embedder)
    try:
        assert [(a.id, a.title, a.url, a.published, a.sentences) for a in rebuilt.articles()] == before
        answer_after = rebuilt.answer("what did Peskov say?")
        assert [h.sentence for h in answer_after.hits] == [h.sentence for h in answer_before.hits]
    finally:
        rebuilt.close()


def test_an_article_is_from_the_web_when_its_source_is_a_url_not_when_only_its_id_is() -> None:
    web = StoredArticle("https://news.example/a", "A", "https://news.example/a", None, "https://news.example/a", 3)
    from_a_file = StoredArticle("https://news.example/b", "B", None, None, "corpus.jsonl#L1", 3)
    assert from_the_web(web) and not from_the_web(from_a_file)
