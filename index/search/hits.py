"""Stored sentences made into ``Hit``s, and the same sentence in several articles folded into one.

News collections hold copies: the same wire story in two feeds, an article and its update, the
BBC set's 133 exact duplicates. Their sentences are the same, or nearly ("said on Monday" /
"said Monday", a changed figure): shown one by one they would fill an answer with one sentence.
So a hit is one sentence with every article that holds it, where "the same" is:

* the same words in the same order, whatever the spacing, case, quotation marks or punctuation;
* or, between different articles, nearly the same words: at least ``NEAR_DUPLICATE`` of the
  two sentences' distinct words shared (Jaccard), both having at least ``NEAR_MIN_WORDS``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import NamedTuple

from index.store.metadata import StoredArticle
from index.types import Hit, Sentence, Source

# Stands in for an article whose header is missing: no title, no date.
NO_ARTICLE = StoredArticle("", "", None, None, "", 0)

# Share of distinct words two sentences of different articles must share to be one hit.
NEAR_DUPLICATE = 0.8
# Shorter sentences ("He said no.") are only folded when they are the same.
NEAR_MIN_WORDS = 6
_WORD = re.compile(r"\w+")


def make_hit(
    sentence: Sentence,
    score: float,
    row: int,
    articles: dict[str, StoredArticle | None],
    source: Source | None = None,
) -> Hit:
    """``sentence`` (index row ``row``) as a hit scoring ``score``, its source read from ``articles``
    (or given: ``source_of`` its article, which the hits of one article can share)."""
    if source is None:
        source = source_of(sentence.article_id, articles)
    return Hit(
        sentence=sentence.text,
        score=score,
        article_id=sentence.article_id,
        title=source.title,
        url=source.url,
        published=source.published,
        paragraph=sentence.paragraph,
        position=sentence.position,
        start=sentence.start,
        end=sentence.end,
        row=row,
        speaker=sentence.speaker,
        sources=(source,),
    )


def source_of(article_id: str, articles: dict[str, StoredArticle | None]) -> Source:
    """Where the article ``article_id`` was published, read from ``articles`` (its id for a title
    when its header is missing)."""
    article = articles.get(article_id)
    if article is None:
        return Source(article_id, article_id)
    return Source(article_id, article.title, article.url, article.published)


class SentenceKey(NamedTuple):
    """What ``top_hits`` groups a sentence by: equal for the same sentence (``same_sentence_key``),
    and that key's distinct words, which near-duplicates are compared by."""

    key: str
    words: frozenset[str]


def sentence_key(text: str) -> SentenceKey:
    """``text``'s ``SentenceKey`` (a searcher remembers it with the sentence's ranking facts:
    ranking.py's ``SentenceFacts``)."""
    key = same_sentence_key(text)
    return SentenceKey(key, frozenset(key.split()))


def top_hits(
    ranked: Sequence[tuple[Sentence, float, int]],
    articles: dict[str, StoredArticle | None],
    k: int,
    keys: Sequence[SentenceKey] | None = None,
) -> list[Hit]:
    """``fold_duplicates`` of the ranked sentences cut to ``k``, making only the hits it keeps.

    ``keys``: each ranked sentence's ``sentence_key``, remembered by a searcher (default: keyed
    here). A searcher sees the same candidates question after question, and keying them (and
    splitting the kept ones' keys into words) is most of this function's cost."""
    if keys is None:
        keys = [sentence_key(sentence.text) for sentence, _, _ in ranked]
    groups: dict[str, list[int]] = {}
    words_of: dict[str, frozenset[str]] = {}
    for i, (key, words) in enumerate(keys):
        members = groups.get(key)
        if members is None:
            groups[key] = [i]
            words_of[key] = words
        else:
            members.append(i)
    # A dict keeps first-seen order: best first. Near-duplicates join the best of their kind;
    # only the kept groups are compared (k of them at most), and once k are kept the rest are not
    # looked at (a near-copy ranked below them is not shown anyway; exact copies are in the
    # groups already), so this stays cheap.
    kept: list[list[int]] = []
    kept_words: list[frozenset[str]] = []
    kept_articles: list[set[str]] = []
    kept_from: set[str] = set()  # every kept group's articles
    for key, members in groups.items():
        if len(kept) >= k:
            break
        words = words_of[key]
        article_ids = {ranked[i][0].article_id for i in members}
        # A near-duplicate comes from another article than the group it joins: when every kept
        # group shares an article with this one (one article's sentences), there is none to seek.
        j = None if kept_from <= article_ids else _near_group(words, article_ids, kept_words, kept_articles)
        if j is not None:
            kept[j].extend(members)
            kept_articles[j] |= article_ids
        else:
            kept.append(list(members))
            kept_words.append(words)
            kept_articles.append(article_ids)
        kept_from |= article_ids
    sources: dict[str, Source] = {}
    return [_one_hit(ranked, members, articles, sources) for members in kept]


def _one_hit(
    ranked: Sequence[tuple[Sentence, float, int]],
    members: Sequence[int],
    articles: dict[str, StoredArticle | None],
    sources: dict[str, Source],
) -> Hit:
    """The hit of one kept group: its best member's, listing every member's article (most
    groups are one sentence, which needs no folding). ``sources``: each article's ``Source``,
    made once for the hits of one question."""
    hits = []
    for i in members:
        sentence, score, row = ranked[i]
        source = sources.get(sentence.article_id)
        if source is None:
            source = sources[sentence.article_id] = source_of(sentence.article_id, articles)
        hits.append(make_hit(sentence, score, row, articles, source))
    return hits[0] if len(hits) == 1 else fold_duplicates(hits, near=True)[0]


def _near_group(
    words: frozenset[str],
    article_ids: set[str],
    kept_words: Sequence[frozenset[str]],
    kept_articles: Sequence[set[str]],
) -> int | None:
    """The first kept group whose sentence is a near-duplicate from another article, if any."""
    if len(words) < NEAR_MIN_WORDS:
        return None
    for j, other in enumerate(kept_words):
        if len(other) >= NEAR_MIN_WORDS and article_ids.isdisjoint(kept_articles[j]) and near_duplicates(words, other):
            return j
    return None


def near_duplicates(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two sentences' distinct words overlap enough to be one sentence (see the module docstring)."""
    small, large = sorted((len(a), len(b)))
    if small < NEAR_DUPLICATE * large:  # cheap bound: Jaccard <= small / large
        return False
    shared = len(a & b)
    return shared >= NEAR_DUPLICATE * (len(a) + len(b) - shared)


def same_sentence_key(text: str) -> str:
    """Equal for the same sentence however it is spaced, capitalised, quoted or punctuated."""
    return " ".join(_WORD.findall(text.casefold()))


def fold_duplicates(hits: Sequence[Hit], *, near: bool = False) -> list[Hit]:
    """The same sentence in several articles is one hit listing every source, best first.

    ``near``: the hits are known to be one sentence already (``top_hits`` grouped them), so
    they fold whatever their text."""
    folded: dict[str, Hit] = {}
    for hit in hits:
        key = "" if near else same_sentence_key(hit.sentence)
        if key in folded:
            kept = folded[key]
            known = {s.article_id for s in kept.sources}
            extra = tuple(s for s in hit.sources if s.article_id not in known)
            if extra:
                folded[key] = replace(kept, sources=kept.sources + extra)
        else:
            folded[key] = hit
    return list(folded.values())
