"""A person named beside what they hold or belong to, who speaks: the name before a party tag
("Sen. Marco Rubio, R-Fla., said"), the name after a role in lower case ("One of the study's
authors, herpetologist David Blackburn, told"), the name set off after a role
("the director of the institute, John Smith, said", "the head of IEDCR, Dr Meerjady Sabrina
Flora, said") and the name before where they are from ("Nikki Holland of the UK's National Crime
Agency (NCA) said", "Mr. Morgan of the Sierra Club said").

After a capitalised word or an organisation's noun ("the Aurora, Colorado, shooting", "the
start-up, Paradata,") an appositive is a place or a company, so ``subjects.py`` reads it as a
speaker only after a role "of", "for" or "at" something, and only when it is a person's name in
full; so is the name before "of", "at" or "from" (a name, not "the son of John Smith"). And
what an aside may hold and where it opens: a quoted phrase ending with the aside's comma
("Humphrey, who calls Trump a “sociopath,” said"), no stop but an abbreviation's ("Cambridge,
Mass., said").
"""

from __future__ import annotations

from index.attribution.between import at_before
from index.attribution.names import chain_end, chain_start, is_party_tag, name_start
from index.attribution.quotes import Tok, bare, is_cap, is_possessive, short_abbreviation, span_text
from index.attribution.vocabulary import (
    APPOSITIVE_MAX,
    DETERMINERS,
    ORG_HEADS,
    PLACES,
    PREPOSITIONS,
    RELATIVES,
    ROLE_HEADS,
    ROLE_LOWER,
    STOP,
)
from index.lexicon import FIRST_NAMES, is_title_word

_HELD_AT = frozenset({"of", "for", "at", "to"})  # "the ambassador to NATO"
_ROLE_REACH = 8  # tokens from the comma back to the role's "of": "the director of the state health department"


def after_a_role(toks: list[Tok], comma: int) -> bool:
    """Whether the phrase before the comma at ``comma`` is a role held at something: "the director
    of the institute", "a spokeswoman for the ministry", "the head of IEDCR", "the director of the
    Federal Bureau of Investigation" (an "of" inside the organisation's name is passed over), "the
    Archbishop of Canterbury"."""
    for i in range(comma - 1, max(0, comma - _ROLE_REACH) - 1, -1):
        t = toks[i]
        if t.kind == "W" and t.low in _HELD_AT and i > 0 and _a_role_word(toks[i - 1]):
            return True
        if t.kind not in ("W", "A"):
            return False
    return False


def _a_role_word(t: Tok) -> bool:
    """A role's noun before "of": "director", or a title capitalised ("the Archbishop of Canterbury")."""
    return bare(t.low) in ROLE_HEADS or (t.text[0].isupper() and is_title_word(t.text))


def named_in_full(toks: list[Tok], a: int, b: int) -> bool:
    """Whether the chain ``a..b`` is a person's name in full or after a title: two words or more
    opening with a known first name ("John Smith"), or after a title ("Dr Meerjady Sabrina
    Flora", "Mr. Morgan")."""
    s = name_start(toks, a, b)
    titled = s is not None and s > a and is_title_word(toks[s - 1].text)
    first = bare(toks[s].low) if s is not None else ""
    return s is not None and (titled or (b > s and first in FIRST_NAMES and first not in PLACES))  # not "Georgia Tech"


_FROM = frozenset({"of", "at", "from"})
# Words a clause whose subject is the name may open with: "as Archbishop Aris Shirvanian of ... told".
_CLAUSE_OPENERS = frozenset("and but as while when so yet".split())
# Tokens from the verb back to "of": "of the National Institute of Allergy and Infectious Diseases (NIAID)".
_FROM_REACH = 16


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
        if not named_in_full(toks, a, b) and not _name_opening_sentence(toks, a, b):
            continue  # "of the University" of "John Smith of the University of Chicago said"
        before = (name_start(toks, a, b) or a) - 1
        while before >= 0 and (is_cap(toks[before]) or toks[before].low in DETERMINERS):
            before -= 1  # a title: "Cardinal Marc Ouellet of the Holy See said"
        opens = before < 0 or toks[before].kind != "W" or toks[before].low in _CLAUSE_OPENERS
        return (a, b) if opens else None  # not "accused President Bill Clinton of rape said"
    return None


def joined_after_preposition(toks: list[Tok], a: int) -> bool:
    """Whether the chain starting at ``a`` follows "and" and another capitalised chain that a
    preposition in lower case leads to: "of the National Institute of Allergy and Infectious
    Diseases", "of Procter and Gamble", "Supporters of Bernie Sanders and Hillary Clinton" (one
    name, or two that something is of: no subject either way)."""
    p = at_before(toks, a)  # "and the Chinese Academy of Sciences"
    if p < 1 or toks[p].low not in ("and", "&") or not is_cap(toks[p - 1]):
        return False
    q = p - 1
    while q >= 0 and (is_cap(toks[q]) or toks[q].low in DETERMINERS):
        q -= 1
    return q >= 0 and toks[q].kind == "W" and toks[q].low in PREPOSITIONS and toks[q].text[0].islower()


