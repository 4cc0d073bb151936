"""A question asking what something is called gets the sentence that calls it so: pure functions.

"What is the title of the Our Principles PAC ad about violence at Trump rallies?" is answered by
'The ad, titled "Unifier?", concludes ...', which the ranking put seventh, below the story's
first sentence about the ad, where the reranker (which reads the first five) never saw it; and
read beside it, the reranker finds the sentence that restates the question likelier than the
one that only gives the name and leaves the rest to its story, as news does. For such a
question (``asks_what_called``: not one asking a person's name by what they are, which
persons.py reads), when none of the first five hits from the first hit's article gives a name
(``gives_a_name``: "called", "titled", "nicknamed", "known as" and the like, used of a thing, not
"Trump called Clinton a liar") and one of the next five from it does, that one is the fifth the
reranker reads (``name_in_head``); after reranking, when the first gives no name and another of
its article's among the five does, that one is shown first with the first's probability, the
story's (``name_first``). Declining reads that same probability, so it declines as before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from index.search.persons import asks_person_name
from index.search.query import Query
from index.types import Hit

# How far below the reranker's head a sentence giving a name is looked for.
NAME_REACH = 10

_NAMING = r"(?:called|named|titled|entitled|dubbed|nicknamed|(?:known|referred\s+to|billed)\s+as)"
# "What is the name / title / nickname of ...?", "What is the video called?", "What was Ripley
# nicknamed?", "What is the plane often referred to as?".
_ASKS_CALLED = re.compile(
    r"^\W*what(?:\s+|['’])(?:is|was|are|were|s)\s+the\s+(?:name|title|nickname)s?\s+of\b"
    rf"|\b{_NAMING}\s*\?*\s*$",
    re.IGNORECASE,
)
_ADVERB = r"(?:often|also|commonly|officially|widely|aptly|simply|now|sometimes|popularly|formally|informally|jokingly)"
_NOT_A_NOUN = (
    r"(?:he|she|they|it|we|i|you|who|which|that|has|have|had|will|would|could|should|may|might|must|did|does|do"
    r"|not|never|and|but|or|also|then|once|later|himself|herself|themselves|[a-z]+ly)"
)
_DAYS = "(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
# A naming word used of a thing: after a comma, a form of "be" or a noun in lower case ("a
# mannequin nicknamed"), or a day ("an ad on Saturday titled"), maybe an adverb between ("often
# called"); not after a name or a pronoun that does the calling ("Trump called Clinton", "he
# called it"); then what it is called, not a particle ("called for", "named after").
_GIVES = re.compile(
    rf"(?:,|\b(?:is|was|are|were|be|been|being|{_DAYS})|(?<![A-Z])\b(?!{_NOT_A_NOUN}\b)[a-z][\w-]*)"
    rf"\s+(?:{_ADVERB}\s+)?{_NAMING}\s*,?\s+"
    r"(?!(?:for|on|upon|off|out|up|in|into|after|back|him|her|them|it|me|us|you|to|by|as)\b)[\"“‘'\w]"
)


def asks_what_called(question: str) -> bool:
    """Whether ``question`` asks what something is called, other than a person by what they are
    ("What is the name of the man arrested ...?": persons.py)."""
    text = question[:2_000]
    return _ASKS_CALLED.search(text) is not None and not asks_person_name(text)


def gives_a_name(sentence: str) -> bool:
    """Whether ``sentence`` says what something is called: "is called No Respite", 'The ad, titled
    "Unifier?"', "often referred to as Trump Force One"; not "Trump called Clinton a liar"."""
    return _GIVES.search(sentence[:2_000]) is not None


def name_in_head(query: Query, hits: Sequence[Hit], depth: int, reach: int = NAME_REACH) -> list[Hit]:
    """``hits`` with, for a question asking what something is called whose first ``depth`` hits
    hold no sentence of the first's article that gives a name, the first of that article's hits up
    to ``reach`` that gives one moved to place ``depth`` (the last the reranker reads); any other
    question: ``hits`` as given."""
    ordered = list(hits)
    if depth < 1 or len(ordered) <= depth or not asks_what_called(query.text):
        return ordered
    story = ordered[0].article_id
    if any(hit.article_id == story and gives_a_name(hit.sentence) for hit in ordered[:depth]):
        return ordered
    for i in range(depth, min(reach, len(ordered))):
        if ordered[i].article_id == story and gives_a_name(ordered[i].sentence):
            return [*ordered[: depth - 1], ordered[i], *ordered[depth - 1 : i], *ordered[i + 1 :]]
    return ordered


def name_first(query: Query, hits: Sequence[Hit], depth: int) -> list[Hit]:
    """``hits`` (the first ``depth`` scored by the reranker, best first) with, for a question asking
    what something is called whose first hit gives no name, the first of the next ``depth - 1``
    from its article that gives one put first with the first's score; any other question, or
    none such: ``hits`` as given."""
    ordered = list(hits)
    if not ordered or not asks_what_called(query.text) or gives_a_name(ordered[0].sentence):
        return ordered
    first = ordered[0]
    for i, hit in enumerate(ordered[1:depth], start=1):
        if hit.article_id == first.article_id and gives_a_name(hit.sentence):
            return [replace(hit, score=first.score), *ordered[:i], *ordered[i + 1 :]]
    return ordered
