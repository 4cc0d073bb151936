"""The real bot against a Bot API server that misbehaves, and users who do too.

Every question gets exactly one reply through flood control, 5xx answers, slow answers,
dropped connections and an outage; a restart neither repeats nor skips an update; hostile and
odd input always gets a short, valid reply (or, for channel posts, none); floods are limited;
a private bot stays private; and no log line, at DEBUG, shows the token.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import random
import threading
from collections import Counter
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from telegram.ext import Application

from bot.chat.guards import ADMIN_ONLY_TEXT, PRIVATE_TEXT
from bot.chat.inputs import WORDLESS_TEXT
from bot.logging_setup import install_record_redaction, secrets_of
from bot.render import replies
from bot.telegram.app import build_application
from index.search.searcher import Searcher
from tests.botrunner import BackgroundBot, run_bot, settings_for, wait_for_messages
from tests.fakes.bot_api import Drop, FakeBotAPI, Flood, ServerError, Slow

QUESTION = "what did Peskov say?"


def _texts_to(server: FakeBotAPI, chat_id: int) -> list[str]:
    return [m["text"] for m in server.sent_messages if m["chat_id"] == chat_id]


def _replies_per_chat(server: FakeBotAPI) -> Counter[int]:
    return Counter(m["chat_id"] for m in server.sent_messages)


def _assert_no_rejected_messages(server: FakeBotAPI) -> None:
    """Every sendMessage that reached Telegram's checks passed them (no 400 for bad HTML or length)."""
    sends = [p for method, p in server.requests if method == "sendMessage"]
    # A faulted call was answered with the fault instead (except Slow, which answers normally, late).
    faulted = sum(
        1 for method, fault in server.faults_served if method == "sendMessage" and not isinstance(fault, Slow)
    )
    assert len(sends) - faulted == len(server.sent_messages)
    assert server.internal_errors == [] and server.unknown_methods == []
    assert not any(replies.ERROR_TEXT in m["text"] for m in server.sent_messages)


