"""Webhook replicas as an operator runs them, for the replica tests and scripts/webhook_capacity.py.

* ``Replica``: ``python -m bot --webhook`` in a subprocess (real index, the fake Bot API as its
  Telegram, a Valkey server as its Redis), listening on a free port of 127.0.0.1 it logs;
* ``Forwarder``: a round-robin HTTP forwarder on 127.0.0.1, the load balancer in front of them.
  A replica that cannot be reached (killed) is answered 502, as a load balancer does, and the
  caller resends, as Telegram does. It notes which replica each update went to;
* ``post_update``: Telegram's side of a webhook: POST with the secret, resent until a 200.
"""

from __future__ import annotations

import http.client
import itertools
import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from tests.botprocess import BotProcess, bot_env
from tests.fakes.bot_api import FakeBotAPI

SECRET = "replica-test-secret_0123456789"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
PIN_HEADER = "X-Test-Replica"  # the forwarder sends this request to that replica (a redelivery elsewhere)
_LISTENING = re.compile(r"Webhook server listening on http://127\.0\.0\.1:(\d+)/telegram")


def replica_env(server: FakeBotAPI, index_dir: Path, redis_url: str | None, **extra: str) -> dict[str, str]:
    env = bot_env(server, index_dir)
    env.update(
        VERBATIM_WEBHOOK_LISTEN="127.0.0.1:0",
        VERBATIM_WEBHOOK_SECRET=SECRET,
        VERBATIM_LOG_LEVEL="INFO",  # DEBUG would log every request of 2,000 updates
        VERBATIM_STATE_FILE="off",
    )
    env.update(extra)
    if redis_url is not None:
        env["VERBATIM_REDIS_URL"] = redis_url
    return env


class Replica:
    """One ``python -m bot --webhook``; ``port`` is known once it listens."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.process = BotProcess(env, log, ("--webhook",))
        self.port = 0

    def wait_listening(self, timeout: float = 90) -> int:
        deadline = time.monotonic() + timeout
        while True:
            match = _LISTENING.search(self.process.output())
            if match:
                self.port = int(match.group(1))
                return self.port
            assert self.process.process.poll() is None, f"the replica exited:\n{self.process.output()[-3000:]}"
            assert time.monotonic() < deadline, f"the replica never listened:\n{self.process.output()[-3000:]}"
            time.sleep(0.05)

    def kill(self) -> None:
        self.process.stop()  # SIGKILL


class Forwarder:
    """Round robin over ``ports`` (changeable: a restarted replica listens elsewhere)."""

    def __init__(self, ports: list[int]) -> None:
        self.ports = list(ports)
        self.sent_to: dict[int, list[int]] = {}  # update_id -> replicas (indexes) it went to, in order
        self._turn = itertools.count()
        self._lock = threading.Lock()
        forwarder = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                forwarder._forward(self, "POST")

            def do_GET(self) -> None:
                forwarder._forward(self, "GET")

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def _forward(self, handler: BaseHTTPRequestHandler, method: str) -> None:
        body = handler.rfile.read(int(handler.headers.get("Content-Length") or 0))
        pinned = handler.headers.get(PIN_HEADER)
        with self._lock:
            index = int(pinned) if pinned is not None else next(self._turn) % len(self.ports)
            port = self.ports[index]
            if method == "POST" and body:
                update_id = json.loads(body).get("update_id")
                self.sent_to.setdefault(update_id, []).append(index)
        headers = {k: v for k, v in handler.headers.items() if k.lower() in ("content-type", SECRET_HEADER.lower())}
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request(method, handler.path, body=body or None, headers=headers)
            answer = connection.getresponse()
            status, payload = answer.status, answer.read()
            connection.close()
        except OSError:
            status, payload = 502, b"replica unreachable"
        handler.send_response(status)
        handler.send_header("Content-Length", str(len(payload)))
        handler.end_headers()
        handler.wfile.write(payload)


def post(port: int, path: str, body: bytes | None, headers: dict[str, str]) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("POST" if body is not None else "GET", path, body=body, headers=headers)
        answer = connection.getresponse()
        return answer.status, answer.read()
    finally:
        connection.close()


def post_update(port: int, update: dict[str, Any], *, pin: int | None = None, deadline: float = 120) -> int:
    """Deliver ``update`` as Telegram does: until a 200, resending after anything else. Returns
    how many tries it took."""
    body = json.dumps(update).encode("utf-8")
    headers = {"Content-Type": "application/json", SECRET_HEADER: SECRET}
    if pin is not None:
        headers[PIN_HEADER] = str(pin)
    give_up = time.monotonic() + deadline
    for tries in itertools.count(1):
        try:
            status, _ = post(port, "/telegram", body, headers)
        except OSError:
            status = 0
        if status == 200:
            return tries
        assert time.monotonic() < give_up, f"update {update['update_id']} never taken (last status {status})"
        time.sleep(0.05)
    raise AssertionError("unreachable")
