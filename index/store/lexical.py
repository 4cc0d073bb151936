"""The lexical ranker: BM25 over stemmed words, built with the index and stored beside it.

Dense embeddings match meaning but blur names and numbers ("Peskov" and "Ryabkov" are both
"a Russian official" to MiniLM); BM25 matches the exact words. ``LexicalIndex`` holds the BM25
weight of every (word, sentence) pair as one sparse matrix in compressed-column form (one
column per stemmed word), which is what a query needs: the score of a sentence is the sum of
the columns of the question's words. Memory is linear in the number of word occurrences
(about 15 per sentence: some 120 MB for a million sentences), never sentences x vocabulary.

On disk it is ``lexical.npz`` (numeric arrays only, read with ``allow_pickle=False``) and
``lexical.json`` (the vocabulary and the BM25 parameters): nothing that runs code when loaded.

Words are case-folded, accents kept, split on anything that is not a letter or digit, English
stop words dropped and the rest stemmed (Snowball, via PyStemmer), so "talks" finds "talk"; an
irregular verb's past form in lower case counts as its base form (word_forms.IRREGULAR_FORMS), so
"did Sanders lay off" finds "laid off" and "did she win" finds "won", and a British spelling's
stem counts as the American one's (word_forms.BRITISH_SPELLINGS), so "defense" finds "defence" and
"organized" finds "organisation", and "per cent" is the one word "percent".
Numbers are words too, even one digit long ("No. 1"), and dotted initials are one word ("U.S."
= "US"). ``query_terms`` can make a question's names (capitalised words after its first) and
numbers weigh more; the ranker keeps them at 1, where their rarity already makes them pull
(ranking.py says what was measured), and a speech question's topic weighs them double.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import numpy as np

from index.errors import IndexLoadError
from index.word_forms import BRITISH_SPELLINGS, IRREGULAR_FORMS

LEXICAL_ARRAYS = "lexical.npz"
LEXICAL_VOCABULARY = "lexical.json"
LEXICAL_FORMAT = 1
K1 = 1.2
B = 0.75
# How much more a capitalised word or a number in the question counts, unless told otherwise.
NAME_WEIGHT = 2.0

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
# "U.S." and "US", "U.K." and "UK" are one word: dotted initials lose their dots.
_INITIALS = re.compile(r"\b(?:[^\W\d_]\.){2,}")
_PER_CENT = re.compile(r"\bper\s+cent\b", re.IGNORECASE)


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    if "cent" in text or "Cent" in text or "CENT" in text:  # the British "per cent" is the American "percent"
        text = _PER_CENT.sub("percent", text)
    if "." not in text:  # no initials to join: most questions, and the regex is not free
        return text
    return _INITIALS.sub(lambda m: m.group().replace(".", ""), text)


# English stop words (the usual short list plus question words and auxiliaries): they carry
# no topic, and a question is mostly made of them.
STOP_WORDS = frozenset(
    """
    a about above after again against all am an and any are aren't as at be because been before
    being below between both but by can can't cannot could couldn't did didn't do does doesn't
    doing don't down during each few for from further had hadn't has hasn't have haven't having
    he he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm
    i've if in into is isn't it it's its itself let's me more most mustn't my myself no nor not
    of off on once only or other ought our ours ourselves out over own same shan't she she'd
    she'll she's should shouldn't so some such than that that's the their theirs them themselves
    then there there's these they they'd they'll they're they've this those through to too under
    until up very was wasn't we we'd we'll we're we've were weren't what what's when when's where
    where's which while who who's whom why why's with won't would wouldn't you you'd you'll you're
    you've your yours yourself yourselves s t d ll re ve m also just will shall may might must
    much many whose tell me please
    """.split()
)


def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


class Tokenizer:
    """Text -> stemmed words (one per instance: the stemmer keeps a cache, not thread-safe)."""

    def __init__(self) -> None:
        self._stemmer = _stemmer()
        self._spelling = spelling_stems(self._stemmer.stemWord)

    def words(self, text: str) -> list[str]:
        """The words of ``text`` as written (no stop words), in order."""
        return [w for w in _WORD.findall(_normalise(text)) if w.casefold().replace("’", "'") not in STOP_WORDS]

    def stem(self, word: str) -> str:
        stem = self._stemmer.stemWord(_base(word))
        return self._spelling.get(stem, stem)

    def tokens(self, text: str) -> list[str]:
        """The stemmed words of ``text``."""
        words = [_base(w) for w in self.words(text)]
        if not words:
            return []
        spelling = self._spelling
        return [spelling.get(stem, stem) for stem in self._stemmer.stemWords(words)]

    def query_words(self, question: str) -> list[QueryWord]:
        """The words of ``question`` (no stop words), in order, each stemmed and marked when it names something."""
        text = _normalise(question)
        found = []
        for match in _WORD.finditer(text):
            word = match.group()
            folded = _fold(word)
            if folded in STOP_WORDS:
                continue
            named = word[0].isdigit() or (
                word[0].isupper() and match.start() > 0 and not opens_sentence(text, match.start())
            )
            found.append(QueryWord(word, self.stem(word), named))
        return found

    def query_terms(self, question: str, name_weight: float = NAME_WEIGHT) -> dict[str, float]:
        """Stemmed question words with their weights: names and numbers weigh ``name_weight``."""
        return weighted_terms(self.query_words(question), name_weight)


class QueryWord(NamedTuple):
    """One word of a question as written, its stem, and whether it names something: a number, or
    a capitalised word that does not open a sentence ("Peskov" in "What did Peskov say?").

    A named tuple: as immutable as a frozen dataclass, and made faster (every question makes a
    few; a frozen dataclass sets each field through ``object.__setattr__``)."""

    text: str
    stem: str
    named: bool


def weighted_terms(words: Iterable[QueryWord], name_weight: float = NAME_WEIGHT) -> dict[str, float]:
    """Each stem of ``words`` once, in order, weighing ``name_weight`` where it names something
    (the larger weight where a stem is written both ways)."""
    weights: dict[str, float] = {}
    for word in words:
        weight = name_weight if word.named else 1.0
        weights[word.stem] = max(weights.get(word.stem, 0.0), weight)
    return weights


def _fold(word: str) -> str:
    return word.casefold().replace("’", "'")


def _base(word: str) -> str:
    """``word`` folded, a Latin letter's accent dropped ("Fernández" -> "fernandez", as a chat
    types it), and an irregular verb's past form written in lower case as its base form ("laid"
    -> "lay", "won" -> "win"; not "Rose", a name): what the stemmer is given."""
    folded = _fold(word)
    if not folded.isascii():
        folded = without_accents(folded)
    return IRREGULAR_FORMS.get(folded, folded) if word.islower() else folded


# Latin letters with no decomposition into a letter and an accent: "Wałęsa", "Søren", "Straße".
_LATIN_LETTERS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th"})


def without_accents(text: str) -> str:
    """``text`` with the accents of its Latin letters dropped ("fernández" -> "fernandez",
    "erdoğan" -> "erdogan", "wałęsa" -> "walesa"); other scripts as written ("й" stays "й")."""
    kept: list[str] = []
    for char in unicodedata.normalize("NFD", text.translate(_LATIN_LETTERS)):
        if unicodedata.combining(char) and kept and kept[-1].isascii():
            continue
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


def spelling_stems(stem_word: Callable[[str], str]) -> dict[str, str]:
    """The stem of each British spelling -> the stem of its American one, where the two differ
    ("defenc" -> "defens", "organis" -> "organiz"; "travelled" and "traveled" already meet)."""
    joined = {}
    for british, american in BRITISH_SPELLINGS.items():
        british_stem, american_stem = stem_word(british), stem_word(american)
        if british_stem != american_stem:
            joined[british_stem] = american_stem
    return joined


def opens_sentence(text: str, at: int) -> bool:
    """Whether the word at ``at`` opens a sentence: nothing but spaces before it, or an end of
    sentence, a quotation mark, a bracket or a colon. Read back from ``at`` over the spaces only,
    not by copying what comes before (a question of many capitalised words is read in linear time)."""
    i = at - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i < 0 or text[i] in ".!?\"'“‘(:"


@dataclass(frozen=True)
class LexicalIndex:
    """BM25 weights, one compressed column per stemmed word (see the module docstring)."""

    vocabulary: dict[str, int]
    weights: np.ndarray  # float32, one per (word, sentence) pair, column by column
    rows: np.ndarray  # int32, the sentence row of each weight
    starts: np.ndarray  # int64, len(vocabulary) + 1: column j is weights[starts[j]:starts[j+1]]
    n_rows: int
    # Kept by builds for the next rebuild (TermCounts); a searcher does not load them.
    tf: np.ndarray | None = None  # int32, the count behind each weight
    lengths: np.ndarray | None = None  # int32, words per sentence

    def knows(self, word: str, tokenizer: Tokenizer) -> bool:
        """Whether ``word`` (as written in a question) occurs in any indexed sentence."""
        return tokenizer.stem(word) in self.vocabulary

    def rows_holding(self, stem: str) -> np.ndarray:
        """The indexed sentences (their rows, in order) that hold ``stem``: none for a word none does."""
        column = self.vocabulary.get(stem)
        if column is None:
            return self.rows[:0]
        return self.rows[self.starts[column] : self.starts[column + 1]]

    def frequency(self, stem: str) -> int:
        """How many indexed sentences hold ``stem`` (0 for a word none does)."""
        return len(self.rows_holding(stem))

    def scores(self, terms: dict[str, float]) -> np.ndarray:
        """The weighted BM25 score of every sentence for the question's ``terms``."""
        total = np.zeros(self.n_rows, dtype=np.float32)
        for term, weight in terms.items():
            column = self.vocabulary.get(term)
            if column is None:
                continue
            lo, hi = int(self.starts[column]), int(self.starts[column + 1])
            total[self.rows[lo:hi]] += weight * self.weights[lo:hi]
        return total

    def top(self, terms: dict[str, float], k: int) -> tuple[np.ndarray, np.ndarray]:
        """(rows, scores) of the ``k`` best sentences with a positive score, best first."""
        scores = self.scores(terms)
        rows = best_rows(scores, k)
        return rows, scores[rows]

    def save(self, directory: Path) -> list[str]:
        """Write the two files into ``directory``; returns their names.

        Only a built index is saved: it has the term counts the next rebuild carries over (one
        read for searching does not).
        """
        if self.tf is None or self.lengths is None:
            raise ValueError("a lexical index read for searching has no term counts to save")
        np.savez(
            directory / LEXICAL_ARRAYS,
            weights=self.weights,
            rows=self.rows,
            starts=self.starts,
            tf=self.tf,
            lengths=self.lengths,
        )
        meta = {"format": LEXICAL_FORMAT, "k1": K1, "b": B, "rows": self.n_rows, "vocabulary": self.vocabulary}
        (directory / LEXICAL_VOCABULARY).write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        return [LEXICAL_ARRAYS, LEXICAL_VOCABULARY]


