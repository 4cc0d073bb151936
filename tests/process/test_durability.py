"""Durability of the running bot: every question answered exactly once across ``kill -9``, and a
revoked token ends it.

The end-to-end tests run ``python -m bot`` as an operator does, against the fake Bot API
server on 127.0.0.1: one kills the bot while Telegram still holds answered updates as
unconfirmed and restarts it; one kills it while an answer is on its way to a question Telegram
already counts as delivered; one kills it the very moment Telegram confirms a question it just
fetched; one revokes the token while an answer is on its way. The rest test the state file, the
getUpdates transport and the update processor on their own, with real Update objects.
"""

from __future__ import annotations

import asyncio
import json
import logging
import signal
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from telegram import Bot, Update

from bot.delivery.redelivery import OnceUpdateProcessor, UpdateJournal, fingerprint
from bot.delivery.resilience import PollingRequest, TokenRejected, TokenWatch
from bot.delivery.update_state import KEEP, PENDING_KEEP, BotState, Handled, Pending, StateFile, StateFileError
from bot.exit_status import ExitStatus
from bot.settings import Settings, default_state_file, load_settings
from bot.telegram.app import build_application
from index.search.searcher import Searcher
from tests.botprocess import BotProcess, bot_env
from tests.botrunner import serving, settings_for
from tests.fakes.bot_api import ApiError, FakeBotAPI, Hang, ServerError, Slow

BOT_ID = 123456  # the fake server's bot: its token is 123456:...
OTHER_BOT_ID = 777


def _wait_until(condition: Callable[[], bool], what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"{what} did not happen within {timeout} s"
        time.sleep(0.05)


def _message_update(
    update_id: int, text: str, *, chat_id: int = 5001, message_id: int = 1, date: int = 1_700_000_000
) -> Update:
    person = {"id": chat_id, "is_bot": False, "first_name": "Ada"}
    return Update.de_json(
        {
            "update_id": update_id,
            "message": {
                "message_id": message_id,
                "date": date,
                "text": text,
                "from": person,
                "chat": {"id": chat_id, "type": "private", "first_name": "Ada"},
            },
        },
        None,
    )


async def _opened(path: Path | None) -> tuple[UpdateJournal, OnceUpdateProcessor]:
    """A journal of bot BOT_ID on ``path``, opened (its state read back), and its processor."""
    journal = UpdateJournal(path)
    await journal.open(BOT_ID)
    return journal, OnceUpdateProcessor(4, journal)


async def _nothing() -> None:
    """Handlers that do nothing, for updates whose answering is not the point."""


def _errors(caplog: pytest.LogCaptureFixture, level: int = logging.WARNING) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= level]


# -- the bot process: kill -9 and restart ----------------------------------------------------------


def test_questions_answered_before_a_hard_kill_are_not_answered_again_after_the_restart(
    bot_api: FakeBotAPI, index_copy: Path, tmp_path: Path
) -> None:
    state_file = tmp_path / "state" / "bot-state.json"
    state_file.parent.mkdir()
    env = bot_env(bot_api, index_copy) | {"VERBATIM_STATE_FILE": str(state_file)}
    questions = {
        2001: "Where is NATO headquartered?",
        2002: "What did Sherman add?",
        2003: "How do I bake sourdough bread?",
    }
    first_id = bot_api.next_update_id
    last_id = first_id + len(questions) - 1
    # Telegram fails every getUpdates that would confirm these questions: they stay unconfirmed.
    bot_api.inject("getUpdates", ServerError(502), times=10_000, when=lambda p: int(p.get("offset") or 0) > last_id)

    first = BotProcess(env, tmp_path / "first.log")
    try:
        first.wait_for_log("the bot is answering")
        for user, question in questions.items():
            bot_api.send_text(question, user_id=user)
        for user in questions:
            bot_api.wait_for_messages(user, 1, timeout=60)
        _wait_until(lambda: any(m == "getUpdates" for m, _ in bot_api.faults_served), "a failed confirmation")
        ids = set(range(first_id, last_id + 1))
        _wait_until(
            lambda: ids <= {h.update_id for h in StateFile(state_file).load(BOT_ID).state.handled},
            "saving the answered ids",
        )
        assert ids <= {u["update_id"] for u in bot_api.pending_updates}  # Telegram would send them again
        first.process.send_signal(signal.SIGKILL)
        first.process.wait(timeout=30)
    finally:
        first.stop()

    bot_api.clear_faults()
    second = BotProcess(env, tmp_path / "second.log")
    try:
        second.wait_for_log("the bot is answering")
        bot_api.send_text("what did Peskov say?", user_id=2004)
        (after,) = bot_api.wait_for_messages(2004, 1, timeout=60)
        assert "Peskov" in after["text"]
        _wait_until(lambda: not bot_api.pending_updates, "confirming the redelivered updates")
        second.process.send_signal(signal.SIGTERM)
        assert second.process.wait(timeout=30) == 0
    finally:
        second.stop()

    for user in questions:
        assert len([m for m in bot_api.sent_messages if m["chat_id"] == user]) == 1, user
    log = second.output()
    assert all(f"Not answering update {i} again" in log for i in ids)  # sent again, and passed over
    assert bot_api.token not in first.output() + log


