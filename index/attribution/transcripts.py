"""Interview transcripts: a paragraph opened by a speaker's name in capitals and a colon is that
speaker's words, every sentence of it ("FALLIN: I think he is trying to campaign as a racial
healer. I think that has been part of his message."). A paragraph with no name of its own
between two such paragraphs goes on with the turn when it is spoken as one speaks, in the first
or second person ("TAPPER: ... // Specifically I've heard from ... Talk to them."), not as the
writer's aside ("The ads are too tough huh?").

A name is only a speaker's when it is a person's: a first name and a surname ("JAKE TAPPER",
"KATE BOULDUAN"), a surname of one of those ("TAPPER"), or one the article names ("FALLIN" of
Governor Mary Fallin). Labels such as "UPDATE:", "EXCLUSIVE:", "BYLINE:", "AP:" or
"HUFFPOLLSTER:" name nobody and end a turn, and a stage direction in brackets ("(BEGIN VIDEO
CLIP.)") is nobody's words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from index.attribution.people import People
from index.lexicon import FIRST_NAMES
from index.types import Sentence

# One to three words in capitals before a colon that opens a paragraph, a courtesy or office
# title written short before them ("SEN. SANDERS:", "MR. TRUMP:").
_LABEL = re.compile(
    r"^(?:(?:MR|MRS|MS|DR|SEN|REP|GOV|GEN|PRES)\.\s+)?(?P<name>[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+){0,2}):\s+\S"
)
_STAGE = re.compile(r"^\s*[(\[].*[)\]]\s*$", re.DOTALL)
# Words of one speaking to another, which a writer's aside between two turns has none of.
_SPOKEN = re.compile(
    r"\b(?:I|I['’](?:m|ve|d|ll)|(?i:me|my|we|we['’](?:re|ve|ll)|our|us|you|your|you['’](?:re|ve|ll)))\b"
)


def transcript_turns(sentences: Sequence[Sentence], people: People) -> dict[int, str]:
    """Index in ``sentences`` (one article, in order) -> the speaker whose transcript turn it is."""
    paragraphs: list[list[int]] = []
    for i, s in enumerate(sentences):
        if i and s.paragraph == sentences[i - 1].paragraph:
            paragraphs[-1].append(i)
        else:
            paragraphs.append([i])
    labels = [label_of(sentences[p[0]].text) for p in paragraphs]
    if not any(labels):
        return {}
    named = {words[-1].casefold(): " ".join(words) for words in labels if words and len(words) > 1}
    in_full = {name.casefold(): name for name in people.full}
    turns: dict[int, str] = {}
    speaker: str | None = None
    pending: list[int] = []  # a turn's later paragraphs, its own once another turn follows them
    for paragraph, label in zip(paragraphs, labels, strict=True):
        text = " ".join(sentences[i].text for i in paragraph)
        if label is not None:
            who = label_speaker(label, people, named, in_full)
            if speaker is not None and who is not None:
                turns.update(dict.fromkeys(pending, speaker))
            speaker, pending = who, []  # a label that names no one ("UPDATE:") ends the turn
            if who is not None:
                turns.update(dict.fromkeys(paragraph, who))
        elif speaker is not None and not _STAGE.match(text) and _SPOKEN.search(text):
            pending.extend(paragraph)
    return turns


def label_of(text: str) -> list[str] | None:
    """The words of a transcript's label at the start of ``text``, capitalised ("FALLIN: Well,
    ..." -> ["Fallin"]), or None."""
    m = _LABEL.match(text)
    return None if m is None else [w.capitalize() for w in m.group("name").split()]


def label_speaker(
    words: Sequence[str], people: People, named: Mapping[str, str], in_full: Mapping[str, str]
) -> str | None:
    """The person a transcript's label names, or None: a label that names no person.

    ``named``: the labels of a first name and a surname in the article, by surname ("tapper" ->
    "Jake Tapper"), whom a surname alone means; ``in_full``: the article's full names
    (``People.full``) by their casefolded form."""
    written = " ".join(words)
    if written.casefold() in in_full:
        return in_full[written.casefold()]
    options = people.options(words)
    if len(words) > 1:  # "JAKE TAPPER" is not Donald Tapper
        options = tuple(o for o in options if o.split()[0].casefold() == words[0].casefold())
        return options[0] if options else written if words[0].lower() in FIRST_NAMES else None
    if words[0].casefold() in named:
        return in_full.get(named[words[0].casefold()].casefold(), named[words[0].casefold()])
    return people.canonical(written) if options else None
