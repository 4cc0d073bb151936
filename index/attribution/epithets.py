"""People named by what they are rather than by name, as sports and world pages write them:
their nationality ("Spaniard Rafael Nadal", "Britain's Tim Henman", '"I played well," the Scot
said.') or their age ("Andy Murray, 23,", '"It was tough," said the 23-year-old.').

A nationality before a name describes the person and is no part of their name ("Spaniard Rafael
Nadal" is Rafael Nadal). "The Scot" and "the 23-year-old" are nobody called so: each is the one
person of the article whom a nationality or an age written next to their name makes so
(people.py learns them, resolution.py reads "the Scot said"), and nobody when the article makes
none, or more than one, so.
"""

from __future__ import annotations

from index.attribution.quotes import Tok, bare, is_cap, is_possessive
from index.attribution.vocabulary import DEMONYM_PLACES, PLACES, ROLE_LOWER
from index.lexicon import FIRST_NAMES, word_set


def _nationals(table: str) -> dict[str, str]:
    """``adjective: noun noun`` lines as noun -> adjective."""
    found: dict[str, str] = {}
    for line in table.strip().splitlines():
        adjective, nouns = line.split(":")
        found.update((noun, adjective.strip()) for noun in nouns.split())
    return found


# A national, one person of a nation -> the nation's adjective (the key of their people); one of a
# US state too ("Vermonter Bernie Sanders", "the Texan"), keyed by the state.
NATIONALS = _nationals("""
scottish: scot scotsman scotswoman
english: englishman englishwoman
welsh: welshman welshwoman
irish: irishman irishwoman
british: briton brit
french: frenchman frenchwoman
dutch: dutchman dutchwoman
spanish: spaniard
swedish: swede
danish: dane
finnish: finn
polish: pole
turkish: turk
serbian: serb
croatian: croat
argentine: argentine argentinian
portuguese: portuguese
chilean: chilean
colombian: colombian
peruvian: peruvian
uruguayan: uruguayan
ecuadorian: ecuadorian
slovenian: slovene slovenian
bosnian: bosnian
albanian: albanian
icelandic: icelander
cypriot: cypriot
ghanaian: ghanaian
cameroonian: cameroonian
ivorian: ivorian
moroccan: moroccan
algerian: algerian
zimbabwean: zimbabwean
jamaican: jamaican
new zealand: kiwi
australian: aussie
vermont: vermonter
texas: texan
california: californian
florida: floridian
iowa: iowan
ohio: ohioan
virginia: virginian
michigan: michigander
colorado: coloradan
minnesota: minnesotan
arizona: arizonan
oklahoma: oklahoman
nevada: nevadan
kentucky: kentuckian
alaska: alaskan
""")
# Nationals that are first names or words too ("Scot Peterson", "Dane Cook", "Finn Russell"): a
# national only after "the" or before a first name and a surname ("Scot Andy Murray").
AMBIGUOUS_NATIONALS = frozenset({"scot", "dane", "finn", "pole", "turk", "brit", "swede", "kiwi", "aussie"})
# Country adjectives that are also one person of that country ("the German said", "the Czech"),
# not those that name a whole people ("the French", "the Chinese", "the Swiss"), nor continents.
_ONE_PERSON_ADJECTIVES = frozenset(
    a for a in DEMONYM_PLACES if not a.endswith(("sh", "ch", "ese", "s")) and a not in ("european", "soviet")
)
# Countries as a possessive before a name: "Spain's Rafael Nadal", "England's Jonny Wilkinson".
_COUNTRIES = {places[0].lower(): adjective for adjective, places in DEMONYM_PLACES.items()} | {
    "england": "english",
    "holland": "dutch",
}
# A US state that a national of it is filed under ("vermont" for "Vermonter").
_STATES = frozenset(v for v in NATIONALS.values() if v in PLACES)
_ADJECTIVES = frozenset(DEMONYM_PLACES) | frozenset(NATIONALS.values()) | frozenset(_COUNTRIES.values())
# Lower-case words that may stand between a nationality or an age and a name: "Spanish star Rafael
# Nadal", "Argentine striker Hernan Crespo", "19-year-old striker Wayne Rooney".
_DESCRIBING = ROLE_LOWER | word_set("""
star player striker midfielder defender winger goalkeeper keeper captain skipper coach boss manager
champion forward world number one rider driver runner sprinter veteran youngster teenager
international qualifier seed seeded top-seeded ace batsman bowler golfer boxer actor actress singer
""")
_NEAR = 5  # words back from a name in which its nationality or age is written
_DESCRIPTION_AFTER = 2  # lower-case words after "the 57-year-old" that describe them: "scientist"


def gender_of_national(noun: str) -> str | None:
    """The gender a national tells: "Frenchwoman" a woman, "Dutchman" a man, "Spaniard" neither."""
    if noun.endswith("woman"):
        return "f"
    return "m" if noun.endswith("man") else None


def national_at(toks: list[Tok], k: int) -> bool:
    """Whether token ``k`` is a national where it stands, not a name or a name's word: always for
    "Spaniard", for "Scot" or "Dane" only after "the" or before a first name and a surname."""
    t = toks[k]
    low = bare(t.low)
    if t.kind != "W" or low not in NATIONALS or not t.text[0].isupper():
        return False
    if low not in AMBIGUOUS_NATIONALS:
        return True
    if k > 0 and toks[k - 1].low == "the":
        return True
    return k + 2 < len(toks) and bare(toks[k + 1].low) in FIRST_NAMES and is_cap(toks[k + 2])


