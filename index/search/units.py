"""The unit a "how many / how much / how old / how long" question counts in, and whether a
sentence gives a figure in that unit: pure functions.

"How many votes did Sanders get in New Hampshire?" is not answered by "Sanders won New Hampshire
by 22 points", though that sentence holds a number beside both of the question's names; nor is
"How much did Trump pay in taxes?" by "Trump paid taxes in 12 of 18 years". The answer-kind
features (rerank_features.py) only see that a number stands near the question's words; here the
figure must be *of the thing asked*: a number followed by the counted noun ("1.3 million votes"),
an amount of money ("$19.3 million", "48 million euros"), a percentage ("46%", "15 percent"), an
age ("the 63-year-old", "Kaine, 58,"), or a duration or distance ("45 minutes", "300 miles").
On news, most questions that a collection cannot answer yet finds a close sentence for are of
this shape (docs/RERANKER.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import islice

from index.lexicon import NUMBER_WORDS, QUANTITY_WORDS

Stemmer = Callable[[str], Sequence[str]]  # text -> the stems of its words, stop words aside

# A figure: digits (TrecQA's masked "<num>" too) or a number word, with a currency sign before it.
# Not digits inside a word ("G7") or right after a point (".5").
_FIGURE = re.compile(
    r"(?P<currency>[$£€]\s?)?(?:(?<![\w.])(?:\d[\d,.]*\d|\d)|<num>|\b(?:{})\b)".format("|".join(sorted(NUMBER_WORDS))),
    re.I,
)
_PERCENT_AFTER = re.compile(r"\s?(?:%|percent\b|per\s+cent\b|percentage\s+points?\b)", re.I)
# An age in words: "sixteen", "sixty-three" (a scale word, "hundred", "dozen", is no age).
_AGE_WORD = r"(?:{0})(?:-(?:{0}))?".format(
    "|".join(
        sorted(
            NUMBER_WORDS
            - {
                "hundred",
                "hundreds",
                "thousand",
                "thousands",
                "million",
                "millions",
                "billion",
                "billions",
                "trillion",
                "trillions",
                "dozen",
                "dozens",
                "half",
            }
        )
    )
)
_AGE = re.compile(
    rf"(?i:\b(?:\d{{1,3}}|{_AGE_WORD})-year-old\b|\b(?:aged?|age(?:\s+of)?)\s+(?:\d{{1,3}}|{_AGE_WORD})\b"
    rf"|\b(?:\d{{1,3}}|{_AGE_WORD})\s+years?\s+old\b)"
    r"|[A-Z][a-z]+,\s(?:\d{1,3}|<num>)\s?,"  # "Kaine, 58, said" (TrecQA: "Kaine , <num> ,")
)
_AFTER_CHARS = 48  # how far after a figure its unit may stand ("1.3 million popular votes")
_AFTER_WORDS = 3
# A sentence with more figures than this is a table, not an answer: the rest are not read, so
# that a hostile or broken article cannot make one question slow.
_MOST_FIGURES = 40

_MONEY = frozenset({"dollar", "euro", "pound", "cent", "buck", "usd", "yen", "yuan", "rupe", "franc"})
_DURATION = frozenset(
    {"second", "minut", "hour", "day", "week", "month", "year", "decad", "centuri", "night", "term", "season"}
)
_DISTANCE = frozenset({"mile", "feet", "foot", "inch", "meter", "metr", "kilomet", "km", "yard", "lap", "mph", "kph"})
_MARGIN = frozenset({"point", "vote", "percentag", "seat", "deleg", "stroke", "goal", "run", "game"})

_HOW_MANY = re.compile(r"\bhow\s+many\b", re.I)
# Where "how many X" ends its counted noun phrase: a verb or preposition.
_PHRASE_ENDS = frozenset(
    "did does do were was are is have has had will would can could should might must in of at on for to from "
    "per by with since during after before under over across that who which there here this last so".split()
)
_WORD = re.compile(r"[\w'’-]+")
_HOW_MUCH = re.compile(r"\bhow\s+much\b(?!\s+(?:of|longer|more|time)\b)", re.I)
_HOW_MUCH_TIME = re.compile(r"\bhow\s+much\s+(?:longer|time)\b", re.I)
_PERCENT_ASKED = re.compile(
    r"\b(?:what|which)\s+(?:percentage|percent|share|proportion|fraction)\b|\bhow\s+much\s+of\b|\bwhat\s+rate\b", re.I
)
_MARGIN_ASKED = re.compile(
    r"\bby\s+how\s+(?:much|many)\b|\b(?:what|which)\s+(?:was\s+|is\s+)?(?:the\s+)?margin\b", re.I
)


@dataclass(frozen=True)
class AskedUnit:
    """What a figure answering the question is a figure of.

    ``stems``: words one of which follows the figure ("vote" for "how many votes"); ``head``: of a
    count, the counted noun's alone, without the words before it ("pastor" of "Iowa pastors";
    empty when the question says none: ``stems`` stand for it); ``money`` / ``percent``: a
    currency sign or money word, a percent sign or word, also answers; ``age``: only an age
    ("63-year-old", "Kaine, 58,") answers."""

    kind: str  # "count", "money", "percent", "age", "duration", "distance", "margin"
    stems: frozenset[str] = frozenset()
    money: bool = False
    percent: bool = False
    head: frozenset[str] = frozenset()

    @property
    def age(self) -> bool:
        return self.kind == "age"


def asks_margin(question: str) -> bool:
    """Whether ``question`` asks a margin ("By how much did she win?", "What was the margin?"),
    which words give as well as figures ("in a landslide")."""
    return _MARGIN_ASKED.search(question) is not None


_HOW_OLD = re.compile(r"\bhow\s+old\b", re.I)
AGE = AskedUnit("age")


def asks_age(question: str) -> bool:
    """Whether ``question`` asks how old someone or something is."""
    return _HOW_OLD.search(question) is not None


def asked_unit(question: str, stems: Stemmer) -> AskedUnit | None:
    """The unit ``question`` asks a figure in, or None when it asks for no figure of a known unit
    ("When ...?", "Who ...?", "How many were killed?" with no counted noun)."""
    if asks_age(question):
        return AGE
    if asks_margin(question):
        return AskedUnit("margin", _MARGIN, money=True, percent=True)
    if _PERCENT_ASKED.search(question):
        return AskedUnit("percent", percent=True)
    if re.search(r"\bhow\s+(?:long|often)\b", question, re.I) or _HOW_MUCH_TIME.search(question):
        return AskedUnit("duration", _DURATION | _DISTANCE)
    if re.search(r"\bhow\s+(?:far|fast|quickly|high|tall|deep|wide)\b", question, re.I):
        return AskedUnit("distance", _DISTANCE | _DURATION)
    if many := _HOW_MANY.search(question):
        phrase = _noun_phrase(_counted_part(question[many.end() :]))
        counted = frozenset(stems(" ".join(phrase)))
        return AskedUnit("count", counted, head=_counted_head(phrase, counted, stems)) if counted else None
    if much := _HOW_MUCH.search(question):
        # "how much money / did X pay": money; "how much gaming revenue": money or the noun itself
        named = frozenset(stems(" ".join(_noun_phrase(question[much.end() :], 1))))
        return AskedUnit("money", named | _MONEY, money=True, percent=True)
    return None


# "How many of the Northern Mariana Islands' delegates ...?": what is counted follows "of the"
# and a possessor ("delegates").
_OF_THE = re.compile(r"^\s*of\s+(?:the\s+|his\s+|her\s+|their\s+|its\s+)?")
_PRONOUN = re.compile(r"(?:them|those|these|us|you|it)\b", re.IGNORECASE)
_POSSESSOR = re.compile(r"^(?:[\w.-]+\s+){0,3}?[\w.-]+(?:['’]s?)(?=\s)")


def _counted_part(text: str) -> str:
    """What follows "how many" in a question, past an "of the" and a possessor before what it counts."""
    if (of := _OF_THE.match(text)) is None or _PRONOUN.match(text, of.end()):
        return text  # "How many of them died?": no counted noun
    text = text[of.end() :]
    possessor = _POSSESSOR.match(text)
    return text[possessor.end() :] if possessor else text


def _noun_phrase(text: str, most: int = 3) -> list[str]:
    """The first words of ``text`` up to the verb or preposition that ends a noun phrase (at most ``most``)."""
    words: list[str] = []
    for match in _WORD.finditer(text[:120]):
        if match.group(0).casefold() in _PHRASE_ENDS or len(words) == most:
            break
        words.append(match.group(0))
    return words


def gives_unit(unit: AskedUnit, text: str, stems: Stemmer, asked: str = "") -> bool:
    """Whether ``text`` gives a figure in ``unit`` that the question (``asked``) does not hold."""
    if unit.age:
        return any(m.group(0).casefold() not in asked.casefold() for m in _AGE.finditer(text))
    own = figures_in(asked)
    for n, figure in enumerate(_FIGURE.finditer(text)):
        if n == _MOST_FIGURES:
            break
        number = figure.group(0).strip()
        if figure_value(number) in own and any(ch.isdigit() for ch in number):
            continue  # the question's own figure ("the $275 billion plan"; not the "2" of its "2016")
        if unit.money and figure.group("currency"):
            return True
        following = text[figure.end() : figure.end() + _AFTER_CHARS]
        if unit.percent and _PERCENT_AFTER.match(following):
            return True
        after = list(stems(following))[:_AFTER_WORDS]
        if any(stem in unit.stems for stem in after):
            return True
    return False


def figure_value(figure: str) -> str:
    """A figure as written ("$92,153", "Two") as the value it gives ("92153", "two"): currency
    sign, spaces and thousands' commas dropped, case folded."""
    return figure.lstrip("$£€").strip().replace(",", "").casefold()


