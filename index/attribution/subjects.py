"""Who a reporting verb's subject is, as written: the chain before it, the name after it, the
sentence's subject for a participle, appositives between commas, roles ("the Kremlin spokesman").

Each finder returns a ``Claim`` (a name, an organisation, a pronoun or a role, with the verb's
lemma and position) or None; claims.py decides which verbs to ask about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from index.attribution.appositives import (
    ASIDE_QUOTE_WORDS,
    affiliated,
    after_a_role,
    aside_comma,
    aside_start,
    before_party_tag,
    before_relative_clause,
    joined_after_preposition,
    joined_org,
    named_after_role,
    named_in_full,
    opens_a_clause,
    org_joined_by_and,
    quote_then_comma,
)
from index.attribution.between import at_before, skip_between, word_before
from index.attribution.epithets import age_ending, national_word
from index.attribution.given_names import given_name_and_place
from index.attribution.names import (
    chain_end,
    chain_start,
    connects,
    is_name_token,
    is_name_word,
    name_start,
    name_text,
    people_or_place,
)
from index.attribution.names_with_s import name_with_s, pronoun_with_s
from index.attribution.quotes import Tok, bare, is_cap, is_possessive, span_text
from index.attribution.role_phrases import role_words
from index.attribution.suffixes import without_suffix
from index.attribution.vocabulary import (
    APPOSITIVE_COMMAS,
    APPOSITIVE_MAX,
    DEMONYMS,
    DETERMINERS,
    FEMALE_TITLES,
    FOLLOWERS,
    GOVERNING,
    KNOWN_ORG_NAMES,
    KNOWN_ORGS,
    MALE_TITLES,
    NOT_PERSON_NOUNS,
    OPENERS,
    ORG_HEADS,
    PLACES,
    PREPOSITIONS,
    PRONOUNS,
    RELATIVES,
    ROLE_HEADS,
    SENT_TO_TITLES,
    STOP,
    org_head,
)
from index.lexicon import FIRST_NAMES, is_title_word


@dataclass(frozen=True)
class Claim:
    kind: str  # "name", "org", "pron", "role", "epithet"
    value: str  # the name / organisation / pronoun / normalised role words
    verb: str
    index: int  # token index of the verb
    surname_only: bool = False  # a name alone ("Cuban said"): a speaker if the article names a Cuban (resolution.py)
    with_s: bool = False  # an organisation's name ending in "'s" ("McDonald's said"; names_with_s.py)


# A name with a capital inside after four letters or more: a company's or an outlet's ("EgyptAir",
# "BuzzFeed", "PolitiFact"), not a surname's ("McCain", "MacNab", "DeSantis", "LaHood").
_BRAND = re.compile(r"[A-Z][a-z]{3,}[A-Z][a-z]+")
# A word in capitals, initials ("USA", "RTL"): a name of one word right after it is the end of an
# organisation's ("Priorities USA Action announced", "the news site RTL Info reported").
_INITIALS_WORD = re.compile(r"[A-Z]{2,6}")
# Endings of the last word of an organisation's name, not a surname's: "Development", "Statistics".
_NOT_SURNAME_ENDINGS = ("s", "ment", "tion", "sion", "ogy", "ics", "ure", "ity", "law")


def subject_from_chain(text: str, toks: list[Tok], a: int, b: int, verb: str, v: int) -> Claim | None:
    """A claim for a capitalised chain ``a..b`` that is the subject of a reporting verb."""
    b = _before_of_place(toks, a, without_suffix(toks, a, b))  # "Senator Barbara Boxer of California said"
    k = next((k for k in range(a, b) if toks[k].low not in DETERMINERS), b)
    if k < b and " ".join(bare(t.low) for t in toks[k : b + 1]) in PLACES:
        return None  # "South Korea said", "Saudi Arabia said": a country speaks no more than "Russia said" does
    if " ".join(t.low for t in toks[k : b + 1]) in KNOWN_ORG_NAMES:
        return Claim("org", span_text(text, toks, k, b), verb, v)  # "The Islamic State said"
    if a + 1 < b and toks[a].low in FOLLOWERS and toks[a + 1].low == "of":
        return None  # "Supporters of Democrat Hillary Clinton say": whom they follow does not speak
    if k == b and _BRAND.fullmatch(toks[b].text):
        return Claim("org", toks[b].text, verb, v)  # "EgyptAir said", "PolitiFact rated": no one's name
    s = name_start(toks, a, b)
    if s == b and k < b and _INITIALS_WORD.fullmatch(toks[b - 1].text) and not is_title_word(toks[b].text):
        return Claim("org", span_text(text, toks, k, b), verb, v)  # "Priorities USA Action", "RTL Info"
    heads = [k for k in range(a, b) if connects(toks, k) and any(org_head(bare(t.low)) for t in toks[a:k])]
    if s == b and heads and toks[b].low.endswith(_NOT_SURNAME_ENDINGS):
        s = None  # "the Bureau of Labor Statistics" is an organisation, not someone called "Statistics"
    elif (
        s is not None
        and heads
        and heads[0] < s
        and bare(toks[s].low) not in FIRST_NAMES
        and not is_title_word(toks[s - 1].text)
    ):
        s = None  # "the Center for Responsive Politics"; not "Centers for Disease Control Director Thomas Frieden"
    if _org_after_demonym(toks, k, s, b):
        return Claim("org", span_text(text, toks, k, b), verb, v)  # "Western Journalism reported"
    if s is not None:
        name = name_text(text, toks, s, b)
        if name is None:
            return None
        return Claim("name", name, verb, v)
    lows = [bare(t.low) for t in toks[a : b + 1]]
    named = [w for w in lows if w not in DETERMINERS and w not in OPENERS]  # "The AP said", "Yet Bloomberg says"
    one_org = len(named) == 1 and (named[0] in KNOWN_ORGS or toks[b].text.isupper())
    if heads or one_org or any(w in ORG_HEADS for w in lows):
        while a < b and bare(toks[a].low) in STOP and toks[a].low != "new":  # "The New York Times"
            a += 1
        org = span_text(text, toks, a, b)
        if org.lower() in PLACES:
            return None
        return Claim("org", org, verb, v)
    role = role_words(toks, b)
    alone = a == b and (a == 0 or toks[a - 1].low not in DETERMINERS)
    if alone and (role or bare(toks[b].low) in MALE_TITLES or bare(toks[b].low) in FEMALE_TITLES):
        role = toks[b].text  # "King said", "said Baron": a title alone, capitalised, may be a surname (resolution.py)
    return Claim("role", role, verb, v) if role else None


_SPOKES = frozenset({"spokesman", "spokeswoman", "spokesperson"})


def _spoken_for(text: str, toks: list[Tok], a: int, b: int, verb: str, v: int) -> Claim | None:
    """The organisation "a Kremlin spokesman said" (chain ``a..b`` after "a" or "an") speaks for,
    as '"...," said a Kremlin spokesman' does; None when the chain is no organisation."""
    if toks[a].low in ("a", "an") and a < b:
        a += 1  # "A Kremlin spokesman said", opening the sentence
    if a == 0 or toks[a - 1].low not in ("a", "an"):
        return None
    found = subject_from_chain(text, toks, a, b, verb, v)
    return found if found is not None and found.kind == "org" else None


def _before_of_place(toks: list[Tok], a: int, b: int) -> int:
    """The end of a name that ``of`` and a place or an organisation of up to six words follow
    at the end of the chain ``a..b`` ("Barbara Boxer of California", "Lee Zeldin of New York",
    "John Geiger of USGS", "Jennifer Lu of Marriage Equality Coalition Taiwan": a first name, its
    initials and a surname before "of"; "John C. Eastman of Chapman University School of Law");
    else ``b``."""
    for k in range(b - 1, max(a, b - 7), -1):
        if toks[k].low == "of" and k > a and is_name_word(toks, k - 1):
            place = " ".join(bare(t.low) for t in toks[k + 1 : b + 1])
            if place in PLACES and k + 4 > b:  # a name is left before "of"
                return k - 1
            first = next((f for f in range(k - 2, max(a, k - 5) - 1, -1) if toks[f].kind != "A"), None)
            if first is not None and bare(toks[first].low) in FIRST_NAMES:
                return k - 1
    return b


def subject_before(text: str, toks: list[Tok], v: int, verb: str) -> Claim | None:
    j = skip_between(toks, v - 1)
    if j < 0:
        return None
    if (age := age_ending(toks, j)) is not None:
        return Claim("epithet", age, verb, v)  # "The 57-year-old scientist says"
    t = toks[j]
    if t.kind == "W" and t.low in PRONOUNS:
        return Claim("pron", t.low, verb, v)
    if (pronoun := pronoun_with_s(toks, j, v)) is not None:
        return Claim("pron", pronoun, verb, v)  # "He's said": he has said
    if t.text == "," or quote_then_comma(t):  # "Sherman, who led those talks, said" / "Peskov, however, said"
        found = _subject_before_comma(text, toks, j, verb, v)
        if found is None and t.text == "," and j > 0 and all(p.text not in ",;:" and p.kind != "Q" for p in toks[:j]):
            # A stray comma, the clause's only one: "Anthony Fauci of the ... (NIAID), announced"
            found = subject_before(text, toks, j, verb)
            return replace(found, index=v) if found is not None and found.kind in ("name", "org") else None
        return found
    if t.text in _DASHES:  # "Murphy — after a knock-on-wood gesture — told me"
        opening = _opening_dash(toks, j)
        if opening is None:
            return None
        # ... also after an appositive ("Neil Sroka, director of Democracy for America, or DFA -
        # which Howard Dean founded - said": Sroka, not DFA)
        found = _subject_before_comma(text, toks, opening, verb, v)
        if found is None or found.kind != "name":
            found = subject_before(text, toks, opening, verb)
        return replace(found, index=v) if found is not None else None
    if is_cap(t):
        if is_possessive(t):  # "Peskov’s comments"; but "McDonald's said" is the company's
            return Claim("org", name, verb, v, with_s=True) if (name := name_with_s(text, toks, j, v)) else None
        a = chain_start(toks, j)
        if (national := national_word(toks, a, j)) is not None:
            return Claim("epithet", national, verb, v)  # "the Scot said": people.py knows who
        if (before := word_before(toks, a)) is not None:
            if before.low in RELATIVES and name_start(toks, a, j) is None:
                return None  # "in what the United States has said could be ..." (a person would count)
            if before.low == "in" and (found := _before_where(text, toks, a, j, verb, v)) is not None:
                return found  # "The Aam Aadmi Party in Goa said", "Police in Paris said"
            if before.low in PREPOSITIONS and before.text[0].islower():
                if _domain_then_name(toks, a, j):
                    # "President of the United States Donald Trump said": the title's domain, then the name
                    return subject_from_chain(text, toks, a, j, verb, v)
                role = role_words(toks, j)  # "The U.S. ambassador to NATO says"; not "Ana Ruiz of the UN says"
                return _affiliated(text, toks, v, verb) or (Claim("role", role, verb, v) if role else None)
            if joined_after_preposition(toks, a):  # "Anthony Fauci of ... Allergy and Infectious Diseases said"
                found = _affiliated(text, toks, v, verb)  # else an organisation's whole name, or no one
                return found or (Claim("org", org, verb, v) if (org := joined_org(text, toks, a, j)) else None)
            if (org := org_joined_by_and(text, toks, a, j)) is not None:
                return Claim("org", org, verb, v)  # "The Bill and Melinda Gates Foundation said"
        found = subject_from_chain(text, toks, a, j, verb, v) or _from_city_and_state(text, toks, a, j, verb, v)
        if found is None and a == j and people_or_place(t):
            return Claim("name", t.text, verb, v, surname_only=True)  # "Cuban said", after "Mark Cuban"
        return found or _place_surname(toks, a, j, verb, v)
    if t.kind == "W" and t.low in GOVERNING and (body := _governing_body(text, toks, j)):
        return Claim("org", body, verb, v)  # "The German government said", "the Obama administration said"
    if t.kind == "W" and t.low in ROLE_HEADS:  # "the Kremlin spokesman said"
        role = role_words(toks, j)
        if role is None and t.low in _SPOKES and j > 1 and is_cap(toks[j - 1]):
            return _spoken_for(text, toks, chain_start(toks, j - 1), j - 1, verb, v)
        return Claim("role", role, verb, v) if role else None
    if t.low == "who" and j > 1 and aside_comma(toks[j - 1]):  # "Loretta E. Lynch, who told Congress"
        return _who_before(text, toks, j - 1, verb, v)
    if t.low == "who" and j > 1 and is_cap(toks[j - 1]) and named_in_full(toks, s := chain_start(toks, j - 1), j - 1):
        return subject_from_chain(text, toks, s, j - 1, verb, v)  # "drafted by Alex Greenwich who said"
    return _affiliated(text, toks, v, verb) if t.kind == "W" else None


_CLAUSE_WORDS = frozenset({"and", "but", "then", "meanwhile", "while", "also"})


def _before_where(text: str, toks: list[Tok], a: int, j: int, verb: str, v: int) -> Claim | None:
    """The subject before "in" and the place ``a..j`` (up to three capitalised words, no one's name
    in full), as if they were not there, when it opens a clause: "The Aam Aadmi Party in Goa said",
    "Police in Paris said". A name, an organisation or a role; None otherwise."""
    if a < 2 or j - a > 2 or named_in_full(toks, a, j):
        return None
    k = chain_start(toks, a - 2) - 1 if is_cap(toks[a - 2]) else a - 2
    while k >= 0 and toks[k].low in DETERMINERS:
        k -= 1
    if k >= 0 and toks[k].kind == "W" and toks[k].low not in _CLAUSE_WORDS:
        return None  # "who think Rubio has a chance to overtake Trump in New Hampshire ... stressed"
    found = subject_before(text, toks, a - 1, verb)
    return replace(found, index=v) if found is not None and found.kind in ("name", "org", "role") else None


def _from_city_and_state(text: str, toks: list[Tok], a: int, j: int, verb: str, v: int) -> Claim | None:
    """The person before where they are from, a city and its state: "Stacy Baker of Columbia,
    South Carolina says" (the chain ``a..j`` is the state)."""
    if a < 3 or toks[a - 1].text != "," or " ".join(bare(t.low) for t in toks[a : j + 1]) not in PLACES:
        return None
    start = chain_start(toks, a - 2) if is_cap(toks[a - 2]) else a
    if 1 < start < a and toks[start - 1].low == "of" and is_cap(toks[start - 2]):
        start = chain_start(toks, start - 2)  # "John Smith of Des Moines, Iowa said"
    found = subject_from_chain(text, toks, start, a - 2, verb, v) if start < a - 2 else None
    return (
        found
        if found is not None and found.kind == "name" and any(t.low == "of" for t in toks[start : a - 2])
        else None
    )