@pytest.fixture
def redacted_logs(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """Every record of every logger at DEBUG, through the redaction the bot installs at start."""
    undo = install_record_redaction(secrets_of(FakeBotAPI().token))
    caplog.set_level(logging.DEBUG)
    yield caplog
    undo()


def _all_log_text(caplog: pytest.LogCaptureFixture) -> str:
    formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")
    return "\n".join(formatter.format(record) for record in caplog.records)


# -- Telegram faults ------------------------------------------------------------------------------


def test_every_question_gets_exactly_one_reply_through_faults_and_an_outage(
    bot_api: FakeBotAPI, sample_searcher: Searcher, redacted_logs: pytest.LogCaptureFixture
) -> None:
    bot_api.inject("sendMessage", Flood(retry_after=1))
    bot_api.inject("sendMessage", ServerError(500), times=2)
    bot_api.inject("sendMessage", ServerError(502))
    bot_api.inject("sendMessage", Drop(), times=2)
    bot_api.inject("sendMessage", Slow(1.0), times=2)
    bot_api.inject("getUpdates", ServerError(502))
    bot_api.inject("getUpdates", Drop())
    first = range(6001, 6011)
    during_outage = range(6101, 6106)

    async def scenario(application: Application) -> None:
        for user in first:
            bot_api.send_text(QUESTION, user_id=user)
        for user in first:
            await wait_for_messages(bot_api, user, 1, timeout=60)
        # Telegram goes away: connections dropped, then 503s; questions pile up meanwhile.
        bot_api.outage(Drop())
        await asyncio.sleep(0.5)
        for user in during_outage:
            bot_api.send_text(QUESTION, user_id=user)
        await asyncio.sleep(0.5)
        bot_api.outage(ServerError(503))
        await asyncio.sleep(0.7)
        bot_api.end_outage()
        for user in during_outage:
            await wait_for_messages(bot_api, user, 1, timeout=60)
        await asyncio.sleep(1.0)  # a duplicate, if any, would arrive by now

    run_bot(bot_api, sample_searcher, scenario)
    served = {type(fault).__name__ for _, fault in bot_api.faults_served}
    assert served == {"Flood", "ServerError", "Drop", "Slow"}
    assert any(method == "getUpdates" and isinstance(fault, Drop) for method, fault in bot_api.faults_served)
    counts = _replies_per_chat(bot_api)
    assert {user: counts[user] for user in [*first, *during_outage]} == {user: 1 for user in [*first, *during_outage]}
    assert all("Peskov" in text for user in [*first, *during_outage] for text in _texts_to(bot_api, user))
    _assert_no_rejected_messages(bot_api)
    logs = _all_log_text(redacted_logs)
    assert ("getUpdates" in logs and "Traceback" in logs) or "retry" in logs  # the faults were logged ...
    assert bot_api.token not in logs and bot_api.token.split(":")[1] not in logs  # ... without the token


def test_a_restart_neither_repeats_nor_skips_an_update(bot_api: FakeBotAPI, sample_searcher: Searcher) -> None:
    async def first_run(application: Application) -> None:
        for user in (7001, 7002):
            bot_api.send_text(QUESTION, user_id=user)
            await wait_for_messages(bot_api, user, 1)
        # One answer is still on its way (Telegram is slow) when the bot is told to stop.
        bot_api.inject("sendMessage", Slow(1.0))
        bot_api.send_text(QUESTION, user_id=7003)
        while not any(isinstance(fault, Slow) for _, fault in bot_api.faults_served):
            await asyncio.sleep(0.02)  # the reply is now on its way, slowly: stop the bot

    run_bot(bot_api, sample_searcher, first_run)
    assert _replies_per_chat(bot_api)[7003] == 1  # the answer in flight was finished, not dropped
    for user in (7004, 7005):  # written while the bot was down
        bot_api.send_text(QUESTION, user_id=user)

    async def second_run(application: Application) -> None:
        for user in (7004, 7005):
            await wait_for_messages(bot_api, user, 1)
        await asyncio.sleep(0.5)

    run_bot(bot_api, sample_searcher, second_run)
    assert {u: n for u, n in _replies_per_chat(bot_api).items()} == {u: 1 for u in range(7001, 7006)}
    assert bot_api.pending_updates == []


def test_a_bot_started_while_telegram_is_down_waits_for_it(bot_api: FakeBotAPI, sample_searcher: Searcher) -> None:
    bot_api.outage(ServerError(502))
    timer = threading.Timer(1.5, bot_api.end_outage)
    timer.start()

    async def scenario(application: Application) -> None:
        bot_api.send_text(QUESTION, user_id=7501)
        await wait_for_messages(bot_api, 7501, 1)

    try:
        run_bot(bot_api, sample_searcher, scenario)
    finally:
        timer.cancel()
    assert any(method == "getMe" for method, _ in bot_api.faults_served)
    assert "Peskov" in _texts_to(bot_api, 7501)[0]


# -- hostile and odd input ----------------------------------------------------------------------


def test_every_kind_of_odd_input_gets_a_short_valid_reply(bot_api: FakeBotAPI, sample_searcher: Searcher) -> None:
    voice = {
        "file_id": "AwACAgIAAxkBAAFAKEvoice",
        "file_unique_id": "AgADvoice",
        "duration": 3,
        "mime_type": "audio/ogg",
    }
    document = {"file_id": "BQACAgIAAxkBAAFAKEdoc", "file_unique_id": "AgADdoc", "file_name": "q.pdf"}
    texts = {
        8001: "🤔🤔🤔",
        8002: "?!?! ... !!!",
        8003: "\u200b\u200ewhat\x00 did\u2066 Peskov\u2069 say?\u200d",
        8004: "<b>what</b> did <i>Peskov say? </a> &amp; & <script>",
        8005: "*what* did _Peskov_ say? `code` [link](http://x)",
        8006: "ماذا قال بيسكوف عن الناتو؟",
        8007: "Что сказал Песков? 北约 NATO",
        8008: "why " * 400,
        8009: " " * 3000 + QUESTION + "\n" * 1000,
        8010: "/start <b>junk</b> & ../../etc/passwd %s {0}",
        8011: "/sources 💥💥 DROP TABLE",
        8012: "/frobnicate now",
        8013: "/reload please",
        8014: "/help@someone_elses_bot",
    }

    async def scenario(application: Application) -> None:
        for user, text in texts.items():
            bot_api.send_text(text, user_id=user)
        bot_api.send_sticker(user_id=8101)
        bot_api.send_photo(caption="what did Peskov say?", user_id=8102)
        bot_api.send_update(
            {
                "message": {
                    "message_id": 1,
                    "date": 0,
                    "chat": {"id": 8103, "type": "private", "first_name": "V"},
                    "from": {"id": 8103, "is_bot": False, "first_name": "V"},
                    "voice": voice,
                }
            }
        )
        bot_api.send_update(
            {
                "message": {
                    "message_id": 1,
                    "date": 0,
                    "chat": {"id": 8104, "type": "private", "first_name": "D"},
                    "from": {"id": 8104, "is_bot": False, "first_name": "D"},
                    "document": document,
                }
            }
        )
        bot_api.send_channel_post(QUESTION)
        bot_api.send_text("hello there", user_id=8201)
        await wait_for_messages(bot_api, 8201, 1)
        bot_api.send_edited_text(QUESTION, user_id=8201)  # the user fixes the question
        for user in [*texts, 8101, 8102, 8103, 8104]:
            await wait_for_messages(bot_api, user, 1)
        await wait_for_messages(bot_api, 8201, 2)
        await asyncio.sleep(0.5)

    run_bot(bot_api, sample_searcher, scenario)
    first = {user: _texts_to(bot_api, user)[0] for user in [*texts, 8101, 8102, 8103, 8104]}
    assert first[8001] == first[8002] == WORDLESS_TEXT
    for user in (8003, 8009):  # invisible characters and padding do not change the question
        assert "Peskov" in first[user], (user, first[user])
    for user in (8004, 8005, 8006, 8007):  # answered or declined (the ranker's call), in valid HTML
        assert first[user] and replies.ERROR_TEXT not in first[user]
    assert "shorter question" in first[8008]
    assert "Verbatim" in first[8010] and "sentences" in first[8011]
    assert first[8012] == replies.UNKNOWN_COMMAND_TEXT
    assert first[8013] == ADMIN_ONLY_TEXT.format(command="/reload")
    assert first[8014] == replies.UNKNOWN_COMMAND_TEXT  # a command for another bot is not ours
    assert first[8101] == first[8102] == first[8103] == first[8104] == replies.NON_TEXT_TEXT
    edited = _texts_to(bot_api, 8201)
    assert len(edited) == 2 and "Peskov" in edited[1]  # an edited message is answered afresh
    assert bot_api.token not in "".join(m["text"] for m in bot_api.sent_messages)
    assert all(m["chat_id"] > 0 for m in bot_api.sent_messages)  # nothing to the channel
    _assert_no_rejected_messages(bot_api)


@pytest.fixture(scope="module")
def fuzz_bot(sample_searcher: Searcher) -> Iterator[FakeBotAPI]:
    with FakeBotAPI() as server:
        settings = settings_for(server, sample_searcher.directory, rate_limit_per_minute=10_000)
        with BackgroundBot(build_application(settings, sample_searcher)):
            yield server


_users = itertools.count(900_001)


@given(st.text(alphabet=st.characters(codec=None, exclude_categories=()), min_size=1, max_size=400))
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_arbitrary_unicode_always_gets_a_valid_reply(fuzz_bot: FakeBotAPI, text: str) -> None:
    user = next(_users)
    fuzz_bot.send_text(text, user_id=user)
    sent = fuzz_bot.wait_for_messages(user, 1, timeout=30)
    assert all(m["text"] and replies.ERROR_TEXT not in m["text"] for m in sent)
    _assert_no_rejected_messages(fuzz_bot)


# -- abuse --------------------------------------------------------------------------------------


def test_a_flood_gets_the_limit_answered_and_one_notice(bot_api: FakeBotAPI, sample_searcher: Searcher) -> None:
    async def scenario(application: Application) -> None:
        for _ in range(12):
            bot_api.send_text(QUESTION, user_id=9001)
        bot_api.send_text(QUESTION, user_id=9002)
        await wait_for_messages(bot_api, 9001, 4)
        await wait_for_messages(bot_api, 9002, 1)
        await asyncio.sleep(1.0)

    run_bot(bot_api, sample_searcher, scenario, rate_limit_per_minute=3)
    texts = _texts_to(bot_api, 9001)
    assert len(texts) == 4
    assert sum("Peskov" in t for t in texts) == 3
    assert sum("faster than I can keep up" in t for t in texts) == 1
    assert "Peskov" in _texts_to(bot_api, 9002)[0]  # someone else is not affected


def test_a_private_bot_answers_its_people_and_politely_turns_away_the_rest(
    bot_api: FakeBotAPI, sample_searcher: Searcher
) -> None:
    friend, admin, stranger, team = 9101, 9102, 9103, -1009100

    async def scenario(application: Application) -> None:
        for _ in range(3):
            bot_api.send_text(QUESTION, user_id=stranger)
        bot_api.send_sticker(user_id=stranger)
        bot_api.send_text(QUESTION, user_id=friend)
        bot_api.send_text(QUESTION, user_id=admin)
        bot_api.send_text("/ask " + QUESTION, chat_id=team, user_id=stranger, chat_type="supergroup")
        for chat in (stranger, friend, admin, team):
            await wait_for_messages(bot_api, chat, 1)
        await asyncio.sleep(1.0)

    run_bot(bot_api, sample_searcher, scenario, allowed_chats=frozenset({friend, team}), admins=frozenset({admin}))
    assert _texts_to(bot_api, stranger) == [PRIVATE_TEXT]  # told once, not four times
    assert "Peskov" in _texts_to(bot_api, friend)[0]
    assert "Peskov" in _texts_to(bot_api, admin)[0]  # admins always get through
    assert "Peskov" in _texts_to(bot_api, team)[0]  # an allowed group: anyone in it may ask


# -- soak (make soak) ---------------------------------------------------------------------------


@pytest.mark.slow
def test_soak_random_faults_a_burst_and_an_outage_longer_than_any_backoff(
    bot_api: FakeBotAPI, sample_searcher: Searcher
) -> None:
    rng = random.Random(11)
    faults = [Flood(retry_after=1), ServerError(500), ServerError(502), ServerError(503), Drop(), Slow(0.5)]
    for _ in range(80):
        bot_api.inject(rng.choice(["*", "sendMessage", "getUpdates"]), rng.choice(faults))
    burst_users = range(20001, 20051)
    outage_users = range(21001, 21011)

    async def scenario(application: Application) -> None:
        for _ in range(2):  # a burst: 100 questions from 50 people within a second or two
            for user in burst_users:
                bot_api.send_text(QUESTION, user_id=user)
            await asyncio.sleep(0.5)
        for user in burst_users:
            await wait_for_messages(bot_api, user, 2, timeout=180)
        bot_api.outage(Drop())  # longer than python-telegram-bot's 30 s cap on polling backoff
        for user in outage_users:
            bot_api.send_text(QUESTION, user_id=user)
        await asyncio.sleep(40)
        bot_api.end_outage()
        for user in outage_users:
            await wait_for_messages(bot_api, user, 1, timeout=120)
        await asyncio.sleep(2)

    run_bot(bot_api, sample_searcher, scenario, rate_limit_per_minute=100)
    counts = _replies_per_chat(bot_api)
    assert {u: counts[u] for u in burst_users} == {u: 2 for u in burst_users}
    assert {u: counts[u] for u in outage_users} == {u: 1 for u in outage_users}
    _assert_no_rejected_messages(bot_api)


def test_in_a_group_only_messages_for_the_bot_count_and_chatter_never_gets_a_notice(
    bot_api: FakeBotAPI, sample_searcher: Searcher
) -> None:
    group, private_group = -1009200, -1009300

    async def scenario(application: Application) -> None:
        for number in range(10):
            bot_api.send_text(f"just chatting {number}", chat_id=group, user_id=9201, chat_type="supergroup")
            bot_api.send_text(
                f"chatting elsewhere {number}", chat_id=private_group, user_id=9202, chat_type="supergroup"
            )
        for _ in range(3):
            bot_api.send_text("/ask " + QUESTION, chat_id=group, user_id=9201, chat_type="supergroup")
        bot_api.send_text("/ask " + QUESTION, chat_id=private_group, user_id=9202, chat_type="supergroup")
        await wait_for_messages(bot_api, group, 3)
        await wait_for_messages(bot_api, private_group, 1)
        await asyncio.sleep(1.0)

    run_bot(bot_api, sample_searcher, scenario, rate_limit_per_minute=2, allowed_chats=frozenset({group, 9201}))
    texts = _texts_to(bot_api, group)
    assert len(texts) == 3 and sum("Peskov" in t for t in texts) == 2
    assert sum("faster than I can keep up" in t for t in texts) == 1
    assert _texts_to(bot_api, private_group) == [PRIVATE_TEXT]
