"""Whether a sentence names a person the question does not: pure functions for "who" questions.

"Who was the first doctor to successfully transplant a liver?" is answered by a sentence that
names him, not by one about liver transplants that names no one; the feature reranker reads
whether a sentence holds a new name, but any capitalised word counts there ("Congressman",
"Benghazi"). ``names_person`` asks for a person: two or more capitalised words in a row
("Thomas Starzl", "L. Ron Hubbard", "Bill de Blasio", "P Wilson") or one after a title ("Mr. Gingrich",
"Sen. Cruz"), none of them a title, a month or a word of the question. ``person_first`` puts
such a sentence first when the reranker finds it nearly as likely to answer as a first that
names no one (promotion.py); a place of two words ("United States") passes for a person too,
and that likelihood keeps such a slip from mattering much.

A question asking what someone or something is called ("What is the name of Gary Johnson's
doctor?", "Which NFL team ...?") is answered only by a sentence holding some capitalised word it
lacks, not a place's ("Israel" names no newspaper) nor a dateline's
(``lacks_asked_name``, read by decline.py), and a "who" question only by one naming someone who
may act, a person or an organisation (``lacks_asked_person``, read by decline.py: docs/RERANKER.md,
"No one named for who").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator, Sequence

from index.attribution.vocabulary import DEMONYMS, INSTITUTION_KINDS, PARTICLES, PLACES
from index.lexicon import FIRST_NAMES, MONTHS, WEEKDAYS, is_title_word, plain_word
from index.search.places import after_dateline
from index.search.promotion import PROMOTE_DEPTH, promote
from index.search.query import Query, letters_of
from index.search.results import asks_winner
from index.search.unnamed import (
    calls_by_term,
    role_left_unnamed,
    role_of_another,
    tells_unnamed_agent,
    without_asked_acronyms,
    without_credit,
)
from index.store.lexical import STOP_WORDS
from index.text.quotations import map_quotations
from index.types import Hit

# A capitalised word ("O'Brien" too), not a plural's apostrophe ("the United States' ..."). A word
# starts after no letter, dot, apostrophe or hyphen, so that a long word is read once, not again
# from each of its parts ("Aa'Aa'Aa...").
_NAME = r"(?:[A-Z]['’])?[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ](?:[\w-]|['’](?=\w))*"
_START = r"(?<![\w.'’-])"
# A name's next word: capitalised, after an initial or a particle ("Bill de Blasio", "Abu Bakr
# al-Baghdadi", "Nabil Hasan al-Quaety"), or a name written with "al-" or "el-".
_NEXT_NAME = rf"\s+(?:[A-Z]\.\s+)?(?:(?:{'|'.join(sorted(PARTICLES))})\s+)?(?:{_NAME}|(?:al|el)-[A-Z][\w'’-]*)"
# An initial that opens a name: "J. Smith", "P Wilson", "B Shiva Parvathi" (undotted, as Indian
# news writes them; not "A" or "I", which are words).
_INITIAL = r"(?:[A-Z]\.|[B-HJ-Z])\s+"
_OPENING_INITIAL = re.compile(_INITIAL)
# Capitalised words in a row, an initial or a particle allowed between them ("L. Ron Hubbard"), or
# a name after an initial.
_RUN = re.compile(rf"{_START}(?:{_NAME}(?:{_NEXT_NAME})+|{_INITIAL}{_NAME}(?:{_NEXT_NAME})*)")
# A title, then up to five capitalised words: "Mr. Gingrich", "Gov. Mike Pence". The name is
# looked ahead at, not taken, so that "on Saturday. Mr. Hood" reads "Saturday. Mr" and then "Mr.
# Hood"; the bound keeps a long run of capitalised words (a list of names) from being read again
# after each of its words.
_TITLED = re.compile(rf"\b([A-Z][a-z]{{1,12}}\.?)\s+(?=({_NAME}(?:{_NEXT_NAME}){{0,4}}))")
# One capitalised word: a surname when its article gives it to someone (surnames_in).
_CAPITALISED = re.compile(rf"{_START}{_NAME}")
_ASKS_WHO = re.compile(r"^(?:who|whom)\b", re.IGNORECASE)


def _no_name(word: str) -> bool:
    """Whether ``word`` (casefolded) is a title, a month, a weekday or a stop word: not a name. A
    title's abbreviation counts without its dot, which a run of capitalised words leaves out
    ("Gov" of "Indiana Gov. Mike Pence")."""
    return is_title_word(word) or is_title_word(f"{word}.") or _calendar_or_stop(word)


def _calendar_or_stop(word: str) -> bool:
    """Whether ``word`` (casefolded) is a month, a weekday or a stop word, capitalised or not."""
    return word in MONTHS or word in WEEKDAYS or word in STOP_WORDS


def _titled_names(text: str) -> Iterator[str]:
    """The surname after each title in ``text``, casefolded: the last of the capitalised words
    that follow it, up to one that is no name, a known place left out ("Mr. Gingrich":
    "gingrich"; "Gov. Mike Pence Wednesday": "pence"; "Republican Indiana Gov.": none)."""
    for match in _TITLED.finditer(text):
        if not is_title_word(match.group(1).casefold()):
            continue
        name = None
        for word in match.group(2).split():
            plain = plain_word(word)
            if plain in PARTICLES or (len(word) == 2 and word.endswith(".")):
                continue
            if _no_name(plain):
                break
            if plain not in PLACES:  # "Republican Indiana Gov.": a place, not a name
                name = plain
        if name is not None:
            yield name


def _full_names(text: str) -> Iterator[list[str]]:
    """The words of each full name in ``text`` ("L. Ron Hubbard": ["ron", "hubbard"]), casefolded:
    two or more capitalised words in a row, titles, months and stop words left out, a known
    place ("New Hampshire") not counted."""
    for match in _RUN.finditer(text):
        if (names := _names_of(match.group())) is not None:
            yield names


def _names_of(run: str) -> list[str] | None:
    """The words of the full name ``run`` (capitalised words in a row) writes, casefolded, or None
    when fewer than two are names (not a title, a month, a stop word or a particle; an opening
    initial counts: "P Wilson") or together they are a known place."""
    initial = _OPENING_INITIAL.match(run) is not None
    words = [plain_word(w) for w in run.split() if not (len(w) == 1 or (len(w) == 2 and w.endswith(".")))]
    names = [w for w in words if not _no_name(w) and w not in PARTICLES]
    if words and words[-1] in INSTITUTION_KINDS:  # "the White House", "Hampshire Police"
        return None
    return names if len(names) + initial >= 2 and " ".join(names) not in PLACES else None


def surnames_in(text: str) -> frozenset[str]:
    """The surnames ``text`` (an article) gives people: the last word of each full name, and each
    name after a title. A later "Zhukovskyy was driving ..." names the person the article has
    called "commercial driver Volodoymyr Zhukovskyy". A known place is no one's surname."""
    surnames = frozenset(names[-1] for names in _full_names(text)) | frozenset(_titled_names(text))
    return surnames - PLACES  # "the government of southern Yemen": a place, whatever it ends


