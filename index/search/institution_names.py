"""How a question's name of an institution is matched with the speakers of a collection.

A person's name matches a speaker whose words hold its words in any order ("Sherman" is "Wendy
Sherman"). An institution's name says more by its order: "the State Department" is not the
"Florida Department of State", whose words it holds. And news writes one institution two ways:
"the Justice Department" and "the Department of Justice", "the Defence Ministry" and "the
Ministry of Defence". So a name that ends in a kind of institution ("State Department"), or opens
with a department or ministry and "of" or "for" ("Department of State"), is matched by
``InstitutionName`` readings:

* its words in their order, "of" and "for" skipped on both sides ("Police Department" is the
  "New York Police Department");
* a department or ministry the other way round: "State Department" also reads "Department of
  State", "Department of Justice" also "Justice Department";
* a reading that opens with its kind ("Department of State") matches only a speaker whose name
  opens with it, a country before it aside: the "U.S. Department of State" is the Department of
  State, the "Florida Department of State" another body.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from index.attribution.vocabulary import DEMONYM_PLACES, DEMONYMS, INSTITUTION_KINDS

# The kinds that news writes both ways: "the Justice Department", "the Department of Justice".
TURNED_KINDS = frozenset({"department", "ministry"})
# Skipped when words are compared in order: "Department of State" reads as "department state".
LINKS = frozenset({"of", "for"})
# The words of a country as names write it before an institution's ("U.S.", "Ukraine's",
# "Russian", "US"): the same body as the institution named without it.
COUNTRY_WORDS = (
    DEMONYMS
    | {"us", "uk"}
    | frozenset(
        word
        for places in DEMONYM_PLACES.values()
        for place in places
        for word in re.split(r"[^\w]+", place.casefold())
        if word
    )
)


@dataclass(frozen=True)
class InstitutionName:
    """One way a speaker's name may write the institution asked for: ``words`` in this order
    (without "of" or "for"); ``opens``: the speaker's name opens with them, but for country
    words before them."""

    words: tuple[str, ...]
    opens: bool


def institution_names(asked: Sequence[str]) -> list[InstitutionName]:
    """The readings of ``asked`` (a name's words, as ``name_words.name_words`` gives them) when it
    names an institution the order of whose words matters; [] for any other name (a person's, a
    single word, "University of Michigan")."""
    words = tuple(w for w in asked if w not in LINKS)
    lead = 0
    while lead < len(words) - 1 and words[lead] in COUNTRY_WORDS:
        lead += 1
    country, core = words[:lead], words[lead:]
    if len(core) < 2:
        return []
    linked = len(asked) > len(country) + 1 and asked[len(country) + 1] in LINKS
    if core[0] in TURNED_KINDS and linked:  # "Department of State"
        return [InstitutionName(words, True), InstitutionName((*country, *core[1:], core[0]), False)]
    if core[-1] not in INSTITUTION_KINDS:
        return []
    readings = [InstitutionName(words, False)]
    if core[-1] in TURNED_KINDS:  # "State Department"
        readings.append(InstitutionName((*country, core[-1], *core[:-1]), True))
    return readings


def institution_at_home(asked: Sequence[str]) -> list[str] | None:
    """``asked`` without the country it opens with, when it names an institution that way ("U.S.
    State Department": "State Department"); None for any other name."""
    lead = leading_countries(asked[:-1])
    return list(asked[lead:]) if lead and institution_names(asked) else None


def names_institution(asked: Sequence[str]) -> bool:
    """Whether ``asked`` names an institution: its readings, or a last word that is a kind of
    institution ("Justice Department" is no one called "Department")."""
    return bool(asked) and (asked[-1] in INSTITUTION_KINDS or bool(institution_names(asked)))


def leading_countries(spoken: Sequence[str]) -> int:
    """How many of a speaker's first words (without "of" and "for") name a country."""
    count = 0
    while count < len(spoken) and spoken[count] in COUNTRY_WORDS:
        count += 1
    return count
