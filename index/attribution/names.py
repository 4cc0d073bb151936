"""Mentions of people in one sentence: capitalised chains, the name at their end, titles.

"U.S. Deputy Secretary of State Wendy Sherman" is the name "Wendy Sherman" with the title
"U.S. Deputy Secretary of State"; places, months, demonyms, organisations and generic groups
are never names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.attribution.epithets import AMBIGUOUS_NATIONALS, NATIONALS, national_at
from index.attribution.nicknames import drop_nicknames
from index.attribution.quotes import Tok, article_name, bare, is_cap, is_possessive, span_text
from index.attribution.suffixes import generation_after, without_suffix
from index.attribution.titles import title_after, title_before
from index.attribution.vocabulary import (
    CONNECTORS,
    DEMONYMS,
    DETERMINERS,
    FEMALE_TITLES,
    GENERIC,
    INSTITUTION_KINDS,
    KNOWN_ORG_NAMES,
    KNOWN_ORGS,
    MALE_TITLES,
    ORG_HEADS,
    PARTICLES,
    PLACES,
    PREPOSITIONS,
    ROLE_HEADS,
    SENT_TO_TITLES,
    STOP,
    TITLE_ABBREVIATIONS,
)
from index.lexicon import FIRST_NAMES, MONTHS, TITLE_WORDS, WEEKDAYS, is_title_word

# A party and a state written after a lawmaker's name: "R-Texas", "D-Md.", "I-Vt.".
_PARTY_TAG = re.compile(r"^[rdi]-[a-z.]+$")
# Hyphenated words that describe a person rather than name them.
_DESCRIBING_ENDINGS = ("-born", "-based", "-area", "-era", "-bred", "-raised", "-educated", "-trained", "-old")


def is_party_tag(t: Tok) -> bool:
    """Whether ``t`` is a party and a state written after a lawmaker's name ("R-Texas", "D-Md")."""
    return t.kind == "W" and _PARTY_TAG.match(t.low) is not None


def is_name_token(t: Tok) -> bool:
    """Could this token be part of a person's name (not a title, place, month, org...)?"""
    if t.kind == "A":
        return len(t.text) == 2  # an initial like "J."
    if t.kind != "W" or not (t.text[0].isupper() or article_name(t)):
        return False
    if len(t.text) > 1 and t.text.isupper():
        return False  # an acronym: NATO, OSCE
    low = bare(t.low)
    if low.endswith(_DESCRIBING_ENDINGS):
        return False  # "Texas-based Matt Mackowiak", "Korean-born Monte Haines", "Fourteen-year-old Zoe"
    if low.startswith("co-") and t.text[3:4].islower():
        return False  # a shared role: "Co-anchor Norah O'Donnell", "Co-author Jing-Shan Zhao"
    if _PARTY_TAG.match(low):
        return False  # "Sen. Ted Cruz, R-Texas, ...": a party and a state (``is_party_tag``)
    if (
        low in TITLE_WORDS
        or _titles(low)
        or low in STOP
        or low in MONTHS
        or low in WEEKDAYS
        or low in DEMONYMS
        or low in GENERIC
        or low in ORG_HEADS
        or low in KNOWN_ORGS
        or (low in NATIONALS and low not in AMBIGUOUS_NATIONALS)  # "Spaniard Rafael Nadal"
    ):
        return False
    return not (low in PLACES and low not in FIRST_NAMES)


def _titles(low: str) -> bool:
    """Whether ``low`` is a post's title in the plural, before several names ("Senators Mitch
    McConnell, ... and Marco Rubio", "Sens. Ted Cruz and Marco Rubio"), so no part of a name."""
    return low[-1:] == "s" and (low[:-1] in ROLE_HEADS or f"{low[:-1]}." in TITLE_WORDS)


@dataclass(frozen=True)
class Mention:
    name: str  # as written, possessive removed
    words: int
    index: int  # token index of the name's last word
    title: str  # the title written before it, "" if none
    gender: str | None  # from the title only
    # Could "he"/"she" refer to it? A lone unknown word after "in"/"his"/"the" ("in Orlando",
    # "his Twitter password") or with an apostrophe ("We've") is more likely not a person.
    person: bool = True
    # The name opens the sentence (after quotes or punctuation at most): "Lately, he ..." makes
    # a capitalised word that is no name, so a lone word seen only there is not trusted.
    initial: bool = False


