"""A real HTTP server on 127.0.0.1, in a thread, that serves what a test sets up: news pages,
feeds, and misbehaving URLs (slow, failing, resetting, oversized, redirecting, non-HTML).

Each path has a ``Route``; every request is recorded (path and headers), so a test can check
that a re-run sent conditional requests and downloaded nothing. ``NewsSite`` is the same server
run as a small news site, for the bot's refresh tests: a test publishes stories (``pages.py``)
to a feed, drops them from it, or makes a path fail, while the bot runs."""

from __future__ import annotations

import hashlib
import socket
import struct
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Self

from tests.news_site.pages import NewsStory, news_page, rss_feed

FEED_PATH = "/feed.xml"
RSS = "application/rss+xml; charset=utf-8"


@dataclass
class Route:
    """What one path answers. ``status`` 200 serves ``body`` with an ETag and Last-Modified and
    honours If-None-Match; ``failures`` first answers fail with ``fail_status`` (or a reset)."""

    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    location: str | None = None  # for redirects
    delay: float = 0.0  # seconds before answering
    failures: int = 0  # how many requests fail before the route answers normally (-1: all)
    fail_status: int = 500
    reset: bool = False  # fail by resetting the connection instead of answering fail_status
    retry_after: str | None = None  # a Retry-After header on the failing answers
    etag: bool = True
    chunked_forever: bool = False  # stream without Content-Length until the client hangs up
    drip: float = 0.0  # with chunked_forever: seconds between small pieces (a slow-drip site)


@dataclass(frozen=True)
class Seen:
    path: str
    headers: dict[str, str]


@dataclass
class WebServer:
    """Start with ``with WebServer() as server:``; ``server.url("/path")`` is its address."""

    routes: dict[str, Route] = field(default_factory=dict)
    seen: list[Seen] = field(default_factory=list)
    most_in_flight: int = 0  # the most requests answered at once
    _in_flight: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __enter__(self) -> Self:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                server._answer(self)

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def url(self, path: str) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}{path}"

    def requests_to(self, path: str) -> list[Seen]:
        with self._lock:
            return [s for s in self.seen if s.path == path]

    def _answer(self, handler: BaseHTTPRequestHandler) -> None:
        with self._lock:
            self._in_flight += 1
            self.most_in_flight = max(self.most_in_flight, self._in_flight)
        try:
            self._route(handler)
        finally:
            with self._lock:
                self._in_flight -= 1

    def _route(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path
        with self._lock:
            self.seen.append(Seen(path, {k.lower(): v for k, v in handler.headers.items()}))
            route = self.routes.get(path)
            failing = route is not None and route.failures != 0
            if route is not None and route.failures > 0:
                route.failures -= 1
        if route is None:
            _send(handler, 404, b"not found", "text/plain")
            return
        if route.delay:
            time.sleep(route.delay)
        if failing:
            if route.reset:
                # SO_LINGER 0: close() sends a TCP RST, which the client sees as a reset connection.
                handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                handler.connection.close()
                handler.close_connection = True
                return
            extra = {"Retry-After": route.retry_after} if route.retry_after else None
            _send(handler, route.fail_status, b"<h1>Server error</h1>", "text/html", extra)
            return
        if route.location is not None:
            handler.send_response(route.status)
            handler.send_header("Location", route.location)
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return
        if route.chunked_forever:
            handler.send_response(200)
            handler.send_header("Content-Type", route.content_type)
            handler.end_headers()
            piece = b"<p>drip</p>" if route.drip else b"<p>" + b"x" * 65536 + b"</p>"
            try:
                while True:
                    handler.wfile.write(piece)
                    handler.wfile.flush()
                    time.sleep(route.drip)
            except OSError:
                handler.close_connection = True
            return
        etag = '"' + hashlib.sha256(route.body).hexdigest()[:16] + '"' if route.etag else None
        if etag is not None and handler.headers.get("If-None-Match") == etag:
            handler.send_response(304)
            handler.send_header("ETag", etag)
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return
        extra = {"ETag": etag, "Last-Modified": "Tue, 11 Jan 2022 09:30:00 GMT"} if etag else {}
        _send(handler, route.status, route.body, route.content_type, extra)


def _send(
    handler: BaseHTTPRequestHandler, status: int, body: bytes, content_type: str, extra: dict[str, str] | None = None
) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    for name, value in (extra or {}).items():
        handler.send_header(name, value)
    handler.end_headers()
    try:
        handler.wfile.write(body)
    except OSError:
        handler.close_connection = True


@dataclass
class NewsSite(WebServer):
    """The server as a news site: ``with NewsSite() as site: site.publish(BRIDGE)``."""

    feeds: dict[str, list[NewsStory]] = field(default_factory=dict)  # feed path -> stories, newest first
    failing: set[str] = field(default_factory=set)  # paths answered with an error status for good

    def publish(self, story: NewsStory, *, feed: str | None = FEED_PATH) -> str:
        """Put ``story`` on the site (at the top of ``feed``, if one is named); its URL."""
        url = self.url(story.path)
        self._serve(story.path, Route(news_page(story, url).encode("utf-8")))
        if feed is not None:
            self.feeds.setdefault(feed, []).insert(0, story)
            self._serve_feed(feed)
        return url

    def drop_from_feed(self, story: NewsStory, feed: str = FEED_PATH) -> None:
        """Take ``story`` out of ``feed`` (its page stays on the site), as feeds drop old entries."""
        self.feeds[feed].remove(story)
        self._serve_feed(feed)

    def feed(self, path: str = FEED_PATH) -> str:
        """The URL of the feed at ``path`` (served, even when empty)."""
        if path not in self.feeds:
            self.feeds[path] = []
            self._serve_feed(path)
        return self.url(path)

    def fail(self, path: str, status: int) -> None:
        """Answer ``path`` with ``status`` from now on, whatever is published there."""
        self.failing.add(path)
        self._serve(path, Route(failures=-1, fail_status=status))

    def _serve_feed(self, path: str) -> None:
        items = [(self.url(s.path), s.title, s.published) for s in self.feeds[path]]
        self._serve(path, Route(rss_feed(items).encode("utf-8"), content_type=RSS))

    def _serve(self, path: str, route: Route) -> None:
        with self._lock:
            if path not in self.failing or route.failures:
                self.routes[path] = route
