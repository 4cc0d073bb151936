"""A question that names someone or something is answered from an article that names them.

On a collection of many stories, the sentence closest to a question by meaning is often from
another story: "Who is Gary Johnson's running mate?" found a sentence about Mike Pence in an
article that never names Gary Johnson; "Who was Horus's mother?" found "Horovitz said the
screenplay was ... a story about Dean's hunt for a father". A news sentence often does not
repeat the name ("He also pledged to shut down private detention centers" answers "What would
Bernie Sanders do with private detention centers?"), but its article names him.

So the candidates whose article (any of its sentences, or its title) holds one of the names a
question asks about come first, each group in its own order; the rest follow. The ranking does
it for its candidates (retrieval.py) and the answer does it again after the reranker, which
reads one sentence at a time and does not know its article. When no candidate's article names
any of them, nothing moves (a name no sentence holds at all is declined by decline.py first).

Names are the question's capitalised words after its first (``Query.names``), but for days
and months ("found on Aug. 26": when, not what a story is about) and demonyms ("How many troops are near the Ukrainian border?" is answered by "... near its border
with Ukraine", in an article that may never write "Ukrainian"), and one of them is enough: "How many votes did Hillary Clinton receive in the Delaware primary?" is answered
from an article naming Clinton or Delaware. Not for a "what did X say?" question (the speech
route finds X's words) or a short search ("Peskov", "eastward expansion": the sentences using
the words).

Measured with ``scripts/evaluate.py`` against the same models and thresholds (top-1 / MRR@10 /
answered / declined; docs/RERANKER.md, "Articles that name what is asked, and datelines"): the
news calibration set 0.797 / 0.861 / 97.5% / 69.7% -> 0.797 / 0.861 / 97.5% / 74.2%; the written
PolNeAR train questions 0.683 / 0.785 / 95.1% / 43.0% -> 0.687 / 0.789 / 95.5% / 44.4%; TrecQA
dev 0.603 / 0.768 / 92.3% -> 0.615 / 0.792 / 88.5% (three questions that showed a sentence about
something else are declined); the sample article's questions unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from index.attribution.vocabulary import DEMONYMS
from index.lexicon import FIRST_NAMES, is_title_word, plain_word, word_set
from index.search.query import Query, is_calendar_word

T = TypeVar("T")

# Capitalised words in a row: "Chris Christie", "the Democratic National Committee", "Manafort's".
_CAPITALISED_RUN = re.compile(r"[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*)*")
# Faiths qualify a name as demonyms and parties do ("evangelical Christians", "the Republican
# nomination"), and an article may write them otherwise ("evangelicals", "the GOP nomination").
FAITHS = word_set("""
christian christians muslim muslims catholic catholics jewish jew jews evangelical evangelicals
protestant protestants hindu hindus buddhist buddhists sikh sikhs mormon mormons
""")


@dataclass(frozen=True)
class AskedName:
    """A name a question asks about, as written ("Chris Christie"), and the stem of its last word
    ("christi"), which names it in an article that writes it short ("Christie said ...")."""

    name: str
    stem: str


def names_asked(query: Query) -> frozenset[str]:
    """The stems of the names ``query`` asks about, whose articles its answer comes from (empty
    for a "what did X say?" question, a short search, or a question naming nothing)."""
    if query.speech is not None or query.short_search:
        return frozenset()
    return frozenset(
        word.stem for word in query.names if word.text.lower() not in DEMONYMS and not is_calendar_word(word.text)
    )


def asked_names(query: Query, stems: Callable[[str], Sequence[str]]) -> list[AskedName]:
    """The names ``query`` asks about (``names_asked``), each a run of capitalised words after its
    first word, in order; titles, parties and faiths at a run's end qualify what it names ("Iowa
    Republican caucusgoers": Iowa) and are left out, as a run of nothing else is."""
    asked = names_asked(query)
    found: list[AskedName] = []
    if not asked:
        return found
    for run in _CAPITALISED_RUN.finditer(query.text[:2_000]):
        words = run.group().split()[1 if run.start() == 0 else 0 :]
        while words and (is_title_word(words[-1]) or words[-1].casefold() in FAITHS):
            words.pop()
        last = stems(words[-1]) if words else []
        if last and last[-1] in asked:
            found.append(AskedName(_as_written(words), last[-1]))
    return found


def _as_written(words: list[str]) -> str:
    """A name's words joined, without a possessive or a full stop that ends the question's sentence
    ("Manafort's" -> "Manafort"; "U.S." keeps its dots)."""
    name = " ".join(words).removesuffix("'s").removesuffix("’s")
    return name[:-1] if name.endswith(".") and "." not in name.split()[-1][:-1] else name


def particular_name(
    query: Query,
    stems: Callable[[str], Sequence[str]],
    frequency: Callable[[str], int],
    keep: Callable[[AskedName], bool] = lambda name: True,
) -> AskedName | None:
    """The most particular name ``query`` asks about: of its ``asked_names`` that ``keep`` keeps,
    the one whose last word fewest indexed sentences hold ("Chris Christie" in "How many town
    halls has Chris Christie held in New Hampshire?"); None when it asks about none."""
    named = (name for name in asked_names(query, stems) if keep(name))
    return min(named, key=lambda n: (frequency(n.stem), n.stem), default=None)


def named_first(items: Sequence[T], named: Sequence[bool]) -> list[T]:
    """``items`` whose ``named`` is true first, then the others, each in the order given."""
    return [item for item, yes in zip(items, named, strict=True) if yes] + [
        item for item, yes in zip(items, named, strict=True) if not yes
    ]


# A person written in full: a known first name, then capitalised words ("Mike Huckabee", "Gary
# Johnson's"), whose last is the surname.
_FULL_NAME = re.compile(r"\b([A-Z][a-z]+)((?:\s+[A-Z][\w'’-]+)+)")


def people_in_full(text: str, known_first: bool = True) -> dict[str, str]:
    """The people ``text`` names with a known first name (any capitalised word when not
    ``known_first``): each one's surname (casefolded, without a possessive) and the first name
    it was written with ("Mike Huckabee's": {"huckabee": "mike"}). "Forbury Gardens" is no one's:
    "Forbury" is no first name."""
    return {
        plain_word(name.group(2).split()[-1]): name.group(1).casefold()
        for name in _FULL_NAME.finditer(text[:2_000])
        if not known_first or name.group(1).casefold() in FIRST_NAMES
    }
