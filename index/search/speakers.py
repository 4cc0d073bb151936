"""Which of an index's attributed speakers a name means, without reading them all.

``SpeakerIndex(speakers).match("peskow")`` gives ``["Dmitry Peskov"]``: the rules are in
``SpeakerIndex.match``'s docstring (``speech_query.match_speaker`` is this over a throwaway
index). An index is built once per opened index; a question then costs a few dictionary and
array look-ups instead of a typo-tolerant comparison with every one of tens of thousands of
speakers.

How it finds the speakers without comparing with each of them:

* Each distinct word of the speakers (as ``name_words`` gives them) lists the speakers using it.
* Typos: two strings within ``k`` typos (edits: a letter inserted, deleted, changed, or two
  neighbours swapped) share a string that each becomes by deleting at most ``k`` of its own
  letters (each edit costs at most one deletion on each side). ``_NearStrings`` stores, for
  each word, the first ``_KEPT`` letters of every such deletion variant (as 64-bit hashes in one
  sorted array), and a name's word looks its own variants up there. That can only find too many
  words, never too few; each one found is then measured with the real edit distance, so the
  words kept are exactly those within the limits.
* A speaker can match only if every word of the name is near one of its words, so the
  candidates are the intersection of the speakers of each name word's near words; they are
  then scored by the same greedy word-by-word fit the rules describe.
* Written-together names ("juliannesmith") use a second ``_NearStrings`` over each
  several-word speaker's words joined, read from the end.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence

import numpy as np

from index.attribution.suffixes import surname_at
from index.lexicon import TITLE_WORDS as LEXICON_TITLES
from index.lexicon import family_name_first, same_name
from index.search.institution_names import (
    LINKS,
    InstitutionName,
    institution_at_home,
    institution_names,
    leading_countries,
    names_institution,
)
from index.search.name_words import acronym, initials_of, name_words

# Words that may come with a name in a question but are not in the speaker string: the titles
# attribution knows (index/lexicon.py, without their dots, as ``name_words`` reads them) and the
# places a role is often named after ("the Kremlin spokesman", "White House press secretary").
TITLE_WORDS = frozenset(w.rstrip(".") for w in LEXICON_TITLES) | frozenset(
    "kremlin us u.s u.s. white house state".split()
)
_MAX_TYPOS = 2
# A speaker written as initials: capitals, with or without dots ("IMF", "U.N.", "NATO's").
_INITIALS = re.compile(r"(?:[A-Z]\.?){2,7}(?:['’]s)?")


def without_initials(asked: Sequence[str]) -> list[str]:
    """A name's words without its initials ("Robert C. Scott": "robert", "scott"), when it has
    some and two words or more are left; [] otherwise."""
    rest = [w for w in asked if len(w) > 1]
    return rest if len(rest) >= 2 and len(rest) < len(asked) else []


def initials_fit(asked: Sequence[str], speaker: str) -> bool:
    """Whether every initial of ``speaker`` is one the name ``asked`` gives: "George Bush" and
    "George W. Bush" may be "George W. Bush", "George H.W. Bush" is not."""
    return {w for w in name_words(speaker) if len(w) == 1} <= {w for w in asked if len(w) == 1}


def typo_distance(a: str, b: str, limit: int) -> int:
    """Damerau (optimal string alignment) edit distance, or ``limit + 1`` once it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def typos_allowed(word: str) -> int:
    """Typos forgiven in a word of this length: none in "Xi", one in "Smit", two in "Stoltenbrg"."""
    n = len(word)
    return 0 if n <= 3 else 1 if n <= 6 else _MAX_TYPOS


# -- the typo filter -----------------------------------------------------------------------------

# Letters of each deletion variant that are kept (a prefix). Deleting k letters moves at most k
# letters into the first _KEPT, so only deletions among the first _KEPT + _MAX_TYPOS matter.
_KEPT = 5
_WINDOW = _KEPT + _MAX_TYPOS


