"""Who may use the bot and how often: the allow-list, admins, and per-user/per-chat rate limits.

``Guard`` runs as a ``TypeHandler`` in an early handler group, before any other handler sees an
update, and ends the update's handling (``ApplicationHandlerStop``) when it must not go on:

* channel posts are ignored (the bot answers people, not channels);
* with ``VERBATIM_ALLOWED_CHATS`` set, anyone not listed (neither their user id nor the chat id)
  is told once in a while that this bot is private, and nothing else happens;
* a user or chat asking faster than ``VERBATIM_RATE_LIMIT`` per minute (sliding window) is told
  once how long to wait; further messages in that burst are dropped silently, so a flood of
  messages never becomes a flood of replies.

Admins (``VERBATIM_ADMINS``) pass every check. In groups only messages addressed to the bot (a
command, an @mention, a reply to the bot) count and are ever answered with a notice: the guard
never speaks up about chatter that was not meant for it.
"""

from __future__ import annotations

import logging
import math
import time
from collections import deque
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Protocol

from telegram import Message, Update
from telegram.constants import ChatType, MessageEntityType
from telegram.error import TelegramError
from telegram.ext import Application, ApplicationHandlerStop, ContextTypes, TypeHandler

from bot.chat.filters import is_addressed
from bot.settings import Settings

logger = logging.getLogger(__name__)

GUARD_GROUP = -100  # before every other handler group
WINDOW_SECONDS = 60.0
PRIVATE_TEXT = "Sorry, this bot is private: it answers only the people and chats it was set up for."
RATE_LIMITED_TEXT = "You are asking faster than I can keep up with. Please wait {seconds} s and ask again."
ADMIN_ONLY_TEXT = "Only the bot's admins can use {command}."


class SlidingWindow:
    """At most ``limit`` events per ``window`` seconds for each key; pure bookkeeping, clock given."""

    def __init__(self, limit: int, window: float = WINDOW_SECONDS, clock: Callable[[], float] = time.monotonic) -> None:
        if limit < 1:
            raise ValueError("limit must be at least 1")
        self.limit = limit
        self.window = window
        self._clock = clock
        self._events: dict[Hashable, deque[float]] = {}
        self._checks = 0

    def wait_time(self, key: Hashable) -> float:
        """Seconds until ``key`` may have another event (0.0: it may now)."""
        now = self._clock()
        events = self._events.get(key)
        if not events:
            return 0.0
        self._expire(events, now)
        if len(events) < self.limit:
            return 0.0
        return max(0.0, events[0] + self.window - now)

    def record(self, key: Hashable) -> None:
        now = self._clock()
        events = self._events.setdefault(key, deque())
        self._expire(events, now)
        events.append(now)
        self._checks += 1
        if self._checks % 1024 == 0:  # forget idle keys now and then: memory stays bounded
            self._forget_idle(now)

    def __len__(self) -> int:
        """How many keys are tracked (for tests and stats)."""
        return len(self._events)

    def _expire(self, events: deque[float], now: float) -> None:
        while events and events[0] <= now - self.window:
            events.popleft()

    def _forget_idle(self, now: float) -> None:
        for key in [k for k, events in self._events.items() if not events or events[-1] <= now - self.window]:
            del self._events[key]


@dataclass(frozen=True)
class Verdict:
    """What the guard decided for one update."""

    allowed: bool
    notice: str | None = None  # what to tell the user, if anything


class RateLimits:
    """The per-user and per-chat windows, and when to tell a user they are limited."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self._users = SlidingWindow(per_minute, clock=clock)
        self._chats = SlidingWindow(per_minute, clock=clock)
        self._told: dict[tuple[int | None, int | None], float] = {}
        self._clock = clock

    def check(self, user_id: int | None, chat_id: int | None) -> Verdict:
        """Count one request; refuse it when the user or the chat is over the limit."""
        wait = max(
            self._users.wait_time(user_id) if user_id is not None else 0.0,
            self._chats.wait_time(chat_id) if chat_id is not None else 0.0,
        )
        key = (user_id, chat_id)
        if wait <= 0:
            if user_id is not None:
                self._users.record(user_id)
            if chat_id is not None:
                self._chats.record(chat_id)
            self._told.pop(key, None)
            return Verdict(True)
        now = self._clock()
        if self._told.get(key, -math.inf) > now:  # already told during this burst: stay quiet
            return Verdict(False)
        self._told[key] = now + wait
        if len(self._told) > 4096:
            self._told = {k: until for k, until in self._told.items() if until > now}
        return Verdict(False, RATE_LIMITED_TEXT.format(seconds=max(1, math.ceil(wait))))


class RateCheck(Protocol):
    """Counts one request of a user in a chat and says whether it may go on: this process's
    ``LocalRateLimits``, or the limits webhook replicas share in Redis (``bot/cluster/limits.py``)."""

    async def check(self, user_id: int | None, chat_id: int | None) -> Verdict: ...


class LocalRateLimits:
    """``RateLimits`` as a ``RateCheck``: kept in this process's memory."""

    def __init__(self, limits: RateLimits) -> None:
        self._limits = limits

    async def check(self, user_id: int | None, chat_id: int | None) -> Verdict:
        return self._limits.check(user_id, chat_id)


