"""SQuAD 1.1 train as the SQuAD-explorer site published it: one HTML page per Wikipedia article.

The official JSON file (30 MB) is out of the ``fetch`` tool's reach; the site's pages
(rajpurkar/SQuAD-explorer @ 13f82e3, ``explore/1.1/train/``, packed into one tar) hold the same
442 articles, 18,896 paragraphs and 87,599 questions, but no answer offsets: an answer is placed
by finding its text, so a question is kept only where that text occurs exactly once in its
paragraph and lies inside one sentence (78,054 of them).
"""

from __future__ import annotations

import random
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from types import MappingProxyType

import pysbd

from scripts.rerankkit.sources import Row, sentence_at, sentence_spans


@dataclass
class ExplorerQuestion:
    question: str
    answers: list[str] = field(default_factory=list)


@dataclass
class ExplorerParagraph:
    context: str
    questions: list[ExplorerQuestion] = field(default_factory=list)


# The tag that opens each part of a page.
_OPENS = MappingProxyType({"pre": "context", "strong": "question", "span": "answer"})


class _ExplorerPage(HTMLParser):
    """A page: ``<pre>`` paragraph, then its ``<strong class="question">`` and ``<span class="answer">``."""

    def __init__(self) -> None:
        super().__init__()
        self.paragraphs: list[ExplorerParagraph] = []
        self._reading: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        kind = _OPENS.get(tag)
        classes = (dict(attrs).get("class") or "").split()
        if kind == "context" or (kind is not None and kind in classes):
            self._reading, self._text = kind, ""

    def handle_endtag(self, tag: str) -> None:
        if self._reading is None or _OPENS.get(tag) != self._reading:
            return
        if self._reading == "context":
            self.paragraphs.append(ExplorerParagraph(self._text))
        elif self._reading == "question" and self.paragraphs:
            self.paragraphs[-1].questions.append(ExplorerQuestion(self._text))
        elif self._reading == "answer" and self.paragraphs and self.paragraphs[-1].questions:
            self.paragraphs[-1].questions[-1].answers.append(self._text)
        self._reading = None

    def handle_data(self, data: str) -> None:
        if self._reading is not None:
            self._text += data


def explorer_articles(path: Path) -> list[list[ExplorerParagraph]]:
    """Every article page of the tar, in name order (the site's ``index.html`` left out)."""
    articles = []
    with tarfile.open(path) as tar:
        members = sorted(
            (m for m in tar.getmembers() if m.isfile() and not m.name.endswith("/index.html")), key=lambda m: m.name
        )
        for member in members:
            page = _ExplorerPage()
            handle = tar.extractfile(member)
            if handle is None:
                continue
            page.feed(handle.read().decode("utf-8"))
            articles.append(page.paragraphs)
    return articles


def _occurrences(text: str, part: str) -> int:
    """How often ``part`` occurs in ``text``, overlapping matches counted."""
    count, at = 0, text.find(part)
    while at >= 0:
        count += 1
        at = text.find(part, at + 1)
    return count


@dataclass(frozen=True)
class _Placed:
    article: int
    paragraph: int
    question: int
    gold: int  # the sentence holding the answer


def _placeable(
    articles: list[list[ExplorerParagraph]], segmenter: pysbd.Segmenter
) -> tuple[list[list[_Placed]], dict[tuple[int, int], list[tuple[int, int]]]]:
    """Per article, the questions whose answer is found once and inside one sentence; each paragraph's spans."""
    placed: list[list[_Placed]] = []
    spans_of: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for a, paragraphs in enumerate(articles):
        kept = []
        for p, paragraph in enumerate(paragraphs):
            context = paragraph.context
            found = [
                (q, context.find(answer), len(answer))
                for q, question in enumerate(paragraph.questions)
                for answer in question.answers[:1]
                if answer.strip() and _occurrences(context, answer) == 1
            ]
            if not found:
                continue
            spans = spans_of[(a, p)] = sentence_spans(context, segmenter)
            for q, start, length in found:
                gold = sentence_at(spans, start)
                if gold is not None and spans[gold][0] <= start and start + length <= spans[gold][1]:
                    kept.append(_Placed(a, p, q, gold))
        placed.append(kept)
    return placed, spans_of


def _quotas(sizes: list[int], total: int) -> dict[int, int]:
    """``total`` questions over articles in proportion to their placeable ones, at least one each."""
    quota = {a: 1 for a, size in enumerate(sizes) if size}
    rest, pool = total - len(quota), sum(sizes) - len(quota)
    shares = {a: rest * (sizes[a] - 1) / pool for a in quota}
    for a in quota:
        quota[a] += int(shares[a])
    left = total - sum(quota.values())
    for a in sorted(quota, key=lambda a: shares[a] - int(shares[a]), reverse=True)[:left]:
        quota[a] += 1
    return quota


def squad_explorer_pairs(path: Path, source: str, questions: int = 12_000, seed: int = 0) -> Iterator[Row]:
    """``questions`` SQuAD 1.1 train questions drawn over all articles, each with every sentence of its paragraph."""
    articles = explorer_articles(path)
    placed, spans_of = _placeable(articles, pysbd.Segmenter(language="en", clean=False, char_span=True))
    sizes = [len(kept) for kept in placed]
    if questions > sum(sizes):
        raise ValueError(f"{path.name} has {sum(sizes)} questions whose answer can be placed, not {questions}")
    quota = _quotas(sizes, questions)
    rng = random.Random(seed)
    chosen = sorted(
        (q for a in sorted(quota) for q in rng.sample(placed[a], quota[a])),
        key=lambda q: (q.article, q.paragraph, q.question),
    )
    for q in chosen:
        paragraph = articles[q.article][q.paragraph]
        context, spans = paragraph.context, spans_of[(q.article, q.paragraph)]
        for i, (start, end) in enumerate(spans):
            yield {
                "question": paragraph.questions[q.question].question.strip(),
                "sentence": context[start:end],
                "label": int(i == q.gold),
                "qid": f"squad11:{q.article}:{q.paragraph}:{q.question}",
                "source": source,
                "answerable": True,
                "hard": False,
                "before": context[spans[i - 1][0] : spans[i - 1][1]] if i else "",
            }
