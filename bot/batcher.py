"""Micro-batching: questions from many chats that arrive together share one encode call.

One worker task takes the first waiting question, waits a few milliseconds for more (up to
``max_batch``), and answers them all with ``Searcher.answer_many`` in a worker thread, so the
event loop never blocks and a burst of chats costs one model call instead of one each. While a
batch runs, new questions queue up and form the next batch.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from bot.services import SearcherHolder
from index.types import Answer

logger = logging.getLogger(__name__)


class AnswerBatcher:
    """``await batcher.answer(question)`` from any handler; batching happens behind it."""

    def __init__(self, searchers: SearcherHolder, *, max_batch: int = 32, max_wait: float = 0.003) -> None:
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
            if self._max_wait > 0:
                await asyncio.sleep(self._max_wait)
            while len(batch) < self._max_batch and not queue.empty():
                batch.append(queue.get_nowait())
            await self._answer_batch(batch)

    async def _answer_batch(self, batch: list[tuple[str, asyncio.Future[Answer]]]) -> None:
        searcher = self._searchers.current  # the whole batch uses one index, even during a swap
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
