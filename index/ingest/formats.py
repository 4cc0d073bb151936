"""Article formats: the title and paragraphs of a plain text, Markdown or HTML file.

Each parser takes the decoded text of one file and returns ``(title, paragraphs)``, every
paragraph normalised (cleaning.py). Blank lines separate paragraphs in plain text and Markdown;
HTML paragraphs are its <p> elements, or its text blocks when it has none: the reading of a saved
page in which main-text extraction (extraction.py) finds no article, and the old reading that
scripts/evaluate_extraction.py measures extraction against.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import PreformattedString

from index.ingest.cleaning import normalise_text


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
    return paragraphs_from_lines(text_lines(text))


def text_lines(text: str) -> list[str]:
    # Only real line breaks: str.splitlines() would also break at U+2028/U+0085 etc. inside
    # a line, which normalise_text turns into spaces anyway.
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


# --- plain text and Markdown -----------------------------------------------------------------


def parse_plain_text(text: str) -> tuple[str, tuple[str, ...]]:
    """(title, paragraphs) of a .txt article: the first non-empty line is the title."""
    lines = text_lines(text)
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
# From the start of its run of spaces only: not again from each space of a long run.
_MD_CLOSING_HASHES = re.compile(r"(?<!\s)\s+#+\s*$")
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
    lines = text_lines(text)
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
