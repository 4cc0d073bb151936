"""Fetching web pages and feeds politely and safely, with conditional requests.

One ``Fetcher`` per build: a shared httpx client with a clear User-Agent, at most ``per_host``
requests in flight to any one host, connect, read and whole-response timeouts, a bounded number of retries with
exponential backoff (on 5xx, 429, connection errors, resets and timeouts, never on other 4xx),
redirects followed by hand (at most ``max_redirects``, each hop checked to be http or https), and
a size cap enforced while streaming, so a huge or endless response never fills memory.

``get`` either returns a ``Fetched`` response (200 with a body, or 304 Not Modified when the
validators still hold) or raises ``FetchError`` with a short message a person can act on.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

# Who is asking and why, as crawlers say it. The project has no public home page yet: when it
# has one, it goes here as "+https://..." so that a site's operator can find out more.
USER_AGENT = "Verbatim/0.1 (news question-answering bot; indexes articles to quote them with their source)"
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True)
class FetchPolicy:
    """How fetching behaves; tests shrink the timeouts and the backoff."""

    user_agent: str = USER_AGENT
    connect_timeout: float = 10.0  # seconds to open a connection
    read_timeout: float = 20.0  # seconds without a byte before giving up on a response
    total_timeout: float = 60.0  # seconds for a whole response: a site dripping bytes is cut off
    retries: int = 2  # further attempts after a failed first one
    backoff: float = 1.0  # seconds before the first retry; doubled before each next one
    max_retry_after: float = 30.0  # a 429/503's Retry-After is honoured up to this many seconds
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    per_host: int = 2  # requests in flight to one host at a time
    workers: int = 8  # requests in flight in all


@dataclass(frozen=True)
class Validators:
    """What the last response said about its version, for a conditional request."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class Fetched:
    """One response: 200 with its body, or 304 (``body`` empty: the cached copy still holds)."""

    url: str  # the address asked for
    final_url: str  # after redirects
    status: int
    body: bytes
    content_type: str  # the media type alone, lower case ("text/html"), "" when not given
    charset: str | None
    validators: Validators

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class FetchError(Exception):
    """A URL could not be fetched; ``str(error)`` is the plain reason."""


