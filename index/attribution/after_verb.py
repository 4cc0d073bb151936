"""The speaker named after a reporting verb or "according to": '"...," said Kremlin spokesman
Dmitry Peskov', '"...," said Cuban, who ...' (a surname that is also a people's or a place's name,
for resolution.py to keep only when the article names such a person), '"...," said he.'; and
whoever is "quoted as saying" ("Peskov was quoted by TASS as saying", "TASS quoted Peskov as
saying")."""

from __future__ import annotations

from index.attribution.appositives import named_in_full
from index.attribution.epithets import age_starting, national_word
from index.attribution.names import chain_end, chain_start, is_name_token, people_or_place
from index.attribution.quotes import Tok, bare, is_cap, is_possessive, span_text
from index.attribution.role_phrases import role_words
from index.attribution.subjects import Claim, subject_before, subject_from_chain
from index.attribution.vocabulary import (
    CONNECTORS,
    DEMONYMS,
    DETECT_FORMS,
    DETERMINERS,
    FOLLOWERS,
    ORG_HEADS,
    PARTICLES,
    PLACES,
    PRONOUNS,
    ROLE_LOWER,
    STOP,
)
from index.lexicon import MONTHS, WEEKDAYS

# Parties, which describe a role as a place does ("said the Democratic nominee").
_PARTIES = frozenset({"democratic", "republican", "gop", "libertarian", "conservative", "labour", "liberal"})


def _inside_org(toks: list[Tok], k: int, e: int) -> bool:
    """Whether an "and" at ``e`` joins the words an organisation's head is "of" or "for" in the
    name from ``k``: "the Department of Health and Human Services", "the Institute of Volcanology
    and Seismology"; not "the Justice Department and the FBI", "Smith and Jones"."""
    heads = [i for i in range(k, e) if is_cap(toks[i]) and bare(toks[i].low) in ORG_HEADS]
    if not heads or any(toks[i].low in ("of", "at", "from") for i in range(k, heads[0])):
        return False  # "Commissioner James Rovella of the Connecticut Department of ... and ...": his
    return any(toks[i].low in ("of", "for") for i in range(heads[0] + 1, e))


def _qualifies_role(t: Tok) -> bool:
    """Whether ``t``, a capitalised word after "said", is a place, a people or a party: it tells
    which holder of a role spoke ("said the Vermont senator"), and is no one itself."""
    return bare(t.low) in PLACES or bare(t.low) in DEMONYMS or bare(t.low) in _PARTIES


# Words that end the noun phrase naming a speaker after the verb ('"...," said X as he left').
_AFTER_NAME_ENDS = frozenset(
    "as after before when while in on at during who which that to and but because if since with from for by about".split()
)


def _ends_clause(toks: list[Tok], k: int) -> bool:
    """Whether the words from ``k`` on end the clause that a name after its verb stands in:
    nothing more, a punctuation mark, or a word of ``_AFTER_NAME_ENDS`` ('said Cuban, who ...')."""
    if k >= len(toks):
        return True
    t = toks[k]
    return t.kind == "P" or t.kind == "Q" or (t.kind == "W" and t.low in _AFTER_NAME_ENDS)


def _reported_subject(toks: list[Tok], k: int, v: int) -> bool:
    """Whether the pronoun at ``k``, after the verb at ``v``, opens the reported clause of a
    subject no name before the verb gives: "The employee, who spoke on the condition of
    anonymity, said she became pregnant" (she is the employee, not the last woman named before).
    With a name before the verb ("Sandra Inman, a Cruz supporter from Jackson, Miss., ..., said
    she could not"), the pronoun is resolved as ever, to that name first."""
    after = toks[k + 1] if k + 1 < len(toks) else None
    if after is None or after.kind != "W" or after.low in _AFTER_NAME_ENDS:
        return False  # "..., said he." / "..., said she in an interview": an inverted report
    return not any(is_name_token(t) for t in toks[:v])


_DESCRIPTION_MOST = 4  # lower-case words between an organisation and its person: "longtime tag team partner"


def _name_after_description(toks: list[Tok], e: int) -> int | None:
    """Where a person's name in full starts after the lower-case words at ``e`` that describe
    them ("host" in "said Fox News host Sean Hannity"), or None: a known first name and a
    surname, or two or three words that may each be a name's ("editor Heather Antos")."""
    c = e
    while c < len(toks) and c - e < _DESCRIPTION_MOST and toks[c].kind == "W" and toks[c].text.islower():
        if toks[c].low in _AFTER_NAME_ENDS or toks[c].low in DETECT_FORMS or toks[c].low in STOP:
            return None  # "Andrew J. Pincus of the law firm Mayer Brown", "Mr. Trump or Mr. Cruz"
        c += 1
    if c > e and c + 1 < len(toks) and toks[c].text == ",":
        c += 1  # "said Rubio's deputy campaign manager, Rich Beeson, who ..."
    if c == e or c >= len(toks) or not is_cap(toks[c]):
        return None
    b = chain_end(toks, c)
    words = toks[c : b + 1]
    return c if named_in_full(toks, c, b) or (2 <= len(words) <= 3 and all(map(is_name_token, words))) else None


