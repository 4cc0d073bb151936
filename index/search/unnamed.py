"""Who or what a sentence tells without a capitalised name, for declining: pure functions.

persons.py reads a "who" question's best sentence for a name it does not ask; some answers name
no one and still say who: "He was reported missing Thursday evening by the police.", "his
daughter reported to the police he ...". An acronym the question writes in full is its own:
"the Parliament of New South Wales (NSW)" names no one new for "Who drafted the New South Wales
abortion bill?". And a question asking what something is called is answered by a term in lower
case: "creating areas of open water called polynyas". Whoever a credit at a sentence's end
says reported it did not act in it: ", Isaac Stanley-Becker reports.".
"""

from __future__ import annotations

import re
from collections.abc import Collection

from index.search.query import letters_of
from index.search.whose_figure import spells_out
from index.store.lexical import STOP_WORDS

# A body that acts without a name, after "by" ("arrested by police", "by the authorities") or
# as whose kin someone is ("his daughter reported ...", "by her family").
_BODIES = (
    "police|authorities|government|military|army|navy|coast\\s+guard|firefighters|rescuers|investigators"
    "|prosecutors|officials|officers|court|judge|jury|regulators|inspectors"
)
_KIN = "son|daughter|wife|husband|mother|father|brother|sister|family|parents|children|widow|partner"
_UNNAMED_AGENT = re.compile(
    rf"\bby\s+(?:the\s+)?(?:[a-z]+\s+)?(?:{_BODIES})\b"
    rf"|\b(?i:his|her|their)\s+(?:(?:eldest|youngest|older|younger|late)\s+)?(?:{_KIN})\b",
)


def tells_unnamed_agent(sentence: str) -> bool:
    """Whether ``sentence`` says who acted without naming them: a body after "by" ("by the
    police", "by local authorities") or someone's kin ("his daughter", "her family")."""
    return _UNNAMED_AGENT.search(sentence[:2_000]) is not None


# A run of capitalised words in a question ("New South Wales", "Federal Aviation Administration").
_RUN = re.compile(r"\b[A-Z][\w'’-]*(?:\s+(?:of\s+|and\s+|for\s+)?[A-Z][\w'’-]*)+")
_ACRONYM = re.compile(r"(?<![\w.])[A-Z]{2,6}(?![\w.])")


def _initials(run: str) -> str:
    return "".join(word[0] for word in run.split() if word[:1].isupper())


def without_asked_acronyms(sentence: str, question: str) -> str:
    """``sentence`` with each acronym of a name ``question`` writes in full left out: "the
    Parliament of New South Wales (NSW)" for a question naming New South Wales."""
    asked = {_initials(run.group()) for run in _RUN.finditer(question[:2_000])}
    asked.discard("")
    if not asked:
        return sentence
    return _ACRONYM.sub(lambda m: " " if m.group() in asked else m.group(), sentence)


# "called polynyas", "known as the nine-dash line", "dubbed 'Ripley'": what something is called.
_CALLED = re.compile(r"\b(?:called|named|dubbed|termed|known\s+as|nicknamed)\s+(?:the\s+|a\s+|an\s+)?[\"“'‘]?([\w-]+)")


def calls_by_term(sentence: str, asked_letters: Collection[str]) -> bool:
    """Whether ``sentence`` writes what something is called in a word the question
    (``asked_letters``, its casefolded words) lacks, in lower case too: "areas of open water
    called polynyas"."""
    return any(
        (term := m.group(1).casefold()) not in asked_letters and term not in STOP_WORDS
        for m in _CALLED.finditer(sentence[:2_000])
    )


# Who reported the news a sentence tells, at its end: ", Isaac Stanley-Becker reports.", ", CNN
# reported.", ", The Hill reported.". Up to four capitalised words, so that it is read in one pass.
_CREDIT = re.compile(
    r",\s+(?:[Tt]he\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s+(?:reports|reported|writes|wrote)\s*[.!]?[\"”’']?\s*$"
)
# A question about who reported or wrote something, which a credit answers.
_ASKS_REPORTER = re.compile(r"\b(?:report\w*|writ\w*|wrote)\b", re.IGNORECASE)


