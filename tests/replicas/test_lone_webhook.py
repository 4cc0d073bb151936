"""Webhook mode on one machine, without Redis, and the one-off commands that register the webhook:
``python -m bot --set-webhook`` / ``--delete-webhook`` against the fake Bot API."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from bot.exit_status import ExitStatus
from tests.fakes.bot_api import FakeBotAPI, Hang
from tests.replicas.cluster import SECRET, Replica, post_update, replica_env
from tests.support import ROOT

URL = "https://bot.example.org/telegram"


def command(server: FakeBotAPI, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "VERBATIM_"))}
    environ.update(TELEGRAM_BOT_TOKEN=server.token, TELEGRAM_API_BASE_URL=server.base_url, **env)
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], cwd=ROOT, env=environ, capture_output=True, text=True, timeout=60
    )


def test_set_webhook_registers_the_url_secret_and_update_types_and_delete_removes_it(bot_api: FakeBotAPI) -> None:
    done = command(bot_api, "--set-webhook", VERBATIM_WEBHOOK_URL=URL, VERBATIM_WEBHOOK_SECRET=SECRET)
    assert done.returncode == ExitStatus.OK, done.stderr
    assert URL in done.stdout
    registered = bot_api.webhook
    assert registered["url"] == URL and registered["secret_token"] == SECRET
    assert "message" in registered["allowed_updates"] and "callback_query" in registered["allowed_updates"]
    assert SECRET not in done.stderr and bot_api.token.split(":")[1] not in done.stderr
    done = command(bot_api, "--delete-webhook")
    assert done.returncode == ExitStatus.OK, done.stderr
    assert bot_api.webhook == {}


def test_set_webhook_without_a_url_says_so_and_calls_nothing(bot_api: FakeBotAPI) -> None:
    done = command(bot_api, "--set-webhook", VERBATIM_WEBHOOK_SECRET=SECRET)
    assert done.returncode == ExitStatus.BAD_SETTINGS
    assert "VERBATIM_WEBHOOK_URL" in done.stderr and "https://" in done.stderr
    assert bot_api.requests == []


def test_a_lone_replica_answers_a_repeat_once_and_after_a_hard_kill_answers_what_it_had_taken(
    tmp_path: Path, sample_index: Path, bot_api: FakeBotAPI
) -> None:
    env = replica_env(bot_api, sample_index, None, VERBATIM_STATE_FILE=str(tmp_path / "state.json"))
    replica = Replica(env, tmp_path / "replica.log")
    try:
        port = replica.wait_listening()
        bot_api.send_text("Where is NATO headquartered?", user_id=501)
        (update,) = bot_api.take_updates()
        post_update(port, update)
        post_update(port, update)  # Telegram's retry
        bot_api.wait_for_messages(chat_id=501, timeout=30)
        # Taken (200), then killed while its answer is on the way (Telegram never got it): the
        # state file still has the update.
        bot_api.inject("sendMessage", Hang())
        bot_api.send_text("Where were the bilateral talks held?", user_id=502)
        (taken,) = bot_api.take_updates()
        post_update(port, taken)
        deadline = time.monotonic() + 30
        while not bot_api.faults_served:
            assert time.monotonic() < deadline, "the answer never went out"
            time.sleep(0.05)
        replica.kill()
        bot_api.clear_faults()
        replica = Replica(env, tmp_path / "replica-again.log")
        replica.wait_listening()
        messages = bot_api.wait_for_messages(chat_id=502, timeout=30)
        time.sleep(1.0)
        assert len(bot_api.sent_messages) == 2 and len(messages) == 1
        assert "Geneva" in messages[0]["text"]
    finally:
        replica.kill()