def idf(document_frequency: int, n_rows: int) -> float:
    """BM25's inverse document frequency: how rare a word is among the index's sentences."""
    return math.log(1.0 + (n_rows - document_frequency + 0.5) / (document_frequency + 0.5))


def best_rows(scores: np.ndarray, k: int) -> np.ndarray:
    """The rows of the ``k`` highest positive ``scores``, best first (ties: lower row first)."""
    candidates = np.flatnonzero(scores > 0)
    if candidates.size > k:
        candidates = candidates[np.argpartition(-scores[candidates], k - 1)[:k]]
    return candidates[np.lexsort((candidates, -scores[candidates]))]


def build_lexical(texts: Iterable[str], tokenizer: Tokenizer | None = None) -> LexicalIndex:
    """BM25 (Lucene's variant) over ``texts``; row ``i`` is ``texts[i]``."""
    tokenizer = tokenizer or Tokenizer()
    return lexical_from_counts(count_terms(tokenizer.tokens(text) for text in texts))


@dataclass(frozen=True)
class TermCounts:
    """How often each word occurs in each sentence: what BM25 is computed from.

    A build keeps them beside the index (``tf`` and ``lengths`` in ``lexical.npz``), so that a
    rebuild carries the counts of unchanged sentences over instead of tokenising them again.
    """

    words: tuple[str, ...]  # term id -> stemmed word
    rows: np.ndarray  # int64, one per (word, sentence) pair
    terms: np.ndarray  # int64, the word of each pair
    tf: np.ndarray  # int64, how often the word occurs in the sentence
    lengths: np.ndarray  # int64, words per sentence (stop words aside), one per row

    @property
    def n_rows(self) -> int:
        return len(self.lengths)


