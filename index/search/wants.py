"""Questions about what someone wants, and the sentences that tell it: pure functions.

"What does Russia want?" is answered by "Russia is demanding NATO commit to ending its eastward
expansion ...": the one asked about, then within a few words a verb of wanting ("wants",
"is demanding", "has long sought", "called for", "Moscow's demands"). The reranker, trained on
questions with a figure, a date or a name for an answer, finds no such answer in it and gave it
a probability of 0.02, so the question was declined although the article answers it; on a
collection, "What does Cruz want?" showed "Rubio wants to emerge as the go-to candidate ...".

``parse_want`` reads the question ("What does X want?", "What is X demanding?", "What are X's
demands?"); ``tells_want`` finds the words that say what X wants in a sentence; ``want_terms``
are what the want route (answering.py) searches for beside the name to find those sentences.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from index.lexicon import speech_lemma, word_set

_DO = r"(?:does|do|did|will|would)"
_BE = r"(?:is|are|was|were)"
_WHO = r"(?P<who>[^?!,;:]+?)"
# "What does Russia want (from NATO)?", "What did the strikers demand?"
_VERB_QUESTION = re.compile(
    rf"^what\s+{_DO}\s+{_WHO}\s+(?:want|demand|seek|expect|(?:ask|call|push|press|hope|wish)\s+for|insist\s+on)\b",
    re.IGNORECASE,
)
# "What is Russia demanding?", "What is Moscow after?"
_ING_QUESTION = re.compile(
    rf"^what\s+{_BE}\s+{_WHO}\s+(?:demanding|seeking|wanting|after|(?:asking|calling|pushing|pressing|hoping|looking)\s+for|insisting\s+on)\b",
    re.IGNORECASE,
)
# "What are Russia's demands?", "What were the union's conditions?"
_NOUN_QUESTION = re.compile(
    rf"^what\s+{_BE}\s+{_WHO}(?:'s|’s|'|’)\s+(?:demands?|goals?|aims?|wishes|conditions|terms)\b",
    re.IGNORECASE,
)

# The forms of the verbs and nouns that say what someone wants. "ask", "call", "push", "press"
# and "hope" only with "for" after them, "insist" with "on" ("called Ukraine's membership a red
# line" and "insisted that he is" want nothing).
_WANTING = word_set("""
    want wants wanted wanting demand demands demanded demanding seek seeks seeking sought
    urge urges urged urging wish wishes wished
