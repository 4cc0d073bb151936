"""Questions about what someone said, and which of an index's speakers they mean.

``parse_speech_query("What did Peskov say about the deadline?")`` gives
``SpeechQuery(name="Peskov", verb="say", topic="the deadline")``; ordinary questions give None.
``match_speaker("peskow", speakers)`` finds "Dmitry Peskov" among the attributed speakers,
forgiving case, accents, surname-only names and small typos, and finding nothing for a person
who is not there ("Macron").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from index.lexicon import LEMMA_FORMS, SPEECH_LEMMAS, speech_lemma
from index.search.speakers import SpeakerIndex


@dataclass(frozen=True)
class SpeechQuery:
    """Who the question asks about, with which verb (a lemma, None for "remarks"), on what topic."""

    name: str
    verb: str | None
    topic: str | None
    # Read from a looser form ("Peskov quotes"): a speech question only if ``name`` is a speaker.
    loose: bool = False
    # The topic is whom it was said to ("What did Clinton tell ABC News?"): the quotes wanted name
    # them, which is not to say they are about them.
    addressed: bool = False
    # The name as the question calls it, "the" kept ("the Obama administration"), for the notes
    # and reasons that name it; not part of what is asked.
    called: str = field(default="", compare=False)

    @property
    def shown(self) -> str:
        """The name as a note writes it: as the question called it ("the Kremlin"), else ``name``."""
        return self.called or self.name


# Every inflection of the reporting verbs a question may use (index/lexicon.py), longest first so
# that the regex prefers "says" to "say"; "think" and "feel" are opinions. "ask" and "speak" are
# left out: attribution does not record them as reported speech ("continue" only after a quote,
# never worth asking about). "What did X report?" is a speech question only when X is a speaker
# ("Al Jazeera reported that ..."; ``_LOOSE_VERBS``): "What did the survey report?" asks a fact.
_QUESTION_LEMMAS = SPEECH_LEMMAS - {"ask", "speak", "continue"}
_LOOSE_VERBS = frozenset({"report"})
_VERB_FORMS = sorted(
    {form for lemma in _QUESTION_LEMMAS for form in LEMMA_FORMS[lemma]} | {"feel", "feels", "felt"},
    key=lambda f: (-len(f), f),
)
_VERB = rf"(?P<verb>{'|'.join(_VERB_FORMS)})"
_VERB_SET = frozenset(_VERB_FORMS)
_OPINION = {"think", "thinks", "thought", "feel", "feels", "felt"}
_BE = frozenset({"is", "was", "were"})
_TOPIC = r"(?:\s+(?:about|on|regarding|concerning|over|of|re|in\s+regard\s+to|with\s+regard\s+to)\s+(?P<topic>.+?))?"
# Where something was said, which is not what it was about: "on Twitter", "to reporters".
_CHANNEL = (
    r"(?:\s+(?:on|in|via|to|at|during)\s+(?:twitter|x|facebook|telegram|instagram|a\s+tweet|tweets?|"
    r"a\s+(?:separate\s+)?statement|statements?|an\s+interview|interviews?|reporters|journalists|"
    r"the\s+press|the\s+media|media|a\s+(?:news|press)\s+conference|a\s+briefing|the\s+briefing))?"
)
# A speaker of up to nine words: "the United States Department of Health and Human Services".
_NAME = r"(?P<name>[^\s?!,;:]+(?:\s+[^\s?!,;:]+){0,8}?)"
_NOUNS = (
    r"(?:comments?|remarks?|words|statements?|quotes?|quotations?|tweets?|views?|position|"
    r"response|reaction|answer|claims?|testimony)"
)


def _patterns(verb: str, how_verb: str) -> tuple[re.Pattern[str], ...]:
    """The speech question patterns, with ``verb`` and ``how_verb`` as the reporting verb's group."""
    return tuple(
        re.compile(p, re.IGNORECASE)
        for p in (
            # what did Peskov say (about X) / what has Sherman written / what else did she add
            rf"^what\s+(?:else\s+)?(?P<aux>did|does|do|has|have|had|was|is|were|will|would)\s+{_NAME}"
            rf"\s+(?:also\s+|actually\s+|just\s+|really\s+|exactly\s+)?(?:have\s+to\s+)?{verb}"
            rf"(?:\s+(?:to\s+)?(?P<obj>[^\s?!,;:]+(?:\s+[^\s?!,;:]+){{0,4}}?))??{_CHANNEL}{_TOPIC}$",
            # what Peskov said (about X)
            rf"^what\s+{_NAME}\s+(?:has\s+|had\s+|have\s+|also\s+)?{verb}{_CHANNEL}{_TOPIC}$",
            # did Peskov say anything about X
            rf"^(?:did|has|have|does)\s+{_NAME}\s+{verb}\s+(?:anything|something)(?:\s+else)?{_CHANNEL}{_TOPIC}$",
            # how did Sherman describe the talks
            rf"^how\s+(?:did|does|has|have|do)\s+{_NAME}\s+{how_verb}\s+(?P<topic>.+)$",
            # what is Peskov's position / what were Sherman's remarks (not "on X": "What is Mike
            # Pence's position on abortion?" asks for a stance a quote on it may not give, and
            # his other quotes would pass for an answer)
            rf"^what\s+(?:is|are|was|were)\s+{_NAME}(?:'s|')\s+(?:latest\s+|recent\s+|own\s+)?{_NOUNS}$",
            # Peskov's comments (on X)
            rf"^{_NAME}(?:'s|')\s+(?:latest\s+|recent\s+|own\s+)?{_NOUNS}{_TOPIC}$",
            # quotes from/by Peskov (about X)
            rf"^(?:(?:all|any|the|some)\s+)?{_NOUNS}\s+(?:from|by|of)\s+{_NAME}{_TOPIC}$",
            # what was said by Peskov
            rf"^what\s+(?:was|has\s+been|had\s+been|is)\s+{verb}\s+by\s+{_NAME}{_TOPIC}$",
        )
    )