def _governing_body(text: str, toks: list[Tok], j: int) -> str | None:
    """ "German government" for "The German government said" (``j`` at "government"): one to
    three capitalised words before it, each a people's, a place's or a name's, and no
    preposition before them ("a spokesman for the German government said" is the spokesman's)."""
    if j == 0 or not is_cap(toks[j - 1]):
        return None
    a = chain_start(toks, j - 1)
    while a < j - 1 and toks[a].low in DETERMINERS:
        a += 1  # "The German"
    if j - a > 3 or not all(
        is_name_token(t) or people_or_place(t) or is_possessive(t) or bare(t.low) in PLACES for t in toks[a:j]
    ):
        return None
    before = word_before(toks, a)
    return None if before is not None and before.low in PREPOSITIONS else span_text(text, toks, a, j)


def _domain_then_name(toks: list[Tok], a: int, j: int) -> bool:
    """Whether the chain ``a..j`` is the domain of a title before it and a name with a known first
    name: "President of the United States Donald Trump"; not "supporters of Democrat Hillary
    Clinton", "a spokesman for House Speaker Paul Ryan" (his, not Ryan's words)."""
    p = at_before(toks, a)
    if p < 1 or not is_title_word(toks[p - 1].text):
        return False
    if toks[p].low != "of" and not (toks[p].low == "to" and bare(toks[p - 1].low) in SENT_TO_TITLES):
        return False  # "Ambassador to the United Nations Nikki Haley"; not "an adviser to Donald Trump"
    s = name_start(toks, a, j)
    return s is not None and s > a and bare(toks[s].low) in FIRST_NAMES


