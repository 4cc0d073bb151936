"""What the feature reranker reads about each of a question's best candidates: pure functions.

The ranking (ranking.py) adds its signals up with hand-set weights. The feature reranker
(feature_rerank.py, model in index/rerank/) sees them apart, next to what the sum hides:

* where the candidate stands: its fused score, rank, and gaps to the best fused, dense and
  lexical scores among the candidates;
* how much of the question it holds: the IDF-weighted share of the question's words (a rare name
  counts more than "said"), the share of its names and of its numbers, and the best share
  of its words found in one clause of the sentence (not scattered over a long one);
* whether it holds an answer of the kind asked that the question does not already give (a date
  for "when", a number for "how many", a new name for "who"), one column per kind asked, so that
  a model without interactions can still learn that a date matters to "when" only; and how
  close that answer stands to the question's own words ("nearly 100,000 troops" for "how many
  troops", not a figure at the other end of the sentence), and how much of the question stands
  around it;
* for a figure question, whether the sentence gives a figure *of the unit asked* (units.py):
  "151,584 votes" for "how many votes", not "22 points";
* for a "where" question, whether the sentence names a place the question lacks after a
  preposition of place (places.py): "telling supporters in Columbus", not "his bid for Indiana".

``FEATURES`` names the columns; a model file lists the names it was trained on, and is
refused when they differ (index/rerank/features_model.py). A model may also read a
cross-encoder that sees question and sentence together (``CROSS_FEATURES``, appended after
``FEATURES``; ``cross_columns``): its logit and its gap to the best of the candidates.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from index.lexicon import EVENT_WORDS, MONTH_NAMES
from index.search.places import gives_place
from index.search.query import YEAR, Query, asks_place, is_calendar_word
from index.search.ranking import KIND_TESTS, SIGNALS, TextTests, date_match, holds_answer_type
from index.search.units import Stemmer, asked_unit, gives_unit
from index.store.lexical import Tokenizer

KINDS = ("date", "number", "name", "reason", "yes/no", None)
FEATURES = (
    *SIGNALS,
    "fused",
    "fused_gap",
    "rank",
    "dense_gap",
    "lexical_gap",
    "idf_share",
    "name_share",
    "number_share",
    "clause_share",
    "kind_new",
    "kind_near",
    "kind_context",
    "log_words",
    *(f"asks_{kind or 'other'}" for kind in KINDS),
    *(f"new_{kind}" for kind in ("date", "number", "name")),
    "asks_unit",
    "unit_match",
    "asks_place",
    "new_place",
)
_COLUMN = {name: i for i, name in enumerate(FEATURES)}
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]\u2013\u2014]|\s-\s")
_KIND_PATTERNS = {kind: KIND_TESTS[kind] for kind in ("date", "number")}


@dataclass(frozen=True)
class SentenceWords:
    """A sentence's words (stop words aside) as written and stemmed, in order, and its clauses."""

    words: tuple[str, ...]
    stems: tuple[str, ...]
    clauses: tuple[frozenset[str], ...]  # the stems of each clause (clauses_of)


@dataclass(frozen=True)
class CandidateText:
    """One candidate as the features read it: its text, stemmed words and the ranking's view."""

    text: str
    terms: frozenset[str]  # stemmed words of the sentence
    signals: np.ndarray  # ranking_signals' row for it (ranking.SIGNALS)
    fused: float  # the ranking's score


def shares(
    asked: Sequence[str],
    terms: frozenset[str],
    weight: Callable[[str], float] | None = None,
    equivalents: Mapping[str, frozenset[str]] | None = None,
) -> float:
    """The (weighted) share of ``asked`` stems found in ``terms`` (or one of their ``equivalents``);
    1.0 when nothing is asked."""
    if not asked:
        return 1.0
    weights = [weight(s) if weight else 1.0 for s in asked]
    total = sum(weights)
    others = equivalents or {}
    found = sum(
        w for s, w in zip(asked, weights, strict=True) if s in terms or not others.get(s, frozenset()).isdisjoint(terms)
    )
    return found / total if total > 0 else 1.0


