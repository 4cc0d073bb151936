"""A fetched page into an Article: content type checked, main text extracted, metadata filled.

A page's own metadata wins; a feed entry's title and date fill in what the page lacks. The
article id is the page's canonical URL (or the URL asked for), its ``url`` the canonical URL (or
where redirects led), its ``source`` the URL asked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from index.ingest.cleaning import drop_boilerplate
from index.ingest.extraction import extract_page
from index.types import Article
from index.web.cache import CachedCopy

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
PAGE_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"


@dataclass(frozen=True)
class Hints:
    """What a feed entry says about the page it links to."""

    title: str = ""
    published: str | None = None


class PageSkipped(Exception):
    """The page is no article to index; ``str(error)`` says why, in plain words."""


def page_article(copy: CachedCopy, hints: Hints | None = None) -> Article:
    """The article on a fetched page; raises PageSkipped when it is not HTML or has no main text."""
    hints = hints or Hints()
    if not _is_html(copy):
        raise PageSkipped(f"not a web page ({copy.content_type or 'unknown content type'}); skipped")
    page = extract_page(_decoded(copy), url=copy.final_url)
    paragraphs = drop_boilerplate(page.paragraphs) if page is not None else ()
    if page is None or not paragraphs:
        raise PageSkipped("no article text found on the page (a home page, a list of links or a login wall?)")
    canonical = page.url if page.url and _is_web_address(page.url) else None
    return Article(
        id=canonical or copy.url,
        title=page.title or hints.title or copy.final_url,
        paragraphs=paragraphs,
        source=copy.url,
        url=canonical or copy.final_url,
        published=page.published or hints.published,
        author=page.author,
    )


def _is_html(copy: CachedCopy) -> bool:
    if copy.content_type in HTML_TYPES:
        return True
    if copy.content_type in ("", "application/octet-stream"):  # no type given: look at the bytes
        return copy.body[:512].lstrip().lower().startswith((b"<!doctype html", b"<html", b"<head", b"<body"))
    return False


def _decoded(copy: CachedCopy) -> str | bytes:
    """The page as text when the server named its charset; else the bytes (trafilatura sniffs)."""
    if copy.charset:
        try:
            return copy.body.decode(copy.charset, errors="replace")
        except LookupError:  # an unknown charset name
            pass
    return copy.body


def _is_web_address(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)