_HOW_VERB = r"(?P<verb>describe|described|characteri[sz]e|characteri[sz]ed|call|called|explain|explained)"
_PATTERNS = _patterns(_VERB, _HOW_VERB)
# The same with the verb in small letters only, for a question in mixed case: there a capitalised
# word is part of a name ("What did the Promise Keepers say?", "What did the Keep the Promise PAC
# turn into?"), never the verb asked.
_CASED_PATTERNS = _patterns(f"(?-i:{_VERB})", f"(?-i:{_HOW_VERB})")

# As typed in a hurry: "Peskov quotes", "peskov comments on the deadline". Without the "'s",
# "the government response" reads the same way, so these count only when the name is an
# attributed speaker's (``SpeechQuery.loose``).
_LOOSE_PATTERNS = (re.compile(rf"^{_NAME}\s+(?:latest\s+|recent\s+|own\s+)?{_NOUNS}{_TOPIC}$", re.IGNORECASE),)
# Every pattern above needs a reporting verb or a speech noun as a word of its own (spaces or an
# end on each side), so a question without one is not read against them: most questions are not
# speech questions, and the patterns cost more than the rest of reading a question. Keep this in
# step with the patterns (tests/unit/test_speech_query.py checks it against them).
_SPEECH_WORDS = _VERB_SET | frozenset(
    """describe described characterise characterize characterised characterized call called explain explained
    comment comments remark remarks words statement statements quote quotes quotation quotations tweet tweets
    view views position response reaction answer claim claims testimony""".split()
)
_FILLER = re.compile(
    r"^(?:(?:please|pls|ok|okay|so|and|hey|hi|well|now|also|then|"
    r"(?:can|could|would)\s+you\s+(?:please\s+)?(?:tell|show|give|find|list)(?:\s+me)?|"
    r"tell\s+me|show\s+me|give\s+me|find(?:\s+me)?|list|i\s+want(?:\s+to\s+know)?|"
    r"i(?:'d|\s+would)\s+like(?:\s+to\s+know)?)\b[\s,:]*)+",
    re.IGNORECASE,
)
# Names that are not speakers: "what does the article say?" is an ordinary question.
_NOT_NAMES = frozenset(
    """
    he she they it you i we him her them me us anyone anybody someone somebody everyone people
    this that these those article the article report the report story the story text the text
    document the document piece the piece author the author writer the writer news the news
    paper the paper source the source sources it all there
    """.split()
)
_PRONOUNS_IN_NAME = frozenset("he she they it you i we him her them me us".split())
_EDGE_PUNCT = " \t\r\n\"'“”‘’«»`()[]{}<>.,;:!?¿¡…-—–*_~"


