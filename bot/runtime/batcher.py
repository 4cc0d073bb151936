"""Micro-batching: questions from many chats that arrive together share one encode call.

One worker task answers the questions waiting in its queue, up to ``max_batch`` at a time, with
``Searcher.answer_many`` in a worker thread, so the event loop never blocks and a burst of chats
costs one model call instead of one each. While a batch runs, new questions queue up and form
the next batch ("continuous batching"): under load batches grow by themselves, and a lone
question is answered at once instead of waiting for company that is not coming. ``max_wait``
adds a fixed wait before each batch for callers who prefer bigger batches to lower latency.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from bot.runtime.searchers import SearcherHolder
from index import Answer, Searcher

logger = logging.getLogger(__name__)
# As many as the Application handles at once (app.CONCURRENT_UPDATES): one burst, one encode.
MAX_BATCH = 64


class AnswerBatcher:
    """``await batcher.answer(question)`` from any handler; batching happens behind it."""

    def __init__(self, searchers: SearcherHolder, *, max_batch: int = MAX_BATCH, max_wait: float = 0.0) -> None:
        if max_batch < 1 or max_wait < 0:
            raise ValueError("max_batch must be at least 1 and max_wait at least 0")
        self._searchers = searchers
        self._max_batch = max_batch
        self._max_wait = max_wait
        self._queue: asyncio.Queue[tuple[str, asyncio.Future[Answer]]] | None = None
        self._worker: asyncio.Task[None] | None = None

    async def answer(self, question: str) -> Answer:
        if self._queue is None or self._worker is None or self._worker.done():
            self._queue = asyncio.Queue()
            self._worker = asyncio.create_task(self._run(self._queue), name="verbatim-answer-batcher")
        future: asyncio.Future[Answer] = asyncio.get_running_loop().create_future()
        await self._queue.put((question, future))
        return await future

    async def close(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._worker
            self._worker = None

    async def _run(self, queue: asyncio.Queue[tuple[str, asyncio.Future[Answer]]]) -> None:
        while True:
            batch = [await queue.get()]
            # One turn of the event loop lets the other handlers of the same getUpdates burst,
            # already scheduled, queue their questions; no timer when max_wait is 0.
            await asyncio.sleep(self._max_wait)
            while len(batch) < self._max_batch and not queue.empty():
                batch.append(queue.get_nowait())
            await self._answer_batch(batch)

    async def _answer_batch(self, batch: list[tuple[str, asyncio.Future[Answer]]]) -> None:
        # The whole batch uses one index, even during a swap; the lease keeps it open until done.
        with self._searchers.lease() as searcher:
            await self._answer_with(searcher, batch)

    async def _answer_with(self, searcher: Searcher, batch: list[tuple[str, asyncio.Future[Answer]]]) -> None:
        questions = [q for q, _ in batch]
        try:
            answers = await asyncio.to_thread(searcher.answer_many, questions)
        except Exception:
            # One bad question must not fail its neighbours: answer them one by one.
            logger.debug("Batch of %d failed; answering one by one", len(batch), exc_info=True)
            for question, future in batch:
                try:
                    result = await asyncio.to_thread(searcher.answer, question)
                except Exception as exc:
                    _settle(future, exc)
                else:
                    _settle(future, result)
            return
        for (_, future), result in zip(batch, answers, strict=True):
            _settle(future, result)


def _settle(future: asyncio.Future[Answer], outcome: Answer | BaseException) -> None:
    if future.done():  # the asker gave up (cancelled); nothing to deliver
        return
    if isinstance(outcome, BaseException):
        future.set_exception(outcome)
    else:
        future.set_result(outcome)
