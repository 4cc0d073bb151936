"""Greetings, thanks and pleas for help get a friendly reply, never "I couldn't find that"."""

from __future__ import annotations

import pytest

from bot.chat.small_talk import SmallTalk, small_talk
from bot.console import reply_to
from bot.render import replies
from index.search.searcher import Searcher
from tests.e2e.in_process_bot import InProcessBot, run_in_process
from tests.fakes.bot_api import FakeBotAPI

USER = 4242


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("hello", SmallTalk.GREETING),
        ("Hi!", SmallTalk.GREETING),
        ("good morning bot 👋", SmallTalk.GREETING),
        ("  HEY   there ", SmallTalk.GREETING),
        ("thanks a lot", SmallTalk.THANKS),
        ("Thank you!!", SmallTalk.THANKS),
        ("ok thanks 🙏", SmallTalk.THANKS),
        ("What can you do?", SmallTalk.HELP),
        ("help please", SmallTalk.HELP),
        ("who are you?", SmallTalk.HELP),
    ],
)
def test_a_message_that_is_only_small_talk_is_recognised(text: str, kind: SmallTalk) -> None:
    assert small_talk(text) is kind


@pytest.mark.parametrize(
    "text",
    [
        "hi, what did Peskov say?",
        "thanks for that, who is Ryabkov?",
        "help Ukraine",
        "Peskov",
        "what is NATO?",
        "who is the US ambassador to NATO?",
        "",
        "🙂",
    ],
)
def test_anything_more_is_a_question(text: str) -> None:
    assert small_talk(text) is None


def test_the_terminal_chat_greets_and_says_you_are_welcome(sample_searcher: Searcher) -> None:
    hello = reply_to(sample_searcher, "hello")
    assert "Verbatim answers questions" in hello and "What did Peskov say?" in hello
    assert replies.DECLINE_TEXT not in hello
    assert reply_to(sample_searcher, "thanks!") == replies.THANKS_TEXT
    assert "Brussels" in reply_to(sample_searcher, "hi, where is NATO headquartered?")


def test_in_telegram_a_greeting_gets_the_help_with_examples_and_thanks_a_short_reply(
    fake_telegram: FakeBotAPI, sample_searcher: Searcher
) -> None:
    async def scenario(bot: InProcessBot) -> list[dict]:
        fake_telegram.send_text("Hello! 👋", user_id=USER)
        fake_telegram.send_text("thank you", user_id=USER)
        return await bot.deliver()

    greeting, thanks = run_in_process(fake_telegram, sample_searcher, scenario)
    assert "Verbatim answers questions" in greeting["message"]["text"]
    buttons = [b["text"] for row in greeting["reply_markup"]["inline_keyboard"] for b in row]
    assert "What did Peskov say?" in buttons  # one tap asks a real question
    assert thanks["message"]["text"] == replies.THANKS_TEXT
