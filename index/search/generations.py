"""A father and his son in a speech question: "What did Donald Trump say?" is not his son's
words, and a sentence that mentions "Donald Trump Jr." writes his surname and generation together
(index/attribution/suffixes.py reads the generation into the speaker's name)."""

from __future__ import annotations

import re

from index.attribution.suffixes import generation, surname_at
from index.search.name_words import name_words


def not_the_son(found: list[str], name: str) -> list[str]:
    """``found`` less the speakers that are the son of one of them whose name ``name`` gives in
    full: "What did Donald Trump say?" is not Donald Trump Jr.'s words, but "What did Trump
    say?" is both men's, and "What did Joseph R. Biden say?" is "Joseph R. Biden Jr." when no
    one is quoted as "Joseph R. Biden"."""
    if len(name_words(name)) < 2:
        return found
    fathers = {tuple(name_words(s)) for s in found}
    return [
        s for s in found if not (len(words := name_words(s)) > 2 and generation(words) and tuple(words[:-1]) in fathers)
    ]


def written_with_generation(name: str) -> re.Pattern[str] | None:
    """For a name with a generation ("Donald Trump Jr."), its surname and generation as a sentence
    that mentions that man writes them, together ("Trump Jr.", "Trump, Jr."); None for another
    name. "Biden Jr. said Donald J. Trump's ..." holds each word of his name, but not him."""
    words = name.split()
    if not generation(words):
        return None
    surname, told = words[surname_at(words)].strip(",."), words[-1].rstrip(".")
    return re.compile(rf"\b{re.escape(surname)},?\s+{re.escape(told)}\b", re.IGNORECASE)
