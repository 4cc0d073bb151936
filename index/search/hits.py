"""Stored sentences made into ``Hit``s, and the same sentence in several articles folded into one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from index.store.metadata import StoredArticle
from index.types import Hit, Sentence, Source

# Stands in for an article whose header is missing: no title, no date.
NO_ARTICLE = StoredArticle("", "", None, None, "", 0)


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
    ranked: Sequence[tuple[Sentence, float, int]], articles: dict[str, StoredArticle | None], k: int
) -> list[Hit]:
    """``fold_duplicates`` of the ranked sentences cut to ``k``, making only the hits it keeps."""
    groups: dict[str, list[int]] = {}
    for i, (sentence, _, _) in enumerate(ranked):
        groups.setdefault(_same_sentence_key(sentence.text), []).append(i)
    best = list(groups.values())[:k]  # a dict keeps first-seen order: best first
    return [fold_duplicates([make_hit(*ranked[i], articles) for i in members])[0] for members in best]


def _same_sentence_key(text: str) -> str:
    """Equal for the same sentence however it is spaced or capitalised."""
    return " ".join(text.split()).casefold()


def fold_duplicates(hits: Sequence[Hit]) -> list[Hit]:
    """The same sentence in several articles is one hit listing every source, best first."""
    folded: dict[str, Hit] = {}
    for hit in hits:
        key = _same_sentence_key(hit.sentence)
        if key in folded:
            kept = folded[key]
            if hit.article_id not in {s.article_id for s in kept.sources}:
                folded[key] = replace(kept, sources=kept.sources + hit.sources)
        else:
            folded[key] = hit
    return list(folded.values())
