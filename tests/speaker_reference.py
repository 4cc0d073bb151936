"""The reference for speaker matching: the linear matcher Verbatim used before ``SpeakerIndex``.

Kept unchanged (it was ``match_speaker`` in index/speech_query.py) so that tests can check that
index/speakers.py returns exactly what it returned, for any speakers and any name. It compares
the name with every speaker, which is what made "what did X say?" slow with many speakers; no
production code imports it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Words that may come with a name in a question but are not in the speaker string.
_TITLE_WORDS = frozenset(
    """
    mr mrs ms miss dr prof sir president minister secretary spokesman spokeswoman spokesperson
    ambassador deputy foreign defense defence kremlin us u.s u.s. state general prime chancellor
    senator sen rep governor mayor envoy adviser advisor chief press white house
    """.split()
)


def _tokens(text: str) -> list[str]:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("’", "'").replace("'s ", " ")
    text = re.sub(r"'s$", "", text)
    return [w for w in re.split(r"[^\w]+", text) if w and w != "the"]


def _distance(a: str, b: str, limit: int) -> int:
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


def _allowed(word: str) -> int:
    """Typos forgiven in a word of this length: none in "Xi", one in "Smit", two in "Stoltenbrg"."""
    n = len(word)
    return 0 if n <= 3 else 1 if n <= 6 else 2


def _fit(asked: list[str], spoken: list[str]) -> int | None:
    """Total typos for every asked word to match a different speaker word, or None if some cannot."""
    used: set[int] = set()
    total = 0
    for word in asked:
        best, best_at = _allowed(word) + 1, -1
        for k, other in enumerate(spoken):
            if k in used:
                continue
            limit = min(_allowed(word), _allowed(other))
            d = _distance(word, other, limit)
            if d <= limit and d < best:
                best, best_at = d, k
        if best_at < 0:
            return None
        used.add(best_at)
        total += best
    return total


def reference_match_speaker(name: str, speakers: Iterable[str]) -> list[str]:
    """The speakers ``name`` refers to, best first; [] when none is close.

    A speaker matches when every word of the name matches a different word of the speaker,
    exactly or within a small number of typos (none for words of up to 3 letters, one up to 6,
    two beyond), ignoring case, accents, possessives and "the": "Sherman" and "wendy sherman"
    match "Wendy Sherman"; "peskow" matches "Dmitry Peskov"; "julianne smit" matches
    "Julianne Smith". Written-together names ("juliannesmith") match too. If any speaker
    matches without typos, only such speakers are returned. Titles in the name ("Kremlin
    spokesman Peskov", "Mr Peskov") are dropped when the full name matches nobody.
    """
    asked = _tokens(name)
    if not asked:
        return []
    pool = list(dict.fromkeys(s for s in speakers if s))
    found = _rank(asked, pool)
    if not found:
        bare = [w for w in asked if w not in _TITLE_WORDS]
        if bare and bare != asked:
            found = _rank(bare, pool)
    return found


def _rank(asked: list[str], pool: list[str]) -> list[str]:
    scored: list[tuple[int, str]] = []
    joined = "".join(asked)
    for speaker in pool:
        spoken = _tokens(speaker)
        if not spoken:
            continue
        typos = _fit(asked, spoken)
        whole = "".join(spoken)
        if typos is None and len(asked) == 1 and len(spoken) > 1:
            limit = _allowed(whole)
            d = _distance(joined, whole, limit)
            typos = d if d <= limit else None
        if typos is not None:
            scored.append((typos, speaker))
    if not scored:
        return []
    best = min(t for t, _ in scored)
    if best == 0:
        scored = [(t, s) for t, s in scored if t == 0]
    return [s for _, s in sorted(scored, key=lambda ts: (ts[0], ts[1]))]
