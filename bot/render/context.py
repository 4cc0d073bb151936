"""What the Context button shows: the paragraph around a sentence, the sentence in bold.

The paragraph is found by the sentence's offsets in the stored article text (or, if an article
changed without a rebuild, by searching for the sentence). Pure functions.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.render.replies import source_html
from bot.render.telegram_text import ELLIPSIS, TELEGRAM_LIMIT, escape, fit_escaped, telegram_length
from index import PARAGRAPH_SEPARATOR, Hit


@dataclass(frozen=True)
class Paragraph:
    """The paragraph around a sentence, and where the sentence sits in it."""

    text: str
    start: int  # the sentence's offsets within ``text``
    end: int


def paragraph_of(article_text: str, hit: Hit) -> Paragraph | None:
    """The paragraph ``hit`` comes from, located by its offsets; None if it is not there."""
    paragraphs = article_text.split(PARAGRAPH_SEPARATOR)
    if not 0 <= hit.paragraph < len(paragraphs):
        return None
    text = paragraphs[hit.paragraph]
    begin = sum(len(p) + len(PARAGRAPH_SEPARATOR) for p in paragraphs[: hit.paragraph])
    start, end = hit.start - begin, hit.end - begin
    if text[max(start, 0) : max(end, 0)] != hit.sentence:
        # Offsets disagree (an article edited without a rebuild?): find the sentence instead.
        start = text.find(hit.sentence)
        if start < 0:
            return None
        end = start + len(hit.sentence)
    return Paragraph(text, start, end)


def passage_of(article_text: str, hit: Hit) -> Paragraph | None:
    """What Context shows: the sentence's paragraph, and when that paragraph is the sentence
    alone (common in news), the paragraphs just before and after it as well."""
    paragraph = paragraph_of(article_text, hit)
    if paragraph is None or paragraph.text.strip() != hit.sentence.strip():
        return paragraph
    paragraphs = article_text.split(PARAGRAPH_SEPARATOR)
    before = paragraphs[hit.paragraph - 1] + PARAGRAPH_SEPARATOR if hit.paragraph > 0 else ""
    after = PARAGRAPH_SEPARATOR + paragraphs[hit.paragraph + 1] if hit.paragraph + 1 < len(paragraphs) else ""
    return Paragraph(before + paragraph.text + after, len(before) + paragraph.start, len(before) + paragraph.end)


def context_html(hit: Hit, paragraph: Paragraph, limit: int = TELEGRAM_LIMIT) -> str:
    """The sentence's paragraph with the sentence in bold, shortened around it if need be."""
    head = "<b>Context</b>\n"
    source = source_html(hit)
    frame = telegram_length(head) + len("<blockquote></blockquote>\n") + telegram_length(source) + len("<b></b>")
    room = limit - frame
    sentence = fit_escaped(paragraph.text[paragraph.start : paragraph.end], room) or escape(ELLIPSIS)
    room -= telegram_length(sentence)
    before_text, after_text = paragraph.text[: paragraph.start], paragraph.text[paragraph.end :]
    # Share what is left between the text before and after; either may use what the other leaves.
    before = fit_escaped(before_text, max(room // 2, room - telegram_length(escape(after_text))), keep_end=True)
    after = fit_escaped(after_text, room - telegram_length(before))
    return f"{head}<blockquote>{before}<b>{sentence}</b>{after}</blockquote>\n{source}"
