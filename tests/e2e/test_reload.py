"""Live index swaps: a rebuilt index is served without a restart, a broken one never is.

The bot runs against a copy of the sample index; a real build (``build_index``) adds an article
about a lighthouse while the bot serves, and the tests check who answers what, and when.
"""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import signal
from collections import Counter
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

import pytest
from telegram.ext import Application

from bot.render import replies
from bot.runtime.reload import IndexReloader, reloader_of
from bot.runtime.services import SERVICES_KEY, SearcherHolder
from bot.settings import Settings
from bot.telegram.app import build_application
from index.build import build_index
from index.embedding.loader import load_embedder
from index.embedding.models import DEFAULT_MODEL, Embedder
from index.search.searcher import Searcher
from index.store.manifest import MANIFEST, read_manifest
from tests.botrunner import polling, settings_for, wait_for_messages
from tests.fakes.bot_api import FakeBotAPI
from tests.support import SAMPLE_ARTICLE

T = TypeVar("T")
ADMIN = 4711
PESKOV = "what did Peskov say?"
LIGHTHOUSE = "What colour was the old lighthouse repainted?"
LIGHTHOUSE_ARTICLE = """Harbour Lighthouse Gets A New Coat

Harbour master Ingrid Solberg said the old lighthouse was repainted blue in the spring of 2021.

The repainting took three weeks and was paid for by the town council.
"""


@pytest.fixture(scope="module")
def builder_embedder() -> Embedder:
    """The int8 encoder of the same model, for builds: as in production, a build never shares the
    bot's model object (a tokenizer must not be used from two threads at once)."""
    return load_embedder(DEFAULT_MODEL, "onnx")


@pytest.fixture
def bigger_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SAMPLE_ARTICLE, corpus)
    (corpus / "lighthouse.txt").write_text(LIGHTHOUSE_ARTICLE, encoding="utf-8")
    return corpus


def run_with_reloads(
    server: FakeBotAPI,
    searcher: Searcher,
    scenario: Callable[[Application], Awaitable[T]],
    *,
    watch_interval: float,
    **overrides: object,
) -> T:
    application = build_application(
        settings_for(server, searcher.directory, **overrides), searcher, watch_interval=watch_interval
    )
    return asyncio.run(polling(application, lambda: scenario(application)))


def holder_of(application: Application) -> SearcherHolder:
    return application.bot_data[SERVICES_KEY].searchers


async def wait_until(predicate: Callable[[], bool], timeout: float = 30) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        assert loop.time() < deadline, "timed out waiting for the bot"
        await asyncio.sleep(0.05)


def texts_to(server: FakeBotAPI, chat_id: int) -> list[str]:
    return [m["text"] for m in server.sent_messages if m["chat_id"] == chat_id]


def test_a_rebuild_goes_live_while_questions_keep_flowing(
    bot_api: FakeBotAPI, index_copy: Path, bigger_corpus: Path, embedder: Embedder, builder_embedder: Embedder
) -> None:
    searcher = Searcher.open(index_copy, embedder=embedder)
    users = list(range(5001, 5021))
    asked: Counter[int] = Counter()

    async def scenario(application: Application) -> None:
        reloader = reloader_of(application)

        async def keep_asking() -> None:
            # Questions before, during and after the swap: until 20 more went out after it.
            after = 0
            for number in range(400):
                user = users[number % len(users)]
                bot_api.send_text(PESKOV, user_id=user)
                asked[user] += 1
                after += reloader.reloads > 0
                if after >= 20:
                    return
                await asyncio.sleep(0.02)

        load = asyncio.create_task(keep_asking())
        await asyncio.to_thread(build_index, bigger_corpus, index_copy, builder_embedder)  # a real rebuild
        await load
        assert reloader.reloads == 1
        for user in users:
            await wait_for_messages(bot_api, user, asked[user])
        bot_api.send_text(LIGHTHOUSE, user_id=5100)
        await wait_for_messages(bot_api, 5100, 1)
        await asyncio.sleep(0.5)
        assert holder_of(application).current.embedder is embedder  # same model: reused, not reloaded
        assert holder_of(application).current.manifest.articles == 2

    run_with_reloads(bot_api, searcher, scenario, watch_interval=0.1, rate_limit_per_minute=1000)
    for user in users:
        answers = texts_to(bot_api, user)
        assert len(answers) == asked[user]  # exactly one reply per question, from the old index or the new
        assert all("Peskov" in reply for reply in answers)
    assert sum(asked.values()) > 20
    assert "repainted blue" in texts_to(bot_api, 5100)[0]
    assert not any(replies.ERROR_TEXT in m["text"] for m in bot_api.sent_messages)
    with pytest.raises(Exception):
        searcher.articles()  # the replaced index was closed once its questions were done