# A nickname in quotes names no one: 'nicknamed the "Kim Kardashian of Pakistan,"', 'dubbed "Mr. Brexit"'.
_NICKNAME = re.compile(
    r"\b(?:nicknamed|dubbed|known\s+as|branded|labell?ed|styled)\s+(?:(?:the|a|an)\s+)?[\"“][^\"”]{0,200}[\"”]",
    re.IGNORECASE,
)


def names_person(sentence: str, asked_letters: Collection[str], surnames: Collection[str] = ()) -> bool:
    """Whether ``sentence`` names a person none of whose words is among ``asked_letters`` (the
    question's casefolded words): in full, after a title, or, when ``surnames`` (its article's,
    ``surnames_in``) are given, by one of those alone. A name the question writes by its initials
    is the question's ("National Basketball Association" for "NBA"); a nickname in quotes is no
    one's ('nicknamed the "Kim Kardashian of Pakistan"')."""
    sentence = _NICKNAME.sub(" ", sentence[:2_000])
    sentence = _RUN.sub(lambda run: _as_initials(run.group(), asked_letters), sentence)
    if any(not _asked(name, asked_letters) for name in _titled_names(sentence)):
        return True
    if any(2 * sum(not _asked(w, asked_letters) for w in names) > len(names) for names in _full_names(sentence)):
        return True
    return any(
        name in surnames and not _asked(name, asked_letters) and not _no_name(name)
        for name in (plain_word(word) for word in _CAPITALISED.findall(sentence))
    )