def count_terms(token_lists: Iterable[Sequence[str]]) -> TermCounts:
    """The counts of tokenised sentences; row ``i`` is the ``i``-th list."""
    vocabulary: dict[str, int] = {}
    doc_rows: list[int] = []
    doc_terms: list[int] = []
    doc_counts: list[int] = []
    lengths: list[int] = []
    for row, tokens in enumerate(token_lists):
        lengths.append(len(tokens))
        counts: dict[int, int] = {}
        for token in tokens:
            term = vocabulary.setdefault(token, len(vocabulary))
            counts[term] = counts.get(term, 0) + 1
        doc_rows.extend([row] * len(counts))
        doc_terms.extend(counts.keys())
        doc_counts.extend(counts.values())
    return TermCounts(
        tuple(vocabulary),
        np.asarray(doc_rows, dtype=np.int64),
        np.asarray(doc_terms, dtype=np.int64),
        np.asarray(doc_counts, dtype=np.int64),
        np.asarray(lengths, dtype=np.int64),
    )


def carry_counts(
    previous: TermCounts, new_row: np.ndarray, fresh: Sequence[tuple[int, Sequence[str]]], n_rows: int
) -> TermCounts:
    """Counts for a new row order: old row ``r`` becomes ``new_row[r]`` (-1: dropped), and
    ``fresh`` gives the tokens of every other new row."""
    keep = new_row[previous.rows] >= 0
    added = count_terms(tokens for _, tokens in fresh)
    fresh_rows = np.asarray([row for row, _ in fresh], dtype=np.int64)
    # One vocabulary for both: the fresh sentences' words are looked up in (or added to) the old.
    index = {word: i for i, word in enumerate(previous.words)}
    words = list(previous.words)
    remap = np.asarray([index.setdefault(w, len(index)) for w in added.words], dtype=np.int64)
    words.extend(w for w in index if index[w] >= len(previous.words))
    lengths = np.zeros(n_rows, dtype=np.int64)
    carried = new_row >= 0
    lengths[new_row[carried]] = previous.lengths[carried]
    lengths[fresh_rows] = added.lengths
    return TermCounts(
        tuple(words),
        np.concatenate([new_row[previous.rows[keep]], fresh_rows[added.rows] if added.rows.size else added.rows]),
        np.concatenate([previous.terms[keep], remap[added.terms] if added.terms.size else added.terms]),
        np.concatenate([previous.tf[keep], added.tf]),
        lengths,
    )


