"""Which of an article's full names a lone surname may mean, beyond its last word: the first of
two surnames ("Ms. Acosta" is Melba Acosta Febo), and the two-word "names" that are only a
sentence's first word before a surname ("Had Sanders won", "Wasserman Schultz said"), which are
no one's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from index.attribution.claims import Parsed
from index.attribution.quotes import bare
from index.attribution.vocabulary import INSTITUTION_KINDS, ORG_HEADS, PARTICLES
from index.lexicon import FIRST_NAMES


def first_of_two_surnames(words: Sequence[str]) -> str | None:
    """The first surname of a name of a first name and two surnames, in lower case, by which news
    calls the person ("melba acosta febo": "acosta", Ms. Acosta); None for another name. The
    middle word is no initial, no first name and no particle."""
    if len(words) != 3 or bare(words[0]) not in FIRST_NAMES:
        return None
    middle = words[1]
    return middle if len(middle) > 2 and middle not in FIRST_NAMES and middle not in PARTICLES else None


def double_surnames(full: Mapping[str, int]) -> list[tuple[str, str]]:
    """The article's full names of a first name and two surnames, each with its first surname
    (``first_of_two_surnames``: "Melba Acosta Febo", "acosta"; "Ricardo Rosselló Nevares",
    "rosselló"), written capitalised."""
    found = []
    for name in full:
        words = name.split()
        middle = first_of_two_surnames([w.lower() for w in words])
        if middle is not None and words[1][0].isupper():
            found.append((name, middle))
    return found


def sentence_words_before_surnames(openers: set[str], full: dict[str, int], parsed: Sequence[Parsed]) -> list[str]:
    """The two-word "full names" that are a surname after something other than a first name:
    written only at the start of a sentence, with a surname another full name of the article
    shares, and first

    - the rest of a compound surname ("Wasserman Schultz said" beside "Debbie Wasserman
      Schultz"), or
    - a word of the sentence: one the article also writes in lower case ("Had Sanders won",
      "Given Sanders's ...", "See Sexton's ...") or an -ing form ("Asserting Clinton").

    Kept as full names, they would take every "Sanders said" of the article. Kept: a known
    first name ("Jane Sanders"), a surname no other full name shares ("Channing Tatum"), a
    name also written inside a sentence ("his brother Alastair Osman") and an unknown first
    name ("Vikram Amar" beside "Dean Amar")."""
    shared = Counter(name.split()[-1].lower() for name in full)
    candidates = []
    for name in openers:
        words = name.split()
        first = bare(words[0].lower())
        if len(words) == 2 and first not in FIRST_NAMES and shared[words[-1].lower()] > 1:
            candidates.append((name, first))
    if not candidates:  # most articles: no need to read their words
        return []
    longer = {" ".join(name.split()[-2:]) for name in full if len(name.split()) > 2}
    lowercase = {t.text for p in parsed for t in p.toks if t.kind == "W" and t.text.islower()}
    return [name for name, first in candidates if name in longer or first in lowercase or first.endswith("ing")]


def ends_of_longer_names(full: Mapping[str, int]) -> list[str]:
    """The article's two-word "full names" that are the end of a longer one and open with no
    first name: the rest of a compound surname ("Eskelsen García" of Lily Eskelsen García, "Ki
    Hong" of Justin Ki Hong), wherever they are written. Kept as full names, they would be
    speakers of their own, whom "What did Lily Eskelsen García say?" does not find. "Jane Sanders"
    beside "Bernie Sanders" and "Jeb Bush" beside "John Ellis Bush" are kept, and so is a place
    that ends an organisation's name ("Puerto Rico" of "Golf Club Puerto Rico")."""
    longer = {
        " ".join(words[-2:])
        for words in map(str.split, full)
        if len(words) > 2 and not any(bare(w.lower()) in INSTITUTION_KINDS | ORG_HEADS for w in words)
    }
    return [name for name in full if name in longer and bare(name.split()[0].lower()) not in FIRST_NAMES]
