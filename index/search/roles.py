"""Roles and titles: who the articles say holds one ("the Kremlin spokesman", "the chancellor",
"the deputy secretary of state"), article by article.

"What did the Kremlin spokesman say?" names nobody, so no speaker matches it. The articles
that use the role name its holder next to it: "Kremlin spokesman Dmitry Peskov",
"Dmitry Peskov, the Kremlin spokesman,", "the chancellor, Gordon Brown,". Roles change hands,
so the holder is read per article, and counts only when that article attributes quotes to
someone with that surname, and only one: a role that no article gives to a quoted person
finds nobody (the question then goes on as for any person who is not quoted).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from index.lexicon import TITLE_WORDS, same_name, speech_lemma
from index.search.holders import LESSER
from index.search.institution_names import TURNED_KINDS, names_institution
from index.search.name_words import name_words
from index.search.officials import officials_in, search_terms
from index.search.ranking import CANDIDATES
from index.search.retrieval import Retriever
from index.store.lexical import QueryWord, best_rows, weighted_terms
from index.store.metadata import MetadataReader

# Articles read for one role question: the role's holders are named near its first uses.
ROLE_ARTICLES = 20
# Sentences read for a country's officials: those a search for its names and titles scores best.
OFFICIAL_ROWS = 400
_ROLE_WORDS = frozenset(w.rstrip(".").casefold() for w in TITLE_WORDS)
# What a role may be "to" or "of" between it and the holder's name: "U.S. Ambassador to NATO
# Julianne Smith" holds the U.S. ambassador's role. One to three capitalised words, taken as few
# as leave a name after them.
_POST = r"(?:\s+(?:to|of|for)\s+(?:the\s+)?[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,2}?)?"
# A person's name as written: one to four capitalised words ("Dmitry Peskov", "Wendy R. Sherman").
_PERSON = r"(?P<name>[A-Z][\w'’-]+\.?(?:\s+[A-Z][\w'’-]*\.?){0,3})"
# Where a name the role follows is looked for: from the start of a word, past its letters before
# the first capital ("al-Assad" names "Assad"). A word is read once, not again from each of its
# capitals ("Aa-Aa-Aa...", "AAAA..."): a later capital could only end where the first one ends.
_WORD_START = r"(?<![\w'’-])(?:[^\WA-Z]|['’-])*+"


# Who speaks for an institution: "What did the Kremlin say?" is answered by the quotes of the
# person its articles call the Kremlin spokesman ("Kremlin spokesman Dmitry Peskov").
SPOKESPEOPLE = ("spokesman", "spokeswoman", "spokesperson", "press secretary")


def is_institution(speaker: str) -> bool:
    """Whether an attributed speaker may be an institution, one that may have a spokesman: a
    single word ("Pentagon", "FBI") or what names an institution when a question asks for it
    (institution_names.names_institution: "White House", "State Department", "Department of
    Justice"), not a person's full name ("Dmitry Peskov")."""
    words = name_words(speaker)
    return len(words) == 1 or names_institution(words)


def is_role(role: str) -> bool:
    """True when the asked name ends in a role or title word ("Kremlin spokesman", "chancellor")."""
    words = role.split()
    return bool(words) and words[-1].rstrip(".").casefold() in _ROLE_WORDS


def _word_pattern(word: str) -> str:
    """A word of a role as an article may write it: initials with or without dots ("US", "U.S.")."""
    letters = word.replace(".", "")
    if 2 <= len(letters) <= 4 and letters.isalpha() and letters.isupper():
        return r"\.?".join(letters) + r"\.?"
    return re.escape(word)


def _role_pattern(role: str) -> str:
    """The role as an article writes it: its words in order, in any case, with "'s" allowed
    after each ("the Kremlin's spokesman") and initials with or without dots ("US", "U.S.")."""
    parts = [_word_pattern(w) + r"(?:['’]s)?" for w in role.split()]
    return r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)"  # not \b: "Sen." ends in no letter


# A word before a role that makes it one sought, not held: "the nomination for president,
# Hillary Rodham Clinton". ("then-president Bill Clinton" held it when the story took place.)
_SOUGHT = frozenset({"for"})
_WORD = re.compile(r"[^\W_]+")


