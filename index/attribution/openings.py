"""Who opens a sentence: the speaker of a verb that has no subject of its own, a participle
("Trump released a statement, saying ...") or a second verb ("Graham called ... and said").

The subject is the name or "he"/"she" opening the sentence, after an opening phrase and its comma
("In a brief interview, Ms. Conway rejected ... and said") and after the words describing a
candidate ("Democratic presidential nominee Hillary Clinton called ... and said").
"""

from __future__ import annotations

from index.attribution.names import chain_end
from index.attribution.quotes import Tok, is_cap, is_possessive
from index.attribution.subjects import Claim, subject_from_chain
from index.attribution.vocabulary import PRONOUNS, ROLE_LOWER, STOP


def sentence_subject(text: str, toks: list[Tok], v: int, verb: str) -> Claim | None:
    """The name or pronoun opening the sentence, as the speaker of a participle at ``v``; after
    an opening phrase and its comma ("In a brief interview, Ms. Conway rejected ... and said")."""
    if not toks or toks[0].kind == "Q" or v < 2:
        return None
    found = _opening_subject(text, toks, 0, v, verb)
    if found is None and toks[0].kind == "W" and toks[0].low in _OPENING_PHRASE_WORDS:
        comma = next((k for k in range(1, min(v, _OPENING_PHRASE_MAX)) if toks[k].text == ","), None)
        if comma is not None and comma + 1 < v:
            found = _opening_subject(text, toks, comma + 1, v, verb)
    return found


# Words that open a phrase before a sentence's subject: "In a statement, ...", "Last month, ...",
# "Asked about the email, ...", "When told ..., Bush thought ... and said".
_OPENING_PHRASE_WORDS = frozenset(
    "in on at during after before last earlier later asked when while since speaking with".split()
)
_OPENING_PHRASE_MAX = 14
# Words that describe a candidate before their name: "Democratic presidential nominee Hillary Clinton".
_CANDIDATES = frozenset(
    "presidential presumptive nominee candidate hopeful front-runner frontrunner rival".split()
)  # tokens up to the phrase's comma


def _opening_subject(text: str, toks: list[Tok], start: int, v: int, verb: str) -> Claim | None:
    first = toks[start]
    if first.kind == "W" and first.low in PRONOUNS and first.low in ("he", "she"):
        return Claim("pron", first.low, verb, start)
    if not is_cap(first) or first.low in STOP:  # "Like Corker, Menendez ..."
        return None
    b = chain_end(toks, start)
    k = b + 1
    while k < v and toks[k].kind == "W" and (toks[k].low in ROLE_LOWER or toks[k].low in _CANDIDATES):
        k += 1
    if k > b + 1 and k < v and is_cap(toks[k]):  # "Presumptive Democratic presidential nominee Hillary Clinton"
        b = chain_end(toks, k)
    if b + 1 < len(toks) and toks[b + 1].low in ("later", "earlier", "ago", "after", "before"):
        return None  # "Minutes later, the campaign issued a statement saying"
    if is_possessive(toks[b]):
        return None  # "Rubio's campaign tweeted ..., saying": the campaign, not Rubio
    if b >= v or (b + 1 < len(toks) and toks[b + 1].kind == "W" and toks[b + 1].text[0].isupper()):
        return None
    return subject_from_chain(text, toks, start, b, verb, v)
