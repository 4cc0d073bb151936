"""Whether a sentence tells a time: pure functions for "when" questions about what is to come,
or asked of an article with no date.

"When will the Senate vote on the sanctions bill?" is not answered by a sentence about the bill
that tells no date or time, however close: the vote has not happened when the article is
written, so the article's own date is no answer either (as it may be for "When did ...?": "FC
Ellis signed Mendes" in a story published on June 1). A time is a year, a month, a weekday, a
day ("the 13th"), a decade ("the mid-1980s", "the '90s"), a clock time ("8 p.m.", "noon"), a day
near ("today", "tomorrow", "soon"), a part of the calendar ("next week", "later this year", "in
the coming days", "within two months", "in the spring"), the edge of one ("by the end of", "at
the start of"), an event ("after the election", "ahead of the summit"), or how often ("every
four years", "annually").

A question asking "what year" ("In what year did Hagia Sophia become a museum?") is answered only
by a sentence that tells one: a year, a decade, "<num>" (TrecQA masks figures), or a year near the
article's ("last year", "this year"); "On Friday in Istanbul, Erdogan said ..." does not
(``lacks_asked_year``). So is "When was X born / built / founded / established?": a birth or a
founding came before the article, whose date cannot tell it ("Twin bombings yesterday struck the
Jolo Cathedral" does not say when it was built).

So for a figure still to come ("How many Syrian refugees will the United States accept next
year?"): a sentence telling what was done ("the U.S. had accepted 11,491 Syrian refugees") with
no future, plan, hope or forecast in it does not answer (``lacks_figure_ahead``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from index.lexicon import MONTH_NAMES, MONTHS, WEEKDAYS
from index.search.query import Query
from index.word_forms import IRREGULAR_FORMS

# "When will ...?", "When is ...?", "When does ...?": a time that is still to come, or one
# that recurs; not "When did / was / were ...?".
_ASKS_AHEAD = re.compile(r"^\W*when(?:\s+(?:will|is|are|does|do|would|shall)\b|['’]s\b)", re.IGNORECASE)

_MONTHS = "|".join(sorted((m for m in MONTH_NAMES if m != "may"), key=len, reverse=True))
_SHORT_MONTHS = "|".join(sorted(MONTHS - set(MONTH_NAMES), key=len, reverse=True))  # "sept" before "sep"
_NUMBER_WORDS = "a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few|a\\s+few|\\d+"
_UNITS = "minutes?|hours?|days?|weeks?|weekends?|months?|years?|decades?"
# Events a time may be told by ("after the election", "before next month's summit").
_EVENTS = (
    "election|elections|vote|referendum|primary|primaries|convention|summit|meeting|talks|debate|hearing|trial"
    "|ruling|verdict|deadline|holidays?|recess|break|season|match|game|final|inauguration|budget|war"
)
_PARTS = "week|weekend|month|year|spring|summer|fall|autumn|winter|season|term|session|quarter|decade|century"

_TIME = re.compile(
    r"\b1[5-9]\d\d\b|\b20\d\d\b|\b(?:1[5-9]|20)\d0s\b|['’]\d0s\b|<num>s?|\b\d{1,2}(?:st|nd|rd|th)\b"
    rf"|\b(?:{_MONTHS})\b|\b(?:{_SHORT_MONTHS})\.?\s*\d|(?-i:\bMay\b)"
    rf"|\b(?:{'|'.join(sorted(WEEKDAYS))})s?\b"
    r"|\b(?:today|tonight|tomorrow|yesterday|soon|shortly|imminent(?:ly)?|overnight)\b"
    r"|\b(?:annually|yearly|monthly|weekly|daily|nightly|once\s+a|twice\s+a)\b"
    rf"|\b(?:every|each)\s+(?:(?:{_NUMBER_WORDS}|other)\s+)?(?:{_UNITS}|{_PARTS})\b"
    rf"|\b(?:next|this|last|coming|later\s+this|early\s+next|late\s+next|mid|end\s+of\s+the)[\s-]+(?:{_PARTS})s?\b"
    rf"|\b(?:in|within|for)\s+(?:the\s+)?(?:coming|next|past)\s+(?:(?:{_NUMBER_WORDS})\s+)?(?:{_UNITS})\b"
    rf"|\b(?:in|within)\s+(?:{_NUMBER_WORDS})\s+(?:{_UNITS})\b"
    r"|\b\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)(?!\w)|\bnoon\b|\bmidnight\b|\b\d{1,2}:\d\d\b"
    r"|\b(?:by|at|until|before|after)\s+the\s+(?:end|start|beginning|middle|turn)\s+of\b"
    r"|\bin\s+(?:the\s+)?(?:early\s+|late\s+)?(?:spring|summer|fall|autumn|winter|new\s+year)\b"
    rf"|\b(?:before|after|until|ahead\s+of|following)\s+(?:the|this|next|its|their)\s+(?:\w+\s+)?(?:{_EVENTS})\b",
    re.IGNORECASE,
)


def asks_time_ahead(question: str) -> bool:
    """Whether ``question`` asks when something will be, or is ("When will ...?", "When is ...?")."""
    return _ASKS_AHEAD.search(question[:2_000]) is not None


def tells_time(text: str) -> bool:
    """Whether ``text`` tells a date or a time (the module docstring)."""
    return _TIME.search(text) is not None


# What a question in the present asks about what is to come with, after "is" or "are": "When is
# the trial due to begin?", "Who is expected to ...?", "How much is the city set to spend?".
_SCHEDULED_TO = r"(?:due|set|scheduled|slated|expected|going)\s+to\b"
# "How many X will Y ...?", "How much will NBC pay ...?", "How much is the city expected to
# spend?": a figure still to come ("will" before the question's first verb, not in a clause after
# it: "What share agree they will ...?" is not one).
_ASKS_FIGURE_AHEAD = re.compile(
    r"^\W*how\s+(?:many|much)\b(?:\s+[\w'’.$-]+){0,5}?\s+(?:will|shall)\b"
    r"|^\W*how\s+(?:many|much)\b(?:\s+[\w'’.$-]+){0,5}?\s+(?:is|are)\b(?:\s+[\w'’.$-]+){0,4}?"
    rf"\s+{_SCHEDULED_TO}",
    re.IGNORECASE,
)
# What a sentence tells a figure still to come with: a future or a conditional, a plan, a hope, a
# forecast, a promise ("will admit", "plans to spend", "is expected to", "is to employ", "due to
# open", "next year").
_AHEAD = re.compile(
    r"\b(?:will|would|shall|could|may|might|should|must|['’]ll|going\s+to|set\s+to|due|(?:is|are)\s+to|to\s+be"
    r"|next|upcoming|future"
    r"|plan|plans|planned|planning|expect\w*|intend\w*|aim\w*|seek\w*|hope\w*|want\w*|pledg\w*|promis\w*"
    r"|propos\w*|forecast\w*|project\w*|estimat\w*|target\w*|goal|budget\w*|offer\w*|agree\w*|deal"
    r"|schedul\w*|slated)\b",
    re.IGNORECASE,
)


# "When will ...?", "When would ...?", and "When is X due / set / scheduled / expected / going to
# ...?", which ask the same in the present: not "When is / does ...?" alone, which a schedule in
# the present answers ("when the AFL-CIO general board meets June 16").
_ASKS_WHEN_WILL = re.compile(
    r"^\W*when\s+(?:will|would|shall)\b|^\W*when\s+(?:is|are)\s+the\s+next\b"
    rf"|^\W*when\s+(?:is|are)\b[^?]{{0,100}}?\b{_SCHEDULED_TO}",
    re.IGNORECASE,
)


# A verb in the past: a word in "-ed" (not a name: "United"), an irregular verb's past form or
# participle (word_forms.py), or one of the pasts it leaves out as stop words or other words' bases.
_PAST = re.compile(
    r"\b(?:[a-z]+ed|was|were|had|did|said|told|left|"
    + "|".join(sorted(IRREGULAR_FORMS, key=len, reverse=True))
    + r")\b"
)


def lacks_when_ahead(question: str, sentence: str) -> bool:
    """Whether a "When will ...?" question gets a sentence that tells what was done and nothing
    still to come (a verb in the past; no future, plan or schedule: ``_AHEAD``): "Sen. Elizabeth
    Warren grilled Wells Fargo CEO John Stumpf on Tuesday" does not say when he will step down,
    though it tells a day. A sentence in the present may tell what is to come ("The NATO-Russia
    Council meeting on January 12 follows bilateral talks ...")."""
    return (
        _ASKS_WHEN_WILL.match(question[:500]) is not None
        and _AHEAD.search(sentence) is None
        and _PAST.search(sentence) is not None
    )


def lacks_figure_ahead(question: str, sentence: str) -> bool:
    """Whether a question asking a figure still to come ("How many Syrian refugees will the United
    States accept next year?") gets a sentence that tells nothing to come: no future, plan, hope,
    forecast or promise ("the U.S. had accepted 11,491 Syrian refugees" tells what was done)."""
    return _ASKS_FIGURE_AHEAD.match(question[:500]) is not None and _AHEAD.search(sentence) is None


# "Who will ...?", "Who is expected / set / going to ...?": someone still to act. A choice already
# made may tell who will ("Smith was named to succeed him").
_ASKS_WHO_WILL = re.compile(
    rf"^\W*(?:who|whom)\s+(?:will|shall)\b|^\W*who\s+(?:is|are)\s+{_SCHEDULED_TO}",
    re.IGNORECASE,
)
_CHOSEN = re.compile(
    r"\b(?:successor|succeed\w*|replac\w*|nominat\w*|appoint\w*|named|tapped|chosen|picked|selected)\b", re.IGNORECASE
)


def lacks_who_ahead(question: str, sentence: str) -> bool:
    """Whether a "Who will ...?" question gets a sentence that tells nothing still to come (no
    future, plan or schedule: ``_AHEAD``) and no choice made (``_CHOSEN``): "President Barack
    Obama has an admirer in British diplomat Sir Peter Westmacott" does not say who will succeed
    Westmacott."""
    return (
        _ASKS_WHO_WILL.match(question[:500]) is not None
        and _AHEAD.search(sentence) is None
        and _CHOSEN.search(sentence) is None
    )


# "What year ...?", "In which years ...?", "By what year ...?": not "yearly", not "how many years".
# "When was Jim Yong Kim born?", "When was the cathedral built?": a year before the article's.
_ASKS_YEAR = re.compile(
    r"\b(?:what|which)\s+years?\b|^\W*when\s+(?:was|were)\b.+\b(?:born|built|founded|established)\b", re.IGNORECASE
)
# A year, a decade, TrecQA's masked figure, "in '98", or a year near the article's own.
_YEAR = re.compile(
    r"\b1[0-9]\d\ds?\b|\b20\d\ds?\b|<num>|['’]\d\d(?:s)?\b|\b(?:last|this|next|that|the\s+same|the\s+following)\s+year\b",
    re.IGNORECASE,
)


def lacks_asked_year(question: str, sentence: str) -> bool:
    """Whether a question asking what year, or when someone was born or something built, founded
    or established, gets a ``sentence`` that tells no year (the module docstring): no "when"
    question else is judged so, since its article's date may answer it."""
    return _ASKS_YEAR.search(question[:2_000]) is not None and _YEAR.search(sentence) is None


# A deed denied: "refused to endorse", "did not endorse", "has yet to endorse", "never endorsed";
# not "did not end until Friday", which tells when it did.
_DENIED = re.compile(
    r"\b(?:refus(?:ed|es|ing)|declin(?:ed|es|ing)|fail(?:ed|s|ing)|did\s+not|didn[’']t|does\s+not|doesn[’']t"
    r"|ha(?:s|ve|d)\s+not|ha(?:s|ve|d)n[’']t|ha(?:s|ve)\s+yet|never|not\s+yet)\s+(?:yet\s+)?(?:to\s+|been\s+)?([a-z]+)\b"
    r"(?![^.;]*\buntil\b)",
    re.IGNORECASE,
)
_ASKS_WHEN_DID = re.compile(r"^\W*when\s+(?:did|was|were|has|have|had)\b", re.IGNORECASE)


def denies_asked_deed(question: str, sentence: str, stems: Callable[[str], Sequence[str]]) -> str | None:
    """The deed a "When did ...?" question asks about when ``sentence`` only tells that it was not
    done: "On Monday, Trump refused to endorse Ryan" does not say when Trump endorsed Paul Ryan. The
    word as the sentence writes it, or None: another question, or a sentence that also writes the
    deed undenied ("refused at first, then endorsed him in June")."""
    if not _ASKS_WHEN_DID.search(question):
        return None
    asked = frozenset(stems(question[:2_000]))
    text = sentence[:2_000]
    for denied in _DENIED.finditer(text):
        word = denied.group(1)
        deed = frozenset(stems(word))
        if not deed or not deed <= asked:
            continue
        rest = text[: denied.start()] + text[denied.end() :]
        if deed.isdisjoint(stems(rest)):
            return word
    return None


def lacks_time_ahead(query: Query, sentence: str) -> bool:
    """Whether a "When will / is / does ...?" question's best sentence tells no date or time
    (``tells_time``): what is still to come has no answer in its article's own date, as a "When did
    ...?" may ("FC Ellis signed Mendes", published on June 1)."""
    return query.kind == "date" and asks_time_ahead(query.text) and not tells_time(sentence)


def lacks_asked_time(query: Query, sentence: str, dated_lede: bool) -> bool:
    """Whether a "when" question's best sentence tells no date or time (``tells_time``) and is not the
    first sentence of a dated article, whose date tells when the news it opens on happened ("FC
    Ellis signed Mendes", published on June 1). A later sentence tells what came before ("Weiner,
    51, who's married to top Hillary Clinton aide Huma Abedin" does not say when they married),
    and an undated article has no date to go by (docs/RERANKER.md, "A time for when, or a dated
    article's first sentence")."""
    return query.kind == "date" and not dated_lede and not tells_time(sentence)


# A capitalised word not opening the sentence: a month or weekday so written is one by name.
_CAPITALISED_WORD = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][a-z]+\b")


def names_new_day(query: Query, sentence: str) -> bool:
    """Whether ``sentence`` writes a month or a weekday by name that the question does not: "De
    Blasio joined the presidential race in May." tells when, though "may" is a stop word."""
    return any(
        (w.casefold() in MONTHS or w.casefold() in WEEKDAYS) and w.casefold() not in query.letters
        for w in _CAPITALISED_WORD.findall(sentence)
    )
