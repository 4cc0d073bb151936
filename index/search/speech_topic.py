"""Which of a speaker's quotes are about the topic asked ("What did Blair say about Iraq?").

The rule is the words, not a tuned score: a quote is about the topic when its matching text
(the sentence, or it with the sentence before when it cannot stand alone; index/text/context.py)
holds one of the topic's stemmed words. That is exactly a positive BM25 score for the topic's
terms, so it costs nothing beyond the score the ranking already computes, and it means the same
on any corpus, with nothing to fit. When no quote does, those said in a story whose headline holds
every word of the topic are about it ("the fire" in "Dozens dead in California boat fire";
speech_answer.py). Meaning (MiniLM) still orders the quotes on the topic, but
does not decide which they are: a similarity cut-off would be one more number to tune per corpus.

The wording of the count shown above such an answer is here too, so that every front end (chat,
terminal, inline) says the same.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import numpy as np

from index.lexicon import NAMES_WITH_FORMS, within
from index.search.institution_names import names_institution
from index.search.name_words import initials_of, name_words, of_one_generation, split_short_name


def about_topic(lexical: np.ndarray) -> np.ndarray:
    """For each quote, whether it is about the topic, from its BM25 score for the topic's terms."""
    return np.asarray(lexical) > 0


def kindred_words(word: str) -> list[str]:
    """The words of a belief and of its believers, which stem apart ("populism": "popul",
    "populist": "populist"): a quote about "the Republican populist movement" is about populism,
    and one on "socialists" about socialism."""
    low = word.casefold()
    for ending, others in (("isms", ("ist", "ists")), ("ism", ("ist", "ists")), ("ists", ("ism",)), ("ist", ("ism",))):
        if low.endswith(ending) and len(low) > len(ending) + 3:
            return [low[: -len(ending)] + other for other in others]
    return []


# The marks a quotation opens or closes with, straight, curly or doubled ("''" in NYT copy).
_QUOTE_MARK = re.compile("[\"“”«»]|''")


def in_own_words(text: str) -> bool:
    """Whether a speaker's sentence quotes their words ('"The reality is ...," he said'; a phrase
    too: 'called the report "fake news"') rather than reports them ("Levin said he has spoken
    with many fellow superdelegates", "Brown explained the reason for his support"), which the
    speech answer puts after a quote about as relevant (``Weights.direct``): "What did Sander
    Levin say about the superdelegates?" asks for his words."""
    return bool(_QUOTE_MARK.search(text))


def people(speakers: list[str]) -> list[str]:
    """The people behind ``speakers``: a name whose words are all in a fuller one ("Halvorsen",
    "Ingrid Halvorsen", as two articles write her), or forms of them ("Dick Durbin", "Richard J.
    Durbin": ``lexicon.within``), is the same person, named the fuller way (of two as full, the
    first in alphabetical order); so are an institution's initials and its name ("IMF",
    "International Monetary Fund": ``name_words.acronym``), and a short name its article gives one
    ("NHC", "National Hurricane Center (NHC)": ``name_words.initials_of``)."""
    words = [frozenset(name_words(split_short_name(s)[0])) for s in speakers]
    named = list(zip(speakers, words, _as_written(words), strict=True))
    initials = {letters for s in speakers for letters in initials_of(s)}
    return [
        s
        for s, w, fixed in named
        if not any(
            other != w and _within_fuller(w, fixed, other) and not (within(other, w) and s < t) for t, other, _ in named
        )
        and not (len(w) == 1 and next(iter(w)) in initials)
    ]


def _within_fuller(words: frozenset[str], fixed: frozenset[str], fuller: frozenset[str]) -> bool:
    """Whether a name of ``words`` (``fixed``: those of them with no other form, ``_as_written``)
    may be the same person as one of ``fuller`` words: each of its words is one of the fuller
    name's, or a form of one, and no generation tells them apart ("Donald Trump" is no "Donald
    Trump Jr.")."""
    return fixed <= fuller and within(words, fuller) and of_one_generation(words, fuller)


def _as_written(names: list[frozenset[str]]) -> list[frozenset[str]]:
    """The words of each name that have no other form: a fuller name must hold them as written
    (a quick test before ``within``, which people() asks of every two speakers)."""
    return [w - NAMES_WITH_FORMS for w in names]


