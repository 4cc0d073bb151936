"""Who an article gives a role, for scoring role sources in PolNeAR (index/attribution/polnear.py).

PolNeAR annotates the source as written: "the vice president said ..." has the source "the
vice president", and often no name in its automatic coreference label. To check a speaker
against such a source, the scorer asks the article itself whom it calls by that role:

* ``role_words(source)`` reads a source as a role description of one person: a definite or bare
  noun phrase ("the vice president", "the Kremlin spokesman", "the Republican nominee",
  "the former secretary of state") cut at a comma or relative word, determiners and "of"
  dropped; ``None`` for names, pronouns, groups and plurals ("officials", "some Democrats",
  "the candidates"), indefinite phrases ("a spokesman": not one known person) and phrases
  with no noun-like head ("said").
* ``role_holders(tokens, role)`` returns the names (lower case, titles dropped) of the people the
  article ties to the role: the role's words in order, its head last, with at most
  ``ROLE_SLACK`` other words among them ("Republican presidential nominee" for "the Republican
  nominee"), and right after the head a capitalised name, optionally after one comma ("Vice
  President Joe Biden", "Kremlin spokesman Dmitry Peskov", "the Republican nominee, Donald
  Trump"), or right before the role a name and a comma ("Biden, the vice president").
  A role preceded by a word that makes it another role ("Vice President" is not "the
  president", "former Gov." is not "the governor") ties nobody, and nor does a name after a
  preposition or a possessive ("In Iowa, the senator"; "Trump’s spokesman": Trump is not the
  spokesman).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from index.attribution.vocabulary import GENERIC, PLACES, PREPOSITIONS, STOP
from index.lexicon import MONTHS, TITLE_WORDS, WEEKDAYS, word_set

ROLE_SLACK = 2  # words allowed among a role's words beyond its own ("Republican presidential nominee")
_TOKEN_RE = re.compile(r"[^\W_]+(?:['’\-.][^\W_]+)*\.?|[^\w\s]")
_DROP = word_set("the of his her its their")  # "his spokesman": whose is the article's to say
_NOT_A_ROLE = word_set("""
a an some many several most few both all any another one two three each every other others no
i me we us he him she they them it you who which that this these those said says according
people
""")
_CUT = word_set("who which that whose whom , ( — – -") | (PREPOSITIONS - {"of"})
# Words before a role that make it a different role: a vice president is not the president.
_OTHER_ROLE = word_set("vice deputy former assistant acting associate lieutenant under ex")
# Words a role needs wherever it is written: they tell two holders apart.
_DISTINGUISHING = _OTHER_ROLE | word_set("republican democratic democrat gop independent")
_ABBREVIATIONS = {
    "sen": "senator",
    "gov": "governor",
    "rep": "representative",
    "gen": "general",
    "sec": "secretary",
    "amb": "ambassador",
    "pres": "president",
}
_NOT_NAMES = WEEKDAYS | MONTHS | STOP
_BEFORE_NO_NAME = PREPOSITIONS | word_set("during throughout after before since as outside inside")


@dataclass(frozen=True)
class Role:
    """A role as a source writes it: its words (head last) and those an article must repeat."""

    words: tuple[str, ...]
    required: tuple[str, ...]  # the head, capitalised words ("Kremlin") and distinguishing ones


def _norm(token: str) -> str:
    low = token.lower().rstrip(".")
    if low.endswith(("’s", "'s")):
        low = low[:-2]
    return _ABBREVIATIONS.get(low, low)


def role_words(source: str) -> Role | None:
    """``source`` as a role description of one person, or None if it is none (see the docstring).

    A plain lower-case modifier may be missing where the article ties the role ("the mega
    donor": "Top Republican Party donor Sheldon Adelson"); the head, capitalised words and
    words that tell roles apart ("vice", "former", "Republican") may not.
    """
    kept: list[str] = []
    for t in _TOKEN_RE.findall(source):
        if t.lower() in _CUT:
            break
        kept.append(t)
    if not kept or kept[0].lower() in _NOT_A_ROLE or kept[0].lower() in GENERIC:
        return None
    if kept[-1][:1].isupper() or kept[-1].endswith(("’s", "'s")):
        return None  # a name ("Mr. Trump", "Secretary Kerry") or a possessor, not a role
    written = [t for t in kept if t.lower() not in _DROP and t[:1].isalpha()]
    words = tuple(_norm(t) for t in written)
    if not words or len(words) > 5:
        return None
    head = words[-1]
    if head in _NOT_A_ROLE or head in GENERIC or (head.endswith("s") and not head.endswith(("ss", "us"))):
        return None
    if any(t.lower() == "of" for t in kept):  # "secretary of state": every word is the title
        return Role(words, words)
    required = tuple(
        w for t, w in zip(written[:-1], words[:-1], strict=True) if t[:1].isupper() or w in _DISTINGUISHING
    )
    return Role(words, (*required, head))


def tokenize(text: str) -> list[str]:
    """Words (as written, abbreviations with their dot) and punctuation marks of ``text``."""
    return _TOKEN_RE.findall(text)


def _role_start(tokens: Sequence[str], head: int, role: Role) -> int | None:
    """Where the role ending at ``tokens[head]`` starts, if its required words are there in order."""
    want = list(role.words[:-1])
    needed = set(role.required[:-1])
    k = head - 1
    slack = ROLE_SLACK
    start = head
    while want and k >= 0 and tokens[k][:1].isalnum():
        word = _norm(tokens[k])
        while want and word != want[-1] and want[-1] not in needed:
            want.pop()  # an optional word the article leaves out
        if want and word == want[-1]:
            want.pop()
            start = k
        elif slack:
            slack -= 1
        else:
            break
        k -= 1
    if any(w in needed for w in want):
        return None
    before = _norm(tokens[start - 1]) if start else ""
    return None if before in _OTHER_ROLE and before not in role.words else start


def _capitalised(token: str) -> bool:
    return token[:1].isupper() and _norm(token) not in _NOT_NAMES


def _name_after(tokens: Sequence[str], k: int, start: int) -> str | None:
    comma = k < len(tokens) and tokens[k] == ","
    if comma:
        # "the Republican nominee, Donald Trump, said", not "During the campaign, Clinton said"
        before = start - 1 - (start > 0 and _norm(tokens[start - 1]) == "the")
        if before >= 0 and _norm(tokens[before]) in _BEFORE_NO_NAME:
            return None
        k += 1
    run: list[str] = []
    while k < len(tokens) and (_capitalised(tokens[k]) or (run and len(tokens[k]) == 2 and tokens[k][1] == ".")):
        run.append(tokens[k])
        k += 1
    if comma and k < len(tokens) and tokens[k] not in {",", ".", ")", ";", "—", "–"}:
        return None  # an appositive name is closed by punctuation; "the nominee, Trump said" is no tie
    return _person(run)


def _name_before(tokens: Sequence[str], start: int) -> str | None:
    k = start - 1
    if k >= 0 and _norm(tokens[k]) == "the":
        k -= 1
    if k < 0 or tokens[k] != ",":
        return None
    k -= 1
    run: list[str] = []
    while k >= 0 and _capitalised(tokens[k]):
        run.insert(0, tokens[k])
        k -= 1
    if k >= 0 and _norm(tokens[k]) in _BEFORE_NO_NAME:
        return None  # "In Des Moines, the senator said"
    return _person(run)


def _person(run: Sequence[str]) -> str | None:
    """The name a run of capitalised words writes, lower-case and without titles, if a person's."""
    if not run or run[-1].endswith(("’s", "'s")) or " ".join(_norm(t) for t in run) in PLACES:
        return None
    name = [_norm(t) for t in run if _norm(t) not in TITLE_WORDS]
    return " ".join(name) if name and name[-1] not in PLACES else None


def same_person(speaker: str, holder: str) -> bool:
    """Whether a speaker ("Bill Clinton") is a holder ("clinton", "bill clinton", not "hillary
    clinton"): the same surname, and the same first name where both are written."""
    mine, theirs = [_norm(w) for w in speaker.split()], holder.split()
    if not mine or mine[-1] != theirs[-1]:
        return False
    return len(mine) < 2 or len(theirs) < 2 or mine[0] == theirs[0]


def role_holders(tokens: Sequence[str], role: Role) -> frozenset[str]:
    """The people (lower-case names, titles dropped) the article's ``tokenize``d text ties to ``role``."""
    holders: set[str] = set()
    head = role.words[-1]
    for i, token in enumerate(tokens):
        if _norm(token) != head or token.endswith(("’s", "'s")):
            continue
        start = _role_start(tokens, i, role)
        if start is None:
            continue
        for name in (_name_after(tokens, i + 1, start), _name_before(tokens, start)):
            if name:
                holders.add(name)
    return frozenset(holders)