def holders_in(text: str, role: str) -> list[str]:
    """The names ``text`` gives ``role`` to, in order of appearance. A word before the role that
    makes it another one ("Vice President Joe Biden", "former President Bill Clinton", "Bill
    Clinton, the former president,", "Former NAACP president Ben Jealous": holders.py ``LESSER``;
    "the nomination for president, Hillary Rodham Clinton") gives
    it to no one, unless the role asked holds that word ("the vice president")."""
    unwanted = (LESSER | _SOUGHT) - {word.casefold() for word in role.split()}
    role = _role_pattern(role)
    found: list[tuple[int, str]] = []
    after = re.compile(rf"(?i:{role})" + _POST + r"(?:,\s+|\s+)" + _PERSON)
    before = re.compile(
        _WORD_START + _PERSON + rf",\s+(?:(?i:the|a|an)\s+)?(?:[\w.'’-]+\s+){{0,3}}?{_NOT_AFTER_TITLE}(?i:{role})\b"
    )
    for pattern in (after, before):
        for m in pattern.finditer(text):
            name = m.group("name").strip()
            # "Clinton, Judicial Watch noted FBI Director James B. Comey said": a verb of saying
            # between the name and the role opens a clause about someone else.
            between = text[m.end("name") : m.end()].split() if pattern is before else []
            lesser = between[:-1] if pattern is before else _WORD.findall(text[max(0, m.start() - 40) : m.start()])[-2:]
            if (
                name.split()[0].rstrip(".").casefold() not in _ROLE_WORDS
                and not any(speech_lemma(w.casefold()) for w in between)
                and not any(w.casefold() in unwanted for w in lesser)
            ):
                found.append((m.start("name"), name))
    return [name for _, name in sorted(found)]


# A role word right after a person's title is their surname: "pulled Rep. King aside" names no king.
_NOT_AFTER_TITLE = "".join(
    rf"(?<!\b{title}\.\s)" for title in ("Rep", "Sen", "Mr", "Mrs", "Ms", "Dr", "Gov", "Gen", "Prof", "Rev")
)


# A department or ministry, written either way round: "State Department", "Department of State".
_KINDS = "|".join(sorted(TURNED_KINDS))
_KIND_LAST = re.compile(rf"^(?P<rest>.+?)\s+(?P<kind>{_KINDS})$", re.IGNORECASE)
_KIND_FIRST = re.compile(rf"^(?P<kind>{_KINDS})\s+(?:of|for)\s+(?P<rest>.+)$", re.IGNORECASE)


def _turned(name: str) -> list[str]:
    """``name`` written the other way round when it is a department or ministry ("the State
    Department": "Department of State"; "Ministry of Defence": "Defence Ministry"); [] otherwise."""
    bare = re.sub(r"^(?i:the)\s+", "", name.strip())
    if (last := _KIND_LAST.match(bare)) is not None:
        return [f"{last.group('kind')} of {last.group('rest')}"]
    if (first := _KIND_FIRST.match(bare)) is not None:
        return [f"{first.group('rest')} {first.group('kind')}"]
    return []


def _surname(name: str) -> str:
    """The last word of a name, compared as speakers' names are (speakers.py ``name_words``)."""
    words = name_words(name)
    return words[-1] if words else ""