def person_of(quoted: Mapping[str, int]) -> dict[str, str]:
    """Each speaker -> the person (``people``) it names, given each speaker's number of quotes.

    A name that fits several people ("Trump", with "Donald Trump" and "Ivanka Trump" quoted too)
    goes to the one quoted most, counting every quote whose speaker fits them (ties: the first
    in alphabetical order): a surname alone most likely means the person the articles quote most.
    A person is called by the name that signs most of their quotes ("Donald Trump" rather than
    a rarer "Donald J. Trump"; ties: the fuller name).
    """
    persons = people(sorted(quoted))
    words = {s: frozenset(name_words(split_short_name(s)[0])) for s in [*quoted, *persons]}
    fixed = dict(zip(words, _as_written(list(words.values())), strict=True))
    initials = {p: initials_of(p) for p in persons}
    fits = {
        s: [
            p
            for p in persons
            if _within_fuller(words[s], fixed[s], words[p]) or (len(words[s]) == 1 and words[s] & initials[p])
        ]
        for s in quoted
    }
    weight = {p: sum(n for s, n in quoted.items() if p in fits[s]) for p in persons}
    owner = {s: min(fits[s], key=lambda p: (-weight[p], p)) for s in quoted}
    # Only people some speaker went to: two ways of writing one name ("Jane Smith", "JANE SMITH")
    # are two of ``persons`` whose speakers all go to the first.
    called = {
        p: min((s for s in quoted if owner[s] == p), key=lambda s: (-quoted[s], -len(words[s]), s))
        for p in set(owner.values())
    }
    return {s: called[p] for s, p in owner.items()}


def with_surname_alone(found: Sequence[str], name: str, namesakes: Mapping[str, int]) -> list[str]:
    """``found`` (the speakers a person's full ``name`` matched) and the speaker called by the
    surname alone, when that speaker's quotes go to the same person (``person_of``, over the
    ``namesakes``: every speaker ending with the surname, and each one's number of quotes): an
    article that writes only "Mr. Obama said" quotes the Barack Obama another article names in
    full, so "What did Barack Obama say?" shows both. Not for an institution's name, nor for a
    person another of the same surname outweighs ("Ivanka Trump" gets no "Trump")."""
    asked = name_words(name)
    if len(asked) < 2 or not found or names_institution(asked):
        return list(found)
    surname = name_words(found[0])[-1]
    alone = [s for s in namesakes if name_words(s) == [surname]]
    if not alone or alone[0] in found:
        return list(found)
    owner = person_of(namesakes)
    return [*found, alone[0]] if owner[alone[0]] in {owner.get(s) for s in found} else list(found)


def listed(names: Sequence[str], last: str = "and") -> str:
    """``names`` as a sentence lists them: "A", "A and B", "A, B and C" (``last``: "or" after "no")."""
    names = list(names)
    return ", ".join(names[:-1]) + f" {last} {names[-1]}" if len(names) > 1 else "".join(names)


def _counted(counts: Mapping[str, int]) -> str:
    """ "Jane Smith (4 sentences) and John Smith (1 sentence)", in the order of ``counts``."""
    return listed([f"{p} ({n} sentence{'' if n == 1 else 's'})" for p, n in counts.items()])


def people_note(name: str, counts: Mapping[str, int]) -> str:
    """The line above the quotes of several people sharing ``name``, most quoted first."""
    return f"{len(counts)} people called {name} are quoted, each one's quotes together: {_counted(counts)}."


def people_topic_note(
    name: str, counts: Mapping[str, int], about: Mapping[str, int], topic: str, *, named: bool = False
) -> str:
    """The line above a topic answer when several people share ``name``: their quotes in all and
    whose the ones on ``topic`` are, so that none passes for another's ("4 people called Trump are
    quoted 706 times; 19 are about Mexico, all by Donald Trump:").

    ``counts``: each person's quotes, most quoted first (the order their quotes are shown in);
    ``about``: each person's quotes on the topic (people with none may be left out); ``named``:
    the topic is whom they were said to, which a quote names ("19 name ABC News").
    """
    on = {p: about[p] for p in counts if about.get(p)}
    if not on:
        return f"No quote by the {len(counts)} people called {name} {_on(1, topic, named)}. {people_note(name, counts)}"
    total, n_on = sum(counts.values()), sum(on.values())
    head = f"{len(counts)} people called {name} are quoted {_times(total)}; {n_on} {_on(n_on, topic, named)}"
    if len(on) == 1:
        return f"{head}, {'by' if n_on == 1 else 'all by'} {next(iter(on))}:"
    return f"{head}, each one's together: {_counted(on)}:"


def _on(n: int, topic: str, named: bool) -> str:
    """What ``n`` quotes are to the topic: "is about the talks", "name ABC News" (``named``)."""
    if named:
        return f"{'names' if n == 1 else 'name'} {topic}"
    return f"{'is' if n == 1 else 'are'} about {topic}"


def _times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


def topic_note(who: Sequence[str], total: int, about: int, topic: str, *, named: bool = False) -> str:
    """The line above a topic answer: how many quotes the people ``who`` have in all, how many
    on ``topic`` (``named``: how many name it, whom they were said to).

    Empty when every quote is about the topic: the "1/N" numbers already say how many there are.
    """
    if about == total:
        return ""
    verb = "are" if len(who) > 1 else "is"
    if about == 0:
        return f"No quote by {listed(who, 'or')} {_on(1, topic, named)}. {listed(who)} {verb} quoted {_times(total)}:"
    return f"{listed(who)} {verb} quoted {_times(total)}; {about} {_on(about, topic, named)}:"


def others_label(who: Sequence[str]) -> str:
    """What "More" offers after the quotes on the topic."""
    return f"other quotes by {listed(who)}"
