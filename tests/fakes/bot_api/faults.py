"""Faults a test can inject (flood control, 5xx, slow or missing answers, dropped connections),
the book of injected faults, and the answer each fault gives.

The book holds no lock of its own: the FakeBotAPI that owns it guards it with its condition.
"""

from __future__ import annotations

import http
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from tests.fakes.bot_api.constants import JSONDict


@dataclass(frozen=True)
class Flood:
    """Flood control: HTTP 429 with ``retry_after`` (PTB raises ``telegram.error.RetryAfter``)."""

    retry_after: int = 1


@dataclass(frozen=True)
class ServerError:
    """A 5xx answer with a JSON error body (PTB raises ``telegram.error.NetworkError``)."""

    status: int = 502


@dataclass(frozen=True)
class Slow:
    """Wait ``seconds`` (or until the server stops), then answer normally, side effects included."""

    seconds: float = 1.0


@dataclass(frozen=True)
class Drop:
    """Read the request, then close the connection without any answer."""


@dataclass(frozen=True)
class Hang:
    """Never answer: hold the request until the server stops, then close the connection, with no
    side effect. A bot killed meanwhile was still waiting for Telegram (an answer in the works)."""


@dataclass(frozen=True)
class ApiError:
    """Any other Telegram error, e.g. ``ApiError(403, "Forbidden: bot was blocked by the user")``."""

    error_code: int
    description: str


Fault = Flood | ServerError | Slow | Drop | Hang | ApiError
DROP: Final = object()  # the answer "close the connection without a word"


@dataclass
class _Injection:
    method: str  # lower case, or "*"
    fault: Fault
    times_left: int
    when: Callable[[JSONDict], bool] | None


class FaultBook:
    """Injected faults, used up in the order they were made, and an outage that fails everything."""

    def __init__(self) -> None:
        self._injections: list[_Injection] = []
        self._outage: Fault | None = None
        self.served: list[tuple[str, Fault]] = []

    def inject(self, method: str, fault: Fault, times: int, when: Callable[[JSONDict], bool] | None) -> None:
        if times < 1:
            raise ValueError("times must be at least 1")
        self._injections.append(_Injection(method.lower(), fault, times, when))

    def outage(self, fault: Fault | None) -> None:
        self._outage = fault

    def clear(self) -> None:
        self._injections.clear()
        self._outage = None

    def take(self, method: str, params: JSONDict) -> Fault | None:
        """The fault this call of ``method`` gets (recorded as served), or None."""
        if self._outage is not None:
            fault = self._outage
        else:
            for entry in self._injections:
                if entry.method in ("*", method.lower()) and (entry.when is None or entry.when(params)):
                    fault = entry.fault
                    entry.times_left -= 1
                    if entry.times_left == 0:
                        self._injections.remove(entry)
                    break
            else:
                return None
        self.served.append((method, fault))
        return fault


def fault_answer(fault: Fault) -> tuple[int, object]:
    """(HTTP status, JSON payload) Telegram would answer with, or (0, DROP) for no answer at all."""
    if isinstance(fault, (Drop, Hang)):
        return 0, DROP
    if isinstance(fault, Flood):
        return 429, {
            "ok": False,
            "error_code": 429,
            "description": f"Too Many Requests: retry after {fault.retry_after}",
            "parameters": {"retry_after": fault.retry_after},
        }
    if isinstance(fault, ServerError):
        try:
            phrase = http.HTTPStatus(fault.status).phrase
        except ValueError:
            phrase = "Server Error"
        return fault.status, {"ok": False, "error_code": fault.status, "description": phrase}
    if isinstance(fault, ApiError):
        return fault.error_code, {"ok": False, "error_code": fault.error_code, "description": fault.description}
    raise TypeError(f"not a fault: {fault!r}")
