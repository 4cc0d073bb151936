"""The reference for speaker matching: the linear matcher Verbatim used before ``SpeakerIndex``.

Kept as it was (``match_speaker`` in index/speech_query.py), with the one rule added since (a
single word matches the speakers it ends), so that tests can check that index/speakers.py
returns exactly what it specifies, for any speakers and any name; the word rules it applies are
index/speakers.py's own. It compares
the name with every speaker, which is what made "what did X say?" slow with many speakers; no
production code imports it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

from index.lexicon import same_name

# The word rules (tokens, typo limits, edit distance, title words) are shared with the index:
# what this reference checks is the search, a comparison with every speaker.
from index.search.institution_names import (
    COUNTRY_WORDS,
    LINKS,
    InstitutionName,
    institution_at_home,
    institution_names,
    leading_countries,
    names_institution,
)
from index.search.name_words import acronym, initials_of
from index.search.name_words import name_words as _tokens
from index.search.speakers import TITLE_WORDS as _TITLE_WORDS
from index.search.speakers import initials_fit, without_initials
from index.search.speakers import typo_distance as _distance
from index.search.speakers import typos_allowed as _allowed


def _fit(asked: list[str], spoken: list[str]) -> int | None:
    """Total typos for every asked word to match a different speaker word, or None if some cannot;
    a word before a name's last matches its other forms ("bob": "robert") as if written so."""
    used: set[int] = set()
    total = 0
    firsts = asked[:-1]
    for word in asked:
        best, best_at = _allowed(word) + 1, -1
        for k, other in enumerate(spoken):
            if k in used:
                continue
            limit = min(_allowed(word), _allowed(other))
            d = 0 if word in firsts and other in same_name(word) else _distance(word, other, limit)
            if d <= limit and d < best:
                best, best_at = d, k
        if best_at < 0:
            return None
        used.add(best_at)
        total += best
    return total


def _fit_in_order(asked: tuple[str, ...], spoken: list[str], opens: bool) -> int | None:
    """The fewest typos over every way to match the asked words to speaker words in order."""
    words = [w for w in spoken if w not in LINKS]
    best: int | None = None
    for at in itertools.combinations(range(len(words)), len(asked)):
        if opens and at and any(w not in COUNTRY_WORDS for w in words[: at[0]]):
            continue
        total = 0
        for word, k in zip(asked, at, strict=True):
            limit = min(_allowed(word), _allowed(words[k]))
            d = _distance(word, words[k], limit)
            if d > limit:
                break
            total += d
        else:
            best = total if best is None else min(best, total)
    return best


# A generation after a surname ("Joseph R. Biden Jr.", "Aaaaa Sr"): the surname is the word before it.
_GENERATIONS = ("jr", "sr", "ii", "iii", "iv")


def _surname(tokens: list[str]) -> str:
    return tokens[-2] if len(tokens) > 1 and tokens[-1] in _GENERATIONS else tokens[-1]