def _as_initials(run: str, asked_letters: Collection[str]) -> str:
    """``run`` (capitalised words in a row) written as its initials when the question
    (``asked_letters``) writes those ("National Basketball Association": "NBA"), not a stop word
    ("Ian Smith" is not "is"); otherwise ``run`` as written."""
    initials = "".join(word[0] for word in run.split() if word[:1].isupper()).casefold()
    return initials.upper() if initials in asked_letters and initials not in STOP_WORDS else run


def _asked(name: str, asked_letters: Collection[str]) -> bool:
    """Whether the question (``asked_letters``, its casefolded words) names ``name``: as one word,
    or each of its runs of letters ("al-quaety": "al" and "quaety"; "covid-19": "covid")."""
    runs = letters_of(name)
    return name in asked_letters or (bool(runs) and all(run in asked_letters for run in runs))


def asks_who(query: Query) -> bool:
    """Whether ``query`` opens on "who" or "whom" (not "whose": a thing may be asked)."""
    return _ASKS_WHO.match(query.text) is not None


# "Who is Julianne Smith?", "Who were the Black Panthers?": a question about whom it names, which
# a sentence naming only them answers.
_ASKS_IDENTITY = re.compile(r"^\W*(?i:who\s+(?:is|was|are|were))\s+(?!(?i:the|a|an)\b)[A-Z]")
# "Who would be allowed to buy into Medicare?", "Who is eligible for the vaccine?", "Who was
# affected?": a question for a class of people ("individuals ages 55 to 65"), which no name answers.
_ASKS_CLASS = re.compile(
    r"^\W*who\s+(?:(?:is|was|are|were|will|would|could|can|may|might|should|must)\s+)?(?:not\s+)?"
    r"(?:(?:be|been|being)\s+)?(?:allowed|eligible|entitled|able|permitted|required|exempt|exempted|affected|"
    r"covered|qualified|barred|banned|forbidden)\b",
    re.IGNORECASE,
)


def _shouted(sentence: str) -> bool:
    """Whether most of ``sentence``'s letters are capitals (a headline, "DNC CHAIR DEBBIE
    WASSERMAN SCHULTZ RESIGNS"), where a name cannot be told from the other words."""
    letters = [c for c in sentence if c.isalpha()]
    return bool(letters) and 2 * sum(c.isupper() for c in letters) > len(letters)


