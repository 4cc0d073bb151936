"""``python -m bot`` / ``verbatim``: run the Telegram bot, or the terminal chat without a token.

``--webhook`` serves as a webhook replica instead of polling (``bot/webhook/``);
``--set-webhook`` / ``--delete-webhook`` register or remove the webhook once and exit.

It exits with one of ``bot.exit_status.ExitStatus`` (0 stopped, 1 unexpected error, 2 bad
settings, 3 no usable index, 4 token rejected).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence

from bot.console import run_console
from bot.exit_status import ExitStatus
from bot.logging_setup import configure_logging
from bot.settings import Settings, SettingsError, load_settings
from index import AnswerPolicy, Searcher, VerbatimError, quiet_model_loading

logger = logging.getLogger("verbatim")


def main(argv: Sequence[str] | None = None) -> int:
    try:
        settings = load_settings(argv)
    except SettingsError as exc:
        print(f"verbatim: {exc}", file=sys.stderr)
        return ExitStatus.BAD_SETTINGS
    configure_logging(
        settings.log_level if not settings.use_console else "WARNING",
        settings.token,
        extra_secrets=[settings.webhook_secret] if settings.webhook_secret else [],
    )
    if settings.mode in ("set-webhook", "delete-webhook"):
        return _register(settings)  # needs no index
    if settings.backend != "onnx":  # the onnx encoder never imports transformers (seconds saved)
        quiet_model_loading()
    try:
        searcher = Searcher.open(
            settings.index_dir,
            model=settings.model,
            backend=settings.backend,
            policy=AnswerPolicy(rerank=settings.rerank),
            rerank_model=settings.rerank_model,
            store=settings.store,
        )
    except VerbatimError as exc:
        print(f"verbatim: {exc}", file=sys.stderr)
        return ExitStatus.NO_INDEX
    if settings.use_console and settings.mode == "polling":
        if not settings.console:
            print("TELEGRAM_BOT_TOKEN is not set: starting the terminal chat.", file=sys.stderr)
        try:
            run_console(
                searcher, sys.stdin, sys.stdout, interactive=sys.stdin.isatty(), max_chars=settings.max_question_chars
            )
        except KeyboardInterrupt:
            pass
        return ExitStatus.OK
    from telegram.error import InvalidToken

    from bot.delivery.resilience import TokenRejected
    from bot.telegram.app import run_telegram
    from bot.webhook.serve import ListenError, run_webhook

    logger.info("Serving %d sentences from %s", searcher.manifest.sentences, settings.index_dir)
    try:
        if settings.mode == "webhook":
            run_webhook(settings, searcher)
        else:
            run_telegram(settings, searcher)
    except ListenError as exc:
        logger.critical("%s", exc)
        return ExitStatus.BAD_SETTINGS
    except InvalidToken:
        # PTB's message quotes the token; say it in our own words (the log is redacted anyway).
        logger.critical("Telegram rejected the bot token (TELEGRAM_BOT_TOKEN); check it with @BotFather.")
        logger.debug("The rejection in detail", exc_info=True)
        return ExitStatus.TOKEN_REJECTED
    except TokenRejected:
        return ExitStatus.TOKEN_REJECTED  # revoked while running: said once in the log when Telegram refused it
    except Exception:
        # Through logging, never a bare traceback on stderr: the log redacts the token.
        logger.critical("The bot stopped because of an unexpected error", exc_info=True)
        return ExitStatus.FAILED
    return ExitStatus.OK


def _register(settings: Settings) -> int:
    """--set-webhook / --delete-webhook: one call to Telegram, its outcome in one line."""
    from telegram.error import InvalidToken, TelegramError

    from bot.webhook.registration import delete_webhook, set_webhook

    try:
        message = set_webhook(settings) if settings.mode == "set-webhook" else delete_webhook(settings)
    except InvalidToken:
        logger.critical("Telegram rejected the bot token (TELEGRAM_BOT_TOKEN); check it with @BotFather.")
        return ExitStatus.TOKEN_REJECTED
    except TelegramError as exc:
        logger.critical("Telegram refused --%s: %s", settings.mode, exc)
        return ExitStatus.FAILED
    print(message)
    return ExitStatus.OK


if __name__ == "__main__":
    sys.exit(main())
