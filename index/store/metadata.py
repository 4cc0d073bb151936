"""Sentence and article metadata in SQLite: what a FAISS row id stands for.

No pickle anywhere: an index directory may come from someone else, and SQLite can be read
without running anything it contains. Row ``i`` of the ``sentences`` table is vector ``i`` of the
FAISS index and of ``vectors.npy``.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from index.types import Article, Sentence

_SCHEMA = """
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    url TEXT,
    published TEXT,
    source TEXT NOT NULL,
    text TEXT NOT NULL,
    paragraphs INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    author TEXT
);
CREATE TABLE sentences (
    row INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id),
    paragraph INTEGER NOT NULL,
    position INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    speaker TEXT,
    verb TEXT,
    text_hash TEXT NOT NULL
);
CREATE INDEX sentences_by_article ON sentences(article_id, position);
CREATE INDEX sentences_by_speaker ON sentences(speaker);
"""

_SENTENCE_COLUMNS = 'row, article_id, paragraph, position, start, "end", text, speaker, verb'


def text_hash(text: str) -> str:
    """The cache key of a sentence's text (with the model name, it keys an embedding)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_hash(article: Article) -> str:
    """Changes whenever anything shown or indexed about the article changes."""
    digest = hashlib.sha256()
    for part in (article.id, article.title, article.url or "", article.published or "", article.text):
        digest.update(part.encode("utf-8"))
        digest.update(b"\x00")
    if article.author:  # only then: an article without one keeps the hash it had before authors were stored
        digest.update(b"author\x00" + article.author.encode("utf-8"))
    return digest.hexdigest()


@dataclass(frozen=True)
class StoredSentence:
    """A sentence as stored, with its row (= its vector id)."""

    row: int
    sentence: Sentence


@dataclass(frozen=True)
class StoredArticle:
    id: str
    title: str
    url: str | None
    published: str | None
    source: str
    sentences: int
    author: str | None = None


def write_metadata(path: Path, articles: Sequence[Article], sentences: Sequence[Sentence]) -> None:
    """Write a fresh metadata database; ``sentences[i]`` gets row ``i``."""
    connection = sqlite3.connect(path)
    try:
        connection.executescript(_SCHEMA)
        connection.executemany(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (a.id, a.title, a.url, a.published, a.source, a.text, len(a.paragraphs), article_hash(a), a.author)
                for a in articles
            ),
        )
        connection.executemany(
            "INSERT INTO sentences VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (
                    row,
                    s.article_id,
                    s.paragraph,
                    s.position,
                    s.start,
                    s.end,
                    s.text,
                    s.speaker,
                    s.verb,
                    text_hash(s.text),
                )
                for row, s in enumerate(sentences)
            ),
        )
        connection.commit()
    finally:
        connection.close()