def _who_before(text: str, toks: list[Tok], comma: int, verb: str, v: int) -> Claim | None:
    """The person a "who" after the comma at ``comma`` is: the name right before it, unless it ends
    a phrase ("Democrats on Capitol Hill, who") and is no name in full, or the name in full before
    its appositive ("led by Mark Hay, a marine ecologist ..., who said")."""
    for turn in range(2):
        before = skip_between(toks, comma - 1)
        start = chain_start(toks, before)
        if (
            is_cap(toks[before])
            and not is_possessive(toks[before])
            and not (start == before and people_or_place(toks[start]))
        ):
            if (opens_a_clause(toks, start) and not turn) or named_in_full(toks, start, before):
                found = subject_from_chain(text, toks, start, before, verb, v)
                return found if found is not None and found.kind == "name" else None
        k = aside_start(toks, comma)
        if k is None or is_cap(toks[k + 1]):
            return None
        comma = k  # the appositive "a marine ecologist ...": the name before it
    return None


def _affiliated(text: str, toks: list[Tok], v: int, verb: str) -> Claim | None:
    """ "Nikki Holland of the UK's National Crime Agency said" (``appositives.affiliated``)."""
    found = affiliated(toks, v) or before_relative_clause(toks, v)  # "Terri Collins who sponsored it remarked"
    return subject_from_chain(text, toks, *found, verb, v) if found is not None else None


