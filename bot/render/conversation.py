"""What the bot sends, as data: each reply is a list of ``Outgoing`` (HTML and its buttons).

Pure functions from answers and index facts to messages, so the layout is tested without a
chat; the handlers only send what these return.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from telegram import InlineKeyboardMarkup

from bot.render import context, keyboards, pages, replies
from bot.render.telegram_text import escape
from index import Answer, Hit, StoredArticle

if TYPE_CHECKING:
    from index import Manifest

# Quotes shown at once for one question; a speaker quoted 40 times gets the rest behind "More".
MAX_QUOTES = 10
# Sentences shown per press of "More".
MORE_PAGE = 3


@dataclass(frozen=True)
class Outgoing:
    """One message to send: Telegram HTML (escaped, within the limit) and its inline keyboard."""

    html: str
    keyboard: InlineKeyboardMarkup | None = None


def _unique(rows: Sequence[int], exclude: set[int]) -> list[int]:
    seen = set(exclude)
    kept = []
    for row in rows:
        if row not in seen:
            seen.add(row)
            kept.append(row)
    return kept


def plan_answer(answer: Answer, tag: str) -> list[Outgoing]:
    """An answer's messages: quotes with Context buttons and, on the last, More; or a decline.

    "More" pages first through the answer's own sentences beyond ``MAX_QUOTES``, then through
    the rest of the ranking, best first (for a topic question, the speaker's other quotes first:
    the button says so, "More: other quotes by Peskov").
    """
    if answer.declined or not answer.hits:
        keyboard = keyboards.nearest_keyboard(tag, answer.nearest.row) if answer.nearest is not None else None
        return [Outgoing(escape(replies.decline_text(answer)), keyboard)]
    messages = replies.answer_messages(answer, max_quotes=MAX_QUOTES)
    shown = {h.row for m in messages for h in m.hits}
    later = _unique([h.row for h in answer.hits] + [h.row for h in answer.ranked], shown)
    more = keyboards.more_action(tag, len(shown) + 1, later)
    numbered = len(answer.hits) > 1
    # Say what More offers when it is the answer's "other quotes", not more of the shown ones.
    label = answer.more if len(answer.hits) <= MAX_QUOTES else ""
    plan = []
    for i, message in enumerate(messages):
        keyboard = keyboards.quotes_keyboard(
            tag,
            [h.row for h in message.hits],
            message.numbers if numbered else None,
            more if i == len(messages) - 1 else None,
            label,
        )
        plan.append(Outgoing(message.html, keyboard))
    return plan


def plan_more(action: keyboards.ShowMore, hits: Sequence[Hit]) -> list[Outgoing]:
    """The next page of sentences behind a More button (``hits``: its first ``MORE_PAGE`` rows)."""
    if not hits:
        return [Outgoing(escape(replies.NO_MORE_TEXT))]
    header = f"<i>{escape(replies.MORE_HEADER_TEXT)}</i>"
    messages = replies.quote_messages(hits, first_number=action.first, total=None, header=header)
    more = keyboards.more_action(action.tag, action.first + MORE_PAGE, action.rows[MORE_PAGE:])
    plan = []
    for i, message in enumerate(messages):
        keyboard = keyboards.quotes_keyboard(
            action.tag, [h.row for h in message.hits], message.numbers, more if i == len(messages) - 1 else None
        )
        plan.append(Outgoing(message.html, keyboard))
    return plan


def plan_nearest(hit: Hit, tag: str) -> list[Outgoing]:
    """The closest sentence to a declined question, marked as not an answer, with Context."""
    return [Outgoing(replies.nearest_html(hit), keyboards.quotes_keyboard(tag, [hit.row], None))]


def plan_context(hit: Hit, article_text: str | None) -> list[Outgoing]:
    """The paragraph around ``hit`` with the sentence in bold (or the bare quote if it moved)."""
    paragraph = context.passage_of(article_text, hit) if article_text is not None else None
    if paragraph is None:
        return [Outgoing(replies.hit_html(hit))]
    return [Outgoing(context.context_html(hit, paragraph))]


def plan_help(articles: Sequence[StoredArticle], examples: Sequence[str]) -> list[Outgoing]:
    """/help and /start: what the bot does, with a button per example question."""
    return [Outgoing(pages.help_html(articles, examples), keyboards.examples_keyboard(examples))]


def plan_sources(articles: Sequence[StoredArticle], page: int) -> Outgoing:
    """One page of /sources with Prev / Next buttons (one message, edited in place on a press)."""
    count = pages.page_count(len(articles))
    page = min(max(page, 0), count - 1)
    return Outgoing(pages.sources_page_html(articles, page), keyboards.sources_keyboard(page, count))


def plan_about(manifest: Manifest) -> list[Outgoing]:
    return [Outgoing(pages.about_html(manifest))]
