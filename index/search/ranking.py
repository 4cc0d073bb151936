"""Ranking candidate sentences for an ordinary question: dense + BM25 + what an answer looks like.

The searcher gathers candidates from both rankers (the dense top ``CANDIDATES`` and the BM25 top
``CANDIDATES``) and scores each one with ``Weights``::

    score = cosine(question, sentence)                       dense meaning
          + lexical     * bm25 / best bm25 of the question   the exact words, names and numbers
          + answer_type * [sentence holds what is asked]     "When" -> a date (not its dateline's),
                                                             "How many" -> a number, "Who"/"Where" ->
                                                             a name the question lacks
          + length      * min(words, 40) / 40                a caption or a dateline answers nothing
          + coverage    * share of the question's words in the sentence
          + novelty     * min(names the question lacks, 5) / 5
          + title       * share of the question's words in the article's title
          + date        * [the question names the article's year or month]
          + context     * IDF-weighted share of the question's words in the sentence,
                          the two sentences each side of it, or its title (neighbourhood.py;
                          not for a yes/no question, which asks what the sentence says)
          - question    * [the sentence is itself a question]

How the weights were chosen: a coordinate search over each weight, scored by MRR@10 with
``scripts/evaluate.py``'s matching rule on TrecQA train and dev as open corpora (every
question against all 4,731 / 1,150 sentences) plus top-1 on the seed questions. Each row adds
to the one above (the full answer path, threshold off; contexts embedded as in context.py):

=======================================  ======  ======  ======  ========
ranker                                   TrecQA  TrecQA  seed    seed
                                         train   dev     MRR     top-1
=======================================  ======  ======  ======  ========
plain dense path (FAISS cosine)          0.744   0.591   0.919   0.875
+ speech questions go to their speakers  0.757   0.592   0.919   0.875
+ 0.15 * BM25 / best BM25                0.780   0.606   0.880   0.812
+ answer type (0.2), length (0.1)        0.802   0.719   0.903   0.875
+ coverage, novelty, question (as set)   0.813   0.720   0.908   0.875
=======================================  ======  ======  ======  ========

The ``context`` weight (0.5) was chosen on news, where it is for: the written PolNeAR train
questions (265 answerable, both folds) and the news calibration set, the ranking alone. MRR@10
0.686 and 0.806 without it, 0.756 and 0.839 with it (0.744 / 0.833 at 0.2; 0.760 / 0.852 at
0.7, where the seed questions lose one); two neighbours each side beat one, three and five.
TrecQA dev gives 0.005 back (0.718): each of its sentences is an article of its own, so there
the signal only counts a sentence's own words again (docs/RERANKER.md, "The story around a
sentence").

The two seed questions still missed need what no weight here gives: "Who did Sherman talk to
in Geneva?" (her "conversations with ... Ryabkov" scores 0.46 by meaning against 0.63 for her
tweet from Geneva) and "Will Ukraine join NATO soon?" ("a decade away" against "NATO in 2008
committed to accepting Ukraine", 0.651 against 0.662 by meaning, and fewer shared words).

Reciprocal-rank fusion was tried in an experiment harness and lost to the weighted sum (TrecQA
dev 0.627 against 0.629 for BM25 alone added, before the other signals): it throws away how far
apart two scores are. A bonus for question word pairs found together in a sentence gained 0.02
on train and lost 0.001 on dev, so it is not used; 30 or 100 candidates instead of 50 changed
nothing. Names weighing more in BM25 (1.25 or 1.5 times) lost 0.02 on TrecQA dev, whose
candidate sentences all share the question's names, so names and numbers pull through their
rarity (BM25's IDF) alone. The title and date weights cannot be measured on these sets (TrecQA has no titles, the
seed set one article); they are small, and tests pin what they do across articles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from index.lexicon import MONTHS, NUMBER_WORDS, WEEKDAYS
from index.search.hits import SentenceKey, sentence_key
from index.search.memo import BoundedMemo
from index.search.query import Query
from index.store.lexical import STOP_WORDS

# Candidates taken from each ranker before scoring.
CANDIDATES = 50

# "<num>" is how corpora that mask their numbers (TrecQA does) write one.
_NUMBER = re.compile(r"\d|<num>|\b(?:{})\b".format("|".join(sorted(NUMBER_WORDS))), re.IGNORECASE)
_DAY_WORDS = "|".join(["yesterday", "today", "tomorrow", *sorted(WEEKDAYS), *sorted(MONTHS)])
_DATE = re.compile(
    r"\b1[5-9]\d\d\b|\b20\d\d\b|<num>|\b\d+(?:st|nd|rd|th)\b|\bcentury\b|\bdecades?\b|\bago\b|\bsince\b"
    rf"|\b(?:{_DAY_WORDS})\b",
    re.IGNORECASE,
)
_MONTH_WORDS = "|".join(sorted(MONTHS, key=len, reverse=True))
# A wire story's dateline: where and when it was filed, not an answer to "when" ("NANJING,
# December 5 (Xinhua) -- Chinese scientists ...", "Aug 27 (Reuters) - Democrat Hillary Clinton
# ..."): a place in capitals, the month and day (and year), the agency, then a dash.
DATELINE = re.compile(
    r"^\s*(?:-LRB-\s*\w+\s*-RRB-\s*)?"  # a wire's tag: "(NYT4)"
    r"(?:[A-Z][A-Z.'&-]+(?:\s+[A-Z][A-Z.'&-]+)*\s*,\s*(?:[A-Z][a-z]+\s?\.\s*,?\s*)?)?"  # "NEW YORK," "RENO, Nev.,"
    rf"(?i:{_MONTH_WORDS})\s?\.?\s+(?:\d{{1,2}}|<num>)(?:\s*,\s*(?:\d{{4}}|<num>))?\s*"  # "Aug. 27", "Dec. 5, 1996"
    r"(?:(?:\(|-LRB-)\s*[A-Za-z][A-Za-z .]*\s*(?:\)|-RRB-)\s*)?"  # "(Reuters)", "-LRB- Xinhua -RRB-"
    r"(?:--|\u2014|\u2013|-|_|:)\s",
)
# A capitalised word that does not open a sentence or a quote: part of a name.
_NAME_WORD = re.compile(r"(?<![.!?:;\"“‘'(\[]\s)(?<![\"“‘'(\[])(?<!^)\b[A-Z][a-z]+")

_REASON = re.compile(
    r"\b(?:because|due\s+to|owing\s+to|as\s+a\s+result|in\s+order\s+to|so\s+that|so\s+as\s+to|in\s+response\s+to|"
    r"reasons?|aim(?:s|ed)?|attempts?|intended|designed\s+to|purpose|goal|caused?|therefore|thus)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Weights:
    """How much each signal adds to the dense cosine (see the module docstring)."""

    lexical: float = 0.15
    names: float = 1.0  # BM25 weight of a question's names and numbers (its other words: 1)
    answer_type: float = 0.2
    length: float = 0.1
    length_words: int = 40
    coverage: float = 0.05
    novelty: float = 0.05
    question: float = 0.1
    title: float = 0.1
    date: float = 0.05
    context: float = 0.5
    # Speech answers only (speech_answer.py): a sentence quoting the speaker's own words before a
    # reporter's account of them that is as relevant, give or take this much (speech_topic.py).
    direct: float = 0.1


def new_names(query: Query, sentence: str, tests: TextTests | None = None) -> list[str]:
    """Capitalised words of ``sentence`` (not opening it) that the question does not use."""
    names = tests.names(sentence) if tests is not None else _names(sentence)
    return [w for w, folded in names if folded not in query.letters]


def _names(sentence: str) -> tuple[tuple[str, str], ...]:
    """(word, casefolded) for the capitalised words of ``sentence`` that are not stop words."""
    return tuple((w, f) for w, f in ((w, w.casefold()) for w in _NAME_WORD.findall(sentence)) if f not in STOP_WORDS)


def holds_answer_type(query: Query, sentence: str, tests: TextTests | None = None) -> bool:
    """Whether ``sentence`` holds something of the kind ``query`` asks for."""
    kind = query.kind
    if kind == "name":
        return bool(new_names(query, sentence, tests))
    if kind in KIND_TESTS:
        return tests.holds(kind, sentence) if tests is not None else holds_kind(kind, sentence)
    return False


KIND_TESTS = {"date": _DATE, "number": _NUMBER, "reason": _REASON}


class SentenceFacts(NamedTuple):
    """What ranking reads about a sentence whatever the question (``TextTests.facts``), and what
    the ranked sentences are then grouped by (hits.py's ``top_hits``): one record, one lookup."""

    words: int  # words, split at spaces: the length signal
    names: tuple[tuple[str, str], ...]  # ``_names``: (word, casefolded) for its capitalised words
    folded: frozenset[str]  # the casefolded ``names``: most questions use none of them
    question: bool  # whether the sentence is itself a question
    key: SentenceKey  # ``sentence_key``: equal for the same sentence in another article

    def new_names(self, asked_words: frozenset[str]) -> int:
        """How many of ``names`` (counted as often as written) ``asked_words`` lacks: ``len(new_names(...))``."""
        if self.folded.isdisjoint(asked_words):
            return len(self.names)
        return sum(1 for _, folded in self.names if folded not in asked_words)


class TextTests:
    """The question-independent tests of sentences, remembered between questions.

    Ranking runs the same few dozen candidate sentences through costly patterns (the date
    pattern alone takes ~25 us a sentence) question after question; a searcher keeps one of these
    so that each sentence is tested once. What every question reads (``facts``) is remembered
    together, one lookup a candidate; a kind test only for the questions that ask for its kind.
    Bounded: it starts afresh past ``limit`` sentences. Safe to share between threads (a race
    only repeats a test).
    """

    def __init__(self, limit: int = 50_000) -> None:
        self._facts: BoundedMemo[str, SentenceFacts] = BoundedMemo(limit)
        self._kinds: BoundedMemo[tuple[str, str], bool] = BoundedMemo(limit)

    def facts(self, sentence: str) -> SentenceFacts:
        return self._facts.get_or_compute(sentence, _facts)

    def facts_of(self, sentences: Sequence[str]) -> list[SentenceFacts]:
        """``facts`` of each of ``sentences`` (a question's candidates), in one call."""
        return self._facts.get_many_or_compute(sentences, _facts)

    def words(self, sentence: str) -> int:
        return self.facts(sentence).words

    def names(self, sentence: str) -> tuple[tuple[str, str], ...]:
        return self.facts(sentence).names

    def holds(self, kind: str, sentence: str) -> bool:
        return self._kinds.get_or_compute((kind, sentence), _holds)


def _facts(sentence: str) -> SentenceFacts:
    names = _names(sentence)
    folded = frozenset(f for _, f in names)
    return SentenceFacts(_word_count(sentence), names, folded, is_question(sentence), sentence_key(sentence))


def _word_count(sentence: str) -> int:
    return len(sentence.split())


def _holds(kind_and_sentence: tuple[str, str]) -> bool:
    kind, sentence = kind_and_sentence
    return holds_kind(kind, sentence)


def holds_kind(kind: str, sentence: str) -> bool:
    """Whether ``sentence`` holds something of ``kind`` ("date", "number", "reason"); a date in
    its dateline (``DATELINE``) is when the story was filed, not an answer."""
    if kind == "date":
        sentence = DATELINE.sub("", sentence, count=1)
    return bool(KIND_TESTS[kind].search(sentence))


def is_question(sentence: str) -> bool:
    return sentence.rstrip(" '\"`”’»)").endswith("?")


def date_match(query: Query, published: str | None) -> bool:
    """Whether the question names the year (and month, if it names one) the article was published."""
    if not published or published[:4] not in query.years:
        return False
    if query.month is None or len(published) < 7 or not published[5:7].isdigit():
        return True
    return query.month == int(published[5:7])


class Candidate(NamedTuple):
    """What ranking needs to know about one candidate sentence.

    A named tuple, not a frozen dataclass: as immutable, but some 50 are made per question and a
    frozen dataclass's ``__init__`` (one ``object.__setattr__`` a field) took a sixth of the
    ranking's time."""

    row: int
    text: str
    dense: float
    lexical: float  # raw BM25
    terms: frozenset[str]  # stemmed words of the sentence
    title_terms: frozenset[str]
    published: str | None
    # IDF-weighted share of the question's words in the sentence, its neighbours or its title (neighbourhood.py).
    context: float = 0.0


# The ranking's signals, one column each, in the order ``Weights.vector`` weighs them.
SIGNALS = ("dense", "lexical", "answer_type", "length", "coverage", "title", "novelty", "date", "question", "context")


def weight_vector(weights: Weights) -> np.ndarray:
    """``weights`` as one number per column of ``ranking_signals`` (the question signal subtracts)."""
    return np.array(
        [
            1.0,
            weights.lexical,
            weights.answer_type,
            weights.length,
            weights.coverage,
            weights.title,
            weights.novelty,
            weights.date,
            -weights.question,
            weights.context,
        ]
    )


def ranking_signals(
    query: Query,
    candidates: Sequence[Candidate],
    weights: Weights,
    tests: TextTests | None = None,
    best_lexical: float | None = None,
    facts: Sequence[SentenceFacts] | None = None,
) -> np.ndarray:
    """Each candidate's signals (rows) apart, one column per name in ``SIGNALS``, before weighting.

    ``best_lexical``: the BM25 score the lexical signal is a share of (default the best among
    ``candidates``, which is the question's best over the index when they are all it found).
    ``facts``: ``tests.facts_of`` the candidates' texts, when the caller has read them already.

    Built as one flat list, then one array: a numpy element write costs as much as the
    arithmetic it stores. What depends on the sentence alone is read from ``tests.facts``."""
    if not candidates:
        return np.zeros((0, len(SIGNALS)), dtype=np.float64)
    kind = query.kind
    asked = query.stems
    asked_words = query.letters  # what new_names compares with
    tests = tests or TextTests()
    if best_lexical is None:
        best_lexical = max(c.lexical for c in candidates)
    # New names answer "who" and "which", not "will it"; and "Is Sherman optimistic?" asks about
    # what the sentence itself says, not its neighbours: for a yes/no question neither counts.
    open_question = kind != "yes/no"
    length_words = weights.length_words
    dated = bool(query.years)
    n_asked = len(asked)
    values: list[float] = []
    if facts is None:
        facts = tests.facts_of([c.text for c in candidates])
    for c, fact in zip(candidates, facts, strict=True):
        # Only "name" and the novelty signal read the new names, and neither counts for yes/no.
        novel = fact.new_names(asked_words) if open_question else 0
        values += (
            c.dense,
            c.lexical / best_lexical if best_lexical > 0 else 0.0,
            # holds_answer_type
            1.0 if (kind == "name" and novel) or (kind in KIND_TESTS and tests.holds(kind, c.text)) else 0.0,
            min(fact.words, length_words) / length_words,
            # The share of the question's stems in the sentence and in its title (0 for none).
            len(asked & c.terms) / n_asked if n_asked and not asked.isdisjoint(c.terms) else 0.0,
            len(asked & c.title_terms) / n_asked if n_asked and not asked.isdisjoint(c.title_terms) else 0.0,
            min(novel, 5) / 5 if open_question else 0.0,
            1.0 if dated and date_match(query, c.published) else 0.0,
            1.0 if fact.question else 0.0,
            c.context if open_question else 0.0,
        )
    return np.array(values, dtype=np.float64).reshape(len(candidates), len(SIGNALS))


def score_candidates(
    query: Query,
    candidates: Sequence[Candidate],
    weights: Weights,
    tests: TextTests | None = None,
) -> np.ndarray:
    """The fused score of each candidate, in the order given (``tests``: a searcher's memory)."""
    return ranking_signals(query, candidates, weights, tests) @ weight_vector(weights)
