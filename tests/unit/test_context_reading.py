"""Whether a sentence must be read with the one before it (index/text/context.py,
``needs_context``): "those talks" in the reporter's words points back; in someone's words it does
not."""

from __future__ import annotations

import pytest

from index.text.context import needs_context
from index.types import Sentence


def _sentence(text: str, speaker: str | None = None) -> Sentence:
    return Sentence("a", 0, 1, 0, len(text), text, speaker=speaker)


@pytest.mark.parametrize(
    ("text", "needs"),
    [
        ("Ryabkov said those talks were useful.", True),
        ("Ryabkov said: “Those talks were useful.”", False),
        ('Ryabkov said: "Those talks were useful."', False),
        ("It was a long day in Geneva.", True),  # opens on a pronoun
        ("The talks in Geneva ended on Monday.", False),
        ("and then the talks ended.", True),  # a piece of a cut sentence
        # A quotation inside another is left out, and the words after the outer one are read.
        ("Ryabkov said “we said “no” and meant it” after those talks.", True),
        # An unclosed mark leaves what follows it as the reporter's words.
        ("Ryabkov said “ those talks were useful.", True),
    ],
)
def test_what_points_back_to_the_sentence_before(text: str, needs: bool) -> None:
    assert needs_context(_sentence(text, speaker="Sergei Ryabkov"), speaker_named=True) is needs


def test_a_sentence_of_many_unclosed_quotation_marks_is_read() -> None:
    # Each try at a quotation ends at the next opening mark: read in one pass, not one per mark.
    text = "The talks ended. " + "“" * 200_000 + " those talks"
    assert needs_context(_sentence(text), speaker_named=True)
