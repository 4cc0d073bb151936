"""Short names an article gives an organisation in brackets: "the Philippine Institute of
Volcanology and Seismology (Phivolcs) reported", then "Phivolcs said". Both are one speaker,
written "Philippine Institute of Volcanology and Seismology (Phivolcs)", so that "What did
Phivolcs say?" and the name in full find all its words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from index.lexicon import FIRST_NAMES

# "(Phivolcs)", "(NIAID)", "(PG&E)", "(U.N.)": one word in brackets, opening with a capital.
_SHORT = re.compile(r"\(([A-Z][A-Za-z&.]{1,11})\)")
_WORD = re.compile(r"[\w&.'’-]+$")
# Words inside an organisation's name that are written in lower case.
_INSIDE = frozenset({"of", "and", "for", "on", "de", "the", "&"})
_LONGEST = 10  # words of a name in full


def short_names(texts: Iterable[str]) -> dict[str, str]:
    """Each short name the texts define after a name in full, mapped to that name: "Phivolcs" to
    "Philippine Institute of Volcanology and Seismology", "NHC" to "National Hurricane Center".
    The short name's capitals must be capitals of the full name in order ("USGS": US Geological
    Survey) and its letters the full name's in order ("Caltrans": California Department of
    Transportation); a person's name ("Benjamin Netanyahu (Bibi)") or a place before a news agency
    ("WASHINGTON (AP)") defines none."""
    found: dict[str, str] = {}
    for text in texts:
        for m in _SHORT.finditer(text):
            full = _full_name_before(text[: m.start()], m.group(1))
            if full is not None:
                found.setdefault(m.group(1), full)
    return found


def _full_name_before(before: str, short: str) -> str | None:
    words: list[str] = []
    for word in reversed(before.split()):
        if not _WORD.match(word) or len(words) == _LONGEST:
            break
        if not (word[0].isupper() or word.lower() in _INSIDE):
            break
        words.insert(0, word)
    while words and not (words[0][0].isupper() and words[0][0] == short[0]):
        words.pop(0)  # "According to the ...", "Kurdish-led Syrian Democratic Forces (SDF)"
    if len(words) < 2 or words[-1].lower() in _INSIDE or words[0].lower() in FIRST_NAMES:
        return None
    return " ".join(words) if _stands_for(short, words) else None


def _stands_for(short: str, words: list[str]) -> bool:
    """Whether ``short``'s capitals are capitals of ``words`` in order ("USGS": "US Geological
    Survey") and all its letters are theirs in order ("Phivolcs")."""
    capitals = iter(c for c in "".join(words) if c.isupper())
    if not all(c in capitals for c in short if c.isupper()):
        return False
    letters = iter("".join(words).lower())
    return all(c in letters for c in short.lower() if c.isalpha())


def one_speaker(speakers: list[str | None], short: Mapping[str, str]) -> list[str | None]:
    """``speakers`` with an organisation and its short name written as one: "Phivolcs" and
    "Philippine Institute of Volcanology and Seismology" both become "Philippine Institute of
    Volcanology and Seismology (Phivolcs)"; the longer name a speaker gives is kept ("Kurdish-led
    Syrian Democratic Forces (SDF)"), a shorter one is written in full ("Geological Survey" of "the
    US Geological Survey (USGS)")."""
    named = {s for s in speakers if s}
    both: dict[str, str] = {}
    for alias, full in short.items():
        longer = [s for s in named if s == full or s.endswith(" " + full)]
        # a name the reader wrote shorter: "Geological Survey" of "the US Geological Survey (USGS)"
        shorter = [s for s in named if " " in s and full.endswith(" " + s)]
        written = max(longer, key=len) if longer else full
        if alias in named or longer or shorter:
            both.update(dict.fromkeys([alias, full, *longer, *shorter], f"{written} ({alias})"))
    return [both.get(s, s) if s else None for s in speakers]
