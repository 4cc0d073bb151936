"""The order a speaker's quotes are shown in: the asked verb's first, the best first, then
article order (newest article first), each person's together when a name fits several (used by
speech_answer.py)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np

from index.search.hits import NO_ARTICLE
from index.search.speech import SpeechQuery
from index.store.metadata import StoredArticle, StoredSentence

# Speech verbs that name a particular way of speaking; "say" (or none) means any speech.
_ANY_SPEECH = {None, "say"}


def speech_order(
    stored: Sequence[StoredSentence],
    relevance: np.ndarray,
    speech: SpeechQuery,
    articles: dict[str, StoredArticle | None],
    *,
    among: Sequence[int] | None = None,
) -> list[int]:
    """Indices into ``stored`` (those in ``among``, default all): the asked verb's sentences
    first; the best first, then article order.

    With a topic every group is ordered by relevance to it; without one, only the best sentence
    of the first group jumps ahead and the rest keep the order they were written in. Articles
    go newest first (undated ones last), then by id; sentences by position in their article.
    """

    by_article = article_key(stored, articles)
    everything = list(range(len(stored))) if among is None else list(among)
    if speech.verb in _ANY_SPEECH:
        groups = [everything]
    else:
        matching = [i for i in everything if stored[i].sentence.verb == speech.verb]
        groups = [matching, [i for i in everything if i not in set(matching)]] if matching else [everything]
    ordered: list[int] = []
    for n, group in enumerate(groups):
        if speech.topic:
            ordered.extend(sorted(group, key=lambda i: (-relevance[i], by_article(i))))
            continue
        rest = sorted(group, key=by_article)
        if n == 0 and rest:
            best = max(rest, key=lambda i: relevance[i])
            rest = [best] + [i for i in rest if i != best]
        ordered.extend(rest)
    return ordered


def person_groups(stored: Sequence[StoredSentence], person: Mapping[str, str]) -> list[list[int]]:
    """Indices into ``stored`` per person (``person``: each speaker's), in the order first seen:
    the answer puts the most quoted person first once copies are folded."""
    groups: dict[str, list[int]] = {}
    for i, quote in enumerate(stored):
        groups.setdefault(person[quote.sentence.speaker or ""], []).append(i)
    return list(groups.values())


def article_key(stored: Sequence[StoredSentence], articles: dict[str, StoredArticle | None]) -> Callable[[int], tuple]:
    """The sort key of article order for indices into ``stored``: newest article first (undated
    ones last), then by id; sentences by position in their article."""

    def key(i: int) -> tuple:
        sentence = stored[i].sentence
        published = (articles.get(sentence.article_id) or NO_ARTICLE).published or ""
        # Newest first: invert the date's characters so that a plain ascending sort works.
        return (published == "", tuple(-ord(c) for c in published), sentence.article_id, sentence.position)

    return key
