"""Measurements that run inside the bench process: latency, recall, encode and build speed.

Each returns a frozen result; the bench turns them into ratios, because on a shared 2-core
machine absolute times drift with the load while two figures taken side by side drift together.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from index.build import build_index
from index.embedding.models import Embedder
from index.search.ranking import CANDIDATES
from index.search.searcher import Searcher
from index.search.speakers import SpeakerIndex
from index.store.generation import LoadedIndex, open_index
from index.text.context import matching_texts

# Rows the searcher asks FAISS for when answering (its candidate depth); the floor asks for as
# many, so that both do the same FAISS work.
FLOOR_K = max(25, CANDIDATES)
RECALL_K = 10

Clock = Callable[[], float]


@dataclass(frozen=True)
class Latency:
    """Percentiles of a set of timings, in milliseconds."""

    p50_ms: float
    p99_ms: float
    samples: int

    @classmethod
    def of(cls, seconds: Sequence[float]) -> Latency:
        if not seconds:
            return cls(float("nan"), float("nan"), 0)
        values = np.asarray(seconds, dtype=np.float64) * 1000.0
        return cls(float(np.percentile(values, 50)), float(np.percentile(values, 99)), len(values))


@dataclass(frozen=True)
class AnswerLatency:
    """The full answer path next to its floor, timed question by question, interleaved."""

    full: Latency
    floor: Latency

    @property
    def ratio_p50(self) -> float:
        return self.full.p50_ms / self.floor.p50_ms if self.floor.p50_ms > 0 else float("nan")


def answer_latency(
    searcher: Searcher,
    loaded: LoadedIndex,
    questions: Sequence[str],
    *,
    rounds: int = 2,
    clock: Clock = time.perf_counter,
) -> AnswerLatency:
    """Time ``searcher.answer`` against the floor (one query encode + one FAISS search).

    The two alternate which goes first for each question, so warm caches favour neither.
    """
    embedder = searcher.embedder
    for question in questions[:5]:  # warm-up: first calls allocate buffers
        searcher.answer(question)
        loaded.search(embedder.encode_queries([question]), FLOOR_K)
    full: list[float] = []
    floor: list[float] = []

    def time_floor(question: str) -> None:
        started = clock()
        loaded.search(embedder.encode_queries([question]), FLOOR_K)
        floor.append(clock() - started)

    def time_full(question: str) -> None:
        started = clock()
        searcher.answer(question)
        full.append(clock() - started)

    for round_number in range(rounds):
        for number, question in enumerate(questions):
            if (number + round_number) % 2:
                time_floor(question)
                time_full(question)
            else:
                time_full(question)
                time_floor(question)
    return AnswerLatency(Latency.of(full), Latency.of(floor))


@dataclass(frozen=True)
class SpeechLatency:
    """ "what did X say?" about the corpus's own speakers, as asked and with a typo in the name."""

    speakers: int  # distinct attributed speakers in the index
    index_ms: float  # reading the speakers and building a speaker index (paid once, by Searcher.open)
    exact: Latency
    typo: Latency
    exact_found: float  # share of the questions whose name found a speaker
    typo_found: float


def speech_questions(speakers: Sequence[str], count: int, seed: int) -> tuple[list[str], list[str]]:
    """Up to ``count`` "what did X say?" questions about ``speakers``, and the same with a typo.

    X is a speaker's full name or (every other question) its last word, as people ask; the typo
    is one letter changed, or two swapped, in X's longest word when it has 4 letters or more (a
    word the rules forgive one typo in), else X is left as it is.
    """
    rng = random.Random(seed)
    exact: list[str] = []
    typo: list[str] = []
    for number, speaker in enumerate(rng.sample(list(speakers), min(count, len(speakers)))):
        words = speaker.split()
        asked = words if number % 2 == 0 else words[-1:]
        longest = max(range(len(asked)), key=lambda k: len(asked[k]))
        word = asked[longest]
        if len(word) >= 4:
            at = rng.randrange(1, len(word) - 1)
            if rng.random() < 0.5 and word[at] != word[at + 1]:
                word = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
            else:
                word = word[:at] + rng.choice([c for c in "aeioukvrn" if c != word[at].lower()]) + word[at + 1 :]
        typo_words = [*asked[:longest], word, *asked[longest + 1 :]]
        exact.append(f"what did {' '.join(asked)} say?")
        typo.append(f"what did {' '.join(typo_words)} say?")
    return exact, typo


def speech_latency(
    searcher: Searcher, loaded: LoadedIndex, *, count: int, seed: int, clock: Clock = time.perf_counter
) -> SpeechLatency:
    """Time ``searcher.answer`` on speech questions about the index's speakers (see above).

    The speaker index is timed on its own (built afresh from ``loaded``, as ``Searcher.open``
    builds its own before it returns), so the percentiles are what every question costs.
    """
    started = clock()
    quotes = loaded.metadata.speaker_quotes()
    index_seconds = clock() - started
    started = clock()
    SpeakerIndex(quotes)
    index_seconds += clock() - started
    speakers = list(quotes)
    exact, typo = speech_questions(speakers, count, seed)
    times: dict[str, list[float]] = {"exact": [], "typo": []}
    for plain, typed in zip(exact, typo, strict=True):
        for kind, question in (("exact", plain), ("typo", typed)):
            started = clock()
            searcher.answer(question)
            times[kind].append(clock() - started)

    def found(questions: Sequence[str]) -> float:
        return sum(bool(searcher.speakers_asked(q)) for q in questions) / len(questions) if questions else float("nan")

    return SpeechLatency(
        len(speakers),
        index_seconds * 1000.0,
        Latency.of(times["exact"]),
        Latency.of(times["typo"]),
        found(exact),
        found(typo),
    )


