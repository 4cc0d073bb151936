"""What a title in an asked name, or its "'s", tells about whom it means: "Mrs. Clinton" is no
Bill, "Judge Jackson" is the Jackson the articles call a judge, and "McDonald's" the company, not
Ann McDonald (speech_answer.py reads all three)."""

from __future__ import annotations

from index.lexicon import FEMALE_NAMES, MALE_NAMES, is_title_word
from index.search.name_words import name_words

_COURTESY = {"mrs": "f", "ms": "f", "miss": "f", "mr": "m"}
_EITHER = FEMALE_NAMES & MALE_NAMES  # first names of either gender ("Jordan")


def of_the_titles_gender(found: list[str], name: str) -> list[str]:
    """``found`` less the speakers whose first name is of the other gender than the courtesy
    title ``name`` opens with: "Mrs. Clinton" is Hillary or Chelsea Clinton, not Bill."""
    words = name_words(name)
    gender = _COURTESY.get(words[0]) if len(words) > 1 else None
    if gender is None:
        return found
    other = MALE_NAMES if gender == "f" else FEMALE_NAMES
    kept = [s for s in found if (first := name_words(s)[0]) not in other or first in _EITHER]
    return kept or found


# Title words that say what someone is, not which post they hold ("former", "Democratic"), and
# courtesy titles (of_the_titles_gender reads those).
_NOT_POSTS = frozenset(
    """acting affairs agriculture assistant cabinet commerce communications crown defence defense
    democrat democratic deputy economy education elections energy external finance first-deputy
    foreign foreign-policy former gop health high home homeland intelligence interior internal
    investigative labor labour majority managing minority national press prime republican security
    senior special staff state supreme top trade transport treasury under vice mr mrs ms miss madam
    sir dame lady lord""".split()
)


def names_a_post(word: str) -> bool:
    """Whether ``word`` is a title that names a post ("Judge", "Sen.", "Governor"), not a
    description ("former") or a courtesy title ("Mrs.")."""
    return is_title_word(word) and word.casefold().rstrip(".") not in _NOT_POSTS


# A post's title as typed and as articles may write it: "Sen. Warren" is also "Senator Elizabeth
# Warren", and "Representative Ryan" "Rep. Paul Ryan".
_SPELLINGS = (
    ("Sen.", "Senator"),
    ("Gov.", "Governor"),
    ("Rep.", "Representative", "Congressman", "Congresswoman"),
    ("Gen.", "General"),
    ("Adm.", "Admiral"),
    ("Col.", "Colonel"),
    ("Capt.", "Captain"),
    ("Lt.", "Lieutenant"),
    ("Sgt.", "Sergeant"),
    ("Det.", "Detective"),
    ("Insp.", "Inspector"),
    ("Supt.", "Superintendent"),
    ("Prof.", "Professor"),
)


def title_forms(title: str) -> tuple[str, ...]:
    """``title`` and the other ways its post is written: "Sen." -> ("Sen.", "Senator");
    "judge" -> ("judge",)."""
    folded = title.casefold().rstrip(".")
    for forms in _SPELLINGS:
        if folded in (form.casefold().rstrip(".") for form in forms):
            return (title, *(form for form in forms if form.casefold().rstrip(".") != folded))
    return (title,)


def written_with_s(found: list[str], name: str) -> list[str]:
    """Of ``found``, the speakers written as ``name`` with its "'s" when there are some: "What did
    McDonald's say?" is the company's words, not Ann McDonald's."""
    if not name.casefold().endswith(("'s", "’s")):
        return found
    written = [s for s in found if s.casefold().replace("’", "'") == name.casefold().replace("’", "'")]
    return written or found