def figures_in(text: str) -> frozenset[str]:
    """The values of the figures ``text`` writes (``figure_value``; the first ``_MOST_FIGURES``):
    a sentence's figure among a question's is the question's own, not an answer."""
    return frozenset(figure_value(m.group(0)) for m in islice(_FIGURE.finditer(text), _MOST_FIGURES))


# How many words either side of a count's figure its noun may stand when judging whether a
# sentence can answer at all (``answers_unit``): "1,031 randomly-selected registered adult
# voters", "pledged delegates, 247".
_NEAR_WORDS = 6
# Words that count people: any of them answers a count of people, or of a group named by a
# capitalised word ("How many Central Americans ...": "up to 200 people from El Salvador";
# "How many soldiers ...": "10,000 troops").
_PEOPLE = frozenset(
    """peopl person individu resid citizen member voter popul troop soldier settler inhabit descend protest
    demonstr worker employe staffer support refuge migrant immigr student children adult men women fighter
    civilian passeng patient casualti regular militia""".split()
)
_PUNCTUATION = ".,;:!?\"'()[]“”‘’"
_YEAR_WORD = re.compile(r"(?:1[89]|20)\d\d")
# Words that answer a count of anything, wherever they stand: nobody, or how many times.
_ANY_COUNT = re.compile(r"\b(?:no\s+one|nobody|none|zero|once|twice|thrice)\b", re.IGNORECASE)
# Words after a figure that leave its noun unsaid, the one the sentence named before it ("the
# first drug tunnel ... nearly 200 more", "Republican delegates ... the 1,237 needed").
_ELLIPSIS = frozenset({"more", "others", "needed", "required", "altogether", "total"})
# An age told loosely: "seven months old", "over the age of 18", "aged about 68", "515 million
# years ago" (not "died four days later", nor "in the sixteen weeks of protests"). A run of
# non-spaces is read once, from its first figure (or number word): a later one could only end
# where it ends, so "1,1,1,..." is not read again from each "1".
_LOOSE_AGE = re.compile(
    r"\b(?:ages?\s+of|aged?)\s+(?:(?:about|around|roughly|nearly|almost|approximately|some|just|over|under)\s+)?\d|(?<!\S)(?>\S*?(?:\d|\b(?:{})))\S*+\s+(?:(?:million|billion|thousand)\s+)?(?:years?|months?|weeks?|days?)\b"
    r"(?!\s+(?:later|earlier|after|before|of|into|since|in|on|at)\b)".format("|".join(sorted(NUMBER_WORDS))),
    re.IGNORECASE,
)
# An amount in a currency no list holds: "6 million Lira" (a run of non-spaces read once, as above).
_SCALED = re.compile(r"(?<!\S)(?>\S*?\d)\S*+\s+(?:million|billion|trillion|thousand)\b", re.IGNORECASE)
# A capitalised plural after a figure names a group of people: "3,000 Protestants", "3,600 Frenchmen".
_GROUP_WORD = re.compile(r"[A-Z][a-z]+(?:s|men)")
# A unit written short: "300 km" for "how many kilometers", "8.8 lb", "1.5 gigatons".
_SHORT_FORMS = {
    "kilomet": ("km",),
    "mile": ("mi",),
    "pound": ("lb", "lbs"),
    "kilogram": ("kg",),
    "ton": ("tonn", "gigaton", "megaton"),
    "hour": ("hrs",),
    "minut": ("min",),
}
# "How many types of X": counted as kinds of X ("two kinds of X.25 networks").
_KINDS = frozenset({"type", "kind", "sort", "form", "varieti"})
_KINDS_OF = re.compile(r"\bhow\s+many\s+(?:types|kinds|sorts|forms|varieties)\s+of\s+", re.IGNORECASE)
# What a count of people is told with in news of an attack or a disaster.
_CASUALTIES = frozenset({"kill", "dead", "die", "death", "injur", "wound", "hurt", "toll", "victim", "casualti"})
# An age written as one word before what it qualifies: "78-year-old", "six-month-old".
# Read from the start of its run of letters, figures, dots and commas (or from the end of the last
# such age, as a substitution goes on), not again from each of its characters ("1,1,1,...").
_AGED = re.compile(r"(?:(?<![\w.,])|(?<=-old))[\w.,]+-(?:years?|months?|weeks?|days?)-old\b", re.IGNORECASE)
# A sum of money written with its sign ("$2.7 million", "£35bn"): no count of anything but money.
# "How many donors gave ...?" is not answered by "raised $2.7 million from tech donors".
_SUM = re.compile(r"[$£€]\s?\d[\d,.]*+(?:\s*(?:million|billion|trillion|thousand|bn|m|k)\b)?", re.IGNORECASE)
# A share ("37% of likely voters", "52 percent"): no count of what it is a share of. "How many
# likely voters did the poll survey?" is not answered by "Trump was chosen by 37% of likely voters".
_HOW_MANY_MORE = re.compile(r"\bhow\s+many\s+(?:more|fewer|less)\b", re.IGNORECASE)
_SHARE = re.compile(r"(?<![\d.,])\d[\d.,]*+\s*+(?:%|percent\b|per\s+cent\b)", re.IGNORECASE)
# A span of time after a figure, which it counts: "killed 12 years ago", "held for 10 days".
_TIME_SPAN = re.compile(r"(?:second|minute|hour|day|week|month|year|decade)s?|centur(?:y|ies)")
# Verbs after a bare figure that make it the subject: "Twelve were wounded", "32 died".
_COUNT_VERBS = frozenset({"were", "are", "have", "had", "died", "remain", "remained"})