_DASHES = frozenset({"—", "–", "--"})


def _opening_dash(toks: list[Tok], end: int) -> int | None:
    """The dash that opens the aside the dash at ``end`` closes, if the aside is short and holds no
    sentence's stop or long quote ("Jason Sims — a teacher from Mount Pleasant — says")."""
    for k in range(end - 1, max(0, end - APPOSITIVE_MAX) - 1, -1):
        t = toks[k]
        if t.text in _DASHES:
            return k if k > 0 else None
        if t.text in ";:" or (t.kind == "Q" and len(t.text.split()) > ASIDE_QUOTE_WORDS):
            return None
    return None


def _role_of_a_name(toks: list[Tok], comma: int) -> bool:
    """Whether the role ending at ``comma`` is itself set off after a name ("Charles Plotena, the
    mayor of Esperanza, Sultan Kudarat, announced": what follows is the place's province)."""
    opening = aside_start(toks, comma)
    return opening is not None and opening > 0 and is_cap(toks[opening - 1])


def _subject_before_comma(text: str, toks: list[Tok], end: int, verb: str, v: int) -> Claim | None:
    """The subject before an appositive that ends with the comma at ``end``: "Sherman, who led
    those talks, said", "the White House spokesman, Josh Earnest, said", "Alixandria Lapp,
    executive director of the House Majority PAC, a Democratic super PAC, said" (a person is
    looked for over up to ``APPOSITIVE_COMMAS`` commas; an organisation only if no person is found)."""
    if (tagged := before_party_tag(toks, end)) is not None:
        found = subject_from_chain(text, toks, *tagged, verb, v)
        if found is not None and found.kind == "name":
            return found
    fallback: Claim | None = None
    for _ in range(APPOSITIVE_COMMAS):
        k = aside_start(toks, end)
        if k is None:
            return fallback
        a, b = k + 1, end - 1
        if toks[b].text == ")":  # "..., Gov. John Kasich (R-OH), said"
            b = skip_between(toks, b)
        a = named_after_role(toks, a, b) or a  # "The study's lead author, doctoral candidate Maninder Thind, said"
        if (
            b >= a
            and is_cap(toks[a])
            and chain_end(toks, a) in (b, _before_of_place(toks, a, b))  # "Dr Ann Chen of Oxford University"
            and (
                (
                    not is_cap(toks[k - 1]) and toks[k - 1].low not in NOT_PERSON_NOUNS
                )  # "the state capital, Sacramento,"
                or (
                    (after_a_role(toks, k) or is_title_word(toks[k - 1].text.rstrip("s"))) and named_in_full(toks, a, b)
                )
                # "The mayor of London, Sadiq Khan, said": two or three name words after a role
                or (
                    after_a_role(toks, k)
                    and bare(toks[k - 1].low) not in NOT_PERSON_NOUNS  # "the Vatican's official newspaper,"
                    and 1 <= b - a <= 2
                    and name_start(toks, a, b) == a
                    and not _role_of_a_name(toks, k)
                )
            )
        ):
            named = subject_from_chain(text, toks, a, b, verb, v)  # "the spokesman, Josh Earnest,"
            if named is not None and named.kind == "name":
                return named
        before = skip_between(toks, k - 1)  # "Rep. Elijah Cummings (D-Md.), chair of ..., said"
        t = toks[before]
        start = chain_start(toks, before)
        if is_cap(t) and start > 0 and toks[start - 1].low == "in":
            # "The Aam Aadmi Party in Goa, in its statement, said"
            if (found := _before_where(text, toks, start, before, verb, v)) is not None and found.kind == "name":
                return found
            fallback = fallback or found
        elif (
            is_cap(t) and not is_possessive(t) and opens_a_clause(toks, start) and not _in_relative_clause(toks, start)
        ):
            found = subject_from_chain(text, toks, start, before, verb, v) or _place_surname(
                toks, start, before, verb, v
            )
            if found is not None and found.kind == "name":
                return found
            fallback = fallback or found
        if (held := affiliated(toks, k)) is not None:  # "Steve Peers of the University of Essex, speaking to BBC, said"
            return subject_from_chain(text, toks, *held, verb, v)
        end = k
    return fallback


