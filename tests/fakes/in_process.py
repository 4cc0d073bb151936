"""Answering python-telegram-bot's calls from a FakeBotAPI in-process: no socket, no HTTP.

``InProcessRequest`` is a ``telegram.request.BaseRequest``, the seam python-telegram-bot's own
tests use (their ``OfflineRequest``): each call goes to ``FakeBotAPI.call`` with the form fields
the bot would have sent, and its answer comes back as the JSON body Telegram would send, so the
library decodes results and raises BadRequest, RetryAfter, ... exactly as over the network.

    api = FakeBotAPI()  # not started: no server
    async with Bot(api.token, request=InProcessRequest(api)) as bot: ...
    build_application(settings, searcher, request=InProcessRequest(api))  # the bot's Application
"""

from __future__ import annotations

import asyncio
import json
from urllib.parse import urlsplit

from telegram.error import NetworkError
from telegram.request import BaseRequest, RequestData

from tests.fakes.bot_api import DROP, FakeBotAPI, UploadedFile, decode_fields, route

# Never contacted: a bot fed in-process must not reach for the network if a call slips past.
UNREACHABLE_BASE_URL = "http://bot-api.invalid/bot"


class InProcessRequest(BaseRequest):
    """Hands every Bot API call to ``api`` in a worker thread (a Slow fault or a long poll may
    block there, as in the HTTP server's threads, never the event loop)."""

    def __init__(self, api: FakeBotAPI) -> None:
        self._api = api

    @property
    def read_timeout(self) -> float | None:
        return None

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: object = BaseRequest.DEFAULT_NONE,
        write_timeout: object = BaseRequest.DEFAULT_NONE,
        connect_timeout: object = BaseRequest.DEFAULT_NONE,
        pool_timeout: object = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        routed = route(urlsplit(url).path)
        if routed is None:
            return 404, b'{"ok": false, "error_code": 404, "description": "Not Found"}'
        token, name = routed
        fields = request_data.json_parameters if request_data is not None else {}
        files = _files(request_data) if request_data is not None else {}
        status, payload = await asyncio.to_thread(self._api.call, token, name, decode_fields(fields, files))
        if payload is DROP:
            raise NetworkError("the fake Bot API closed the connection without an answer")
        return status, json.dumps(payload).encode("utf-8")


def _files(request_data: RequestData) -> dict[str, UploadedFile]:
    """The files of a multipart call (python-telegram-bot gives (filename, content, mime type))."""
    files = {}
    for name, (filename, content, mime_type) in request_data.multipart_data.items():
        data = content if isinstance(content, bytes) else content.read()
        files[name] = UploadedFile(str(filename), mime_type, data)
    return files