class Fetcher:
    """A polite HTTP client for one build; thread-safe, ``close`` it (or use ``with``)."""

    def __init__(self, policy: FetchPolicy | None = None) -> None:
        self.policy = policy or FetchPolicy()
        self._client = httpx.Client(
            headers={"User-Agent": self.policy.user_agent},
            timeout=httpx.Timeout(self.policy.read_timeout, connect=self.policy.connect_timeout),
            follow_redirects=False,  # by hand: every hop's scheme is checked and counted
            limits=httpx.Limits(max_connections=self.policy.workers * 2),
        )
        self._hosts: dict[str, threading.Semaphore] = {}
        self._hosts_lock = threading.Lock()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def get(self, url: str, validators: Validators | None = None, *, accept: str = "*/*") -> Fetched:
        """Fetch ``url`` (conditionally, given ``validators``); raises FetchError."""
        check_scheme(url)
        headers = {"Accept": accept}
        if validators is not None:
            if validators.etag:
                headers["If-None-Match"] = validators.etag
            if validators.last_modified:
                headers["If-Modified-Since"] = validators.last_modified
        current = url
        for _ in range(self.policy.max_redirects + 1):
            answer = self._attempts(url, current, headers)
            if isinstance(answer, Fetched):
                return answer
            current = urljoin(current, answer)
            try:
                check_scheme(current)
            except FetchError as exc:
                raise FetchError(f"redirected to {current}: {exc}") from None
        raise FetchError(f"more than {self.policy.max_redirects} redirects (the last one to {current})")

    def _attempts(self, url: str, current: str, headers: dict[str, str]) -> Fetched | str:
        """One hop, retried: the response, or where it redirects to."""
        delay = self.policy.backoff
        for attempt in range(self.policy.retries + 1):
            last = attempt == self.policy.retries
            try:
                return self._request(url, current, headers)
            except _Retryable as exc:
                if last:
                    raise FetchError(f"{exc} (tried {attempt + 1} time{'s' * (attempt > 0)})") from None
                asked = min(exc.retry_after or 0.0, self.policy.max_retry_after)
            time.sleep(max(delay, asked))  # the server's wish, when it said how long to wait
            delay *= 2
        raise AssertionError("unreachable")

    def _request(self, url: str, current: str, headers: dict[str, str]) -> Fetched | str:
        with self._host_slot(current):
            try:
                with self._client.stream("GET", current, headers=headers) as response:
                    return self._read(url, current, response)
            except httpx.TimeoutException as exc:
                raise _Retryable(f"timed out ({_timeout_kind(exc)})") from None
            except (httpx.NetworkError, httpx.RemoteProtocolError) as exc:
                raise _Retryable(f"connection failed ({_reason(exc)})") from None
            except httpx.HTTPError as exc:  # an invalid URL, a proxy error, a decoding error
                raise FetchError(f"request failed ({_reason(exc)})") from None

    def _read(self, url: str, current: str, response: httpx.Response) -> Fetched | str:
        status = response.status_code
        if status in _REDIRECTS:
            location = response.headers.get("location")
            if not location:
                raise FetchError(f"HTTP {status} redirect without a Location header")
            return location
        if status in _RETRY_STATUSES:
            raise _Retryable(
                f"HTTP {status} {response.reason_phrase}".strip(), _seconds(response.headers.get("retry-after"))
            )
        if status != 304 and not 200 <= status < 300:
            raise FetchError(f"HTTP {status} {response.reason_phrase}".strip())
        validators = Validators(response.headers.get("etag"), response.headers.get("last-modified"))
        media_type, charset = _content_type(response.headers.get("content-type", ""))
        body = b"" if status == 304 else self._body(response)
        return Fetched(url, current, status, body, media_type, charset, validators)

    def _body(self, response: httpx.Response) -> bytes:
        limit = self.policy.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(f"too large ({int(declared):,} bytes; the limit is {limit:,})")
        chunks: list[bytes] = []
        size = 0
        deadline = time.monotonic() + self.policy.total_timeout
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:  # stop reading: an endless response never fills memory
                raise FetchError(f"too large (more than {limit:,} bytes; the limit is {limit:,})")
            if time.monotonic() > deadline:  # the read timeout restarts with every byte
                raise _Retryable(f"timed out (still sending after {self.policy.total_timeout:g} s)")
            chunks.append(chunk)
        return b"".join(chunks)

    def _host_slot(self, url: str) -> threading.Semaphore:
        host = urlsplit(url).netloc.lower()
        with self._hosts_lock:
            slot = self._hosts.get(host)
            if slot is None:
                slot = self._hosts[host] = threading.Semaphore(self.policy.per_host)
        return slot


class _Retryable(Exception):
    """A failure worth another try after a pause (server error, timeout, dropped connection)."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


def _seconds(retry_after: str | None) -> float | None:
    """A Retry-After header given in seconds (its HTTP-date form is rare enough to ignore)."""
    value = (retry_after or "").strip()
    return float(value) if value.isdigit() else None


def check_scheme(url: str) -> None:
    """Raise FetchError unless ``url`` is an absolute http(s) address."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        shown = f"{parts.scheme}:" if parts.scheme else "no scheme"
        raise FetchError(f"not an http or https address ({shown}); only web pages can be fetched")
    if not parts.netloc:
        raise FetchError("not a web address: it has no host name")


def _content_type(header: str) -> tuple[str, str | None]:
    media, _, parameters = header.partition(";")
    charset = None
    for parameter in parameters.split(";"):
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip('"').lower()
    return media.strip().lower(), charset


def _timeout_kind(exc: httpx.TimeoutException) -> str:
    if isinstance(exc, httpx.ConnectTimeout):
        return "no connection"
    if isinstance(exc, httpx.ReadTimeout):
        return "no response"
    return "too slow"


def _reason(exc: Exception) -> str:
    text = str(exc).strip()
    return text[:120] if text else type(exc).__name__