def first_name_al(words: list[str]) -> bool:
    """Whether a name of ``words`` opens with the man's first name "Al" ("Al Gore", "Al
    Sharpton"), not an organisation's Arabic article ("Al Jazeera", "Al Qaeda")."""
    return len(words) >= 2 and words[0] == "Al" and " ".join(words).lower() not in KNOWN_ORG_NAMES


def connects(toks: list[Tok], k: int) -> bool:
    """Whether the word at ``k`` joins two capitalised parts of one name: "Secretary of State",
    "Center for Responsive Politics", and "on" after an organisation's noun ("the Commission on
    Presidential Debates"; not "the Senate on Tuesday")."""
    t = toks[k]
    if t.kind != "W":
        return False
    if t.low in CONNECTORS:
        return True
    return (
        t.low == "on"
        and 0 < k < len(toks) - 1
        and bare(toks[k - 1].low) in ORG_HEADS
        and toks[k + 1].low not in WEEKDAYS
        and toks[k + 1].low not in MONTHS
    )


def chain_start(toks: list[Tok], j: int) -> int:
    """Index of the first token of the capitalised chain ending at ``j`` ("U.S. Ambassador to NATO")."""
    i = j
    while i > 0:
        p = toks[i - 1]
        if is_cap(p):
            i -= 1
        elif p.kind == "W" and (connects(toks, i - 1) or p.low in PARTICLES) and i >= 2 and is_cap(toks[i - 2]):
            i -= 2
        else:
            break
    return i


def _two_particles(toks: list[Tok], j: int) -> bool:
    """Whether two particles and a capitalised word follow token ``j`` ("von der Leyen")."""
    if j + 3 >= len(toks) or is_possessive(toks[j]):
        return False
    return all(t.kind == "W" and t.low in PARTICLES for t in toks[j + 1 : j + 3]) and is_cap(toks[j + 3])


def chain_end(toks: list[Tok], i: int) -> int:
    j = i
    n = len(toks)
    while j + 1 < n:
        nx = toks[j + 1]
        if is_cap(nx) and not is_possessive(toks[j]):
            j += 1
        elif (
            nx.kind == "W"
            and (connects(toks, j + 1) or nx.low in PARTICLES)
            and j + 2 < n
            and is_cap(toks[j + 2])
            and not is_possessive(toks[j])
            and not (nx.low == "of" and _person_of_place(toks, j))
            and not (nx.low == "for" and _person_for(toks, j))
        ):  # "Sen. Tom Carper of Delaware" is Tom Carper; "Secretary of State" stays whole
            j += 2
        elif _two_particles(toks, j):  # "Ursula von der Leyen", "Roberto de la Cruz"
            j += 3
        else:
            break
    return j


def _person_of_place(toks: list[Tok], j: int) -> bool:
    """Whether "of" after token ``j`` ends a person's name: "Tom Carper of Delaware", "Jason
    Gilbert of Cheyenne" (a place the word lists do not know, after a name of two words)."""
    if not is_name_word(toks, j):
        return False
    return bare(toks[j + 2].low) in PLACES or (j > 0 and is_name_token(toks[j - 1]))


def _person_for(toks: list[Tok], j: int) -> bool:
    """Whether "for" after token ``j`` ends a person's name, a first name and a surname: "Cameron
    Easley for Morning Consult"; not "The Conservative Case for Trump", "Americans for Prosperity"."""
    return j > 0 and is_name_word(toks, j) and bare(toks[j - 1].low) in FIRST_NAMES


