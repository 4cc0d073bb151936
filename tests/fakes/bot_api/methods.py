"""The Bot API methods the fake answers, each checking its parameters and answering as Telegram
does: getMe, getUpdates (long polling), sending, editing, callback and inline answers, chat
actions and the command menu."""

from __future__ import annotations

import copy
import json
import re
import threading
import time
from collections.abc import Callable
from typing import Any

from tests.fakes.bot_api.checks import (
    ApiFailure,
    bad_request,
    check_reply_markup,
    formatted_text,
    int_param,
    reply_parameters,
)
from tests.fakes.bot_api.constants import (
    CHAT_ACTIONS,
    CONFLICT,
    MAX_INLINE_RESULTS,
    NOT_MODIFIED,
    QUERY_TOO_OLD,
    JSONDict,
)
from tests.fakes.bot_api.updates import UpdateQueue
from tests.fakes.bot_api.world import World, reply_copy

Method = Callable[[JSONDict], Any]


class BotMethods:
    """The methods of one bot, over the state its FakeBotAPI owns and guards with ``cond``.

    ``sent`` lists each successful sendMessage (its params plus ``message_id`` and ``message``).
    """

    def __init__(
        self,
        cond: threading.Condition,
        stopped: threading.Event,
        world: World,
        updates: UpdateQueue,
        bot_user: JSONDict,
        *,
        strict_html: bool,
    ) -> None:
        self._cond = cond
        self._stopped = stopped
        self._world = world
        self._updates = updates
        self._bot_user = bot_user
        self._strict_html = strict_html
        self._poll_generation = 0
        self.sent: list[JSONDict] = []
        self.commands: dict[str, list[JSONDict]] = {}
        self.webhook: JSONDict = {}  # what setWebhook registered: url, secret_token, allowed_updates

    def table(self) -> dict[str, Method]:
        """Method name (as Telegram spells it) -> implementation."""
        return {
            "getMe": lambda params: dict(self._bot_user),
            "logOut": lambda params: True,
            "close": lambda params: True,
            "setWebhook": self._set_webhook,
            "deleteWebhook": self._delete_webhook,
            "getWebhookInfo": self._get_webhook_info,
            "getUpdates": self._get_updates,
            "sendMessage": self._send_message,
            "editMessageText": self._edit_message_text,
            "editMessageReplyMarkup": self._edit_message_reply_markup,
            "answerCallbackQuery": self._answer_callback_query,
            "answerInlineQuery": self._answer_inline_query,
            "sendChatAction": self._send_chat_action,
            "setMyCommands": self._set_my_commands,
            "getMyCommands": self._get_my_commands,
            "deleteMyCommands": self._delete_my_commands,
        }

    def bot_sender(self) -> JSONDict:
        # A message's "from" carries only the plain User fields, not getMe's extras.
        return {key: self._bot_user[key] for key in ("id", "is_bot", "first_name", "username")}

    def _formatted(self, params: JSONDict, text_key: str = "text") -> tuple[str, list[JSONDict]]:
        return formatted_text(params, strict_html=self._strict_html, text_key=text_key)

    # -- updates -------------------------------------------------------------------------------

    def _set_webhook(self, params: JSONDict) -> bool:
        url = str(params.get("url") or "")
        if url and not url.startswith("https://"):
            raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        secret = params.get("secret_token")
        if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", str(secret)):
            raise bad_request("bad webhook: secret token contains unallowed characters")
        with self._cond:
            self.webhook = {k: params[k] for k in ("url", "secret_token", "allowed_updates") if k in params}
            if not url:
                self.webhook = {}
        return True

    def _delete_webhook(self, params: JSONDict) -> bool:
        with self._cond:
            self.webhook = {}
            if params.get("drop_pending_updates"):
                self._updates.pending.clear()
        return True

    def _get_webhook_info(self, params: JSONDict) -> JSONDict:
        with self._cond:
            return {
                "url": self.webhook.get("url", ""),
                "has_custom_certificate": False,
                "pending_update_count": len(self._updates.pending),
            }

    def _get_updates(self, params: JSONDict) -> list[JSONDict]:
        offset = int_param(params, "offset", 0)
        limit = min(max(int_param(params, "limit", 100), 1), 100)
        timeout = max(float(params.get("timeout") or 0), 0.0)
        allowed = params.get("allowed_updates")
        deadline = time.monotonic() + timeout
        with self._cond:
            if isinstance(allowed, list):
                self._updates.allow(allowed)
            self._updates.confirm(offset)
            # A newer getUpdates ends an older one still waiting, as Telegram does.
            self._poll_generation += 1
            mine = self._poll_generation
            self._cond.notify_all()
            while True:
                if mine != self._poll_generation:
                    raise ApiFailure(409, CONFLICT)
                batch = self._updates.deliverable(limit)
                remaining = deadline - time.monotonic()
                if batch or self._stopped.is_set() or remaining <= 0:
                    return batch
                self._cond.wait(remaining)

    # -- messages ------------------------------------------------------------------------------

    def _send_message(self, params: JSONDict) -> JSONDict:
        with self._cond:
            chat = self._world.target_chat(params)
        text, entities = self._formatted(params)
        markup = check_reply_markup(params.get("reply_markup"))
        with self._cond:
            fields: JSONDict = {"from": self.bot_sender(), "text": text, "entities": entities}
            reply = reply_parameters(params)
            if reply is not None:
                reply_chat = int(reply.get("chat_id", chat["id"]))
                replied = self._world.messages.get((reply_chat, int(reply["message_id"])))
                if replied is not None:
                    fields["reply_to_message"] = reply_copy(copy.deepcopy(replied))
                elif not reply.get("allow_sending_without_reply"):
                    raise bad_request("message to be replied not found")
            if markup is not None and "inline_keyboard" in markup:  # Telegram echoes only inline keyboards
                fields["reply_markup"] = markup
            message = self._world.new_message(chat, fields)
            record = {**params, "chat_id": chat["id"], "message_id": message["message_id"], "message": message}
            self.sent.append(copy.deepcopy(record))
            self._cond.notify_all()
            return message

    def _editable(self, params: JSONDict) -> tuple[tuple[int, int] | None, JSONDict | None]:
        if params.get("inline_message_id"):
            return None, None
        if params.get("message_id") in (None, ""):
            raise bad_request("message identifier is not specified")
        chat = self._world.target_chat(params)
        key = (chat["id"], int_param(params, "message_id", 0))
        message = self._world.messages.get(key)
        if message is None:
            raise bad_request("message to edit not found")
        if message.get("from", {}).get("id") != self._bot_user["id"]:
            raise bad_request("message can't be edited")
        return key, message

    def _edit_message_text(self, params: JSONDict) -> JSONDict | bool:
        text, entities = self._formatted(params)
        markup = check_reply_markup(params.get("reply_markup"))
        with self._cond:
            key, message = self._editable(params)
            if key is None or message is None:
                return True
            edited = {k: v for k, v in message.items() if k not in ("entities", "reply_markup")}
            edited["text"] = text
            if entities:
                edited["entities"] = entities
            if markup is not None and "inline_keyboard" in markup:
                edited["reply_markup"] = markup  # without one, the inline keyboard goes away
            return self._store_edit(key, message, edited)

    def _edit_message_reply_markup(self, params: JSONDict) -> JSONDict | bool:
        markup = check_reply_markup(params.get("reply_markup"))
        with self._cond:
            key, message = self._editable(params)
            if key is None or message is None:
                return True
            edited = {k: v for k, v in message.items() if k != "reply_markup"}
            if markup is not None and "inline_keyboard" in markup and markup["inline_keyboard"]:
                edited["reply_markup"] = markup
            return self._store_edit(key, message, edited)

    def _store_edit(self, key: tuple[int, int], before: JSONDict, after: JSONDict) -> JSONDict:
        def content(m: JSONDict) -> tuple[Any, ...]:
            return (m.get("text"), m.get("entities", []), m.get("reply_markup"))

        if content(before) == content(after):
            raise bad_request(NOT_MODIFIED.removeprefix("Bad Request: "))
        after["edit_date"] = int(time.time())
        self._world.messages[key] = after
        return copy.deepcopy(after)

    # -- queries -------------------------------------------------------------------------------

    def _answer_callback_query(self, params: JSONDict) -> bool:
        query_id = params.get("callback_query_id")
        with self._cond:
            if not query_id or str(query_id) not in self._world.open_queries:
                raise ApiFailure(400, QUERY_TOO_OLD)
        return True

    def _answer_inline_query(self, params: JSONDict) -> bool:
        query_id = params.get("inline_query_id")
        with self._cond:
            if not query_id or str(query_id) not in self._world.open_queries:
                raise ApiFailure(400, QUERY_TOO_OLD)
        results = params.get("results")
        if not isinstance(results, list):
            raise bad_request("can't parse inline query results JSON object")
        if len(results) > MAX_INLINE_RESULTS:
            raise bad_request("RESULTS_TOO_MUCH")
        seen: set[str] = set()
        for result in results:
            result_id = str(result.get("id", "")) if isinstance(result, dict) else ""
            if not result_id or len(result_id.encode("utf-8")) > 64:
                raise bad_request("RESULT_ID_INVALID")
            if result_id in seen:
                raise bad_request("RESULT_ID_DUPLICATE")
            seen.add(result_id)
            content = result.get("input_message_content")
            if isinstance(content, dict) and "message_text" in content:
                try:
                    self._formatted(content, "message_text")
                except ApiFailure as failure:
                    if failure.description == "Bad Request: message text is empty":
                        raise bad_request("MESSAGE_EMPTY") from None
                    if failure.description == "Bad Request: message is too long":
                        raise bad_request("MESSAGE_TOO_LONG") from None
                    raise
            check_reply_markup(result.get("reply_markup"))
        return True

    # -- chat actions and commands ---------------------------------------------------------------

    def _send_chat_action(self, params: JSONDict) -> bool:
        with self._cond:
            self._world.target_chat(params)
        if params.get("action") not in CHAT_ACTIONS:
            raise bad_request("wrong parameter action in request")
        return True

    def _set_my_commands(self, params: JSONDict) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise bad_request("can't parse commands JSON object")
        if len(commands) > 100:
            raise bad_request("too many commands specified")
        for command in commands:
            name = command.get("command", "") if isinstance(command, dict) else ""
            if not re.fullmatch(r"[a-z0-9_]{1,32}", str(name).lstrip("/")):
                raise bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description", "")).strip()) <= 256:
                raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        with self._cond:
            self.commands[commands_key(params.get("scope"), params.get("language_code") or "")] = [
                {"command": str(c["command"]).lstrip("/"), "description": c["description"]} for c in commands
            ]
        return True

    def _get_my_commands(self, params: JSONDict) -> list[JSONDict]:
        with self._cond:
            return copy.deepcopy(
                self.commands.get(commands_key(params.get("scope"), params.get("language_code") or ""), [])
            )

    def _delete_my_commands(self, params: JSONDict) -> bool:
        with self._cond:
            self.commands.pop(commands_key(params.get("scope"), params.get("language_code") or ""), None)
        return True


def commands_key(scope: Any, language_code: str) -> str:
    """Where a command list is kept: per scope and language, as Telegram keeps them."""
    scope = scope if isinstance(scope, dict) else {"type": "default"}
    return json.dumps([scope, language_code], sort_keys=True)
