"""An article's author (a page's byline, a JSON line's "author") is kept with the article and
shown in the article list; indexes written before authors were stored still open."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bot.render.pages import sources_page_html, sources_text
from index.embedding.models import Embedder
from index.ingest.loaders import load_articles
from index.store.metadata import MetadataReader
from tests.news_site import news_page, sample_story
from tests.support import searcher_over

STORY = "The council approved the new bridge on Tuesday. Work starts in March, the mayor said."


def test_a_saved_pages_byline_becomes_the_articles_author(tmp_path: Path) -> None:
    story = sample_story()
    (tmp_path / "nato.html").write_text(news_page(story, "https://news.example.com/world/nato"), encoding="utf-8")
    (article,) = load_articles(tmp_path).articles
    assert article.author == story.author


def test_a_json_lines_author_is_stored_and_listed_with_its_article(tmp_path: Path, embedder: Embedder) -> None:
    articles = [
        {"id": "bridge", "title": "Bridge approved", "text": STORY, "author": "Ana Ruiz"},
        {"id": "plain", "title": "No byline", "text": "The library reopened after repairs on Monday."},
    ]
    searcher = searcher_over(articles, tmp_path, embedder)
    try:
        stored = {a.id: a for a in searcher.articles()}
        assert stored["bridge"].author == "Ana Ruiz" and stored["plain"].author is None
        listing = sources_text(searcher.articles())
        assert "Bridge approved, by Ana Ruiz (" in listing
        assert "No byline (" in listing and "No byline, by" not in listing
        assert "by Ana Ruiz" in sources_page_html(searcher.articles(), 0)
    finally:
        searcher.close()


def test_the_writer_of_a_first_person_piece_is_asked_for_by_name(tmp_path: Path, embedder: Embedder) -> None:
    text = 'The judge asked why I had helped. "Your Honor," I said, "I wanted to help a friend."'
    articles = [{"id": "essay", "title": "My day in court", "text": text, "author": "Dinesh Rao"}]
    searcher = searcher_over(articles, tmp_path, embedder)
    try:
        answer = searcher.answer("What did Dinesh Rao say?")
        assert [(h.speaker, h.sentence) for h in answer.hits] == [
            ("Dinesh Rao", '"Your Honor," I said, "I wanted to help a friend."')
        ]
    finally:
        searcher.close()


def test_an_author_that_is_not_a_string_is_a_problem_of_its_line(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"id": "x", "title": "T", "text": "Some words here.", "author": 7}\n')
    report = load_articles(tmp_path / "a.jsonl")
    assert not report.articles
    assert "author" in report.problems[0].message


def test_an_index_written_before_authors_were_stored_still_reads(tmp_path: Path) -> None:
    old = tmp_path / "meta.sqlite"
    connection = sqlite3.connect(old)
    connection.executescript(
        """
        CREATE TABLE articles (id TEXT PRIMARY KEY, title TEXT NOT NULL, url TEXT, published TEXT,
            source TEXT NOT NULL, text TEXT NOT NULL, paragraphs INTEGER NOT NULL, content_hash TEXT NOT NULL);
        CREATE TABLE sentences (row INTEGER PRIMARY KEY, article_id TEXT NOT NULL, paragraph INTEGER NOT NULL,
            position INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
            speaker TEXT, verb TEXT, text_hash TEXT NOT NULL);
        INSERT INTO articles VALUES ('a', 'Old article', NULL, '2022-01-10', 'a.txt', 'Hello there.', 1, 'h');
        INSERT INTO sentences VALUES (0, 'a', 0, 0, 0, 12, 'Hello there.', NULL, NULL, 't');
        """
    )
    connection.commit()
    connection.close()
    reader = MetadataReader(old)
    try:
        reader.check()
        (article,) = reader.articles()
        assert (article.title, article.sentences, article.author) == ("Old article", 1, None)
        assert reader.article_headers(["a"])["a"].author is None
    finally:
        reader.close()
