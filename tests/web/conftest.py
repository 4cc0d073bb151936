"""Fixtures of the web tests: the HTTP server on 127.0.0.1 and a fetch policy sized for tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from index.web.fetch import FetchPolicy
from tests.news_site import WebServer


@pytest.fixture
def server() -> Iterator[WebServer]:
    with WebServer() as running:
        yield running


@pytest.fixture
def policy() -> FetchPolicy:
    """Short timeouts and backoff, so failing cases take a fraction of a second."""
    return FetchPolicy(connect_timeout=1.0, read_timeout=0.5, retries=1, backoff=0.01, max_bytes=200_000)