def _clean(question: str) -> str:
    text = unicodedata.normalize("NFKC", question).replace("’", "'").replace("‘", "'")
    # Stripping _EDGE_PUNCT also drops a trailing "?!." run (a pattern that did it took seconds
    # on a run of question marks followed by a word: exponential backtracking).
    text = " ".join(text.split()).strip(_EDGE_PUNCT)
    return _FILLER.sub("", text).strip(_EDGE_PUNCT)


# A name ending in initials with the last dot gone: "the U.S", "U.K".
_INITIALS_END = re.compile(r"(?:^|\s)(?:[A-Za-z]\.)+[A-Za-z]$")


# "the" before a name ("the Kremlin"): not part of the name matched, kept in how it is called.
_THE = re.compile(r"^the\s+", re.IGNORECASE)


# A generation written short at the end of a name, its dot gone with the edge's ("Trump Jr").
_GENERATION_END = re.compile(r"\s(?:Jr|Sr)$", re.IGNORECASE)


def _clean_name(name: str) -> str | None:
    name = name.strip(_EDGE_PUNCT)
    if name == "the who":
        return "WHO"  # typed in lower case, "the who" can only be the World Health Organization
    name = _THE.sub("", name)
    name = re.sub(r"(?:'s|')$", "", name).strip(_EDGE_PUNCT)
    if _INITIALS_END.search(name) or _GENERATION_END.search(name):  # the edge's dots took that of "U.S.", "Jr."
        name += "."
    low = name.lower()
    # "US" in capitals is the United States, not "us" ("What did the US say?"), and "WHO" the
    # World Health Organization, not "who" ("What did the WHO say?").
    words = [w for w in name.split() if not (w.isupper() and len(w) > 1)]
    if not name or (low in _NOT_NAMES and words) or any(w.lower() in _PRONOUNS_IN_NAME for w in words):
        return None
    if re.search(r"\b(?:what|who|why|how|where|when|did|does|do|is|was)\b", " ".join(words).lower()):
        return None
    return name


def parse_speech_query(question: str) -> SpeechQuery | None:
    """Read a question that asks what someone said; None for any other question.

    Recognised, in any case and with stray punctuation: "what did X say/write/tell/add/...",
    "what has X said", "what X said", "did X say anything about Y", "how did X describe Y",
    "X's comments/remarks on Y", "quotes from/by X", "what was said by X", and loosely
    "X quotes/comments (on Y)" (``loose``: only if X turns out to be a speaker). A topic after
    "about"/"on"/"regarding"/... is returned as written, and without one an occasion after
    "during"/"at"/"after"/"before" ("during the debate": "the debate"); where it was said ("on
    Twitter", "to reporters") is not a topic. ``verb`` is the lemma asked for ("say", "add", ...), or None
    when the question names no verb ("X's remarks", "quotes by X") or asks for an opinion.
    """
    return _speech_query(_clean(question))


def read_speech(question: str) -> tuple[SpeechQuery | None, str | None, SpeechQuery | None]:
    """``parse_speech_query`` of ``question`` and, when it is None, ``bare_name`` and
    ``pronoun_speech``: a question is cleaned once for all three."""
    text = _clean(question)
    speech = _speech_query(text)
    if speech is not None:
        return speech, None, None
    return None, _bare_name(text), _pronoun_speech(text)


# Whom a speech question may ask about with a pronoun alone: "What did he say?".
_ASKED_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them"})


def pronoun_speech(question: str) -> SpeechQuery | None:
    """ "What did he say (about the talks)?": the speech question whose speaker is a pronoun
    alone (``name``: the pronoun as typed), which names no one, since each question is read on
    its own; None for any other question."""
    return _pronoun_speech(_clean(question))


def _pronoun_speech(text: str) -> SpeechQuery | None:
    """``pronoun_speech`` of a question already cleaned (``_clean``)."""
    if not text or not _may_ask_for_speech(text):
        return None
    for pattern in _PATTERNS:
        if (m := pattern.match(text)) is not None and m.group("name").lower() in _ASKED_PRONOUNS:
            topic = (m.groupdict().get("topic") or "").strip(_EDGE_PUNCT) or None
            return SpeechQuery(
                name=m.group("name"), verb=speech_lemma((m.groupdict().get("verb") or "").lower()), topic=topic
            )
    return None


