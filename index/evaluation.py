"""Scoring a Searcher against questions with known answer substrings.

A question's ``answers`` are substrings of acceptable sentences; ``[]`` marks a question the
articles cannot answer, which the searcher should decline.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from index.errors import VerbatimError
from index.search.searcher import Searcher
from index.types import Answer, Hit

MRR_DEPTH = 10


@dataclass(frozen=True)
class QA:
    question: str
    answers: tuple[str, ...]


@dataclass(frozen=True)
class QuestionResult:
    question: str
    answerable: bool
    declined: bool
    first_right_rank: int | None  # 1-based rank of the first matching sentence in the top 10
    shown: str | None  # the first sentence shown, if any
    shown_right: bool
    reason: str
    ms: float
    note: str = ""  # the answer's note to the user ("I found no quote attributed to X; ...")
    shown_all: tuple[str, ...] = ()  # every sentence shown, in order ([] when declined)

    def answer_record(self) -> dict[str, object]:
        """One line of ``scripts/evaluate.py --answers``: what the user was shown, all of it."""
        return {"question": self.question, "declined": self.declined, "note": self.note, "shown": list(self.shown_all)}


@dataclass(frozen=True)
class EvaluationReport:
    n_answerable: int
    n_unanswerable: int
    top1: float
    top3: float
    mrr: float
    answered: float
    declined: float
    ms_per_question: float

    def to_dict(self) -> dict[str, float | int]:
        return {k: (round(v, 4) if isinstance(v, float) else v) for k, v in asdict(self).items()}


def load_qa(path: Path) -> list[QA]:
    """Read JSON lines ``{"question": str, "answers": [str, ...]}``; raise on the first bad line."""
    items: list[QA] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise VerbatimError(f"Cannot read {path}: {exc}") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            question, answers = data["question"], data["answers"]
            if (
                not isinstance(question, str)
                or not isinstance(answers, list)
                or not all(isinstance(a, str) for a in answers)
            ):
                raise TypeError
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise VerbatimError(f'{path}:{number}: expected {{"question": str, "answers": [str, ...]}}') from exc
        items.append(QA(question, tuple(answers)))
    if not items:
        raise VerbatimError(f"{path} holds no questions.")
    return items


def as_typed(question: str, *, lowercase: bool = True, question_mark: bool = False, typo: bool = False) -> str:
    """``question`` as people often type it in a chat: in lower case (``lowercase``), without its
    closing question mark (unless ``question_mark``), with a typo in a name (``typo``,
    ``with_typo``). ``scripts/evaluate.py --lowercase --no-question-mark --typo`` asks questions
    so, and the bench times them so (lower case, no question mark)."""
    typed = with_typo(question) if typo else question
    typed = typed.lower() if lowercase else typed
    return typed if question_mark else typed.rstrip().rstrip("?").rstrip()


# A capitalised word of five letters or more: a name a typo is made in ("Peskov" -> "Pekosv").
_TYPO_NAME = re.compile(r"(?<![\w'’.-])[A-Z][a-z]{4,}(?![\w'’-])")


def with_typo(question: str) -> str:
    """``question`` with one typo, two letters swapped, in the longest capitalised word of five
    letters or more after its first word (the first of the longest): the third and fourth letters
    of "Sherman" make "Shreman"; ``question`` as given when it has no such word or the two letters
    are the same."""
    names = [match for match in _TYPO_NAME.finditer(question) if match.start() > 0]
    if not names:
        return question
    name = max(names, key=lambda match: len(match.group()))
    word = name.group()
    return question[: name.start()] + word[:2] + word[3] + word[2] + word[4:] + question[name.end() :]


def matches(hit: Hit, answers: Sequence[str]) -> bool:
    return any(a in hit.sentence for a in answers)


def judge(qa: QA, answer: Answer, ms: float) -> QuestionResult:
    rank = next((i for i, h in enumerate(answer.ranked[:MRR_DEPTH], start=1) if matches(h, qa.answers)), None)
    shown = answer.hits[0] if answer.hits and not answer.declined else None
    return QuestionResult(
        question=qa.question,
        answerable=bool(qa.answers),
        declined=answer.declined,
        first_right_rank=rank,
        shown=shown.sentence if shown else None,
        shown_right=bool(shown and matches(shown, qa.answers)),
        reason=answer.reason,
        ms=ms,
        note=answer.note,
        shown_all=() if answer.declined else tuple(h.sentence for h in answer.hits),
    )


def evaluate(
    searcher: Searcher, questions: Sequence[QA], clock: Callable[[], float] = time.perf_counter
) -> tuple[EvaluationReport, list[QuestionResult]]:
    if questions:
        searcher.answer(questions[0].question)  # warm up (first-call set-up is not a question's cost)
    results = []
    for qa in questions:
        started = clock()
        answer = searcher.answer(qa.question)
        results.append(judge(qa, answer, (clock() - started) * 1000))
    return summarise(results), results


def summarise(results: Sequence[QuestionResult]) -> EvaluationReport:
    answerable = [r for r in results if r.answerable]
    unanswerable = [r for r in results if not r.answerable]

    def fraction(items: Sequence[QuestionResult], test: Callable[[QuestionResult], bool]) -> float:
        return sum(1 for r in items if test(r)) / len(items) if items else 0.0

    return EvaluationReport(
        n_answerable=len(answerable),
        n_unanswerable=len(unanswerable),
        top1=fraction(answerable, lambda r: r.shown_right),
        top3=fraction(
            answerable, lambda r: not r.declined and r.first_right_rank is not None and r.first_right_rank <= 3
        ),
        mrr=sum(1 / r.first_right_rank for r in answerable if r.first_right_rank) / len(answerable)
        if answerable
        else 0.0,
        answered=fraction(answerable, lambda r: not r.declined),
        declined=fraction(unanswerable, lambda r: r.declined),
        ms_per_question=sum(r.ms for r in results) / len(results) if results else 0.0,
    )