def _deletion_patterns() -> tuple[np.ndarray, tuple[int, ...]]:
    """Which window letters each variant keeps, fewest deletions first; variants per typo limit."""
    patterns: list[list[int]] = []
    counts: list[int] = []
    for deleted in range(_MAX_TYPOS + 1):
        for gone in itertools.combinations(range(_WINDOW), deleted):
            patterns.append([i for i in range(_WINDOW) if i not in gone][:_KEPT])
        counts.append(len(patterns))
    return np.asarray(patterns, dtype=np.intp), tuple(counts)


_PATTERNS, _VARIANTS = _deletion_patterns()
_MIX = np.uint64(0x9E3779B97F4A7C15)  # odd 64-bit multiplier (golden ratio); wraps modulo 2**64


def _variant_keys(strings: Sequence[str], typos: int) -> np.ndarray:
    """Hashes of the deletion variants of each string: shape (len(strings), variants for ``typos``).

    Letters are Unicode code points; a string shorter than the window is padded with 0, which no
    word contains, so deleting padding changes nothing and equal variants hash equal. A hash
    collision can only add a candidate, which the exact distance then rejects.
    """
    window = np.asarray([s[:_WINDOW] for s in strings], dtype=f"<U{_WINDOW}").view(np.uint32)
    letters = window.reshape(len(strings), _WINDOW).astype(np.uint64)
    patterns = _PATTERNS[: _VARIANTS[typos]]
    keys = np.zeros((len(strings), len(patterns)), dtype=np.uint64)
    for column in range(_KEPT):  # one kept letter of every variant at a time: small temporaries
        keys = (keys ^ letters[:, patterns[:, column]]) * _MIX
        keys ^= keys >> np.uint64(29)
    return keys


class _NearStrings:
    """Strings that may be within a few typos of a query: never misses one, may add a few.

    Only the first ``_WINDOW`` letters take part, so strings that share them (and their typo
    limit) share one group and its variants: many speakers share a first name or a surname.
    """

    def __init__(self, strings: Sequence[str], typos: Sequence[int]) -> None:
        groups: dict[tuple[str, int], list[int]] = {}
        for number, (text, limit) in enumerate(zip(strings, typos, strict=True)):
            groups.setdefault((text[:_WINDOW], limit), []).append(number)
        # Group g's strings: _members[_starts[g]:_starts[g + 1]] (arrays: no Python object per string).
        self._members = np.fromiter(itertools.chain.from_iterable(groups.values()), dtype=np.int32, count=len(strings))
        self._starts = np.cumsum([0, *map(len, groups.values())]).tolist()
        keys: list[np.ndarray] = []
        owners: list[np.ndarray] = []
        by_limit: dict[int, list[int]] = {}
        for group, (_, limit) in enumerate(groups):
            by_limit.setdefault(limit, []).append(group)
        windows = list(groups)
        for limit, numbers in by_limit.items():
            found = np.sort(_variant_keys([windows[n][0] for n in numbers], limit), axis=1)
            fresh = np.ones(found.shape, dtype=bool)  # repeated letters repeat variants: once each
            fresh[:, 1:] = found[:, 1:] != found[:, :-1]
            keys.append(found[fresh])
            owners.append(np.repeat(np.asarray(numbers, dtype=np.int32), fresh.sum(axis=1)))
        all_keys = np.concatenate(keys) if keys else np.zeros(0, dtype=np.uint64)
        order = np.argsort(all_keys)
        self._keys = all_keys[order]
        self._owners = (np.concatenate(owners) if owners else np.zeros(0, dtype=np.int32))[order]

    def candidates(self, text: str, typos: int) -> list[int]:
        """Ids of the strings that share a deletion variant with ``text`` (``typos`` deletions)."""
        wanted = np.unique(_variant_keys([text[:_WINDOW]], typos))
        starts = np.searchsorted(self._keys, wanted, side="left")
        ends = np.searchsorted(self._keys, wanted, side="right")
        groups: set[int] = set()
        for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
            if end > start:
                groups.update(self._owners[start:end].tolist())
        found: list[int] = []
        for group in groups:
            found.extend(self._members[self._starts[group] : self._starts[group + 1]].tolist())
        return sorted(found)