def reference_match_speaker(name: str, speakers: Iterable[str]) -> list[str]:
    """The speakers ``name`` refers to, best first; [] when none is close.

    A speaker matches when every word of the name matches a different word of the speaker,
    exactly or within a small number of typos (none for words of up to 3 letters, one up to 6,
    two beyond), ignoring case, accents, possessives and "the": "Sherman" and "wendy sherman"
    match "Wendy Sherman"; "peskow" matches "Dmitry Peskov"; "julianne smit" matches
    "Julianne Smith". Written-together names ("juliannesmith") match too. If any speaker
    matches without typos, only such speakers are returned. Titles in the name ("Kremlin
    spokesman Peskov", "Mr Peskov") are dropped when the full name matches nobody, unless an
    institution is named ("Justice Department" is no one called "Department"). A single
    word matches only the speakers it ends, if any ("Trump": not "Trump University"). A first
    name matches its other forms ("Bob Menendez": "Robert Menendez"); a person's name with
    initials matches no speaker with other initials ("George W. Bush": not "George H.W. Bush"),
    and is matched without them too: when it matches nobody, by speakers with no other initials,
    else, after those it matches, by speakers with no initials at all ("Len Burman").
    An institution's name matches in the order of its words, either way round for a department
    or ministry ("State Department": "Department of State", not "Florida Department of State");
    named with a country and matching nobody, it is the one named without any country. After
    all these, an institution's name finds the speakers written as its initials (in capitals), and initials
    the institutions they stand for ("IMF", "International Monetary Fund").
    """
    asked = _tokens(name)
    pool = list(dict.fromkeys(s for s in speakers if s))
    found = _by_words(asked, pool)
    # an institution's initials and its name find each other
    letters = acronym(asked) if len(asked) > 1 else None
    for speaker in pool:
        spoken = _tokens(speaker)
        if speaker not in found and (
            (len(asked) == 1 and asked[0] in initials_of(speaker))
            # written as initials, in capitals ("IMF", "U.N."): not "Msa" for "Mr spokesman A's"
            or (letters is not None and spoken == [letters] and re.fullmatch(r"(?:[A-Z]\.?){2,7}(?:['’]s)?", speaker))
        ):
            found.append(speaker)
    return found


def _by_words(asked: list[str], pool: list[str]) -> list[str]:
    if not asked:
        return []
    rest = without_initials(asked)
    found = [s for s in _rank(asked, pool) if not rest or initials_fit(asked, s)]
    if found and rest and not names_institution(asked):
        return found + [s for s in _rank(rest, pool) if s not in found and initials_fit((), s)]
    if found:
        return found
    if home := institution_at_home(asked):
        return [s for s in _rank(home, pool) if not leading_countries(_tokens(s))]
    bare = [w for w in asked[:-1] if w not in _TITLE_WORDS] + asked[-1:]  # never the last word ("David Duke")
    if bare and bare != asked and not names_institution(asked) and not names_institution(bare):
        return _rank(bare, pool)
    if rest and not names_institution(asked):
        return [s for s in _rank(rest, pool) if initials_fit(asked, s)]
    return []


def _typos(asked: list[str], readings: list[InstitutionName], spoken: list[str]) -> int | None:
    if not readings:
        return _fit(asked, spoken)
    fits = [t for r in readings if (t := _fit_in_order(r.words, spoken, r.opens)) is not None]
    return min(fits) if fits else None


def _rank(asked: list[str], pool: list[str]) -> list[str]:
    by_words: list[tuple[int, str]] = []
    joined = "".join(asked)
    readings = institution_names(asked)
    for speaker in pool:
        spoken = _tokens(speaker)
        if spoken and (typos := _typos(asked, readings, spoken)) is not None:
            by_words.append((typos, speaker))

    def ends_with_it(speaker: str) -> bool:
        word, last = asked[0], _surname(_tokens(speaker))
        limit = min(_allowed(word), _allowed(last))
        return _distance(word, last, limit) <= limit

    if len(asked) == 1 and by_words and min(t for t, _ in by_words) > 0:
        # a single word a typo away from no speaker's surname, only from another of their words
        by_words = [ts for ts in by_words if any(ends_with_it(s) for _, s in by_words)]
    scored = list(by_words)
    fitted = {s for _, s in by_words}
    for speaker in pool:  # a single word may be a whole name written together
        spoken = _tokens(speaker)
        if len(asked) == 1 and len(spoken) > 1 and speaker not in fitted:
            whole = "".join(spoken)
            limit = _allowed(whole)
            d = _distance(joined, whole, limit)
            if d <= limit:
                scored.append((d, speaker))
    if not scored:
        return []
    if len(asked) == 1:  # a single word: only the speakers it ends, if any
        scored = [ts for ts in scored if ends_with_it(ts[1])] or scored
    best = min(t for t, _ in scored)
    if best == 0:
        scored = [(t, s) for t, s in scored if t == 0]
    return [s for _, s in sorted(scored, key=lambda ts: (ts[0], ts[1]))]
