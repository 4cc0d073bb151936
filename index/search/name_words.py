"""The words a speaker's name is compared by, and the initials it goes by ("IMF" of the
International Monetary Fund, "NHC" of "National Hurricane Center (NHC)")."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from index.attribution.suffixes import GENERATIONS
from index.lexicon import FIRST_NAMES
from index.word_forms import BRITISH_SPELLINGS

_POSSESSIVE_END = re.compile(r"'s$")
_NOT_WORD = re.compile(r"[^\w]+")


def name_words(text: str) -> list[str]:
    """The words a name is compared by: casefolded, accents, possessives and "the" dropped, and a
    British spelling written the American way ("World Health Organisation" is the "World Health
    Organization" of another article: index/word_forms.py)."""
    if not text.isascii():  # ASCII text is its own NFKD form with no combining marks
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = _POSSESSIVE_END.sub("", text.casefold().replace("’", "'").replace("'s ", " "))
    return [BRITISH_SPELLINGS.get(w, w) for w in _NOT_WORD.split(text) if w and w != "the"]


def of_one_generation(words: frozenset[str], fuller: frozenset[str]) -> bool:
    """Whether a name of ``words`` may be the one of ``fuller`` words as far as a generation goes
    (both as ``name_words`` gives them): "Donald Trump" is not "Donald Trump Jr.", his son, who
    has every other word of his name; "Joe Biden" and "Trump" may be "Joseph R. Biden Jr." and
    "Donald Trump Jr."."""
    told = fuller & GENERATIONS
    return not told or bool(words & told) or not (fuller - told) <= words


# Words an institution's initials leave out: "International Monetary Fund" is "IMF", "Bureau of
# Labor Statistics" "BLS".
_NOT_IN_INITIALS = frozenset("of for and on in at to de".split())


def acronym(words: Sequence[str]) -> str | None:
    """The initials an institution's name (as ``name_words`` gives it) goes by: "imf" for
    "international monetary fund", "un" for "united nations"; None for a name of one word, of
    more than six initials, or a person's (it opens with a first name: "Donald Trump" is no
    "DT")."""
    kept = [w for w in words if w not in _NOT_IN_INITIALS]
    if not 2 <= len(kept) <= 6 or words[0] in FIRST_NAMES or any(not w[0].isalpha() for w in kept):
        return None
    return "".join(w[0] for w in kept)


# A speaker written with the short name its article gives it in brackets ("National Hurricane
# Center (NHC)": index/attribution/aliases.py).
_SHORT_NAME = re.compile(r"\s*\(([^()]+)\)$")


def split_short_name(speaker: str) -> tuple[str, str | None]:
    """``speaker`` without its short name in brackets, and that short name ("National Hurricane
    Center (NHC)": "National Hurricane Center", "NHC"); a speaker with none, and None."""
    found = _SHORT_NAME.search(speaker)
    return (speaker[: found.start()], found.group(1)) if found else (speaker, None)


def initials_of(speaker: str) -> frozenset[str]:
    """The initials a speaker goes by: those of its name (``acronym``) and the short name its
    article gives it ("nhc", of "National Hurricane Center (NHC)"), as ``name_words`` writes them."""
    name, short = split_short_name(speaker)
    letters = acronym(name_words(name))
    return frozenset(([letters] if letters else []) + (name_words(short) if short else []))
