"""Loading news articles from disk: a file or a folder of .txt, .md, .html/.htm and .jsonl files.

``load_articles(path)`` never stops at a bad file: each unreadable file, bad JSON line, empty
article or duplicate id becomes a ``LoadProblem`` a person can act on, and the rest still loads.
Only a path that does not exist (or is neither a file nor a folder) raises ``ArticleError``.

Every paragraph is normalised the same way whatever the format: Unicode NFC, invisible
characters removed, runs of whitespace collapsed to one space. Curly quotes and apostrophes are
kept exactly, because answers are quoted verbatim.

Articles copied from web pages carry page leftovers ("Leave a Reply", "Share this:", "© 2022 ...").
A paragraph made only of such leftovers (see ``BOILERPLATE_PATTERNS``) is dropped, whatever the
format, before sentences are counted, so paragraph numbers and offsets describe the text kept.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from types import MappingProxyType

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import PreformattedString

from index.errors import ArticleError
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


# --- normalisation ---------------------------------------------------------------------------

# Invisible characters that would otherwise break exact matching of quoted sentences.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"


def _build_cleaning_table() -> MappingProxyType[int, str | None]:
    table: dict[int, str | None] = {ord(c): None for c in _INVISIBLE}
    for code in [*range(0x00, 0x20), *range(0x7F, 0xA0)]:
        # Control characters that are whitespace (tab, newline, ...) become a space so words
        # stay apart; the others (NUL, bell, C1 controls) carry nothing and are dropped.
        table[code] = " " if chr(code).isspace() else None
    return MappingProxyType(table)


_CLEANING_TABLE = _build_cleaning_table()


def normalise_text(text: str) -> str:
    """One paragraph or title: NFC, no invisible/control characters, single spaces, stripped."""
    cleaned = unicodedata.normalize("NFC", text.translate(_CLEANING_TABLE))
    # str.split() with no argument splits on every Unicode space (NBSP, thin space, ...).
    return " ".join(cleaned.split())


def paragraphs_from_lines(lines: Iterable[str]) -> tuple[str, ...]:
    """Blank lines separate paragraphs; the lines of one paragraph are joined with a space."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line)
        elif current:
            paragraphs.append(normalise_text(" ".join(current)))
            current = []
    if current:
        paragraphs.append(normalise_text(" ".join(current)))
    return tuple(p for p in paragraphs if p)


def paragraphs_from_text(text: str) -> tuple[str, ...]:
    """Paragraphs of plain text (``\\n\\n`` separated); used for .txt bodies and JSON ``text``."""
    return paragraphs_from_lines(_lines(text))


def _lines(text: str) -> list[str]:
    # Only real line breaks: str.splitlines() would also break at U+2028/U+0085 etc. inside
    # a line, which normalise_text turns into spaces anyway.
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


# --- web page leftovers ---------------------------------------------------------------------

# One entry per kind of page furniture. A paragraph is dropped only when it is made entirely of
# these pieces (one or more, with punctuation between them): a piece must start the paragraph or
# follow another piece, so the same words in running prose ("Peskov said Russia would leave a
# reply ...") never match. Free-text tails are short and stop at a sentence end, so a long real
# paragraph that happens to open with "Sign up" or "©" is kept. Patterns match case-insensitively
# and at a word boundary; add new kinds here.
BOILERPLATE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(rf"(?:{pattern})(?!\w)", re.IGNORECASE)
    for pattern in (
        # comment forms (WordPress and the like)
        r"leave an? (?:reply|comment|response)",
        r"cancel reply",
        r"your email address will not be published",
        r"required fields are marked",
        r"(?:post|submit) (?:a )?comment",
        r"(?:\d+ )?comments?",
        r"save my name, email, and website in this browser for the next time I comment",
        # sharing and navigation
        r"share(?: this(?: article| story| post| page)?)?",
        r"share (?:on|via|to) (?:facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|email)",
        r"related(?: posts?| articles?| stories| news| content| coverage| reading)",
        r"you (?:may|might) also (?:like|be interested in)",
        r"(?:read (?:more|also|next)|see also)(?: here)?(?:\s*:[^\n]{0,200})?",
        r"click here(?: to [^.!?\n]{0,100})?",
        r"subscribe(?: (?:to|for) [^.!?\n]{0,80})?",
        r"sign up(?: (?:for|to) [^.!?\n]{0,80})?",
        # cookie notices: often several sentences ("... By continuing you accept ... Accept")
        r"(?:we use cookies|this (?:web)?site uses cookies)[^\n]{0,300}",
        r"accept (?:all )?cookies",
        # legal lines; a © needs a year after it, so a photo credit ("© Reuters") stays content
        r"all rights reserved",
        r"(?:©|copyright|\(c\))(?:\s*(?:©|copyright))?\s*\d{4}\b[^\n]{0,150}",
        # advertising slots
        r"advertisement",
        r"(?:story|article) continues (?:below|after) (?:this )?advertisement",
    )
)

