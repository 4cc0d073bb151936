"""One article: linking surnames, pronouns and roles to the people the article names.

Surnames link to the full name written anywhere in the article (a surname two people share, to
the one mentioned most so far: people.py), roles to the one person the article gives that
title, pronouns to the nearest person of that gender (antecedents.py); sentences inside a quote with no
attribution of their own get the speaker of the sentence the quote belongs to.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import replace

from index.attribution.aliases import one_speaker, short_names
from index.attribution.antecedents import resolve_pronoun
from index.attribution.claims import Parsed, parse_sentence
from index.attribution.names import Mention
from index.attribution.openings import OPENING_ADVERBS, OPENING_CONJUNCTIONS
from index.attribution.people import (
    People,
    learn_people,
    never_a_person,
    resolve_epithet,
    resolve_role,
    surname_of_title,
)
from index.attribution.statements import statement_speakers
from index.attribution.subjects import Claim
from index.attribution.suffixes import surname_of
from index.attribution.transcripts import transcript_turns
from index.attribution.vocabulary import (
    DEMONYMS,
    PRONOUNS,
    STOP,
    TIME_NOUNS,
)
from index.lexicon import FIRST_NAMES, MONTHS, NUMBER_WORDS, WEEKDAYS
from index.types import Sentence


def one_person(byline: str | None) -> str | None:
    """The person a byline names when it names exactly one ("Ana Ruiz", "By Ana Ruiz"); None for
    none, several ("Ana Ruiz and Tom Berg", "Ana Ruiz, Tom Berg") or something else ("Staff")."""
    words = (byline or "").split()
    if words and words[0].lower() == "by":
        words = words[1:]
    if not 2 <= len(words) <= 4 or any(w.lower() in ("and", "&") or "," in w or not w[0].isupper() for w in words):
        return None
    return " ".join(words)


_POSSESSIVE_END = re.compile(r"['’]s$")
_FIRST_PERSON = re.compile(r"i['’](?:ve|m|d|ll)")


def _no_ones_name(value: str) -> bool:
    """Whether a capitalised word read as a speaker's name is a number, a small word or "I"
    written short ("Fifty former officials ... saying", "Amongst reported incidents", "as I've
    suggested"): a sentence's opening word, no one's name."""
    low = value.casefold()
    return (
        " " not in low
        and not value.isupper()
        and (  # "I", "WHO" are someone
            low in NUMBER_WORDS or low in STOP or low in ("amongst", "whilst") or bool(_FIRST_PERSON.fullmatch(low))
        )
    )


def _named_speaker(speaker: str | None, text: str) -> str | None:
    """``speaker`` when ``text`` (the sentence they spoke in) writes their surname, else None."""
    if not speaker or " " not in speaker:
        return None
    return speaker if re.search(rf"\b{re.escape(surname_of(speaker))}\b", text) else None


def _alone_of_surname(named: set[str], referred: Collection[str]) -> set[str]:
    """The people ``named`` in full in a sentence whom no one else it refers to shares a surname
    with: "... wrote to Mrs. Clinton about a visit by Chelsea Clinton" does not make "Mrs. Clinton
    replied" next Chelsea, the Clinton named in full there (``People.canonical``'s ``recent``)."""
    surnames = {other: surname_of(other).lower() for other in referred}
    return {n for n in named if not any(o != n and s == surname_of(n).lower() for o, s in surnames.items())}


def _one_word(name: str) -> bool:
    """Whether ``name`` is one word in capitals and small letters ("Bloomberg", "VanderSloot";
    not "NATO", not "The Hill")."""
    return " " not in name and name[:1].isupper() and not name.isupper()


def _surname_after_demonym(org: str, people: People) -> str | None:
    """The surname of an organisation read as a demonym and one word ("Western Journalism"),
    when the article gives someone that surname: "German Ortega says", after "Freddy Ortega"."""
    words = org.split()
    if len(words) == 2 and words[0].lower() in DEMONYMS and words[1].lower() in people.by_last:
        return words[1]
    return None


def resolve_article(sentences: Sequence[Sentence], title: str, author: str | None = None) -> list[Sentence]:
    parsed: list[Parsed] = []
    inside = False
    for i, s in enumerate(sentences):
        if i and s.paragraph != sentences[i - 1].paragraph:
            inside = False  # a quote running over paragraphs is reopened with a new mark
        p = parse_sentence(s.text, inside)
        parsed.append(p)
        inside = p.ends_in_quote
    people = learn_people(parsed, title)
    writer = one_person(author)
    orgs: set[str] = set()

    speakers: list[str | None] = [None] * len(sentences)
    verbs: list[str | None] = [None] * len(sentences)
    mentioned: list[list[tuple[int, str]]] = []
    # Lone words that never look like a person anywhere in the article ("in Orlando", "Wow").
    seen_as_person = {m.name for p in parsed for m in p.mentions if m.person}
    not_people = {m.name for p in parsed for m in p.mentions if not m.person} - seen_as_person
    # A lone capitalised word only ever seen opening a sentence ("Lately", "Noting", "Another")
    # and no part of a full name is an ordinary word, not a speaker.
    openers = {m.name for p in parsed for m in p.mentions if people.only_opens(m)}
    claimed = {c.value for p in parsed for c in p.claims if c.kind == "name"}  # "Peskov said"
    not_people |= {
        w
        for w in openers - claimed
        if w.lower() not in people.by_last and w.lower() not in people.by_first and w.lower() not in FIRST_NAMES
    }

    def gender_of(name: str) -> str | None:
        return "n" if name in orgs else people.gender.get(name)

    def is_person(name: str) -> bool:
        return name not in orgs and name not in not_people and not never_a_person(name)

    in_full: set[str] = set()  # the people named in full in the sentence before
    sightings: Counter[str] = Counter()  # person -> mentions so far
    opened = _quote_openings(parsed, sentences)
    for i, p in enumerate(parsed):
        recent, in_full = in_full, {m.name for m in p.mentions if m.name in people.full}
        here = [(m.index, people.canonical(m.name, m.gender, recent, sightings)) for m in p.mentions]
        in_full = _alone_of_surname(in_full, {name for _, name in here})
        mentioned.append(here)
        chosen: tuple[str, str] | None = None
        for c in p.claims:
            if (
                c.kind == "name"
                and c.value in openers
                and c.value.lower().endswith(("ly", "ing"))
                and c.value.lower() not in people.by_last  # "Manning said", after "Peyton Manning"
            ):
                continue  # "Having announced ...", "Lately, ..."
            if c.surname_only and c.value.lower() not in people.by_last:
                continue  # "Israel said", unless the article names a person so ("Steve Israel")
            if c.kind in ("name", "org") and _no_ones_name(c.value):
                continue  # "Fifty former officials signed a letter saying", "as I've suggested"
            if c.kind == "org" and _one_word(c.value) and c.value.lower() in people.by_last and not _its(p, c):
                c = replace(c, kind="name")  # "Bloomberg said", after "Michael Bloomberg"; "VanderSloot said"
            elif c.kind == "org" and (surname := _surname_after_demonym(c.value, people)):
                c = replace(c, kind="name", value=surname)  # "German Ortega says", after "Freddy Ortega"
            who: str | None
            if writer and c.kind != "pron" and c.value == "I":  # the writer's own words: "'Okay,' I said."
                who = writer
            else:
                opening = _opening_phrase_end(p, c.index)
                who = resolve_claim(
                    c,
                    opened[i] if c.kind in ("pron", "epithet") else i,  # '"A. / B," he said.': he of before A
                    [at for at in here if at[0] > opening],
                    people,
                    speakers,
                    mentioned,
                    gender_of,
                    is_person,
                    _title_gender(p, c) or _gender_around(p, c, sentences[i].text, people),
                    recent,
                    sightings,
                    _named_speaker(speakers[i - 1], sentences[i - 1].text) if i else None,
                )
            if who is None or (c.kind == "pron" and PRONOUNS[c.value] in ("m", "f") and not people.proven(who)):
                continue
            if c.kind == "pron" and who in _named_after(p, c, here, people):
                continue  # "He has declared Cruz anointed": he is not Cruz
            if c.kind == "org":
                orgs.add(who)
            if chosen is None:
                chosen = (who, c.verb)
                if c.kind != "org":
                    break
            elif c.kind == "name":  # a person quoted inside an organisation's statement
                chosen = (who, c.verb)
                break
        if chosen:
            speakers[i], verbs[i] = chosen
        elif opened[i] < i and speakers[i - 1] and not _speaks_unresolved(p) and not _a_quoted_term(p):
            # The quote goes on: its speaker speaks here too, and is the one "he" after it means.
            speakers[i], verbs[i] = speakers[i - 1], verbs[i - 1]
        for m, (_, name) in zip(p.mentions, here, strict=True):
            if not (m.words == 1 and m.name.lower() in people.by_first and m.name.lower() not in people.by_last):
                sightings[name] += 1  # a first name alone ("Freddy") is no sighting of the surname's person
        if not chosen and (k := _opening_pronoun(p)) is not None:
            # "He is talking to voters." carries him to the next sentence's "he said", as its subject
            # before anyone else it names ("She called Carson a special person. / ..., she said.").
            pronoun = Claim("pron", p.toks[k].low, "", k)
            who = resolve_pronoun(pronoun, i, here, speakers, mentioned, gender_of, is_person, people.firm_gender)
            if who is not None and people.proven(who) and gender_of(who) == PRONOUNS[pronoun.value]:
                here.insert(0, (k, who))  # only someone the article shows to be a "he" ("Obama" alone may be anyone)

    def issuer(name: str) -> bool:
        """Who may issue a statement: a person named in full or with a title (not "American Samoa")."""
        titled = any(name in persons for persons in people.roles.values())
        return is_person(name) and (name.split()[-1].lower() in people.by_last or titled)

    toks = [p.toks for p in parsed]  # "..., the statement said": whoever issued it (statements.py)
    for i, who in statement_speakers([s.text for s in sentences], speakers, mentioned, toks, issuer).items():
        speakers[i], verbs[i] = who, "say"
    # A quote left open is attributed where it closes: "We will wait. / We are patient," he said.
    for i in range(len(parsed) - 2, -1, -1):
        if (
            speakers[i] is None
            and not _speaks_unresolved(parsed[i])
            and parsed[i].ends_in_quote
            and speakers[i + 1]
            and sentences[i + 1].paragraph == sentences[i].paragraph
        ):
            speakers[i], verbs[i] = speakers[i + 1], verbs[i + 1]
    # A quote after a report that ends with a colon is what it announces: "Cruz continued: / "You look at ...""
    for i in range(1, len(parsed)):
        if (
            speakers[i] is None
            and speakers[i - 1]
            and sentences[i - 1].text.rstrip().endswith(":")
            and parsed[i].toks
            and parsed[i].toks[0].kind == "Q"
            and not _speaks_unresolved(parsed[i])
        ):
            speakers[i], verbs[i] = speakers[i - 1], verbs[i - 1]
    # A bare quote continues the quote of the sentence before it: '"...," Smith said. / "At the same time ..."',
    # also in a paragraph of its own after a paragraph that opens with a quote (_all_quote).
    for i in range(1, len(parsed)):
        if (
            speakers[i] is None
            and not _speaks_unresolved(parsed[i])
            and parsed[i].starts_in_quote
            and not _a_quoted_term(parsed[i])
            and speakers[i - 1]
            and (
                sentences[i].paragraph == sentences[i - 1].paragraph
                or parsed[i - 1].ends_in_quote
                or (_all_quote(parsed[i]) and parsed[i - 1].toks[0].kind == "Q")
            )
        ):
            speakers[i], verbs[i] = speakers[i - 1], verbs[i - 1]

    for i, who in transcript_turns(sentences, people).items():  # "FALLIN: I think ..." (transcripts.py)
        speakers[i], verbs[i] = who, "say"
    # One organisation, one string: "Foreign Ministry" -> "Ukraine’s Foreign Ministry".
    longer = {o: matches[0] for o in orgs if len(matches := [x for x in orgs if x != o and x.endswith(" " + o)]) == 1}
    named = one_speaker([longer.get(sp, sp) if sp else None for sp in speakers], short_names(s.text for s in sentences))
    return [replace(s, speaker=named[i], verb=verbs[i] if named[i] else None) for i, s in enumerate(sentences)]


# Words before a pronoun that put it in a clause of its own ("When he insisted ..., Francis
# has understood"), and words after its verb that end its clause ("He admits ..., but Prager
# thinks"; "he told advisers, according to Uzi Arad, Mr. Netanyahu's adviser").
_SUBORDINATORS = frozenset("when as after before while since although though if because until once what".split())
_CLAUSE_ENDS = frozenset("but ; according whereas although though".split())


def _quote_openings(parsed: Sequence[Parsed], sentences: Sequence[Sentence]) -> list[int]:
    """For each sentence, the sentence its quote opened in when it starts inside a quote that
    opened earlier in its paragraph ('"We will wait. / We are patient," he said.'), else itself:
    "he" there is read as in the sentence the quote opened, not among the quoted sentences."""
    opened = list(range(len(parsed)))
    for i in range(1, len(parsed)):
        if (
            parsed[i].starts_in_quote
            and parsed[i - 1].ends_in_quote
            and sentences[i].paragraph == sentences[i - 1].paragraph
        ):
            opened[i] = opened[i - 1]
    return opened


def _named_after(p: Parsed, c: Claim, here: list[tuple[int, str]], people: People) -> set[str]:
    """People a "he"/"she" cannot be: named after its verb in its own clause ("He has declared
    Cruz anointed", '"...," he said of Trump'): a pronoun is never the name it governs. Only
    names that are one person (a full name, or a surname only one person has) count."""
    toks = p.toks
    if any(t.kind == "W" and t.low in _SUBORDINATORS for t in toks[: c.index]):
        return set()
    end = next((k for k in range(c.index + 1, len(toks)) if toks[k].low in _CLAUSE_ENDS), len(toks))
    return {
        name
        for m, (idx, name) in zip(p.mentions, here, strict=True)
        if c.index < idx < end and (m.words >= 2 or len(people.by_last.get(name.split()[-1].lower(), ())) <= 1)
    }


def _written(p: Parsed, c: Claim) -> Mention | None:
    """The mention a name claim is written as, the nearest of that name to its verb."""
    written = [m for m in p.mentions if m.name == c.value] if c.kind == "name" else []
    return min(written, key=lambda m: abs(m.index - c.index)) if written else None


def _title_gender(p: Parsed, c: Claim) -> str | None:
    """The gender a courtesy title gives the name a claim is made of ("Mrs. Clinton said")."""
    mention = _written(p, c)
    return mention.gender if mention else None


_CLAUSE_REACH = 6  # words after a verb in which "he"/"she" is its speaker's: "told the debate audience that she"


def _gender_around(p: Parsed, c: Claim, text: str, people: People) -> str | None:
    """For a surname two people of either gender share ("Clinton said" beside Bill and Hillary
    Clinton), the gender the words around it give the speaker: a "her"/"his" before the name
    with no one else named before it ("In her 2003 book, Clinton noted"), the first "she"/"he"
    within ``_CLAUSE_REACH`` words after the verb with no one named between ("Clinton said she",
    "Clinton told the crowd that she"), or the quote's "my wife" / "my husband" ('"... attack my
    wife," Cruz said'). None otherwise, or when that gender fits no one of that surname."""
    if c.kind != "name" or " " in c.value:
        return None
    options = people.options([c.value])
    if len({people.firm_gender.get(o) for o in options}) < 2:
        return None
    at = mention.index if (mention := _written(p, c)) else c.index
    before = {g for k, g in p.gendered if k < at}
    named_before = any(m.index < at and m.name != c.value for m in p.mentions)
    # the first "he"/"she" a few words after the verb, no one named between ("told the audience that she")
    end = next((m.index for m in p.mentions if m.index > c.index), len(p.toks))
    after = next(
        (k for k in range(c.index + 1, min(end, c.index + 1 + _CLAUSE_REACH)) if p.toks[k].low in ("he", "she")), None
    )
    found: str | None = None
    if len(before) == 1 and not named_before:
        found = next(iter(before))
    elif after is not None:
        found = PRONOUNS[p.toks[after].low]
    else:
        low = text.lower()
        wife, husband = "my wife" in low, "my husband" in low
        found = ("m" if wife else "f") if wife != husband else None
    return found if found and people.options([c.value], found) else None


def _its(p: Parsed, c: Claim) -> bool:
    """Whether "its" follows the verb of ``c`` closely, or "it" right after it: "Bloomberg says its
    reporting found", "Bloomberg says it started marking down" are the news agency's, whoever else
    is called Bloomberg."""
    after = p.toks[c.index + 1 : c.index + 4]
    return any(t.low == "its" for t in after) or (bool(after) and after[0].low == "it")


def _opening_pronoun(p: Parsed) -> int | None:
    """The token index of "he"/"she" opening the sentence (after "But", "And", "Then", ..., or a
    time and its comma: "On Sunday, she disclosed"), else None."""
    comma = next((k for k, t in enumerate(p.toks[:5]) if t.text == ","), -1)
    start = comma + 1 if any(t.low in _TIMES for t in p.toks[: max(comma, 0)]) else 0
    for k in range(start, len(p.toks)):
        t = p.toks[k]
        if t.kind != "W":
            continue
        if t.low in ("he", "she"):
            return k
        if t.low not in OPENING_CONJUNCTIONS and t.low not in OPENING_ADVERBS:
            return None
    return None


_TIMES = WEEKDAYS | MONTHS | TIME_NOUNS | frozenset("later earlier afterward afterwards".split())


def _opening_phrase_end(p: Parsed, verb: int) -> int:
    """The comma before "he"/"she" and the verb at ``verb`` when a participle's phrase opens the
    sentence and ends there ("Speaking to Martin Smith of PBS, he said", "Asked about her vote in
    the event that Clinton faces Trump, who ..., she replied"): whom it names is not the pronoun
    after it; -1 when the sentence goes otherwise."""
    first = p.toks[0] if p.toks else None
    if first is None or first.kind != "W" or not first.text[0].isupper() or first.low in FIRST_NAMES:
        return -1
    if not first.low.endswith(("ing", "ed")) or len(first.low) < 5 or verb < 2:
        return -1
    opened = p.toks[verb - 2].text == "," and p.toks[verb - 1].low in ("he", "she")
    return verb - 2 if opened else -1


def _all_quote(p: Parsed) -> bool:
    """Whether a sentence is a quote of six words or more and nothing else: a paragraph of it
    after a paragraph that opens with a quote goes on with that quote. A shorter one may be the
    crowd's ('"Nooooo!"') or a question put to the speaker."""
    return (
        bool(p.toks)
        and p.toks[0].kind == "Q"
        and all(t.kind in ("Q", "P") for t in p.toks)
        and len(p.toks[0].text.split()) >= 6
    )


def _a_quoted_term(p: Parsed) -> bool:
    """Whether a sentence opens with a quoted word or two that its own words go on about
    ("‘Stickerboy’ placed two stickers over his face and danced around"), not a quote."""
    first = p.toks[0] if p.toks else None
    after = sum(t.kind == "W" for t in p.toks[1:])
    return first is not None and first.kind == "Q" and len(first.text.split()) <= 2 and after >= 5


def _speaks_unresolved(p: Parsed) -> bool:
    """Whether a sentence names its own speaker in a way that was not resolved ('"...," the
    senator said' with two senators): it then keeps no speaker rather than the quote's before.
    An unresolved "he"/"she" does continue the quote ('"...," Kim Tal said. / "...," he said.')."""
    return any(c.kind != "pron" for c in p.claims)


def resolve_claim(
    c: Claim,
    i: int,
    here: list[tuple[int, str]],
    people: People,
    speakers: list[str | None],
    mentioned: list[list[tuple[int, str]]],
    gender_of: Callable[[str], str | None],
    is_person: Callable[[str], bool],
    title_gender: str | None = None,
    recent: Collection[str] = (),
    sightings: Mapping[str, int] | None = None,
    continuing: str | None = None,
) -> str | None:
    """Whom claim ``c`` of sentence ``i`` names; ``continuing``: the speaker of the sentence
    before, when that sentence writes their surname."""
    if c.kind == "name":
        # Of two the name may be, the one who spoke in the sentence before, named there by it, goes
        # on: "former president Bill Clinton said ... / Clinton said, "She was ..."" beside the
        # Hillary Clinton the article names as often (not "Tom told ... / "...," Ebeling said.").
        if continuing and c.value not in people.full and continuing in people.options(c.value.split(), title_gender):
            return continuing
        return people.canonical(c.value, title_gender, recent, sightings)
    if c.kind == "org" and c.with_s:  # "McDonald's said"; "Trump's said" when a Trump is named: Trump has said
        named = people.by_last.get(_POSSESSIVE_END.sub("", c.value).lower(), ())
        return named[0] if len(named) == 1 else c.value
    if c.kind == "org":
        return _POSSESSIVE_END.sub("", c.value)  # "according to WHO's statistics": WHO's word
    if c.kind == "role":
        return resolve_role(c.value, people) or surname_of_title(c.value, people)
    if c.kind == "epithet":
        before = next((names for names in mentioned[max(0, i - 2) : i][::-1] if names), [])  # named last
        near = [name for idx, name in here if idx < c.index] + [name for _, name in before]
        return resolve_epithet(c.value, people, [n for n in near if is_person(n)])
    return resolve_pronoun(c, i, here, speakers, mentioned, gender_of, is_person, people.firm_gender)
