"""Example questions drawn from what the index actually holds."""

from __future__ import annotations

from collections.abc import Sequence

FALLBACK = ("What is this about?",)


def example_questions(top_speakers: Sequence[str], limit: int = 3) -> list[str]:
    """Questions about the most quoted speakers, e.g. "What did Peskov say?" for Dmitry Peskov."""
    questions = []
    for speaker in top_speakers[:limit]:
        words = speaker.split()
        # A person's surname reads naturally; an organisation keeps its full name.
        name = words[-1] if 1 < len(words) <= 3 and all(w[:1].isupper() for w in words) else speaker
        questions.append(f"What did {name} say?")
    return questions or list(FALLBACK)
