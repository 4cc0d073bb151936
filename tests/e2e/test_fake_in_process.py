"""The fake Bot API answers a python-telegram-bot Bot in-process just as it does over HTTP."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

import pytest
import telegram
from telegram.error import BadRequest, EndPointNotFound, InvalidToken, NetworkError

from tests.fakes.bot_api import DEFAULT_USER_ID, Drop, FakeBotAPI
from tests.fakes.in_process import InProcessRequest

T = TypeVar("T")


def in_process(api: FakeBotAPI, scenario: Callable[[telegram.Bot], Awaitable[T]], token: str | None = None) -> T:
    """Run ``scenario`` with a real, initialised telegram.Bot answered by ``api`` in-process."""

    async def run() -> T:
        request = InProcessRequest(api)
        async with telegram.Bot(token or api.token, request=request, get_updates_request=request) as bot:
            return await scenario(bot)

    return asyncio.run(run())


def test_messages_are_checked_and_answered_as_over_http(fake_telegram: FakeBotAPI) -> None:
    async def scenario(bot: telegram.Bot) -> telegram.Message:
        with pytest.raises(BadRequest, match="(?i)parse entities"):
            await bot.send_message(chat_id=5, text="AT&T", parse_mode="HTML")
        with pytest.raises(EndPointNotFound):
            await bot.do_api_request("frobnicate")
        return await bot.send_message(chat_id=5, text="<b>Bold</b> &amp; more", parse_mode="HTML")

    sent = in_process(fake_telegram, scenario)
    assert sent.text == "Bold & more" and sent.from_user.username == fake_telegram.bot_user["username"]
    assert [(e.type, e.offset, e.length) for e in sent.entities] == [("bold", 0, 4)]
    (record,) = fake_telegram.sent_messages
    assert record["text"] == "<b>Bold</b> &amp; more" and record["chat_id"] == 5  # params decoded as from a form
    assert fake_telegram.unknown_methods == ["frobnicate"]


def test_a_wrong_token_and_a_dropped_answer_fail_as_over_http(fake_telegram: FakeBotAPI) -> None:
    with pytest.raises(InvalidToken):
        in_process(fake_telegram, lambda bot: bot.get_me(), token="654321:not-the-token")
    fake_telegram.inject("sendMessage", Drop())
    with pytest.raises(NetworkError):
        in_process(fake_telegram, lambda bot: bot.send_message(chat_id=5, text="lost"))
    assert fake_telegram.sent_messages == []


def test_updates_are_handed_over_once(fake_telegram: FakeBotAPI) -> None:
    first = fake_telegram.send_text("hello")
    second = fake_telegram.send_text("again")
    taken = fake_telegram.take_updates()
    assert [u["update_id"] for u in taken] == [first, second]
    assert taken[0]["message"]["chat"]["id"] == DEFAULT_USER_ID
    assert fake_telegram.take_updates() == [] and fake_telegram.pending_updates == []
    assert in_process(fake_telegram, lambda bot: bot.get_updates(timeout=0)) == ()  # confirmed, as by an offset
