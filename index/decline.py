"""When to say "that is not in the articles" instead of showing the best sentence found.

Three pieces of evidence, strongest first:

1. **Unknown names.** A question naming someone or something (a capitalised word after its first
   word: "Angela Merkel", "Macron", "OPEC") that no indexed sentence contains cannot be answered
   from these articles, however close some sentence's meaning is.
2. **No shared words.** When none of the question's words (stop words aside, stemmed) occurs in
   any article ("What is the price of oil?" against an article about NATO), the articles do not
   talk about it.
3. **A weak best hit.** Otherwise the best sentence's ranking score (see ranking.py) must reach
   ``MIN_SCORE``.

Calibration of ``MIN_SCORE`` (``scripts/calibrate_decline.py``, re-run it after changing the
ranking): questions asked against their own corpus are the answerable ones; the same questions
asked against a corpus that cannot answer them are the unanswerable ones. Three corpora, every
pairing: TrecQA train (83 questions, 4,731 sentences), TrecQA dev (78 questions, 1,150
sentences) and the sample article (16 answerable seed questions, 34 sentences); TrecQA questions
asked of the sample article and of the other TrecQA split, seed questions asked of both TrecQA
splits. Rules 1 and 2 are applied first, as in the bot; the threshold is the one that
maximises balanced accuracy (the mean of the share of answerable questions answered and the
share of unanswerable ones declined) over what the rules leave, with ties going to the lower
threshold (answering is the product; declining is the exception):

    see CALIBRATION below for the numbers of the last run.
"""

from __future__ import annotations

from dataclasses import dataclass

from index.lexical import LexicalIndex, Tokenizer, names_in

# Filled in from scripts/calibrate_decline.py (see the module docstring).
MIN_SCORE = 0.80
CALIBRATION = "not yet calibrated"


@dataclass(frozen=True)
class Decision:
    """Whether to decline, and why, in words for the log and for ``evaluate.py --verbose``."""

    declined: bool
    reason: str


def unknown_names(question: str, lexical: LexicalIndex, tokenizer: Tokenizer) -> list[str]:
    """Names in ``question`` that occur in no indexed sentence."""
    return [name for name in dict.fromkeys(names_in(question, tokenizer)) if not lexical.knows(name, tokenizer)]


def knows_any_word(question: str, lexical: LexicalIndex, tokenizer: Tokenizer) -> bool:
    """Whether any of the question's words (stop words aside) occurs in some indexed sentence."""
    terms = tokenizer.query_terms(question)
    return not terms or any(term in lexical.vocabulary for term in terms)


def decide(
    question: str,
    best_score: float | None,
    lexical: LexicalIndex | None,
    tokenizer: Tokenizer,
    *,
    min_score: float = MIN_SCORE,
    check_words: bool = True,
) -> Decision:
    """Decline or answer ``question`` whose best hit scored ``best_score`` (None: no hit at all)."""
    if best_score is None:
        return Decision(True, "The index holds no sentence to show.")
    if check_words and lexical is not None:
        missing = unknown_names(question, lexical, tokenizer)
        if missing:
            return Decision(True, f"No article mentions {', '.join(missing)}.")
        if not knows_any_word(question, lexical, tokenizer):
            return Decision(True, "No article uses any word of the question.")
    if best_score < min_score:
        return Decision(True, f"The best sentence scores {best_score:.2f}, below {min_score:.2f}.")
    return Decision(False, f"The best sentence scores {best_score:.2f} (at least {min_score:.2f}).")
