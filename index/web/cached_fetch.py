"""One URL through the cache: a conditional request, the copy kept, the copy as a fallback.

``fetch_through(cache, fetcher, url)`` asks the server only for a newer version than the cached
copy (If-None-Match / If-Modified-Since). A 200 replaces the copy; a 304 reuses it; a failure
(timeout, 5xx, reset, ...) falls back to the copy with a WARNING, so a flaky site never empties
the index. Only a failure with no copy at all raises ``FetchError``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from index.web.cache import CachedCopy, WebCache
from index.web.fetch import Fetcher, FetchError, Validators

log = logging.getLogger(__name__)


class Origin(Enum):
    """Where this run's copy of a URL came from."""

    FETCHED = "fetched"  # downloaded now (200)
    NOT_MODIFIED = "not modified"  # the server said 304: the cached copy is current
    FALLBACK = "fallback"  # the fetch failed; the cached copy stands in


@dataclass(frozen=True)
class Got:
    """A URL's copy for this run, where it came from, and why the fetch failed (FALLBACK only)."""

    copy: CachedCopy
    origin: Origin
    failure: str | None = None


def fetch_through(
    cache: WebCache, fetcher: Fetcher, url: str, *, accept: str = "*/*", clock: Callable[[], float] = time.time
) -> Got:
    """The current copy of ``url``; raises FetchError when it fails and nothing is cached."""
    cached = cache.get(url)
    try:
        validators = Validators(cached.etag, cached.last_modified) if cached is not None else None
        fetched = fetcher.get(url, validators, accept=accept)
    except FetchError as exc:
        if cached is None:
            raise
        log.warning(
            "%s could not be fetched (%s); keeping the copy fetched %s",
            url,
            exc,
            time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(cached.fetched_at)),
        )
        return Got(cached, Origin.FALLBACK, str(exc))
    if fetched.not_modified:
        if cached is None:  # a 304 to an unconditional request: a broken server
            raise FetchError("the server answered 304 Not Modified to a plain request")
        return Got(cached, Origin.NOT_MODIFIED)
    copy = CachedCopy(
        url=fetched.url,
        final_url=fetched.final_url,
        body=fetched.body,
        content_type=fetched.content_type,
        charset=fetched.charset,
        etag=fetched.validators.etag,
        last_modified=fetched.validators.last_modified,
        fetched_at=clock(),
    )
    try:
        cache.put(copy)
    except OSError as exc:  # a full or read-only disk costs the next conditional request, not this page
        log.warning("could not keep a copy of %s in the web cache (%s)", url, exc.strerror or exc)
    return Got(copy, Origin.FETCHED)