# An organisation written as an acronym ("NATO", not "U.S."), and a name in the possessive
# ("Moscow's demand"): a "who" question may be answered by either ("Who will meet Russian officials
# in Brussels?": "The Western military alliance's 30 members will meet with Russian officials at
# NATO headquarters ..."). Time zones are not.
_ACRONYM = re.compile(r"(?<![\w.])[A-Z]{2,6}(?![\w.])")
_POSSESSIVE = re.compile(rf"{_START}([A-Z][\w-]*)['’]s\b")
_TIME_ZONES = frozenset({"utc", "gmt", "bst", "cet", "cest", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt"})


def names_agent(sentence: str, asked_letters: Collection[str], surnames: Collection[str] = ()) -> bool:
    """Whether ``sentence`` names someone who may act that the question does not name: a person
    (``names_person``), an organisation by its acronym, or anyone in the possessive; a wire
    story's dateline ("LONDON (Reuters) -") and a known place by its acronym ("UK", as "United
    Kingdom" written out names no one; "Moscow's demand" does) aside."""
    if names_person(sentence, asked_letters, surnames):
        return True
    body = after_dateline(sentence)
    if any((w := m.group(1).casefold()) in DEMONYMS and w not in asked_letters for m in _NATIONAL_BODY.finditer(body)):
        return True  # "which is run by the Cuban military's tourist section"
    acronyms = [w.casefold() for w in _ACRONYM.findall(body)]
    words = [w for w in acronyms if w not in PLACES] + [plain_word(w) for w in _POSSESSIVE.findall(body)]
    return any(w not in asked_letters and w not in _TIME_ZONES and not _no_name(w) for w in words)


# A country's body named by its demonym: "the Cuban military", "the Russian government".
_NATIONAL_BODY = re.compile(
    r"\b([A-Z][a-z]+)\s+(?:military|army|navy|air\s+force|armed\s+forces|government|police|authorities"
    r"|regime|ministry|parliament|embassy|cabinet|junta|coast\s+guard)\b"
)


# "Who said ...?", "Who called Trump a fraud?": a question for a speaker, whom attribution names.
_ASKS_SPEAKER = re.compile(
    r"^\W*who\s+(?:(?:has|had|have|did)\s+)?(?:said|says|say|told|tells|tell|called|calls|wrote|writes|tweeted"
    r"|warned|warns|claimed|claims|described|stated|declared|argued|insisted|added|noted|remarked)\b",
    re.IGNORECASE,
)


def speaker_answers(query: Query, speaker: str | None) -> bool:
    """Whether a "Who said ...?" question is answered by whom the best sentence quotes (its
    attributed ``speaker``), someone the question does not name: '"Hate alone won't motivate
    somebody to vote."', a quotation that goes on from Chuck Rocha's, names no one but is his."""
    return (
        speaker is not None
        and _ASKS_SPEAKER.match(query.text) is not None
        and not all(_asked(w.casefold(), query.letters) for w in speaker.split())
    )


def lacks_asked_person(query: Query, sentence: str, surnames: Collection[str]) -> bool:
    """Whether a "who" question's best sentence, or one asking for someone by what they are
    ("Which judge ...?", ``asks_for_person``), names no person it does not (``names_person``,
    with ``surnames`` its article gives): "On Saturday evening in Forbury Gardens in Reading,
    Berkshire, UK, three people were killed" does not say who the attacker was. Not for a question
    about whom it names ("Who is Julianne Smith?") or for a class of people ("Who is eligible
    ...?"), nor "Who won ...?" (a team or a country wins: results.py judges it), nor a headline
    in capitals. Whoever a credit at its end says reported it is not named (``without_credit``):
    "..., she became the first openly transgender person to speak at a major party's convention,
    Isaac Stanley-Becker reports." does not say who introduced Sarah McBride."""
    return (
        asks_for_person(query)
        and not asks_winner(query.text)
        and _ASKS_IDENTITY.match(query.text) is None
        and _ASKS_CLASS.match(query.text) is None
        and not _shouted(sentence)
        and not names_agent(
            without_asked_acronyms(without_credit(sentence, query.text), query.text), query.letters, surnames
        )
        and not names_relative(sentence, query.text)
        and not tells_unnamed_agent(sentence)
    ) or (
        asks_for_person(query)
        and (role_left_unnamed(query.text, sentence) or role_of_another(query.text, sentence) is not None)
    )


def names_relative(sentence: str, question: str) -> bool:
    """Whether ``sentence`` names in full someone who shares a surname with a person ``question``
    names in full, by another given name (the word before the surname): "His death was announced by his son Abhijit Mukherjee"
    names someone new for "Who announced Pranab Mukherjee's death?"."""
    asked = {names[-1]: names[-2] for names in _full_names(question[:2_000])}
    letters = set(letters_of(question[:2_000]))
    return any(
        names[-1] in asked and names[-2] not in letters and names[-2] not in PLACES
        for names in _full_names(sentence[:2_000])
    )


# A person-naming hit comes first from a lower share of the first's score than other kinds
# (promotion.py's 0.5): a sentence restating the question ('An interfaith rally ... had one
# message: "Dump Trump."') scores far above the one naming who led it (0.71 against 0.24 for
# "Who led the Dump Trump rally?"). At 0.3 no question set's first answers got worse; one more
# unanswerable was declined (PolNeAR train: the promoted sentence scored below the decline line).
PERSON_RATIO = 0.3


def person_first(
    query: Query,
    hits: Sequence[Hit],
    surnames: Callable[[Hit], Collection[str]] = lambda hit: (),
    depth: int = PROMOTE_DEPTH,
    ratio: float = PERSON_RATIO,
) -> list[Hit]:
    """``hits`` (scored by the reranker, best first) with, for a "who" question whose first hit
    names no new person in full or after a title (``names_person``), the first of the next
    ``depth - 1`` that names one, also by a surname its article gives (``surnames``), and scores
    at least ``ratio`` of the first's moved to the front. Any other question, or a first hit that
    names one: ``hits`` as given. The first is not read by surname: "In Orlando, Clinton made an
    impromptu stop at the Pulse nightclub" names someone in passing, not the gunman asked for."""
    if not asks_who(query) or not hits:
        return list(hits)
    first = hits[0]

    def tells(hit: Hit) -> bool:
        return names_person(hit.sentence, query.letters, () if hit is first else surnames(hit))

    return promote(hits, tells, depth, ratio)


# People a question may ask for by what they are or do: "Which doctor diagnosed ...?", "Which
# journalist's interview ...?".
_PEOPLE = "doctor|physician|journalist|reporter|player|politician|lawmaker|judge|donor|staffer|aide|singer|actor|actress|author|writer"
# What else a question may ask for by what it is: "Which NFL team ...?", "Which firm ...?", "What
# song ...?", answered by its name.
_THINGS = (
    "company|firm|newspaper|magazine|network|channel|station|team|club|school|university|college|hospital|party"
    "|court|agency|publisher|bank|airline|book|film|movie|show|song|album|website|charity"
)
# A question whose name may be a place's: "What is the name of the town ...?".
_ASKS_PLACE_NAME = re.compile(
    r"\b(?:town|city|village|country|state|capital|region|province|county|place|island)s?\b", re.I
)
# Verbs that make "what" the object ("What did the doctor say?"), and words that ask a kind ("What
# kind of singer is Ice T?"): not a question for a person.
_NOT_ASKING = "(?:is|was|are|were|did|does|do|has|have|had|will|would|can|could|should|may|might|kinds?|types?|sorts?)"
# A question asking what someone or something is called: "What is the name of Gary Johnson's
# doctor?", "What was the title of the editorial?", "What is the video called?", or asking for a
# person by what they are ("Which doctor ...?", "Which Fox News journalist ...?").
# "Which" or "what", then up to two words before what is asked for ("Which Fox News journalist").
_WHICH = rf"^\W*(?:(?:on|in|at|for|from|by|with)\s+)?(?:which|what)\s+(?:(?!{_NOT_ASKING}\b)[\w.'’-]+\s+){{0,2}}?"
_ASKS_NAME = re.compile(
    r"^\W*what\s+(?:is|was|are|were)\s+the\s+(?:name|title)s?\s+of\b|\b(?:called|named|titled)\s*\?*\s*$"
    rf"|{_WHICH}(?:{_PEOPLE}|{_THINGS})s?\b",
    re.IGNORECASE,
)
_WORDS = re.compile(r"[^\W\d_][\w'’-]*")
# A question asking for a thing by what it is ("Which hospital ...?", "What song ...?"), which a
# person's name does not answer.
_ASKS_THING = re.compile(rf"{_WHICH}(?:{_THINGS})s?\b", re.IGNORECASE)


# What people are called by what they are or do, besides ``_PEOPLE``: "What was the name of the
# captain ...?", "Which Tulsa officer ...?".
_PERSON_NOUNS = (
    "man|woman|boy|girl|person|captain|pilot|driver|gunman|suspect|victim|officer|soldier|leader|chairman|chairwoman"
    "|coach|spokesman|spokeswoman|candidate|moderator|narrator|founder|owner|host|anchor|director|executive|governor"
    "|senator|lawyer|attorney|protester|supporter"
)
# A question asking for a person's name by what they are: "What is the name of the man arrested
# ...?", "What was the name of the Black Lives Matter protester ...?", "Which judge refused ...?".
_ASKS_PERSON_NAME = re.compile(
    r"^\W*what\s+(?:is|was|are|were)\s+the\s+names?\s+of\s+(?:the|a|an|his|her|their|its|[\w.-]+['’]s)\s+"
    rf"(?:[\w.'’-]+\s+){{0,3}}?(?:{_PERSON_NOUNS}|{_PEOPLE})s?\b"
    rf"|{_WHICH}(?:{_PERSON_NOUNS}|{_PEOPLE})s?\b",
    re.IGNORECASE,
)


def asks_for_person(query: Query) -> bool:
    """Whether ``query`` asks for someone: "who" (``asks_who``), or by what they are ("Which judge
    ...?", ``_ASKS_PERSON_NAME``), which only a sentence naming someone answers."""
    return asks_who(query) or asks_person_name(query.text)


def asks_person_name(question: str) -> bool:
    """Whether ``question`` asks for someone's name by what they are ("What is the name of the man
    arrested ...?", "Which judge refused ...?")."""
    return _ASKS_PERSON_NAME.search(question[:2_000]) is not None


def lacks_asked_name(question: str, sentence: str, asked_letters: Collection[str]) -> bool:
    """Whether a question asking what someone or something is called gets a sentence that calls
    it nothing: no capitalised word after its first that the question lacks (``asked_letters``,
    its casefolded words; a possessive read without its "'s"), a month, a weekday or a stop word
    aside. A name or a title in quotes is capitalised too ("a web ad, "Playing Trump,"").
    "Libertarian presidential candidate Gary Johnson's doctor is calling the candidate "extremely
    physically fit."" does not name the doctor. Any other question: False."""
    if _ASKS_NAME.search(question[:2_000]) is None or calls_by_term(sentence, asked_letters):
        return False
    written = _WORDS.findall(map_quotations(after_dateline(sentence)[:2_000], _speech_opening_lowered))
    words = [plain_word(word) for word in written]
    places = frozenset() if _ASKS_PLACE_NAME.search(question[:2_000]) else _place_words(words)
    if _ASKS_THING.search(question[:2_000]):
        places |= _titled_words(written)
    for i in range(1, len(words)):
        plain = words[i]
        if (
            written[i][:1].isupper()
            and not _asked(plain, asked_letters)
            and i not in places
            and not _calendar_or_stop(plain)
            and not _given_name_of_asked(written, words, i, asked_letters)
        ):
            return False
    return True


def _given_name_of_asked(written: Sequence[str], words: Sequence[str], i: int, asked_letters: Collection[str]) -> bool:
    """Whether word ``i`` is the given name of someone the question names by surname alone:
    "Hillary" of "Hillary Clinton" for "On which show did Clinton chastise Snyder?" (a known first
    name: not "Playing" of the ad "Playing Trump")."""
    return (
        i + 1 < len(words)
        and words[i] in FIRST_NAMES
        and written[i + 1][:1].isupper()
        and _asked(words[i + 1], asked_letters)
    )


def _speech_opening_lowered(text: str) -> str:
    """A quotation's words as written, but when it is speech (a word in lower case that is no stop
    word: "Get him the hell out of here!") with its first letter in lower case: it opens a
    sentence, and names no one. A title ("Playing Trump", "The Art of the Deal") is left as written."""
    speech = any(word[:1].islower() and plain_word(word) not in STOP_WORDS for word in _WORDS.findall(text))
    return text[:1].lower() + text[1:] if speech else text


def _titled_words(written: Sequence[str]) -> frozenset[int]:
    """The indices of ``written`` (words as written) that are a title and the capitalised words
    after it, up to a possessive: "President Vladimir Putin" is a person, not the hospital, firm
    or song a question asks for ("Chief Executive Tim Cook's Apple" leaves "Apple")."""
    found: set[int] = set()
    for i, word in enumerate(written):
        if not (word[:1].isupper() and is_title_word(word)):
            continue
        found.add(i)
        for j in range(i + 1, min(i + 6, len(written))):
            if not written[j][:1].isupper():
                break
            found.add(j)
            if plain_word(written[j]) != written[j].casefold():  # a possessive ends the name
                break
    return frozenset(found)


def _place_words(words: Sequence[str]) -> frozenset[int]:
    """The indices of ``words`` (casefolded) that write a known place, alone or two in a row
    ("Israel", "United States"): a place does not name a newspaper, a firm or a person."""
    found: set[int] = set()
    for i, word in enumerate(words):
        if word in PLACES:
            found.add(i)
        if i + 1 < len(words) and f"{word} {words[i + 1]}" in PLACES:
            found.update((i, i + 1))
    return frozenset(found)