def test_sighup_makes_the_bot_serve_the_rebuilt_index(
    bot_api: FakeBotAPI, index_copy: Path, bigger_corpus: Path, embedder: Embedder, builder_embedder: Embedder
) -> None:
    searcher = Searcher.open(index_copy, embedder=embedder)

    async def scenario(application: Application) -> None:
        await asyncio.to_thread(build_index, bigger_corpus, index_copy, builder_embedder)
        await asyncio.sleep(0.3)
        assert reloader_of(application).reloads == 0  # not watching: nothing happens by itself
        os.kill(os.getpid(), signal.SIGHUP)
        await wait_until(lambda: reloader_of(application).reloads == 1)
        bot_api.send_text(LIGHTHOUSE, user_id=5200)
        await wait_for_messages(bot_api, 5200, 1)

    run_with_reloads(bot_api, searcher, scenario, watch_interval=3600)
    assert "repainted blue" in texts_to(bot_api, 5200)[0]
    assert signal.getsignal(signal.SIGHUP) == signal.SIG_DFL  # the handler left with the bot


def _corrupt(index_dir: Path) -> None:
    """Damage the live generation's FAISS file the way a bad disk or a bad copy would."""
    faiss_file = index_dir / read_manifest(index_dir).generation / "index.faiss"
    data = bytearray(faiss_file.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 64] = b"\x00" * 64
    faiss_file.write_bytes(bytes(data))


def test_admin_reload_refuses_a_broken_index_and_the_old_one_keeps_answering(
    bot_api: FakeBotAPI,
    index_copy: Path,
    bigger_corpus: Path,
    embedder: Embedder,
    builder_embedder: Embedder,
    caplog: pytest.LogCaptureFixture,
) -> None:
    searcher = Searcher.open(index_copy, embedder=embedder)

    async def scenario(application: Application) -> None:
        bot_api.send_text("/reload", user_id=ADMIN)
        await wait_for_messages(bot_api, ADMIN, 1)
        await asyncio.to_thread(build_index, bigger_corpus, index_copy, builder_embedder)
        _corrupt(index_copy)
        bot_api.send_text("/reload", user_id=ADMIN)
        await wait_for_messages(bot_api, ADMIN, 2)
        bot_api.send_text(PESKOV, user_id=5301)
        bot_api.send_text(LIGHTHOUSE, user_id=5302)
        await wait_for_messages(bot_api, 5301, 1)
        await wait_for_messages(bot_api, 5302, 1)
        await asyncio.to_thread(build_index, bigger_corpus, index_copy, builder_embedder, full=True)  # fixed
        bot_api.send_text("/reload", user_id=ADMIN)
        await wait_for_messages(bot_api, ADMIN, 3)
        bot_api.send_text(LIGHTHOUSE, user_id=5303)
        await wait_for_messages(bot_api, 5303, 1)

    caplog.set_level(logging.INFO, logger="bot.runtime.reload")
    run_with_reloads(bot_api, searcher, scenario, watch_interval=3600, admins=frozenset({ADMIN}))
    unchanged, refused, reloaded = texts_to(bot_api, ADMIN)
    assert unchanged.startswith("Already serving the newest index")
    assert refused.startswith("The new index was refused") and "corrupt" in refused and "Still serving" in refused
    assert reloaded.startswith("Reloaded: now serving") and "2 articles" in reloaded
    assert "Peskov" in texts_to(bot_api, 5301)[0]  # the old index kept answering ...
    assert "repainted blue" not in texts_to(bot_api, 5302)[0]  # ... and only what it knows
    assert "repainted blue" in texts_to(bot_api, 5303)[0]
    assert any(
        "refused" in r.getMessage() and "corrupt" in r.getMessage()
        for r in caplog.records
        if r.levelno == logging.ERROR
    )


