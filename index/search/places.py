"""Whether a sentence says where something happened: pure functions for the "where" questions.

"Where did Kasich announce the end of his campaign?" is answered by "... telling supporters in
Columbus, Ohio", not by "Kasich agreed to effectively end his bid for Indiana", though both hold
a name the question lacks (what the answer-kind features of rerank_features.py read for "who",
"which" and "where" alike). A place is told after a preposition of place: a name ("at Temple
University", "in White Plains") or a venue ("at a church in Cleveland", "at a rally").

The feature reranker reads ``gives_place`` among its features, but weighs it against all the
others: "Kasich agreed to effectively end his bid for Indiana" still came out first. So
``place_first`` puts a sentence that tells a place above a first one that tells none when the
reranker finds it nearly as likely to answer (promotion.py).

A "where" question whose best sentence tells no place is declined (``lacks_asked_place``, read
by decline.py): "Eddie Van Halen ... died Tuesday at age 65" does not say where he died. That
reads a place in more ways (``tells_place``): a wire story's dateline ("MANCHESTER, N.H. -"), a
name before "-based", "on the shores of the Sea of Galilee", "televised from Des Moines", and
after "to" for a question about going somewhere ("Where was the bus travelling to?": "from
Smolensk to Kaluga"), after "into" and "trips to", but not a venue the question gives ("from
prison" for "Where was he imprisoned?"). Those stay out of ``gives_place``, which the feature
reranker was fitted on.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from index.lexicon import word_set
from index.search.promotion import PROMOTE_DEPTH, promote
from index.search.query import Query, asks_place, is_calendar_word, letters_of, question_proper
from index.text.quotations import without_quotations
from index.types import Hit

# The prepositions a place follows ("on" for "on CNN", "on the campus", "in front of 131 West
# 23rd Street"). "to" and "for" are left out: "to the campaign", "for Indiana" say where something
# goes or what it is for, not where it happened; but "a visit to Scotland" says where someone was.
# After "from", a venue tells a place ("spoke from his home"), but a name only to a question that
# asks where from ("Where is his family from?"): "officials from the United States" says who
# they are, not where the talks were.
# Going somewhere: "a visit to Scotland"; for declining, "trips to Washington" too.
_GOING = r"visit|trip|journey|return|travel"
_PREPOSITIONS = rf"in\s+front\s+of|next\s+to|across\s+from|in|at|on|inside|outside|near|from|aboard|(?:{_GOING})\s+to"
_AT = rf"\b(?:{_PREPOSITIONS})\s+"

# Words that end the phrase read: "in the state toward Cruz" names no place.
_PHRASE_ENDS = word_set(
    "to toward towards for that which who whom and or but as than because after before when while if by"
)
# For declining, "with" ends it too: "in an interview with Reuters" tells whom with, not where
# (gives_place keeps the words the feature reranker was fitted on).
_TELLING_ENDS = _PHRASE_ENDS | {"with"}
_LOOK_AHEAD = 3  # words after the preposition (and its article) that may name the place: "at a packed rally"
# A lookahead, so that a preposition among the words read is itself read: "a speech in Columbus".
_WORDS_AFTER = (
    rf"(?=(?:(?:the|a|an|his|her|their|its|our|this|that)\s+)?(?P<words>\S+(?:\s+\S+){{0,{_LOOK_AHEAD - 1}}}))"
)
_PLACE_AFTER = re.compile(_AT + _WORDS_AFTER, re.IGNORECASE)

# Venues and kinds of place a news story says something happened at.
VENUES = word_set("""
    airport arena auditorium base bar building cafe café campus capitol cathedral center centre
    chapel church club college community conference convention courthouse court diner
    embassy event facility factory fair farm forum fundraiser gym hall headquarters home hospital
    hotel house library mall meeting mosque museum office palace park plant prison rally ranch
    residence restaurant school stadium stage station store street studio summit synagogue
    temple theater theatre university venue
