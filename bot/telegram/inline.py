"""Inline mode: ``@botname question`` in any chat lists matching sentences to share.

Each result is one sentence: its title is the article, its description the sentence, and
choosing it posts the quote with its source. An answer's note ("I found no quote attributed to
Biden; ...", "Peskov is quoted 4 times; 2 are about the talks") is the button above the results;
a topic question's other quotes by the speaker follow its quotes on the topic, as behind "More". Results are the same for everyone, so Telegram may
cache them for all users (``is_personal`` false) for ``INLINE_CACHE_SECONDS``. An empty query
lists the answers to the example questions. Nothing here may raise: a failure is logged and
answered with an empty list, so the user's client just shows no results.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence

from telegram import (
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
    LinkPreviewOptions,
    Update,
)
from telegram.constants import ParseMode
from telegram.ext import ContextTypes

from bot.render import keyboards, replies
from bot.render.examples import example_questions
from bot.render.telegram_text import shorten
from bot.runtime.services import services_of
from index import Answer, Hit

logger = logging.getLogger(__name__)

MAX_INLINE_RESULTS = 50  # Telegram's limit per answer
INLINE_CACHE_SECONDS = 300  # the index rarely changes faster than this
DESCRIPTION_CHARS = 200
TITLE_CHARS = 100
NOT_FOUND_BUTTON = "Not in the articles. Open the bot for help"
NOTE_BUTTON_CHARS = 64  # a button above the results holds one short line
START_PARAMETER = "inline"  # /start inline: opens the private chat at the help message


def result_for(hit: Hit, tag: str, title: str | None = None) -> InlineQueryResultArticle:
    """One inline result: title = the article (or ``title``), description = the sentence."""
    return InlineQueryResultArticle(
        id=f"{tag}-{keyboards.to_base36(hit.row)}",
        title=shorten(title or hit.title, TITLE_CHARS),
        description=shorten(hit.sentence, DESCRIPTION_CHARS),
        input_message_content=InputTextMessageContent(
            replies.hit_html(hit), parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True)
        ),
    )


def answer_results(answer: Answer, limit: int = MAX_INLINE_RESULTS) -> list[InlineQueryResultArticle]:
    """The answer's sentences, then the rest of the ranking; nothing for a declined question."""
    if answer.declined or not answer.hits:
        return []
    tag = keyboards.index_tag(answer.index_hash)  # the index that computed it, even after a reload
    results = []
    seen: set[int] = set()
    for hit in (*answer.hits, *answer.ranked):
        if hit.row in seen:
            continue
        seen.add(hit.row)
        results.append(result_for(hit, tag))
        if len(results) == limit:
            break
    return results


def example_results(examples: Sequence[tuple[str, Answer]]) -> list[InlineQueryResultArticle]:
    """For an empty query: each example question (as the title) with its best sentence."""
    results = []
    seen: set[tuple[str, int]] = set()  # a reload between two examples: rows of two indexes
    for question, answer in examples:
        if answer.declined or not answer.hits:
            continue
        tag = keyboards.index_tag(answer.index_hash)
        if (tag, answer.hits[0].row) in seen:
            continue
        seen.add((tag, answer.hits[0].row))
        results.append(result_for(answer.hits[0], tag, title=question))
    return results


async def inline_query(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer ``@botname question`` with up to 50 sentences; never raise."""
    query = update.inline_query
    if query is None:
        return
    try:
        services = services_of(context)
        text = " ".join(query.query.split())
        button = None
        if not text:
            speakers = await asyncio.to_thread(services.searchers.current.top_speakers, 3)
            questions = example_questions(speakers)
            answers = await asyncio.gather(*(services.batcher.answer(q) for q in questions))
            results = example_results(list(zip(questions, answers, strict=True)))
        elif len(text) > services.settings.max_question_chars:
            results = []
        else:
            answer = await services.batcher.answer(text)
            results = answer_results(answer)
            if not results:
                # "Did you mean “Dmitry” or “Dmytro”?" for a typo that may be either; else not found
                offered = (
                    shorten(replies.did_you_mean(answer.suggestions), NOTE_BUTTON_CHARS) if answer.suggestions else ""
                )
                button = InlineQueryResultsButton(text=offered or NOT_FOUND_BUTTON, start_parameter=START_PARAMETER)
            elif answer.note:  # "no quote attributed to X", "X is quoted 4 times; ...": above the results too
                label = shorten(answer.note.rstrip(":"), NOTE_BUTTON_CHARS)
                button = InlineQueryResultsButton(text=label, start_parameter=START_PARAMETER)
        await query.answer(results, cache_time=INLINE_CACHE_SECONDS, is_personal=False, button=button)
    except Exception:
        logger.warning("Could not answer an inline query", exc_info=True)
        try:
            await query.answer([], cache_time=0, is_personal=False)
        except Exception:  # the query may have expired meanwhile; nothing more to do
            logger.debug("Could not send an empty inline answer either", exc_info=True)
