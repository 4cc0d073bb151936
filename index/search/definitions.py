"""Questions asking who or what a name is, and the sentences that say it: pure functions.

"What is the OSCE?" is answered by "... a meeting of the Organization for Security and
Cooperation in Europe (OSCE) on January 13 in Vienna", "Who is Lael Brainard?" by "... Lael
Brainard, a Fed governor, said in a speech last month.": news says who or what someone is where
it names them, in a few set ways. The reranker, trained on questions whose answer is a figure, a
date or another name, found the OSCE sentence 9% likely to answer and the question was
declined; for Lael Brainard it showed "Lael Brainard is poised to win another round this week
in her fight for the Federal Reserve to keep interest rates low", which does not say who she is.

``parse_definition`` reads the question ("Who is X?", "What is the X?", X a name: every word
capitalised but "of", "for", "and", ...); ``defines`` finds the words of a sentence that say who
or what X is, and how plainly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.lexicon import is_title_word, plain_word, word_set

_QUESTION = re.compile(
    r"^(?:who|what)\s+(?:is|are|was|were)\s+(?:the\s+)?(?P<name>[^?!.,;:]+?)\s*[?!.]*$", re.IGNORECASE
)
# Words a name may hold uncapitalised ("Organization for Security and Cooperation in Europe").
_NAME_JOINERS = word_set("of for and the de del la le von van in on al bin")
MAX_NAME_WORDS = 8
_WORD = re.compile(r"[^\W_][\w'’.&-]*[\w]|[^\W_]")


@dataclass(frozen=True)
class DefinitionQuery:
    """The name a question asks who or what it is, as written and as its casefolded words, and
    whether it asks who (a person, whom a title before the name says: not "the U.S. ambassador
    to NATO" for "What is NATO?")."""

    name: str
    words: tuple[str, ...]
    who: bool = False


def parse_definition(question: str) -> DefinitionQuery | None:
    """The name ``question`` asks who or what it is ("Who is Wendy Sherman?" -> Wendy Sherman,
    "What is the OSCE?" -> OSCE), else None: "Who is the US ambassador to NATO?" asks for a
    person by a role, not what a name is."""
    match = _QUESTION.match(" ".join(question.split()))
    if match is None:
        return None
    name = match.group("name").strip()
    words = _WORD.findall(name)
    if not words or len(words) > MAX_NAME_WORDS or not words[0][:1].isupper():
        return None
    if any(not w[:1].isupper() and w.casefold() not in _NAME_JOINERS for w in words):
        return None
    who = match.group().casefold().startswith("who")
    return DefinitionQuery(name, tuple(plain_word(w) for w in words), who)


# How plainly a sentence says who or what the name is: spelled out or told in so many words
# ("the Organization for Security and Cooperation in Europe (OSCE)", "Paul Manafort, a seasoned
# operative", "Al-Shabaab is a terrorist group"), or only by a title before it ("Rep. Trey Gowdy").
PLAIN = 2
TITLED = 1
# How many words before the name a title may stand ("U.S. Ambassador to NATO Julianne Smith").
TITLE_REACH = 4
_APPOSITIVE = re.compile(r"^(?:\s*\([^)]{1,40}\))?(?:,\s*\d{1,3})?,\s+(?:the|a|an|who|one\s+of)\s", re.IGNORECASE)
_COPULA = re.compile(r"^\s+(?:is|was|are|were)\s+(?:a|an|the)\s", re.IGNORECASE)
# "is a / the" defines a name that opens its clause ("Clinton was the U.S. senator from New
# York."), not one inside another subject ("the rise of ISIS was the failed attempt ...").
_CLAUSE_START = re.compile(r"(?:^|[,;:\u2013\u2014(])[\s\"'“‘]*$")
# A name spelled out before its brackets: two or more capitalised words, "of", "for", "and",
# "the", "in", "on" between them, then "(" ("the Organization for Security and Cooperation in
# Europe ("). Read backwards from the bracket, once: read forwards, each capitalised word of a long
# run was a start read again up to the word that ends the run (a list of names, "A.A.A...").
# Reversed, the pattern is the words in reverse order, each written backwards: every word but the
# first (the last one read) runs whole from a capital, which the first may start inside of
# ("iPhone" spells out from "Phone", as read forwards).
_BETWEEN_BACKWARDS = "|".join(word[::-1] for word in ("of", "for", "and", "the", "in", "on"))
_SPELLED_OUT_BACKWARDS = re.compile(
    rf"\((?:(?:\s+(?:{_BETWEEN_BACKWARDS}))*\s+[\w'’.&-]*[A-Z](?=\s))+"
    rf"(?:\s+(?:{_BETWEEN_BACKWARDS}))*\s+[\w'’.&-]*[A-Z]"
)


def _spelled_out(before: str) -> int | None:
    """Where the words spelling out a name start in ``before`` (the text up to and with the
    bracket after them; see ``_SPELLED_OUT_BACKWARDS``), or None when no name is spelled out."""
    spelled = _SPELLED_OUT_BACKWARDS.match(before[::-1])
    return len(before) - spelled.end() if spelled else None


@dataclass(frozen=True)
class Definition:
    """How plainly a sentence says who or what a name is (``PLAIN`` or ``TITLED``), and the words that say it."""

    strength: int
    words: str


def defines(sentence: str, asked: DefinitionQuery) -> Definition | None:
    """Where ``sentence`` says who or what ``asked`` names (None: it does not): the name spelled
    out before it in brackets ("... in Europe (OSCE)"), an apposition after it ("Paul Manafort, a
    seasoned operative", "Rakeem Jones, 26, a protester", "Wendy Sherman, who led those talks"),
    "is a / the" after it when it opens its clause; or, less plainly and for "who" only, a title up to ``TITLE_REACH``
    words before it ("Russian Deputy Foreign Minister Sergei Ryabkov", "Kremlin spokesman Dmitry
    Peskov")."""
    matches = list(_WORD.finditer(sentence))
    folded = [plain_word(m.group()) for m in matches]
    n = len(asked.words)
    best: Definition | None = None
    for i in range(len(matches) - n + 1):
        if tuple(folded[i : i + n]) != asked.words:
            continue
        start, end = matches[i].start(), matches[i + n - 1].end()
        after = sentence[end:]
        if (
            sentence[start - 1 : start] == "("
            and after.startswith(")")
            and (spelled := _spelled_out(sentence[:start])) is not None
        ):
            return Definition(PLAIN, sentence[spelled : end + 1])
        before = sentence[:start]
        opens = _CLAUSE_START.search(before) is not None
        # A name after a comma may be an item of a list: "... in many decades, ISIS, a disastrous ...".
        listed = before.rstrip().endswith(",")
        if (not listed and (appositive := _APPOSITIVE.match(after))) or (
            opens and (appositive := _COPULA.match(after))
        ):
            tail = after[appositive.end() :]
            clause = re.split(r"[,;:()\u2013\u2014]", tail, maxsplit=1)[0]
            return Definition(PLAIN, (sentence[start:end] + after[: appositive.end()] + clause).strip())
        if best is None and asked.who:
            for j in range(max(0, i - TITLE_REACH), i):
                if is_title_word(folded[j]):
                    best = Definition(TITLED, sentence[matches[j].start() : end])
                    break
    return best
