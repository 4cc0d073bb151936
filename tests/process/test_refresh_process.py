"""The bot as an operator runs it with a feed: ``VERBATIM_FEEDS=... python -m bot``."""

from __future__ import annotations

import json
import signal
from pathlib import Path

from bot.runtime.sources_file import default_sources_file
from tests.botprocess import BotProcess, bot_env
from tests.fakes.bot_api import FakeBotAPI
from tests.news_site import BRIDGE, NewsSite


def test_a_bot_started_with_verbatim_feeds_answers_from_the_feed_after_its_first_refresh(
    bot_api: FakeBotAPI, index_copy: Path, tmp_path: Path
) -> None:
    with NewsSite() as site:
        site.publish(BRIDGE)
        feed = site.feed()
        env = bot_env(bot_api, index_copy)
        env.update(VERBATIM_FEEDS=feed, VERBATIM_REFRESH="60")
        bot = BotProcess(env, tmp_path / "bot.log")
        try:
            bot.wait_for_log("Refresh (scheduled): 2 articles", timeout=120)  # ~10 s after start
            bot_api.send_text("What did Marta Lindqvist say about the cables?", user_id=7001)
            (reply,) = bot_api.wait_for_messages(7001, 1, timeout=60)
            bot.process.send_signal(signal.SIGTERM)
            assert bot.process.wait(timeout=60) == 0
        finally:
            bot.stop()
    assert "steel cables had been replaced" in reply["text"] and BRIDGE.title in reply["text"]
    feeds = json.loads(default_sources_file(index_copy).read_text(encoding="utf-8"))["feeds"]
    assert [(f["url"], f["articles"], f["error"]) for f in feeds] == [(feed, 1, None)]
