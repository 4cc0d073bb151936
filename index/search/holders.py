"""Questions asking who holds a role, and the sentences that name the holder: pure functions.

"Who is Clinton's campaign manager?" is answered by "When Robby Mook, Clinton's campaign
manager, was asked ...", "Who is Trey Gowdy's spokesman?" by "... Gowdy spokesman Jamal Ware
said in a statement": news names a role's holder right next to the role, before it after a
comma or after it. The ranking put "Sanders campaign manager Jeff Weaver" and "Rep. Trey Gowdy"
(the man, not his spokesman) first: they share the question's words, and the reranker weighs
a new name in them as it weighs the holder's.

``parse_role`` reads the question ("Who is X's spokesman?", "Who is the US ambassador to
NATO?", "Who was the vice chairwoman of Clinton's campaign?", "Who leads NATO?"): the role's
head word (a title word, index/lexicon.py; for "leads", any of a leader's: "NATO
Secretary-General Jens Stoltenberg", with what is led: "Who led the US delegation?" is not
answered by "U.S. President Joe Biden") and the names it is qualified by; ``holder_in`` finds the
person a sentence gives that role, qualified by every one of those names ("Sanders campaign manager" is
no answer about Clinton's).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.attribution.vocabulary import INSTITUTION_KINDS
from index.lexicon import is_title_word, plain_word, word_set
from index.store.lexical import STOP_WORDS

_QUESTION = re.compile(
    r"^who\s+(?:is|was|are|were|has\s+been|will\s+be|became|is\s+now)\s+(?P<role>[^?!;:]+?)\s*[?!.]*$", re.IGNORECASE
)
# The last words of names of institutions, which say only what kind of thing they name: "Stanford
# University" is qualified by "Stanford" as much as by "University" (William Chace, president
# of Wesleyan University, is not its president).
_KINDS = INSTITUTION_KINDS

# The role's own words end at its first preposition: "the vice chairwoman | of Clinton's campaign".
_PREPOSITIONS = word_set("of to for at in on with from")
_ARTICLES = word_set("the a an")
_WORD = re.compile(r"[^\W_][\w'’.&-]*[\w.]|[^\W_]")
# A person's name: two to four capitalised words ("Robby Mook", "Wendy R. Sherman").
_PERSON_WORDS = (2, 4)
# Words a sentence may put between the role's head and the holder's name ("Ambassador to NATO
# Julianne Smith") or between the comma after the name and the head ("Robby Mook, Clinton's
# campaign manager").
ROLE_REACH = 4
# Words that make a role another one: "Deputy Secretary of State Wendy Sherman" is not the
# secretary of state, unless the question asks for the deputy.
LESSER = word_set("deputy vice assistant under acting former ex associate")
# Where a role's words end and what is said of its holder or its institution begins: an apposition
# ("the chief strategist at Priorities USA, | the pro-Clinton super PAC", which names no qualifier
# a sentence must repeat) or a relative clause ("the Nevada Democratic Party chair | who said
# ..."). What is cut away may be all that tells the holder apart ("the judge | who gave Paul
# Manafort his second sentence"), so a role left with no name is asked of no one.
_ASIDE = re.compile(r",\s|\s(?:who|whom|that|which)\s", re.IGNORECASE)
_BREAK = re.compile(r"[,;:()\"“”\u2013\u2014]")


@dataclass(frozen=True)
class RoleQuery:
    """A role a question asks the holder of: as written, its head word, and the names qualifying
    it (each a name's last word, casefolded, without dots or a possessive: "gowdy", "us", "nato")."""

    role: str
    head: str
    qualifiers: tuple[str, ...]
    # The role's own lower-case words before the head ("deputy" of "deputy secretary of state",
    # "campaign" of "campaign manager"), which a sentence's role must hold too: "Secretary of
    # State Antony Blinken" is not the deputy secretary.
    modifiers: tuple[str, ...] = ()
    # Other head words that name the same role: "Who leads NATO?" asks for its leader, head,
    # secretary-general, president, ...
    also: frozenset[str] = frozenset()

    @property
    def heads(self) -> frozenset[str]:
        """Every head word the role is written with."""
        return self.also | {self.head}


def _fold(word: str) -> str:
    """``word`` casefolded, without dots or a possessive: "U.S." -> "us", "Clinton’s" -> "clinton",
    "Sanders'" -> "sanders"."""
    return plain_word(word).rstrip("'").replace(".", "")


# "Who leads NATO?", "Who heads the World Health Organization?", "Who runs Tesla?"
_LEADS = re.compile(
    r"^who\s+(?:(?:currently\s+)?(?:leads|led|heads|headed|runs|ran|chairs|chaired)|(?:is|was)\s+in\s+charge\s+of)\s+"
    r"(?P<body>[^?!;:]+?)\s*[?!.]*$",
    re.IGNORECASE,
)
# The head words a leader of something is written with.
LEADER_HEADS = word_set("""
    leader head chief chairman chairwoman chair president secretary-general director director-general
    ceo commander boss
""")


def _qualifiers(words: list[str]) -> tuple[str, ...]:
    """The names among ``words`` (runs of capitalised words that are no title): a person by the
    surname, an institution by every word of its name."""
    qualifiers: list[str] = []
    run: list[str] = []
    for word in [*words, ""]:
        if word[:1].isupper() and word.casefold() not in _ARTICLES and not is_title_word(word):
            run.append(word)
            continue
        if run:  # a person by the surname ("Gowdy spokesman"), a "Stanford University" by every word
            qualifiers.extend(_fold(w) for w in (run if _fold(run[-1]) in _KINDS else run[-1:]))
        run = []
    return tuple(qualifiers)


def _led_thing(words: list[str]) -> tuple[str, ...]:
    """The lower-case words naming what a "Who leads ...?" question asks the leader of, up to its
    first stop word ("delegation" of "the US delegation to the talks"), which the sentence's role
    must hold as well: "U.S. President Joe Biden" leads the US, not the US delegation; "Clinton
    campaign chairman John Podesta" leads the Clinton campaign."""
    thing: list[str] = []
    for word in words:
        folded = word.casefold()
        if folded in _ARTICLES or word[:1].isupper() or word[:1].isdigit():
            continue
        if folded in STOP_WORDS:  # "of", "to", ... among them
            break
        thing.append(_fold(word))
    return tuple(thing)


def parse_role(question: str) -> RoleQuery | None:
    """The role ``question`` asks the holder of ("Who is Clinton's campaign manager?" -> head
    "manager", qualified by "clinton"; "Who leads NATO?" -> its leader, head, secretary-general,
    ...), else None: "Who is Wendy Sherman?" names a person."""
    text = " ".join(question.split())
    if (leads := _LEADS.match(text)) is not None:
        body = leads.group("body").strip()
        words = _WORD.findall(body)
        qualifiers = _qualifiers(words)
        if not qualifiers:  # "Who leads the talks?": no one's role to look for
            return None
        return RoleQuery(f"the leader of {body}", "leader", qualifiers, _led_thing(words), also=LEADER_HEADS)
    match = _QUESTION.match(text)
    if match is None:
        return None
    asked = match.group("role").strip()
    role = _ASIDE.split(asked, maxsplit=1)[0].strip()
    words = _WORD.findall(role)
    own: list[str] = []
    for word in words:
        if word.casefold() in _PREPOSITIONS:
            break
        own.append(word)
    heads = [w for w in own if is_title_word(w) and (not w[:1].isupper() or w.isupper())]  # "manager", "CEO"
    if not heads or own[-1] != heads[-1]:
        return None  # the role's own words end in a title word ("campaign manager"), lower case
    qualifiers = _qualifiers(words)
    if role != asked and not qualifiers:
        return None  # "the judge | who gave Paul Manafort his second sentence": any judge is no answer
    modifiers = tuple(
        _fold(w) for w in own[:-1] if not w[:1].isupper() and w.casefold() not in _ARTICLES and not w[:1].isdigit()
    )
    return RoleQuery(role, heads[-1].casefold(), qualifiers, modifiers)


def _person_at(sentence: str, matches: list[re.Match[str]], j: int) -> list[str]:
    """The capitalised words of a person's name starting at word ``j`` of ``sentence`` (its
    ``matches``), only spaces between them ("Trey Gowdy (R-S.C.)" names Trey Gowdy); empty when
    none is there, or when every word is in capitals (a headline: "SCHULTZ RESIGNS")."""
    name: list[str] = []
    while j < len(matches) and len(name) < _PERSON_WORDS[1]:
        word = matches[j].group()
        if not word[:1].isupper() or is_title_word(word):
            break
        if name and sentence[matches[j - 1].end() : matches[j].start()].strip():
            break
        name.append(word)
        j += 1
    if len(name) < _PERSON_WORDS[0] or all(w.isupper() for w in name):
        return []
    return name


def holder_in(sentence: str, asked: RoleQuery) -> str | None:
    """The person ``sentence`` gives the role ``asked`` to, else None: right after the role's
    head, with at most ``ROLE_REACH`` words of the role between ("Gowdy spokesman Jamal Ware",
    "Ambassador to NATO Julianne Smith"), or before it with a comma ("Robby Mook, Clinton's
    campaign manager"); in either case with every one of the question's qualifying names in the
    role as the sentence writes it ("Sanders campaign manager Jeff Weaver" is not Clinton's)."""
    matches = list(_WORD.finditer(sentence))
    words = [m.group() for m in matches]
    folded = [_fold(w) for w in words]
    needed = set(asked.qualifiers) | set(asked.modifiers)
    unwanted = LESSER - needed
    for i, word in enumerate(folded):
        if word not in asked.heads:
            continue
        # The role as written before the head ("Clinton campaign manager") and after it, to the
        # first break ("vice chairwoman for Clinton's presidential campaign,").
        start = i
        while (
            start > 0
            and i - start < ROLE_REACH
            and not _BREAK.search(sentence[matches[start - 1].end() : matches[start].start()])
        ):
            start -= 1
        if unwanted & set(folded[start:i]):
            continue
        # After the head: the holder's name ...
        for j in range(i + 1, min(i + 2 + ROLE_REACH, len(words))):
            gap = sentence[matches[j - 1].end() : matches[j].start()]
            # A comma may set the name off right after the head: "the Trump campaign manager, Corey Lewandowski,".
            if _BREAK.search(gap) and not (j == i + 1 and gap.strip() == ","):
                break
            if words[j][:1].isupper() and folded[j] not in needed and not is_title_word(words[j]):
                name = _person_at(sentence, matches, j)
                if name and needed <= set(folded[start:j]):
                    return " ".join(name)
                break
        # ... or before it: "Robby Mook, Clinton's campaign manager".
        end = i + 1
        while (
            end < len(words)
            and end - i <= ROLE_REACH
            and not _BREAK.search(sentence[matches[end - 1].end() : matches[end].start()])
        ):
            end += 1
        comma = sentence.rfind(",", 0, matches[start].start())
        if comma < 0 or _BREAK.search(sentence[comma + 1 : matches[start].start()]):
            continue
        before = [k for k, m in enumerate(matches) if m.end() <= comma]
        if not before:
            continue
        k = before[-1]
        first = k
        while (
            first > 0
            and k - first < _PERSON_WORDS[1] - 1
            and words[first - 1][:1].isupper()
            and not is_title_word(words[first - 1])
            and not sentence[matches[first - 1].end() : matches[first].start()].strip()  # "Jupiter, Fla." is no name
        ):
            first -= 1
        name = [w for w in words[first : k + 1] if w[:1].isupper()]
        while name and name[0].casefold() in STOP_WORDS:  # "When Robby Mook, ..." names Robby Mook
            name = name[1:]
        between = sentence[matches[k].end() : comma]
        headline = all(w.isupper() for w in name)
        if len(name) >= _PERSON_WORDS[0] and not headline and not between.strip() and needed <= set(folded[start:end]):
            return " ".join(name)
    return None
