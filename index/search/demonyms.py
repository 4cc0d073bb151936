"""A demonym names its country: "American" in a question is the "U.S." of a story, and the
other way round, "Samoa" in a question is the "Samoans" of a story.

News writes "U.S. officials" and "Kremlin spokesman" where a reader asks about "American
officials" or "the Russian spokesman". A question's demonym is therefore known to a collection,
and held by a sentence, that writes one of the places it stands for
(``index.attribution.vocabulary.DEMONYM_PLACES``): all the words of "United States", or "U.S.",
or "Washington".
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from index.attribution.vocabulary import DEMONYM_PLACES
from index.store.lexical import QueryWord, Tokenizer


def _place_stems(stems: Callable[[str], list[str]]) -> dict[str, tuple[frozenset[str], ...]]:
    return {demonym: tuple(frozenset(stems(place)) for place in places) for demonym, places in DEMONYM_PLACES.items()}


# One tokenizer, as each one stems the spelling table when made.
_TOKENIZER = Tokenizer()
# Each demonym -> the stems of each place it stands for ("american" -> {"america"}, {"us"},
# {"unit", "state"}, ...).
PLACE_STEMS = _place_stems(_TOKENIZER.tokens)


def stems_of(text: str) -> list[str]:
    """The stems of ``text``'s words, for constants made when a module is imported (the shared
    tokenizer is not for use by several threads at once)."""
    return _TOKENIZER.tokens(text)


def holds_word(word: QueryWord, stems: Collection[str]) -> bool:
    """Whether ``stems`` (a sentence's, or a whole collection's vocabulary) hold ``word``, or, for
    a demonym or its people ("Americans"), every stem of one of the places it stands for."""
    return word.stem in stems or any(all(stem in stems for stem in place) for place in _places_of(word.text))


# How many words beyond a name's own may stand among them where a sentence names it: "Turkish
# Foreign Minister Mevlut Cavusoglu", "the foreign minister of Turkey"; not "foreign ministers
# in Cairo denounced the memoranda of understanding between Turkey and Libya".
NAME_REACH = 2


def named_together(words: Sequence[QueryWord], stems: Sequence[str], reach: int = NAME_REACH) -> bool:
    """Whether a sentence whose words' stems are ``stems`` (in order, no stop words) holds every
    one of ``words`` as ``holds_word`` does, all within ``len(words) + reach`` words."""
    at = []
    for word in words:
        places = _places_of(word.text)
        at.append({i for i, stem in enumerate(stems) if stem == word.stem or any(stem in p for p in places)})
    span = len(words) + reach
    return all(at) and any(all(any(a <= i < a + span for i in found) for found in at) for a in set().union(*at))


def _places_of(text: str) -> tuple[frozenset[str], ...]:
    """The stems of the places a demonym stands for, its people's too ("Americans")."""
    folded = text.casefold()
    return PLACE_STEMS.get(folded) or (PLACE_STEMS.get(folded[:-1], ()) if folded.endswith("s") else ())


# Each place's stem -> its demonym's stem ("russia" -> "russian"), for places of one word.
_DEMONYM_OF = {
    stems[0]: _TOKENIZER.stem(demonym)
    for demonym, places in DEMONYM_PLACES.items()
    for place in places
    if len(stems := _TOKENIZER.tokens(place)) == 1
}


def demonym_stems(word: QueryWord) -> tuple[str, ...]:
    """The stems of the word a story writes for the people of the place ``word`` names: the
    listed demonym ("Russia": "russian"), or for a capitalised name ending in "a", that name and
    "n" ("Samoa": "samoan", "Kenya": "kenyan"); () for any other word. "What did the WHO say about
    Samoa?" is answered by "... covered only about 31 percent of Samoans"."""
    listed = _DEMONYM_OF.get(word.stem)
    if listed is not None:
        return (listed,)
    if word.named and len(word.text) > 3 and word.text.endswith("a") and word.text[0].isupper():
        return (_TOKENIZER.stem(word.text + "n"),)
    return ()


def unheld_demonym(words: Sequence[QueryWord], article_holds: Callable[[str], bool]) -> str | None:
    """The first demonym of ``words`` (a question's: "Canadian" in "How many seats did the
    Conservative Party win in the 2019 Canadian election?") whose article, asked stem by stem
    with ``article_holds``, writes neither it nor every word of one of the places it stands for:
    a story about the UK election does not tell Canada's figures. None when every one is held."""
    for word in words:
        places = _places_of(word.text)
        if not places or article_holds(word.stem):
            continue
        if not any(all(article_holds(stem) for stem in place) for place in places):
            return word.text
    return None
