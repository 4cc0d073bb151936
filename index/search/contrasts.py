"""Whether a sentence is about a sibling of what a question asks about: a pure function for declining.

"How many Democratic absentee ballots had been requested in Florida?" is not answered by "In
Florida, nearly 850,000 Republican absentee ballots have so far been requested.", however close
the two are in words and meaning: the question qualifies what it asks about with one of a few
words that exclude each other (a party, men or women, a point of the compass, a season, an
ordinal), and the sentence qualifies the same thing with another of them and never writes the
asked one. Such a sentence answers a question about the sibling ("the men's final" for "Who won
the women's final?", "South Carolina" for "North Carolina", "the second quarter" for "the
third quarter"), not the one asked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from index.lexicon import word_set
from index.search.units import Stemmer

# Families of words that exclude each other as the qualifier of one thing; each family is a
# tuple of classes of synonyms. A possessive is read without its "'s" ("women's" -> "women").
FAMILIES: tuple[tuple[frozenset[str], ...], ...] = (
    (word_set("democratic democrat democrats"), word_set("republican republicans gop")),
    (
        word_set("labour"),
        word_set("conservative conservatives tory tories"),
        word_set("ukip"),
        word_set("snp"),
    ),
    (word_set("men man male boys boy"), word_set("women woman female girls girl")),
    (word_set("north northern"), word_set("south southern"), word_set("east eastern"), word_set("west western")),
    (word_set("summer"), word_set("winter")),
    (
        word_set("first 1st"),
        word_set("second 2nd"),
        word_set("third 3rd"),
        word_set("fourth 4th"),
        word_set("fifth 5th"),
        word_set("sixth 6th"),
    ),
)
_CLASS = {word: (f, c) for f, family in enumerate(FAMILIES) for c, members in enumerate(family) for word in members}

_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?['’]?")
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True)
class Sibling:
    """What the question asks about and what the sentence is about instead, as each writes it:
    ``asked`` "Democratic absentee", ``given`` "Republican absentee"."""

    asked: str
    given: str


def _words(text: str) -> list[tuple[str, str]]:
    """(read, as written) for each word; read in lower case and without a possessive's "'s"."""
    return [(_POSSESSIVE.sub("", w.casefold()), w) for w in _WORD.findall(text[:2_000])]


def _qualified(words: Sequence[tuple[str, str]], stems: Stemmer) -> list[tuple[int, int, str, str]]:
    """(family, class, the two words as written, stem of the second) for each qualifier followed
    by a word that is not a stop word."""
    out = []
    for (word, written), (following, following_written) in pairwise(words):
        if (where := _CLASS.get(word)) is not None and (thing := stems(following)):
            out.append((*where, f"{written} {following_written}", thing[0]))
    return out


def qualifies_a_sibling(question: str, sentence: str, stems: Stemmer) -> Sibling | None:
    """The sibling ``sentence`` is about instead of what ``question`` asks about, or None.

    ``question`` qualifies a thing with one class of a family ("Democratic absentee ballots"),
    ``sentence`` the same thing (by stem) with another class of that family ("Republican
    absentee ballots") and holds no word of the asked class anywhere ("Democratic and
    Republican ballots" answers). A question that names two classes of a family ("Democratic
    or Republican voters") asks about both, so that family is not read."""
    asked = _qualified(_words(question), stems)
    if not asked:
        return None
    classes: dict[int, set[int]] = {}
    for family, cls, _, _ in asked:
        classes.setdefault(family, set()).add(cls)
    words = _words(sentence)
    held = {_CLASS[w] for w, _ in words if w in _CLASS}
    given = _qualified(words, stems)
    for family, cls, written, thing in asked:
        if len(classes[family]) > 1 or (family, cls) in held:
            continue
        for other_family, other_cls, other_written, other_thing in given:
            if other_family == family and other_cls != cls and other_thing == thing:
                return Sibling(written, other_written)
    return None
