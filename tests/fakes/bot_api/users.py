"""Playing the people who write to the bot: messages, stickers, photos, edits, channel posts,
button presses and inline queries, each queued as the update Telegram would deliver."""

from __future__ import annotations

import copy
import threading
import time

from tests.fakes.bot_api.constants import DEFAULT_CHANNEL_ID, DEFAULT_USER_ID, JSONDict
from tests.fakes.bot_api.updates import UpdateQueue
from tests.fakes.bot_api.user_entities import user_entities
from tests.fakes.bot_api.world import World, reply_copy


class PlayingUsers:
    """The user side of FakeBotAPI, over the state it owns (guarded by ``_cond``)."""

    _cond: threading.Condition
    _world: World
    _updates: UpdateQueue

    def add_user(
        self, user_id: int, first_name: str, username: str | None = None, language_code: str = "en"
    ) -> JSONDict:
        """Give a user a name; users not added get one made up from their id."""
        user: JSONDict = {"id": user_id, "is_bot": False, "first_name": first_name, "language_code": language_code}
        if username:
            user["username"] = username
        with self._cond:
            self._world.add_user(user)
        return dict(user)

    def add_chat(self, chat_id: int, chat_type: str, title: str | None = None, username: str | None = None) -> JSONDict:
        """Name a group, supergroup or channel; chats not added get a made-up title."""
        with self._cond:
            return self._world.add_chat(chat_id, chat_type, title, username)

    def send_text(
        self,
        text: str,
        chat_id: int | None = None,
        user_id: int | None = None,
        chat_type: str = "private",
        reply_to_message: JSONDict | None = None,
        entities: list[JSONDict] | None = None,
    ) -> int:
        """A user writes ``text`` to the bot; returns the update_id.

        In a private chat the chat id is the user's id (give either). Commands, @mentions and
        links get entities like Telegram's clients add, unless ``entities`` is given.
        """
        content = {"text": text, "entities": user_entities(text) if entities is None else entities}
        return self._user_message("message", chat_id, user_id, chat_type, content, reply_to_message)

    def send_sticker(
        self, chat_id: int | None = None, user_id: int | None = None, chat_type: str = "private", emoji: str = "👍"
    ) -> int:
        """The user sends a sticker: a message without text."""
        sticker = {
            "file_id": "CAACAgIAAxkBAAFAKEsticker",
            "file_unique_id": "AgADfakesticker",
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
            "set_name": "FakeStickers",
            "file_size": 20480,
        }
        return self._user_message("message", chat_id, user_id, chat_type, {"sticker": sticker}, None)

    def send_photo(
        self,
        caption: str | None = None,
        chat_id: int | None = None,
        user_id: int | None = None,
        chat_type: str = "private",
    ) -> int:
        """The user sends a photo, with an optional caption (which is not ``text``)."""
        sizes = [
            {
                "file_id": f"AgACAgIAAxkBAAFAKEphoto{w}",
                "file_unique_id": f"AQADfakephoto{w}",
                "width": w,
                "height": w * 3 // 4,
                "file_size": w * 40,
            }
            for w in (90, 320, 800)
        ]
        content: JSONDict = {"photo": sizes}
        if caption is not None:
            content["caption"] = caption
            content["caption_entities"] = user_entities(caption)
        return self._user_message("message", chat_id, user_id, chat_type, content, None)

    def send_edited_text(
        self,
        text: str,
        message_id: int | None = None,
        chat_id: int | None = None,
        user_id: int | None = None,
        chat_type: str = "private",
    ) -> int:
        """The user edits one of their messages (by default their latest in that chat)."""
        with self._cond:
            user, chat = self._world.participants(chat_id, user_id, chat_type)
            own = [
                m
                for (cid, _), m in self._world.messages.items()
                if cid == chat["id"]
                and m.get("from", {}).get("id") == user["id"]
                and (message_id is None or m["message_id"] == message_id)
            ]
            if not own:
                raise ValueError(f"user {user['id']} has no message {message_id or ''} in chat {chat['id']} to edit")
            message = copy.deepcopy(max(own, key=lambda m: m["message_id"]))
            message.update(text=text, entities=user_entities(text), edit_date=int(time.time()))
            if not message["entities"]:
                del message["entities"]
            self._world.messages[(chat["id"], message["message_id"])] = message
            return self._enqueue({"edited_message": copy.deepcopy(message)})

    def send_channel_post(self, text: str, chat_id: int = DEFAULT_CHANNEL_ID) -> int:
        """A post in a channel the bot administers (no sender user, a sender_chat)."""
        with self._cond:
            chat = self._world.chat(chat_id, "channel")
            message = self._world.new_message(
                chat, {"sender_chat": dict(chat), "text": text, "entities": user_entities(text)}
            )
            return self._enqueue({"channel_post": copy.deepcopy(message)})

    def send_callback_query(self, data: str, message: JSONDict, user_id: int | None = None) -> int:
        """The user presses an inline button with ``data`` under ``message``.

        ``message`` is a message the bot sent: an entry of ``sent_messages`` or a Message dict.
        The query's id is ``"cbq-<update_id>"``.
        """
        with self._cond:
            current = self._world.resolve_message(message)
            chat = current["chat"]
            user = self._world.user(
                user_id if user_id is not None else (chat["id"] if chat["type"] == "private" else DEFAULT_USER_ID)
            )
            update_id = self._updates.next_update_id
            query_id = f"cbq-{update_id}"
            self._world.open_queries.add(query_id)
            query = {
                "id": query_id,
                "from": user,
                "message": copy.deepcopy(current),
                "chat_instance": str(abs(chat["id"]) * 7919),
                "data": data,
            }
            return self._enqueue({"callback_query": query})

    def send_inline_query(self, query: str, user_id: int = DEFAULT_USER_ID, offset: str = "") -> int:
        """The user types ``@bot query`` in some chat; the query's id is ``"iq-<update_id>"``."""
        with self._cond:
            query_id = f"iq-{self._updates.next_update_id}"
            self._world.open_queries.add(query_id)
            inline = {
                "id": query_id,
                "from": self._world.user(user_id),
                "query": query,
                "offset": offset,
                "chat_type": "sender",
            }
            return self._enqueue({"inline_query": inline})

    def send_update(self, raw: JSONDict) -> int:
        """Queue any update; its update_id is assigned here. Messages in it become known."""
        with self._cond:
            update = {key: copy.deepcopy(value) for key, value in raw.items() if key != "update_id"}
            for kind, value in update.items():
                if kind in ("callback_query", "inline_query") and isinstance(value, dict) and "id" in value:
                    self._world.open_queries.add(str(value["id"]))
                if isinstance(value, dict) and "message_id" in value and isinstance(value.get("chat"), dict):
                    self._world.remember(value)
            return self._enqueue(update)

    def _user_message(
        self,
        kind: str,
        chat_id: int | None,
        user_id: int | None,
        chat_type: str,
        content: JSONDict,
        reply_to: JSONDict | None,
    ) -> int:
        with self._cond:
            user, chat = self._world.participants(chat_id, user_id, chat_type)
            fields: JSONDict = {"from": user, **content}
            if reply_to is not None:
                fields["reply_to_message"] = reply_copy(self._world.resolve_message(reply_to))
            message = self._world.new_message(chat, fields)
            return self._enqueue({kind: message})

    def _enqueue(self, update: JSONDict) -> int:
        with self._cond:
            update_id = self._updates.enqueue(update)
            self._cond.notify_all()
            return update_id
