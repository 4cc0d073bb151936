"""The HTTP side: a threading server on 127.0.0.1 that reads Bot API requests, hands them to a
FakeBotAPI, and writes its answers (or closes the connection, for a dropped answer)."""

from __future__ import annotations

import json
import re
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from tests.fakes.bot_api.constants import JSONDict
from tests.fakes.bot_api.faults import DROP
from tests.fakes.bot_api.params import decode_params

if TYPE_CHECKING:
    from tests.fakes.bot_api.api import FakeBotAPI

_PATH = re.compile(r"/bot([^/]+)/([^/]*)")


def route(path: str) -> tuple[str, str] | None:
    """(token, method) of a Bot API URL path such as ``/bot<token>/sendMessage``, or None."""
    match = _PATH.fullmatch(path)
    return None if match is None else (match.group(1), match.group(2))


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, api: FakeBotAPI) -> None:
        self.api = api
        super().__init__(("127.0.0.1", 0), _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Clients that hang up (timeouts, Drop, stop()) are routine here, not worth a traceback.
        error = sys.exc_info()[1]
        if not isinstance(error, OSError):
            self.api.note_internal_error(repr(error))


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as Telegram and httpx use
    server: Server

    def setup(self) -> None:
        super().setup()
        self.server.api.connection_opened(self.connection)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.api.connection_closed(self.connection)

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        body = self._read_body()
        routed = route(url.path)
        if routed is None:
            self._answer(404, {"ok": False, "error_code": 404, "description": "Not Found"})
            return
        token, method = routed
        try:
            params = decode_params(self.headers.get("Content-Type", ""), body, url.query)
        except (ValueError, UnicodeDecodeError) as error:
            # Only for the right token: a wrong one is Unauthorized whatever it sent.
            if token == self.server.api.token:
                description = f"Bad Request: can't parse request: {error}"
                self._answer(400, {"ok": False, "error_code": 400, "description": description})
                return
            params = {}
        status, payload = self.server.api.call(token, method, params)
        if payload is DROP:
            self.close_connection = True
            return
        assert isinstance(payload, dict)
        self._answer(status, payload)

    do_GET = do_POST

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _read_body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";", 1)[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def _answer(self, status: int, payload: JSONDict) -> None:
        try:
            body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            # A lone surrogate (a user's text can carry one, escaped): JSON's \udXXX escape is
            # the only way to send it, as Telegram would. Unescaped, the answer never left and
            # the server dropped the connection, leaving getUpdates failing for ever.
            body = json.dumps(payload).encode("ascii")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