class MetadataReader:
    """Read-only, thread-safe access to one metadata database."""

    def __init__(self, path: Path) -> None:
        # Read-only URI: a bot can never modify an index it serves.
        self._connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self._author = "author" if "author" in self._article_columns() else "NULL"  # older indexes have none

    def _article_columns(self) -> set[str]:
        try:
            return {row[1] for row in self._connection.execute("PRAGMA table_info(articles)")}
        except sqlite3.DatabaseError:  # a damaged file: check() names it
            return set()

    def close(self) -> None:
        with self._lock:
            self._connection.close()

    def check(self) -> None:
        """Raise sqlite3.DatabaseError unless the schema is there and readable."""
        with self._lock:
            self._connection.execute("SELECT count(*) FROM articles").fetchone()
            self._connection.execute("SELECT count(*) FROM sentences").fetchone()

    def sentences(self, rows: Iterable[int]) -> dict[int, Sentence]:
        wanted = sorted({int(r) for r in rows})
        if not wanted:
            return {}
        placeholders = ",".join("?" * len(wanted))
        with self._lock:
            found = self._connection.execute(
                f"SELECT {_SENTENCE_COLUMNS} FROM sentences WHERE row IN ({placeholders})", wanted
            ).fetchall()
        return {row[0]: _sentence(row) for row in found}

    def sentences_of_article(self, article_id: str) -> list[StoredSentence]:
        with self._lock:
            found = self._connection.execute(
                f"SELECT {_SENTENCE_COLUMNS} FROM sentences WHERE article_id = ? ORDER BY position",
                (article_id,),
            ).fetchall()
        return [StoredSentence(row[0], _sentence(row)) for row in found]

    def sentences_by_speakers(self, speakers: Sequence[str]) -> list[StoredSentence]:
        if not speakers:
            return []
        placeholders = ",".join("?" * len(speakers))
        with self._lock:
            found = self._connection.execute(
                f"SELECT {_SENTENCE_COLUMNS} FROM sentences WHERE speaker IN ({placeholders})"
                " ORDER BY article_id, position",
                list(speakers),
            ).fetchall()
        return [StoredSentence(row[0], _sentence(row)) for row in found]

    def speaker_quotes(self) -> dict[str, int]:
        """Each attributed speaker -> how many sentences are attributed to them."""
        with self._lock:
            found = self._connection.execute(
                "SELECT speaker, count(*) FROM sentences WHERE speaker IS NOT NULL GROUP BY speaker ORDER BY speaker"
            ).fetchall()
        return {row[0]: int(row[1]) for row in found}

    def top_speakers(self, limit: int = 3) -> list[str]:
        """The most often quoted speakers, most quoted first."""
        with self._lock:
            found = self._connection.execute(
                "SELECT speaker FROM sentences WHERE speaker IS NOT NULL"
                " GROUP BY speaker ORDER BY count(*) DESC, min(row) LIMIT ?",
                (limit,),
            ).fetchall()
        return [row[0] for row in found]

    def all_sentences(self) -> list[Sentence]:
        with self._lock:
            found = self._connection.execute(f"SELECT {_SENTENCE_COLUMNS} FROM sentences ORDER BY row").fetchall()
        return [_sentence(row) for row in found]

    def article_runs(self) -> list[int]:
        """How many rows each run of consecutive rows from one article has, in row order (a build
        writes an article's sentences in a row, so each article is one run)."""
        with self._lock:
            found = self._connection.execute("SELECT article_id FROM sentences ORDER BY row").fetchall()
        runs: list[int] = []
        previous = None
        for (article_id,) in found:
            if runs and article_id == previous:
                runs[-1] += 1
            else:
                runs.append(1)
            previous = article_id
        return runs

    def article_headers(self, article_ids: Iterable[str]) -> dict[str, StoredArticle]:
        """Title, url and date of several articles in one query (``sentences`` is not counted: 0)."""
        wanted = sorted(set(article_ids))
        if not wanted:
            return {}
        placeholders = ",".join("?" * len(wanted))
        with self._lock:
            found = self._connection.execute(
                f"SELECT id, title, url, published, source, 0, {self._author} FROM articles WHERE id IN ({placeholders})",
                wanted,
            ).fetchall()
        return {row[0]: StoredArticle(*row) for row in found}

    def article_text(self, article_id: str) -> str | None:
        with self._lock:
            row = self._connection.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def articles(self) -> list[StoredArticle]:
        with self._lock:
            found = self._connection.execute(
                f"SELECT a.id, a.title, a.url, a.published, a.source, count(s.row), {self._author}"
                " FROM articles a LEFT JOIN sentences s ON s.article_id = a.id"
                " GROUP BY a.id ORDER BY a.title, a.id"
            ).fetchall()
        return [StoredArticle(*row) for row in found]

    def article_hashes(self) -> dict[str, str]:
        with self._lock:
            found = self._connection.execute("SELECT id, content_hash FROM articles").fetchall()
        return dict(found)


def _sentence(row: tuple) -> Sentence:
    _, article_id, paragraph, position, start, end, text, speaker, verb = row
    return Sentence(article_id, paragraph, position, start, end, text, speaker, verb)