# What may stand between two pieces, and before or after them: spaces and punctuation such as
# "Share this:", "Required fields are marked *", "» Read more", "— Advertisement —".
_BOILERPLATE_GLUE = re.compile(r"[\s.,:;!?|*•·…»«›‹→←/\-–—]*")


def is_boilerplate(paragraph: str) -> bool:
    """Whether a normalised paragraph is nothing but web page leftovers (``BOILERPLATE_PATTERNS``)."""
    position = _skip_glue(paragraph, 0)
    pieces = 0
    while position < len(paragraph):
        # The longest piece wins, so "Share on Facebook" is not read as "Share" + "on Facebook".
        end = max((m.end() for p in BOILERPLATE_PATTERNS if (m := p.match(paragraph, position))), default=position)
        if end == position:
            return False  # some words here are not page furniture: the paragraph is content
        pieces += 1
        position = _skip_glue(paragraph, end)
    return pieces > 0


def _skip_glue(text: str, position: int) -> int:
    glue = _BOILERPLATE_GLUE.match(text, position)
    return glue.end() if glue is not None else position


def drop_boilerplate(paragraphs: Iterable[str]) -> tuple[str, ...]:
    """The paragraphs that are not web page leftovers, in their order."""
    return tuple(p for p in paragraphs if not is_boilerplate(p))


# --- plain text and Markdown -----------------------------------------------------------------


def parse_plain_text(text: str) -> tuple[str, tuple[str, ...]]:
    """(title, paragraphs) of a .txt article: the first non-empty line is the title."""
    lines = _lines(text)
    for index, line in enumerate(lines):
        title = normalise_text(line)
        if title:
            return title, paragraphs_from_lines(lines[index + 1 :])
    return "", ()


_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
# Single * or _ emphasis only around whole words, so snake_case and "5 * 3" survive.
_MD_EMPHASIS = re.compile(
    r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])|(?<!\w)_(?=[^\s_])(.+?)(?<=[^\s_])_(?!\w)"
)
_MD_CODE = re.compile(r"`([^`]+)`")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s+|$)")
_MD_CLOSING_HASHES = re.compile(r"\s+#+\s*$")
_MD_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_MD_BULLET = re.compile(r"^\s{0,3}[-*+]\s+")
_MD_RULE = re.compile(r"^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|(?:=\s*){3,})$")
_MD_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")


def strip_markdown_inline(text: str) -> str:
    """Text of one Markdown line without links, images, code ticks and simple emphasis."""
    text = _MD_IMAGE.sub(lambda m: m.group(1), text)
    text = _MD_LINK.sub(lambda m: m.group(1), text)
    text = _MD_CODE.sub(lambda m: m.group(1), text)
    text = _MD_STRONG.sub(lambda m: m.group(2), text)
    text = _MD_STRIKE.sub(lambda m: m.group(1), text)
    return _MD_EMPHASIS.sub(lambda m: m.group(1) or m.group(2), text)


def _markdown_lines(text: str) -> Iterator[str]:
    """Lines of a Markdown file as plain text; '' marks a paragraph break."""
    lines = _lines(text)
    start = 0
    if lines and lines[0].strip() == "---":  # YAML front matter: metadata, not article text
        for index in range(1, len(lines)):
            if lines[index].strip() in ("---", "..."):
                start = index + 1
                break
    for line in lines[start:]:
        if _MD_RULE.match(line) or _MD_REFERENCE.match(line):
            yield ""  # a rule (or setext underline) ends the paragraph; reference links vanish
            continue
        heading = _MD_HEADING.match(line)
        if heading:
            # A heading is a paragraph of its own.
            yield ""
            yield strip_markdown_inline(_MD_CLOSING_HASHES.sub("", line[heading.end() :]))
            yield ""
            continue
        line = _MD_QUOTE.sub("", line)
        bullet = _MD_BULLET.match(line)
        if bullet:
            yield ""  # each list item is its own paragraph, not glued to the previous one
            line = line[bullet.end() :]
        yield strip_markdown_inline(line)


