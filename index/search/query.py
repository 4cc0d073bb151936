"""A question parsed once into a ``Query``: everything the stages of a search read about it.

Retrieval (its weighted stems), ranking (what kind of answer it asks for, its words, the year
and month it names), declining (its names, whether it is a short search) and the speech route
(the "what did X say?" form, or a bare name) all read the same ``Query``, made by
``parse_query`` once per question instead of each stage cleaning and tokenising the text again.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass

from index.errors import EmptyQuestionError
from index.lexicon import MONTH_NAMES, MONTHS, WEEKDAYS
from index.search.casing import truecase
from index.search.speech import SpeechQuery, read_speech
from index.search.topics import topic_of
from index.store.lexical import NAME_WEIGHT, QueryWord, Tokenizer, weighted_terms

MAX_SEARCH_WORDS = 3

_QUESTION_START = frozenset(
    """what who whom whose which why how where when is are was were will would do does did can could
    has have had should shall may might must""".split()
)
_LETTERS = re.compile(r"[A-Za-z]+")
# A year a question may name (Query.years); rerank_features.py drops such a year from the question too.
YEAR = r"(?:1[89]\d\d|20\d\d)"
_YEAR = re.compile(rf"\b({YEAR})\b")
_MONTH = re.compile(r"\b({})\b".format("|".join(MONTH_NAMES)), re.IGNORECASE)

_ASKS_DATE = re.compile(
    r"^(?:when\b|(?:(?:in|on|by|from|since|until|till)\s+)?(?:what|which)\s+(?:year|date|day|month|century|decade)\b"
    r"|(?:at\s+)?what\s+time\b|(?:since|until|till|by)\s+when\b|how\s+soon\b)",
    re.IGNORECASE,
)
_ASKS_NUMBER = re.compile(
    r"^(?:(?:by\s+|(?:roughly|about|approximately)\s+)?how\s+(?:many|much|long|often|old|far|fast|big|tall|high|large|deep|wide|heavy)\b"
    r"|(?:what|which)\s+(?:percentage|percent|number|amount|share|proportion)\b)",
    re.IGNORECASE,
)
_ASKS_PERSON = re.compile(r"^(?:who|whom|by\s+whom|whose)\b|\bname\b", re.IGNORECASE)
_ASKS_PLACE = re.compile(
    r"^(?:where\b|(?:in\s+|to\s+|with\s+)?(?:what|which)\s+(?:country|countries|nationality|city|cities|state|"
    r"place|continent|town|region)\b)",
    re.IGNORECASE,
)
_ASKS_ORGANISATION = re.compile(
    r"^(?:what|which)\s+(?:company|group|band|team|organi[sz]ation|actor|actress|film|movie|book|"
    r"newspaper|magazine|university|college|party)\b",
    re.IGNORECASE,
)
# "Will Ukraine join NATO soon?": answered by a statement, not by a name or a number.
_ASKS_YES_NO = re.compile(
    r"^(?:is|are|was|were|will|would|does|do|did|can|could|has|have|had|should|shall|may|might|must)\b", re.IGNORECASE
)
_ASKS_REASON = re.compile(r"^why\b|^(?:for\s+)?what\s+(?:reason|purpose)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Query:
    """One question as every stage of a search reads it (see ``parse_query``)."""

    text: str  # whitespace folded: what the answer repeats
    words: tuple[QueryWord, ...]  # stop words aside, in order: as written, stemmed, naming or not
    stems: frozenset[str]  # the stems of ``words``
    names: tuple[QueryWord, ...]  # capitalised words after the first ("Merkel", "NATO"), each once
    # One to three words that are not a question ("troops"), or a question asking for nothing in
    # particular about a topic ("What happened in Geneva?", topics.py; ``words`` are then the
    # topic's): see decline.py.
    short_search: bool
    kind: str | None  # the kind of answer asked for (``answer_type``)
    letters: frozenset[str]  # casefolded runs of letters: what names in a sentence are new against
    years: tuple[str, ...]  # years the question names ("2022")
    month: int | None  # the first month it names (1-12)
    speech: SpeechQuery | None  # the "what did X say?" form, if it has one
    bare_name: str | None  # the question when it is nothing but a name ("Peskov"); None if ``speech``
    speech_name: tuple[QueryWord, ...] = ()  # the words of ``speech.name``
    speech_topic: tuple[QueryWord, ...] = ()  # the words of ``speech.topic``
    # "What did he say (about X)?": the speech question naming no one (speech.pronoun_speech).
    unnamed_speech: SpeechQuery | None = None
    # Words typed with a typo and the names they were read as ("Smtih", "Smith"): spelling.py.
    respelled: tuple[tuple[str, str], ...] = ()
    # Names a name typed with a typo may be, when it could not be read as one ("Smoth": "Smith",
    # "Smyth"): what a decline offers (spelling.suggestions).
    suggested: tuple[str, ...] = ()

    def terms(self, name_weight: float = NAME_WEIGHT) -> dict[str, float]:
        """The stems with their BM25 weights: names and numbers weigh ``name_weight``."""
        return weighted_terms(self.words, name_weight)

    @property
    def search_terms(self) -> frozenset[str]:
        """The stems a short search asks for (every sentence shown must hold them); empty for a question."""
        return self.stems if self.short_search else frozenset()


# An HTML or XML tag someone typed or pasted ("<b>what</b> did Peskov say?"): read as a space, so
# that the words around it are the question's. Bounded, so it cannot backtrack on a long message.
_MARKUP = re.compile(r"</?[A-Za-z][A-Za-z0-9]{0,15}(?:\s[^<>]{0,200})?/?>")


def clean_question(question: str) -> str:
    """The question with markup tags dropped and whitespace folded; raises EmptyQuestionError when nothing is left."""
    cleaned = " ".join(_MARKUP.sub(" ", question).split())
    if not cleaned:
        raise EmptyQuestionError("Please type a question: the message was empty.")
    return cleaned


# Words that open a chat message without asking anything: "hi, where is ...", "ok so, who ...",
# "quick question: when ...". Searched as part of the question they only pull it off the answer
# ("hi" is a rare word in news, so it weighs in every word count).
_FILLER = frozenset(
    "hi hello hey hiya yo greetings ok okay so well um uh please pls quick question bot verbatim thanks"
    " there and also".split()
)
# A short opener before the question proper ("hi, where is ...", "In Geneva, who ..."): up to four
# words, then a comma, colon, semicolon, exclamation mark or dash.
# Words are split at spaces only, so a long unpunctuated message is matched in linear time.
_OPENER = re.compile(r"^\s*((?:[\w'’]+\s+){0,3}[\w'’]+)\s*[,:;!–—-]+\s*(?=\S)")


# Words that close a chat message without asking anything: "who is Peskov thanks", "how many
# troops pls?", "what did he say, thank you!". Up to three of them, with the punctuation around.
# The words and the marks are written once: ``_may_close`` reads the same ones.
_CLOSER_WORDS = ("please", "pls", "plz", "thanks", "thx", "thank you", "ty", "cheers")
_CLOSER_MARKS = ",;:.!?-"
_CLOSER = re.compile(
    r"[\s{marks}]*\b(?:(?:{words})[\s{marks}]*){{1,3}}$".format(
        marks=re.escape(_CLOSER_MARKS), words="|".join(w.replace(" ", r"\s+") for w in _CLOSER_WORDS)
    ),
    re.IGNORECASE,
)
# What a closer's last word ends on ("thank you": "you").
_CLOSER_ENDS = tuple(word.split()[-1] for word in _CLOSER_WORDS)


def question_proper(text: str) -> str:
    """``text`` without an opener made only of filler words ("hi, where is NATO?" -> "where is
    NATO?") and without a closer made only of them ("who is Peskov thanks" -> "who is Peskov"; a
    question mark before the closer is kept), when at least three words are left ("Who said
    please?" is the question)."""
    opener = _OPENER.match(text)
    if opener and all(w.casefold() in _FILLER for w in opener.group(1).split()):
        text = text[opener.end() :]
    end = text[-200:]  # the closer is looked for in the message's end only: linear time
    closer = _CLOSER.search(end) if _may_close(end) else None
    if closer is None:
        return text
    kept = text[: len(text) - len(end) + closer.start()].rstrip()
    if len(kept.split()) < 3:
        return text
    return kept + ("?" if "?" in closer.group() else "")


def _may_close(end: str) -> bool:
    """False when ``_CLOSER`` cannot match ``end``: its last word, past the spaces and marks a
    closer may end on, is none of the words a closer ends on. Only ASCII text is judged: there
    IGNORECASE matches exactly what ``lower`` folds and ``\\s`` what ``rstrip`` strips."""
    if not end.isascii():
        return True
    tail = end.rstrip()
    while tail and tail[-1] in _CLOSER_MARKS:
        tail = tail.rstrip(_CLOSER_MARKS).rstrip()
    return tail.lower().endswith(_CLOSER_ENDS)


def letters_of(text: str) -> list[str]:
    """The casefolded runs of letters of ``text`` ("COVID-19" -> ["covid"]): what ``Query.letters``
    holds of a question, and what a sentence's words are compared with it by."""
    return [w.casefold() for w in _LETTERS.findall(text)]


def is_calendar_word(word: str) -> bool:
    """Whether ``word`` is a weekday or a month ("Monday", "Aug"): capitalised, but no name of
    someone or something."""
    folded = word.casefold()
    return folded in WEEKDAYS or folded in MONTHS


def _may_name_month(text: str) -> bool:
    """False when ``_MONTH`` cannot match ``text``: no month's name is in it, in any case. Only
    ASCII text is judged (there IGNORECASE matches exactly what ``lower`` folds)."""
    if not text.isascii():
        return True
    lowered = text.lower()
    return any(name in lowered for name in MONTH_NAMES)


def parse_query(question: str, tokenizer: Tokenizer, written_as: Callable[[str], str | None] | None = None) -> Query:
    """``question`` read once for every stage; raises EmptyQuestionError when it is blank.
    ``written_as``: how the articles write a word typed in lower case, for a question typed
    without capitals (casing.py); without it the question is read as typed."""
    text = with_question_mark(spelled_out(chat_words_spelled(question_proper(clean_question(question)))))
    if written_as is not None:
        text = truecase(text, written_as)
    words = tuple(tokenizer.query_words(text))
    speech, bare_name, unnamed = read_speech(text)
    # "What happened in Geneva?" searches for Geneva: its words, read in place so that a name
    # stays a name (a topic's first word would be a sentence's first word alone).
    topic = topic_of(text) if speech is None else None
    if topic is not None:
        topic_stems = {w.stem for w in tokenizer.query_words(topic)}
        topic_words = tuple(w for w in words if w.stem in topic_stems)
        topic, words = (topic, topic_words) if topic_words else (None, words)
    names = {w.text: w for w in words if w.named and w.text[0].isupper()}  # the first of each
    month = _MONTH.search(text) if _may_name_month(text) else None
    return Query(
        text=text,
        words=words,
        stems=frozenset(w.stem for w in words),
        names=tuple(names.values()),
        short_search=is_search(text) or topic is not None,
        kind=answer_type(text),
        letters=frozenset(letters_of(text)),
        years=tuple(_YEAR.findall(text)),
        month=MONTH_NAMES.index(month.group(1).casefold()) + 1 if month else None,
        speech=speech,
        bare_name=bare_name,
        unnamed_speech=unnamed,
        speech_name=tuple(tokenizer.query_words(speech.name)) if speech else (),
        speech_topic=tuple(tokenizer.query_words(speech.topic)) if speech and speech.topic else (),
    )


# Words a chat writes short, read in full wherever they stand: "where r the talks", "what did
# peskov say abt nato". Only as typed in lower case: "R" is a party ("Sen. Tim Scott (R)").
_CHAT_WORDS = {
    "r": "are",
    "u": "you",
    "ur": "your",
    "abt": "about",
    "ppl": "people",
    "govt": "government",
    "b4": "before",
    "thru": "through",
    "bc": "because",
    "cuz": "because",
    "yrs": "years",
}
# Question words a chat writes short, read in full only where a question opens: "wat did smith
# say", "y is russia building up troops" ("Wat Arun" is a temple, "y" a variable elsewhere).
_CHAT_OPENERS = {
    "wat": "what",
    "wot": "what",
    "wut": "what",
    "wht": "what",
    "whr": "where",
    "wen": "when",
    "hw": "how",
    "y": "why",
}
# Only the words above, each a whole word (a run of letters and digits with no other word
# character, apostrophe, dot or hyphen around it): no other word is looked at.
_CHAT_WORD = re.compile(
    r"(?<![\w'’./-])({})(?![\w'’/-]|\.\w)".format(
        "|".join(sorted({*_CHAT_WORDS, *_CHAT_OPENERS}, key=lambda word: (-len(word), word)))
    )
)


def chat_words_spelled(text: str) -> str:
    """``text`` with the words a chat writes short in full (``_CHAT_WORDS``; a question word only
    as the first word, ``_CHAT_OPENERS``), when typed in lower case: "wat did smith say abt the
    talks" -> "what did smith say about the talks", "where r the talks" -> "where are the talks"."""

    def spelled(match: re.Match[str]) -> str:
        word = match.group(1)
        if match.start() == 0 and word in _CHAT_OPENERS:
            return _CHAT_OPENERS[word]
        return _CHAT_WORDS.get(word, word)

    return _CHAT_WORD.sub(spelled, text)


# A question word run together with its verb, as a chat writes it: "who's", "what're", "what'd",
# and without the apostrophe "whats", "wheres", "whos" ("whose" is a word of its own).
_CONTRACTED = re.compile(
    r"^(what|who|where|when|how|why|which)(?:['’](s|re|d)|(s))(?=\s|$)(\s+(?:been|got|gotten)\b)?", re.IGNORECASE
)
_SPELLED = {"s": "is", "re": "are", "d": "did"}


def spelled_out(text: str) -> str:
    """``text`` with a question word contracted at its start written out ("who's Peskov" -> "who is
    Peskov", "whats the oil price" -> "what is the oil price", "who's been arrested" -> "who has
    been arrested", "what'd he say" -> "what did he say"): read so, it is a question, not a search
    for the word "who's"."""
    match = _CONTRACTED.match(text)
    if match is None:
        return text
    word, ending, bare, perfect = match.groups()
    verb = "has" if perfect and (ending or bare).casefold() == "s" else _SPELLED[(ending or bare).casefold()]
    return f"{word} {verb}{perfect or ''}{text[match.end() :]}"


def with_question_mark(text: str) -> str:
    """``text`` ending on a question mark when it opens as a question and holds none ("how old
    was terence crutcher", "who leads nato."): typed so in a chat, a question reads to the
    encoder and the reranker, which learnt from questions written with one, as another text."""
    if "?" in text or not _opens_as_question(text):
        return text
    return text.rstrip(" .!") + "?"


# A preposition a question may open on before its question word: "By how many votes ...?", "In
# which county ...?", "Since when ...?", "To whom ...?".
_ASKING_PREPOSITIONS = frozenset("by in on at for from to since until of with during after before".split())
_QUESTION_WORDS = frozenset("what which who whom whose how when where why".split())


def _opens_as_question(text: str) -> bool:
    """Whether ``text`` opens as a question: on a word a question opens on ("what", "how", "did",
    ...), or on a preposition and a question word ("by how", "in which")."""
    words = [w.casefold().strip(".,!:;\"'") for w in text.split(maxsplit=2)[:2]]
    if not words:
        return False
    return words[0] in _QUESTION_START or (
        len(words) == 2 and words[0] in _ASKING_PREPOSITIONS and words[1] in _QUESTION_WORDS
    )


def is_search(question: str) -> bool:
    """Whether ``question`` is a few search words ("troops", "NATO expansion"), not a question."""
    return 0 < len(question.split()) <= MAX_SEARCH_WORDS and "?" not in question and not _opens_as_question(question)


def answer_type(question: str) -> str | None:
    """What kind of thing the question asks for: "date", "number", "name", "reason", "yes/no" or None.

    Read from the question proper: a short opener ("hi, where is NATO headquartered?") is
    looked past when the whole text asks for nothing.
    """
    kind = _kind_asked(question.strip())
    if kind is None and (opener := _OPENER.match(question)):
        kind = _kind_asked(question[opener.end() :].strip())
    return kind


def asks_place(query: Query) -> bool:
    """Whether ``query`` asks where ("Where did ...?", "In which city ...?"): a "name" question
    whose answer is a place (places.py)."""
    return query.kind == "name" and bool(_ASKS_PLACE.search(query.text))


def _kind_asked(text: str) -> str | None:
    if _ASKS_YES_NO.search(text):
        return "yes/no"
    if _ASKS_REASON.search(text):
        return "reason"
    if _ASKS_DATE.search(text):
        return "date"
    if _ASKS_NUMBER.search(text):
        return "number"
    if _ASKS_PERSON.search(text) or _ASKS_PLACE.search(text) or _ASKS_ORGANISATION.search(text):
        return "name"
    return None


class Tokenizers:
    """One ``Tokenizer`` per thread: PyStemmer keeps a cache and is not thread-safe."""

    def __init__(self) -> None:
        self._local = threading.local()

    def get(self) -> Tokenizer:
        """This thread's tokenizer."""
        tokenizer = getattr(self._local, "tokenizer", None)
        if tokenizer is None:
            tokenizer = self._local.tokenizer = Tokenizer()
        return tokenizer