def name_start(toks: list[Tok], a: int, b: int) -> int | None:
    """Start of the person's name at the end of chain ``a..b``, or None if the chain has none."""
    k = b
    words = 0
    while k >= a and words < 4:
        t = toks[k]
        if (k < b and is_possessive(t)) or national_at(toks, k):  # "Scot Andy Murray", "the Scot"
            break
        if (
            is_name_token(t)
            or (k == b and (_surname_like_title(toks, k) or _surname_like_place(toks, k)))
            or (k < b and words and _month_as_first_name(toks, k))
        ):
            words += 1
            k -= 1
        elif t.kind == "W" and t.low in PARTICLES and k > a and words:
            k -= 1
        else:
            break
    if not words:
        return None
    s = k + 1
    while s <= b and toks[s].kind == "W" and toks[s].low in PARTICLES and not (s < b and toks[s].text == "Al"):
        s += 1  # "Le Pen" is Pen of Marine Le Pen; "Al Gore", "the Rev. Al Sharpton" keep their first name
    if s < b and _opening_word(toks, s, b):
        s += 1  # "Interestingly Blocher said", "Said Dorothy Poynter": the sentence's word, not a name
    if s + 1 < b and toks[s].low == "marine" and bare(toks[s + 1].low) in FIRST_NAMES:
        s += 1  # "Marine John Tiegen" served in the Marines; "Marine Le Pen" is her name
    of = s - 2 if s >= 3 and toks[s - 1].low == "the" else s - 1  # "President of the United States Donald Trump"
    held = of >= 1 and (toks[of].low == "of" or (toks[of].low == "to" and bare(toks[of - 1].low) in SENT_TO_TITLES))
    if held and is_title_word(toks[of - 1].text):  # "Ambassador to the United Nations Nikki Haley" too
        if s == b:
            return None  # "the Archbishop of Canterbury", "the Duke of Edinburgh": a title's place, no one's name
        if s + 1 < b and bare(toks[s].low) not in FIRST_NAMES:
            # "Minister of Tourism Najib Balala": the title's domain, then the name, from its first
            # name when it has a known one ("Chief Executive of Hong Kong Carrie Lam")
            known = [k for k in range(s + 1, b) if bare(toks[k].low) in FIRST_NAMES]
            s = known[0] if known else s + 1
    return s if s <= b else None  # "said Del." is a particle, not a name


# Months that are first names too ("April Ryan", "June Carter Cash", "Jan Brewer"), and the words
# that make them a time instead ("in April Ryan said", "since June", "last August", "a June Trump
# rally", "his April Fox interview").
_MONTH_FIRST_NAMES = frozenset({"april", "june", "august", "jan"})
_BEFORE_A_TIME = frozenset(
    "in on since until till by from through to of last next early late mid this that each every "
    "before after during between and or a an the his her its their our my your".split()
)


def _month_as_first_name(toks: list[Tok], k: int) -> bool:
    """Whether the month at token ``k``, before a name's next word, is that person's first name:
    written in full or as "Jan" with no full stop, and not after a word that makes it a time."""
    t = toks[k]
    if t.kind != "W" or t.low not in _MONTH_FIRST_NAMES or not t.text[0].isupper():
        return False
    before = toks[k - 1] if k else None
    return before is None or (before.kind != "N" and before.low not in _BEFORE_A_TIME)


# Titles written only before a surname: "Mr. King", "Ms. Prince", "Dr. Bishop".
# With or without a full stop, as British papers write them: "Mr King".
_COURTESY_TITLES = frozenset({"mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr"})


def _before_a_surname(p: Tok) -> bool:
    """Whether ``p`` is written only before a surname: an initial or a courtesy title ("Peter T.
    King", "Mr. King", "Mr Israel")."""
    return (p.kind == "A" and len(p.text) == 2) or p.low in _COURTESY_TITLES


def _surname_like_title(toks: list[Tok], k: int) -> bool:
    """Whether the title of a person at token ``k`` ends a name as its surname: after an initial
    or a first name ("Peter T. King", "Angus King" after "Sen."), not before a name ("King
    Abdullah"), nor a word of an organisation's name ("Associated Press", "Islamic State")."""
    t = toks[k]
    low = bare(t.low)
    if k == 0 or t.kind != "W" or not t.text[0].isupper() or low not in TITLE_WORDS:
        return False
    if low not in ROLE_HEADS and low not in MALE_TITLES and low not in FEMALE_TITLES:
        return False
    p = toks[k - 1]
    if _before_a_surname(p):  # "Peter T. King", "Mr. King"
        return True
    if not is_name_token(p):
        return False
    titled = k >= 2 and TITLE_ABBREVIATIONS.get(bare(toks[k - 2].low), bare(toks[k - 2].low)) in ROLE_HEADS
    return bare(p.low) in FIRST_NAMES or titled