""")


def gives_place(sentence: str, asked_letters: Collection[str], ends: Collection[str] = _PHRASE_ENDS) -> bool:
    """Whether ``sentence`` names a place after a preposition of place that the question does not
    give: a capitalised word not among ``asked_letters`` (the question's casefolded words), or a
    venue, though a place the question names stands before it ("at the Brussels airport"). A
    weekday or a month is a time ("in March"), not a place; a name after "from" is one only
    when the question has "from" too. The phrase read stops at one of ``ends``."""
    return _place_after(_PLACE_AFTER, sentence, asked_letters, ends)


def _place_after(
    pattern: re.Pattern[str],
    sentence: str,
    asked_letters: Collection[str],
    ends: Collection[str] = _PHRASE_ENDS,
    new_venue: bool = False,
) -> bool:
    """Whether a place follows one of ``pattern``'s prepositions in ``sentence`` (``gives_place``)."""
    for match in pattern.finditer(sentence):
        origin = match.group().casefold().startswith("from") and "from" not in asked_letters
        if _names_place(match.group("words"), asked_letters, names=not origin, ends=ends, new_venue=new_venue):
            return True
    return False


def _names_place(
    words: str,
    asked_letters: Collection[str],
    *,
    names: bool = True,
    ends: Collection[str] = _PHRASE_ENDS,
    new_venue: bool = False,
) -> bool:
    """Whether ``words``, read after a preposition of place, tell one: a venue, or (with
    ``names``) a capitalised word not among ``asked_letters``, before the phrase ends. With
    ``new_venue``, a venue one of ``asked_letters`` holds is no place told: "from prison" does not
    say where a question asking where someone was imprisoned."""
    for written in words.split():
        word = written.strip(".,;:!?'’\"“”()")
        folded = word.casefold()
        if folded in ends or is_calendar_word(folded):
            return False
        venue = folded if folded in VENUES else folded[:-1] if folded.endswith("s") and folded[:-1] in VENUES else None
        given = venue is not None and new_venue and any(venue in asked for asked in asked_letters)
        if venue is not None and not given:
            return True
        if venue is None and names and word[:1].isupper() and folded not in asked_letters:
            return True
        if written[-1:] in ",;:.)":  # the phrase ends: "in Ohio, John Kasich" names only Ohio
            return False
    return False


def asks_where(query: Query) -> bool:
    """Whether ``query`` asks where something is or happened (query.asks_place), not a nationality."""
    return asks_place(query) and "nationality" not in query.letters


# A first hit that tells no place is a weak answer to "where": the next that tells one comes
# first from 0.3 of its score, as persons.py's and events_asked.py's orders (promotion.py measured
# 0.3 and 0.5 alike on the open sets; at 0.3 "Where will the December 15th GOP debate be held?"
# shows "It will be held in Las Vegas, Nevada ..." (0.35) above "... he'll probably go to the
# debate on December 15th" (0.75), and no open question set's answers change).
PLACE_RATIO = 0.3


def place_first(query: Query, hits: Sequence[Hit], depth: int = PROMOTE_DEPTH, ratio: float = PLACE_RATIO) -> list[Hit]:
    """``hits`` (scored by the reranker, best first) with, for a "where" question whose first hit
    tells no place (``gives_place``), the first of the next ``depth - 1`` that tells one and
    scores at least ``ratio`` of the first's moved to the front: "Ohio Gov. John Kasich suspended
    his presidential campaign Wednesday evening, telling supporters in Columbus, Ohio" above
    "Kasich agreed to effectively end his bid for Indiana" for "Where did John Kasich announce the
    end of his campaign?". Any other question (a nationality is not told after "in" or "at"), or a
    first hit that tells a place: ``hits`` as given."""
    if not asks_where(query):
        return list(hits)
    if (strict := _strict_place(query.text)) is not None:  # where someone went or came from
        return promote(
            hits, lambda hit: _told_after(strict, without_quotations(hit.sentence), query.letters), depth, ratio
        )
    return promote(hits, lambda hit: gives_place(hit.sentence, query.letters), depth, ratio)


# A wire story's dateline that gives where it was filed: "MANCHESTER, N.H. - ...", "LONDON
# (Reuters) - ...", "BEIRUT — ...", "WASHINGTON, Aug. 24 (UPI) — ...": a place in capitals, its
# state, its country or the day, the agency, a dash.
_PLACE_DATELINE = re.compile(
    r"^\W*(?P<place>[A-Z][A-Z'&-]+(?:\s+[A-Z][A-Z'&-]+)*)\s*(?:,\s*[A-Z][\w.]*(?:\s+[A-Z\d][\w.]*)?\s*)?"
    r"(?:\([A-Za-z .]+\)\s*)?(?:--|\u2014|\u2013|-)\s"
)


def after_dateline(sentence: str) -> str:
    """``sentence`` without a wire story's opening dateline ("LONDON (Reuters) - "), if it has one."""
    match = _PLACE_DATELINE.match(sentence)
    return sentence[match.end() :] if match else sentence


# A name before "-based": "a Philadelphia-based maker" ("Philadelphia -based", as TrecQA writes it).
# A run of letters, dots and apostrophes is read once, from its start or from the end of the last
# "-based" (as a search goes on), the name from its first capital after a dot, an apostrophe or
# that start ("U.S.-based", "Coeur d'Alene-based"): not again from each later capital
# ("A.A.A..."), which could only end where the first one ends.
_BASED = re.compile(
    r"(?:(?<![\w.'’])|(?<=-based)|(?<=\sbased))(?>(?:[\w.'’]*?[.'’])??(?<!\w)(?P<place>[A-Z][\w.'’]*+))\s*-\s*based\b"
)
# A place named after a part of it: "on the shores of the Sea of Galilee", "in the city of Aden".
_PART_OF = re.compile(
    rf"(?i:{_AT})(?i:the|a|an)\s+[a-z]+\s+(?i:of)\s+(?:(?i:the)\s+)?(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)"
)
# Where a broadcast or a speech came from: "will be televised nationally from Des Moines", "In a
# victory speech from Wyoming".
_BROADCAST_FROM = re.compile(
    r"\b(?:televised|broadcast|aired|streamed|filmed|hosted|speech|spoke|speaking|address|remarks)\s+(?:\w+ly\s+)?"
    r"(?:live\s+)?from\s+(?:the\s+)?"
    r"(?P<place>[A-Z][\w'’-]*)"
)
# A question about going somewhere, which "to" answers: "Where was the bus travelling to?", "Where
# did Clinton go instead of the emergency room?" ("detoured to daughter Chelsea Clinton's apartment").
_ASKS_DESTINATION = re.compile(
    r"\b(?:go|goes|went|gone|going|travel(?:s|ed|led|ing|ling)?|head(?:s|ed|ing)?|fly|flies|flew|flown|flying|"
    r"mov(?:e|es|ed|ing)|return(?:s|ed|ing)?|sent|taken|took|bound)\b",
    re.IGNORECASE,
)
_TO_PLACE = re.compile(r"\bto\s+" + _WORDS_AFTER, re.IGNORECASE)
# "Where was the plane flying to?", "Where was the flight headed?": only where it was going
# answers, not where it left from or came down ("crashed following departure from Henderson
# Executive Airport, near Las Vegas").
_ASKS_ONLY_DESTINATION = re.compile(r"\b(?:to|headed|bound|destined)\s*\?*\s*$", re.IGNORECASE)
_GOING_TO = re.compile(r"\b(?:to|towards?|(?:bound|headed|destined)\s+for)\s+" + _WORDS_AFTER, re.IGNORECASE)
# "Where is Hamid Salami's family from?": where someone comes from, after "from", "native of",
# "born in" or "hails from", not where they are now ("at the Clarkston Community Center").
_ASKS_ORIGIN = re.compile(r"\bfrom\s*\?*\s*$", re.IGNORECASE)
_COMING_FROM = re.compile(
    r"\b(?:from|native\s+of|natives\s+of|born\s+in|raised\s+in|grew\s+up\s+in)\s+" + _WORDS_AFTER, re.IGNORECASE
)
# For declining, more prepositions of place than the feature reranker was fitted on: "rolled into
# Hialeah, Fla.", "many trips to Washington".
_TELLING_AT = re.compile(rf"\b(?:{_PREPOSITIONS}|into|(?:{_GOING})s\s+to)\s+" + _WORDS_AFTER, re.IGNORECASE)
_ASKS_WHERE = re.compile(r"^\W*where\b", re.IGNORECASE)
# "Where is Karol Bagh?": where a named place lies.
_ASKS_WHERE_IS = re.compile(r"^\W*where\s+(?:is|are|was|were)\s+(?P<asked>[^?]+)", re.IGNORECASE)
# A name, then the place it lies in: "in Karol Bagh, New Delhi,", "the Karol Bagh area of the
# Indian capital, New Delhi" (a part of a place, with a word in lower case or none before it).
_LIES_IN = re.compile(
    r"(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})"
    r"(?:,\s+|\s+(?:area|district|neighbou?rhood|region|suburb|section|part|province|county|state)\s+of\s+"
    r"(?:the\s+)?(?:[a-z]+\s+)?)"
    r"(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)(?=\s*[,.;)]|\s+(?!and\b|or\b)[a-z])"
)


def tells_where_it_lies(sentence: str, question: str) -> bool:
    """For "Where is X?", whether ``sentence`` writes the place X lies in after X's name: "in Karol
    Bagh, New Delhi,", "in the Karol Bagh area of the Indian capital, New Delhi" (a place after
    a comma and before another mark or a word in lower case other than "and"/"or": not "Trump,
    Clinton and Sanders")."""
    asked = _ASKS_WHERE_IS.match(question)
    if asked is None:
        return False
    wanted = set(letters_of(asked.group("asked")))
    for match in _LIES_IN.finditer(without_quotations(sentence)):
        place = letters_of(match.group("place"))
        if set(letters_of(match.group("name"))) <= wanted and not set(place) & wanted:
            return True
    return False


def tells_place(sentence: str, asked_letters: Collection[str], question: str = "") -> bool:
    """Whether ``sentence`` tells a place ``question`` (its casefolded words ``asked_letters``)
    does not give: after a preposition of place (``gives_place``, where "with" ends the phrase
    too: "in an interview with Reuters") or a part of a place ("on the shores of the Sea of
    Galilee"), in a dateline, before "-based", after "televised from" and,
    for a question about going somewhere, after "to". What the sentence quotes is left out: a
    place in someone's words ("a real constitutional conservative in the White House") is not
    where what the sentence tells happened."""
    if tells_where_it_lies(sentence, question):
        return True
    sentence = without_quotations(sentence)
    if (strict := _strict_place(question)) is not None:
        return _told_after(strict, sentence, asked_letters)
    if _place_after(_TELLING_AT, sentence, asked_letters, _TELLING_ENDS, new_venue=True):
        return True
    for pattern in (_PLACE_DATELINE, _BASED, _BROADCAST_FROM, _PART_OF):
        for match in pattern.finditer(sentence):
            if any(word not in asked_letters for word in letters_of(match.group("place"))):
                return True
    return _ASKS_DESTINATION.search(question) is not None and any(
        _names_place(match.group("words"), asked_letters) for match in _TO_PLACE.finditer(sentence)
    )


def _strict_place(question: str) -> re.Pattern[str] | None:
    """What a place must follow to answer ``question`` when it asks where something was going
    ("... flying to?": ``_GOING_TO``) or where someone comes from ("... from?": ``_COMING_FROM``);
    None for any other "where"."""
    if _ASKS_ONLY_DESTINATION.search(question[:2_000]):
        return _GOING_TO
    return _COMING_FROM if _ASKS_ORIGIN.search(question[:2_000]) else None


def _told_after(pattern: re.Pattern[str], sentence: str, asked_letters: Collection[str]) -> bool:
    """Whether a place the question does not give follows one of ``pattern``'s words in ``sentence``."""
    return any(_names_place(m.group("words"), asked_letters) for m in pattern.finditer(sentence))


def lacks_asked_place(query: Query, sentence: str) -> bool:
    """Whether a "where" question gets a best ``sentence`` that tells no place it does not give
    (``tells_place``): "Where did guitarist Eddie Van Halen die?" is not answered by "... Van
    Halen, lead guitarist of US rock band Van Halen, died Tuesday at age 65". Only a question
    opening on "where": "Which country was picked to host ...?" is answered by a name anywhere
    ("Ghana was picked ..."), which no preposition need lead to."""
    asks = _ASKS_WHERE.match(question_proper(query.text)) is not None
    return asks and not tells_place(sentence, query.letters, query.text)
