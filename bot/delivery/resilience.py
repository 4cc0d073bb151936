"""Outgoing Bot API calls that survive Telegram's bad moments.

Every call except getUpdates goes through the Application's rate limiter, so that is where the
retries live: ``RetryingRateLimiter`` is python-telegram-bot's ``AIORateLimiter`` (Telegram's
flood limits, and a 429 waited out for its ``retry_after``) with bounded, backed-off retries of
5xx answers, dropped connections and time-outs on top. getUpdates is retried for ever by
python-telegram-bot's own polling loop; ``PollingErrorLog`` keeps that loop from writing a
traceback per retry during a long outage.

What is never resent: a request Telegram rejected (400 Bad Request: resending cannot help), and
a message-creating call (sendMessage, ...) whose answer timed out after the request went out,
because Telegram may already have delivered it and a resend would answer the question twice.
Connection failures and 5xx answers happen before Telegram acts, so those are resent.

What is never retried: a token Telegram rejects (401 Unauthorized, or 404 Not Found for the
bot's URL) while polling. ``PollingRequest`` (the getUpdates transport) notices it and tells
``TokenWatch``, which logs one error and has the bot stop (``bot.telegram.app``). The same
transport saves each fetched batch in the update state file before python-telegram-bot can
confirm it to Telegram (``bot/delivery/redelivery.py``).
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import time
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import httpx
from telegram.error import BadRequest, NetworkError, TelegramError, TimedOut
from telegram.ext import AIORateLimiter
from telegram.request import HTTPXRequest, RequestData

from index import VerbatimError

logger = logging.getLogger(__name__)

# Bot API methods that create something visible; a blind resend could duplicate it.
_CREATING_PREFIXES = ("send", "forward", "copy")


@dataclass(frozen=True)
class RetryPolicy:
    """How hard one outgoing call tries before its error reaches the handler."""

    attempts: int = 8  # tries per call on 5xx and network errors, the first one included
    first_delay: float = 0.5  # seconds before the first retry; doubled each time
    max_delay: float = 8.0
    flood_retries: int = 5  # 429 answers waited out per call (each for its retry_after)
    # Once the bot is stopping, a call stops retrying after this many seconds, so that SIGTERM
    # during an outage still exits within a few seconds.
    drain_seconds: float = 3.0

    def delay(self, retry: int) -> float:
        """Seconds to wait before retry number ``retry`` (1 = the first retry), with jitter."""
        base = min(self.max_delay, self.first_delay * 2 ** (retry - 1))
        return base * random.uniform(0.5, 1.0)  # jitter: many chats do not retry in lockstep


def is_transient(error: TelegramError, endpoint: str) -> bool:
    """Whether resending the same call may succeed and cannot duplicate what the user sees."""
    if isinstance(error, BadRequest):
        return False
    if isinstance(error, TimedOut):
        delivered_maybe = isinstance(error.__cause__, httpx.ReadTimeout)
        return not (delivered_maybe and endpoint.startswith(_CREATING_PREFIXES))
    return isinstance(error, NetworkError)


class SendBudget(Protocol):
    """The bot's overall sending rate when several processes share it (``bot/cluster/limits.py``)."""

    async def acquire(self) -> None:
        """Return once one more call may be made."""


class RetryingRateLimiter(AIORateLimiter):
    """``AIORateLimiter`` plus bounded retries with backoff for transient errors.

    With a shared ``budget`` the overall rate is that budget's (kept with the other replicas)
    instead of this process's own; the per-group limits stay per process.
    """

    def __init__(
        self,
        policy: RetryPolicy | None = None,
        *,
        stopping: Callable[[], bool] | None = None,
        messages_per_second: float = 30.0,
        budget: SendBudget | None = None,
    ) -> None:
        self.policy = policy or RetryPolicy()
        # Telegram lets a bot send about 30 messages a second in all; 0 lifts the overall limit.
        overall = messages_per_second if budget is None else 0
        super().__init__(max_retries=self.policy.flood_retries, overall_max_rate=overall)
        self._stopping: Callable[[], bool] = stopping or (lambda: False)
        self._budget = budget if messages_per_second > 0 else None

    def stop_when(self, stopping: Callable[[], bool]) -> None:
        """Give the predicate that says the bot is shutting down (it shortens retries)."""
        self._stopping = stopping

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        started = time.monotonic()
        attempt = 1
        while True:
            if self._budget is not None:
                await self._budget.acquire()
            try:
                return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)
            except TelegramError as error:
                if not is_transient(error, endpoint) or attempt >= self.policy.attempts:
                    raise
                if self._stopping() and time.monotonic() - started >= self.policy.drain_seconds:
                    raise
                delay = self.policy.delay(attempt)
                logger.warning(
                    "Telegram call %s failed (%s: %s); retry %d of %d in %.1f s",
                    endpoint,
                    type(error).__name__,
                    error,
                    attempt,
                    self.policy.attempts - 1,
                    delay,
                )
                await asyncio.sleep(delay)
                attempt += 1


