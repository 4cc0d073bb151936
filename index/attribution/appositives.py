"""A person named beside what they hold or belong to, who speaks: the name set off after a role
("the director of the institute, John Smith, said", "the head of IEDCR, Dr Meerjady Sabrina
Flora, said") and the name before where they are from ("Nikki Holland of the UK's National Crime
Agency (NCA) said", "Mr. Morgan of the Sierra Club said").

After a capitalised word or an organisation's noun ("the Aurora, Colorado, shooting", "the
start-up, Paradata,") an appositive is a place or a company, so ``subjects.py`` reads it as a
speaker only after a role "of", "for" or "at" something, and only when it is a person's name in
full; so is the name before "of", "at" or "from" (a name, not "the son of John Smith").
"""

from __future__ import annotations

from index.attribution.names import chain_start, name_start
from index.attribution.quotes import Tok, bare, is_cap, is_possessive
from index.attribution.vocabulary import DETERMINERS, ROLE_HEADS
from index.lexicon import FIRST_NAMES, is_title_word

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
    """Whether the chain ``a..b`` is a person's name in full or after a title: two words or more
    opening with a known first name ("John Smith"), or after a title ("Dr Meerjady Sabrina
    Flora", "Mr. Morgan")."""
    s = name_start(toks, a, b)
    titled = s is not None and s > a and is_title_word(toks[s - 1].text)
    return s is not None and (titled or (b > s and bare(toks[s].low) in FIRST_NAMES))


_FROM = frozenset({"of", "at", "from"})
# Words a clause whose subject is the name may open with: "as Archbishop Aris Shirvanian of ... told".
_CLAUSE_OPENERS = frozenset("and but as while when so yet".split())
_FROM_REACH = 12  # tokens from the verb back to "of": "of the UK's National Crime Agency (NCA)"


def affiliated(toks: list[Tok], v: int) -> tuple[int, int] | None:
    """The chain (start, end) of the person whose place or organisation ends right before the verb
    at ``v`` ("José Ortiz of the island's power authority said", "Dr. Steven Wolf at Saint
    Francis said"): a name in full, or a titled surname, before "of", "at" or "from", with
    nothing but words between (no comma, quote or number), the name opening its clause ("Supporters
    of Bernie Sanders from Ohio said" are not Sanders)."""
    for i in range(v - 1, max(0, v - _FROM_REACH), -1):
        t = toks[i]
        if t.kind not in ("W", "A") and t.text not in "()":
            return None
        if t.kind != "W" or t.low not in _FROM or not is_cap(toks[i - 1]) or is_possessive(toks[i - 1]):
            continue
        a, b = chain_start(toks, i - 1), i - 1
        if not named_in_full(toks, a, b):
            continue  # "of the University" of "John Smith of the University of Chicago said"
        before = (name_start(toks, a, b) or a) - 1
        while before >= 0 and (is_cap(toks[before]) or toks[before].low in DETERMINERS):
            before -= 1  # a title: "Cardinal Marc Ouellet of the Holy See said"
        opens = before < 0 or toks[before].kind != "W" or toks[before].low in _CLAUSE_OPENERS
        return (a, b) if opens else None  # not "accused President Bill Clinton of rape said"
    return None
