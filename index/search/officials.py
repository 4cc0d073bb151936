"""A country's officials: "What did Russia say?" when no sentence is attributed to Russia itself.

News quotes a state through its officials and bodies: "Kremlin spokesman Dmitry Peskov said",
"Russian Deputy Foreign Minister Sergei Ryabkov commented", "the Russian Foreign Ministry said".
Attribution names no country as a speaker ("Russia says" is no one's: README "Who said what"),
so a question about a country finds its officials instead: the names an article gives a title
with the country's name, demonym or seat of power before it ("Russia's foreign minister",
"Russian President", "Kremlin spokesman", "U.S. Ambassador to NATO", or "Sergei Lavrov,
Russia's foreign minister,"), when that article quotes someone of that surname; and the
speakers that are the country's government bodies ("Russian Foreign Ministry", "German
government"). The places each demonym stands for are
``index.attribution.vocabulary.DEMONYM_PLACES``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence

from index.attribution.vocabulary import DEMONYM_PLACES, GOVERNING, ROLE_HEADS
from index.lexicon import is_title_word
from index.search.demonyms import PLACE_STEMS, stems_of
from index.search.name_words import name_words

# A country asked for by name, by its people or by its seat of power -> its demonym.
_COUNTRY = {
    **{
        written.casefold(): demonym
        for demonym, places in DEMONYM_PLACES.items()
        for place in places
        for written in (place, place.replace(".", ""))  # "the U.S.", "the US"
    },
    **{demonym + "s": demonym for demonym in DEMONYM_PLACES},  # "the Russians"
}
# Bodies that speak for a state ("the Russian Foreign Ministry", "the German government").
_BODIES = GOVERNING | {"office"}  # and "Britain's Foreign Office"
# Courtesy titles before a name, no part of the role: "British diplomat Sir Peter Westmacott".
_COURTESY = frozenset("sir dame lord lady dr mr mrs ms".split())
# Words inside a title between its words: "Secretary of State", "Ambassador to NATO".
_INSIDE = frozenset("of to for the and".split())
# A person's name as written: two to four capitalised words ("Dmitry Peskov", "Wendy R. Sherman").
_PERSON = r"(?P<name>[A-Z][\w'’-]+\.?(?:\s+[A-Z][\w'’-]*\.?){1,3})"


def country_asked(name: str) -> str | None:
    """The demonym of the country ``name`` asks about ("Russia", "the United States", "Moscow",
    "the Russians": "russian"), or None for any other name."""
    words = name.split()
    if words and words[0].casefold() == "the":
        words = words[1:]
    return _COUNTRY.get(" ".join(words).casefold())


# Words of the titles most often given with a country, weighed in the search for them.
_TITLE_STEMS = frozenset(stems_of("minister spokesman spokeswoman president ambassador secretary envoy official"))


# Each demonym's own stems ("russian"), made here: the tokenizer behind ``stems_of`` is not for
# questions answered side by side.
_DEMONYM_STEMS = {demonym: tuple(stems_of(demonym)) for demonym in DEMONYM_PLACES}


def search_terms(demonym: str) -> dict[str, float]:
    """Lexical search terms for the sentences that name the country of ``demonym``'s officials:
    its names and demonym, and title words, weighed less."""
    terms = dict.fromkeys(_TITLE_STEMS, 0.5)
    terms.update(dict.fromkeys((stem for place in PLACE_STEMS.get(demonym, ()) for stem in place), 1.0))
    terms.update(dict.fromkeys(_DEMONYM_STEMS.get(demonym, ()), 1.0))
    return terms


@functools.cache
def _patterns(demonym: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The three ways a title of the country of ``demonym`` stands beside a name, compiled once per
    country: the title before the name ("Kremlin spokesman Dmitry Peskov"), after it ("Sergei
    Lavrov, Russia's foreign minister,") and the country after both ("President Vladimir V. Putin
    of Russia"). The country is written by its names, with or without "'s", or its demonym."""
    by_length = sorted(DEMONYM_PLACES[demonym], key=len, reverse=True)
    places = "|".join(re.escape(place) for place in by_length)
    country = rf"(?:(?:{places})(?:['’]s)?|{re.escape(demonym.capitalize())})"
    before = re.compile(rf"(?<![\w.])(?P<title>{country}\s+(?P<words>(?:[\w.'’-]+\s+){{0,4}}[\w.'’-]+)),?\s+{_PERSON}")
    after = re.compile(
        rf"{_PERSON},\s+(?:the\s+)?(?P<title>{country}\s+(?P<words>[\w.'’-]+(?:\s+[\w.'’-]+){{0,4}}?))[,.]"
    )
    of_country = re.compile(rf"(?<![\w.'’-])((?:[A-Z][\w.'’-]*\s+){{2,7}})of\s+(?:the\s+)?({places})\b")
    return before, after, of_country


