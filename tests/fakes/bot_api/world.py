"""What Telegram knows about the people around the bot: users, chats, the messages in them, and
the callback and inline queries still open.

No lock of its own: the FakeBotAPI that owns a World guards it with its condition.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Mapping
from typing import Any

from tests.fakes.bot_api.checks import bad_request
from tests.fakes.bot_api.constants import DEFAULT_GROUP_ID, DEFAULT_SUPERGROUP_ID, DEFAULT_USER_ID, JSONDict


class World:
    """Users, chats and messages; anyone not introduced gets a made-up name on first sight."""

    def __init__(self) -> None:
        self.users: dict[int, JSONDict] = {}
        self.chats: dict[int, JSONDict] = {}
        self.messages: dict[tuple[int, int], JSONDict] = {}
        self.open_queries: set[str] = set()
        self._last_message_id: dict[int, int] = {}

    def add_user(self, user: JSONDict) -> None:
        self.users[user["id"]] = user
        if user["id"] in self.chats:
            self.chats[user["id"]] = _private_chat(user)

    def add_chat(self, chat_id: int, chat_type: str, title: str | None = None, username: str | None = None) -> JSONDict:
        if chat_type not in ("group", "supergroup", "channel") or chat_id >= 0:
            raise ValueError("add_chat is for groups, supergroups and channels, whose ids are negative")
        chat: JSONDict = {"id": chat_id, "type": chat_type, "title": title or f"Test {chat_type} {chat_id}"}
        if username:
            chat["username"] = username
        if chat_type == "supergroup":
            chat["is_forum"] = False
        self.chats[chat_id] = chat
        return dict(chat)

    def user(self, user_id: int) -> JSONDict:
        if user_id not in self.users:
            if user_id == DEFAULT_USER_ID:
                self.users[user_id] = {
                    "id": user_id,
                    "is_bot": False,
                    "first_name": "Ada",
                    "last_name": "Lovelace",
                    "username": "ada_tester",
                    "language_code": "en",
                }
            else:
                self.users[user_id] = {
                    "id": user_id,
                    "is_bot": False,
                    "first_name": f"User{user_id}",
                    "username": f"user{user_id}",
                    "language_code": "en",
                }
        return dict(self.users[user_id])

    def chat(self, chat_id: int, chat_type: str) -> JSONDict:
        if chat_id not in self.chats:
            if chat_type == "private":
                self.chats[chat_id] = _private_chat(self.user(chat_id))
            else:
                self.add_chat(chat_id, chat_type)
        chat = self.chats[chat_id]
        if chat["type"] != chat_type:
            raise ValueError(f"chat {chat_id} is a {chat['type']}, not a {chat_type}")
        return dict(chat)

    def participants(self, chat_id: int | None, user_id: int | None, chat_type: str) -> tuple[JSONDict, JSONDict]:
        """(user, chat) of a message a user writes; ids left out are the defaults."""
        if chat_type == "private":
            if chat_id is not None and user_id is not None and chat_id != user_id:
                raise ValueError("in a private chat the chat id is the user's id")
            uid = user_id if user_id is not None else (chat_id if chat_id is not None else DEFAULT_USER_ID)
            if uid <= 0:
                raise ValueError("user ids are positive")
            return self.user(uid), self.chat(uid, "private")
        if chat_type not in ("group", "supergroup"):
            raise ValueError(f"users write in private, group or supergroup chats, not {chat_type!r}")
        cid = chat_id if chat_id is not None else (DEFAULT_GROUP_ID if chat_type == "group" else DEFAULT_SUPERGROUP_ID)
        if cid >= 0:
            raise ValueError("group and supergroup ids are negative")
        return self.user(user_id if user_id is not None else DEFAULT_USER_ID), self.chat(cid, chat_type)

    def target_chat(self, params: JSONDict) -> JSONDict:
        """The chat a method is aimed at; chats never seen are made up, as a bot may know ids."""
        raw = params.get("chat_id")
        if raw is None or raw == "":
            raise bad_request("chat_id is empty")
        if isinstance(raw, str) and raw.startswith("@"):
            for chat in self.chats.values():
                if chat.get("username", "").lower() == raw[1:].lower():
                    return dict(chat)
            raise bad_request("chat not found")
        try:
            chat_id = int(raw)
        except (TypeError, ValueError):
            raise bad_request("chat not found") from None
        if chat_id in self.chats:
            return dict(self.chats[chat_id])
        if chat_id > 0:
            return self.chat(chat_id, "private")
        return self.chat(chat_id, "supergroup" if str(chat_id).startswith("-100") else "group")

    def new_message(self, chat: JSONDict, content: JSONDict) -> JSONDict:
        """Store a message with the chat's next id; fields that are None or [] are left out."""
        chat_id = chat["id"]
        message_id = self._last_message_id.get(chat_id, 0) + 1
        self._last_message_id[chat_id] = message_id
        message: JSONDict = {"message_id": message_id, "date": int(time.time()), "chat": dict(chat)}
        message.update({key: value for key, value in content.items() if value not in (None, [])})
        self.messages[(chat_id, message_id)] = message
        return copy.deepcopy(message)

    def remember(self, message: JSONDict) -> None:
        """Know a message made elsewhere (a raw update), so later ids follow it."""
        chat_id = message["chat"]["id"]
        self.messages[(chat_id, message["message_id"])] = copy.deepcopy(message)
        self._last_message_id[chat_id] = max(self._last_message_id.get(chat_id, 0), message["message_id"])

    def resolve_message(self, message: Mapping[str, Any]) -> JSONDict:
        """The stored message a Message dict or a ``sent_messages`` entry stands for."""
        chat_id = message["chat"]["id"] if "chat" in message else message["chat_id"]
        stored = self.messages.get((int(chat_id), int(message["message_id"])))
        if stored is None:
            raise ValueError(f"no message {message['message_id']} in chat {chat_id} is known to the fake server")
        return copy.deepcopy(stored)


def reply_copy(message: JSONDict) -> JSONDict:
    """A message as it appears inside ``reply_to_message`` (without its own reply)."""
    return {key: value for key, value in message.items() if key != "reply_to_message"}


def _private_chat(user: JSONDict) -> JSONDict:
    chat = {"id": user["id"], "type": "private", "first_name": user["first_name"]}
    for key in ("last_name", "username"):
        if key in user:
            chat[key] = user[key]
    return chat
