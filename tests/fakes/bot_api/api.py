"""FakeBotAPI: one bot's Telegram, served over HTTP on 127.0.0.1 or called in-process.

It owns the state (users and chats, the update queue, the methods' records, the fault book),
guards all of it with one condition, answers each call through the fault book and the methods,
and records what the bot asked for so a test can look or wait.
"""

from __future__ import annotations

import asyncio
import copy
import socket
import threading
from collections.abc import Callable
from contextlib import suppress
from types import TracebackType

from tests.fakes.bot_api.checks import ApiFailure
from tests.fakes.bot_api.constants import BOT_USERNAME, DEFAULT_TOKEN, JSONDict
from tests.fakes.bot_api.faults import Fault, FaultBook, Hang, Slow, fault_answer
from tests.fakes.bot_api.methods import BotMethods, commands_key
from tests.fakes.bot_api.server import Server
from tests.fakes.bot_api.updates import UpdateQueue
from tests.fakes.bot_api.users import PlayingUsers
from tests.fakes.bot_api.world import World

_NOT_FOUND = {"ok": False, "error_code": 404, "description": "Not Found"}


class FakeBotAPI(PlayingUsers):
    """A Telegram Bot API server on 127.0.0.1 for one bot token. Thread-safe throughout.

    ``requests`` lists every call (faulted ones included) as ``(method, params)`` in the order
    they were answered; a getUpdates long poll is recorded when it returns. The methods a test
    uses to play users (``send_text``, ``send_callback_query``, ...) come from PlayingUsers.
    """

    def __init__(
        self, token: str = DEFAULT_TOKEN, *, bot_username: str = BOT_USERNAME, strict_html_entities: bool = True
    ) -> None:
        if ":" not in token:
            raise ValueError(f"{token!r} does not look like a bot token (digits:letters)")
        self._token = token
        self._bot_user: JSONDict = {
            "id": int(token.split(":", 1)[0]) if token.split(":", 1)[0].isdigit() else 123456,
            "is_bot": True,
            "first_name": "Verbatim Test",
            "username": bot_username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }
        self._cond = threading.Condition(threading.RLock())
        self._stop_event = threading.Event()
        self._httpd: Server | None = None
        self._thread: threading.Thread | None = None
        self._connections: set[socket.socket] = set()
        # Everything below is guarded by self._cond.
        self._world = World()
        self._updates = UpdateQueue()
        self._faults = FaultBook()
        self._requests: list[tuple[str, JSONDict]] = []
        self._unknown: list[str] = []
        self._internal_errors: list[str] = []
        self._methods = BotMethods(
            self._cond, self._stop_event, self._world, self._updates, self._bot_user, strict_html=strict_html_entities
        )
        self._table = self._methods.table()
        self._by_lower_name = {name.lower(): name for name in self._table}

    # -- lifecycle -----------------------------------------------------------------------------

    def start(self) -> FakeBotAPI:
        """Bind a free port on 127.0.0.1 and serve in a daemon thread."""
        if self._httpd is not None:
            raise RuntimeError("this FakeBotAPI was already started; make a new one")
        self._httpd = Server(self)
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, name="FakeBotAPI", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving: pending long polls and slow answers end at once. Idempotent."""
        with self._cond:
            if self._httpd is None or self._stop_event.is_set():
                return
            self._stop_event.set()
            self._cond.notify_all()
        self._httpd.shutdown()
        self._httpd.server_close()
        with self._cond:
            connections = list(self._connections)
        for connection in connections:  # wake handlers idling on keep-alive connections
            with suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
        with self._cond:
            self._cond.wait_for(lambda: not self._connections, timeout=2.0)
        assert self._thread is not None
        self._thread.join(timeout=2.0)

    def __enter__(self) -> FakeBotAPI:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    @property
    def token(self) -> str:
        return self._token

    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("the server is not started")
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        """What to give python-telegram-bot as ``base_url``; it appends the token and method."""
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def bot_user(self) -> JSONDict:
        """What getMe answers."""
        return dict(self._bot_user)

    # -- what the bot did ----------------------------------------------------------------------

    @property
    def requests(self) -> list[tuple[str, JSONDict]]:
        with self._cond:
            return copy.deepcopy(self._requests)

    @property
    def sent_messages(self) -> list[JSONDict]:
        """Each successful sendMessage: its params plus ``message_id`` and the ``message`` returned."""
        with self._cond:
            return copy.deepcopy(self._methods.sent)

    @property
    def unknown_methods(self) -> list[str]:
        with self._cond:
            return list(self._unknown)

    @property
    def faults_served(self) -> list[tuple[str, Fault]]:
        with self._cond:
            return list(self._faults.served)

    @property
    def internal_errors(self) -> list[str]:
        """Bugs in this fake (answered with HTTP 500); a test may assert this stays empty."""
        with self._cond:
            return list(self._internal_errors)

    @property
    def updates(self) -> list[JSONDict]:
        """Every update ever queued, confirmed or not, oldest first."""
        with self._cond:
            return copy.deepcopy(self._updates.history)

    @property
    def next_update_id(self) -> int:
        """The update_id the next queued update will get (ids go up by one per update)."""
        with self._cond:
            return self._updates.next_update_id

    @property
    def pending_updates(self) -> list[JSONDict]:
        """Updates queued but not yet confirmed by a getUpdates offset."""
        with self._cond:
            return copy.deepcopy(self._updates.pending)

    def take_updates(self) -> list[JSONDict]:
        """Hand over every pending update and forget it, as a getUpdates with the next offset
        would: how a bot fed in-process (no polling) receives what the users did."""
        with self._cond:
            taken = copy.deepcopy(self._updates.pending)
            if taken:
                self._updates.confirm(taken[-1]["update_id"] + 1)
            return taken

    def calls(self, method: str) -> list[JSONDict]:
        """The params of every call of ``method`` so far."""
        with self._cond:
            return [copy.deepcopy(params) for name, params in self._requests if name == method]

    def get_message(self, chat_id: int, message_id: int) -> JSONDict | None:
        """A message as it is now (after edits), whoever sent it."""
        with self._cond:
            message = self._world.messages.get((int(chat_id), int(message_id)))
            return copy.deepcopy(message) if message is not None else None

    @property
    def webhook(self) -> JSONDict:
        """What setWebhook registered (url, secret_token, allowed_updates); empty when none is set."""
        with self._cond:
            return copy.deepcopy(self._methods.webhook)

    def commands(self, scope: JSONDict | None = None, language_code: str = "") -> list[JSONDict]:
        """The bot's command list for a scope, as setMyCommands left it."""
        with self._cond:
            return copy.deepcopy(self._methods.commands.get(commands_key(scope, language_code), []))

    def wait_for_messages(self, chat_id: int | None = None, count: int = 1, timeout: float = 10) -> list[JSONDict]:
        """Block until ``count`` messages were sent (to ``chat_id``, or anywhere); return them all.

        Returns every matching sent message so far (at least ``count``). Raises AssertionError
        listing what was sent if that does not happen within ``timeout`` seconds.
        """

        def matching() -> list[JSONDict]:
            return [m for m in self._methods.sent if chat_id is None or m["chat_id"] == chat_id]

        with self._cond:
            if self._cond.wait_for(lambda: len(matching()) >= count or self._stop_event.is_set(), timeout):
                if len(matching()) >= count:
                    return copy.deepcopy(matching())
            where = "in total" if chat_id is None else f"to chat {chat_id}"
            sent = [(m["chat_id"], m.get("text")) for m in self._methods.sent]
            raise AssertionError(
                f"expected {count} message(s) sent {where} within {timeout}s, "
                f"got {len(matching())}; all sent (chat_id, text): {sent}"
            )

    def wait_for_request(self, method: str, count: int = 1, timeout: float = 10) -> list[JSONDict]:
        """Block until ``method`` was called ``count`` times; return the params of every call."""
        with self._cond:

            def calls() -> list[JSONDict]:
                return [params for name, params in self._requests if name == method]

            if self._cond.wait_for(lambda: len(calls()) >= count or self._stop_event.is_set(), timeout):
                if len(calls()) >= count:
                    return copy.deepcopy(calls())
            seen = [name for name, _ in self._requests]
            raise AssertionError(
                f"expected {count} call(s) of {method} within {timeout}s, got {len(calls())}; calls so far: {seen}"
            )

    async def wait_for_messages_async(
        self, chat_id: int | None = None, count: int = 1, timeout: float = 10
    ) -> list[JSONDict]:
        """wait_for_messages for a test whose bot runs in the same event loop (does not block it)."""
        return await asyncio.to_thread(self.wait_for_messages, chat_id, count, timeout)

    async def wait_for_request_async(self, method: str, count: int = 1, timeout: float = 10) -> list[JSONDict]:
        """wait_for_request without blocking the event loop."""
        return await asyncio.to_thread(self.wait_for_request, method, count, timeout)

    # -- faults --------------------------------------------------------------------------------

    def inject(
        self, method: str, fault: Fault, times: int = 1, *, when: Callable[[JSONDict], bool] | None = None
    ) -> None:
        """Answer the next ``times`` calls of ``method`` (``"*"``: any method) with ``fault``.

        Injections are used up in the order they were made. A faulted call has no side effect,
        except under Slow, which answers normally after its delay. With ``when``, only calls
        whose decoded params satisfy it take this fault (e.g. a getUpdates whose ``offset``
        would confirm a given update); other calls pass it by.
        """
        with self._cond:
            self._faults.inject(method, fault, times, when)

    def on_confirm(self, callback: Callable[[list[int]], None]) -> None:
        """Call ``callback(update_ids)`` whenever a getUpdates call confirms updates, at the very
        moment Telegram forgets them (in the server's thread, before that call answers)."""
        with self._cond:
            self._updates.confirm_hooks.append(callback)

    def outage(self, fault: Fault) -> None:
        """Answer every request with ``fault`` until end_outage()."""
        with self._cond:
            self._faults.outage(fault)

    def end_outage(self) -> None:
        with self._cond:
            self._faults.outage(None)

    def clear_faults(self) -> None:
        """Forget injected faults not yet served, and end any outage."""
        with self._cond:
            self._faults.clear()

    # -- answering a call ----------------------------------------------------------------------

    def call(self, token: str, method: str, params: JSONDict) -> tuple[int, object]:
        """Answer one Bot API call: (HTTP status, JSON payload), or (0, DROP) for no answer.

        The HTTP server and the in-process request both come here; method names are
        case-insensitive, as on Telegram.
        """
        if token != self._token:
            return 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
        name = self._by_lower_name.get(method.lower(), method)
        with self._cond:
            fault = self._faults.take(name, params)
        if isinstance(fault, Slow):
            self._stop_event.wait(fault.seconds)
        elif fault is not None:
            if isinstance(fault, Hang):
                self._stop_event.wait()
            self._record(name, params)
            return fault_answer(fault)
        implementation = self._table.get(name)
        if implementation is None:
            with self._cond:
                self._unknown.append(name)
            self._record(name, params)
            return 404, dict(_NOT_FOUND)
        try:
            result = implementation(params)
        except ApiFailure as failure:
            answer: JSONDict = {"ok": False, "error_code": failure.error_code, "description": failure.description}
            if failure.parameters:
                answer["parameters"] = failure.parameters
            self._record(name, params)
            return failure.error_code, answer
        except Exception as error:  # a bug in this fake: make it loud, never hang the client
            self.note_internal_error(f"{name}: {error!r}")
            self._record(name, params)
            return 500, {"ok": False, "error_code": 500, "description": f"Internal Server Error: fake bug: {error!r}"}
        self._record(name, params)
        return 200, {"ok": True, "result": result}

    def _record(self, method: str, params: JSONDict) -> None:
        with self._cond:
            self._requests.append((method, params))
            self._cond.notify_all()

    def note_internal_error(self, error: str) -> None:
        with self._cond:
            self._internal_errors.append(error)

    def connection_opened(self, connection: socket.socket) -> None:
        with self._cond:
            self._connections.add(connection)

    def connection_closed(self, connection: socket.socket) -> None:
        with self._cond:
            self._connections.discard(connection)
            self._cond.notify_all()
