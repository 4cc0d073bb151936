"""The web application Telegram posts updates to (Starlette, as python-telegram-bot's custom
webhook example): ``POST /telegram`` and ``GET /healthz``.

``POST /telegram`` checks the ``X-Telegram-Bot-Api-Secret-Token`` header against
``VERBATIM_WEBHOOK_SECRET`` (constant-time; wrong or missing: 403, and nothing else is read),
reads the update and hands it on (``Intake``) before answering 200: into the shared Redis
stream, or into this process's state file and update queue. Telegram resends an update until
it gets a 2xx, so an update that could not be handed on is answered 503, never 200. A body
that is not an update is answered 400 (resending it would not help).

``GET /healthz`` is for the load balancer: 200 while this replica can take updates, 503 (with
the reason) when it cannot, e.g. Redis is unreachable.
"""

from __future__ import annotations

import hmac
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from bot.settings import WEBHOOK_PATH

logger = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_BODY = 4 * 1024 * 1024  # bytes; Telegram's updates are far smaller
HEALTH_PATH = "/healthz"

# Hands one update (as Telegram sent it) on; raises IntakeUnavailable when it cannot.
Intake = Callable[[dict[str, Any]], Awaitable[None]]
# None when the replica can take updates, otherwise what is wrong.
HealthCheck = Callable[[], Awaitable[str | None]]


class IntakeUnavailable(Exception):
    """The update could not be handed on (e.g. Redis is unreachable); Telegram should resend it."""


def webhook_app(secret: str, intake: Intake, health: HealthCheck) -> Starlette:
    """The Starlette application of one replica."""
    expected = secret.encode("utf-8")

    async def telegram(request: Request) -> Response:
        given = request.headers.get(SECRET_HEADER, "").encode("utf-8", "replace")
        if not hmac.compare_digest(given, expected):
            logger.warning("Refused a webhook request without the right secret from %s", _client(request))
            return PlainTextResponse("Forbidden", status_code=403)
        body = await request.body()
        if len(body) > MAX_BODY:
            return PlainTextResponse("Too large", status_code=413)
        data = _update_of(body)
        if data is None:
            logger.warning("Refused a webhook request that is not a Telegram update (%d bytes)", len(body))
            return PlainTextResponse("Not an update", status_code=400)
        try:
            await intake(data)
        except IntakeUnavailable as error:
            logger.warning("Update %d not taken (Telegram will resend it): %s", data["update_id"], error)
            return PlainTextResponse("Unavailable", status_code=503)
        return Response(status_code=200)

    async def healthz(request: Request) -> Response:
        problem = await health()
        if problem is not None:
            return PlainTextResponse(problem, status_code=503)
        return PlainTextResponse("ok")

    return Starlette(
        routes=[
            Route(WEBHOOK_PATH, telegram, methods=["POST"]),
            Route(HEALTH_PATH, healthz, methods=["GET"]),
        ]
    )


def _update_of(body: bytes) -> dict[str, Any] | None:
    """The update in ``body``: a JSON object with a whole-number ``update_id``, or None."""
    try:
        data = json.loads(body)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    update_id = data.get("update_id")
    if not isinstance(update_id, int) or isinstance(update_id, bool):
        return None
    return data


def _client(request: Request) -> str:
    return request.client.host if request.client is not None else "?"
