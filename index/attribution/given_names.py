"""A given name no list holds, before a surname that is a place's name: "Denzel Washington said"."""

from __future__ import annotations

from index.attribution.names import is_name_token, people_or_place
from index.attribution.quotes import Tok, bare, is_possessive
from index.attribution.vocabulary import PLACES
from index.lexicon import is_title_word

# Words before a place's name that make another place of it: "New Britain", "Fort Washington".
_PLACE_PREFIXES = frozenset(
    "new north south east west northern southern eastern western central upper lower greater little great "
    "old port fort mount lake saint st san santa los las el la le".split()
)


def given_name_and_place(toks: list[Tok], a: int, j: int) -> str | None:
    """The speaker whose surname is a place's name after a given name no list holds, ending the
    chain ``a..j``: "Denzel Washington said", "Actor Denzel Washington, who ..., stated"."""
    if j > a and people_or_place(toks[j]) and _given_name(toks[j - 1]):
        return f"{toks[j - 1].text} {toks[j].text}"
    return None


def _given_name(t: Tok) -> bool:
    """Whether ``t``, before a place's name that says something, may be a given name no list
    holds ("Denzel Washington said"): a capitalised word of a name (``names.is_name_token``: no
    people, stop word or acronym), no title however written, no place, and none that makes
    another place of the one after it."""
    low = bare(t.low)
    return (
        t.kind == "W"
        and t.text[0].isupper()
        and not t.text.isupper()
        and is_name_token(t)
        and not is_title_word(t.text)
        and not is_possessive(t)
        and low not in _PLACE_PREFIXES
        and low not in PLACES
    )