def _a_title(words: list[str]) -> bool:
    """Whether ``words`` are a title: title words, with the domain of one after "of", "to" or "for"
    ("Deputy Foreign Minister", "spokesman", "Ambassador to NATO", "Secretary of State"), one of
    them a role's ("minister", "spokesman": not "Turkish national Hatice Cengiz")."""
    if not words or not is_title_word(words[0]) or words[-1].casefold() in _INSIDE:
        return False
    if not any(word.casefold().rstrip(".") in ROLE_HEADS for word in words):
        return False
    domain = False
    for word in words:
        if word.casefold() in _INSIDE:
            domain = True
        elif not (is_title_word(word) or (domain and word[:1].isupper())):
            return False
    return True


def officials_in(text: str, demonym: str) -> list[tuple[str, str]]:
    """The names ``text`` gives a title of the country of ``demonym``, each with that title as
    written: "Kremlin spokesman Dmitry Peskov" -> ("Dmitry Peskov", "Kremlin spokesman")."""
    before, after, of_country = _patterns(demonym)
    found: list[tuple[int, str, str]] = []
    for pattern in (before, after):
        for m in pattern.finditer(text):
            words = m.group("words").split()
            while words and words[-1].casefold().rstrip(".") in _COURTESY:
                words.pop()  # "British diplomat Sir Peter Westmacott"
            if _a_title(words):
                country_written = text[m.start("title") : m.start("words")].strip()
                title = " ".join([country_written, *words])
                found.append((m.start("name"), m.group("name").strip(), title))
    # "President Vladimir V. Putin of Russia": a title, the name, then the country
    for m in of_country.finditer(text):
        words = m.group(1).split()
        held = next((i for i, word in enumerate(words) if not is_title_word(word)), len(words))
        if len(words) - held >= 2 and _a_title(words[:held]):
            found.append((m.start(1), " ".join(words[held:]), f"{' '.join(words[:held])} of {m.group(2)}"))
    return [(name, title) for _, name, title in sorted(found)]


def bodies_of(demonym: str, speakers: Iterable[str]) -> list[str]:
    """The ``speakers`` that are bodies of the country of ``demonym``: its name or demonym, then a
    body ("Russian Foreign Ministry", "Russia's Foreign Ministry", "United States government")."""
    openings = [name_words(place) for place in (demonym, *DEMONYM_PLACES[demonym])]
    found = []
    for speaker in speakers:
        words = name_words(speaker)
        if len(words) >= 2 and words[-1] in _BODIES and any(words[: len(o)] == o for o in openings if o):
            found.append(speaker)
    return found


def officials_note(country: str, titles: Mapping[str, str], namesakes: Sequence[str] = ()) -> str:
    """The note above a country's officials' quotes: who they are, as the articles call them (a
    body has no title: "Russian Foreign Ministry"), and how to ask for the quoted ``namesakes``
    whose surname is the country's name ("Steve Israel" beside Israel's officials)."""
    named = [f"{name} ({title})" if title else name for name, title in sorted(titles.items())]
    listed = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]
    kinds = [kind for kind, some in (("officials", any(titles.values())), ("bodies", not all(titles.values()))) if some]
    whose = " and ".join(kind + "'" for kind in kinds)
    people = country.split()[-1].casefold()
    itself, its = (
        ("themselves", "their") if people.endswith("s") and people[:-1] in DEMONYM_PLACES else ("itself", "its")
    )
    note = f"No quote is attributed to {country} {itself}; these are {its} {whose} quotes: {listed}."
    asks = [f'"What did {name} say?"' for name in namesakes]
    if asks:
        note += f" For {' and '.join(namesakes)}, ask {' or '.join(asks)}."
    return note