def parse_markdown(text: str) -> tuple[str, tuple[str, ...]]:
    """(title, paragraphs) of a .md article: the first non-empty line, without # or emphasis."""
    lines = list(_markdown_lines(text))
    for index, line in enumerate(lines):
        title = normalise_text(line)
        if title:
            return title, paragraphs_from_lines(lines[index + 1 :])
    return "", ()


# --- HTML ------------------------------------------------------------------------------------

# Elements whose text is never article text (form controls: a comment form's "Post Comment").
# <form> itself is not here: some sites wrap the whole page in one.
_IGNORED_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "footer",
    "head",
    "svg",
    "iframe",
    "button",
    "select",
    "textarea",
)
# Elements that start a new block of text (for the no-<p> fallback and for unclosed <p>).
_BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption dd details dialog div dl dt fieldset "
    "figcaption figure form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu ol p pre "
    "section summary table tbody td tfoot th thead tr ul".split()
)


def parse_html(text: str) -> tuple[str, tuple[str, ...]]:
    """(title, paragraphs) of an HTML page: <title> (else the first <h1>) and its <p> texts.

    Without any non-empty <p>, paragraphs are the page's text blocks instead, with two <br> in a
    row also separating paragraphs. An empty title means the page has neither.
    """
    soup = BeautifulSoup(text, "html.parser")
    title = _html_title(soup)
    for tag in soup.find_all(_IGNORED_TAGS):
        if not tag.decomposed:  # a parent decomposed earlier took it along
            tag.decompose()
    root: Tag = soup.body or soup
    blocks = _html_blocks(root)
    paragraphs = [normalise_text(" ".join(lines)) for block, lines in blocks if block.name == "p"]
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        paragraphs = [p for _, lines in blocks for p in paragraphs_from_lines(lines) if p != title]
    return title, tuple(p for p in paragraphs if p)


def _html_title(soup: BeautifulSoup) -> str:
    for tag in soup.find_all("title"):
        if tag.find_parent("svg") is None:  # an <svg> <title> is an image label
            title = normalise_text(tag.get_text())
            if title:
                return title
            break
    heading = soup.find("h1")
    return normalise_text(heading.get_text()) if heading is not None else ""


def _html_blocks(root: Tag) -> list[tuple[Tag, list[str]]]:
    """Runs of text that share their nearest block element, in document order.

    Each run is (block element, lines): a <br> starts a new line, so two <br> in a row make an
    empty line. Grouping by nearest block keeps unclosed <p> (which html.parser nests inside
    each other) from repeating the text of the paragraphs that follow them.
    """
    blocks: list[tuple[Tag, list[str]]] = []
    for node in root.descendants:
        if isinstance(node, Tag):
            if node.name == "br":
                block = _nearest_block(node, root)
                if blocks and blocks[-1][0] is block:
                    blocks[-1][1].append("")
            continue
        if not isinstance(node, NavigableString) or isinstance(node, PreformattedString):
            continue  # comments, doctype, CDATA, processing instructions
        block = _nearest_block(node, root)
        # Line breaks in the HTML source are layout, not text: only <br> breaks a line.
        piece = str(node).replace("\r", " ").replace("\n", " ")
        if blocks and blocks[-1][0] is block:
            blocks[-1][1][-1] += piece
        else:
            blocks.append((block, [piece]))
    return blocks


def _nearest_block(node: Tag | NavigableString, root: Tag) -> Tag:
    parent = node.parent
    while parent is not None and parent is not root and parent.name not in _BLOCK_TAGS:
        parent = parent.parent
    return parent if parent is not None else root


# --- files and folders -----------------------------------------------------------------------


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
    if suffix == ".md":
        title, paragraphs = parse_markdown(text)
    elif suffix in (".html", ".htm"):
        title, paragraphs = parse_html(text)
        title = title or normalise_text(item.path.stem.replace("-", " ").replace("_", " "))
    else:
        title, paragraphs = parse_plain_text(text)
    if not title and not paragraphs:
        collector.problem(item.path, "the file holds no text")
        return
    collector.add(Article(item.article_id, title, paragraphs, str(item.path)), item.path)


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
_OPTIONAL_FIELDS = ("url", "published")


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
