"""How much of a question a candidate's neighbourhood holds: the sentence, the sentences around it
in its article, and the article's title.

A news sentence rarely repeats what its article has just said. "Bush called Trump 'unhinged.'"
answers "Which word did Jeb Bush use on Twitter to describe Trump after the Muslim ban
proposal?", and only the sentences around it say Twitter and the Muslim ban; a sentence from
another article about Trump shares the question's names and none of its story. Readers ask
with the story's words, so the ranking also counts (ranking.py's ``context`` signal) the share
of the question's words, weighted by their rarity (BM25's IDF), found within ``NEIGHBOURS``
sentences of the candidate in its article or in its title.

It is read from the lexical index's columns (each a sorted array of the rows holding a word)
and each row's article run, so it costs a few binary searches per question word, whatever the
size of the index.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from index.store.lexical import LexicalIndex, idf

# Sentences on each side of a candidate that count as its neighbourhood: measured on the two
# folds of the written PolNeAR train questions with the ranking alone (MRR@10 0.686 without the
# signal; 0.742 with one neighbour each side, 0.744 with two, 0.736 with three, 0.728 with
# five, at weight 0.2; at 0.5, two each side 0.756 against 0.749 for two before and one after,
# 0.756 for one before and two after, 0.748 for three before and one after): the story around a
# sentence, not the whole article.
NEIGHBOURS = 2


class Neighbourhoods:
    """The neighbourhood coverage of rows of one index. Safe to share between threads."""

    def __init__(self, lexical: LexicalIndex, article_runs: Sequence[int], reach: int = NEIGHBOURS) -> None:
        lengths = np.asarray(article_runs, dtype=np.int64)
        if int(lengths.sum()) != lexical.n_rows:
            raise ValueError(f"article runs cover {int(lengths.sum())} rows, the index has {lexical.n_rows}")
        ends = np.cumsum(lengths)
        first = np.repeat(ends - lengths, lengths)
        at = np.arange(lexical.n_rows)
        # Each row's first row of its article, and its neighbourhood as the bounds [lo, hi + 1), one
        # row each, so that a question reads its candidates' bounds in one step (int32, as the
        # lexical index's rows: 12 MB at 10^6).
        self._first = first.astype(np.int32)
        self._bounds = np.column_stack(
            (np.maximum(at - reach, first), np.minimum(at + reach, np.repeat(ends - 1, lengths)) + 1)
        ).astype(np.int32)
        # Each row's article ends before this row: its article is [_first, _end), where
        # articles_holding looks.
        self._end = np.repeat(ends, lengths).astype(np.int32)
        self._lexical = lexical

    def previous(self, rows: Sequence[int]) -> list[int | None]:
        """The row before each of ``rows`` in its article (the sentence before it), None for an
        article's first sentence."""
        return [row - 1 if row > self._first[row] else None for row in rows]

    def articles_holding(
        self, stems: Iterable[str], rows: Sequence[int], titles: Sequence[frozenset[str]]
    ) -> np.ndarray:
        """For each of ``rows`` (whose articles' title words are ``titles``), whether any sentence
        of its article, or its title, holds one of ``stems`` (naming.py)."""
        held = np.zeros(len(rows), dtype=bool)
        if not len(rows):
            return held
        at = np.asarray(rows, dtype=np.int64)
        bounds = np.column_stack((self._first[at], self._end[at]))
        lexical = self._lexical
        title_words = frozenset().union(*set(titles))
        for stem in stems:
            postings = lexical.rows_holding(stem)
            if len(postings):
                ends = np.searchsorted(postings, bounds)
                held |= ends[:, 0] < ends[:, 1]
            if stem in title_words:
                held |= np.fromiter((stem in title for title in titles), dtype=bool, count=len(rows))
        return held

    def coverage(self, stems: Iterable[str], rows: Sequence[int], titles: Sequence[frozenset[str]]) -> np.ndarray:
        """For each of ``rows`` (whose articles' title words are ``titles``), the IDF-weighted share of
        ``stems`` found in it, its neighbours or its title; 0 when ``stems`` is empty."""
        held = np.zeros(len(rows), dtype=np.float64)
        if not len(rows):
            return held
        bounds = self._bounds[np.asarray(rows, dtype=np.int64)]
        lexical = self._lexical
        # A stem is looked for in each title only when some title holds it (most stems are in none).
        title_words = frozenset().union(*set(titles))
        total = 0.0
        for stem in stems:
            postings = lexical.rows_holding(stem)
            found: np.ndarray | None = None  # None: in no row's neighbourhood
            frequency = len(postings)
            if frequency:
                ends = np.searchsorted(postings, bounds)  # one binary search a stem finds both ends
                found = ends[:, 0] < ends[:, 1]
            if stem in title_words:
                in_title = np.fromiter((stem in title for title in titles), dtype=bool, count=len(rows))
                found = in_title if found is None else found | in_title
            weight = idf(frequency, lexical.n_rows)
            if found is not None:
                np.add(held, weight, out=held, where=found)  # as held += weight * found, in one step
            total += weight
        return held / total if total > 0 else held
