"""The bot's settings: one typed object, read from environment variables and CLI flags.

Every problem is collected and reported at once, so an operator fixes them in one go.
"""

from __future__ import annotations

import argparse
import math
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit

from index import BACKENDS, DEFAULT_INDEX, VerbatimError, parse_store

TELEGRAM_BASE_URL = "https://api.telegram.org/bot"
STATE_FILE_SUFFIX = ".bot-state.json"  # data/index -> data/index.bot-state.json
STATE_FILE_OFF = ("off", "none")  # VERBATIM_STATE_FILE values that turn the state file off
# Webhook mode (bot/webhook/): where the web server listens, and the one path Telegram posts to.
DEFAULT_WEBHOOK_LISTEN = ("127.0.0.1", 8443)
WEBHOOK_PATH = "/telegram"
# What Telegram accepts as a webhook secret_token: 1-256 of A-Z, a-z, 0-9, _ and -.
_SECRET_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
REDIS_SCHEMES = ("redis://", "rediss://", "unix://")


def bot_id_of(token: str) -> int | None:
    """The bot's id, the digits before the colon of its token ("123456:ABC-..." -> 123456); None
    when ``token`` is not shaped like a bot token (the id names the bot's keys in Redis)."""
    head, colon, tail = token.partition(":")
    if not colon or not head.isascii() or not head.isdigit() or not tail or any(c.isspace() for c in token):
        return None
    return int(head)


