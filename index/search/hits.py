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
from collections.abc import Callable, Sequence
from dataclasses import replace

from index.store.metadata import StoredArticle
from index.types import Hit, Sentence, Source

# Stands in for an article whose header is missing: no title, no date.
NO_ARTICLE = StoredArticle("", "", None, None, "", 0)

# Share of distinct words two sentences of different articles must share to be one hit.
NEAR_DUPLICATE = 0.8
# Shorter sentences ("He said no.") are only folded when they are the same.
NEAR_MIN_WORDS = 6
_WORD = re.compile(r"\w+")


def make_hit(sentence: Sentence, score: float, row: int, articles: dict[str, StoredArticle | None]) -> Hit:
    """``sentence`` (index row ``row``) as a hit scoring ``score``, its source read from ``articles``."""
    article = articles.get(sentence.article_id)
    title = article.title if article else sentence.article_id
    url = article.url if article else None
    published = article.published if article else None
    return Hit(
        sentence=sentence.text,
        score=score,
        article_id=sentence.article_id,
        title=title,
        url=url,
        published=published,
        paragraph=sentence.paragraph,
        position=sentence.position,
        start=sentence.start,
        end=sentence.end,
        row=row,
        speaker=sentence.speaker,
        sources=(Source(sentence.article_id, title, url, published),),
    )


def top_hits(
    ranked: Sequence[tuple[Sentence, float, int]],
    articles: dict[str, StoredArticle | None],
    k: int,
    key_of: Callable[[str], str] | None = None,
) -> list[Hit]:
    """``fold_duplicates`` of the ranked sentences cut to ``k``, making only the hits it keeps.

    ``key_of`` is ``same_sentence_key``, or a memo of it: a searcher sees the same candidates
    question after question, and keying them is most of this function's cost."""
    key_of = key_of or same_sentence_key
    groups: dict[str, list[int]] = {}
    for i, (sentence, _, _) in enumerate(ranked):
        groups.setdefault(key_of(sentence.text), []).append(i)
    # A dict keeps first-seen order: best first. Near-duplicates join the best of their kind;
    # only the kept groups are compared (k of them at most), and once k are kept the rest are not
    # looked at (a near-copy ranked below them is not shown anyway; exact copies are in the
    # groups already), so this stays cheap.
    kept: list[list[int]] = []
    kept_words: list[frozenset[str]] = []
    kept_articles: list[set[str]] = []
    for key, members in groups.items():
        if len(kept) >= k:
            break
        words = frozenset(key.split())
        article_ids = {ranked[i][0].article_id for i in members}
        j = _near_group(words, article_ids, kept_words, kept_articles)
        if j is not None:
            kept[j].extend(members)
            kept_articles[j] |= article_ids
        else:
            kept.append(list(members))
            kept_words.append(words)
            kept_articles.append(article_ids)
    return [fold_duplicates([make_hit(*ranked[i], articles) for i in members], near=True)[0] for members in kept]


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
