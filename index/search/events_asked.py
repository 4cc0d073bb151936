"""The event a "when" question asks about, and whether a sentence tells it: pure functions.

"When did John Conyers die?" showed "John James Conyers Jr., first elected to Congress in 1964,
was born in Detroit, Michigan, in 1929." above "Yesterday, former United States Representative
John Conyers died in his sleep": the reranker found the death, the story's lede, likeliest, and
a story's detail comes before its lede (ledes.py) when nearly as likely. Both tell a date; only
the lede the death. A detail comes first only if it tells the event asked too, when the lede
does (the question's main clause names a word of lexicon.EVENT_WORDS: "die", "died", "death").
And when the first hit tells no such word and one of the next, nearly as likely, does, that one
comes first (``event_first``, promotion.py's order).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from index.lexicon import EVENT_WORDS
from index.search.promotion import PROMOTE_DEPTH, promote
from index.search.query import Query
from index.types import Hit

Stems = Callable[[str], list[str]]


def asked_event(query: Query, stems: Stems) -> frozenset[str]:
    """The stems of the words of every event group a "when" question names a word of in its main
    clause ("When did X die?": die, died, death, dead, killed), or none for any other question."""
    if query.kind != "date":
        return frozenset()
    asked = set(stems(_RELATIVE.split(query.text[:500], maxsplit=1)[0]))
    found: set[str] = set()
    for group in EVENT_WORDS:
        stemmed = set(stems(" ".join(sorted(group))))
        if not stemmed.isdisjoint(asked):
            found |= stemmed
    return frozenset(found)


# Where a question's main clause ends: "When did Monmouth conduct the poll | that showed Kasich
# beating Clinton?" asks when the poll was conducted, not about a win.
_RELATIVE = re.compile(r"\s(?:that|which|who|whom|whose|where|after|before|while|since)\s", re.IGNORECASE)


def tells_event(event: frozenset[str], stems: Stems) -> Callable[[Hit], bool]:
    """Whether a hit names a word of ``event`` (``asked_event``); every hit does for no event."""
    return lambda hit: not event or not event.isdisjoint(stems(hit.sentence))


# A first hit naming no word of the event asked is a weak answer to "when": the hit that names it
# comes first from a lower share of its score than promotion.py's 0.5 (as persons.py's 0.3). At 0.3
# no open question set's answers changed; "When did the USS Grayback sink?" shows "... identifies
# February 26, 1944 as the day it sank." (0.31) above the lede of its finding (0.62).
EVENT_RATIO = 0.3


def event_first(
    event: frozenset[str], hits: Sequence[Hit], stems: Stems, depth: int = PROMOTE_DEPTH, ratio: float = EVENT_RATIO
) -> list[Hit]:
    """``hits`` (scored by the reranker, best first) with, for a "when" question about ``event``
    (``asked_event``) whose first hit names none of its words, the first of the next ``depth - 1``
    that does and scores at least ``ratio`` of the first's moved to the front; otherwise ``hits``
    as given."""
    if not event:
        return list(hits)
    return promote(hits, tells_event(event, stems), depth, ratio)
