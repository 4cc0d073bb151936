"""Who did what a question asks: the sentence that tells the doer of its verb, first.

"Who owns the Trump Taj Mahal casino in Atlantic City now?" asks for whoever does what its verb
says. A sentence that names someone beside that verb tells it: "the Trump Taj Mahal — now owned
by investor Carl Icahn —", "The issue came up at the second presidential debate, moderated by
Kristen Welker", "Smith founded the group in 1966". One that names a person elsewhere ("Marvin
Roffman learned that in 1990 after he expressed doubts about Trump's new Atlantic City project,
the Trump Taj Mahal") tells someone else's deed, and the "who" order of persons.py, which asks
only for a name, leaves it first.

So for a question opening "Who" and a verb (not "is", "did", "will" ...: those ask who someone is,
or what someone else did), when the first hit does not tell the verb's doer and one of the next
the reranker finds nearly as likely does, that one comes first (promotion.py, the same depth and
ratio as the place and person orders). Pure functions; the stemmer is the index's own, so that
"owns" and "owned", "founded" and "founds" meet.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence

from index.lexicon import plain_word
from index.search.promotion import PROMOTE_DEPTH, PROMOTE_RATIO, promote
from index.search.query import Query
from index.types import Hit

# "Who" then its verb: the verb is the first word after it.
_WHO_VERB = re.compile(r"^\W*who\s+([a-z]+)\b", re.IGNORECASE)
# Words after "who" that are not the deed asked about: a copula or an auxiliary ("Who is ...?",
# "Who did Sherman talk to?", "Who will ...?": persons.py and times.py read those), and "else".
_NOT_DEEDS = frozenset(
    "is are was were be been being am 's will would shall should can could may might must "
    "do does did has have had else".split()
)
# A word of a sentence, as the stemmer reads it ("Taj", "Welker's", "co-founded").
_WORD = re.compile(r"[^\W_][\w'’-]*")
# How far from the verb the doer's name may stand: after "by" ("moderated by NBC News
# correspondent Kristen Welker": four words), or before the verb ("Bobby Seale, Huey Newton founded").
_AFTER_BY = 5
_BEFORE = 2


def asked_deed(question: str, stem: Callable[[str], str]) -> str | None:
    """The stem of the verb a "Who VERB ...?" question asks the doer of ("Who owns ...?": "own"),
    or None for any other question."""
    match = _WHO_VERB.match(question[:500])
    if match is None or match.group(1).casefold() in _NOT_DEEDS:
        return None
    return stem(match.group(1).casefold())


def _new_name(word: str, asked_letters: Collection[str]) -> bool:
    """Whether ``word`` is capitalised and not a word of the question (a possessive read without
    its "'s")."""
    return word[:1].isupper() and plain_word(word) not in asked_letters


def tells_doer(sentence: str, deed: str, asked_letters: Collection[str], stem: Callable[[str], str]) -> bool:
    """Whether ``sentence`` names someone the question does not (a capitalised word it lacks)
    just after its verb ``deed`` and "by" ("owned by investor Carl Icahn") or just before the
    verb ("Huey Newton founded")."""
    words = _WORD.findall(sentence[:2_000])
    for i, word in enumerate(words):
        if stem(word.casefold()) != deed:
            continue
        after = words[i + 1 : i + 2 + _AFTER_BY]
        if after and after[0].casefold() == "by" and any(_new_name(w, asked_letters) for w in after[1:]):
            return True
        if any(_new_name(w, asked_letters) for w in words[max(0, i - _BEFORE) : i]):
            return True
    return False


def doer_first(
    query: Query,
    hits: Sequence[Hit],
    stem: Callable[[str], str],
    depth: int = PROMOTE_DEPTH,
    ratio: float = PROMOTE_RATIO,
) -> list[Hit]:
    """``hits`` (scored by the reranker, best first) with, for a "Who VERB ...?" question whose
    first hit does not tell the verb's doer (``tells_doer``), the first of the next ``depth - 1``
    that does and scores at least ``ratio`` of the first's moved to the front; otherwise ``hits``
    as given."""
    deed = asked_deed(query.text, stem)
    if deed is None:
        return list(hits)
    return promote(hits, lambda hit: tells_doer(hit.sentence, deed, query.letters, stem), depth, ratio)