def test_a_question_being_answered_at_a_hard_kill_is_answered_once_after_the_restart(
    bot_api: FakeBotAPI, index_copy: Path, tmp_path: Path
) -> None:
    state_file = tmp_path / "bot-state.json"
    env = bot_env(bot_api, index_copy) | {"VERBATIM_STATE_FILE": str(state_file)}
    # The answer to this one chat never gets through: the bot is still working on it when killed.
    bot_api.inject("sendMessage", Hang(), when=lambda p: str(p.get("chat_id")) == "2101")

    def pending_ids() -> set[int]:
        return {p.update_id for p in StateFile(state_file).load(BOT_ID).state.pending}

    first = BotProcess(env, tmp_path / "first.log")
    try:
        first.wait_for_log("the bot is answering")
        held_id = bot_api.next_update_id
        bot_api.send_text("Where is NATO headquartered?", user_id=2101)
        _wait_until(lambda: any(isinstance(f, Hang) for _, f in bot_api.faults_served), "the held answer")
        _wait_until(lambda: held_id not in {u["update_id"] for u in bot_api.pending_updates}, "confirming the question")
        _wait_until(lambda: held_id in pending_ids(), "saving the question as pending")
        first.process.send_signal(signal.SIGKILL)
        first.process.wait(timeout=30)
    finally:
        first.stop()
    # Telegram will not send it again, and nothing was answered: only the state file has it.
    assert held_id in pending_ids()
    assert held_id not in {h.update_id for h in StateFile(state_file).load(BOT_ID).state.handled}
    assert not [m for m in bot_api.sent_messages if m["chat_id"] == 2101]

    second = BotProcess(env, tmp_path / "second.log")
    try:
        second.wait_for_log("the bot is answering")
        (answer,) = bot_api.wait_for_messages(2101, 1, timeout=60)
        bot_api.send_text("what did Peskov say?", user_id=2102)
        (after,) = bot_api.wait_for_messages(2102, 1, timeout=60)
        assert "Peskov" in after["text"]
        second.process.send_signal(signal.SIGTERM)
        assert second.process.wait(timeout=30) == 0
    finally:
        second.stop()

    assert "NATO" in answer["text"] or "Brussels" in answer["text"], answer["text"]
    assert len([m for m in bot_api.sent_messages if m["chat_id"] == 2101]) == 1  # exactly once
    assert f"Answering update {held_id} again" in second.output()
    state = StateFile(state_file).load(BOT_ID).state
    assert not state.pending and held_id in {h.update_id for h in state.handled}
    assert bot_api.token not in first.output() + second.output()


def test_a_question_confirmed_to_telegram_at_the_moment_of_a_hard_kill_is_answered_once_after_the_restart(
    bot_api: FakeBotAPI, index_copy: Path, tmp_path: Path
) -> None:
    state_file = tmp_path / "bot-state.json"
    env = bot_env(bot_api, index_copy) | {"VERBATIM_STATE_FILE": str(state_file)}
    bot_api.inject("sendMessage", Hang(), when=lambda p: str(p.get("chat_id")) == "2201")  # no answer gets out

    first = BotProcess(env, tmp_path / "first.log")
    try:
        first.wait_for_log("the bot is answering")
        held_id = bot_api.next_update_id

        def power_cut(confirmed: list[int]) -> None:
            # The getUpdates call that confirms the question goes out right after it was
            # fetched, before any answer: the power fails the moment Telegram forgets it.
            if held_id in confirmed:
                first.process.send_signal(signal.SIGKILL)

        bot_api.on_confirm(power_cut)
        bot_api.send_text("Where is NATO headquartered?", user_id=2201)
        assert first.process.wait(timeout=60) == -signal.SIGKILL
    finally:
        first.stop()
    assert held_id not in {u["update_id"] for u in bot_api.pending_updates}  # Telegram will not resend it
    assert not [m for m in bot_api.sent_messages if m["chat_id"] == 2201]

    bot_api.clear_faults()
    second = BotProcess(env, tmp_path / "second.log")
    try:
        second.wait_for_log("the bot is answering")
        (answer,) = bot_api.wait_for_messages(2201, 1, timeout=60)
        second.process.send_signal(signal.SIGTERM)
        assert second.process.wait(timeout=30) == 0
    finally:
        second.stop()
    assert "Brussels" in answer["text"], answer["text"]
    assert len([m for m in bot_api.sent_messages if m["chat_id"] == 2201]) == 1
    assert f"Answering update {held_id} again" in second.output()
    assert not StateFile(state_file).load(BOT_ID).state.pending