""")
_WANTING_WITH = {
    **dict.fromkeys(
        word_set("""
            ask asks asked asking call calls called calling push pushes pushed pushing press presses
            pressed pressing hope hopes hoped hoping
        """),
        "for",
    ),
    **dict.fromkeys(word_set("insist insists insisted insisting"), "on"),
}
# After a possessive ("Moscow's demands"), only a noun of wanting: "Cruz's associates insist"
# is what his associates want.
_WANTING_NOUNS = word_set("demand demands wish wishes call calls")
# Punctuation between the name and the verb ends the clause ("who supports Trump, asking for
# anonymity" is the supporter asking) unless a relative pronoun takes it on ("Russia, which wants").
_BREAK = re.compile(r"[,;:()\u2013\u2014]")
_RELATIVE = re.compile(r"\b(?:which|who)\b", re.IGNORECASE)
# Advice, not a wish: "Donald Trump may want to check his stats."
_ADVICE = word_set("may might should could")
# Words that must follow the verb: "the result that Sanders was seeking." tells nothing wanted.
MIN_WANTED_WORDS = 2
# Words of the question's subject that name no one: "What do the protesters want?" -> protesters;
# "What do they want?" names no one to look for.
_NOT_WHO = word_set("the a an its their his her our this that these those they he she it we you i them him us")
# How many words may stand between the one asked about and the verb: "Russia is demanding",
# "Russia has long demanded", "Russia, which wants".
WANT_GAP = 3
# The most words a name asked about has ("the Democratic National Committee").
MAX_WHO_WORDS = 5
_WORD = re.compile(r"[^\W\d_][\w'’.-]*[\w]|[^\W\d_]")


@dataclass(frozen=True)
class WantQuery:
    """Whom a question asks what they want: as written, the stem of its last word (the one a
    sentence must hold: "States" of "the United States", "Brainard" of "Lael Brainard") and the
    stems of all its words."""

    who: str
    head: str
    stems: frozenset[str]
    # The stems of every name the question gives ("NATO" of "What does Russia want from NATO?"),
    # all of which a sentence telling the want must hold: "Sanders wants to win California" does
    # not say what Sanders wants from the DNC.
    names: frozenset[str] = frozenset()


def parse_want(question: str, stem: Callable[[str], str], names: Iterable[str] = ()) -> WantQuery | None:
    """The one ``question`` asks what they want ("What does Russia want from NATO?" -> Russia),
    else None. ``stem``: a word -> its stem, as the index stems it; ``names``: the stems of the
    names the question gives (query.Query.names)."""
    text = " ".join(question.split()).strip()
    for pattern in (_NOUN_QUESTION, _ING_QUESTION, _VERB_QUESTION):
        if match := pattern.match(text):
            who = match.group("who").strip()
            words = [w for w in _WORD.findall(who) if w.casefold() not in _NOT_WHO]
            # "What did Hollande say Trump makes you want to do?" asks what he said.
            if words and len(words) <= MAX_WHO_WORDS and not any(speech_lemma(w) for w in words):
                return WantQuery(who, stem(words[-1]), frozenset(stem(w) for w in words), frozenset(names))
    return None


def tells_want(sentence: str, want: WantQuery, stem: Callable[[str], str]) -> str | None:
    """The words of ``sentence`` that say what the one ``want`` asks about wants, else None: the
    last word of their name, then within ``WANT_GAP`` words a verb of wanting, or after a possessive a noun
    ("Russia is demanding", "Moscow's demands", "the union called for"), with no other name
    between them ("Russia says Ukraine wants" is what Ukraine wants) nor punctuation, but for
    "which" or "who" ("Russia, which wants"), not after "may", "might",
    "should" or "could" ("Trump may want to check his stats" is advice), and at least
    ``MIN_WANTED_WORDS`` after it; or a noun of wanting, then "by" and their name ("the demands
    made by Russia"). A sentence lacking one of the question's names
    tells none."""
    matches = list(_WORD.finditer(sentence))
    words = [m.group() for m in matches]
    folded = [w.casefold() for w in words]
    if want.names and not want.names <= {stem(w) for w in words}:
        return None

    def wanting(j: int, possessive: bool) -> int:
        """How many words the verb (or, after a possessive, the noun) of wanting at ``j`` takes,
        when enough words follow it to say what is wanted (0: none there)."""
        if possessive:
            taken = int(folded[j] in _WANTING_NOUNS)
        elif folded[j] in _WANTING:
            taken = 1
        else:
            taken = 2 if j + 1 < len(folded) and _WANTING_WITH.get(folded[j]) == folded[j + 1] else 0
        return taken if taken and len(words) - (j + taken) >= MIN_WANTED_WORDS else 0

    for i, word in enumerate(words):
        if stem(word) != want.head:
            continue
        possessive = folded[i].endswith(("'s", "’s"))
        for j in range(i + 1, min(i + WANT_GAP + 2, len(words))):
            between = words[i + 1 : j]
            if any(w[:1].isupper() and stem(w) not in want.stems for w in between):
                break
            if folded[j - 1] in _ADVICE:
                continue
            gap = sentence[matches[i].end() : matches[j].start()]
            if _BREAK.search(gap) and not _RELATIVE.search(gap):
                continue
            if taken := wanting(j, possessive):
                return " ".join(words[i : j + taken])
        # "the demands made by Russia" (not "demands of Clinton": those made of her).
        for before in (2, 3):
            if i >= before and folded[i - 1] == "by" and (taken := wanting(i - before, True)):
                return " ".join(words[i - before : i + 1])
    return None


def want_terms(stem: Callable[[str], str]) -> frozenset[str]:
    """The stems of the verbs and nouns of wanting, as the index stems them: what a search for the
    sentences telling what someone wants looks for beside their name."""
    return frozenset(stem(word) for word in (*_WANTING, *_WANTING_WITH, *_WANTING_NOUNS))
