"""A nickname in quotes inside a name: 'John “Tig” Tiegen', 'Juan "Chico" Manriquez'.

The quotes would make the nickname a quotation of its own (a masked ``Q`` token), which cut
the name in two: "John" one mention and "Tiegen" another, so "Tiegen said" found no first name,
and "he" no man. ``without_nicknames`` leaves such a token out of a sentence's tokens: one
capitalised word in quotes after a known first name and before a capitalised word. The name
read across it is written without it (``drop_nicknames``): "John Tiegen".
"""

from __future__ import annotations

import re

from index.attribution.quotes import Tok, is_cap
from index.lexicon import FIRST_NAMES

_NICKNAME = re.compile(r"^(?:''|[\"“‘'])[A-Z][\w.'’-]*(?:''|[\"”’'])$")
_IN_A_NAME = re.compile(r"\s+(?:''|[\"“‘'])[A-Z][\w.'’-]*(?:''|[\"”’'])(?=\s)")


def is_nickname(toks: list[Tok], k: int) -> bool:
    """Whether token ``k`` is a nickname in quotes between a first name and a capitalised word."""
    t = toks[k]
    return (
        t.kind == "Q"
        and 0 < k < len(toks) - 1
        and _NICKNAME.match(t.text) is not None
        and toks[k - 1].kind == "W"
        and toks[k - 1].low in FIRST_NAMES
        and is_cap(toks[k + 1])
    )


def without_nicknames(toks: list[Tok]) -> list[Tok]:
    """``toks`` less the nicknames in quotes inside names (``is_nickname``)."""
    if not any(t.kind == "Q" for t in toks):
        return toks
    return [t for k, t in enumerate(toks) if not is_nickname(toks, k)]


def drop_nicknames(name: str) -> str:
    """``name`` as written without a nickname in quotes: 'John “Tig” Tiegen' -> "John Tiegen"."""
    return _IN_A_NAME.sub("", name) if " " in name else name
