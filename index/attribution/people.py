"""The people one article names: their full names, how a surname or a first name finds them,
their genders and titles; and which of them a name written in a sentence means.

resolution.py reads each sentence with these: "Peskov said" is the Dmitry Peskov named earlier.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace

from index.attribution.claims import Parsed, parse_sentence
from index.attribution.epithets import described, epithet_key, gender_of_national
from index.attribution.names import Mention, first_name_al
from index.attribution.quotes import after_article, bare
from index.attribution.suffixes import generation, surname_at, without_generation
from index.attribution.surnames import double_surnames, ends_of_longer_names, sentence_words_before_surnames
from index.attribution.vocabulary import (
    BUILDING_KINDS,
    DEMONYMS,
    FOLLOWERS,
    GENERIC,
    GROUP_PEOPLE,
    INSTITUTION_KINDS,
    PLACE_KINDS,
    REGNAL_TITLES,
    TEAMS,
    TITLE_ABBREVIATIONS,
    a_people,
)
from index.lexicon import FEMALE_NAMES, FIRST_NAMES, MALE_NAMES, family_name_first, is_title_word


@dataclass(frozen=True)
class People:
    """What the article says about its people: full names, how to find them, their genders."""

    full: dict[str, int]  # full name -> sentence index of first appearance
    by_last: dict[str, tuple[str, ...]]
    by_first: dict[str, tuple[str, ...]]
    gender: dict[str, str]
    roles: dict[str, frozenset[str]]  # normalised title words -> people with that title
    # The genders a first name or a courtesy title gives, not those guessed from pronouns
    firm_gender: dict[str, str] = field(default_factory=dict)
    # A word of a titled person's full name other than its last, by which a name written alone may
    # mean them ("Dr Tedros" of Tedros Adhanom Ghebreyesus, "Hardeep" of Minister Hardeep Singh Puri)
    by_other: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # A nation's adjective or an age -> the people whom words next to their name make so ("Scot
    # Andy Murray", "Spain's Rafael Nadal", "Andy Murray, 23,"): whom "the Scot" means (epithets.py)
    epithets: dict[str, frozenset[str]] = field(default_factory=dict)
    # Names written alone that the article shows to be someone: by speaking ("Sami said") or by a
    # title ("Mr. Minor"); and the names it writes in the middle of a sentence somewhere.
    shown_alone: frozenset[str] = frozenset()
    mid_sentence: frozenset[str] = frozenset()
    # Names the article writes alone after a pope's or a monarch's title ("Pope Francis", "Queen
    # Elizabeth"), casefolded, and the full names it writes after one ("Saudi Prince Alwaleed Bin
    # Talal"): such a name alone is a whole name, or one of those, never the first name of someone
    # else it names in full ("Francis Fukuyama", "Elizabeth Warren"). After "Mr." it may be one
    # ("Mr. Lou" of Lou Jiwei).
    regnal: frozenset[str] = frozenset()
    royal: frozenset[str] = frozenset()
    # Surnames (lower case) the article writes with a generation and no first name ("Trump Jr."):
    # it tells the son from his father, so the surname alone ("Mr. Trump") is not the son.
    told_apart: frozenset[str] = frozenset()

    def proven(self, name: str) -> bool:
        """Whether "he"/"she" may mean ``name``: a full name, or a word alone that the article
        shows to be someone (``shown_alone``) or that is a first name ("Bob"). Otherwise it is as
        likely a town or a company that a nearby "his" made look male ("Clarkston became his
        home", "Compaq, she predicted")."""
        return " " in name or name in self.shown_alone or name.lower() in FIRST_NAMES

    def only_opens(self, m: Mention) -> bool:
        """Whether ``m`` is one capitalised word, with no title, that the article writes only where
        it opens a sentence ("Lately", "Noting", "Tennis" of "Tennis great Billie Jean King")."""
        return m.initial and m.words == 1 and m.name not in self.mid_sentence and not m.title and not m.gender

    def options(self, words: Sequence[str], gender: str | None = None) -> tuple[str, ...]:
        """The people a name of ``words`` may be: those of its surname (of its first name when it
        is one alone and no surname), less those whose gender is not ``gender``. A name with a
        generation ("Trump Jr.") is only someone of that generation; the surname alone, where the
        article tells them apart (``told_apart``), only someone of none."""
        key = words[surname_at(words)].lower()
        options = self.by_last.get(key, ())
        told = generation(words)
        if len(words) == (2 if told else 1) and not options:
            if key in FIRST_NAMES:  # "Donald said", "Donald Jr. announced"; not "EgyptAir said"
                options = self.by_first.get(key, ())
            elif len(other := self.by_other.get(key, ())) == 1:
                options = other  # "Dr Tedros said", "Hardeep said": the one titled full name that holds it
            if key in self.regnal:  # "Pope Francis" is not Francis Fukuyama
                options = tuple(o for o in options if o in self.royal)
        if told:
            options = tuple(o for o in options if generation(o.split()) == told)
        elif key in self.told_apart:
            options = tuple(o for o in options if not generation(o.split()))
        if gender:  # "Mrs. Clinton" is not Bill Clinton
            options = tuple(o for o in options if self.firm_gender.get(o, gender) == gender)
        return options

    def canonical(
        self,
        name: str,
        gender: str | None = None,
        recent: Collection[str] = (),
        sightings: Mapping[str, int] | None = None,
    ) -> str:
        """The full name a mention refers to: "Peskov" -> "Dmitry Peskov". ``gender`` is the one
        its courtesy title gives ("Mrs. Clinton": "f"), which rules out the article's people of the
        other gender: "Mrs. Clinton" is Hillary Clinton beside Bill, and no one the article names in
        full when it names only Bill.

        Of two people sharing a surname, "Sanders" is the one the article has mentioned most so far
        (``sightings``), the first named when as often: the article's own Bernie Sanders, not the
        Jane Sanders it names once. Unless one of them was named in full in the sentence before
        (``recent``): "... said Gary Johnson, the Libertarian. / Johnson added ..." is he."""
        if name in self.full:
            return name
        words = name.split()
        if not words:
            return name
        options = self.options(words, gender)
        if len(options) == 1:
            return options[0]
        if options:
            # A father and his son ("Brent Bozell III", "his father, Brent Bozell, Jr."): the one
            # named just before is not the more likely because of that.
            kin = len({without_generation(o) for o in options}) == 1
            near = [o for o in options if o in recent and not kin] or options
            seen = sightings or {}
            return max(near, key=lambda o: (seen.get(o, 0), -self.full[o]))
        return name


def learn_people(parsed: Sequence[Parsed], title: str) -> People:
    full: dict[str, int] = {}
    gender: dict[str, str] = {}
    openers: set[str] = set()
    inside: set[str] = set()
    told_apart: set[str] = set()
    for idx, p in enumerate(parsed):
        for m in p.mentions:
            words = m.name.split()
            if len(words) == 2 and generation(words):  # "Trump Jr.", "Donald Jr.": no full name
                if words[0].lower() not in FIRST_NAMES:
                    told_apart.add(words[0].lower())  # a surname and a generation
            elif m.words >= 2:
                full.setdefault(m.name, idx)
                (openers if m.initial else inside).add(m.name)
    for name in {*sentence_words_before_surnames(openers - inside, full, parsed), *ends_of_longer_names(full)}:
        del full[name]
    if title:
        for m in parse_sentence(title, False).mentions:
            if m.words >= 2 and m.name.split()[0].lower() in FIRST_NAMES:
                full.setdefault(m.name, len(parsed))
    by_last: dict[str, list[str]] = {}
    by_first: dict[str, list[str]] = {}
    for name in full:
        words = name.split()
        surname = words[surname_at(words)]
        if words[0].lower() not in TEAMS:  # "Team Trump" speaks for Trump; it is not who "Trump" is
            by_last.setdefault(surname.lower(), []).append(name)
        by_first.setdefault(words[0].lower(), []).append(name)
        first = words[0].lower()
        if family_name_first(words):  # "Moon Jae-in" is Moon, and "Kim" of "Kim Jong-un" no woman
            by_last.setdefault(first, []).append(name)
        elif article := after_article(surname):  # "Assad" is Bashar al-Assad
            by_last.setdefault(article.lower(), []).append(name)
        elif first in FEMALE_NAMES:
            gender[name] = "f"
        elif first in MALE_NAMES or first_name_al(words):
            gender[name] = "m"
    # Only of someone the article gives a title ("WHO Director-General Dr Tedros Adhanom
    # Ghebreyesus"): an untitled "Midway Atoll" or "Tesco Polska" is no "Midway" or "Tesco".
    titled = {
        m.name for p in parsed for m in p.mentions if m.words >= 2 and (m.title or m.gender or _after_title(p, m))
    }
    by_other: dict[str, list[str]] = {}
    for name in titled & set(full):
        for word in name.split()[:-1]:
            if len(word) > 2 and word[0].isupper() and "." not in word:
                by_other.setdefault(word.lower(), []).append(name)
    for name, middle in double_surnames(full):
        if middle not in by_last:  # "Ms. Acosta" beside "Melba Acosta Febo"; not when a "Mike Huckabee" is Huckabee
            by_last[middle] = [name]
    people = People(
        full,
        {k: tuple(v) for k, v in by_last.items()},
        {k: tuple(v) for k, v in by_first.items()},
        gender,
        {},
        gender,  # while it learns, every gender it knows is firm
        {k: tuple(dict.fromkeys(v)) for k, v in by_other.items()},
        shown_alone=frozenset(
            {c.value for p in parsed for c in p.claims if c.kind == "name"}
            | {m.name for p in parsed for m in p.mentions if m.title or m.gender}
        ),
        mid_sentence=frozenset(m.name for p in parsed for m in p.mentions if not m.initial),
        told_apart=frozenset(told_apart),
        regnal=frozenset(m.name.lower() for p in parsed for m in p.mentions if m.words == 1 and _regnal(m.title)),
        royal=frozenset(m.name for p in parsed for m in p.mentions if m.words >= 2 and _regnal(m.title)),
    )
    roles: dict[str, set[str]] = {}
    epithets: dict[str, set[str]] = {}
    for p in parsed:
        for m in p.mentions:
            name = people.canonical(m.name, m.gender)
            keys, told = described(p.toks, m.index - m.words + 1, m.index)
            for key in keys:
                epithets.setdefault(key, set()).add(name)
            if told and name not in gender:  # "Frenchwoman Amelie Mauresmo"
                gender[name] = told
            # "Ms. Khan" tells a gender only when it can be one Khan of the article
            if (
                m.gender
                and name not in gender
                and (name == m.name or len(people.options(m.name.split(), m.gender)) == 1)
            ):
                gender[name] = m.gender
            if m.title:
                roles.setdefault(" ".join(_title_word(w) for w in m.title.lower().split()), set()).add(name)
    firm = dict(gender)
    pronoun_evidence(parsed, people, gender)
    return replace(
        people,
        roles={k: frozenset(v) for k, v in roles.items()},
        firm_gender=firm,
        epithets={k: frozenset(v) for k, v in epithets.items()},
    )


def _regnal(title: str) -> bool:
    """Whether ``title`` (as written before a name, maybe of several words: "Crown Prince") ends
    with a pope's or a monarch's title."""
    words = title.lower().split()
    return bool(words) and words[-1] in REGNAL_TITLES


def _after_title(p: Parsed, m: Mention) -> bool:
    """Whether a title word is written just before the mention ``m`` ("Dr Meerjady Sabrina Flora")."""
    s = m.index - m.words + 1
    return s > 0 and p.toks[s - 1].kind in ("W", "A") and is_title_word(p.toks[s - 1].text)


def pronoun_evidence(parsed: Sequence[Parsed], people: People, gender: dict[str, str]) -> None:
    """Learn genders the name list does not know ("Wendy Sherman ... her conversations") by a
    vote of every pronoun that may mean someone: one "his" does not make Hatice Cengiz a man when
    "she" and "her" follow. A pronoun means the nearest name before it in its sentence; with none,
    or when it repeats the pronoun that opened the sentence before any name ("He said his
    opponent, Mark Smith, ... his"), the one the story is about: the first name of the last
    sentence that opened on a name, not on a pronoun, nor on a word capitalised only there
    ("Tennis great Billie Jean King"). People in the plural get no vote, nor a lone word the
    article does not show to be someone by a title or by speaking ("Compaq, she predicted").

    For the people of the 1,189 PolNeAR and Wikinews articles whose first name tells their
    gender, this agrees with it 2,354 times and not 208; the nearest name, the first pronoun
    deciding, agreed 2,250 times and not 372."""
    votes: dict[str, dict[str, int]] = {}
    about: str | None = None  # whom the story is about, as far as the sentences so far tell
    for p in parsed:
        names = [(m.index, people.canonical(m.name, gender=m.gender)) for m in p.mentions]
        opened = p.gendered[0] if p.gendered and (not names or p.gendered[0][0] < names[0][0]) else None
        for idx, g in p.gendered:
            before = [n for i, n in names if i < idx]
            if before and _an_object(p, idx):
                continue  # "President Obama backed her up": she is someone else
            target = before[-1] if before and not (opened and g == opened[1]) else about
            if target and target not in gender and not _plural(target) and people.proven(target):
                votes.setdefault(target, {"m": 0, "f": 0})[g] += 1
        if names and opened is None:
            about = names[0][1]
            if _an_opening_word(first := p.mentions[0], people):
                # the name a word after a word capitalised as it opens the sentence ("Tennis great
                # Billie Jean King remembered"), else nobody known ("Starting this weekend, his
                # wife joined Jan Tal": not Jan Tal)
                after = p.mentions[1] if len(p.mentions) > 1 else None
                about = names[1][1] if after and after.index - after.words <= first.index + 1 else None
    for target, counts in votes.items():
        if counts["m"] != counts["f"]:
            gender[target] = "m" if counts["m"] > counts["f"] else "f"


def _an_opening_word(m: Mention, people: People) -> bool:
    """Whether a mention is a word capitalised only as it opens the sentence ("Tennis great
    Billie Jean King remembered ..."): ``People.only_opens``, and no first name nor any full
    name's surname."""
    low = m.name.lower()
    return people.only_opens(m) and low not in FIRST_NAMES and low not in people.by_last


def _plural(name: str) -> bool:
    """Whether ``name`` is people in the plural, whom no "he" or "she" means: "Prosecutors",
    "Officials", "Men" (of "the National Coalition for Men"), "Russians"."""
    low = name.lower()
    return low in _PLURALS or a_people(low)


_PLURALS = GENERIC | GROUP_PEOPLE | FOLLOWERS | {"men", "women", "prosecutors"}


# What follows "her" as an object, not as a possessive ("backed her up", "told her that", "her."):
_AFTER_AN_OBJECT = frozenset(
    "up to for in on of as that and or but out back down off with at about from into by".split()
)


def _an_object(p: Parsed, k: int) -> bool:
    """Whether the pronoun at token ``k`` is a verb's object ("him", and "her" before a particle
    or a stop), which is someone other than the clause's subject."""
    low = p.toks[k].low
    if low == "him":
        return True
    if low != "her":
        return False
    after = p.toks[k + 1] if k + 1 < len(p.toks) else None
    return after is None or after.kind != "W" or after.low in _AFTER_AN_OBJECT


def _title_word(word: str) -> str:
    low = bare(word.lower())
    return TITLE_ABBREVIATIONS.get(low, low)


def resolve_role(role: str, people: People) -> str | None:
    """The one person whose title holds every word of ``role``; or, for a role naming a place or a
    people the title does not ("the Vermont senator" after "Sen. Bernie Sanders of Vermont"), the
    one whose title holds the rest and whom the article ties to that place (``People.epithets``)."""
    asked = {_title_word(w) for w in role.split()}
    found = {person for title, persons in people.roles.items() if asked <= set(title.split()) for person in persons}
    places = {w for w in asked if w in people.epithets}
    if not found and places and (rest := asked - places):
        tied = set.intersection(*(set(people.epithets[w]) for w in places))
        found = {p for title, persons in people.roles.items() if rest <= set(title.split()) for p in persons} & tied
    return next(iter(found)) if len(found) == 1 else None


def resolve_epithet(epithet: str, people: People, near: Sequence[str] = ()) -> str | None:
    """The one person "the Scot" or "the 23-year-old" (``epithet``: "scot", "23") means: so by
    what the article writes next to their name, else the one person ``near`` (named just before)
    whom nothing the article writes makes otherwise ("Lori Bernstein held up a sign. / The
    57-year-old scientist says"); never one of the other gender ("the Frenchwoman")."""
    key = epithet_key(epithet) or ""
    found = [p for p in people.epithets.get(key, ()) if _of_gender(p, epithet, people)]
    if found:
        return found[0] if len(found) == 1 else None
    told = {p for k, holders in people.epithets.items() if k.isdigit() == key.isdigit() for p in holders}
    fitting = list(dict.fromkeys(p for p in near if p not in told and _of_gender(p, epithet, people)))
    return fitting[0] if len(fitting) == 1 else None


def _of_gender(person: str, epithet: str, people: People) -> bool:
    gender = gender_of_national(epithet)
    return gender is None or people.gender.get(person, gender) == gender


def surname_of_title(role: str, people: People) -> str | None:
    """The one person whose surname is ``role``, a title word written alone and capitalised
    ("King said" after "Rep. Peter T. King"; not "the king said"), when no one in the article
    holds that title; None otherwise."""
    options = people.by_last.get(role.lower(), ()) if role.istitle() and " " not in role else ()
    return options[0] if len(options) == 1 else None


def never_a_person(name: str) -> bool:
    """Names "he"/"she" cannot mean: peoples ("Americans", "Muslim-Americans", "Latino"), places
    named by their kind ("Scarborough Shoal", "Lake Winola", "Wall Street", "Trump Tower") and a kind of
    institution alone ("Convention" of "the Republican National Convention", "Senate")."""
    words = name.lower().split()
    last = words[-1]
    return (
        (last in DEMONYMS and not (len(words) > 1 and words[0] in FIRST_NAMES))  # "Mark Cuban" is someone
        or last.endswith(("americans", "american"))
        or any(w in PLACE_KINDS for w in words)
        or (last in BUILDING_KINDS and words[0] not in FIRST_NAMES)  # "Trump Tower"; not "John Tower"
        or (len(words) == 1 and (last.rstrip("s") in DEMONYMS or last in INSTITUTION_KINDS))
    )
