"""The plain data that flows through Verbatim: articles, sentences and search hits.

One shape per idea, frozen so that nothing downstream can change what was indexed.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    """One news article as loaded from disk.

    ``paragraphs`` are whitespace-normalised, NFC text; the article's text is the paragraphs
    joined by a blank line (``PARAGRAPH_SEPARATOR``), which is what sentence offsets point into.
    """

    id: str
    title: str
    paragraphs: tuple[str, ...]
    source: str  # where it was read from: a path, or path#line for JSON lines
    url: str | None = None
    published: str | None = None
    author: str | None = None  # as the page or the JSON line gives it ("Jane Doe and John Roe")

    @property
    def text(self) -> str:
        return PARAGRAPH_SEPARATOR.join(self.paragraphs)


PARAGRAPH_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article, with where it sits in it.

    ``start``/``end`` are character offsets into ``Article.text``; ``position`` counts sentences
    from 0 across the whole article; ``paragraph`` counts paragraphs from 0.
    ``speaker``/``verb`` are filled by quote attribution when the sentence reports speech.
    """

    article_id: str
    paragraph: int
    position: int
    start: int
    end: int
    text: str
    speaker: str | None = None
    verb: str | None = None


@dataclass(frozen=True)
class Source:
    """Where a hit's sentence was published."""

    article_id: str
    title: str
    url: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class Hit:
    """A ranked search result: one sentence and the article(s) it comes from.

    ``sources`` lists every article that holds this exact sentence (the first is the best);
    ``row`` is the sentence's id in the index, stable for one build.
    """

    sentence: str
    score: float
    article_id: str
    title: str
    url: str | None
    published: str | None
    paragraph: int
    position: int
    start: int
    end: int
    row: int
    speaker: str | None = None
    sources: tuple[Source, ...] = field(default=())


@dataclass(frozen=True)
class Answer:
    """What the bot shows for one question: the hits to show, or a decision to decline."""

    question: str
    hits: tuple[Hit, ...]
    declined: bool = False
    reason: str = ""
    nearest: Hit | None = None  # best hit even when declined, shown only on request
    # Said above the hits when they are not what was asked for as such, e.g. "No article quotes
    # Biden; these sentences mention him" for "what did Biden say?".
    note: str = ""
    ranked: tuple[Hit, ...] = ()  # the full ranking behind the decision (for evaluation)
    # What "More" offers right after ``hits`` when it is not simply more of the same: for "what
    # did Peskov say about the talks?", his quotes on other things (``others``, in article order;
    # also first in ``ranked`` after ``hits``) under ``more`` = "other quotes by Dmitry Peskov".
    others: tuple[Hit, ...] = ()
    more: str = ""
    # Names the articles write that a name of the question typed with a typo may be, when it could
    # not be read as one of them: a decline asks "Did you mean “Smith” or “Smyth”?".
    suggestions: tuple[str, ...] = ()
    # The content hash of the index that answered: buttons name it, so a press after a reload
    # is told the rows belong to an older index (never read from whichever index is live later).
    index_hash: str = ""