# -- the index -----------------------------------------------------------------------------------


def surname_of(words: Sequence[str]) -> str:
    """The word a surname alone finds a speaker of ``words`` (as ``name_words`` gives them) by:
    the last, or the one before a generation ("biden" of "Joseph R. Biden Jr.")."""
    return words[surname_at(words)] if words else ""


class SpeakerIndex:
    """The distinct speakers of an index, ready to be matched by name. Immutable; thread-safe."""

    def __init__(self, speakers: Iterable[str]) -> None:
        self._speakers: tuple[str, ...] = tuple(dict.fromkeys(s for s in speakers if s))
        users: dict[str, list[int]] = {}  # word -> the speakers using it (a repeat is harmless)
        same: dict[str, str] = {}  # one string object per distinct word, shared by every speaker
        wholes: dict[str, list[int]] = {}  # several words written together -> their speakers
        spoken: list[tuple[str, ...]] = []
        surnames: list[str] = []  # the word a surname alone finds each by: "moon" of "Moon Jae-in"
        for number, speaker in enumerate(self._speakers):
            words = tuple(same.setdefault(w, w) for w in name_words(speaker))
            spoken.append(words)
            surnames.append(words[0] if words and family_name_first(speaker.split()) else surname_of(words))
            for word in words:
                users.setdefault(word, []).append(number)
            if len(words) > 1:
                wholes.setdefault("".join(words), []).append(number)
        self._spoken = spoken
        self._surnames = surnames
        self._users = users
        acronyms: dict[str, list[int]] = {}  # "imf" -> the speakers it stands for ("International Monetary Fund")
        for number, speaker in enumerate(self._speakers):
            for letters in initials_of(speaker):
                acronyms.setdefault(letters, []).append(number)
        self._acronyms = acronyms
        self._words = list(users)
        self._near_words = _NearStrings(self._words, [typos_allowed(w) for w in self._words])
        # Each written-together string is rebuilt from its first speaker's words when needed.
        self._whole_users = list(wholes.values())
        # Looked up backwards (edit distance does not change when both strings are reversed): the
        # end of "juliannesmith" is a surname, its start a first name thousands of speakers share.
        self._near_wholes = _NearStrings([w[::-1] for w in wholes], [typos_allowed(w) for w in wholes])

    def __len__(self) -> int:
        return len(self._speakers)

    def match(self, name: str, typos: bool = True) -> list[str]:
        """The speakers ``name`` refers to, best first; [] when none is close. With ``typos``
        False, only speakers whose words are the name's as written (or a first name's forms).

        After those its words match (``_match_words``), an institution's name also finds the
        speakers written as its initials, and initials the institution they stand for
        ("International Monetary Fund" and "IMF", "UN" and "United Nations"; ``acronym``).
        """
        asked = name_words(name)
        found = self._match_words(name, asked, typos)
        return found + [s for s in self._by_acronym(asked) if s not in found]

    def first_named(self, word: str) -> list[str]:
        """The speakers whose first word is ``word`` as ``name_words`` reads it ("hillary":
        "Hillary Clinton", "Hillary Rodham Clinton"), in alphabetical order."""
        return sorted(self._speakers[n] for n in self._users.get(word, ()) if self._spoken[n][0] == word)

    def _by_acronym(self, asked: list[str]) -> list[str]:
        if len(asked) == 1:
            return [self._speakers[n] for n in self._acronyms.get(asked[0], ())]
        letters = acronym(asked)
        spoken = (self._speakers[n] for n in self._users.get(letters or "", ()) if len(self._spoken[n]) == 1)
        return [s for s in spoken if _INITIALS.fullmatch(s)]  # "IMF", "U.N."; not "SÃ" of a broken "Ségolène"

    def _match_words(self, name: str, asked: list[str], typos: bool = True) -> list[str]:
        """The speakers ``name``'s words refer to, best first; [] when none is close.

        A speaker matches when every word of the name matches a different word of the speaker,
        exactly or within a small number of typos (none for words of up to 3 letters, one up to
        6, two beyond), ignoring case, accents, possessives and "the": "Sherman" and "wendy
        sherman" match "Wendy Sherman"; "peskow" matches "Dmitry Peskov"; "julianne smit"
        matches "Julianne Smith". Written-together names ("juliannesmith") match too. A single
        word matches only the speakers it ends, if any ("Trump": "Donald Trump", not "Trump
        University"). A first name of a name of two words or more also matches its other forms
        as if written so (``lexicon.same_name``: "Bob Menendez" is "Robert Menendez", "Richard
        Durbin" also "Dick Durbin"). If any speaker matches without typos, only those are returned.
        Titles in the name
        ("Kremlin spokesman Peskov", "Mr Peskov") are dropped when the full name matches nobody,
        unless the name is an institution's ("Justice Department" is no one called "Department").
        An institution's name is matched by the order of its words (``institution_names``: "State
        Department" is not the "Florida Department of State"); one named with its country that
        matches nobody is the one named without it, if no other country's ("U.S. State
        Department" is the "State Department", "Russian Foreign Ministry" no "Ukraine's Foreign
        Ministry"). A person's name with initials that matches nobody is matched without them
        ("Robert C. Scott": "Bobby Scott"), but not by a speaker with an initial the name does not
        give (``initials_fit``); one that matches someone also matches, after them, the speakers
        written with no initials at all ("Leonard E. Burman": "Len Burman"; "George H. W. Bush" is
        no "George W. Bush"). Speakers with as many typos come in alphabetical order.
        """
        if not asked:
            return []
        rest = without_initials(asked)
        found = [s for s in self._rank(asked, typos) if not rest or initials_fit(asked, s)]  # "George W." is no "H.W."
        if found and rest and not names_institution(asked):
            # "Leonard E. Burman" is also the "Len Burman" another article quotes
            return found + [s for s in self._rank(rest, typos) if s not in found and initials_fit((), s)]
        if found:
            return found
        if home := institution_at_home(asked):
            return [s for s in self._rank(home, typos) if not leading_countries(name_words(s))]
        # A title before the name is dropped, never its last word: "Duke" of "David Duke" is his
        # surname, and "David" alone would find "Larry David".
        bare = [w for w in asked[:-1] if w not in TITLE_WORDS] + asked[-1:]
        # "Justice Department" is an institution, not someone called "Department".
        if bare and bare != asked and not names_institution(asked) and not names_institution(bare):
            return self._rank(bare, typos)
        if rest and not names_institution(asked):
            return [s for s in self._rank(rest, typos) if initials_fit(asked, s)]
        return []

    def _near(self, word: str, with_typos: bool = True) -> dict[str, int]:
        """Speaker word -> typos, for every speaker word within both words' typo limits of ``word``
        (``with_typos`` False: ``word`` itself, if a speaker word)."""
        if not with_typos:
            return {word: 0} if word in self._users else {}
        allowed = typos_allowed(word)
        near: dict[str, int] = {}
        for at in self._near_words.candidates(word, allowed):
            other = self._words[at]
            limit = min(allowed, typos_allowed(other))
            typos = typo_distance(word, other, limit)
            if typos <= limit:
                near[other] = typos
        return near

    def _rank(self, asked: list[str], with_typos: bool = True) -> list[str]:
        nears: dict[str, dict[str, int]] = {word: self._near(word, with_typos) for word in asked}
        scored: dict[int, int] = {}
        readings = institution_names(asked)
        if len(asked) > 1 and not readings:  # "Bob Menendez" is "Robert Menendez": a first name's forms
            for word in asked[:-1]:
                nears[word].update({form: 0 for form in same_name(word) if form in self._users})
        for reading in readings:  # "State Department": in order, not the "Florida Department of State"
            for number, typos in self._fits([nears[w] for w in reading.words], reading).items():
                scored[number] = min(typos, scored.get(number, typos))
        if not readings:
            scored = self._fits([nears[w] for w in asked], None)
        if len(asked) == 1 and scored and min(scored.values()) > 0:
            if not any(self._surnames[n] in nears[asked[0]] for n in scored):
                scored = {}  # a typo away from someone's other name only: "Guaidó" is no Guido Schmidt-Traub
        if len(asked) == 1 and with_typos:
            joined = asked[0]
            for at in self._near_wholes.candidates(joined[::-1], _MAX_TYPOS):
                whole = "".join(self._spoken[self._whole_users[at][0]])
                limit = typos_allowed(whole)
                typos = typo_distance(joined, whole, limit)
                if typos <= limit:
                    for number in self._whole_users[at]:
                        scored.setdefault(number, typos)  # a word-by-word fit comes first
        if not scored:
            return []
        if len(asked) == 1:
            # A single word names a person by their surname: "Trump" is Donald or Ivanka Trump,
            # not "Trump University" or the "Eric Trump Foundation", when someone ends with it;
            # "Moon" is Moon Jae-in, not Ban Ki-moon (lexicon.family_name_first).
            surname = {n: t for n, t in scored.items() if self._surnames[n] in nears[asked[0]]}
            scored = surname or scored
        best = min(scored.values())
        if best == 0:
            scored = {n: t for n, t in scored.items() if t == 0}
        return [s for _, s in sorted((t, self._speakers[n]) for n, t in scored.items())]

    def _fits(self, per_word: list[dict[str, int]], reading: InstitutionName | None) -> dict[int, int]:
        """Speaker number -> typos, for each speaker with a near word for every asked word (its
        near words and typos, ``per_word``), in the order of the institution ``reading`` if given."""
        scored: dict[int, int] = {}
        # Only a speaker with a near word for every asked word can fit (smallest set first).
        groups = sorted((self._speakers_of(near) for near in per_word), key=len)
        candidates = set.intersection(*groups) if groups and groups[0] else set()
        for number in candidates:
            spoken = self._spoken[number]
            typos = _fit(per_word, spoken) if reading is None else _fit_in_order(per_word, spoken, reading.opens)
            if typos is not None:
                scored[number] = typos
        return scored

    def _speakers_of(self, near: dict[str, int]) -> set[int]:
        found: set[int] = set()
        for word in near:
            found.update(self._users[word])
        return found


