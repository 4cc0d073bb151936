"""``python -m bot --set-webhook`` / ``--delete-webhook``: register the webhook with Telegram, or
remove it, once, from wherever the operator runs it.

Registering is a separate command so that N replicas starting together never race to set it.
``--set-webhook`` registers ``VERBATIM_WEBHOOK_URL`` with the secret Telegram then sends with
every update and every update type the bot handles; pending updates are kept. Polling
(``python -m bot``) removes a webhook by itself as it starts, since Telegram refuses getUpdates
while one is set.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from telegram import Bot, Update

from bot.settings import Settings

Call = Callable[[Bot], Awaitable[None]]


def set_webhook(settings: Settings) -> str:
    """Register the webhook; return what to tell the operator. Raises TelegramError."""
    assert settings.token and settings.webhook_url and settings.webhook_secret
    url, secret = settings.webhook_url, settings.webhook_secret

    async def call(bot: Bot) -> None:
        await bot.set_webhook(url=url, secret_token=secret, allowed_updates=Update.ALL_TYPES)

    _run(settings, call)
    return f"Telegram now posts this bot's updates to {url}. Start the replicas with --webhook."


def delete_webhook(settings: Settings) -> str:
    """Remove the webhook (updates wait at Telegram until polled or a new webhook is set)."""

    async def call(bot: Bot) -> None:
        await bot.delete_webhook(drop_pending_updates=False)

    _run(settings, call)
    return "The webhook is removed; updates wait at Telegram until the bot polls (python -m bot) or --set-webhook."


def _run(settings: Settings, call: Call) -> None:
    token = settings.token
    assert token

    async def run() -> None:
        async with Bot(token, base_url=settings.api_base_url) as bot:
            await call(bot)

    asyncio.run(run())