# -- the bot process: a token revoked while it runs -------------------------------------------------


def test_a_token_revoked_while_running_stops_the_bot_cleanly_with_status_4_and_one_clear_error(
    bot_api: FakeBotAPI, index_copy: Path, tmp_path: Path
) -> None:
    bot = BotProcess(bot_env(bot_api, index_copy), tmp_path / "bot.log")
    try:
        bot.wait_for_log("the bot is answering")
        bot_api.send_text("Where is NATO headquartered?", user_id=3001)
        bot_api.wait_for_messages(3001, 1, timeout=60)

        # An answer is on its way when Telegram starts refusing the token.
        bot_api.inject("sendMessage", Slow(2.0))
        bot_api.send_text("what did Peskov say?", user_id=3002)
        _wait_until(lambda: any(isinstance(f, Slow) for _, f in bot_api.faults_served), "the slow answer")
        bot_api.inject("getUpdates", ApiError(401, "Unauthorized"), times=10_000)
        bot_api.send_text("anyone there?", user_id=3003)  # ends the long poll in progress
        assert bot.process.wait(timeout=60) == ExitStatus.TOKEN_REJECTED == 4
    finally:
        bot.stop()

    assert len(bot_api.wait_for_messages(3002, 1, timeout=1)) == 1  # the answer in flight was finished
    output = bot.output()
    problems = [line for line in output.splitlines() if " ERROR " in line or " CRITICAL " in line]
    assert len(problems) == 1 and "rejected the bot token" in problems[0], problems
    assert "exiting with status 4" in problems[0] and "Stopped cleanly" in output
    assert bot_api.token not in output and bot_api.token.split(":")[1] not in output


def test_a_404_for_the_token_while_polling_stops_serve_with_token_rejected(
    bot_api: FakeBotAPI, sample_searcher: Searcher
) -> None:
    application = build_application(settings_for(bot_api, sample_searcher.directory), sample_searcher)

    bot_api.inject("getUpdates", ApiError(404, "Not Found"), times=10_000, when=lambda p: p.get("offset"))
    bot_api.send_text("Where is NATO headquartered?", user_id=3101)
    with pytest.raises(TokenRejected, match="HTTP 404"):
        serving(application, lambda: asyncio.sleep(60))  # the rejection stops the bot long before
    assert not application.running
    assert len([m for m in bot_api.sent_messages if m["chat_id"] == 3101]) == 1


# -- the state file -----------------------------------------------------------------------------


def test_the_state_file_keeps_each_bot_apart_and_is_replaced_whole(tmp_path: Path) -> None:
    file = StateFile(tmp_path / "state.json")
    assert file.load(BOT_ID).state == BotState()  # no file yet
    mine = BotState((Handled(10, "aa"), Handled(11, "bb")))
    file.save(BOT_ID, mine)
    file.save(OTHER_BOT_ID, BotState((Handled(99, "cc"),)))
    assert file.load(BOT_ID).state == mine
    assert file.load(OTHER_BOT_ID).state.handled == (Handled(99, "cc"),)
    assert file.load(OTHER_BOT_ID + 1).state == BotState()  # a bot never seen
    document = json.loads(file.path.read_text())
    assert document["bots"][str(BOT_ID)]["last_handled_update_id"] == 11
    assert sorted(p.name for p in tmp_path.iterdir()) == ["state.json", "state.json.lock"]  # no temp files left
    many = BotState(tuple(Handled(i, "x") for i in range(KEEP + 50)))
    file.save(BOT_ID, many)
    assert len(file.load(BOT_ID).state.handled) == KEEP  # bounded: small and cheap to rewrite


