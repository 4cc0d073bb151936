"""The real bot, as its own process, against the fake Bot API server on 127.0.0.1.

``BotProcess`` starts ``python -m bot`` pointed at a ``FakeBotAPI`` (loopback only), waits until
it polls, and on ``stop`` reports the process's peak resident memory (``ru_maxrss`` from
``wait4``). ``load`` plays many chats asking at once (each asks its next question when its
previous reply came, as people do) and, for comparison, one question at a time.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from bot.render.replies import ERROR_TEXT
from tests.fakes.bot_api import FakeBotAPI

from .measure import Latency

ROOT = Path(__file__).resolve().parents[2]  # the project: scripts/benchkit/this.py
FIRST_CHAT = 7_000_001
STARTUP_SECONDS = 300.0  # a 10^6-sentence index is checksummed on load
REPLY_SECONDS = 120.0


class BotStartError(RuntimeError):
    """The bot process exited or never polled."""


class BotProcess:
    """``python -m bot`` serving ``index_dir`` to ``server``; use as a context manager."""

    command: tuple[str, ...] = ("-m", "bot")  # after the Python executable

    def __init__(
        self, server: FakeBotAPI, index_dir: Path, *, backend: str | None = None, rerank: str | None = None
    ) -> None:
        """``backend``, ``rerank``: the bot's VERBATIM_BACKEND and VERBATIM_RERANK (None: its default)."""
        self._server = server
        self._index_dir = index_dir
        self._backend = backend
        self._rerank = rerank
        self._process: subprocess.Popen[bytes] | None = None
        self._log = b""
        self.max_rss_bytes: int | None = None

    def __enter__(self) -> BotProcess:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "VERBATIM_"))}
        env.update(
            TELEGRAM_BOT_TOKEN=self._server.token,
            TELEGRAM_API_BASE_URL=self._server.base_url,
            VERBATIM_INDEX=str(self._index_dir),
            VERBATIM_LOG_LEVEL="WARNING",
            # The bench's chats ask far faster than people; the per-user limit is not measured here,
            # nor Telegram's overall ~30 messages/s, which the fake server does not impose.
            VERBATIM_RATE_LIMIT="1000000",
            VERBATIM_SEND_RATE="0",
        )
        if self._backend:
            env["VERBATIM_BACKEND"] = self._backend
        if self._rerank:
            env["VERBATIM_RERANK"] = self._rerank
        polls_before = len(self._server.calls("getUpdates"))
        self._process = subprocess.Popen(
            [sys.executable, *self.command], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        threading.Thread(target=self._drain, daemon=True).start()
        deadline = time.monotonic() + STARTUP_SECONDS
        while len(self._server.calls("getUpdates")) <= polls_before:
            if self._process.poll() is not None:
                raise BotStartError(
                    f"the bot exited with status {self._process.returncode}: {self._log[-2000:].decode(errors='replace')}"
                )
            if time.monotonic() > deadline:
                self.stop()
                raise BotStartError("the bot did not start polling in time")
            time.sleep(0.05)
        return self

    def _drain(self) -> None:
        assert self._process is not None and self._process.stdout is not None
        for line in self._process.stdout:
            self._log = (self._log + line)[-20_000:]

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def stop(self) -> int | None:
        """Stop the bot (SIGINT, as Ctrl-C) and return its peak RSS in bytes."""
        process = self._process
        if process is None or process.returncode is not None:
            return self.max_rss_bytes
        peak = _peak_rss(process.pid)
        process.send_signal(signal.SIGINT)
        deadline = time.monotonic() + 30
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                process.kill()
                pid, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.05)
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.stdout is not None:
            process.stdout.close()
        # wait4's ru_maxrss would do, but Linux carries the parent's peak over into a child it
        # forked (a bench process holding a model looks like a big bot): prefer the bot's VmHWM.
        self.max_rss_bytes = peak if peak is not None else usage.ru_maxrss * 1024  # kibibytes on Linux
        return self.max_rss_bytes


def _peak_rss(pid: int) -> int | None:
    """The process's peak resident set (VmHWM) in bytes, where /proc tells it."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


@dataclass(frozen=True)
class LoadResult:
    """Questions through the bot: how many, how fast, and whether every one got its reply."""

    chats: int
    questions: int
    answered: int
    errors: int  # replies that were the bot's error message
    seconds: float
    latency: Latency

    @property
    def per_second(self) -> float:
        return self.answered / self.seconds if self.seconds > 0 else 0.0

    @property
    def lost(self) -> int:
        return self.questions - self.answered


def ask(
    server: FakeBotAPI, questions: Sequence[str], *, chats: int, per_chat: int, first_chat: int = FIRST_CHAT
) -> LoadResult:
    """``chats`` chats ask ``per_chat`` questions each, all chats at once, each waiting for its reply.

    Every chat is a new private chat, so replies are counted per chat without confusion.
    """
    latencies: list[float] = []
    answered = [0] * chats
    errors = [0] * chats
    lock = threading.Lock()
    start_gate = threading.Barrier(chats + 1)

    def chat(number: int) -> None:
        chat_id = first_chat + number
        start_gate.wait()
        for turn in range(per_chat):
            question = questions[(number * per_chat + turn) % len(questions)]
            sent = time.perf_counter()
            server.send_text(question, user_id=chat_id)
            try:
                replies = server.wait_for_messages(chat_id, turn + 1, timeout=REPLY_SECONDS)
            except AssertionError:
                return  # the question was lost: counted by its missing reply
            took = time.perf_counter() - sent
            with lock:
                latencies.append(took)
                answered[number] = len(replies)
                errors[number] = sum(1 for r in replies if r.get("text") == ERROR_TEXT)

    threads = [threading.Thread(target=chat, args=(n,), daemon=True) for n in range(chats)]
    for thread in threads:
        thread.start()
    start_gate.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    return LoadResult(
        chats, chats * per_chat, min(sum(answered), chats * per_chat), sum(errors), seconds, Latency.of(latencies)
    )
