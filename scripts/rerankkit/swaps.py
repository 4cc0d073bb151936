"""Negatives made from positives by changing whom or what the question asks about.

On news the cross-encoder's costliest mistake is confidence in a sentence about someone else:
"Where did Trump get his first national security briefing?" scored 0.79 with "Hillary Clinton
on Saturday received her first national security briefing" (docs/RERANKER.md). The public pairs
seldom show that: their non-answers share the question's topic, rarely its frame with another
name. So a share of the positives whose question names something the sentence names too get a
twin: the same sentence, the question with that name replaced by a name from another question
(as many words, and one the sentence does not hold), labelled 0.
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from scripts.rerankkit.pairs import Pair

# A run of capitalised words ("Colin Powell", "Toy Story", "Monday") that does not open the question.
_NAME = re.compile(r"(?<!^)\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*\b")
# Capitalised words that open a clause rather than name something.
_NOT_NAMES = frozenset(
    "What Who Whom Whose When Where Which Why How In On At Of For By From To The A An Is Was Were Are "
    "Did Does Do Has Have Had Can Could Will Would Should I".split()
)
SOURCE_PREFIX = "swap:"


@dataclass(frozen=True)
class Name:
    start: int
    end: int
    text: str


def question_names(question: str) -> list[Name]:
    """The names a question gives, as written (its first word never counts: it is capitalised
    anyway; nor does a word that opens a clause, "In" of "In Paris")."""
    names = []
    for match in _NAME.finditer(question):
        start, text = match.start(), match.group()
        while (first := re.match(r"[A-Za-z]+[ -]?", text)) and first.group().rstrip(" -") in _NOT_NAMES:
            start, text = start + first.end(), text[first.end() :]
        if text:
            names.append(Name(start, match.end(), text))
    return names


def swapped_negatives(pairs: Sequence[Pair], share: float, seed: int) -> list[Pair]:
    """For about ``share`` of the positives whose question names something its sentence names too,
    the question about another name instead, labelled 0 (source ``swap:<source>``, hard)."""
    if share <= 0:
        return []
    pool: dict[int, list[str]] = defaultdict(list)
    for p in pairs:
        for name in question_names(p.question):
            pool[len(name.text.split())].append(name.text)
    rng = random.Random(seed)
    out: list[Pair] = []
    for p in pairs:
        if not p.label or rng.random() >= share:
            continue
        shared = [n for n in question_names(p.question) if n.text in p.sentence]
        if not shared:
            continue
        name = rng.choice(shared)
        choices = pool[len(name.text.split())]
        for _ in range(10):  # a few draws for one the sentence does not hold
            other = rng.choice(choices)
            if other != name.text and other not in p.sentence:
                question = p.question[: name.start] + other + p.question[name.end :]
                out.append(Pair(question, p.sentence, 0, SOURCE_PREFIX + p.source, hard=True))
                break
    return out