def unnamed_note(asked: SpeechQuery) -> str:
    """What the bot says to a speech question that names someone by a pronoun alone (``pronoun_speech``)."""
    if asked.topic is None:
        return f"Who do you mean by “{asked.name}”? I read each question on its own: ask with a name, as in “What did … say?”."
    return (
        f"I read each question on its own, so “{asked.name}” could be anyone: these sentences match the rest "
        "of the question. Ask with a name for someone's quotes."
    )


def _speech_query(text: str) -> SpeechQuery | None:
    """``parse_speech_query`` of a question already cleaned (``_clean``)."""
    if not text or not _may_ask_for_speech(text):
        return None
    cased = not _capitalised_throughout(text)
    for pattern in (*(_CASED_PATTERNS if cased else _PATTERNS), *_LOOSE_PATTERNS):
        if m := pattern.match(text):
            return _from_match(m, loose=pattern in _LOOSE_PATTERNS)
    if cased and any(w[:1].isupper() and w.lower() in _VERB_SET for w in text.split()):
        # "What did Peskov Say?": a capitalised verb that ends the question starts no name.
        for pattern in _PATTERNS:
            m = pattern.match(text)
            if m and m.groupdict().get("verb") and m.end("verb") == len(text):
                return _from_match(m, loose=False)
    return None


def _from_match(m: re.Match[str], loose: bool) -> SpeechQuery | None:
    """The speech question one of the patterns matched (None: its name is no one's)."""
    groups = m.groupdict()
    written, word = m.group("name"), (groups.get("verb") or "").lower()
    obj = groups.get("obj") or ""
    to = bool(obj) and m.string[m.end("verb") : m.start("obj")].strip().lower() == "to"
    topic = None
    words = written.split()
    for i, inner in enumerate(words[1:], 1):
        if inner in _VERB_SET:
            # "What did Joe Biden say the United States wrote into Japan's constitution?": a verb in
            # small letters inside the name ends it, and is the verb asked; what follows it, what
            # was said, is the topic.
            said = [*words[i + 1 :], groups.get("verb") or "", obj]
            written, word, obj = " ".join(words[:i]), inner, ""
            topic = " ".join(part for part in said if part).strip(_EDGE_PUNCT) or None
            break
    written = _without_adverb(written)
    first, _, rest = obj.partition(" ")
    if first.lower() in _VERB_SET:
        # "what did the secretary of state say (at the talks)?": "state" ends the name, "say" is
        # the verb, and what follows it is the object.
        written, word, obj = f"{written} {groups['verb']}", first.lower(), rest
        to = rest.lower().startswith("to ")
        obj = obj[3:] if to else obj
    if (groups.get("aux") or "").lower() in _BE and not word.endswith("ing"):
        # "What is Peskov saying?" asks for speech; "what is the Penn state researchers' coating
        # called" (as typed, "Penn" capitalised from the articles) asks for a name.
        return None
    name = _clean_name(written)
    if name is None:
        return None
    verb = None if not word or word in _OPINION else (speech_lemma(word) or _lemma_guess(word))
    topic = topic or (groups.get("topic") or "").strip(_EDGE_PUNCT) or None
    addressed = False
    if topic is None and (occasion := _OCCASION.search(obj)):
        topic = occasion.group(1).strip(_EDGE_PUNCT) or None
    elif topic is None and obj and (verb == "tell" or to) and not _ANYONE.match(obj):
        # "What did Clinton tell ABC News?", "What did Biden say to Putin?": the quotes that name
        # whom they were told to, first.
        topic, addressed = obj.strip(_EDGE_PUNCT) or None, True
    called = f"the {name}" if _THE.match(written.strip(_EDGE_PUNCT)) else name
    if word and called == name and re.search(r"[A-Za-z]['’]s$", written.strip(_EDGE_PUNCT)):
        called += written.strip(_EDGE_PUNCT)[-2:]  # "What did McDonald's say?": a name with its "'s"
    return SpeechQuery(
        name=name, verb=verb, topic=topic, loose=loose or verb in _LOOSE_VERBS, called=called, addressed=addressed
    )