def clause_share(
    asked: frozenset[str], clauses: Sequence[frozenset[str]], equivalents: Mapping[str, frozenset[str]] | None = None
) -> float:
    """The largest share of ``asked`` stems found together in one clause (or one of their
    ``equivalents``; 1.0 when nothing is asked)."""
    if not asked:
        return 1.0
    ordered = sorted(asked)
    return max((shares(ordered, c, None, equivalents) for c in clauses), default=0.0)


def clauses_of(text: str) -> list[str]:
    """``text`` cut at commas, semicolons, colons, brackets and dashes."""
    return [part for part in _CLAUSE_BREAK.split(text) if part.strip()]


def new_of_kind(query: Query, text: str, tests: TextTests) -> bool:
    """Whether ``text`` holds something of the kind ``query`` asks that the question does not give."""
    kind = query.kind
    pattern = _KIND_PATTERNS.get(kind or "")
    if pattern is not None:
        asked = query.text.casefold()
        return any(m.group(0).casefold() not in asked for m in pattern.finditer(text))
    return holds_answer_type(query, text, tests) if kind in ("name", "reason") else False


def answer_positions(query: Query, sentence: SentenceWords, text: str) -> list[int]:
    """Where in ``sentence.words`` an answer of the kind asked stands: a word holding a date or
    number the question lacks, or (for "who", "where", "which") a capitalised word the question
    lacks (not the sentence's first). None for other kinds."""
    kind = query.kind
    pattern = _KIND_PATTERNS.get(kind or "")
    if pattern is None and kind != "name":
        return []
    asked_text = query.text.casefold()
    masked = "<num>" in text  # corpora that mask numbers (TrecQA) leave the word "num"
    found = []
    for i, word in enumerate(sentence.words):
        folded = word.casefold()
        if pattern is not None:
            if (pattern.search(word) or (masked and folded == "num")) and folded not in asked_text:
                found.append(i)
        elif i > 0 and word[:1].isupper() and folded not in query.letters:
            found.append(i)
    return found


def answer_nearness(query: Query, sentence: SentenceWords, answers: Sequence[int]) -> float:
    """1 / (1 + words between the nearest question word and an answer at ``answers``), 0 for none."""
    asked = [i for i, stem in enumerate(sentence.stems) if stem in query.stems]
    if not answers or not asked:
        return 0.0
    return 1.0 / (1.0 + min(abs(i - j) for i in answers for j in asked))


def answer_context(
    query: Query, sentence: SentenceWords, answers: Sequence[int], idf_of: Callable[[str], float], window: int = 5
) -> float:
    """The largest IDF-weighted share of the question's words within ``window`` words of one answer
    at ``answers``: "1.3 million votes" for "How many votes did Stein get?" holds "votes" beside
    the number, but not "Stein" if she is named two clauses away."""
    if not answers:
        return 0.0
    asked = sorted(query.stems)
    return max(shares(asked, frozenset(sentence.stems[max(0, i - window) : i + window + 1]), idf_of) for i in answers)


