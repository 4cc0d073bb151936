"""The articles a refresh keeps without reading them again: the live index's own, written out.

A build indexes exactly the articles it is given: one absent from a run is dropped. The bot's
refresh reads the web sources again, but without ``VERBATIM_ARTICLES`` it does not know the folder
the index was first built from. So that a refresh never drops those articles, they are taken from
the live index itself: every article that did not come from the web is written, as it is stored
(id, title, text, URL, date), to a JSON lines file the build reads as its articles. Their content
is unchanged, so the build carries their sentences and vectors over without splitting or encoding
anything again.
"""

from __future__ import annotations

import json
from pathlib import Path

from index import Searcher, StoredArticle, write_atomically

WEB_SCHEMES = ("http://", "https://")


def from_the_web(article: StoredArticle) -> bool:
    """Whether ``article`` was fetched from a URL (its source is the URL asked for) rather than
    read from a file (its source is the file's path)."""
    return article.source.startswith(WEB_SCHEMES)


def web_pages(searcher: Searcher) -> frozenset[str]:
    """The URLs of the pages ``searcher``'s index holds (as asked for: feed entries, /add pages)."""
    return frozenset(article.source for article in searcher.articles() if from_the_web(article))


def write_kept_articles(searcher: Searcher, path: Path) -> int:
    """Write every article of ``searcher`` not from the web to ``path`` (JSON lines, in index
    order); return how many. With none, nothing is written."""
    lines: list[str] = []
    for article in searcher.articles():
        if from_the_web(article):
            continue
        text = searcher.article_text(article.id)
        if text is None:
            continue
        record = {"id": article.id, "title": article.title, "text": text}
        if article.url:
            record["url"] = article.url
        if article.published:
            record["published"] = article.published
        if article.author:
            record["author"] = article.author
        lines.append(json.dumps(record, ensure_ascii=False) + "\n")
    if lines:
        write_atomically(path, "".join(lines).encode("utf-8"))
    return len(lines)