def _org_after_demonym(toks: list[Tok], k: int, s: int | None, b: int) -> bool:
    """Whether the chain ``k..b``, whose name ``name_start`` finds at ``s``, is a demonym and one
    word that is no first name: an organisation's name ("Western Journalism reported", "The
    American Legion wrote", "British Airways said"), not someone called "Journalism"."""
    return (
        s == b
        and k + 1 == b
        and is_cap(toks[k])
        and bare(toks[k].low) in DEMONYMS
        and bare(toks[b].low) not in FIRST_NAMES
    )


def _place_surname(toks: list[Tok], a: int, j: int, verb: str, v: int) -> Claim | None:
    """ "Denzel Washington said" (given_names.py)."""
    name = given_name_and_place(toks, a, j)
    return Claim("name", name, verb, v) if name is not None else None


def _in_relative_clause(toks: list[Tok], a: int) -> bool:
    """Whether a chain starting at ``a`` lies in a relative clause after a comma, after its verb
    ("Beck, who supported Sen. Ted Cruz, R-Texas, ..., said": Beck spoke), or is its appositive."""
    k = a - 1
    while k >= 0 and toks[k].text != ",":
        k -= 1
    if k + 1 < a:
        return toks[k + 1].low in RELATIVES
    return k > 0 and _in_relative_clause(toks, k)  # "Slinker, whose latest start-up, Paradata, ..., said"
