"""The bot's settings: one typed object, read from environment variables and CLI flags.

Every problem is collected and reported at once, so an operator fixes them in one go.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from index import BACKENDS, DEFAULT_INDEX, VerbatimError

TELEGRAM_BASE_URL = "https://api.telegram.org/bot"
STATE_FILE_SUFFIX = ".bot-state.json"  # data/index -> data/index.bot-state.json
STATE_FILE_OFF = ("off", "none")  # VERBATIM_STATE_FILE values that turn the state file off
RERANK_CHOICES = ("on", "off")  # VERBATIM_RERANK / --rerank


class SettingsError(VerbatimError):
    """One or more settings are invalid; the message lists them all."""


@dataclass(frozen=True)
class Settings:
    """Everything the bot needs to know before it starts."""

    token: str | None = None
    api_base_url: str = TELEGRAM_BASE_URL
    index_dir: Path = DEFAULT_INDEX
    model: str | None = None  # None: the model the index was built with
    backend: str = "auto"  # query encoder: onnx for the bundled model when installed (embedder.py)
    console: bool = False
    log_level: str = "INFO"
    allowed_chats: frozenset[int] = field(default_factory=frozenset)  # empty: everyone
    admins: frozenset[int] = field(default_factory=frozenset)
    max_question_chars: int = 1000
    rate_limit_per_minute: int = 20
    send_rate: float = 30.0  # messages per second the bot sends in all (Telegram's limit); 0 = unlimited
    watch_index: bool = True
    # Where the bot remembers the updates it answered and is answering (bot/delivery/update_state.py); None: nowhere.
    # From the environment it defaults to default_state_file(index_dir).
    state_file: Path | None = None
    # The answer reranker (VERBATIM_RERANK=off: the ranking alone); its model directory, None: the bundled one.
    rerank: bool = True
    rerank_model: Path | None = None

    @property
    def use_console(self) -> bool:
        """The terminal chat runs when asked for, or when there is no token to reach Telegram."""
        return self.console or not self.token

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> Settings:
        problems: list[str] = []
        token = environ.get("TELEGRAM_BOT_TOKEN", "").strip() or None
        if token is not None and (":" not in token or any(c.isspace() for c in token)):
            problems.append(
                "TELEGRAM_BOT_TOKEN does not look like a bot token (expected digits:letters, from @BotFather)."
            )
        base_url = environ.get("TELEGRAM_API_BASE_URL", "").strip() or TELEGRAM_BASE_URL
        if not base_url.startswith(("http://", "https://")):
            problems.append(f"TELEGRAM_API_BASE_URL must start with http:// or https:// (got {base_url!r}).")
        backend = environ.get("VERBATIM_BACKEND", "auto").strip() or "auto"
        if backend not in BACKENDS:
            problems.append(f"VERBATIM_BACKEND must be 'auto', 'torch' or 'onnx' (got {backend!r}).")
        log_level = (environ.get("VERBATIM_LOG_LEVEL", "INFO").strip() or "INFO").upper()
        if log_level not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
            problems.append(f"VERBATIM_LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR (got {log_level!r}).")
        allowed = _id_set(environ.get("VERBATIM_ALLOWED_CHATS", ""), "VERBATIM_ALLOWED_CHATS", problems)
        admins = _id_set(environ.get("VERBATIM_ADMINS", ""), "VERBATIM_ADMINS", problems)
        max_chars = _positive_int(
            environ.get("VERBATIM_MAX_QUESTION_CHARS", ""), 1000, "VERBATIM_MAX_QUESTION_CHARS", problems
        )
        rate = _positive_int(environ.get("VERBATIM_RATE_LIMIT", ""), 20, "VERBATIM_RATE_LIMIT", problems)
        send_rate = _send_rate(environ.get("VERBATIM_SEND_RATE", ""), problems)
        rerank = (environ.get("VERBATIM_RERANK", "on").strip() or "on").lower()
        if rerank not in RERANK_CHOICES:
            problems.append(f"VERBATIM_RERANK must be 'on' or 'off' (got {rerank!r}).")
        if problems:
            raise SettingsError("Invalid settings:\n- " + "\n- ".join(problems))
        index_dir = Path(environ.get("VERBATIM_INDEX", "").strip() or DEFAULT_INDEX)
        return cls(
            token=token,
            api_base_url=base_url,
            index_dir=index_dir,
            model=environ.get("VERBATIM_MODEL", "").strip() or None,
            backend=backend,
            log_level=log_level,
            allowed_chats=allowed,
            admins=admins,
            max_question_chars=max_chars,
            rate_limit_per_minute=rate,
            send_rate=send_rate,
            state_file=_state_file(environ.get("VERBATIM_STATE_FILE", ""), index_dir),
            rerank=rerank == "on",
            rerank_model=Path(raw) if (raw := environ.get("VERBATIM_RERANK_MODEL", "").strip()) else None,
        )

    def with_args(self, args: argparse.Namespace) -> Settings:
        """Flags given on the command line win over the environment."""
        index_dir: Path = args.index if args.index is not None else self.index_dir
        state_file = self.state_file
        if args.index is not None and state_file is not None and state_file == default_state_file(self.index_dir):
            state_file = default_state_file(index_dir)  # the default follows the index
        if args.state_file is not None:
            state_file = _state_file(args.state_file, index_dir)
        return replace(
            self,
            console=self.console or bool(args.console),
            index_dir=index_dir,
            state_file=state_file,
            model=args.model if args.model is not None else self.model,
            backend=args.backend if args.backend is not None else self.backend,
            log_level=args.log_level.upper() if args.log_level is not None else self.log_level,
            rerank=args.rerank == "on" if args.rerank is not None else self.rerank,
        )


def argument_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="verbatim",
        description="Answer questions about news articles with their exact sentences, in Telegram "
        "or (with --console, or when TELEGRAM_BOT_TOKEN is unset) in the terminal.",
    )
    p.add_argument("--console", action="store_true", help="chat in the terminal instead of Telegram")
    p.add_argument("--index", type=Path, help="index directory (env VERBATIM_INDEX, default data/index)")
    p.add_argument("--model", help="embedding model; must match the index (env VERBATIM_MODEL)")
    p.add_argument("--backend", choices=BACKENDS, help="query encoder (env VERBATIM_BACKEND, default auto)")
    p.add_argument("--log-level", choices=("DEBUG", "INFO", "WARNING", "ERROR"), type=str.upper)
    p.add_argument(
        "--rerank",
        choices=RERANK_CHOICES,
        type=str.lower,
        help="rerank answers with the cross-encoder (env VERBATIM_RERANK, default on; "
        "its model: env VERBATIM_RERANK_MODEL, default the bundled one)",
    )
    p.add_argument(
        "--state-file",
        help="where the bot remembers the updates it answered, 'off' for nowhere "
        "(env VERBATIM_STATE_FILE, default INDEX.bot-state.json beside the index directory)",
    )
    return p


def default_state_file(index_dir: Path) -> Path:
    """The state file's default place: beside the index directory, not in it.

    ``verbatim-index`` refuses to build into a directory that holds files of its own, so inside
    the index the file would stop ``make rebuild``; beside it, it outlives every rebuild.
    """
    absolute = Path(os.path.abspath(index_dir))
    return absolute.with_name(absolute.name + STATE_FILE_SUFFIX)


def load_settings(argv: Sequence[str] | None = None, environ: Mapping[str, str] | None = None) -> Settings:
    args = argument_parser().parse_args(argv)
    return Settings.from_env(os.environ if environ is None else environ).with_args(args)


def _state_file(raw: str, index_dir: Path) -> Path | None:
    """VERBATIM_STATE_FILE / --state-file: a path, 'off' for none, unset for the default."""
    value = raw.strip()
    if not value:
        return default_state_file(index_dir)
    if value.lower() in STATE_FILE_OFF:
        return None
    return Path(value)


def _id_set(raw: str, name: str, problems: list[str]) -> frozenset[int]:
    ids: set[int] = set()
    for part in raw.replace(";", ",").replace(" ", ",").split(","):
        if not part:
            continue
        try:
            ids.add(int(part))
        except ValueError:
            problems.append(f"{name} must be a comma-separated list of numeric Telegram ids ({part!r} is not one).")
    return frozenset(ids)


def _positive_int(raw: str, default: int, name: str, problems: list[str]) -> int:
    if not raw.strip():
        return default
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if value <= 0:
        problems.append(f"{name} must be a positive whole number (got {raw!r}).")
        return default
    return value


def _send_rate(raw: str, problems: list[str]) -> float:
    """VERBATIM_SEND_RATE: messages per second, 30 when unset, 0 for no limit."""
    if not raw.strip():
        return 30.0
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not value >= 0 or value == float("inf"):
        problems.append(f"VERBATIM_SEND_RATE must be a number of messages per second, 0 for no limit (got {raw!r}).")
        return 30.0
    return value
