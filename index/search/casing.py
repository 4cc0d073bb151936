"""A question typed in lower case, read with its names capitalised as the articles write them.

People type into a chat as they type anywhere: "what did peskov say about the nato talks?",
"Who is the nato secretary general?" (a phone capitalises only the first letter), or in capitals
throughout. Much of the
answer path reads names by their capitals: a name weighs more in the lexical search, an article
that names what is asked comes first (naming.py), a role is qualified by the names beside it
(holders.py), a "how many" question is declined from an article that never names whose figure
it asks (whose_figure.py). With every word in lower case none of that happens, and the same
question is answered worse than when written with capitals (measured on the open question sets
written in lower case: docs/RERANKER.md, "A question typed in lower case").

So a question that writes no word after its first with a capital (``writes_no_names``) has each
of its lower-case words written as the articles usually write it in the middle of a sentence:
"peskov" as "Peskov", "nato" as "NATO", "geneva" as "Geneva", while "talks", "say" and "new"
(lower case in most of the sentences holding them) stay as typed. ``usual_form`` decides from the
forms a few sentences write the word in; the index supplies them (retrieval.py,
``Retriever.written_form``). A question with a capital after its first word is read as written:
its writer chose its capitals.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable

from index.store.lexical import STOP_WORDS

# A word as a question or a sentence writes it: letters with dots between ("u.s.", "d.c."), or
# letters, then letters, apostrophes or hyphens ("o'rourke", "al-baghdadi"); a run that starts
# after no letter, so that a long word is read once.
_WORD = re.compile(r"(?<![\w'’.-])(?:(?:[^\W\d_]\.){2,}|[^\W\d_][\w'’-]*)")
# A possessive's endings, which sentences write with either apostrophe ("clinton's": "Clinton’s"),
# and with which they write the word seldom: the word is looked up alone.
_POSSESSIVES = ("'s", "’s", "'", "’")
# At least this share of a word's forms in the middle of sentences capitalised, over at least
# ``MIN_SEEN`` of them, makes it a name: "Geneva" always, "Senate" nearly always; "president",
# written "President" before a name about half the time, is not one.
CAPITAL_SHARE = 0.8
MIN_SEEN = 1
# The most words of one question looked up (each a read of the index): a question is a few words,
# and a message of hundreds must not cost hundreds of reads. The words after them stay as typed.
MAX_LOOKED_UP = 25


def writes_no_names(question: str) -> bool:
    """Whether no word of ``question`` after its first starts with a capital ("I" aside): it was
    typed without the capitals names take."""
    words = _WORD.findall(question[:2_000])
    return not any(word[:1].isupper() and word != "I" for word in words[1:])


def usual_form(forms: Iterable[str]) -> str | None:
    """The capitalised form of a word, when at least ``CAPITAL_SHARE`` of ``forms`` (how sentences
    write it, away from a sentence's start) are capitalised and at least ``MIN_SEEN`` were seen:
    the most common of those ("NATO" over "Nato"); None for a word mostly written in lower case."""
    seen = Counter(forms)
    total = sum(seen.values())
    capitalised = Counter({form: n for form, n in seen.items() if form[:1].isupper()})
    if total < MIN_SEEN or sum(capitalised.values()) < CAPITAL_SHARE * total:
        return None
    return capitalised.most_common(1)[0][0]


def truecase(question: str, written_as: Callable[[str], str | None]) -> str:
    """``question`` with each lower-case word of two letters or more that is no stop word (the
    first ``MAX_LOOKED_UP`` distinct ones) written as ``written_as`` gives it (its usual form in
    the articles, or None to keep it), when the question ``writes_no_names``; otherwise ``question`` as given. A question of several words
    written all in capitals ("WHAT DID PESKOV SAY?") is read as if typed in lower case: its capitals
    tell no name from any other word."""
    if question.isupper() and len(_WORD.findall(question[:2_000])) > 1:
        question = question.lower()
    if not writes_no_names(question):
        return question

    looked_up: set[str] = set()

    def cased(match: re.Match[str]) -> str:
        typed = match.group()
        word, possessive = _without_possessive(typed)
        if len(word) < 2 or not word.islower() or word in STOP_WORDS:
            return typed
        if word not in looked_up and len(looked_up) >= MAX_LOOKED_UP:
            return typed
        looked_up.add(word)
        form = written_as(word)
        return (form if form is not None and form.casefold() == word else word) + possessive

    return _phrases(_WORD.sub(cased, question[:2_000]), written_as, looked_up) + question[2_000:]


def _phrases(text: str, written_as: Callable[[str], str | None], looked_up: set[str]) -> str:
    """``text`` (a question cased word by word) with each two words of which one came out
    capitalised and the other not written as the articles write the two together, when that is
    with both capitalised: "wall Street" is "Wall Street", "white House" "White House" ("wall" and
    "white" are mostly lower case alone). The question's first word and possessives are left."""
    words = list(_WORD.finditer(text))
    found: list[tuple[int, int, str]] = []
    for first, second in itertools.pairwise(words[1:]):
        a, b = first.group(), second.group()
        if (
            text[first.end() : second.start()] != " "
            or a[:1].isupper() == b[:1].isupper()
            or any(w.casefold() in STOP_WORDS or "'" in w or "’" in w for w in (a, b))
            or (found and found[-1][1] > first.start())
        ):
            continue
        phrase = f"{a} {b}".casefold()
        if phrase not in looked_up and len(looked_up) >= MAX_LOOKED_UP:
            break
        looked_up.add(phrase)
        form = written_as(phrase)
        if form is not None and form.casefold() == phrase and all(w[:1].isupper() for w in form.split()):
            found.append((first.start(), second.end(), form))
    for start, end, form in reversed(found):
        text = text[:start] + form + text[end:]
    return text


def _without_possessive(word: str) -> tuple[str, str]:
    """``word`` without its possessive ending, and the ending ("clinton's" -> ("clinton", "'s"))."""
    for ending in _POSSESSIVES:
        if word.endswith(ending) and len(word) > len(ending):
            return word[: -len(ending)], ending
    return word, ""


def forms_in(word: str, sentences: Iterable[str], starts_sentence: Callable[[str, int], bool]) -> list[str]:
    """How ``sentences`` write ``word`` (in any case, as a whole word), leaving out each use at a
    sentence's start (``starts_sentence(text, offset)``), where every word is capitalised."""
    pattern = re.compile(rf"(?<![\w'’.-]){re.escape(word)}(?![\w'’-])", re.IGNORECASE)
    return [
        match.group()
        for text in sentences
        for match in pattern.finditer(text)
        if not starts_sentence(text, match.start())
    ]


def opening_forms(word: str, sentences: Iterable[str], starts_sentence: Callable[[str, int], bool]) -> list[str]:
    """How ``sentences`` write ``word`` where it opens a sentence and a capitalised word follows
    it ("Florent Groberg is a former U.S. Army captain"): a first name the articles write only
    there, which ``forms_in`` leaves out, is read from these when no sentence writes it elsewhere.
    A word in lower case after it ("Undeterred by ...") or a mark ("Despite, ...") is no name's."""
    pattern = re.compile(rf"(?<![\w'’.-])(?i:{re.escape(word)})(?=\s+[A-Z][\w'’-]*[a-z])")
    return [
        match.group() for text in sentences for match in pattern.finditer(text) if starts_sentence(text, match.start())
    ]


def stem_forms(
    stem: str, sentences: Iterable[str], stem_of: Callable[[str], str], starts_sentence: Callable[[str, int], bool]
) -> list[str]:
    """How ``sentences`` write the words whose stem (``stem_of``) is ``stem``, leaving out each use
    at a sentence's start: the forms ``usual_form`` reads a name from when only its stem is known
    (spelling.py: "smith" is written "Smith")."""
    head = stem[:3]
    return [
        match.group()
        for text in sentences
        for match in _WORD.finditer(text)
        if match.group()[:3].casefold() == head
        and stem_of(match.group()) == stem
        and not starts_sentence(text, match.start())
    ]