def _surname_like_place(toks: list[Tok], k: int) -> bool:
    """Whether a people's or a place's name at token ``k`` is a surname: after a first name, an
    initial or Mr./Ms. ("Mark Cuban", "Rep. Steve Israel", "Mr. Israel"), not after a first
    name that opens the sentence as a word of its own ("Will Britain leave?"). An organisation's
    word written as a name ends one after any name's word ("Michael Bloomberg", "Kim Jong Un")."""
    t = toks[k]
    if k == 0 or not t.text[0].isupper():
        return False
    p = toks[k - 1]
    if t.kind == "W" and not t.text.isupper() and bare(t.low) in KNOWN_ORGS:
        return is_name_token(p) and not is_possessive(p)
    if not people_or_place(t):
        return False
    if p.kind == "A" or p.low in _COURTESY_TITLES:
        return _before_a_surname(p)
    first = bare(p.low)
    if p.kind != "W" or not p.text[0].isupper() or first not in FIRST_NAMES or first in PLACES:
        return False
    return not (k == 1 and first in _WORDS_OF_THEIR_OWN)


def people_or_place(t: Tok) -> bool:
    """A people's, a place's or a month's name, which may be a surname standing alone ("Cuban",
    "Israel", "May" of "Theresa May")."""
    low = bare(t.low)
    return t.kind == "W" and not t.text.isupper() and (low in DEMONYMS or low in PLACES or low in MONTHS)


# First names that open a sentence as words of their own: "Will Britain leave?", "May Israel prosper".
_WORDS_OF_THEIR_OWN = frozenset({"will", "may", "can"})


def is_name_word(toks: list[Tok], k: int) -> bool:
    """Whether token ``k`` may be a word of a person's name where it stands: ``is_name_token``,
    or a title word that ends a name as its surname ("Peter T. King")."""
    return is_name_token(toks[k]) or _surname_like_title(toks, k) or _surname_like_place(toks, k)


def name_text(text: str, toks: list[Tok], s: int, b: int) -> str | None:
    """The name of tokens ``s..b`` as written, less nicknames and a possessive's mark, with the
    generation after its surname ("Donald Trump Jr."); None for a place or a generic word."""
    name = drop_nicknames(span_text(text, toks, s, b))
    if is_possessive(toks[b]):
        name = name[:-2] if name.endswith(("’s", "'s")) else name[:-1]
    elif suffix := generation_after(toks, b):
        name = f"{name} {suffix}"
    low = name.lower()
    if (low in PLACES or low in GENERIC) and not (s == b and _surname_like_place(toks, b)):
        return None  # "Israel", but "Mr. Israel"
    return name


# Words before a place: the role after it is not the place's ("At a press conference in Chelsea,
# the mayor also said": Chelsea is no mayor).
_WHERE = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout"})


def find_mentions(text: str, toks: list[Tok]) -> list[Mention]:
    found = []
    i, n = 0, len(toks)
    while i < n:
        if not is_cap(toks[i]):
            i += 1
            continue
        b = without_suffix(toks, i, chain_end(toks, i))
        s = name_start(toks, i, b)
        if s is not None:
            name = name_text(text, toks, s, b)
            if name:
                title, gender = title_before(text, toks, s)
                if not title and not (s > 0 and toks[s - 1].low in _WHERE):  # "in Chelsea, the mayor said"
                    title = title_after(text, toks, b)
                institution = _an_institution(name)
                if institution:  # "King Solomon Missionary Baptist Church": no King's
                    title, gender = "", None
                if gender is None and b + 1 < len(toks) and toks[b + 1].low in _REFLEXIVES:
                    gender = _REFLEXIVES[toks[b + 1].low]  # "Clinton herself signaled": not Bill
                person = not institution and _could_be_person(
                    toks, s, b, name, bool(title or gender), gender is not None
                )
                initial = all(t.kind in ("P", "Q") for t in toks[:s])
                found.append(Mention(name, b - s + 1, b, title, gender, person, initial))
        i = b + 1
    return found