def national_word(toks: list[Tok], a: int, b: int) -> str | None:
    """The national that the chain ``a..b`` is, after "the" ("the Scot", "the Frenchwoman", "the
    German"), lower case; None for anything else."""
    k = a
    while k < b and toks[k].low == "the":
        k += 1
    if k != b or not (k > a or (a > 0 and toks[a - 1].low == "the")):
        return None
    low = bare(toks[b].low)
    if is_possessive(toks[b]) or not toks[b].text[0].isupper():
        return None
    return low if epithet_key(low) else None


def _age_at(toks: list[Tok], k: int) -> str | None:
    """The age of "23-year-old" whose number is token ``k``, or None."""
    if k + 2 >= len(toks) or toks[k].kind != "N" or not toks[k].text.isdigit() or len(toks[k].text) > 3:
        return None
    return toks[k].text if toks[k + 1].text == "-" and toks[k + 2].low in ("year-old", "years-old") else None


def age_ending(toks: list[Tok], j: int) -> str | None:
    """The age of "the 23-year-old" (and up to two lower-case words: "the 57-year-old scientist";
    after "the", up to two more and their commas: "the bespectacled, 71-year-old diplomat")
    ending at token ``j``, just before its verb; None for anything else."""
    for k in range(j - 2, max(-1, j - 3 - _DESCRIPTION_AFTER), -1):
        if k >= 1 and _the_before(toks, k) and (age := _age_at(toks, k)) is not None:
            described = toks[k + 3 : j + 1]
            return age if all(t.kind == "W" and t.text.islower() for t in described) else None
    return None


def _the_before(toks: list[Tok], k: int) -> bool:
    """Whether "the" opens the description whose age is at token ``k``, over at most three
    lower-case words or commas ("the bespectacled, 71-year-old")."""
    j = k - 1
    while j >= 0 and k - j <= 3 and toks[j].low != "the" and (toks[j].text == "," or toks[j].text.islower()):
        j -= 1
    return j >= 0 and toks[j].low == "the"


def age_starting(toks: list[Tok], k: int) -> tuple[str, int] | None:
    """The age of "the 23-year-old" starting at token ``k`` ("said the 23-year-old"), and the
    token after it and up to two lower-case words that describe them; None for anything else."""
    if toks[k].low != "the" or (age := _age_at(toks, k + 1)) is None:
        return None
    e = k + 4
    while e < len(toks) and e - (k + 4) < _DESCRIPTION_AFTER and toks[e].kind == "W" and toks[e].text.islower():
        e += 1
    return age, e


def epithet_key(epithet: str) -> str | None:
    """What people.py files a person under for ``epithet``: the nation's adjective of a national
    or a country adjective ("scot" -> "scottish", "german"), an age as its number ("23")."""
    if epithet.isdigit():
        return epithet
    return NATIONALS.get(epithet) or (epithet if epithet in _ONE_PERSON_ADJECTIVES else None)


def _age_after(toks: list[Tok], b: int) -> str | None:
    """An age written after a name ending at token ``b``: "Andy Murray, 23," or "Wayne Rooney (19)"."""
    after = toks[b + 1 : b + 4]
    if len(after) == 3 and (after[0].text, after[2].text) in ((",", ","), ("(", ")"), (",", ".")):
        number = after[1]
        if number.kind == "N" and number.text.isdigit() and 0 < int(number.text) < 120:
            return number.text
    return None


def described(toks: list[Tok], s: int, b: int) -> tuple[list[str], str | None]:
    """What the words next to the name at tokens ``s..b`` file the person under (``epithet_key``)
    and the gender a national tells: a national, a country's adjective or possessive, or an age
    before the name ("Scot Andy Murray", "Spanish star Rafael Nadal", "Britain's Tim Henman",
    "French President Emmanuel Macron", "19-year-old striker Wayne Rooney"); "of" and a country
    or a state, or an age after it ("Rafael Nadal of Spain", "Bernie Sanders of Vermont", "Andy
    Murray, 23,")."""
    keys: list[str] = []
    gender = None
    for j in range(s - 1, max(-1, s - 1 - _NEAR), -1):
        t = toks[j]
        if t.kind == "W" and t.low in ("year-old", "years-old") and j >= 2 and (age := _age_at(toks, j - 2)):
            keys.append(age)
            break
        if t.kind != "W":
            break
        low = bare(t.low)
        if is_possessive(t):
            if t.text[0].isupper() and low in _COUNTRIES:
                keys.append(_COUNTRIES[low])
            break
        if t.text[0].isupper() and low in NATIONALS:
            keys.append(NATIONALS[low])
            gender = gender_of_national(low)
        elif t.text[0].isupper() and low in _ADJECTIVES:
            keys.append(low)
        elif not (t.text[0].isupper() or low in _DESCRIBING):
            break
    after = toks[b + 1 : b + 4]
    if len(after) >= 2 and after[0].low == "of" and after[1].kind == "W" and after[1].text[0].isupper():
        if (len(after) == 2 or not is_cap(after[2])) and after[1].low in _COUNTRIES:
            keys.append(_COUNTRIES[after[1].low])
        elif (len(after) == 2 or not is_cap(after[2])) and after[1].low in _STATES:
            keys.append(after[1].low)  # "Bernie Sanders of Vermont": "the Vermonter", "the Vermont senator"
    if (age := _age_after(toks, b)) is not None:
        keys.append(age)
    return keys, gender
