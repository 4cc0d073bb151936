"""A ministry asked for with its country and quoted without it, at home only.

"What did the Chinese foreign ministry say?" finds the speaker "Ministry of Foreign Affairs"
(speakers.py: an institution named with its country that matches nobody is the one named without
it, as "U.S. State Department" is the "State Department"). But every country has a ministry of
foreign affairs, and news names it so in the story of its own country: Zimbabwe's, in the story
of Robert Mugabe's death, is not China's. So the quotes of such a ministry count only where the
story names the country asked, around the quote or in its title (``Retriever.story_coverage``).
A department is left as it is: "the State Department" of US news is the US one.
"""

from __future__ import annotations

from collections.abc import Iterable

from index.attribution.vocabulary import DEMONYM_PLACES
from index.search.demonyms import PLACE_STEMS, stems_of
from index.search.institution_names import leading_countries
from index.search.name_words import name_words
from index.search.officials import country_asked

_MINISTRY = "ministry"
# Each demonym -> the stems a story names its country by ("chinese": "chines", "china", "beij"),
# made here: the tokenizer behind ``stems_of`` is not for questions answered side by side.
_COUNTRY_STEMS = {
    demonym: frozenset((*stems_of(demonym), *(stem for place in PLACE_STEMS.get(demonym, ()) for stem in place)))
    for demonym in DEMONYM_PLACES
}


def ministries_abroad(name: str, speakers: Iterable[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The ministries among ``speakers`` named without the country the asked ``name`` opens with
    ("Ministry of Foreign Affairs" for "Chinese foreign ministry"), and the stems that name that
    country in a story ("chines", "china", "beij"); two empty sets for any other name."""
    asked = name_words(name)
    lead = leading_countries(asked[:-1])
    if not lead or _MINISTRY not in asked[lead:]:
        return frozenset(), frozenset()
    demonyms = {word if word in DEMONYM_PLACES else country_asked(word) for word in asked[:lead]}
    stems = frozenset(stem for demonym in demonyms if demonym is not None for stem in _COUNTRY_STEMS.get(demonym, ()))
    if not stems:
        return frozenset(), frozenset()
    found = frozenset(s for s in speakers if _MINISTRY in (words := name_words(s)) and not leading_countries(words))
    return found, stems
