"""Whose figure a sentence gives: pure functions for "how many / much / old" questions that name
someone or something (decline.py, 3.).

A figure is someone's: "Carson commanded fees worth as much as $500,000" does not say how much
Mike Huckabee earned. ``particular_unnamed``: the best sentence's article never names the most
particular of the question's names (naming.py, ``particular_name``), though the story may name a
place the question names too. A name's initials ("the DNC" for "the Democratic National
Committee", ``writes_initials``) or an acronym's words in full ("political action committee"
for "PAC", ``spells_out``) name it as well.

A date is someone's too: ``time_unnamed``, for a "when" question, the same of the best
sentence's article, read more loosely.

A figure is of something: ``lacks_asked_unit``, a sentence giving no figure of what a "how many X"
/ "how much" / "how old" question counts (units.py, ``answers_unit``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from index.search.ages import age_of_another
from index.search.naming import particular_name, people_in_full
from index.search.query import Query, letters_of
from index.search.units import Stemmer, answers_unit, asked_unit

# The questions that want a quantity and nothing else. Not "how often" ("weekly"), "how long"
# ("for years": ``lacks_asked_length`` reads words too), "how far", "how fast" and the like,
# which words answer as well as figures.
_ASKS_QUANTITY = re.compile(
    r"\bhow\s+(?:many|much|old)\b|\b(?:what|which)\s+(?:percentage|percent|number|amount|share|proportion)\b",
    re.IGNORECASE,
)


def asks_quantity(query: Query) -> bool:
    """Whether ``query`` wants a quantity and nothing else (``_ASKS_QUANTITY``)."""
    return query.kind == "number" and _ASKS_QUANTITY.search(query.text) is not None


def particular_unnamed(
    query: Query,
    stems: Stemmer,
    frequency: Callable[[str], int],
    article_holds: Callable[[str], bool],
    story: str,
) -> str | None:
    """The name a "how many / much / old" question asks about most particularly
    (``naming.particular_name``: the one fewest sentences hold) when the best sentence's article
    never writes it (``article_holds``: whether any of its sentences or its title holds a stem) and
    ``story`` (that sentence, the one before it and the title) writes neither its initials nor
    its words in full: "The group raising money for the Democratic National Convention is $9
    million to $10 million short" comes from an article that never names Walmart, and does not
    say how much Walmart gave the Democratic National Committee.
    None when the question is of another kind, names nothing, or the article names it."""
    if not asks_quantity(query):
        return None
    name = particular_name(query, stems, frequency)
    if name is None or article_holds(name.stem) or writes_initials(name.name, story) or spells_out(name.name, story):
        return None
    return name.name


# A sentence's opening capitalised words, up to its first that is not: whom it is about ("Carson
# just completed ...", "Kasich, who brags ...", "Rival Hillary Clinton's campaign says ...").
_OPENING = re.compile(r"(?:[A-Z][\w.'’-]*,?\s+)+")


# A sentence that opens on a pronoun goes on about whom the sentence before opens with: "Johnson
# competed for the role against Jeremy Hunt. He won with 92,153 votes."
_PRONOUN_OPENING = re.compile(r"\s*(?:He|She|They)\b")


def figure_of_another(
    query: Query, sentence: str, surnames: Collection[str], speaker: str | None = None, before: str = ""
) -> str | None:
    """The name of someone else whose figure ``sentence`` gives, when a "how many / much / old"
    question asks about people its article names (``surnames``, persons.surnames_in) and the
    sentence opens with another of them and writes none of the question's: "Carson just completed
    a string of seven paid speeches that commanded fees worth as much as $500,000" does not say how
    much Mike Huckabee earned from his, nor "Kasich, who brags he has held more than 100 town
    halls in New Hampshire, ..." how many Chris Christie held. Whoever the sentence quotes
    (``speaker``) only tells the figure: "Manafort said the campaign raised $4 million" may be
    Trump's. Only for people the question names with a known first name: "Forbury Gardens" is a
    surname of its article too (persons.surnames_in reads any two capitalised words so). None
    otherwise. A sentence opening on "He", "She" or "They" is about whom ``before`` (the sentence
    before it) opens with: "He won with 92,153 votes" after "Johnson competed for the role against
    Jeremy Hunt" is Johnson's figure."""
    if not asks_quantity(query):
        return None
    asked = frozenset(people_in_full(query.text)) & frozenset(surnames)
    pronoun = before and _PRONOUN_OPENING.match(sentence) is not None
    opening = _OPENING.match(before[:2_000] if pronoun else sentence[:2_000])
    if not asked or opening is None or asked & frozenset(letters_of(sentence[:2_000])):
        return None
    quoted = frozenset(letters_of(speaker or ""))
    return next(
        (w for w in letters_of(opening.group()) if w in surnames and w not in query.letters and w not in quoted), None
    )