def _possessor(toks: list[Tok], b: int, claim: Claim, named_after: bool, reported: bool) -> bool:
    """Whether the chain ending at ``b`` (read as ``claim``) owns what follows it rather than
    speaks: a role always does ("announced the President's death"); a name when a person is named
    after it (``named_after``: "noted NBC's Dante Chinni"), or, after a reporting verb
    (``reported``; not "according to X's analysis", X's word), a thing of theirs is ("suggested
    Donald Trump's refusal to disavow"). A plural's mark inside a name is none ("the Catholic
    Bishops' Conference")."""
    t = toks[b]
    if claim.kind == "role":
        return is_possessive(t)
    after = toks[b + 1] if b + 1 < len(toks) else None
    if not is_possessive(t) or (t.low.endswith(("s'", "s’")) and after is not None and is_cap(after)):
        return False
    return named_after or (reported and after is not None and after.kind == "W" and after.text.islower())


_FOLLOWED_BY = frozenset("to of for".split())
_BEFORE_FOLLOWED = frozenset("both the his her their".split())


def _followed(toks: list[Tok], a: int) -> bool:
    """Whether the chain at ``a`` names whom a follower named before it follows: "an adviser to
    both Clintons", "a friend of Bill Clinton", "a person close to Trump" (not the speaker)."""
    p = a - 1
    while p > 0 and toks[p].low in _BEFORE_FOLLOWED:
        p -= 1
    return p > 0 and toks[p].low in _FOLLOWED_BY and (toks[p - 1].low in FOLLOWERS or toks[p - 1].low == "close")


# What a source publishes, between "according to" and the source: "according to a recent report
# from Bloomberg New Energy Finance", "according to data from Johns Hopkins University".
_PUBLISHED = frozenset(
    "report reports study survey poll analysis data figures estimate estimates statement review tally count "
    "tweet post letter".split()
)
# When it was published, between it and its source: "according to a tweet on Monday by Mike Pompeo".
_WHEN_WORDS = WEEKDAYS | MONTHS


# Whom "according to him" names, as a pronoun that says.
_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}


def according_to(text: str, toks: list[Tok], v: int) -> Claim | None:
    """The source "according to" at ``v`` names: "according to Dmitry Peskov", "According to him,"
    (whom the pronoun stands for: not "according to her spokesman"), or the one after
    what it published ("according to a recent report from Bloomberg New Energy Finance", "... a
    study by the Pew Research Center", "... a tweet on Monday by Mike Pompeo"; not "according to a
    poll of voters")."""
    k = v + 2
    if k + 1 < len(toks) and toks[k].low in _OBJECT_PRONOUNS and toks[k + 1].text in ",;:":
        return Claim("pron", _OBJECT_PRONOUNS[toks[k].low], "say", v)  # "According to him, it was ..."
    found = subject_after(text, toks, k, "say", v, appositive=False)
    while found is None and k < min(len(toks) - 2, v + 7) and toks[k].kind == "W" and not is_cap(toks[k]):
        if toks[k].low in _PUBLISHED:
            j = k + 1
            while j < len(toks) - 1 and j - k <= 3 and (toks[j].low in _WHEN_WORDS or toks[j].low in ("on", "in")):
                j += 1  # when it was published: "on Monday", "in March"
            if toks[j].low in ("from", "by"):
                found = subject_after(text, toks, j + 1, "say", v, appositive=False)
                return found if found is not None and found.kind in ("name", "org") else None
        k += 1
    return found


# Possessive pronouns, and the pronoun that names their owner as a speaker.
_OWNERS = {"his": "he", "her": "she", "its": "it", "their": "they", "our": "we", "my": "i", "your": "you"}


def _owned_thing(toks: list[Tok], a: int, b: int) -> bool:
    """Whether the chain ``a..b`` names the kind of someone's thing, not its source: "according
    to his Facebook profile", "according to the school's Facebook post" (a word in lower case
    after it; "according to Trump's Twitter account" is still Trump's)."""
    before = toks[a - 1] if a > 0 else None
    after = toks[b + 1] if b + 1 < len(toks) else None
    owned = before is not None and (before.low in _OWNERS or (is_possessive(before) and not is_cap(before)))
    return owned and after is not None and after.kind == "W" and after.text.islower()


