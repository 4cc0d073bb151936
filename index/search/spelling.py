"""A name typed with a typo, read as the one name the articles write that is that close to it.

"Who is Julianne Smtih?" names no one any article mentions, so it was declined on its words
alone ("No article mentions Smtih."). People type names in a chat as fast as anything else. So a
capitalised word the index does not hold is read as a name the articles write when exactly one
such name is within the typos a word of its length forgives (``speakers.typos_allowed``: none in
three letters, one up to six, two beyond; a swap of two letters is one): "Smtih" as "Smith",
"Russai" as "Russia". The index holds stems, so the typed word's stem is compared with them
(``nearest_stems``), and when none is near, the stems heading the typed word (``stems_heading``:
a typo can move where the stemmer cuts, "Deaprtment" stems to itself); either way a word the
articles write of a near stem must itself be that close to the typed word.

A name is a word the articles write with a capital in the middle of a sentence, so a typo is
never read as a word they only write in lower case ("Wideb" is not "widen"). In a question typed
without capitals, a word neither the articles nor the dictionary hold is read as a name too
("shermn": ``lowercase_respellings``); a common word is not, though the articles never write it
("fast" is no typo of "East": ``dictionary_words``). A question naming someone no article mentions stays
declined: every unknown name of a question must have its one close name, or none is read
otherwise ("What did Angela Merkel say?" of an index that holds neither); of two as close, one
must be written far more often ("Clintn" is "Clinton", not "Clint": ``most_likely_name``). The answer says what
was read: "Read “Smtih” as “Smith”." (``respelled_note``).

Pure functions: the index supplies the words it holds and how it writes them
(``Retriever.name_like``); the searcher reads the question again with the names respelled.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence

from index.search.speakers import typo_distance

# (first letter or last letter, length) -> the stems of that length starting or ending with it.
# A typo seldom changes both ends of a word, so a word is compared only with the stems sharing
# its first or its last letter, of a length within its typos: a few hundred, not the vocabulary.
StemBuckets = Mapping[tuple[str, int], Sequence[str]]
_SHORTEST = 4  # a shorter stem is not looked for: "Xi", "Lee" have too many neighbours


def stem_buckets(stems: Iterable[str]) -> dict[tuple[str, int], list[str]]:
    """``stems`` (an index's vocabulary) grouped for ``nearest_stems``: letters only, ``_SHORTEST``
    or longer."""
    buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
    for stem in stems:
        if len(stem) >= _SHORTEST and stem.isalpha():
            buckets[("^" + stem[0], len(stem))].append(stem)
            buckets[(stem[-1] + "$", len(stem))].append(stem)
    return dict(buckets)


def nearest_stems(stem: str, buckets: StemBuckets, limit: int) -> list[str]:
    """The stems of ``buckets`` fewest typos from ``stem`` (Damerau distance), when that is at most
    ``limit`` and more than none; [] otherwise. Sorted, each once."""
    if limit < 1 or len(stem) < _SHORTEST:
        return []
    best = limit
    found: set[str] = set()
    for length in range(len(stem) - limit, len(stem) + limit + 1):
        for key in (("^" + stem[0], length), (stem[-1] + "$", length)):
            for candidate in buckets.get(key, ()):
                distance = typo_distance(stem, candidate, best)
                if distance == 0 or distance > best:
                    continue
                if distance < best:
                    best, found = distance, set()
                found.add(candidate)
    return sorted(found)


# How many letters a stem may lack at the end of the word it was cut from: "internat" of
# "international".
_SUFFIX = 5
# The most stems ``stems_heading`` gives, closest first: each is looked up in the articles.
_MOST_HEADING = 10


def stems_heading(word: str, buckets: StemBuckets, limit: int) -> list[str]:
    """The stems of ``buckets`` that head ``word`` (casefolded) but for at most ``limit`` typos:
    a stem of up to ``_SUFFIX`` letters fewer than the word (or as many), compared with as many of
    its first letters; the ``_MOST_HEADING`` closest, closest first. A typo can move where the
    stemmer cuts a word ("deaprtment" stems to itself, far from "depart"; "unviersity" to
    "unviers", not "universiti"), so its own stem finds nothing; these are only candidates, each
    word of which must still be that close to ``word`` in full (``Retriever.name_like``)."""
    if limit < 1 or len(word) < _SHORTEST + 1:
        return []
    found: dict[str, int] = {}
    for length in range(max(_SHORTEST, len(word) - _SUFFIX), len(word) + 1):
        for stem in buckets.get(("^" + word[0], length), ()):
            if (distance := typo_distance(stem, word[:length], limit)) <= limit:
                found[stem] = distance
    return sorted(found, key=lambda stem: (found[stem], stem))[:_MOST_HEADING]


# How many times more often the name a typo is read as must be written than any other as close:
# "Clintn" is "Clinton" (thousands of sentences), not "Clint" (a few); "Smoth" is either of
# "Smith" and "Smyth" when both are written about as often, so neither.
MORE_LIKELY = 10


def most_likely_name(names: Mapping[str, int]) -> str | None:
    """The one of ``names`` (name -> how many sentences write it) to read a typo as: the only one,
    or the one written at least ``MORE_LIKELY`` times as often as every other; None otherwise."""
    if not names:
        return None
    ranked = sorted(names.items(), key=lambda item: (-item[1], item[0]))
    if len(ranked) == 1 or ranked[0][1] >= MORE_LIKELY * ranked[1][1]:
        return ranked[0][0]
    return None


# The most unknown names a question may have to be read as typos of others: a message naming more
# names no article holds is not a question with a typo in it, and each look-up reads the index.
MAX_RESPELLED = 3


def respellings(unknown_names: Sequence[str], name_like: Callable[[str], str | None]) -> dict[str, str]:
    """What to read each of ``unknown_names`` (capitalised words no article holds) as: every one
    as ``name_like`` gives it, or none of them when one has no close name ("Angela Merkel", of an
    index that holds "Angel" but no "Merkel", stays as typed) or there are more than
    ``MAX_RESPELLED``. Looked up in order, until one has no close name."""
    names = list(dict.fromkeys(unknown_names))
    if len(names) > MAX_RESPELLED:
        return {}
    respelled: dict[str, str] = {}
    for typed in names:
        if (name := name_like(typed)) is None:
            return {}
        respelled[typed] = name
    return respelled


# The most names a decline offers for a name typed with a typo: "Did you mean Smith or Smyth?"
MAX_SUGGESTED = 3


def suggestions(
    unknown_names: Sequence[str], names_close: Callable[[str], Sequence[tuple[str, int]]]
) -> tuple[str, ...]:
    """The names a decline offers when ``respellings`` read none of ``unknown_names`` only because
    one of them is as close to several names (``names_close``, most written first; at most
    ``MAX_SUGGESTED``): "Smoth", as close to "Smith" as to "Smyth". () when some unknown name has
    no name near it: "Angela Merkel", of articles that write "Angel" but no "Merkel", is someone
    they do not mention, not a typo."""
    names = list(dict.fromkeys(unknown_names))
    if not names or len(names) > MAX_RESPELLED:
        return ()
    closes = [names_close(typed) for typed in names]
    if not all(closes):
        return ()
    ambiguous = next((close for close in closes if len(close) > 1), ())
    return tuple(name for name, _ in ambiguous[:MAX_SUGGESTED])


def lowercase_respellings(words: Sequence[str], name_like: Callable[[str], str | None]) -> dict[str, str]:
    """What to read each of ``words`` (typed in lower case, held by neither the articles nor the
    dictionary) as: the name ``name_like`` gives it, each on its own (such a word declines
    nothing: left as typed, it is read by meaning); at most ``MAX_RESPELLED`` of them looked up."""
    respelled: dict[str, str] = {}
    for word in list(dict.fromkeys(words))[:MAX_RESPELLED]:
        if (name := name_like(word)) is not None:
            respelled[word] = name
    return respelled


def dictionary_words(tokenizer_json: str) -> frozenset[str]:
    """The whole words of a WordPiece vocabulary (a tokenizer.json's text): the 30,522 entries of
    the bundled MiniLM tokenizer hold some 20,000 common English words (and common names), whole
    and in lower case. A word typed in lower case that is one of them is no typo ("fast"); one
    that is neither there nor in the articles may be a name typed so ("shermn")."""
    vocabulary = json.loads(tokenizer_json).get("model", {}).get("vocab", {})
    return frozenset(word for word in vocabulary if word.isalpha() and word.islower())


def respelled_text(text: str, respelled: Mapping[str, str]) -> str:
    """``text`` with each whole word of ``respelled`` written as it is read ("Smtih's" -> "Smith's")."""
    if not respelled:
        return text
    words = "|".join(re.escape(word) for word in sorted(respelled, key=len, reverse=True))
    return re.sub(rf"(?<![\w'’-])({words})(?![\w-])", lambda m: respelled[m.group(1)], text)


def respelled_note(respelled: Sequence[tuple[str, str]]) -> str:
    """What the answer says it read: "Read “Smtih” as “Smith”.", several joined by commas."""
    return "Read " + ", ".join(f"“{typed}” as “{name}”" for typed, name in respelled) + "."
