"""The web cache: the last good copy of every fetched page and feed, on disk, keyed by URL.

Each URL has two files named by the SHA-256 of the URL: ``KEY.body`` (the bytes as served) and
``KEY.json`` (the URL, where redirects led, content type, charset, ETag, Last-Modified, when it
was fetched). Both are written atomically, the body first, so a crash leaves the old pair or the
new one; a pair that does not match (the JSON names another body size) reads as no copy.

The copy serves twice: its validators make the next request conditional (a 304 reuses it), and
when a fetch fails the copy stands in, so a flaky site never empties the index.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from index.store.durable import write_atomically

_FORMAT = 1


def default_cache_dir(index_dir: Path) -> Path:
    """Where an index's web cache lives by default: beside it, ``<index name>.web-cache``."""
    index_dir = Path(index_dir)
    return index_dir.parent / f"{index_dir.name}.web-cache"


@dataclass(frozen=True)
class CachedCopy:
    """The last good response for one URL."""

    url: str
    final_url: str
    body: bytes
    content_type: str
    charset: str | None
    etag: str | None
    last_modified: str | None
    fetched_at: float  # time.time() of the response


class WebCache:
    """The cache folder (created on first write); safe to use from several threads."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)

    def get(self, url: str) -> CachedCopy | None:
        key = _key(url)
        try:
            meta = json.loads((self.directory / f"{key}.json").read_text(encoding="utf-8"))
            body = (self.directory / f"{key}.body").read_bytes()
        except (OSError, ValueError):
            return None
        if not isinstance(meta, dict) or meta.get("format") != _FORMAT or meta.get("url") != url:
            return None
        if meta.get("size") != len(body):
            return None  # a crash between the two writes: the body is another version
        return CachedCopy(
            url=url,
            final_url=str(meta.get("final_url") or url),
            body=body,
            content_type=str(meta.get("content_type") or ""),
            charset=_optional(meta.get("charset")),
            etag=_optional(meta.get("etag")),
            last_modified=_optional(meta.get("last_modified")),
            fetched_at=float(meta.get("fetched_at") or 0.0),
        )

    def put(self, copy: CachedCopy) -> None:
        """Keep ``copy`` as its URL's copy (replacing the one before)."""
        self.directory.mkdir(parents=True, exist_ok=True)
        key = _key(copy.url)
        write_atomically(self.directory / f"{key}.body", copy.body)
        meta = {k: v for k, v in asdict(copy).items() if k != "body"}
        meta.update(format=_FORMAT, size=len(copy.body))
        write_atomically(self.directory / f"{key}.json", json.dumps(meta, indent=1).encode("utf-8"))

    def keep_only(self, urls: set[str]) -> int:
        """Delete the copies of every URL not in ``urls`` (no longer a source); how many."""
        wanted = {_key(url) for url in urls}
        removed = 0
        if not self.directory.is_dir():
            return 0
        for path in self.directory.iterdir():
            if path.suffix in (".json", ".body") and path.stem not in wanted:
                try:
                    os.unlink(path)
                except OSError:
                    continue
                removed += path.suffix == ".json"
        return removed


def _key(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:40]


def _optional(value: object) -> str | None:
    return value if isinstance(value, str) and value else None