def without_credit(sentence: str, question: str) -> str:
    """``sentence`` without a credit at its end to whoever reported it (``_CREDIT``), unless
    ``question`` asks who reported or wrote something: the reporter is not who acted in the news."""
    if _ASKS_REPORTER.search(question[:2_000]):
        return sentence
    return _CREDIT.sub(".", sentence)


# "Who is the spokesman for the Clinton Foundation?": the role asked, after "Who is the".
# The role is the last word before a preposition or the question's end ("spokesman", "manager" of
# "the campaign manager for Trump").
_ASKS_ROLE_HOLDER = re.compile(
    r"^\W*who\s+(?:is|was|are|were)\s+the\s+(?:[a-z]+\s+)?([a-z]+)(?=\s+(?:for|of|at|in|on|to|with)\b|\s*\?*\s*$)",
    re.IGNORECASE,
)
# A name beside a role: "Brian Fallon, a spokesman" before it, "a spokesman, Brian Fallon," after it.
_NAME_BEFORE = re.compile(r"[A-Z][\w'’-]+,?\s*$")
_NAME_AFTER = re.compile(r"^,?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)")


def role_left_unnamed(question: str, sentence: str) -> bool:
    """Whether ``sentence`` writes the role a "Who is the ROLE ...?" ``question`` asks the holder of
    only with "a" or "an" and no name beside it: "A spokesman for Democratic presidential candidate
    Hillary Clinton called a report ..." does not say who the spokesman is. False for any other
    question, or a sentence not writing the role so."""
    asked = _ASKS_ROLE_HOLDER.match(question[:500])
    if asked is None:
        return False
    text = sentence[:2_000]
    written = list(re.finditer(rf"\b(?:[Aa]n?)\s+(?:[a-z]+\s+)?{re.escape(asked.group(1))}\b", text))
    if not written:
        return False
    return not any(_NAME_BEFORE.search(text[: m.start()]) or _NAME_AFTER.match(text[m.end() :]) for m in written)


# A role with the body that holds it before it ("Kremlin spokesman", "Pentagon press secretary").
_BODY_BEFORE = r"((?:[A-Z][\w'’.-]*\s+){1,3})"


def role_of_another(question: str, sentence: str) -> str | None:
    """The body whose role ``sentence`` names when a "Who is the ROLE for X?" ``question`` asks
    for X's and every time the sentence writes the role, another capitalised body holds it:
    "Kremlin spokesman Dmitry Peskov" does not say who NATO's spokesman is. None for any other
    question, or a sentence writing the role without a body or with one the question names."""
    asked = _ASKS_ROLE_HOLDER.match(question[:500])
    if asked is None or not re.search(r"\b(?:for|of)\s+(?:the\s+)?[A-Z]", question[asked.end() : asked.end() + 80]):
        return None
    role = re.escape(asked.group(1))
    text = sentence[:2_000]
    written = list(re.finditer(rf"\b{role}\b", text, re.IGNORECASE))
    letters = frozenset(letters_of(question[:500]))
    bodies = []
    for m in written:
        before = re.search(rf"{_BODY_BEFORE}$", text[: m.start()])
        if before is None:
            return None
        words = [w for w in before.group(1).split() if letters_of(w) and letters_of(w)[0] not in STOP_WORDS]
        if not words or any(_asked_body(w, letters, question) for w in words):
            return None  # no body ("A spokesman"), or the one asked
        bodies.append(before.group(1).strip())
    return bodies[0] if bodies else None


def _asked_body(word: str, asked_letters: frozenset[str], question: str) -> bool:
    """Whether ``word``, written before a role, is the body the question asks about: one of its
    words ("NATO's" for NATO) or an acronym the question spells out ("AFT" for "the American
    Federation of Teachers", in any case)."""
    return bool(set(letters_of(word)) & asked_letters) or spells_out(word.strip(".,'’s"), question[:500])
