"""Reordering an ordinary question's best candidates with the cross-encoder (index/rerank/).

The ranking (ranking.py) reads a question and a sentence apart, so a sentence sharing the
topic but not the answer ("Agassi began his last Australian Open with a win" for "Who won the
Australian Open?") often beats the one that answers. The reranker reads them together. It
scores the ranking's top ``AnswerPolicy.rerank_depth`` hits (each pair one run, side by side on the cores); each gets::

    score = sigmoid(reranker logit) + rerank_blend * its ranking score

so what the ranking knows and the reranker was never taught (the answer kind a "how many" or
"when" asks for, the article whose title the question names, its date) still counts. Hits
below the depth keep their order after the reranked ones. Declining then reads the best hit's
new score against ``AnswerPolicy.rerank_min`` (decline.py's word rules still come first).

Not reranked: "what did X say?" questions (their own route, speech_answer.py), short
searches ("troops"), which want the sentences using their words, not an answer, and questions
of a kind the shipped model barely saw in training (``UNTRAINED_KINDS``): their probabilities
mean nothing, so the ranking's score and threshold judge them. "Why" questions are one such kind
whose candidates it still orders (``ORDERED_KINDS``): shown in its order, declined on the ranking's
scores.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from index.rerank.model import Reranker, sigmoid
from index.search.query import Query
from index.types import Hit

# How many hits the reranker scores: 5 for the feature reranker that ships, which was trained on
# the searcher's top 5 and, at 5, declines the most on the news calibration set while answering
# 90% (scripts/tune_rerank.py; docs/RERANKER.md); the cross-encoder tried before was measured at 10.
RERANK_DEPTH = 5
# The feature reranker reorders the hits only when its most probable one beats the ranking's first
# by this or more (AnswerPolicy.rerank_reorder_margin): chosen on the two folds of the written
# PolNeAR train questions (top-1 0.599 / 0.624 when always reordering, 0.621 / 0.639 at 0.1,
# 0.621 / 0.624 at 0.2); the calibration set and TrecQA dev agree (docs/RERANKER.md).
RERANK_REORDER_MARGIN = 0.1
# The cross-encoder's share of the ranking's score (measured with scripts/evaluate.py on TrecQA
# dev as one open corpus and the seed questions; README "How answers are chosen").
RERANK_BLEND = 0.5


# "Why" questions: 97 of the ~7,200 training questions (TrecQA has 4, SQuAD's half of dev 93, half of
# those unanswerable), so the model learnt no reason-shaped answer and gives a right one ~0.01.
# Yes/no questions: 91, two in three of them unanswerable, so the model that reads the
# cross-encoder gave "Snow is expected in the hills tonight." 0.16 for "Will it snow?"
# (docs/RERANKER.md).
UNTRAINED_KINDS = frozenset({"reason", "yes/no"})
# Of those, the kinds whose candidates it still orders, the ranking's score and threshold deciding
# whether to answer: on "why" questions its order put the answer first 3 more times of 13 (TrecQA
# dev, PolNeAR train, the news calibration set and the seed; none fewer), while its probabilities
# declined right answers ("Why is Russia building up troops?"; docs/RERANKER.md).
ORDERED_KINDS = frozenset({"reason"})


def reranks(query: Query) -> bool:
    """Whether ``query`` is one the reranker judges: a question of a kind it was trained on, not a search or a speech question."""
    return query.speech is None and not query.short_search and query.kind not in UNTRAINED_KINDS


def reorders(query: Query) -> bool:
    """Whether the reranker orders ``query``'s candidates: those it judges (``reranks``) and the
    ``ORDERED_KINDS``, which it orders without judging."""
    return query.speech is None and not query.short_search and query.kind not in UNTRAINED_KINDS - ORDERED_KINDS


def rerank(query: Query, hits: Sequence[Hit], reranker: Reranker, depth: int, blend: float) -> list[Hit]:
    """``hits`` with the first ``depth`` reordered by the blended score (see the module docstring)."""
    head = list(hits[:depth])
    if not head:
        return []
    probabilities = sigmoid(reranker.logits(query.text, [h.sentence for h in head]))
    scores = [float(p) + blend * h.score for p, h in zip(probabilities, head, strict=True)]
    order = sorted(range(len(head)), key=lambda i: (-scores[i], head[i].row))
    return [replace(head[i], score=scores[i]) for i in order] + list(hits[depth:])
