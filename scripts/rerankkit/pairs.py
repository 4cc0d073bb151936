"""Question-sentence pairs for training the reranker, and TrecQA dev candidate lists to select it.

Pairs come from gzipped JSON-lines files ({"question", "sentence", "label", "qid", "source",
"hard"}) in the --extra folders, plus TrecQA train (../shared/eval/trecqa/train.csv). Per
question every positive is kept and at most ``negatives`` negatives, the "hard" ones first
(sentences that hold a plausible but wrong answer teach most), then a random draw.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import random
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from scripts.rerankkit.sources import normalise_question


@dataclass(frozen=True)
class Pair:
    question: str
    sentence: str
    label: int
    source: str
    hard: bool = False
    before: str = ""  # the sentence before it in its paragraph or article ("" for the first, or unknown)


@dataclass(frozen=True)
class Candidates:
    """One TrecQA dev question with its labelled candidate sentences."""

    question: str
    sentences: tuple[str, ...]
    labels: tuple[int, ...]


def _jsonl_rows(folder: Path) -> Iterator[tuple[str, Pair]]:
    for path in sorted(folder.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                pair = Pair(
                    r["question"], r["sentence"], int(r["label"]), r["source"], bool(r.get("hard")), r.get("before", "")
                )
                yield f"{r['source']}:{r['qid']}", pair


def _trecqa_rows(csv_path: Path) -> Iterator[tuple[str, Pair]]:
    with csv_path.open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            yield f"trecqa_train:{r['qtext']}", Pair(r["qtext"], r["atext"], int(r["label"]), "trecqa_train")


def load_pairs(
    trecqa_train: Path, extra: Sequence[Path], negatives: int, seed: int, exclude: Iterable[str] = ()
) -> list[Pair]:
    """Every positive and up to ``negatives`` negatives per question, shuffled."""
    skip = set(exclude)
    by_question: dict[str, list[Pair]] = defaultdict(list)
    rows = [_trecqa_rows(trecqa_train), *(_jsonl_rows(folder) for folder in extra)]
    for source_rows in rows:
        for key, pair in source_rows:
            if pair.source not in skip:
                by_question[key].append(pair)
    rng = random.Random(seed)
    out: list[Pair] = []
    for group in by_question.values():
        negs = [p for p in group if not p.label]
        rng.shuffle(negs)
        negs.sort(key=lambda p: not p.hard)  # stable: hard ones first, the rest stay shuffled
        out += [p for p in group if p.label] + negs[:negatives]
    rng.shuffle(out)
    return out


def without_context(pairs: Sequence[Pair]) -> bool:
    """Whether no pair gives the sentence before it: pairs written before "before" existed, which a
    cross-encoder trained to read context (``train_reranker.py --context``) cannot learn from."""
    return not any(p.before for p in pairs)


def with_unrelated_befores(pairs: Sequence[Pair], share: float, seed: int) -> list[Pair]:
    """``pairs`` with a ``share`` of them given another question's sentence as the sentence before:
    in news the sentence before often belongs to another paragraph and topic, and a cross-encoder
    trained only on paragraphs whose sentences share one is led astray by it. Pairs of one question
    only have no other question's sentence to take, and are returned as they are."""
    if share <= 0 or len({p.question for p in pairs}) < 2:
        return list(pairs)
    rng = random.Random(seed)
    out = []
    for pair in pairs:
        if rng.random() < share:
            other = pairs[rng.randrange(len(pairs))]
            while other.question == pair.question:
                other = pairs[rng.randrange(len(pairs))]
            pair = replace(pair, before=other.sentence)
        out.append(pair)
    return out


def subsample_questions(pairs: list[Pair], keep: float, keep_sources: Iterable[str], seed: int) -> list[Pair]:
    """Keep a ``keep`` share of the questions of the other sources (all of ``keep_sources``)."""
    if keep >= 1.0:
        return pairs
    always = set(keep_sources)
    rng = random.Random(seed)
    chosen: dict[str, bool] = {}
    out = []
    for p in pairs:
        if p.source not in always:
            if p.question not in chosen:
                chosen[p.question] = rng.random() < keep
            if not chosen[p.question]:
                continue
        out.append(p)
    return out


def question_half(question: str) -> int:
    """0 or 1, the same for a question wherever it comes from (its normalised text's digest):
    ``train_reranker.py --half`` trains on one half, and ``train_ltr.py --cross-fit`` scores each
    training question with the cross-encoder trained on the other."""
    return hashlib.sha256(normalise_question(question).encode("utf-8")).digest()[0] & 1


def in_half(pairs: list[Pair], half: int | None) -> list[Pair]:
    """The pairs whose question is in ``half`` (all of them for None)."""
    return pairs if half is None else [p for p in pairs if question_half(p.question) == half]


def trecqa_dev(csv_path: Path) -> list[Candidates]:
    """TrecQA dev questions with at least one answering and one other candidate (the usual "clean" set)."""
    grouped: dict[str, list[tuple[str, int]]] = defaultdict(list)
    with csv_path.open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            grouped[r["qtext"]].append((r["atext"], int(r["label"])))
    return [
        Candidates(q, tuple(s for s, _ in c), tuple(label for _, label in c))
        for q, c in grouped.items()
        if 0 < sum(label for _, label in c) < len(c)
    ]


def count_by_source(pairs: Iterable[Pair]) -> dict[str, dict[str, int]]:
    """Pairs, positives and questions per source, for the log and the model card."""
    table: dict[str, dict[str, int]] = defaultdict(lambda: {"pairs": 0, "positive": 0, "questions": 0})
    seen: set[tuple[str, str]] = set()
    for p in pairs:
        row = table[p.source]
        row["pairs"] += 1
        row["positive"] += p.label
        if (p.source, p.question) not in seen:
            seen.add((p.source, p.question))
            row["questions"] += 1
    return dict(sorted(table.items()))