def answers_unit(unit: AskedUnit, text: str, stems: Stemmer, asked: str = "") -> bool:
    """Whether ``text`` may answer a question asking a figure in ``unit``: ``gives_unit``, or for
    a count, a figure the question lacks or a quantity word ("a majority", "none") within a few
    words of the counted noun, before or after, or anywhere after it when the figure leaves its
    noun unsaid ("nearly 200 more", "the 1,237 needed"); a bare figure before its verb ("Twelve
    were wounded"); "no one", "none", "once", "twice" anywhere. People are counted in many words
    ("10,000 troops" for soldiers, "3,000 Protestants", "The attack killed 32"), units written
    short ("300 km"), kinds of a thing as kinds ("two kinds of X.25 networks"). An age may be
    told loosely ("seven months old", "the age of 18"), an amount in any currency ("6 million
    Lira").

    Looser than ``gives_unit`` (a feature of the reranker) on purpose: decline.py declines a
    sentence that fails it, so it must not fail a right answer told in other word order. But an
    age before what it qualifies counts nothing: "the 78-year-old Trump supporter" does not say
    how many supporters came."""
    if unit.kind == "count":
        text = _AGED.sub(" ", text)
        if unit.stems.isdisjoint(_MONEY):
            text = _SUM.sub(" ", text)
        if not _HOW_MANY_MORE.search(asked[:2_000]):  # "85% more wildfires" tells how many more
            text = _SHARE.sub(" ", text)
    if gives_unit(unit, text, stems, asked):
        return True
    if unit.age:
        return _LOOSE_AGE.search(text) is not None  # "seven months old", "over the age of 18"
    if unit.money:
        return _SCALED.search(text) is not None  # "6 million Lira"
    if unit.kind != "count":
        return False
    if _ANY_COUNT.search(text):
        return True  # "No one was hurt", "He won the title twice"
    words = text.split()[: _MOST_FIGURES * 4]
    own = figures_in(asked)
    people = _counts_a_group(asked) or not unit.stems.isdisjoint(_PEOPLE)
    # People are counted in many words ("10,000 troops" for "how many soldiers") and in those of
    # an attack ("The attack killed 32", "the death toll rose to 49").
    nouns = (unit.head or unit.stems) | (_PEOPLE | _CASUALTIES if people else frozenset())
    nouns |= {short for stem in unit.stems for short in _SHORT_FORMS.get(stem, ())}  # "300 km"
    if not unit.stems.isdisjoint(_KINDS) and (of := _KINDS_OF.search(asked)):
        nouns |= _KINDS | frozenset(stems(" ".join(_noun_phrase(asked[of.end() :]))))  # "two kinds of X.25 networks"
    counted = [not nouns.isdisjoint(stems(word)) for word in words]
    for i, word in enumerate(words):
        figure = _FIGURE.search(word)
        if figure is not None and figure_value(figure.group(0)) in own:
            continue
        if figure is None and word.strip(_PUNCTUATION).casefold() not in QUANTITY_WORDS:
            continue  # "a majority of voters", "none of the boats" count too
        if _YEAR_WORD.fullmatch(word.strip(_PUNCTUATION)):
            continue  # "a tunnel found in 1990" is no count of tunnels
        following = words[i + 1].strip(_PUNCTUATION).casefold() if i + 1 < len(words) else ""
        if figure is not None and _TIME_SPAN.fullmatch(following) and unit.stems.isdisjoint(stems(following)):
            continue  # "Captain Khan, killed 12 years ago": a count of years, not of the dead
        if any(counted[max(0, i - _NEAR_WORDS) : i + _NEAR_WORDS + 1]):
            return True
        if following in _ELLIPSIS and any(counted[:i]):
            return True  # "tunnels ... found nearly 200 more", "delegates ... the 1,237 needed"
        if figure is not None and figure.group(0) == word.strip(_PUNCTUATION) and following in _COUNT_VERBS:
            return True  # "Twelve were wounded": a bare figure as the subject counts what it says
        if people and i + 1 < len(words) and _GROUP_WORD.fullmatch(words[i + 1].strip(_PUNCTUATION)):
            return True  # "Nearly 3,000 Protestants" for "How many Huguenots ..."
    return False


