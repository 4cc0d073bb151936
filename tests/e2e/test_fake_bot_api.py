"""The fake Telegram Bot API behaves like Telegram for python-telegram-bot and for raw HTTP."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import httpx
import pytest
import telegram
from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import (
    BadRequest,
    Conflict,
    EndPointNotFound,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TimedOut,
)

from tests.fakes.bot_api import (
    BOT_USERNAME,
    DEFAULT_GROUP_ID,
    DEFAULT_USER_ID,
    ApiError,
    Drop,
    FakeBotAPI,
    Flood,
    ServerError,
    Slow,
)

T = TypeVar("T")


def with_bot(server: FakeBotAPI, scenario: Callable[[telegram.Bot], Awaitable[T]], token: str | None = None) -> T:
    """Run ``scenario`` with a real, initialised telegram.Bot pointed at ``server``."""

    async def run() -> T:
        async with telegram.Bot(token or server.token, base_url=server.base_url) as bot:
            return await scenario(bot)

    return asyncio.run(run())


def method_url(server: FakeBotAPI, method: str, token: str | None = None) -> str:
    return f"{server.base_url}{token or server.token}/{method}"


# --- identity and tokens ---------------------------------------------------------------------------


def test_get_me_describes_the_test_bot(bot_api: FakeBotAPI) -> None:
    me = with_bot(bot_api, lambda bot: bot.get_me())
    assert me.is_bot and me.username == BOT_USERNAME
    assert me.can_join_groups and me.supports_inline_queries
    assert me.id == 123456  # the digits of the token, as with Telegram


def test_a_wrong_token_is_unauthorized(bot_api: FakeBotAPI) -> None:
    with pytest.raises(InvalidToken):
        with_bot(bot_api, lambda bot: bot.get_me(), token="654321:not-the-token")
    answer = httpx.post(method_url(bot_api, "getMe", token="654321:not-the-token"))
    assert answer.status_code == 401
    assert answer.json() == {"ok": False, "error_code": 401, "description": "Unauthorized"}
    assert bot_api.requests == []


def test_an_unknown_method_is_404_and_recorded(bot_api: FakeBotAPI) -> None:
    with pytest.raises(EndPointNotFound):
        with_bot(bot_api, lambda bot: bot.do_api_request("frobnicate"))
    answer = httpx.post(method_url(bot_api, "sendDice"), data={"chat_id": "1"})
    assert answer.status_code == 404
    assert answer.json() == {"ok": False, "error_code": 404, "description": "Not Found"}
    assert bot_api.unknown_methods == ["frobnicate", "sendDice"]


# --- sendMessage validation -------------------------------------------------------------------------


def test_send_message_returns_a_message_from_the_bot(bot_api: FakeBotAPI) -> None:
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("More", callback_data="more:1")]])

    async def scenario(bot: telegram.Bot) -> tuple[telegram.Message, telegram.Message]:
        first = await bot.send_message(
            chat_id=777, text="<b>Bold</b> &amp; <i>it</i>", parse_mode="HTML", reply_markup=keyboard
        )
        second = await bot.send_message(chat_id=777, text="  plain  ")
        return first, second

    first, second = with_bot(bot_api, scenario)
    assert (first.message_id, second.message_id) == (1, 2)
    assert first.text == "Bold & it" and second.text == "plain"
    assert [(e.type, e.offset, e.length) for e in first.entities] == [("bold", 0, 4), ("italic", 7, 2)]
    assert first.from_user.username == BOT_USERNAME and first.chat.id == 777
    assert first.reply_markup == keyboard
    sent = bot_api.sent_messages
    assert [m["message_id"] for m in sent] == [1, 2]
    assert sent[0]["chat_id"] == 777 and sent[0]["parse_mode"] == "HTML"
    assert sent[0]["text"] == "<b>Bold</b> &amp; <i>it</i>"  # the raw params are kept
    assert sent[0]["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "more:1"


def test_send_message_refuses_invalid_html_as_telegram_does(bot_api: FakeBotAPI) -> None:
    # Every message of the parser: tests/unit/test_fake_telegram_html.py.
    with pytest.raises(BadRequest, match="(?i)parse entities") as raised:
        with_bot(bot_api, lambda bot: bot.send_message(chat_id=1, text="<b>x</i>", parse_mode="HTML"))
    assert 'expected "</b>", found "</i>"' in str(raised.value)
    assert bot_api.sent_messages == []
    assert bot_api.calls("sendMessage")[0]["text"] == "<b>x</i>"


def test_the_length_limit_counts_visible_utf16_units(bot_api: FakeBotAPI) -> None:
    async def scenario(bot: telegram.Bot) -> list[str]:
        outcomes = []
        for text in (
            "<b>" + "x" * 4095 + "</b>&amp;",  # 4096 visible characters, many more sent
            "x" * 4097,
            "😀" * 2048,  # 4096 UTF-16 units
            "😀" * 2048 + "x",
        ):
            try:
                await bot.send_message(chat_id=1, text=text, parse_mode="HTML")
                outcomes.append("sent")
            except BadRequest as error:
                outcomes.append(str(error))
        return outcomes

    assert with_bot(bot_api, scenario) == ["sent", "Message is too long", "sent", "Message is too long"]


@pytest.mark.parametrize(("text", "parse_mode"), [("", None), ("  \n ", None), ("<b> </b>", "HTML")])
def test_empty_text_is_rejected(bot_api: FakeBotAPI, text: str, parse_mode: str | None) -> None:
    with pytest.raises(BadRequest, match="(?i)text is empty"):
        with_bot(bot_api, lambda bot: bot.send_message(chat_id=1, text=text, parse_mode=parse_mode))


def test_missing_chat_and_bad_keyboards_are_rejected(bot_api: FakeBotAPI) -> None:
    no_chat = httpx.post(method_url(bot_api, "sendMessage"), data={"text": "hi"})
    assert (no_chat.status_code, no_chat.json()["description"]) == (400, "Bad Request: chat_id is empty")
    too_long = InlineKeyboardMarkup([[InlineKeyboardButton("x", callback_data="d" * 65)]])
    with pytest.raises(BadRequest, match="(?i)button_data_invalid"):
        with_bot(bot_api, lambda bot: bot.send_message(chat_id=1, text="hi", reply_markup=too_long))


# --- editing, callback and inline queries -------------------------------------------------------------


def test_callback_query_round_trip_and_edits(bot_api: FakeBotAPI) -> None:
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Next", callback_data="next")]])

    async def scenario(bot: telegram.Bot) -> None:
        message = await bot.send_message(chat_id=DEFAULT_USER_ID, text="Page 1", reply_markup=keyboard)
        bot_api.send_callback_query("next", bot_api.sent_messages[0])
        (update,) = await bot.get_updates(timeout=1)
        query = update.callback_query
        assert query.data == "next" and query.message.message_id == message.message_id
        assert query.from_user.id == DEFAULT_USER_ID
        assert await bot.answer_callback_query(query.id, text="ok")
        with pytest.raises(BadRequest, match="(?i)query is too old"):
            await bot.answer_callback_query("not-a-query")

        edited = await bot.edit_message_text(
            "Page 2", chat_id=DEFAULT_USER_ID, message_id=message.message_id, reply_markup=keyboard
        )
        assert edited.text == "Page 2" and edited.edit_date is not None and edited.reply_markup == keyboard
        with pytest.raises(BadRequest, match="(?i)not modified"):
            await bot.edit_message_text(
                "Page 2", chat_id=DEFAULT_USER_ID, message_id=message.message_id, reply_markup=keyboard
            )
        bare = await bot.edit_message_text("Page 3", chat_id=DEFAULT_USER_ID, message_id=message.message_id)
        assert bare.reply_markup is None  # no reply_markup in an edit removes the keyboard
        again = await bot.edit_message_reply_markup(
            chat_id=DEFAULT_USER_ID, message_id=message.message_id, reply_markup=keyboard
        )
        assert again.reply_markup == keyboard and again.text == "Page 3"
        with pytest.raises(BadRequest, match="(?i)message to edit not found"):
            await bot.edit_message_text("x", chat_id=DEFAULT_USER_ID, message_id=99)

    with_bot(bot_api, scenario)
    assert bot_api.get_message(DEFAULT_USER_ID, 1)["text"] == "Page 3"


def test_a_lone_surrogate_in_a_message_is_delivered_escaped_not_dropped(bot_api: FakeBotAPI) -> None:
    async def scenario(bot: telegram.Bot) -> list[str]:
        bot_api.send_text("odd \ud800 text", user_id=77)
        bot_api.send_text("next", user_id=77)
        first = await bot.get_updates(timeout=1)
        later = await bot.get_updates(offset=first[-1].update_id + 1, timeout=1)
        return [u.message.text for u in (*first, *later)]

    assert with_bot(bot_api, scenario) == ["odd \ud800 text", "next"]


def test_inline_query_answer(bot_api: FakeBotAPI) -> None:
    async def scenario(bot: telegram.Bot) -> None:
        bot_api.send_inline_query("nato talks")
        (update,) = await bot.get_updates(timeout=1)
        assert update.inline_query.query == "nato talks"
        quote = telegram.InputTextMessageContent("<b>quote</b>", parse_mode="HTML")
        article = telegram.InlineQueryResultArticle("1", "A sentence", quote)
        assert await bot.answer_inline_query(update.inline_query.id, [article])
        broken = telegram.InlineQueryResultArticle(
            "2", "Broken", telegram.InputTextMessageContent("a < b", parse_mode="HTML")
        )
        with pytest.raises(BadRequest, match="(?i)parse entities"):
            await bot.answer_inline_query(update.inline_query.id, [broken])
        with pytest.raises(BadRequest, match="(?i)result_id_duplicate"):
            await bot.answer_inline_query(update.inline_query.id, [article, article])

    with_bot(bot_api, scenario)
    assert (
        bot_api.calls("answerInlineQuery")[0]["results"][0]["input_message_content"]["message_text"] == "<b>quote</b>"
    )


def test_chat_actions_and_commands(bot_api: FakeBotAPI) -> None:
    async def scenario(bot: telegram.Bot) -> None:
        assert await bot.send_chat_action(chat_id=5, action="typing")
        with pytest.raises(BadRequest, match="(?i)wrong parameter action"):
            await bot.send_chat_action(chat_id=5, action="dancing")
        assert await bot.set_my_commands([("ask", "Ask a question"), ("help", "How to use me")])
        assert [c.command for c in await bot.get_my_commands()] == ["ask", "help"]
        with pytest.raises(BadRequest, match="(?i)bot_command_invalid"):
            await bot.set_my_commands([("Ask Me", "spaces are not allowed")])
        assert await bot.delete_my_commands()
        assert await bot.get_my_commands() == ()
        assert await bot.delete_webhook() and await bot.log_out() and await bot.close()

    with_bot(bot_api, scenario)
    assert bot_api.unknown_methods == [] and bot_api.internal_errors == []


# --- playing users and long polling ---------------------------------------------------------------------


def test_users_get_realistic_updates(bot_api: FakeBotAPI) -> None:
    bot_api.send_text("/ask@verbatim_test_bot who won?", chat_type="group")
    bot_api.send_text(f"@{BOT_USERNAME} hello", chat_type="group", user_id=99)
    bot_api.send_sticker()
    bot_api.send_photo(caption="look")
    bot_api.send_text("first try")
    bot_api.send_edited_text("second try")
    bot_api.send_channel_post("news")

    updates = with_bot(bot_api, lambda bot: bot.get_updates())
    command, mention, sticker, photo, text, edited, post = updates
    assert command.message.chat.id == DEFAULT_GROUP_ID and command.message.chat.title
    assert command.message.parse_entities([telegram.MessageEntity.BOT_COMMAND]).popitem()[1] == "/ask@verbatim_test_bot"
    assert mention.message.from_user.id == 99 and mention.message.entities[0].type == "mention"
    assert sticker.message.sticker is not None and sticker.message.text is None
    assert photo.message.photo and photo.message.caption == "look"
    assert edited.edited_message.message_id == text.message.message_id and edited.edited_message.text == "second try"
    assert post.channel_post.text == "news" and post.channel_post.sender_chat.type == "channel"
    assert [u.update_id for u in updates] == sorted(u.update_id for u in updates)


def test_long_poll_wakes_for_a_queued_update_and_offset_confirms(bot_api: FakeBotAPI) -> None:
    async def scenario(bot: telegram.Bot) -> None:
        asyncio.get_running_loop().call_later(0.2, bot_api.send_text, "late")
        (late,) = await bot.get_updates(timeout=10)  # returns once the update is queued
        assert late.message.text == "late"
        assert [u.update_id for u in await bot.get_updates(timeout=0)] == [late.update_id]  # not confirmed yet

        bot_api.send_text("one")
        bot_api.send_text("two")
        after_late = await bot.get_updates(offset=late.update_id + 1, timeout=0)
        assert [u.message.text for u in after_late] == ["one", "two"]
        assert [u.message.text for u in await bot.get_updates(offset=late.update_id, timeout=0, limit=1)] == ["one"]
        assert await bot.get_updates(offset=after_late[-1].update_id + 1, timeout=0) == ()

    with_bot(bot_api, scenario)
    assert bot_api.pending_updates == [] and len(bot_api.updates) == 3


def test_a_newer_get_updates_ends_the_older_one(bot_api: FakeBotAPI) -> None:
    async def scenario(bot: telegram.Bot) -> None:
        async with telegram.Bot(bot_api.token, base_url=bot_api.base_url) as second_instance:
            older = asyncio.create_task(bot.get_updates(timeout=10))
            await asyncio.sleep(0.2)  # let the older poll reach the server
            assert await second_instance.get_updates(timeout=0) == ()
            with pytest.raises(Conflict):
                await older

    with_bot(bot_api, scenario)


def test_stop_ends_a_pending_long_poll() -> None:
    server = FakeBotAPI().start()
    outcome: list[Any] = []

    def poll() -> None:
        try:
            outcome.append(httpx.post(method_url(server, "getUpdates"), data={"timeout": "60"}, timeout=120).json())
        except httpx.HTTPError as error:
            outcome.append(error)

    poller = threading.Thread(target=poll)
    poller.start()
    threading.Event().wait(0.2)  # let the poll reach the server
    server.stop()
    poller.join(timeout=10)
    assert not poller.is_alive()
    assert outcome and (isinstance(outcome[0], httpx.HTTPError) or outcome[0] == {"ok": True, "result": []})


# --- faults ------------------------------------------------------------------------------------------------


def test_flood_is_retry_after_and_has_no_side_effect(bot_api: FakeBotAPI) -> None:
    bot_api.inject("sendMessage", Flood(retry_after=3))

    async def scenario(bot: telegram.Bot) -> int:
        with pytest.raises(RetryAfter) as raised:
            await bot.send_message(chat_id=1, text="first")
        assert bot_api.sent_messages == []
        await bot.send_message(chat_id=1, text="second")  # the fault was used up
        return int(raised.value.retry_after)

    assert with_bot(bot_api, scenario) == 3
    assert [m["text"] for m in bot_api.sent_messages] == ["second"]
    assert bot_api.faults_served == [("sendMessage", Flood(3))]
    assert [name for name, _ in bot_api.requests].count("sendMessage") == 2


@pytest.mark.parametrize("fault", [ServerError(502), ServerError(500), Drop()])
def test_server_errors_and_drops_are_network_errors(bot_api: FakeBotAPI, fault: ServerError | Drop) -> None:
    bot_api.inject("*", fault)
    with pytest.raises(NetworkError):
        with_bot(bot_api, lambda bot: bot.send_message(chat_id=1, text="lost"))
    assert bot_api.sent_messages == []


def test_other_api_errors_are_passed_through(bot_api: FakeBotAPI) -> None:
    bot_api.inject("sendMessage", ApiError(403, "Forbidden: bot was blocked by the user"))
    with pytest.raises(Forbidden, match="blocked"):
        with_bot(bot_api, lambda bot: bot.send_message(chat_id=1, text="hi"))


def test_a_slow_answer_times_out_but_still_happens(bot_api: FakeBotAPI) -> None:
    bot_api.inject("sendMessage", Slow(1.0))
    with pytest.raises(TimedOut):
        with_bot(bot_api, lambda bot: bot.send_message(chat_id=1, text="eventually", read_timeout=0.2))
    assert [m["text"] for m in bot_api.wait_for_messages(chat_id=1)] == ["eventually"]


def test_an_outage_fails_everything_until_lifted(bot_api: FakeBotAPI) -> None:
    async def scenario(bot: telegram.Bot) -> None:
        bot_api.outage(ServerError(503))
        for _ in range(3):
            with pytest.raises(NetworkError):
                await bot.get_me()
        bot_api.end_outage()
        assert (await bot.get_me()).username == BOT_USERNAME

    with_bot(bot_api, scenario)
    assert [method for method, _ in bot_api.faults_served] == ["getMe"] * 3


# --- raw HTTP ------------------------------------------------------------------------------------------------


def test_json_form_and_multipart_bodies_are_decoded(bot_api: FakeBotAPI) -> None:
    markup = {"inline_keyboard": [[{"text": "a", "callback_data": "b"}]]}
    as_json = httpx.post(method_url(bot_api, "sendMessage"), json={"chat_id": 5, "text": "123", "reply_markup": markup})
    as_form = httpx.post(  # method names are case-insensitive, as on Telegram
        method_url(bot_api, "sendmessage"), data={"chat_id": "5", "text": "true", "disable_notification": "true"}
    )
    as_multipart = httpx.post(
        method_url(bot_api, "sendMessage"),
        data={"chat_id": "5", "text": "with a file", "reply_markup": '{"remove_keyboard": true}'},
        files={"document": ("notes.txt", b"hello", "text/plain")},
    )
    assert [a.status_code for a in (as_json, as_form, as_multipart)] == [200, 200, 200]
    assert as_json.json()["result"]["reply_markup"] == markup
    first, second, third = bot_api.sent_messages
    assert (first["chat_id"], first["text"]) == (5, "123")
    assert (second["text"], second["disable_notification"]) == ("true", True)  # strings stay strings
    assert third["reply_markup"] == {"remove_keyboard": True} and third["document"].data == b"hello"
    assert "reply_markup" not in third["message"]  # Telegram echoes inline keyboards only
    assert [m["message_id"] for m in bot_api.sent_messages] == [1, 2, 3]


def test_paths_outside_the_bot_api_are_not_found(bot_api: FakeBotAPI) -> None:
    answer = httpx.get(f"http://127.0.0.1:{bot_api.port}/file/bot{bot_api.token}/photos/x.jpg")
    assert answer.status_code == 404 and answer.json()["ok"] is False


def test_waiting_for_what_never_came_says_what_did(bot_api: FakeBotAPI) -> None:
    httpx.post(method_url(bot_api, "sendMessage"), data={"chat_id": "5", "text": "to five"})
    with pytest.raises(AssertionError, match="to five"):
        bot_api.wait_for_messages(chat_id=6, timeout=0.1)
    with pytest.raises(AssertionError, match="sendMessage"):
        bot_api.wait_for_request("answerCallbackQuery", timeout=0.1)