# How the bot meets Telegram: polling (the default), a webhook server, or a one-off (de)registration.
MODES = ("polling", "webhook", "set-webhook", "delete-webhook")
DEFAULT_REFRESH_MINUTES = 60.0
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
    mode: str = "polling"  # one of MODES (--webhook, --set-webhook, --delete-webhook)
    webhook_listen: tuple[str, int] = DEFAULT_WEBHOOK_LISTEN  # VERBATIM_WEBHOOK_LISTEN host:port
    webhook_url: str | None = None  # VERBATIM_WEBHOOK_URL: the public URL --set-webhook registers
    webhook_secret: str | None = None  # VERBATIM_WEBHOOK_SECRET: Telegram sends it with every update
    # VERBATIM_REDIS_URL: state shared by webhook replicas (bot/cluster/); None: this process alone.
    redis_url: str | None = None
    # Web sources the running bot keeps up with (bot/runtime/refresh.py): RSS/Atom feed URLs, read
    # again every ``refresh_minutes``; and the folder of articles the index was built from, if any.
    feeds: tuple[str, ...] = ()
    refresh_minutes: float = DEFAULT_REFRESH_MINUTES
    articles: Path | None = None
    # VERBATIM_STORE / --store: where the index's vectors are searched (a Qdrant collection's
    # address); None: where the index says it was built (its manifest).
    store: str | None = None
    # The answer reranker (VERBATIM_RERANK=off: the ranking alone); its model directory, None: the bundled one.
    rerank: bool = True
    rerank_model: Path | None = None

    @property
    def bot_id(self) -> int:
        """The id before the token's colon (checked when the settings were read)."""
        assert self.token is not None
        bot_id = bot_id_of(self.token)
        assert bot_id is not None
        return bot_id

    @property
    def use_console(self) -> bool:
        """The terminal chat runs when asked for, or when there is no token to reach Telegram."""
        return self.console or not self.token

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> Settings:
        problems: list[str] = []
        token = environ.get("TELEGRAM_BOT_TOKEN", "").strip() or None
        if token is not None and bot_id_of(token) is None:
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
        listen, webhook_url, secret, redis_url = _webhook_settings(environ, problems)
        feeds = _feeds(split_urls(environ.get("VERBATIM_FEEDS", "")), "VERBATIM_FEEDS", problems)
        refresh = _refresh_minutes(environ.get("VERBATIM_REFRESH", ""), "VERBATIM_REFRESH", problems)
        store = _store(environ.get("VERBATIM_STORE", ""), "VERBATIM_STORE", problems)
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
            webhook_listen=listen,
            webhook_url=webhook_url,
            webhook_secret=secret,
            redis_url=redis_url,
            feeds=feeds,
            refresh_minutes=refresh,
            articles=Path(articles) if (articles := environ.get("VERBATIM_ARTICLES", "").strip()) else None,
            store=store,
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
        mode = getattr(args, "mode", None) or self.mode
        _check_mode(mode, replace(self, console=self.console or bool(args.console)))
        problems: list[str] = []
        feeds = self.feeds
        if args.feed is not None:  # --feed given: those feeds, not the environment's
            feeds = _feeds([url for given in args.feed for url in split_urls(given)], "--feed", problems)
        refresh = self.refresh_minutes
        if args.refresh is not None:
            refresh = _refresh_minutes(args.refresh, "--refresh", problems)
        store = self.store
        if args.store is not None:
            store = _store(args.store, "--store", problems)
        if problems:
            raise SettingsError("Invalid settings:\n- " + "\n- ".join(problems))
        return replace(
            self,
            mode=mode,
            console=self.console or bool(args.console),
            index_dir=index_dir,
            state_file=state_file,
            model=args.model if args.model is not None else self.model,
            backend=args.backend if args.backend is not None else self.backend,
            log_level=args.log_level.upper() if args.log_level is not None else self.log_level,
            feeds=feeds,
            refresh_minutes=refresh,
            articles=args.articles if args.articles is not None else self.articles,
            store=store,
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
        help="score answers with the reranker and decline on its score (env VERBATIM_RERANK, default on; "
        "its model: env VERBATIM_RERANK_MODEL, default the bundled feature reranker)",
    )
    p.add_argument(
        "--state-file",
        help="where the bot remembers the updates it answered, 'off' for nowhere "
        "(env VERBATIM_STATE_FILE, default INDEX.bot-state.json beside the index directory)",
    )
    modes = p.add_mutually_exclusive_group()
    modes.add_argument(
        "--webhook",
        dest="mode",
        action="store_const",
        const="webhook",
        help="receive updates as a webhook server (VERBATIM_WEBHOOK_LISTEN, VERBATIM_WEBHOOK_SECRET, "
        "VERBATIM_REDIS_URL for several replicas) instead of polling",
    )
    modes.add_argument(
        "--set-webhook",
        dest="mode",
        action="store_const",
        const="set-webhook",
        help="register VERBATIM_WEBHOOK_URL (with the secret) with Telegram once, then exit",
    )
    modes.add_argument(
        "--delete-webhook",
        dest="mode",
        action="store_const",
        const="delete-webhook",
        help="remove the webhook from Telegram (polling works again), then exit",
    )
    p.add_argument(
        "--feed",
        action="append",
        metavar="URL",
        help="an RSS or Atom feed to keep the index up with; repeat for more (env VERBATIM_FEEDS)",
    )
    p.add_argument(
        "--refresh", metavar="MINUTES", help="minutes between feed refreshes (env VERBATIM_REFRESH, default 60)"
    )
    p.add_argument(
        "--articles",
        type=Path,
        help="the folder of articles the index was built from, read again at each refresh (env VERBATIM_ARTICLES)",
    )
    p.add_argument(
        "--store",
        help="where the index's vectors are searched, e.g. qdrant://HOST:PORT/COLLECTION "
        "(env VERBATIM_STORE, default: where the index was built)",
    )
    return p


def split_urls(raw: str) -> list[str]:
    """URLs separated by commas and/or whitespace, as VERBATIM_FEEDS lists them."""
    return [part for part in raw.replace(",", " ").split() if part]


def web_url_problem(url: str) -> str | None:
    """Why ``url`` cannot be fetched as a web page or feed (None: it can).

    Only http(s) with a host: a ``file:`` or ``ftp:`` URL, or a bare word, is refused here, so that
    an operator's typo is named at start-up and an admin's ``/add`` gets a reason at once.
    """
    try:
        parts = urlsplit(url)
        port_ok = parts.port is None or parts.port > 0
    except ValueError:
        return f"{url!r} is not a valid URL."
    if parts.scheme.lower() not in ("http", "https"):
        return f"{url!r} is not an http:// or https:// URL."
    if not parts.hostname or not port_ok or any(c.isspace() for c in url):
        return f"{url!r} is not a valid web address."
    return None


def _store(raw: str, name: str, problems: list[str]) -> str | None:
    """VERBATIM_STORE / --store: a store URL, checked; None when unset."""
    if not raw.strip():
        return None
    try:
        return parse_store(raw).url
    except VerbatimError as exc:
        problems.append(f"{name}: {exc}")
        return None


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