class PollingErrorLog:
    """``error_callback`` for polling: one warning per outage instead of a traceback per retry."""

    def __init__(self, quiet_seconds: float = 60.0, clock: Callable[[], float] = time.monotonic) -> None:
        self._quiet = quiet_seconds
        self._clock = clock
        self._last_warning: float | None = None

    def __call__(self, error: TelegramError) -> None:
        # Called by python-telegram-bot's retry loop, which must never see an exception from here.
        try:
            now = self._clock()
            if self._last_warning is None or now - self._last_warning >= self._quiet:
                self._last_warning = now
                logger.warning(
                    "Cannot fetch updates from Telegram (%s: %s); retrying with backoff", type(error).__name__, error
                )
            else:
                logger.debug("Still cannot fetch updates (%s: %s)", type(error).__name__, error)
        except Exception:  # pragma: no cover - logging itself failed; nothing sensible is left
            pass


# HTTP statuses python-telegram-bot turns into InvalidToken: Telegram's answer to a revoked or
# wrong token (401), or to a URL without a valid bot token in it (404).
TOKEN_REJECTED_STATUSES = frozenset({401, 404})
_NO_UPDATES = b'{"ok":true,"result":[]}'


class TokenRejected(VerbatimError):
    """Telegram rejected the bot token while the bot was running; the bot stopped."""


class TokenWatch:
    """Whether Telegram has rejected the bot token; ``rejected`` is set the first time it does."""

    def __init__(self, on_reject: Callable[[], None] | None = None) -> None:
        self.rejected = asyncio.Event()
        self.status: int | None = None
        self.on_reject = on_reject  # called once, at the first rejection: the bot stops

    def reject(self, status: int) -> None:
        """Record a rejection (HTTP ``status``); the first one is logged, as one clear error."""
        if self.rejected.is_set():
            return
        self.status = status
        self.rejected.set()
        logger.error(
            "Telegram rejected the bot token (HTTP %d from getUpdates): it was revoked or replaced in "
            "@BotFather. Finishing the answers in flight, then exiting with status 4; set "
            "TELEGRAM_BOT_TOKEN to the new token and start the bot again.",
            status,
        )
        if self.on_reject is not None:
            self.on_reject()

    def error(self) -> TokenRejected:
        """The error a stopped bot raises to say why it stopped."""
        return TokenRejected(f"Telegram rejected the bot token (HTTP {self.status}); the bot stopped.")


# Called with the updates of each getUpdates answer before python-telegram-bot reads it.
UpdatesHold = Callable[[Sequence[dict[str, Any]]], Awaitable[None]]


class PollingRequest(HTTPXRequest):
    """The getUpdates transport (python-telegram-bot's default one) that keeps fetched updates
    safe and watches for a rejected token.

    ``hold`` (``UpdateJournal.hold``) gets the updates of each answer and returns once they are
    in the state file; only then does python-telegram-bot read the answer, and only then can its
    next call confirm them to Telegram. So a kill at any moment never loses a fetched question.

    A rejected token goes to ``watch``. Left alone, python-telegram-bot's polling loop aborts on
    the first rejection with a traceback, and the process keeps running without fetching
    anything. Here, from then on getUpdates no longer reaches Telegram: a call answers "no
    updates" after its own long-poll timeout, as Telegram does when there is no news. Nothing
    can be fetched or confirmed with a rejected token anyway, and this way the polling loop
    simply idles until the bot stops it, its last call included, without an error of its own.
    """

    def __init__(self, watch: TokenWatch, hold: UpdatesHold | None = None) -> None:
        super().__init__(connection_pool_size=1)  # what python-telegram-bot uses for getUpdates
        self._watch = watch
        self._hold = hold

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = HTTPXRequest.DEFAULT_NONE,
        write_timeout: Any = HTTPXRequest.DEFAULT_NONE,
        connect_timeout: Any = HTTPXRequest.DEFAULT_NONE,
        pool_timeout: Any = HTTPXRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if not self._watch.rejected.is_set():
            status, payload = await super().do_request(
                url, method, request_data, read_timeout, write_timeout, connect_timeout, pool_timeout
            )
            if status not in TOKEN_REJECTED_STATUSES:
                if status == 200 and self._hold is not None:
                    await self._keep(payload)
                return status, payload
            self._watch.reject(status)
        await asyncio.sleep(_poll_timeout(request_data))
        return 200, _NO_UPDATES

    async def _keep(self, payload: bytes) -> None:
        """Hand the updates of a getUpdates answer to ``hold``; an odd answer is python-telegram-bot's
        to report, and a failing hold must not stop the polling."""
        assert self._hold is not None
        try:
            answer = json.loads(payload)
        except ValueError:
            return
        updates = answer.get("result") if isinstance(answer, dict) and answer.get("ok") is True else None
        if not isinstance(updates, list) or not updates:
            return
        try:
            await self._hold([u for u in updates if isinstance(u, dict)])
        except Exception:
            logger.warning("Cannot keep the fetched updates in the update state file", exc_info=True)


def _poll_timeout(request_data: RequestData | None) -> float:
    """The long-poll ``timeout`` of a getUpdates call, in seconds (0 when it has none)."""
    value = request_data.parameters.get("timeout", 0) if request_data is not None else 0
    if not isinstance(value, (int, float, str)):
        return 0.0
    try:
        return max(0.0, float(value))
    except ValueError:
        return 0.0
