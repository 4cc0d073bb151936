"""Whether a name set off by commas after a role is the role's holder, who speaks: "the director
of the institute, John Smith, said", "the head of IEDCR, Dr Meerjady Sabrina Flora, said".

After a capitalised word or an organisation's noun ("the Aurora, Colorado, shooting", "the
start-up, Paradata,") an appositive is a place or a company, so ``subjects.py`` reads it as a
speaker only after a role "of", "for" or "at" something, and only when it is a person's name in
full.
"""

from __future__ import annotations

from index.attribution.names import name_start
from index.attribution.quotes import Tok, bare
from index.attribution.vocabulary import ROLE_HEADS
from index.lexicon import FIRST_NAMES

_HELD_AT = frozenset({"of", "for", "at"})
_ROLE_REACH = 8  # tokens from the comma back to the role's "of": "the director of the state health department"


def after_a_role(toks: list[Tok], comma: int) -> bool:
    """Whether the phrase before the comma at ``comma`` is a role held at something: "the director
    of the institute", "a spokeswoman for the ministry", "the head of IEDCR"."""
    for i in range(comma - 1, max(0, comma - _ROLE_REACH) - 1, -1):
        t = toks[i]
        if t.kind == "W" and t.low in _HELD_AT:
            return i > 0 and bare(toks[i - 1].low) in ROLE_HEADS
        if t.kind not in ("W", "A"):
            return False
    return False


def named_in_full(toks: list[Tok], a: int, b: int) -> bool:
    """Whether the chain ``a..b`` is a person's name in full: two words or more, opening with a
    known first name or after a title ("John Smith", "Dr Meerjady Sabrina Flora")."""
    s = name_start(toks, a, b)
    return s is not None and b > s and (s > a or bare(toks[s].low) in FIRST_NAMES)
