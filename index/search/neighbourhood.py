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
        # Each row's first and last row of its article (int32, as the lexical index's rows: 8 MB at 10^6).
        self._first = np.repeat(ends - lengths, lengths).astype(np.int32)
        self._last = np.repeat(ends - 1, lengths).astype(np.int32)
        self._lexical = lexical
        self._reach = reach

    def previous(self, rows: Sequence[int]) -> list[int | None]:
        """The row before each of ``rows`` in its article (the sentence before it), None for an
        article's first sentence."""
        return [row - 1 if row > self._first[row] else None for row in rows]

    def coverage(self, stems: Iterable[str], rows: Sequence[int], titles: Sequence[frozenset[str]]) -> np.ndarray:
        """For each of ``rows`` (whose articles' title words are ``titles``), the IDF-weighted share of
        ``stems`` found in it, its neighbours or its title; 0 when ``stems`` is empty."""
        at = np.asarray(rows, dtype=np.int64)
        held = np.zeros(len(at), dtype=np.float64)
        if not len(at):
            return held
        lo = np.maximum(at - self._reach, self._first[at])
        hi = np.minimum(at + self._reach, self._last[at])
        lexical = self._lexical
        total = 0.0
        for stem in stems:
            column = lexical.vocabulary.get(stem)
            if column is None:
                found = np.zeros(len(at), dtype=bool)
                frequency = 0
            else:
                postings = lexical.rows[lexical.starts[column] : lexical.starts[column + 1]]
                found = np.searchsorted(postings, lo, side="left") < np.searchsorted(postings, hi, side="right")
                frequency = len(postings)
            found |= np.fromiter((stem in title for title in titles), dtype=bool, count=len(at))
            weight = idf(frequency, lexical.n_rows)
            held += weight * found
            total += weight
        return held / total if total > 0 else held
