"""Fitting the line declining draws through scores: pure functions over (answerable?, score) pairs.

``scripts/calibrate_decline.py`` and ``scripts/tune_rerank.py`` fit ``decline.MIN_SCORE`` and
``decline.RERANK_MIN_SCORE`` with these, on questions the articles answer and questions they do
not (a score of None: declined by the rules before any score is read).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class ThresholdFit:
    """The threshold that best separates answerable from unanswerable questions, and how well."""

    threshold: float
    answered: float  # share of answerable questions answered
    declined: float  # share of unanswerable questions declined
    declined_by_rules: float  # share of unanswerable questions the word rules decline alone
    n_answerable: int
    n_unanswerable: int

    def to_dict(self) -> dict[str, float | int]:
        return {k: round(v, 4) if isinstance(v, float) else v for k, v in self.__dict__.items()}


def fit_threshold(outcomes: Sequence[tuple[bool, float | None]], min_answered: float | None = None) -> ThresholdFit:
    """Best ``MIN_SCORE`` for ``(answerable, best score)`` pairs; a None score was declined by a rule.

    Maximises balanced accuracy; with ``min_answered``, the share of unanswerable questions
    declined among thresholds that answer at least that share of the answerable ones. Among
    equally good thresholds the lowest (answer more) wins.
    """
    positives = [s for ok, s in outcomes if ok]
    negatives = [s for ok, s in outcomes if not ok]
    if not positives or not negatives:
        raise ValueError("need both answerable and unanswerable questions to calibrate")
    candidates = threshold_candidates(outcomes)

    def shares(t: float) -> tuple[float, float]:
        return trade_off(outcomes, t)

    if min_answered is None:
        best = max(candidates, key=lambda t: (sum(shares(t)), -t))
    else:
        allowed = [t for t in candidates if shares(t)[0] >= min_answered] or [candidates[0]]
        best = max(allowed, key=lambda t: (shares(t)[1], -t))
    answered, declined = shares(best)
    by_rules = sum(1 for s in negatives if s is None) / len(negatives)
    return ThresholdFit(round(best, 4), answered, declined, by_rules, len(positives), len(negatives))


def threshold_candidates(outcomes: Sequence[tuple[bool, float | None]]) -> list[float]:
    """Every threshold that separates the scores differently: just above each, and below all."""
    scored = sorted({s for _, s in outcomes if s is not None})
    return [scored[0] - 1e-6] + [round(s + 1e-6, 6) for s in scored] if scored else [0.0]


def trade_off(outcomes: Sequence[tuple[bool, float | None]], threshold: float) -> tuple[float, float]:
    """(share of answerable questions answered, share of unanswerable ones declined) at ``threshold``."""
    positives = [s for ok, s in outcomes if ok]
    negatives = [s for ok, s in outcomes if not ok]
    answered = sum(1 for s in positives if s is not None and s >= threshold) / max(len(positives), 1)
    declined = sum(1 for s in negatives if s is None or s < threshold) / max(len(negatives), 1)
    return answered, declined