def lexical_from_counts(counts: TermCounts) -> LexicalIndex:
    """The BM25 index of ``counts``: only words some sentence holds, in alphabetical order."""
    n_rows = counts.n_rows
    used = np.unique(counts.terms)
    order_of_words = sorted(range(len(used)), key=lambda i: counts.words[used[i]])
    renumber = np.full(len(counts.words), -1, dtype=np.int64)
    renumber[used[order_of_words]] = np.arange(len(used), dtype=np.int64)
    vocabulary = {counts.words[used[i]]: n for n, i in enumerate(order_of_words)}
    terms = renumber[counts.terms]
    rows = counts.rows
    tf = counts.tf.astype(np.float32)
    length = counts.lengths.astype(np.float32)
    average = float(length.mean()) if n_rows and length.mean() > 0 else 1.0
    df = np.bincount(terms, minlength=len(vocabulary)).astype(np.float32)
    idf = np.log1p((n_rows - df + 0.5) / (df + 0.5))
    norm = K1 * (1 - B + B * length[rows] / average) if rows.size else np.zeros(0, dtype=np.float32)
    # Lucene's BM25 (as bm25s computes it): no (k1 + 1) factor, which changes no ranking.
    weights = (idf[terms] * tf / (tf + norm)).astype(np.float32)
    order = np.lexsort((rows, terms))  # group by word, rows ascending: compressed columns
    starts = np.zeros(len(vocabulary) + 1, dtype=np.int64)
    np.cumsum(df.astype(np.int64), out=starts[1:])
    return LexicalIndex(
        vocabulary,
        weights[order],
        rows[order].astype(np.int32),
        starts,
        n_rows,
        tf=counts.tf[order].astype(np.int32),
        lengths=counts.lengths.astype(np.int32),
    )


