"""The bot as an operator runs it: ``python -m bot`` in a subprocess against the fake Bot API."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from tests.fakes.bot_api import FakeBotAPI
from tests.support import ROOT


def bot_env(server: FakeBotAPI, index_dir: Path, token: str | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "VERBATIM_"))}
    env.update(
        TELEGRAM_BOT_TOKEN=token or server.token,
        TELEGRAM_API_BASE_URL=server.base_url,
        VERBATIM_INDEX=str(index_dir),
        VERBATIM_LOG_LEVEL="DEBUG",
        VERBATIM_BACKEND="onnx",  # the int8 encoder of the same model: starts in a second or two
    )
    return env


class BotProcess:
    """``python -m bot`` with its output in a file (a DEBUG log would fill a pipe and block it)."""

    def __init__(self, env: dict[str, str], log: Path, args: tuple[str, ...] = ()) -> None:
        self.log = log
        self._handle = open(log, "w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot", *args], cwd=ROOT, env=env, stdout=self._handle, stderr=subprocess.STDOUT
        )

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wait_for_log(self, text: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.output():
            assert self.process.poll() is None, f"the bot exited early:\n{self.output()[-3000:]}"
            assert time.monotonic() < deadline, f"{text!r} never logged:\n{self.output()[-3000:]}"
            time.sleep(0.05)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        self._handle.close()