# Words inside an organisation's name of several parts: "Department of Health and Human Services".
_INSIDE_ORG = frozenset({"of", "for", "and", "&", "on"})


def joined_org(text: str, toks: list[Tok], a: int, j: int) -> str | None:
    """The whole name of an organisation that the chain ``a..j``, after "and", ends, when that
    name opens its clause: "United States Department of Health and Human Services" for "The
    United States Department of Health and Human Services declared", "Philippine Institute of
    Volcanology and Seismology", "which the Organization for Economic Cooperation and Development
    says"; not "the cities of Blackpool and Liverpool", "by the Organization for Economic
    Cooperation and Development" (a report's agent), nor anything but an organisation's head
    (ORG_HEADS) before "of"."""
    k = a - 1
    while k >= 0 and (is_cap(toks[k]) or toks[k].low in _INSIDE_ORG or toks[k].low in DETERMINERS):
        k -= 1
    s = k + 1
    while s < a and (toks[s].low in DETERMINERS or not is_cap(toks[s])):
        s += 1  # "The United States ...", from its first capitalised word
    while k >= 0 and toks[k].low in DETERMINERS:
        k -= 1
    opens = k < 0 or toks[k].kind != "W" or toks[k].low in _CLAUSE_OPENERS or toks[k].low in RELATIVES
    heads = any(is_cap(t) and bare(t.low) in ORG_HEADS for t in toks[s:a])
    return span_text(text, toks, s, j) if opens and heads and s < a else None


def org_joined_by_and(text: str, toks: list[Tok], a: int, j: int) -> str | None:
    """The whole name of an organisation ``a..j`` (it holds an organisation's head) whose first
    words, one to three capitalised ones with no head of their own, come before "and" right before
    it: "Bill and Melinda Gates Foundation", "Disaster and Emergency Management Presidency"; not two
    names joined ("The State Department and the Department of Homeland Security", "Clinton and the
    State Department", "Joe Biden and Kamala Harris")."""
    p = a - 1
    if p < 1 or toks[p].low not in ("and", "&") or not any(bare(t.low) in ORG_HEADS for t in toks[a : j + 1]):
        return None
    s = p
    while s > 0 and is_cap(toks[s - 1]) and toks[s - 1].low not in DETERMINERS and not is_possessive(toks[s - 1]):
        s -= 1
    if not 0 < p - s <= 3 or any(bare(t.low) in ORG_HEADS for t in toks[s:p]):
        return None
    k = at_before(toks, s)
    opens = k < 0 or toks[k].kind != "W" or is_possessive(toks[k]) or toks[k].low in _CLAUSE_OPENERS
    return span_text(text, toks, s, j) if opens else None


def before_relative_clause(toks: list[Tok], v: int) -> tuple[int, int] | None:
    """The chain (start, end) of a name in full that opens its sentence and a relative clause with
    no commas that ends right before the verb at ``v``: "Republican state representative Terri
    Collins who sponsored the bill remarked ..."."""
    for i in range(v - 1, max(0, v - _FROM_REACH), -1):
        t = toks[i]
        if t.kind != "W":
            return None
        if t.low == "who" and i < v - 1 and i > 1 and is_cap(toks[i - 1]) and not is_possessive(toks[i - 1]):
            a, b = chain_start(toks, i - 1), i - 1
            s = name_start(toks, a, b)
            if s is None or not named_in_full(toks, a, b):
                return None
            # Before the name only its title: "Republican state representative Terri Collins"
            titled = all(p.kind in ("P", "Q") or is_cap(p) or p.low in ROLE_LOWER for p in toks[:s])
            return (s, b) if titled else None
    return None


def _name_opening_sentence(toks: list[Tok], a: int, b: int) -> bool:
    """Whether the chain ``a..b`` opening its sentence is a name whose first name no list holds
    ("Xiaogang Wei of the Beijing Institute said", "Suman Haripriya of the Hajo assembly said"):
    two or three words, none an organisation's, a place's or a title's ("Royal Bank of Canada")."""
    if not 1 <= b - a <= 2 or any(t.kind not in ("P", "Q") for t in toks[:a]):
        return False
    words = [t.low for t in toks[a : b + 1]]
    return (
        all(t.kind == "W" for t in toks[a : b + 1])
        and " ".join(words) not in PLACES
        and not any(w in ORG_HEADS or w in PLACES or is_title_word(w) or w in STOP for w in words)
    )


def opens_a_clause(toks: list[Tok], a: int) -> bool:
    """Whether a chain starting at ``a`` may be a subject: not inside a phrase ("the shooting in
    Aurora, Colorado, ..., said", "In addition to Mr. Regalado, ... have said")."""
    k = a - 1
    while k >= 0 and toks[k].low in DETERMINERS:
        k -= 1
    return k < 0 or not (toks[k].kind == "W" and toks[k].text[0].islower() and toks[k].low in PREPOSITIONS)