@pytest.mark.parametrize(
    "content",
    [
        b"\x00\xff\xfe garbage",
        b'{"format": "verbatim-update-state", "bots": {',
        b'{"model": "all-MiniLM-L6-v2"}',
        b"[1, 2]",
    ],
    ids=["binary", "truncated-json", "someone-elses-json", "not-an-object"],
)
def test_a_state_file_that_is_not_ours_is_reported_left_untouched_and_the_bot_runs_without_it(
    tmp_path: Path, content: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "state.json"
    path.write_bytes(content)
    with pytest.raises(StateFileError, match="not a Verbatim update state file"):
        StateFile(path).load(BOT_ID)
    journal = UpdateJournal(path)
    update = _message_update(1, "Where is NATO headquartered?")

    async def run() -> None:
        await journal.open(BOT_ID)
        journal.record(update)
        await journal.close()

    asyncio.run(run())
    assert journal.path is None
    (error,) = _errors(caplog)
    assert str(path) in error and "VERBATIM_STATE_FILE" in error and "Running without it" in error
    assert path.read_bytes() == content  # never overwritten: it may be someone's data


def test_a_damaged_entry_of_this_bot_is_reported_and_rewritten_keeping_the_other_bots(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "state.json"
    file = StateFile(path)
    file.save(OTHER_BOT_ID, BotState((Handled(5, "other"),)))
    document = json.loads(path.read_text())
    document["bots"][str(BOT_ID)] = {"handled": [["not an id", 3]]}
    path.write_text(json.dumps(document))
    journal = UpdateJournal(path)
    update = _message_update(42, "What did Sherman add?")

    async def run() -> None:
        await journal.open(BOT_ID)
        assert not journal.answered(update)
        journal.record(update)
        await journal.close()

    asyncio.run(run())
    (warning,) = _errors(caplog)
    assert f"bot {BOT_ID}" in warning and "damaged" in warning and str(path) in warning
    assert file.load(BOT_ID).state.handled == (Handled(42, fingerprint(update)),)
    assert file.load(OTHER_BOT_ID).state.handled == (Handled(5, "other"),)


def _below_a_file(tmp_path: Path) -> Path:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    return blocker / "state.json"  # its "directory" is a file: nothing can be written there


def test_an_unwritable_location_is_reported_once_and_the_bot_runs_without_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    journal = UpdateJournal(_below_a_file(tmp_path))
    processor = OnceUpdateProcessor(4, journal)
    answered: list[int] = []

    async def handle(update: Update) -> None:
        answered.append(update.update_id)

    async def run() -> None:
        await journal.open(BOT_ID)
        for i in range(1, 4):
            update = _message_update(i, f"question {i}", message_id=i)
            await processor.process_update(update, handle(update))
        await journal.close()

    asyncio.run(run())
    assert answered == [1, 2, 3]  # every question still answered
    (warning,) = _errors(caplog)  # once, at start-up
    assert "Cannot write the update state file" in warning and "Running without an update state file" in warning
    assert journal.path is None


# -- the update processor ---------------------------------------------------------------------------


def test_after_a_restart_only_the_very_updates_answered_before_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    first_question = _message_update(7, "Where is NATO headquartered?")
    slow_question = _message_update(8, "What did Sherman add?", message_id=2)
    fast_question = _message_update(9, "what did Peskov say?", message_id=3)
    ran: list[int] = []

    async def handle(update: Update, release: asyncio.Event | None = None) -> None:
        if release is not None:
            await release.wait()
        ran.append(update.update_id)

    async def before_the_kill() -> None:
        journal, processor = await _opened(path)
        await processor.process_update(first_question, handle(first_question))
        never = asyncio.Event()
        slow = asyncio.create_task(processor.process_update(slow_question, handle(slow_question, never)))
        await processor.process_update(fast_question, handle(fast_question))  # finishes before 8
        await journal.close()  # the last save; then the "kill": 8 never finished
        slow.cancel()

    asyncio.run(before_the_kill())
    assert ran == [7, 9]

    async def after_the_restart() -> None:
        journal, processor = await _opened(path)
        for update in (first_question, slow_question, fast_question):  # Telegram sends them again
            await processor.process_update(update, handle(update))
        # Telegram started its ids afresh (or a test server restarted): same id, a new message.
        reused = _message_update(7, "Where is NATO headquartered?", date=1_800_000_000)
        await processor.process_update(reused, handle(reused))
        await journal.close()

    ran.clear()
    asyncio.run(after_the_restart())
    assert ran == [8, 7]  # the unfinished one is answered now; the new message with an old id too


def test_pending_updates_survive_a_save_and_load_and_come_back_as_the_same_updates(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    question = _message_update(31, "What did Sherman add? Ça va — 🙂", message_id=4)
    file = StateFile(path)
    file.save(BOT_ID, BotState((Handled(30, "aa"),), (Pending(31, question.to_dict()),)))
    assert file.load(BOT_ID).state == BotState((Handled(30, "aa"),), (Pending(31, question.to_dict()),))

    async def before_the_kill() -> None:
        journal = UpdateJournal(path)
        await journal.open(BOT_ID)
        journal.receive(_message_update(32, "what did Peskov say?", message_id=5))
        await journal.close()

    async def after_the_restart() -> list[Update]:
        journal = UpdateJournal(path)
        await journal.open(BOT_ID)
        return journal.unfinished(None)

    asyncio.run(before_the_kill())
    back = asyncio.run(after_the_restart())
    assert [u.update_id for u in back] == [31, 32]
    assert back[0].to_dict() == question.to_dict() and back[0].message.text == question.message.text
    assert fingerprint(back[0]) == fingerprint(question)  # Telegram's copy, if it comes, is a repeat


def test_a_state_file_written_before_pending_existed_loads_with_nothing_pending(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    old = {
        "format": "verbatim-update-state",
        "version": 1,
        "bots": {
            str(BOT_ID): {
                "saved_at": "2026-01-11T09:00:00+00:00",
                "last_handled_update_id": 8,
                "handled": [[7, "9f86d081884c7d65"], [8, "0123456789abcdef"]],
            }
        },
    }
    path.write_text(json.dumps(old))
    loaded = StateFile(path).load(BOT_ID)
    assert loaded.note is None  # not "damaged": nothing to warn about
    assert loaded.state == BotState((Handled(7, "9f86d081884c7d65"), Handled(8, "0123456789abcdef")))
    assert loaded.state.pending == ()


def test_an_update_arriving_again_while_it_is_being_answered_is_answered_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    path = tmp_path / "state.json"
    question = _message_update(41, "Where is NATO headquartered?")
    ran: list[int] = []

    async def handle(update: Update, release: asyncio.Event) -> None:
        await release.wait()
        ran.append(update.update_id)

    async def before_the_kill() -> None:
        journal, processor = await _opened(path)
        never = asyncio.Event()
        task = asyncio.create_task(processor.process_update(question, handle(question, never)))
        await asyncio.sleep(0)  # it has started (and waits for ever)
        await journal.close()
        task.cancel()

    async def after_the_restart() -> None:
        journal, processor = await _opened(path)
        (again,) = journal.unfinished(None)  # put back into the queue by the bot
        release = asyncio.Event()
        first = asyncio.create_task(processor.process_update(again, handle(again, release)))
        await asyncio.sleep(0)
        redelivered = _message_update(41, "Where is NATO headquartered?")  # Telegram's copy, racing it
        await processor.process_update(redelivered, handle(redelivered, release))
        release.set()
        await first
        await processor.process_update(redelivered, handle(redelivered, release))  # and once more, later
        await journal.close()

    asyncio.run(before_the_kill())
    assert ran == [] and [p.update_id for p in StateFile(path).load(BOT_ID).state.pending] == [41]
    asyncio.run(after_the_restart())
    assert ran == [41]
    state = StateFile(path).load(BOT_ID).state
    assert not state.pending and state.handled == (Handled(41, fingerprint(question)),)
    log = [r.getMessage() for r in caplog.records]
    assert "Not answering update 41 twice: it is being answered already" in log
    assert "Not answering update 41 again: it was answered before the restart" in log


def test_at_most_pending_keep_unanswered_updates_are_kept_and_dropping_one_is_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    journal = UpdateJournal(tmp_path / "state.json")

    async def run() -> None:
        await journal.open(BOT_ID)
        for i in range(1, PENDING_KEEP + 4):
            journal.receive(_message_update(i, f"question {i}", message_id=i))
        await journal.close()

    asyncio.run(run())
    pending = StateFile(tmp_path / "state.json").load(BOT_ID).state.pending
    assert [p.update_id for p in pending] == list(range(4, PENDING_KEEP + 4))  # the oldest went first
    warnings = _errors(caplog)
    assert len(warnings) == 3 and "update 1 is no longer kept" in warnings[0]


def test_fetched_updates_are_in_the_state_file_before_python_telegram_bot_reads_them(
    bot_api: FakeBotAPI, tmp_path: Path
) -> None:
    path = tmp_path / "state.json"
    first_id = bot_api.next_update_id
    bot_api.send_text("Where is NATO headquartered?", user_id=2301)
    bot_api.send_text("What did Sherman add? Ça va — 🙂", user_id=2302)

    async def scenario() -> tuple[list[Update], BotState, BotState, BotState]:
        journal, processor = await _opened(path)
        bot = Bot(
            bot_api.token, base_url=bot_api.base_url, get_updates_request=PollingRequest(TokenWatch(), journal.hold)
        )
        async with bot:
            updates = list(await bot.get_updates(timeout=0))
            at_fetch = StateFile(path).load(BOT_ID).state  # the moment python-telegram-bot gets them
            for update in updates:
                await processor.process_update(update, _nothing())
            again = await bot.get_updates(timeout=0)  # not confirmed: Telegram sends them again
            assert [u.update_id for u in again] == [u.update_id for u in updates]
            await journal.close()
        return updates, at_fetch, StateFile(path).load(BOT_ID).state, journal.state()

    updates, at_fetch, after, in_memory = asyncio.run(scenario())
    assert [u.update_id for u in updates] == [first_id, first_id + 1]
    assert at_fetch.pending == tuple(Pending(u.update_id, u.to_dict()) for u in updates)  # whole, text included
    # Answered: no longer pending (the processor knew them as the same updates), and a
    # redelivery of answered updates is not kept again.
    assert after == in_memory and not after.pending
    assert [(h.update_id, h.fingerprint) for h in after.handled] == [(u.update_id, fingerprint(u)) for u in updates]


def test_without_a_state_file_fetching_does_not_wait_for_one(bot_api: FakeBotAPI) -> None:
    bot_api.send_text("Where is NATO headquartered?", user_id=2311)

    async def scenario() -> list[Update]:
        journal = UpdateJournal(None)
        await journal.open(BOT_ID)
        bot = Bot(
            bot_api.token, base_url=bot_api.base_url, get_updates_request=PollingRequest(TokenWatch(), journal.hold)
        )
        async with bot:
            updates = list(await asyncio.wait_for(bot.get_updates(timeout=0), timeout=30))
        assert journal.state() == BotState()  # kept nowhere, not even in memory
        return updates

    assert [u.message.text for u in asyncio.run(scenario())] == ["Where is NATO headquartered?"]


# -- settings -----------------------------------------------------------------------------------------


def test_the_state_file_setting_defaults_beside_the_index_follows_it_and_can_be_turned_off() -> None:
    default = Settings.from_env({"VERBATIM_INDEX": "/srv/verbatim/index"})
    assert default.state_file == Path("/srv/verbatim/index.bot-state.json")
    assert default.state_file.parent == default.index_dir.parent  # outside the index: `make rebuild` keeps it
    moved = load_settings(["--index", "/data/other"], {})
    assert moved.state_file == default_state_file(Path("/data/other")) == Path("/data/other.bot-state.json")
    chosen = load_settings(["--index", "/data/other"], {"VERBATIM_STATE_FILE": "/var/lib/verbatim/state.json"})
    assert chosen.state_file == Path("/var/lib/verbatim/state.json")
    assert load_settings(["--state-file", "/tmp/s.json"], {}).state_file == Path("/tmp/s.json")
    assert Settings.from_env({"VERBATIM_STATE_FILE": "off"}).state_file is None
    assert Settings().state_file is None  # built by hand (the in-process tests): no file


def test_a_question_holding_a_lone_surrogate_is_journaled_answered_and_skipped_when_redelivered(
    tmp_path: Path,
) -> None:
    path = tmp_path / "state.json"
    question = _message_update(11, "what did Peskov say? \ud800")
    ran: list[int] = []

    async def handle(update: Update) -> None:
        ran.append(update.update_id)

    async def answer_then_redeliver() -> None:
        journal, processor = await _opened(path)
        await processor.process_update(question, handle(question))
        await journal.close()
        journal, processor = await _opened(path)  # a restart; Telegram sends the question again
        await processor.process_update(question, handle(question))
        await journal.close()

    asyncio.run(answer_then_redeliver())
    assert ran == [11]
    assert fingerprint(question) != fingerprint(_message_update(11, "what did Peskov say? "))