def _counted_head(phrase: list[str], counted: frozenset[str], stems: Stemmer) -> frozenset[str]:
    """The stems of the noun a "how many" question counts, of its counted ``phrase`` (whose stems
    are ``counted``), without the words before it: "couples" of "same-sex couples", "pastors" of
    "Iowa pastors", "jobs" of "casino jobs" ("three religious beliefs ... one man and one woman,
    that sex is" counts no couples). The last word of the phrase that is no verb ("attackers" of
    "attackers carried out"); empty when there is none."""
    nouns = [w for w in phrase if not w.casefold().endswith(("ed", "ing")) and w.casefold() not in _PARTICLES_AFTER]
    return frozenset(stems(nouns[-1])) & counted if nouns else frozenset()


# Words that end a phrasal verb after the counted noun: "attackers carried out".
_PARTICLES_AFTER = frozenset("out up off down away back".split())


def _counts_a_group(question: str) -> bool:
    """Whether ``question`` asks "how many" of a group it names with a capital ("Central Americans")."""
    many = _HOW_MANY.search(question)
    return many is not None and any(word[:1].isupper() for word in _noun_phrase(question[many.end() :]))


# A length of time or of a thing told in words: "for years", "a week", "half an hour",
# "overnight", "since 2009", "from 1870 to 1939", "well into the nineteenth century", "4:37".
_UNIT_WORDS = (
    r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centur(?:y|ies)|nights?|seasons?"
    r"|generations?|miles?|feet|foot|inch(?:es)?|met(?:er|re)s?|kilomet(?:er|re)s?|km|yards?|laps?|pages?)"
)
_TOLD_LENGTH = re.compile(
    r"\b(?:(?:seconds|minutes|hours|days|weeks|months|years|decades|centuries|nights|seasons|generations)\b"
    r"|(?:a|an|half|several|few|couple|dozen|many|some)\s+(?:(?:of|more|full|whole|long|short|extra|single)\s+){0,2}"
    + _UNIT_WORDS
    + r"\b"
    r"|overnight|briefly|until|till|throughout|forever|lifetime|permanent(?:ly)?|temporar(?:y|ily)|shortly"
    r"|(?:for|how|so|as|too|very)\s+long\b|long\s+(?:time|while|period|run)\b|longer|longest"
    r"|since\s+(?:at\s+least\s+|as\s+early\s+as\s+)?(?:\d|then\b|the\b|last\b|early\b|late\b|mid\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)"
    r"|(?:from|between)\s+\d{3,4}\s*(?:to|until|through|till|and|-|–)\s*\d|\d{4}\s*[–-]\s*\d{2,4}\b|\d{4}s\b"
    r"|\w+(?:th|st|nd|rd)\s+centur(?:y|ies)|into\s+the\s+\w+|\d{1,3}:\d\d\b"
    r"|all\s+(?:day|night|week|month|year|season|summer|winter|spring|autumn)\b)",
    re.IGNORECASE,
)
_LENGTH = AskedUnit("duration", _DURATION | _DISTANCE | {"page", "word"})


