"""The real bot against a real HTTP Bot API server on 127.0.0.1: a user's view of the chat."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from telegram.ext import Application

from index.search.searcher import Searcher
from tests.botrunner import run_bot, wait_for_messages
from tests.fakes.bot_api import FakeBotAPI, parse_html
from tests.support import ROOT

USER = 4242


def test_start_then_a_question_gets_the_peskov_quote(bot_api: FakeBotAPI, sample_searcher: Searcher) -> None:
    async def scenario(application: Application) -> list[dict]:
        bot_api.send_text("/start", user_id=USER)
        await wait_for_messages(bot_api, USER, 1)
        bot_api.send_text("what did Peskov say?", user_id=USER)
        return await wait_for_messages(bot_api, USER, 2)

    welcome, answer = run_bot(bot_api, sample_searcher, scenario)
    assert "Verbatim" in welcome["text"] and "What did" in welcome["text"]
    assert welcome["parse_mode"] == "HTML"
    assert "Peskov" in answer["text"].splitlines()[0] or "Peskov" in answer["text"].split("—")[0]
    assert "U.S. Says NATO Allies" in answer["text"]
    assert answer["parse_mode"] == "HTML"
    assert bot_api.unknown_methods == []


def test_asking_what_someone_never_quoted_said_gets_the_mentions_marked_as_such(
    bot_api: FakeBotAPI, sample_searcher: Searcher
) -> None:
    async def scenario(application: Application) -> list[dict]:
        bot_api.send_text("what did Biden say?", user_id=USER)
        return await wait_for_messages(bot_api, USER, 1)

    (reply,) = run_bot(bot_api, sample_searcher, scenario)
    shown = parse_html(reply["text"])  # what the person sees (the reply is HTML)
    first_line, rest = shown.text.split("\n", 1)
    assert first_line == "I found no quote attributed to Biden; this sentence mentions Biden:"
    assert "Joe Biden and Putin held two phone calls" in rest
    assert any(e["type"] == "italic" and e["offset"] == 0 for e in shown.entities)


def test_sources_lists_the_indexed_article(bot_api: FakeBotAPI, sample_searcher: Searcher) -> None:
    async def scenario(application: Application) -> list[dict]:
        bot_api.send_text("/sources", user_id=USER)
        return await wait_for_messages(bot_api, USER, 1)

    (reply,) = run_bot(bot_api, sample_searcher, scenario)
    assert "U.S. Says NATO Allies" in reply["text"] and "sentences" in reply["text"]


def test_html_in_a_question_never_breaks_the_reply(bot_api: FakeBotAPI, sample_searcher: Searcher) -> None:
    async def scenario(application: Application) -> list[dict]:
        bot_api.send_text("<b>what</b> did & <i>Peskov say?", user_id=USER)
        bot_api.send_text("   ", user_id=USER + 1)
        first = await wait_for_messages(bot_api, USER, 1)
        second = await wait_for_messages(bot_api, USER + 1, 1)
        return first + second

    answer, empty = run_bot(bot_api, sample_searcher, scenario)
    assert "Peskov" in answer["text"]
    assert "Please type a question" in empty["text"]


def test_a_question_that_is_too_long_gets_a_polite_request(bot_api: FakeBotAPI, sample_searcher: Searcher) -> None:
    async def scenario(application: Application) -> list[dict]:
        bot_api.send_text("why " * 2000, user_id=USER)
        return await wait_for_messages(bot_api, USER, 1)

    (reply,) = run_bot(bot_api, sample_searcher, scenario)
    assert "shorter question" in reply["text"]


def test_the_bot_process_answers_in_the_chat_and_never_logs_its_token(bot_api: FakeBotAPI, sample_index: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "VERBATIM_"))}
    env.update(
        TELEGRAM_BOT_TOKEN=bot_api.token,
        TELEGRAM_API_BASE_URL=bot_api.base_url,
        VERBATIM_INDEX=str(sample_index),
        VERBATIM_LOG_LEVEL="DEBUG",
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "bot"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        bot_api.send_text("Where is NATO headquartered?", user_id=USER)
        (reply,) = bot_api.wait_for_messages(USER, 1, timeout=120)
        assert "Brussels" in reply["text"]
    finally:
        process.send_signal(signal.SIGTERM)
        output, _ = process.communicate(timeout=60)
    assert process.returncode == 0, output
    assert "getUpdates" in output  # DEBUG logging did show the requests ...
    assert bot_api.token not in output  # ... but never the token
    assert bot_api.token.split(":")[1] not in output