def feature_matrix(
    query: Query,
    candidates: Sequence[CandidateText],
    idf_of: Callable[[str], float],
    words_of: Callable[[str], SentenceWords],
    tests: TextTests | None = None,
    stems: Stemmer | None = None,
    equivalents: Mapping[str, frozenset[str]] | None = None,
) -> np.ndarray:
    """One row of ``FEATURES`` per candidate, best ranked first as given.

    ``idf_of``: a stem's IDF in the index; ``words_of``: a sentence's words and clauses;
    ``stems``: the index's stemmer (a tokenizer's ``tokens``); ``equivalents``: a question stem ->
    the stems that count as it in the word shares (``event_equivalents``)."""
    matrix = np.zeros((len(candidates), len(FEATURES)), dtype=np.float64)
    if not candidates:
        return matrix
    tests = tests or TextTests()
    signals = np.vstack([c.signals for c in candidates])
    fused = np.array([c.fused for c in candidates])
    n_signals = len(SIGNALS)
    matrix[:, :n_signals] = signals
    matrix[:, _COLUMN["fused"]] = fused
    matrix[:, _COLUMN["fused_gap"]] = fused.max() - fused
    matrix[:, _COLUMN["rank"]] = np.arange(len(candidates)) / 10.0
    matrix[:, _COLUMN["dense_gap"]] = signals[:, 0].max() - signals[:, 0]
    matrix[:, _COLUMN["lexical_gap"]] = signals[:, 1].max() - signals[:, 1]
    asked = sorted(query.stems)
    names = sorted({w.stem for w in query.names})
    numbers = sorted({w.stem for w in query.words if any(ch.isdigit() for ch in w.text)})
    kind_column = _COLUMN[f"asks_{query.kind or 'other'}"] if query.kind in KINDS else _COLUMN["asks_other"]
    new_column = _COLUMN.get(f"new_{query.kind}")
    stems = stems or Tokenizer().tokens
    unit = asked_unit(query.text, stems)
    place = asks_place(query)
    for i, c in enumerate(candidates):
        row = matrix[i]
        row[_COLUMN["idf_share"]] = shares(asked, c.terms, idf_of, equivalents)
        row[_COLUMN["name_share"]] = shares(names, c.terms)
        row[_COLUMN["number_share"]] = shares(numbers, c.terms)
        words = words_of(c.text)
        row[_COLUMN["clause_share"]] = clause_share(query.stems, words.clauses, equivalents)
        answers = answer_positions(query, words, c.text)
        row[_COLUMN["kind_near"]] = answer_nearness(query, words, answers)
        row[_COLUMN["kind_context"]] = answer_context(query, words, answers, idf_of)
        new = new_of_kind(query, c.text, tests)
        row[_COLUMN["kind_new"]] = float(new)
        row[_COLUMN["log_words"]] = math.log1p(tests.words(c.text)) / 4.0
        row[kind_column] = 1.0
        if new_column is not None:
            row[new_column] = float(new)
        if unit is not None:
            row[_COLUMN["asks_unit"]] = 1.0
            row[_COLUMN["unit_match"]] = float(gives_unit(unit, c.text, stems, query.text))
        if place:
            row[_COLUMN["asks_place"]] = 1.0
            row[_COLUMN["new_place"]] = float(gives_place(c.text, query.letters))
    return matrix


# The columns a model with a cross-encoder adds after FEATURES (index/rerank/features_model.py
# loads the cross-encoder for a model naming them).
CROSS_FEATURES = ("cross_logit", "cross_gap")


# "in March 2023", "during 2023", "2023": a date the question names, with its preposition.
_NAMED_DATE = re.compile(
    r"\s*\b(?:(?:in|on|at|during|from|of|since)\s+)?(?:(?:{})\s+)?(?:\d{{1,2}},?\s+)?{}\b".format(
        "|".join(MONTH_NAMES), YEAR
    ),
    re.IGNORECASE,
)


def cross_question(query: Query, published: str | None) -> str:
    """The question as the cross-encoder reads it against a sentence of an article published
    ``published``: without the year (and month) it names when that is the article's own date.

    The cross-encoder sees the sentence alone, not its article's date, and learnt that a detail
    of the question missing from the sentence means no answer (SQuAD 2.0's unanswerable
    questions are made that way): "Where are tickets sold in 2023?" against "Tickets are sold
    at the harbour office." from an article of 2023 would look unanswered."""
    if not query.years or not date_match(query, published):
        return query.text
    return _NAMED_DATE.sub("", query.text).strip() or query.text