class RoleFinder:
    """Finds, per article, the attributed speaker who holds an asked role. Safe to share between threads."""

    def __init__(self, metadata: MetadataReader, retriever: Retriever) -> None:
        self._metadata = metadata
        self._retriever = retriever

    def holders(self, role: str, words: Sequence[QueryWord]) -> dict[str, str]:
        """``{article id: speaker}`` for the articles that name a quoted holder of ``role``
        (``words``: its words as the question's ``Query`` read them)."""
        if not words or not is_role(role):
            return {}
        retriever = self._retriever
        stems = frozenset(w.stem for w in words)
        rows = [int(r) for r in best_rows(retriever.lexical.scores(weighted_terms(words)), CANDIDATES)]
        found = retriever.rows(rows)
        named: dict[str, list[str]] = {}
        for row in rows:
            sentence, row_stems = found[row]
            if stems <= row_stems and (names := holders_in(sentence.text, role)):
                named.setdefault(sentence.article_id, []).extend(names)
        result: dict[str, str] = {}
        for article_id, names in list(named.items())[:ROLE_ARTICLES]:
            speaker = self._quoted(article_id, names)
            if speaker is not None:
                result[article_id] = speaker
        return result

    def spokespeople(
        self,
        name: str,
        words: Sequence[QueryWord],
        spokesman: Mapping[str, Sequence[QueryWord]],
        holders: Callable[[str, tuple[QueryWord, ...]], dict[str, str]] | None = None,
    ) -> tuple[str, dict[str, str]] | None:
        """Whoever speaks for ``name`` when it is an institution no one is quoted as ("the Kremlin",
        "the Pentagon"): the first role of ``SPOKESPEOPLE`` ("Kremlin spokesman") that articles
        give to a quoted person, and the holder per article of any of them, the institution
        written either way round ("a Department of State spokesperson, Morgan Ortagus": ``holders``,
        ``_turned``); None when none does.
        ``words``: the name's words as the question's ``Query`` read them; ``spokesman``: the
        words of each of ``SPOKESPEOPLE`` read the same way. An article that gives a person the
        name as a surname ("Chancellor Angela Merkel") reads it as that person, not an
        institution: her spokesman's quotes are no answer to what she said. A name that names an
        institution ("Department of Justice") is never read as a surname. ``holders``: how each
        role's holders are found (``RoleFinder.holders`` unless a caller remembers them)."""
        asked = name_words(name)
        institution = names_institution(asked)  # "Department of Justice": no justice, no one's surname
        if not words or (is_role(name) and not institution):
            return None
        surname = [] if institution else asked[-1:]
        found: tuple[str, dict[str, str]] | None = None
        for role_word in SPOKESPEOPLE:
            for written in (name, *_turned(name)):
                role = f"{written} {role_word}"
                for article, speaker in (holders or self.holders)(role, (*words, *spokesman[role_word])).items():
                    if not surname or surname[0] not in self._retriever.surnames(article):
                        found = found or (role, {})
                        found[1].setdefault(article, speaker)
        return found

    def officials(self, demonym: str) -> dict[str, str]:
        """``{speaker: title}`` for the officials of the country of ``demonym`` (officials.py): each
        name an article gives one of its titles ("Kremlin spokesman Dmitry Peskov"), as the speaker
        of that surname the article quotes, with the first such title."""
        retriever = self._retriever
        rows = [int(r) for r in best_rows(retriever.lexical.scores(search_terms(demonym)), OFFICIAL_ROWS)]
        found = retriever.rows(rows)
        titles: dict[str, str] = {}
        for row in rows:
            sentence = found[row][0]
            for name, title in officials_in(sentence.text, demonym):
                if (speaker := self._quoted(sentence.article_id, [name])) is not None:
                    titles.setdefault(speaker, title)
        return titles

    def _quoted(self, article_id: str, names: Sequence[str]) -> str | None:
        """The one speaker of ``article_id`` that ``names`` means (same surname, and the same first
        name when both give one: "former President Bill Clinton" is not the Hillary Clinton quoted
        beside him), or None."""
        speakers = {s.sentence.speaker for s in self._metadata.sentences_of_article(article_id) if s.sentence.speaker}
        for name in names:
            fitting = sorted(s for s in speakers if _surname(s) == _surname(name) and _same_first(s, name))
            if len(fitting) == 1:
                return fitting[0]
        return None


def _same_first(speaker: str, name: str) -> bool:
    """Whether ``speaker`` and ``name`` may be one person by their first names: either gives none
    ("Clinton", "Mr. Obama"), they are one, one is a form of the other ("Joe", "Joseph") or an
    initial of it."""
    mine, theirs = name_words(speaker), name_words(name)
    if len(mine) < 2 or len(theirs) < 2 or theirs[0] in _ROLE_WORDS:
        return True
    a, b = mine[0], theirs[0]
    return a == b or b in same_name(a) or (min(len(a), len(b)) == 1 and a[0] == b[0])


def describe(role: str, holders: Mapping[str, str]) -> str:
    """The note above a role's quotes: who the articles say holds it."""
    people = sorted(set(holders.values()))
    who = people[0] if len(people) == 1 else ", ".join(people[:-1]) + " and " + people[-1]
    return f"The {role} in these articles: {who}."