class Guard:
    """The early ``TypeHandler`` callback: allow-list, channel posts, rate limits."""

    def __init__(
        self, settings: Settings, clock: Callable[[], float] = time.monotonic, limits: RateCheck | None = None
    ) -> None:
        self._settings = settings
        self._limits = limits or LocalRateLimits(RateLimits(settings.rate_limit_per_minute, clock))
        # The private notice is itself rate limited: once a minute per chat at most.
        self._private_notices = SlidingWindow(1, clock=clock)
        self.refused = 0  # updates stopped by the allow-list or the rate limit (for /stats)

    async def __call__(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        if not isinstance(update, Update):
            return
        if update.channel_post is not None or update.edited_channel_post is not None:
            raise ApplicationHandlerStop
        user = update.effective_user
        chat = update.effective_chat
        user_id = user.id if user is not None else None
        chat_id = chat.id if chat is not None else None
        if user_id is not None and user_id in self._settings.admins:
            return
        if not is_allowed(self._settings, user_id, chat_id):
            self.refused += 1
            # The ids an operator would add to VERBATIM_ALLOWED_CHATS to let this one in.
            logger.info("Private bot: refused user %s in chat %s (not in VERBATIM_ALLOWED_CHATS)", user_id, chat_id)
            await self._tell_private(update, context)
            raise ApplicationHandlerStop
        if not counts_as_request(update, context.bot.id, context.bot.username):
            return
        verdict = await self._limits.check(user_id, chat_id)
        if verdict.allowed:
            return
        self.refused += 1
        logger.info("Rate limit: dropped an update from user %s in chat %s", user_id, chat_id)
        if verdict.notice is not None:
            await _notify(update, verdict.notice)
        raise ApplicationHandlerStop

    async def _tell_private(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if not counts_as_request(update, context.bot.id, context.bot.username):
            return
        key = update.effective_chat.id if update.effective_chat is not None else None
        if self._private_notices.wait_time(key) > 0:
            return
        self._private_notices.record(key)
        await _notify(update, PRIVATE_TEXT)


def is_allowed(settings: Settings, user_id: int | None, chat_id: int | None) -> bool:
    """Everyone when no allow-list is set; otherwise a listed user (anywhere) or a listed chat."""
    if not settings.allowed_chats:
        return True
    return (user_id is not None and user_id in settings.allowed_chats) or (
        chat_id is not None and chat_id in settings.allowed_chats
    )


def is_admin(settings: Settings, update: Update) -> bool:
    user = update.effective_user
    return user is not None and user.id in settings.admins


def counts_as_request(update: Update, bot_id: int, bot_username: str | None) -> bool:
    """Whether the bot would answer this update: a button press, or a message meant for it."""
    if update.callback_query is not None:
        return True
    message = update.message or update.edited_message
    if message is None:
        return False  # inline queries, membership changes, ...: never answered with a message
    return message.chat.type == ChatType.PRIVATE or addressed_to_bot(message, bot_id, bot_username)


def addressed_to_bot(message: Message, bot_id: int, bot_username: str | None) -> bool:
    """In a group: a command (for this bot), an @mention of the bot, or a reply to the bot."""
    if is_addressed(message, bot_username, bot_id):  # the chat layer's own rule: mention or reply
        return True
    for entity, text in message.parse_entities([MessageEntityType.BOT_COMMAND]).items():
        if entity.offset == 0:
            _, _, target = text.partition("@")
            return not target or (bot_username is not None and target.casefold() == bot_username.casefold())
    return False


async def _notify(update: Update, text: str) -> None:
    """Tell the user ``text``: as a button-press answer, or as a message in the chat."""
    try:
        if update.callback_query is not None:
            await update.callback_query.answer(text)
        elif update.effective_message is not None:
            await update.effective_message.reply_text(text, parse_mode=None, do_quote=False)
    except TelegramError:  # the notice is a courtesy; failing to send it changes nothing
        logger.warning("Could not send a guard notice", exc_info=True)


def install_guard(application: Application, settings: Settings, limits: RateCheck | None = None) -> Guard:
    """Put the guard in front of every other handler; return it (its counters feed /stats).
    ``limits``: the rate limits to keep (None: this process's own)."""
    guard = Guard(settings, limits=limits)
    application.add_handler(TypeHandler(Update, guard), group=GUARD_GROUP)
    return guard