def subject_after(
    text: str, toks: list[Tok], k: int, verb: str, v: int, whole: bool = False, appositive: bool = True
) -> Claim | None:
    """The speaker named after a verb or "according to": "...," said Kremlin spokesman Dmitry Peskov.

    ``whole``: the name must end its clause (", says X." / ", says X in Almaty"), so that
    "..., said Clinton didn't appear concerned" (Clinton is the reported subject) names nobody.
    ``appositive``: a description and a comma may come before the name ("said its chief
    executive, John Ferriola"); not after "according to", whose comma ends the source
    ("According to the poll, Trump leads").
    """
    n = len(toks)
    if k >= n:
        return None
    if toks[k].kind == "W" and toks[k].low in PRONOUNS:
        if whole and _reported_subject(toks, k, v):
            return None
        return Claim("pron", toks[k].low, verb, v)
    if (aged := age_starting(toks, k)) is not None and _ends_clause(toks, aged[1]):
        return Claim("epithet", aged[0], verb, v)  # '"...," said the 23-year-old'
    e = k
    capitals = False
    joined = -1  # where an "and" inside an organisation's name is, if any
    described = -1  # where the words describing the person named after them end, if any
    while e < n and e - k < 12:
        t = toks[e]
        if t.kind == "A" or (t.kind == "W" and t.text[0].isupper()):
            capitals = capitals or is_name_token(t)
        elif appositive and t.text == "," and not capitals and e > k and e + 1 < n and is_cap(toks[e + 1]):
            pass  # a description, then the name: "said its chief executive, John Ferriola"
        elif t.low in ("and", "&") and e + 1 < n and is_cap(toks[e + 1]) and _inside_org(toks, k, e):
            joined = e  # "according to the Department of Health and Human Services": one name
        elif (
            capitals
            and (is_cap(toks[e - 1]) or toks[e - 1].low in ROLE_LOWER)  # "Clinton's top foreign policy adviser"
            and (name_at := _name_after_description(toks, e)) is not None
        ):
            e = described = name_at - 1  # "said Fox News host Sean Hannity": the host, not Fox News
        elif not (
            t.kind == "W"
            and (
                t.low in ROLE_LOWER
                or t.low in CONNECTORS
                or t.low in DETERMINERS
                or t.low in PARTICLES
                or t.low in FOLLOWERS  # "said Clinton aide Huma Abedin"
                # "said former tech executive Carly Fiorina": any description before the name
                or (not capitals and t.low not in _AFTER_NAME_ENDS and t.low not in DETECT_FORMS)
            )
        ):
            break
        e += 1
    if whole and e < n and toks[e].kind == "W" and toks[e].low not in _AFTER_NAME_ENDS:
        return None
    if joined >= 0 and is_cap(toks[e - 1]):
        start = next(i for i in range(k, e) if toks[i].low not in DETERMINERS)
        return Claim("org", span_text(text, toks, start, e - 1), verb, v)
    chains = []
    i = described + 1 if described >= 0 else k  # their employer is no speaker of theirs
    while i < e:
        if is_cap(toks[i]):
            b = min(chain_end(toks, i), e - 1)
            chains.append((i, b))
            i = b + 1
        else:
            i += 1
    found = [
        (b, c)
        for a, b in chains
        if (c := subject_from_chain(text, toks, a, b, verb, v))
        and not (c.kind == "name" and b + 1 < n and toks[b + 1].low in FOLLOWERS)  # "a Clinton aide"
        and not _followed(toks, a)  # "said a longtime adviser to both Clintons"
        and not _owned_thing(toks, a, b)  # "according to his Facebook profile"
    ]
    named_after = [b for b, c in found if c.kind == "name"]
    claims = [c for b, c in found if not _possessor(toks, b, c, any(x > b for x in named_after), appositive)]
    for kind in ("name", "org", "role"):
        for c in claims:
            if c.kind == kind:
                return c
    if not appositive and chains and not found and (owner := _OWNERS.get(toks[chains[0][0] - 1].low)):
        return Claim("pron", owner, verb, v)  # "according to his Facebook profile": his word
    if len(chains) == 1 and (national := national_word(toks, *chains[0])) and _ends_clause(toks, chains[0][1] + 1):
        return Claim("epithet", national, verb, v)  # '"...," said the Spaniard'
    if chains == [(k, k)] and people_or_place(toks[k]) and not is_possessive(toks[k]) and _ends_clause(toks, k + 1):
        return Claim("name", toks[k].text, verb, v, surname_only=True)  # '"...," said Cuban', after "Mark Cuban"
    if e > k and (not chains or (not claims and all(a == b and _qualifies_role(toks[a]) for a, b in chains))):
        role = role_words(toks, e - 1)  # "said the Kremlin spokesman", "said the Vermont senator"
        if role:
            return Claim("role", role, verb, v)
    return None


def quoted_as_saying(text: str, toks: list[Tok], v: int) -> Claim | None:
    """The speaker of "as saying" at ``v``: the subject of "Peskov was quoted as saying", and of
    "quoted by TASS / by the Interfax news agency as saying" (a source of a few words); the name
    after "quoted" in "TASS quoted Peskov as saying"."""
    q = next((q for q in range(v - 2, max(-1, v - 10), -1) if toks[q].low == "quoted"), None)
    if q is None:
        return None
    between = toks[q + 1 : v - 1]
    if not between or (between[0].low == "by" and all(t.kind in ("W", "A") for t in between)):
        return subject_before(text, toks, q, "say")
    if is_cap(toks[v - 2]) and chain_start(toks, v - 2) == q + 1:
        return subject_from_chain(text, toks, q + 1, v - 2, "say", v)
    return None
