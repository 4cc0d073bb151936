"""Which text stands for a sentence when it is matched: the sentence, or it with its neighbour.

Some sentences cannot stand alone. ``"The United States is committed ...," she added.`` does not
say who "she" is; ``"At the same time, we stand united ..."`` is a bare quote whose speaker is in
the sentence before; "This ...", "It ...", "They ..." and "... who led those talks ..." point
back; and a piece that starts with a
lower-case word or a comma is the tail of a sentence the splitter cut (``", where the company
is based ."``). Such a sentence is embedded (and counted by BM25) together with the sentence
before it, in the same article. A sentence whose own tail was cut off is matched together with
that tail too, so that both pieces of a cut sentence are found by the words of either.

Only the matching text changes: the sentence shown to the reader is always the original one.
``matching_texts`` is pure and depends on the article's sentences only, so the build's embedding
cache can be keyed by the text actually embedded.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from index.text.quotations import without_quotations
from index.types import Sentence

# A sentence opening with one of these words points back to something said before.
_ANAPHORS = frozenset(
    """
    this that these those it its he she they his her their him them such both
    """.split()
)
_FIRST_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
# "those talks", "these demands": plural demonstratives in the reporter's words point back.
_POINTS_BACK = re.compile(r"\b(?:those|these)\s+[^\W\d_]", re.IGNORECASE)
_OPENING_QUOTE = re.compile(r"^[\"“‘'«`]")
# Longest text matched for one sentence: a neighbour is cut rather than drown the sentence.
MAX_CONTEXT_CHARS = 600


def is_continuation(text: str) -> bool:
    """A piece of a cut sentence: it starts with a lower-case letter or inner punctuation."""
    stripped = text.lstrip()
    if not stripped:
        return False
    first = stripped[0]
    return first in ",;:)]}" or first.islower() or (first == "-" and not stripped.startswith("--"))


def needs_context(sentence: Sentence, speaker_named: bool) -> bool:
    """Whether ``sentence`` must be read with the one before it to make sense.

    ``speaker_named``: the sentence names its own speaker (or reports no speech); a pronoun
    speaker (``she added``) or a bare continued quote has none, so it needs the sentence before.
    """
    text = sentence.text.strip()
    if is_continuation(text):
        return True
    if not speaker_named:
        return True
    word = _FIRST_WORD.search(text)
    if word and word.start() == 0 and word.group().casefold().replace("’", "'") in _ANAPHORS:
        return True
    return bool(_POINTS_BACK.search(without_quotations(text)))  # the reporter's words


def _names_speaker(sentence: Sentence) -> bool:
    if sentence.speaker is None:
        return True
    text = sentence.text.casefold()
    # "Peskov said" names him; "she added" or an unattributed continued quote does not.
    return any(part.casefold() in text for part in sentence.speaker.split() if len(part) > 2)


def matching_texts(sentences: Sequence[Sentence]) -> list[str]:
    """The text to embed and count for each sentence, in order (see the module docstring)."""
    texts: list[str] = []
    for i, sentence in enumerate(sentences):
        text = sentence.text
        previous = sentences[i - 1] if i > 0 and sentences[i - 1].article_id == sentence.article_id else None
        following = (
            sentences[i + 1] if i + 1 < len(sentences) and sentences[i + 1].article_id == sentence.article_id else None
        )
        if previous is not None and needs_context(sentence, _names_speaker(sentence)):
            text = _clip_left(previous.text, MAX_CONTEXT_CHARS - len(text)) + " " + text
        if following is not None and is_continuation(following.text):
            text = text + " " + following.text
        texts.append(text)
    return texts


def _clip_left(text: str, room: int) -> str:
    """The end of ``text`` in at most ``room`` characters (the part next to the sentence)."""
    if room <= 0:
        return ""
    return text if len(text) <= room else text[len(text) - room :]