# An aside on someone or something named: "Typhoon Haiyan, which killed over 6,000 people in 2013",
# up to the end of its clause.
_NAMED_ASIDE = re.compile(r"\b((?:[A-Z][\w'’-]*\s+)*[A-Z][\w'’-]*),\s+(?:which|who)\s+(?:[^,;:.()]|(?<=\d)[,.](?=\d))*")


def figure_in_aside(query: Query, sentence: str, stems: Stemmer | None) -> str | None:
    """The name whose aside holds the only figure of what a "how many / much / old" question
    counts in ``sentence``, when the question does not name it: "Phanfone damaged similar regions
    to Typhoon Haiyan, which killed over 6,000 people in 2013." does not say how many Phanfone
    killed. None otherwise."""
    if stems is None or not asks_quantity(query) or (unit := asked_unit(query.text, stems)) is None:
        return None
    text = sentence[:2_000]
    asides = [m for m in _NAMED_ASIDE.finditer(text) if not set(letters_of(m.group(1))) <= query.letters]
    if not asides or not answers_unit(unit, text, stems, query.text):
        return None
    rest = text
    for m in reversed(asides):
        rest = rest[: m.end(1)] + rest[m.end() :]
    return None if answers_unit(unit, rest, stems, query.text) else asides[0].group(1)


def figure_of_whom(
    query: Query, sentence: str, surnames: Collection[str], speaker: str | None, stems: Stemmer | None, before: str
) -> str | None:
    """Whose figure ``sentence`` gives when it is not whom the question asks about: someone it (or,
    after a pronoun, ``before``) opens with (``figure_of_another``) or names in the aside that
    holds the figure (``figure_in_aside``), or beside whose name it writes every age it tells
    (ages.py, ``age_of_another``)."""
    return (
        figure_of_another(query, sentence, surnames, speaker, before)
        or figure_in_aside(query, sentence, stems)
        or (age_of_another(query.text, sentence, stems) if stems is not None else None)
    )


def time_unnamed(
    query: Query,
    stems: Stemmer,
    frequency: Callable[[str], int],
    article_holds: Callable[[str], bool],
) -> str | None:
    """The name a "when" question asks about most particularly (``naming.particular_name``,
    acronyms aside) when the best sentence's article writes none of its words (``article_holds``):
    "Jerome married Ruth Leff Levin in 1967" comes from an obituary that never names the Turpins,
    and does not tell when David and Louise Turpin married. A date is someone's as a figure is.

    Looser than ``particular_unnamed``: any word of the name names it ("Jar Jar" for "Jar Jar
    Binks"), and an acronym ("TV", which a story writes "television") is never the name asked.
    None when the question is of another kind, names nothing, or the article names it."""
    if query.kind != "date":
        return None
    name = particular_name(query, stems, frequency, keep=lambda name: not is_acronym(name.name))
    if name is None or any(article_holds(stem) for word in name.name.split() for stem in stems(word)):
        return None
    return name.name