def _feeds(urls: Sequence[str], name: str, problems: list[str]) -> tuple[str, ...]:
    """Feed URLs, each checked; in the order given, without repeats."""
    for url in urls:
        problem = web_url_problem(url)
        if problem is not None:
            problems.append(f"{name}: {problem}")
    return tuple(dict.fromkeys(urls))


def _refresh_minutes(raw: str, name: str, problems: list[str]) -> float:
    """VERBATIM_REFRESH / --refresh: a positive number of minutes (fractions allowed), 60 when unset."""
    if not raw.strip():
        return DEFAULT_REFRESH_MINUTES
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not (value > 0 and math.isfinite(value)):
        problems.append(f"{name} must be a positive number of minutes (got {raw!r}).")
        return DEFAULT_REFRESH_MINUTES
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


def _webhook_settings(
    environ: Mapping[str, str], problems: list[str]
) -> tuple[tuple[str, int], str | None, str | None, str | None]:
    """VERBATIM_WEBHOOK_LISTEN, VERBATIM_WEBHOOK_URL, VERBATIM_WEBHOOK_SECRET and VERBATIM_REDIS_URL."""
    listen = _listen(environ.get("VERBATIM_WEBHOOK_LISTEN", ""), problems)
    url = environ.get("VERBATIM_WEBHOOK_URL", "").strip() or None
    if url is not None:
        if not url.startswith("https://"):
            problems.append(f"VERBATIM_WEBHOOK_URL must be an https:// URL, as Telegram requires (got {url!r}).")
        elif "/" not in url.removeprefix("https://").rstrip("/"):
            url = url.rstrip("/") + WEBHOOK_PATH  # a bare host: the path the server listens on
    secret = environ.get("VERBATIM_WEBHOOK_SECRET", "").strip() or None
    if secret is not None and (len(secret) > 256 or not set(secret) <= _SECRET_CHARS):
        problems.append("VERBATIM_WEBHOOK_SECRET must be 1-256 characters of A-Z, a-z, 0-9, _ and - (Telegram's rule).")
    redis_url = environ.get("VERBATIM_REDIS_URL", "").strip() or None
    if redis_url is not None and not redis_url.startswith(REDIS_SCHEMES):
        problems.append("VERBATIM_REDIS_URL must start with redis://, rediss:// or unix:// (a Redis or Valkey server).")
    return listen, url, secret, redis_url


def _listen(raw: str, problems: list[str]) -> tuple[str, int]:
    """VERBATIM_WEBHOOK_LISTEN: host:port ([v6 address]:port too); port 0 takes any free port."""
    value = raw.strip()
    if not value:
        return DEFAULT_WEBHOOK_LISTEN
    host, _, port = value.rpartition(":")
    host = host.strip("[]")
    if host and port.isdigit() and int(port) <= 65535:
        return host, int(port)
    problems.append(f"VERBATIM_WEBHOOK_LISTEN must be host:port, e.g. 0.0.0.0:8443 (got {raw!r}).")
    return DEFAULT_WEBHOOK_LISTEN


def _check_mode(mode: str, settings: Settings) -> None:
    """What the webhook modes need, all said at once; and that polling Telegram is not told to
    share state through Redis, which only webhook replicas do (it would be silently unused)."""
    if mode == "polling":
        if settings.redis_url is not None and not settings.use_console:
            raise SettingsError(
                "Invalid settings:\n- VERBATIM_REDIS_URL is for webhook replicas (python -m bot --webhook): a "
                "polling bot is the one process Telegram allows per token and keeps its state in its state "
                "file. Serve with --webhook, or unset VERBATIM_REDIS_URL."
            )
        return
    flag = f"--{mode}"
    problems = []
    if not settings.token:
        problems.append(f"{flag} needs TELEGRAM_BOT_TOKEN.")
    if mode in ("webhook", "set-webhook") and not settings.webhook_secret:
        problems.append(
            f"{flag} needs VERBATIM_WEBHOOK_SECRET: without it anyone who finds the URL could send the bot "
            "updates (choose 1-256 characters of A-Z, a-z, 0-9, _ and -)."
        )
    if mode == "set-webhook" and not settings.webhook_url:
        problems.append(
            "--set-webhook needs VERBATIM_WEBHOOK_URL, the public https:// URL Telegram will post updates to "
            f"(it reaches the replicas' {WEBHOOK_PATH}), e.g. https://bot.example.org{WEBHOOK_PATH}."
        )
    if problems:
        raise SettingsError("Invalid settings:\n- " + "\n- ".join(problems))