def test_the_watcher_refuses_a_broken_manifest_once_and_takes_the_next_good_build(
    bot_api: FakeBotAPI,
    index_copy: Path,
    bigger_corpus: Path,
    embedder: Embedder,
    builder_embedder: Embedder,
    caplog: pytest.LogCaptureFixture,
) -> None:
    searcher = Searcher.open(index_copy, embedder=embedder)

    async def scenario(application: Application) -> None:
        reloader = reloader_of(application)
        broken = index_copy / ".manifest.broken.tmp"
        broken.write_text('{"format_version": 1, "generation": "gen-that-never-was"', encoding="utf-8")
        os.replace(broken, index_copy / MANIFEST)
        await wait_until(lambda: reloader.refusals == 1)
        await asyncio.sleep(0.5)  # several more looks at the same broken manifest
        bot_api.send_text(PESKOV, user_id=5401)
        await wait_for_messages(bot_api, 5401, 1)
        await asyncio.to_thread(build_index, bigger_corpus, index_copy, builder_embedder)
        await wait_until(lambda: reloader.reloads == 1)
        bot_api.send_text(LIGHTHOUSE, user_id=5402)
        await wait_for_messages(bot_api, 5402, 1)

    caplog.set_level(logging.INFO, logger="bot.runtime.reload")
    run_with_reloads(bot_api, searcher, scenario, watch_interval=0.1)
    refusals = [r for r in caplog.records if r.levelno == logging.ERROR and "refused" in r.getMessage()]
    assert len(refusals) == 1 and "not valid JSON" in refusals[0].getMessage()
    assert "Peskov" in texts_to(bot_api, 5401)[0]
    assert "repainted blue" in texts_to(bot_api, 5402)[0]


def test_a_reload_with_nothing_new_keeps_the_same_searcher(index_copy: Path, embedder: Embedder) -> None:
    searcher = Searcher.open(index_copy, embedder=embedder)
    holder = SearcherHolder(searcher)
    settings = Settings(index_dir=index_copy)

    async def reload_twice() -> list[str]:
        reloader = IndexReloader(settings, holder)
        return [(await reloader.reload("test")).message for _ in range(2)]

    messages = asyncio.run(reload_twice())
    assert all(m.startswith("Already serving") for m in messages)
    assert holder.current is searcher and searcher.answer(PESKOV).hits
    searcher.close()


@pytest.mark.slow
def test_soak_many_rebuilds_under_steady_questions_lose_nothing_and_leak_no_index(
    bot_api: FakeBotAPI,
    index_copy: Path,
    bigger_corpus: Path,
    tmp_path: Path,
    embedder: Embedder,
    builder_embedder: Embedder,
) -> None:
    searcher = Searcher.open(index_copy, embedder=embedder)
    small_corpus = tmp_path / "small"
    small_corpus.mkdir()
    shutil.copy(SAMPLE_ARTICLE, small_corpus)
    users = list(range(30001, 30031))
    asked: Counter[int] = Counter()
    served: list[Searcher] = [searcher]

    async def scenario(application: Application) -> None:
        reloader = reloader_of(application)
        done = asyncio.Event()

        async def keep_asking() -> None:
            number = 0
            while not done.is_set():
                user = users[number % len(users)]
                bot_api.send_text(PESKOV, user_id=user)
                asked[user] += 1
                number += 1
                await asyncio.sleep(0.05)

        load = asyncio.create_task(keep_asking())
        for rebuild in range(8):
            corpus = bigger_corpus if rebuild % 2 == 0 else small_corpus
            await asyncio.to_thread(build_index, corpus, index_copy, builder_embedder, full=True)
            await wait_until(lambda done=rebuild + 1: reloader.reloads == done)
            served.append(holder_of(application).current)
        done.set()
        await load
        for user in users:
            await wait_for_messages(bot_api, user, asked[user], timeout=60)
        await asyncio.sleep(3)  # past the retire grace: every replaced index is closed now

    run_with_reloads(bot_api, searcher, scenario, watch_interval=0.1, rate_limit_per_minute=10_000)
    for user in users:
        assert len(texts_to(bot_api, user)) == asked[user]
    assert not any(replies.ERROR_TEXT in m["text"] for m in bot_api.sent_messages)
    for old in served[:-1]:
        with pytest.raises(Exception):
            old.articles()
    served[-1].close()