def before_party_tag(toks: list[Tok], end: int) -> tuple[int, int] | None:
    """The chain (start, end) of the name before a party tag that ends at the comma ``end``: "Sen.
    Marco Rubio, R-Fla., said" (the tag's period is a token of its own, which would end the
    appositive)."""
    tag = end - 1
    if tag >= 0 and toks[tag].text == ".":
        tag -= 1
    if tag < 2 or not is_party_tag(toks[tag]) or toks[tag - 1].text != ",":
        return None
    before = tag - 2
    t = toks[before]
    start = chain_start(toks, before)
    if not is_cap(t) or is_possessive(t) or not opens_a_clause(toks, start):
        return None
    return start, before


# Lower-case words that do not describe the person an appositive names: "according to John Smith".
_NOT_ROLE_WORDS = PREPOSITIONS | RELATIVES | frozenset("and or but not according said says told".split())
_ROLE_WORDS_MOST = 4  # "doctoral candidate", "former state senator", "environmental engineering professor"


def _joins_role_words(toks: list[Tok], a: int, c: int) -> bool:
    """Whether the "and" or "or" at ``c`` joins two words of a role in lower case ("civil and
    environmental engineering professor"), not a role and what comes after it."""
    nxt = toks[c + 1] if c + 1 < len(toks) else None
    return toks[c].low in ("and", "or") and c > a and nxt is not None and nxt.kind == "W" and nxt.text.islower()


def named_after_role(toks: list[Tok], a: int, b: int) -> int | None:
    """Where the name starts in an appositive ``a..b`` that opens with a role in lower case and ends
    with a name of two words or more ("herpetologist David Blackburn", "doctoral candidate
    Maninder Thind"), or None."""
    c, words = a, 0
    while c <= b and words < _ROLE_WORDS_MOST and toks[c].kind == "W" and toks[c].text.islower():
        if _joins_role_words(toks, a, c):
            c += 1  # "civil and environmental engineering professor Julian Marshall"
            continue
        if toks[c].low in _NOT_ROLE_WORDS or (toks[c].low.endswith("ing") and c == a):  # not "including X"
            return None
        c += 1
        words += 1
    if c == a or c > b or not is_cap(toks[c]) or chain_end(toks, c) != b:
        return None
    return c if name_start(toks, c, b) == c and b > c else None  # two name words or more


# The longest quoted phrase read as part of an aside: a quote of a sentence is the words reported.
ASIDE_QUOTE_WORDS = 8
_CLOSING_QUOTES = "\"'”’"


def quote_then_comma(t: Tok) -> bool:
    """Whether ``t`` is a quoted phrase that ends an aside with the comma inside its quotes, as
    American style writes it: "Manafort, citing ''the unique magic of Trump,'' said",
    "Humphrey, who calls Trump a “sociopath,” said"."""
    return t.kind == "Q" and t.text.rstrip(_CLOSING_QUOTES).endswith(",") and len(t.text.split()) <= ASIDE_QUOTE_WORDS


def in_an_aside(toks: list[Tok], q: int) -> bool:
    """Whether the quote at ``q`` may be a phrase in an aside rather than the words a verb after it
    reports: it ends with the aside's comma and a word of the aside's clause comes before it
    ("Humphrey, who calls Trump a “sociopath,” said he ...": Humphrey spoke, not "he")."""
    return q > 0 and quote_then_comma(toks[q]) and toks[q - 1].kind == "W" and toks[q - 1].text[0].islower()


def aside_comma(t: Tok) -> bool:
    """A comma that may open or close an aside, or a quoted phrase ending with one."""
    return t.text == "," or quote_then_comma(t)


def _ends_an_aside(toks: list[Tok], k: int) -> bool:
    """Whether token ``k`` cannot be inside an aside: a quote of more than a phrase, or a stop
    that is no abbreviation's ("Cambridge, Mass., said": the period before a comma is)."""
    t = toks[k]
    if t.kind == "Q":
        return len(t.text.split()) > ASIDE_QUOTE_WORDS
    if t.text == ".":  # "Mass.," and "the No. 2 Republican", "a Ft. Worth member" go on
        return k + 1 >= len(toks) or not (toks[k + 1].text == "," or short_abbreviation(toks, k))
    return t.text in ";:"


def aside_start(toks: list[Tok], end: int) -> int | None:
    """The comma opening the aside that the comma at ``end`` closes: the nearest one before it, at
    most ``APPOSITIVE_MAX`` tokens back, with no stop or long quote between; None if there is none."""
    k = end - 1
    while k >= 0 and end - k <= APPOSITIVE_MAX and not aside_comma(toks[k]):
        if _ends_an_aside(toks, k):
            return None
        k -= 1
    return k if k > 0 and aside_comma(toks[k]) else None
