"""Names that end in "'s": "McDonald's said", "Sainsbury's says", "a spokesman for Wendy's
told". A capitalised word with "'s" right before a verb of saying that cannot be a noun is no
possessive ("Peskov's comments" is one: "comments" is the noun), so it is the speaker's whole
name (subjects.py reads it; resolution.py keeps the "'s", or reads "Trump's said" as Trump's
words when the article names a Trump)."""

from __future__ import annotations

from index.attribution.names import chain_start
from index.attribution.quotes import Tok, bare, span_text
from index.attribution.vocabulary import DETERMINERS, OPENERS, STOP
from index.lexicon import MONTHS, WEEKDAYS

# Verb forms that never follow a possessive as a noun or an adjective would: not "comments",
# "claims", "reported" ("Clinton's reported remarks") nor "announced" ("Trump's announced visit").
SAID_FORMS = frozenset("said says told tells added adds warned warns insisted insists explained explains".split())
# Longest name read before the "'s" word: "Trader Joe's", not "On Tuesday McDonald's".
_MOST_WORDS = 2
_NOT_IN_A_NAME = DETERMINERS | OPENERS | STOP | MONTHS | WEEKDAYS


# "He's said", "she's told": "has", the pronoun the subject (PRONOUNS' "he" and "she").
_HAS_SAID = frozenset("said told added warned insisted explained".split())
_PRONOUNS_WITH_S = {"he's": "he", "he’s": "he", "she's": "she", "she’s": "she"}


def pronoun_with_s(toks: list[Tok], j: int, v: int) -> str | None:
    """The pronoun of "he's said" / "She's told" (``j`` the pronoun, ``v`` the verb), else None."""
    return _PRONOUNS_WITH_S.get(toks[j].low) if toks[v].low in _HAS_SAID else None


def name_with_s(text: str, toks: list[Tok], j: int, v: int) -> str | None:
    """The name ending in "'s" at token ``j``, subject of the verb at ``v``; None when the verb
    may be a noun after a possessive, or the word does not end in "'s" ("the Joneses'")."""
    if toks[v].low not in SAID_FORMS or not toks[j].low.endswith(("'s", "’s")) or bare(toks[j].low) in STOP:
        return None
    a = chain_start(toks, j)
    while a < j and bare(toks[a].low) in _NOT_IN_A_NAME:
        a += 1
    if j - a + 1 > _MOST_WORDS:
        a = j
    return span_text(text, toks, a, j)
