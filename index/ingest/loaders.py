"""Loading news articles from disk: a file or a folder of .txt, .md, .html/.htm and .jsonl files.

``load_articles(path)`` never stops at a bad file: each unreadable file, bad JSON line, empty
article or duplicate id becomes a ``LoadProblem`` a person can act on, and the rest still loads.
Only a path that does not exist (or is neither a file nor a folder) raises ``ArticleError``.

Each format is parsed by formats.py (JSON lines here, since a bad line is a problem of its own;
saved web pages by extraction.py, their main text with headline, canonical URL and date);
every article then goes through the same door, ``_Collector.add``, where paragraphs made only of
web page leftovers are dropped (cleaning.py).
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from index.errors import ArticleError
from index.ingest.cleaning import drop_boilerplate, normalise_text
from index.ingest.formats import paragraphs_from_text, parse_html, parse_markdown, parse_plain_text
from index.types import Article

SUPPORTED_SUFFIXES = frozenset({".txt", ".md", ".html", ".htm", ".jsonl"})


@dataclass(frozen=True)
class LoadProblem:
    """Something wrong with one file (or one line of a JSON lines file), in plain words."""

    path: str
    message: str
    line: int | None = None  # 1-based line number, for JSON lines files


@dataclass(frozen=True)
class LoadReport:
    """What ``load_articles`` found: the articles, what went wrong, and what it ignored."""

    articles: tuple[Article, ...]
    problems: tuple[LoadProblem, ...]
    skipped: tuple[str, ...]  # files in a folder whose extension is not supported


@dataclass(frozen=True)
class _Found:
    """One file to load: where it is, and the id its article gets."""

    path: Path
    article_id: str


class _Collector:
    """Accumulates articles and problems, refusing duplicate ids (the first one wins)."""

    def __init__(self) -> None:
        self.articles: list[Article] = []
        self.problems: list[LoadProblem] = []
        self._sources: dict[str, str] = {}

    def problem(self, path: Path, message: str, line: int | None = None) -> None:
        self.problems.append(LoadProblem(str(path), message, line))

    def add(self, article: Article, path: Path, line: int | None = None) -> None:
        where = f"line {line}: " if line is not None else ""
        if not article.paragraphs:
            self.problem(path, f"{where}the article has no body text, only a title", line)
            return
        # Cleaning here, the one door every format goes through, keeps the formats alike.
        kept = drop_boilerplate(article.paragraphs)
        if not kept:
            self.problem(
                path,
                f"{where}the article has no body text, only a title and web page leftovers "
                f"such as {article.paragraphs[0]!r}",
                line,
            )
            return
        article = replace(article, paragraphs=kept)
        earlier = self._sources.get(article.id)
        if earlier is not None:
            self.problem(
                path, f"{where}the article id {article.id!r} is already used by {earlier}; this one was skipped", line
            )
            return
        self._sources[article.id] = article.source
        self.articles.append(article)


def load_articles(path: Path | str) -> LoadReport:
    """Load every article under ``path`` (a file, or a folder walked recursively in sorted order).

    Hidden files and folders are ignored; files with other extensions are listed in ``skipped``.
    Raises ArticleError when ``path`` does not exist or is neither a file nor a folder.
    """
    path = Path(path)
    if not path.exists():
        raise ArticleError(f"There is no file or folder at {path}.")
    collector = _Collector()
    skipped: list[str] = []
    if path.is_dir():
        found, skipped = _walk(path)
    elif path.is_file():
        found = [_Found(path, path.stem)]
    else:
        raise ArticleError(f"{path} is neither a file nor a folder of articles.")
    for item in found:
        _load_file(item, collector)
    return LoadReport(tuple(collector.articles), tuple(collector.problems), tuple(skipped))


def _walk(folder: Path) -> tuple[list[_Found], list[str]]:
    """Supported files (with ids) and unsupported ones under ``folder``, sorted by relative path."""
    relatives: list[PurePosixPath] = []
    for directory, subdirectories, files in os.walk(folder):
        # Pruning in place keeps os.walk out of .git and other hidden folders altogether.
        subdirectories[:] = [d for d in subdirectories if not d.startswith(".")]
        base = PurePosixPath(Path(directory).relative_to(folder).as_posix())
        relatives.extend(base / name for name in files if not name.startswith("."))
    relatives.sort(key=lambda r: r.parts)
    found: list[_Found] = []
    skipped: list[str] = []
    for relative in relatives:
        full = folder.joinpath(*relative.parts)
        if relative.suffix.lower() in SUPPORTED_SUFFIXES:
            found.append(_Found(full, str(relative.with_suffix(""))))
        else:
            skipped.append(str(full))
    return found, skipped


def _load_file(item: _Found, collector: _Collector) -> None:
    suffix = item.path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        names = ", ".join(sorted(SUPPORTED_SUFFIXES))
        collector.problem(item.path, f"not an article file: the supported kinds are {names}")
        return
    try:
        data = item.path.read_bytes()
    except OSError as exc:
        collector.problem(item.path, f"could not be read ({exc.strerror or exc})")
        return
    if suffix == ".jsonl":
        _load_json_lines(item.path, data, collector)
        return
    text = _decode(item.path, data, collector)
    if text is None:
        return
    if suffix in (".html", ".htm"):
        collector.add(_html_article(item, text), item.path)
        return
    if suffix == ".md":
        title, paragraphs = parse_markdown(text)
    else:
        title, paragraphs = parse_plain_text(text)
    if not title and not paragraphs:
        collector.problem(item.path, "the file holds no text")
        return
    collector.add(Article(item.article_id, title, paragraphs, str(item.path)), item.path)


def _html_article(item: _Found, text: str) -> Article:
    """A saved web page: its main text, title, canonical URL and date (extraction.py).

    A page too short or too plain for main-text extraction (a hand-written snippet) is read
    whole instead, every <p> or text block of it (formats.parse_html): the operator chose it.
    """
    # Imported here: trafilatura costs every ``import index`` a quarter of a second otherwise.
    from index.ingest.extraction import extract_page

    page = extract_page(text)
    stem_title = normalise_text(item.path.stem.replace("-", " ").replace("_", " "))
    if page is None:
        title, paragraphs = parse_html(text)
        return Article(item.article_id, title or stem_title, paragraphs, str(item.path))
    return Article(
        item.article_id,
        page.title or stem_title,
        page.paragraphs,
        str(item.path),
        url=page.url,
        published=page.published,
        author=page.author,
    )


def _decode(path: Path, data: bytes, collector: _Collector, line: int | None = None) -> str | None:
    try:
        return data.decode("utf-8-sig")  # tolerates a byte order mark
    except UnicodeDecodeError as exc:
        where = f"line {line}" if line is not None else "the file"
        collector.problem(
            path,
            f"{where} is not UTF-8 text (byte 0x{data[exc.start]:02x} at position {exc.start} "
            "cannot be decoded); save it as UTF-8",
            line,
        )
        return None


def _load_json_lines(path: Path, data: bytes, collector: _Collector) -> None:
    # Split the bytes, not decoded text: a raw U+2028 inside a JSON string is legal and must
    # not end a line, and one undecodable line should not cost the others.
    loaded_any = False
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        loaded_any = True
        line = _decode(path, raw, collector, number)  # utf-8-sig: a BOM on line 1 is fine
        if line is None:
            continue
        article = _json_article(path, number, line, collector)
        if article is not None:
            collector.add(article, path, number)
    if not loaded_any:
        collector.problem(path, "the file holds no articles (every line is blank)")


_REQUIRED_FIELDS = ("id", "title", "text")
_OPTIONAL_FIELDS = ("url", "published", "author")


def _json_article(path: Path, number: int, line: str, collector: _Collector) -> Article | None:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        collector.problem(path, f"line {number}: not valid JSON ({exc.msg} at column {exc.colno})", number)
        return None
    if not isinstance(record, dict):
        collector.problem(path, f"line {number}: expected a JSON object with id, title and text", number)
        return None
    errors = _field_errors(record, _REQUIRED_FIELDS, required=True)
    errors += _field_errors(record, _OPTIONAL_FIELDS, required=False)
    if errors:
        collector.problem(path, f"line {number}: " + "; ".join(errors), number)
        return None
    article_id = normalise_text(record["id"])
    title = normalise_text(record["title"])
    blank = [name for name, value in (("id", article_id), ("title", title)) if not value]
    if blank:
        collector.problem(path, f"line {number}: {' and '.join(blank)} must not be blank", number)
        return None
    return Article(
        id=article_id,
        title=title,
        paragraphs=paragraphs_from_text(record["text"]),
        source=f"{path}#L{number}",
        url=_optional(record.get("url")),
        published=_optional(record.get("published")),
        author=_optional(record.get("author")),
    )


def _field_errors(record: dict[str, object], names: Sequence[str], *, required: bool) -> list[str]:
    errors: list[str] = []
    for name in names:
        value = record.get(name)
        if value is None:
            if required:
                errors.append(f'"{name}" is missing')
        elif not isinstance(value, str):
            errors.append(f'"{name}" must be a string, not {_json_type(value)}')
    return errors


def _json_type(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _optional(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = normalise_text(value)
    return value or None
