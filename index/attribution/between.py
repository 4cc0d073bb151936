"""What may stand between a subject and its reporting verb: auxiliaries and adverbs ("has
since", "gingerly"), a party tag in brackets, a time ("on Tuesday", "at the time", "two weeks
ago") and where the words were said ("in a Medium post"); and the word before a subject."""

from __future__ import annotations

from index.attribution.quotes import Tok
from index.attribution.vocabulary import BETWEEN, DETERMINERS, LY_NOUNS, TIME_INTRO, TIME_NOUNS
from index.lexicon import MONTHS, NUMBER_WORDS, WEEKDAYS

# Words of a time before "ago": "less than two weeks ago", "a few days ago".
_AGO_WORDS = (
    TIME_NOUNS | NUMBER_WORDS | frozenset("less more than about nearly some a few several hours minutes".split())
)
# What someone speaks in, between them and the verb: "Jeb Bush in a Medium post said".
_CHANNEL_NOUNS = frozenset("statement interview post letter tweet speech op-ed memo email".split())


def is_adverb(word: str) -> bool:
    """An adverb of manner that may come between a subject and its verb: "Cruz gingerly said",
    "Rubio defiantly told"; not a noun such as "family"."""
    return len(word) >= 5 and word.endswith("ly") and word not in LY_NOUNS


def goes_between(t: Tok) -> bool:
    """A word that may stand between a subject and its verb: an auxiliary or adverb of ``BETWEEN``
    ("also", "has since") or an adverb of manner ("gingerly")."""
    return t.kind == "W" and (t.low in BETWEEN or is_adverb(t.low))


def skip_between(toks: list[Tok], j: int) -> int:
    """Step left over adverbs, auxiliaries and time phrases between a subject and its verb."""
    while j >= 0:
        t = toks[j]
        if t.text == ")":  # "Sen. Marco Rubio (R-Fla.) said"
            k = j - 1
            while k >= 0 and j - k < 10 and toks[k].text not in "()":
                k -= 1
            if k >= 0 and toks[k].text == "(":
                j = k - 1
                continue
        if goes_between(t) and t.text[0].islower():
            j -= 1
            continue
        if t.kind == "N" or (t.kind == "W" and (t.low in MONTHS or t.low in WEEKDAYS or t.low in TIME_NOUNS)):
            k = j
            while (
                k >= 0
                and j - k < 6
                and (
                    toks[k].kind == "N"
                    or toks[k].text == ","
                    or toks[k].low in MONTHS
                    or toks[k].low in WEEKDAYS
                    or toks[k].low in TIME_NOUNS
                )
            ):
                k -= 1
            if k >= 0 and toks[k].low in TIME_INTRO:
                j = k - 1
                continue
            if toks[j].low in WEEKDAYS:  # AP style: "Peskov Tuesday said"
                j -= 1
                continue
        if t.low == "time" and j > 1 and toks[j - 1].low == "the" and toks[j - 2].low == "at":
            j -= 3  # "Trump at the time said"
            continue
        if t.low == "ago":  # "The State Department less than two weeks ago said"
            k = j - 1
            while k >= 0 and j - k < 6 and (toks[k].kind == "N" or toks[k].low in _AGO_WORDS):
                k -= 1
            if k < j - 1:
                j = k
                continue
        if t.kind == "W" and t.text.islower() and (before_in := _in_doing(toks, j)) is not None:
            j = before_in  # "Richard Ferrand in relaying the news said"
            continue
        if t.kind == "W" and t.low in _CHANNEL_NOUNS:  # "Jeb Bush in a Medium post said"
            into = next((k for k in range(j - 1, max(-1, j - 5), -1) if toks[k].low == "in"), None)
            if into is not None and all(x.kind == "W" for x in toks[into + 1 : j]):
                j = into - 1
                continue
        break
    return j


def _in_doing(toks: list[Tok], j: int) -> int | None:
    """Where the subject ends before "in" and an -ing phrase of up to five words in lower case
    ending at ``j`` ("in relaying the news", "in responding to the question"); else None."""
    for k in range(j, max(-1, j - 6), -1):
        if toks[k].kind != "W" or not toks[k].text.islower():
            return None
        if k > 0 and toks[k - 1].low == "in" and toks[k].low.endswith("ing") and len(toks[k].low) > 5:
            return k - 2
    return None


def at_before(toks: list[Tok], a: int) -> int:
    """Where the token before a chain starting at ``a`` is, past its determiners ("of" in "of the
    UN"); -1 when nothing comes before it."""
    p = a - 1
    while p >= 0 and toks[p].low in DETERMINERS:
        p -= 1
    return p


def word_before(toks: list[Tok], a: int) -> Tok | None:
    """The word before a chain starting at ``a``, past its determiners ("of" in "of the UN"), or
    None when something else, or nothing, comes before it."""
    p = at_before(toks, a)
    return toks[p] if p >= 0 and toks[p].kind == "W" else None