# "How long did the crossing take?", "How long will the talks last?": a length of time alone.
_TAKES_TIME = re.compile(r"\bhow\s+long\b.*\b(?:take|takes|took|last|lasts|lasted)\b", re.IGNORECASE)
_TIME_LENGTH = AskedUnit("duration", _DURATION)


# A time told from another ("Ten years later", "two days ago", "just hours after"): when, not how long.
_OFFSET = re.compile(
    r"(?<![\w-])[\w-]++\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\s+(?:later|earlier|ago)\b"
    r"|\b(?:just|only|mere|barely)\s+(?:a\s+few\s+)?(?:seconds|minutes|hours|days|weeks|months)\s+(?:after|before)\b",
    re.IGNORECASE,
)


def tells_length(text: str, stems: Stemmer, asked: str = "") -> bool:
    """Whether ``text`` may answer "how long ...?": a figure of time or length ("45 minutes", a
    "52-minute video", "300 miles", a "104-page document") the question lacks, or one told in
    words ("for years", "a week", "overnight", "since 2009", "from 1870 to 1939"). A question
    asking how long something took or lasted asks a time: "100 mph (161 km/h)" tells none. A time
    told from another ("Ten years later, he led ...", "two days ago", "just hours after") tells
    when, not how long."""
    unit = _TIME_LENGTH if _TAKES_TIME.search(asked[:2_000]) else _LENGTH
    text = _OFFSET.sub(" ", text)
    return gives_unit(unit, text, stems, asked) or _TOLD_LENGTH.search(text) is not None