def exact_top_k(vectors: np.ndarray, queries: np.ndarray, k: int = RECALL_K, chunk: int = 131_072) -> np.ndarray:
    """Row ids of the ``k`` highest inner products per query, by brute force over ``vectors``."""
    queries = np.ascontiguousarray(queries, dtype=np.float32)
    best_scores = np.full((len(queries), 0), -np.inf, dtype=np.float32)
    best_rows = np.zeros((len(queries), 0), dtype=np.int64)
    for start in range(0, len(vectors), chunk):
        block = np.asarray(vectors[start : start + chunk], dtype=np.float32)
        scores = queries @ block.T
        take = min(k, scores.shape[1])
        top = np.argpartition(-scores, take - 1, axis=1)[:, :take]
        best_scores = np.concatenate([best_scores, np.take_along_axis(scores, top, axis=1)], axis=1)
        best_rows = np.concatenate([best_rows, top + start], axis=1)
        keep = np.argsort(-best_scores, axis=1, kind="stable")[:, :k]
        best_scores = np.take_along_axis(best_scores, keep, axis=1)
        best_rows = np.take_along_axis(best_rows, keep, axis=1)
    return best_rows


def recall_at_k(loaded: LoadedIndex, queries: np.ndarray, k: int = RECALL_K) -> float:
    """Share of the exact top-``k`` rows that the index's own search finds (1.0 = exact)."""
    exact = exact_top_k(loaded.vectors(), queries, k)
    _, found = loaded.search(queries, k)
    hits = [len(set(e.tolist()) & set(f.tolist())) / len(e) for e, f in zip(exact, found, strict=True) if len(e)]
    return float(np.mean(hits)) if hits else float("nan")


@dataclass(frozen=True)
class BuildSpeed:
    """A full build against the model's raw encode of the same sentences."""

    sentences: int
    build_seconds: float
    encode_seconds: float
    # Each turn's build against its own bare encode, in order: how far one run's ratio can swing
    # on this machine, so that a miss of the bar can be told from noise.
    turn_ratios: tuple[float, ...] = ()

    @property
    def build_per_second(self) -> float:
        return self.sentences / self.build_seconds if self.build_seconds > 0 else 0.0

    @property
    def encode_per_second(self) -> float:
        return self.sentences / self.encode_seconds if self.encode_seconds > 0 else 0.0

    @property
    def ratio(self) -> float:
        return self.build_per_second / self.encode_per_second if self.encode_per_second > 0 else float("nan")


@dataclass(frozen=True)
class RebuildSpeed:
    """A full build of a corpus, then a rebuild after one of its articles changed."""

    articles: int
    sentences: int
    full_seconds: float
    rebuild_seconds: float
    reembedded: int  # sentences the rebuild had to encode

    @property
    def ratio(self) -> float:
        return self.rebuild_seconds / self.full_seconds if self.full_seconds > 0 else float("nan")


def build_speed(
    articles: Path, index_dir: Path, embedder: Embedder, *, repeats: int = 1, clock: Clock = time.perf_counter
) -> BuildSpeed:
    """Full builds of ``articles`` against bare ``encode_documents`` calls on what they embed.

    With ``repeats`` > 1 the two alternate (build, encode, encode, build, ...) and the best of
    each counts: other work on a shared machine only ever slows a run down. Each turn's own ratio
    is kept too (``BuildSpeed.turn_ratios``).
    """
    builds: list[float] = []
    encodes: list[float] = []
    sentences = 0
    texts: list[str] = []
    for turn in range(repeats):
        steps = ("build", "encode") if turn % 2 == 0 else ("encode", "build")
        for step in steps:
            started = clock()
            if step == "build":
                sentences = build_index(articles, index_dir, embedder, full=True).sentences
                builds.append(clock() - started)
                texts = texts or embedded_texts(index_dir)
            else:
                embedder.encode_documents(texts)
                encodes.append(clock() - started)
    turns = tuple(e / b if b > 0 else float("nan") for b, e in zip(builds, encodes, strict=True))
    return BuildSpeed(sentences, min(builds), min(encodes), turns)


def embedded_texts(index_dir: Path) -> list[str]:
    """What a build of ``index_dir`` embedded: each distinct matching text once, as it encodes them."""
    loaded = open_index(index_dir, verify=False)
    try:
        return list(dict.fromkeys(matching_texts(loaded.metadata.all_sentences())))
    finally:
        loaded.close()


def rebuild_speed(
    articles: Path,
    index_dir: Path,
    embedder: Embedder,
    change: Callable[[], None],
    *,
    clock: Clock = time.perf_counter,
) -> RebuildSpeed:
    """A full build, then ``change()`` (one article edited) and the operator's rebuild, timed."""
    started = clock()
    full = build_index(articles, index_dir, embedder, full=True)
    full_seconds = clock() - started
    change()
    started = clock()
    again = build_index(articles, index_dir, embedder)
    rebuild_seconds = clock() - started
    return RebuildSpeed(full.articles, full.sentences, full_seconds, rebuild_seconds, again.encoded)