def _an_institution(name: str) -> bool:
    """Whether a name of several words ends in a kind of institution or place ("Missionary
    Baptist Church", "Saint Francis Hospital"), not a first name and a surname ("Margaret Court")."""
    words = name.lower().split()
    return len(words) > 1 and words[-1] in INSTITUTION_KINDS and not (len(words) == 2 and words[0] in FIRST_NAMES)


# Endings of the adverbs that open a sentence ("Interestingly", "Reportedly", "Finally"), not of
# names ending in -ly ("Beverly", "Stanley", "Ashley").
_ADVERB_ENDINGS = (
    "ingly",
    "edly",
    "ally",
    "ously",
    "ently",
    "antly",
    "ately",
    "ively",
    "fully",
    "lessly",
    "ably",
    "ibly",
    "wards",  # "Afterwards Trump denied ..."
)


# A reflexive after a name tells its gender, as a courtesy title does: "Clinton herself".
_REFLEXIVES = {"herself": "f", "himself": "m"}
# A reporting verb before its speaker at the start of a sentence: "Said Dorothy Poynter, who grew
# up with Ali, ..." (before a first name, or a name and a colon: "Said" is also a surname).
_INVERTED_VERBS = frozenset(
    "said says added adds continued stated wrote noted explained declared tweeted replied remarked".split()
)


def _opening_word(toks: list[Tok], s: int, b: int) -> bool:
    """Whether token ``s`` opens its sentence as an adverb, before a surname or a first name
    ("Interestingly Blocher", "Reportedly Hillary Clinton"), or as a reporting verb before a
    first name ("Said Dorothy Poynter"), or as any word but a first name or an initial before a
    first name and a surname ("Entrusting Donald Trump", "Pollster Ann Selzer"). Not an -ing word
    before a surname alone: "Bashing Trump" reads like "Irving Smith" or "Channing Tatum"."""
    t = toks[s]
    if not all(p.kind in ("P", "Q") for p in toks[:s]) or t.low in FIRST_NAMES:
        return False
    first_name_next = bare(toks[s + 1].low) in FIRST_NAMES
    if t.low in _INVERTED_VERBS:  # "Said Dorothy Poynter", "Stated Stone:"
        return first_name_next or (b == s + 1 and b + 1 < len(toks) and toks[b + 1].text == ":")
    if first_name_next and b > s + 1 and t.kind == "W":
        # "Entrusting Donald Trump with ...", "Pollster Ann Selzer said": a word before a first name
        # and a surname opens the sentence (an unknown first name has no known one after it)
        return True
    return (first_name_next or (b == s + 1 and is_name_token(toks[b]))) and t.low.endswith(_ADVERB_ENDINGS)


_NOT_BEFORE_PERSON = (
    PREPOSITIONS | DETERMINERS | frozenset("his her their its our my your this that these those".split())
)
_NOT_BEFORE_FULL_NAME = DETERMINERS | frozenset(
    "his her their its our my your in at near outside inside across".split()
)


def _could_be_person(toks: list[Tok], s: int, b: int, name: str, titled: bool, courtesy: bool) -> bool:
    """Whether a mention may be a person "he"/"she" refers to: not "a Boca Raton lawyer", not
    "in Orlando" or "his Twitter password" (a lone word), not "We've"; "Mr. Obama" (``courtesy``:
    a title that tells a gender) and "President Obama" may."""
    p = toks[s - 1] if s > 0 else None
    before = p.low if p is not None and p.kind == "W" else ""
    if p is not None and is_cap(p) and b == s:
        # a title before it makes it a person's name ("President Obama"; "Vice Presidents" is none)
        titled_here = courtesy or (is_title_word(p.text) and not is_title_word(name.rstrip("s")))
        if not titled_here:
            return False  # a lone word after a capitalised one that is no name: "New Hampshire"
    if b > s or titled or name.lower() in FIRST_NAMES:
        return before not in _NOT_BEFORE_FULL_NAME or titled
    if "'" in name or "’" in name or name.isupper():
        return False
    if p is None and name.lower().endswith(("ing", "ly")):
        return False  # "Walking into the office, ...", "Lately, ..."
    return before not in _NOT_BEFORE_PERSON