def _fit(asked: Sequence[dict[str, int]], spoken: Sequence[str]) -> int | None:
    """Total typos for every asked word to match a different speaker word, or None if some cannot.

    Greedy, in the order of the asked words: each takes the closest word not yet taken (the
    first of equally close ones). ``asked`` holds, per asked word, its near words and typos.
    """
    used: set[int] = set()
    total = 0
    for near in asked:
        best, best_at = _MAX_TYPOS + 1, -1
        for k, word in enumerate(spoken):
            if k in used:
                continue
            typos = near.get(word)
            if typos is not None and typos < best:
                best, best_at = typos, k
        if best_at < 0:
            return None
        used.add(best_at)
        total += best
    return total


def _fit_in_order(asked: Sequence[dict[str, int]], spoken: Sequence[str], opens: bool) -> int | None:
    """The fewest typos for the asked words to match speaker words in their order ("of" and "for"
    skipped), or None if they cannot; ``opens``: the first asked word matches the speaker's first
    word that names no country ("U.S. Department of State", not "Florida Department of State")."""
    words = [w for w in spoken if w not in LINKS]
    first_at = leading_countries(words) if opens else len(words)
    unmatched = len(asked) * (_MAX_TYPOS + 1) + 1
    # fewest[k]: the fewest typos for the asked words so far within the first k speaker words.
    fewest = [0] * (len(words) + 1)
    for i, near in enumerate(asked):
        after = [unmatched] * (len(words) + 1)
        for k, word in enumerate(words):
            after[k + 1] = after[k]
            typos = near.get(word)
            if typos is not None and fewest[k] < unmatched and (i > 0 or k <= first_at):
                after[k + 1] = min(after[k + 1], fewest[k] + typos)
        fewest = after
    return fewest[-1] if fewest[-1] < unmatched else None