def load_counts(directory: Path) -> TermCounts | None:
    """The term counts a build kept in ``directory``, or None (an older index, or unreadable)."""
    try:
        meta = json.loads((directory / LEXICAL_VOCABULARY).read_text(encoding="utf-8"))
        with np.load(directory / LEXICAL_ARRAYS, allow_pickle=False) as arrays:
            if "tf" not in arrays or "lengths" not in arrays:
                return None
            rows, starts, tf, lengths = arrays["rows"], arrays["starts"], arrays["tf"], arrays["lengths"]
        words = sorted(meta["vocabulary"], key=meta["vocabulary"].__getitem__)
        terms = np.repeat(np.arange(len(words), dtype=np.int64), np.diff(starts))
        if terms.shape != rows.shape or tf.shape != rows.shape:
            return None
        return TermCounts(tuple(words), rows.astype(np.int64), terms, tf.astype(np.int64), lengths.astype(np.int64))
    except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None


def load_lexical(directory: Path, n_rows: int) -> LexicalIndex:
    """Read and check the lexical index of a generation; raise IndexLoadError if it is wrong."""
    try:
        meta = json.loads((directory / LEXICAL_VOCABULARY).read_text(encoding="utf-8"))
        with np.load(directory / LEXICAL_ARRAYS, allow_pickle=False) as arrays:
            weights, rows, starts = arrays["weights"], arrays["rows"], arrays["starts"]
    except FileNotFoundError as exc:
        raise IndexLoadError(
            f"The index at {directory.parent} has no lexical index ({exc.filename}); rebuild it."
        ) from exc
    except (OSError, ValueError, KeyError, UnicodeDecodeError) as exc:
        raise IndexLoadError(f"The lexical index in {directory} is unreadable ({exc}); rebuild the index.") from exc
    vocabulary = meta.get("vocabulary") if isinstance(meta, dict) else None
    if not isinstance(vocabulary, dict) or meta.get("format") != LEXICAL_FORMAT:
        raise IndexLoadError(f"The lexical index in {directory} is corrupt (unknown format); rebuild the index.")
    problems = []
    if meta.get("rows") != n_rows:
        problems.append(f"it covers {meta.get('rows')} sentences, the index has {n_rows}")
    elif starts.shape != (len(vocabulary) + 1,) or weights.shape != rows.shape or int(starts[-1]) != rows.size:
        problems.append("its arrays do not fit together")
    elif rows.size and (int(rows.min()) < 0 or int(rows.max()) >= n_rows):
        problems.append("it points at sentences that do not exist")
    if problems:
        raise IndexLoadError(f"The lexical index in {directory} is corrupt ({problems[0]}); rebuild the index.")
    return LexicalIndex(
        vocabulary, weights.astype(np.float32, copy=False), rows.astype(np.int32, copy=False), starts, n_rows
    )


def names_in(question: str, tokenizer: Tokenizer) -> list[str]:
    """Capitalised words in ``question`` that are not at its start: names of people, places..."""
    return [word.text for word in tokenizer.query_words(question) if word.named and word.text[0].isupper()]
