"""The bot as an operator runs it (``python -m bot``), in a subprocess, at DEBUG logging.

One run rides out Telegram faults, reloads a rebuilt index on SIGHUP, and on SIGTERM finishes
the answer still on its way before exiting cleanly; its whole log is grepped for the token. A
second run with a wrong token stops with a clear message, its traceback (at DEBUG) redacted.
"""

from __future__ import annotations

import shutil
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.render import replies
from index.build import build_index
from index.embedding.models import Embedder
from tests.botprocess import BotProcess, bot_env
from tests.fakes.bot_api import ApiError, Drop, FakeBotAPI, Flood, ServerError, Slow
from tests.support import SAMPLE_ARTICLE

LIGHTHOUSE_ARTICLE = """Harbour Lighthouse Gets A New Coat

Harbour master Ingrid Solberg said the old lighthouse was repainted blue in the spring of 2021.
"""


@pytest.fixture
def bot_process(bot_api: FakeBotAPI, index_copy: Path, tmp_path: Path) -> Iterator[BotProcess]:
    # Telegram misbehaves from the first call on.
    bot_api.inject("getMe", ServerError(502))
    bot_api.inject("getUpdates", Drop())
    bot_api.inject("getUpdates", ServerError(500))
    bot_api.inject("sendMessage", Flood(retry_after=1))
    bot_api.inject("sendMessage", ServerError(502))
    bot_api.inject("sendMessage", Drop())
    bot = BotProcess(bot_env(bot_api, index_copy), tmp_path / "bot.log")
    yield bot
    bot.stop()


def test_the_bot_process_rides_out_faults_reloads_on_sighup_and_stops_cleanly_on_sigterm(
    bot_api: FakeBotAPI, bot_process: BotProcess, index_copy: Path, embedder: Embedder, tmp_path: Path
) -> None:
    bot_api.send_text("Where is NATO headquartered?", user_id=1001)
    (reply,) = bot_api.wait_for_messages(1001, 1, timeout=120)
    assert "Brussels" in reply["text"]

    # A request Telegram refuses outright: the user sees only the fixed apology, never the error.
    bot_api.inject("sendMessage", ApiError(400, "Bad Request: chat not found"))
    bot_api.send_text("what did Peskov say?", user_id=1002)
    (apology,) = bot_api.wait_for_messages(1002, 1, timeout=60)
    assert apology["text"] == replies.ERROR_TEXT

    # The operator rebuilds the index and sends SIGHUP.
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SAMPLE_ARTICLE, corpus)
    (corpus / "lighthouse.txt").write_text(LIGHTHOUSE_ARTICLE, encoding="utf-8")
    build_index(corpus, index_copy, embedder)
    bot_process.process.send_signal(signal.SIGHUP)
    bot_process.wait_for_log("Reload (SIGHUP)")
    bot_process.wait_for_log("now serving")
    bot_api.send_text("What colour was the old lighthouse repainted?", user_id=1003)
    (lighthouse,) = bot_api.wait_for_messages(1003, 1, timeout=60)
    assert "repainted blue" in lighthouse["text"]

    # SIGTERM while an answer is still on its way: it is finished, then the bot exits.
    bot_api.inject("sendMessage", Slow(2.0))
    bot_api.send_text("what did Peskov say?", user_id=1004)
    deadline = time.monotonic() + 60
    while not any(isinstance(fault, Slow) for _, fault in bot_api.faults_served):
        assert time.monotonic() < deadline
        time.sleep(0.02)
    bot_process.process.send_signal(signal.SIGTERM)
    assert bot_process.process.wait(timeout=30) == 0
    assert len(bot_api.wait_for_messages(1004, 1, timeout=1)) == 1
    output = bot_process.output()
    assert "Stopped cleanly" in output

    served = {type(fault).__name__ for _, fault in bot_api.faults_served}
    assert {"ServerError", "Drop", "Flood", "ApiError", "Slow"} <= served
    assert "getUpdates" in output and "Traceback" in output  # DEBUG shows requests and errors ...
    assert bot_api.token not in output and bot_api.token.split(":")[1] not in output  # ... never the token
    assert bot_api.token not in "".join(m["text"] for m in bot_api.sent_messages)


def test_a_wrong_token_stops_the_bot_with_a_clear_message_and_no_token(
    bot_api: FakeBotAPI, index_copy: Path, tmp_path: Path
) -> None:
    wrong = "999999:WRONG-secret-token-value"
    bot = BotProcess(bot_env(bot_api, index_copy, token=wrong), tmp_path / "bot.log")
    try:
        assert bot.process.wait(timeout=120) == 4  # ExitStatus.TOKEN_REJECTED: restarting will not help
    finally:
        bot.stop()
    output = bot.output()
    assert "rejected the bot token" in output
    assert "Traceback" in output and "InvalidToken" in output  # the detail is there at DEBUG ...
    assert wrong not in output and wrong.split(":")[1] not in output  # ... redacted