def is_acronym(word: str) -> bool:
    """Whether ``word`` is written as an acronym: 2 to 6 capitals ("NRCC", "PAC"; not "U.S.")."""
    return 2 <= len(word) <= 6 and word.isalpha() and word.isupper()


def spells_out(acronym: str, text: str) -> bool:
    """Whether ``text`` writes in full the words an ``acronym`` of 2 to 6 capitals stands for, in any
    case, "of", "and", "for", "the", "on" or "in" allowed between them: "political action
    committee" for "PAC"."""
    if not is_acronym(acronym):
        return False
    pattern = r"\s+(?:(?:of|and|for|the|on|in)\s+)?".join(rf"{letter}\w*" for letter in acronym)
    return re.search(rf"(?<!\w){pattern}(?!\w)", text, re.IGNORECASE) is not None


# Two or more capitalised words in a row ("United States", "Democratic National Committee"),
# whose initials a story may write instead ("U.S.", "DNC").
_NAME_RUN = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:of\s+)?[A-Z][a-z]+)+\b")


def writes_initials(question: str, story: str) -> bool:
    """Whether ``story`` writes the initials of a name of several words in ``question``: "the U.S."
    for "the United States", "the DNC" for "the Democratic National Committee" ("of" left out)."""
    for run in _NAME_RUN.finditer(question[:2_000]):
        letters = [w[0] for w in run.group().split() if w[0].isupper()]
        if re.search(r"(?<![\w.])" + r"\.?".join(letters) + r"\b", story):
            return True
    return False


# The units whose figure only a figure gives: a count ("how many votes"), an amount of money, an
# age. Not a share ("half of them", "a majority"), nor a margin ("a landslide"), which words give too.
_FIGURE_ONLY_UNITS = frozenset({"count", "money", "age"})
# A "how much" question about money: "how much money", one of money's verbs, or a sum named
# ("How much profit ...?", "How much is her salary?").
_ASKS_MONEY = re.compile(
    r"\bhow\s+much\b.*\b(?:money|cash|cost|costs|pay|paid|paying|spend|spent|raise|raised|earn|earned|give|gave|"
    r"donate|donated|charge|charged|worth|owe|owed|lend|lent|borrow|borrowed|make|made|sell|sold|buy|bought|"
    r"fined|receive|received|win|won"
    r"|revenue|revenues|profit|profits|income|salary|salaries|fee|fees|fine|fines|funding|donation|donations"
    r"|tax|taxes|price|prices|sales|loss|losses|debt|debts|spending|earnings|fortune|bonus|settlement|bail"
    r"|ransom|reward|grant|loan|loans|deficit)\b",
    re.IGNORECASE,
)


# Words that answer "how much" money without a figure: none of it, or a multiple ("He paid no
# taxes", "twice as much"); not any quantity word ("A few miles south ...", "most of it").
_NO_MONEY = re.compile(r"\b(?:no|zero|none|nothing|twice|thrice|double|triple)\b", re.IGNORECASE)


def lacks_asked_unit(query: Query, sentence: str, stems: Stemmer) -> bool:
    """Whether ``sentence`` gives no figure of what a "how many X" / "how much" / "how old"
    question counts (units.py, ``answers_unit``): "15-point lead" does not answer "How many votes
    did Sanders receive?", nor "died four days later" "How old was Scalia when he died?". None or a
    multiple answers "how much" money ("He paid no taxes"), and a quantity word beside the counted
    noun "how many" ("a majority of voters")."""
    if not asks_quantity(query):
        return False
    unit = asked_unit(query.text, stems)
    if unit is None or (unit.money and not _ASKS_MONEY.search(query.text)):
        return False  # no known unit, or "How much food does it eat?": an amount of anything
    return (
        unit.kind in _FIGURE_ONLY_UNITS
        and not answers_unit(unit, sentence, stems, query.text)
        and not (unit.money and _NO_MONEY.search(sentence))  # "He paid no taxes"
    )