# Adverbs a question puts between the name and the verb ("What does Clinton regularly tell?"),
# known even in a question typed in small letters, where "-ly" may end a surname ("john connolly").
_SPEECH_ADVERBS = frozenset(
    """publicly privately repeatedly regularly recently previously reportedly allegedly initially
    originally personally specifically explicitly openly directly famously frequently usually
    typically later finally eventually""".split()
)


def _without_adverb(written: str) -> str:
    """The name a speech question writes, without an adverb it ends in: one of ``_SPEECH_ADVERBS``,
    or any word in small letters ending in "-ly" after a capitalised name ("Clinton regularly")."""
    words = written.split()
    last = words[-1] if len(words) > 1 else ""
    named = last.islower() and last.endswith("ly") and any(w[:1].isupper() for w in words[:-1])
    return " ".join(words[:-1]) if last.lower() in _SPEECH_ADVERBS or named else written


# When it was said, naming an occasion ("during the debate", "at the rally", "after the match"):
# what the quotes wanted are about, or said in a story about, when no other topic is asked.
# "In" only before a name ("in South Carolina", "in Geneva"): "in response", "in his speech" ask
# nothing about where.
_OCCASION = re.compile(r"(?:^|\s)(?:(?i:during|at|after|before|following|ahead\s+of)\s+|(?i:in)\s+(?=[A-Z]))(.+)$")


# Whom anyone tells anything, which no quote needs to name: "What did Peskov tell reporters?".
_ANYONE = re.compile(
    r"^(?:reporters|journalists|(?:the\s+)?(?:press|media|public)|people|everyone|anyone|"
    r"me|us|you|him|her|them|it)\W*$",
    re.IGNORECASE,
)


def _capitalised_throughout(text: str) -> bool:
    """Whether every word of ``text`` starts with a capital ("WHAT DID PESKOV SAY", "What Did
    Peskov Say"): then its case tells no name from a verb."""
    return all(w[:1].isupper() for w in text.split() if w[:1].isalpha())


def _may_ask_for_speech(text: str) -> bool:
    """False when no pattern can read ``text``: it has none of ``_SPEECH_WORDS`` as a word.

    Only ASCII text is judged: there the patterns' IGNORECASE matches exactly what ``lower``
    folds; beyond it (dotless ı, long ſ, the Kelvin sign) the patterns decide."""
    return not text.isascii() or not _SPEECH_WORDS.isdisjoint(text.lower().split())


# Up to four words of letters (with inner dots, apostrophes, hyphens): "Peskov", "dmitry peskov".
_BARE_NAME = re.compile(r"^[^\W\d_][\w.'-]*(?:\s+[^\W\d_][\w.'-]*){0,3}$")
_QUESTION_WORDS = frozenset("what who whom whose why how where when which did does do is was are were".split())


def bare_name(question: str) -> str | None:
    """The question when it is nothing but a name of one to four words ("Peskov", "dmitry
    peskov?"), else None. Whether it names a speaker is the searcher's to check, exactly:
    a lone word that merely looks like a name ("troops") must stay an ordinary search."""
    return _bare_name(_clean(question))


def _bare_name(text: str) -> str | None:
    """``bare_name`` of a question already cleaned (``_clean``)."""
    if not _BARE_NAME.match(text):
        return None
    words = text.lower().split()
    if _QUESTION_WORDS & set(words) or _clean_name(text) is None:
        return None
    return text


def _lemma_guess(word: str) -> str:
    """Lemma for the few question verbs the attribution vocabulary lacks ("characterised")."""
    for suffix, repl in (("ised", "ize"), ("ized", "ize"), ("ise", "ize"), ("ed", "")):
        if word.endswith(suffix):
            return word[: -len(suffix)] + repl
    return word


def match_speaker(name: str, speakers: Iterable[str]) -> list[str]:
    """The speakers ``name`` refers to, best first; [] when none is close.

    Every word of the name must match a different word of the speaker, exactly or with a few
    typos; exact matches beat typo matches; titles ("Kremlin spokesman Peskov") are dropped when
    the full name matches nobody. The rules in full are ``SpeakerIndex.match``'s
    (index/speakers.py). This builds a throwaway index: code that asks about the same speakers
    again keeps a ``SpeakerIndex`` instead, as ``Searcher`` does.
    """
    return SpeakerIndex(speakers).match(name)