def cross_columns(logits: Sequence[float] | np.ndarray) -> np.ndarray:
    """``CROSS_FEATURES`` of candidates whose cross-encoder logits are ``logits``: each logit, and
    how far it falls below the best one's."""
    values = np.asarray(logits, dtype=np.float64).reshape(-1)
    if values.size == 0:
        return np.zeros((0, len(CROSS_FEATURES)))
    return np.column_stack([values, values.max() - values])


def event_equivalents(stems: Stemmer) -> dict[str, frozenset[str]]:
    """Each stem of ``lexicon.EVENT_WORDS`` -> the stems of the other words of its groups."""
    out: dict[str, set[str]] = {}
    for group in EVENT_WORDS:
        stemmed = {s for word in group for s in stems(word)}
        for s in stemmed:
            out.setdefault(s, set()).update(stemmed - {s})
    return {s: frozenset(others) for s, others in out.items() if others}


# A setting a question names after "in", "at" or "during": "in Geneva", "at the Republican
# National Convention", "during the Iowa caucuses". It runs to the next preposition, clause word,
# verb of being or doing, or mark (a full stop only at the end: "U.S." is one word).
_SETTING = re.compile(
    r"\s*,?\s*\b(?:in|at|during)\s+(?P<words>[^,;:?!]*?)"
    r"(?=\s+(?:in|at|on|during|for|to|with|from|after|before|when|while|by|about|or|than|that|who|which|whose|where|"
    r"is|are|was|were|be|been|did|do|does|has|have|had|will|would|can|could|should|may|might)\b|\s*[,;:?!]|\.?\s*$)",
    re.IGNORECASE,
)
# The larger place a setting may end with after a comma: "in Randolph, New Hampshire".
_LARGER_PLACE = re.compile(r",\s+(?P<words>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)(?=\s*[?!.]?\s*$|\s*,)")


@dataclass(frozen=True)
class Setting:
    """A setting a question names: ``phrase`` as written, its preposition included
    (" in Randolph, New Hampshire"), and the ``words`` that name it."""

    phrase: str
    words: str


def settings_in(question: str) -> list[Setting]:
    """The settings ``question`` names: after "in", "at" or "during", a phrase with a capitalised
    word that is no month or weekday ("in Geneva", not "in March" or "in the morning"). A name
    cut short by a comma ("at Stavanger Airport, Sola built") is none, unless it opens the
    question ("At the Geneva talks, who ...?")."""
    found = []
    for match in _SETTING.finditer(question[:2_000]):
        phrase, words = match.group(0), match.group("words")
        if larger := _LARGER_PLACE.match(question, match.end()):
            phrase, words = phrase + larger.group(0), f"{words} {larger.group('words')}"
        elif match.start() > 0 and question[match.end() : match.end() + 1] == ",":
            continue
        if any(w[:1].isupper() and not is_calendar_word(w) for w in words.split()):
            found.append(Setting(phrase, words))
    return found


def without_settings(
    question: str, settings: Sequence[Setting], held: Collection[str], story: str, stems: Stemmer
) -> str:
    """``question`` as the cross-encoder reads it against a sentence whose stemmed words are
    ``held``: without each of the ``settings`` it names (``settings_in(question)``) that the
    sentence does not write but its ``story`` (the sentence before it and its article's title)
    does.

    A news sentence leaves out where it happens when the story has just said it: "Who did
    Sherman talk to in Geneva?" is answered by "U.S. Deputy Secretary of State Wendy Sherman, who
    led those talks, briefed officials ... about her conversations with Russian Deputy Foreign
    Minister Sergei Ryabkov ...", after "... bilateral talks between the United States and Russia
    in Geneva on January 10.". The cross-encoder learnt from SQuAD 2.0 that a detail of the
    question missing from the sentence means no answer, and found that sentence no answer."""
    if not settings:
        return question
    told = frozenset(stems(story))
    kept = question
    for setting in settings:
        named = frozenset(stems(setting.words))
        if named and named.isdisjoint(held) and named <= told:
            kept = kept.replace(setting.phrase, "", 1)
    return " ".join(kept.split()).lstrip(",;: ") or question
