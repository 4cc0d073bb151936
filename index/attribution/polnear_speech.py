"""Scoring "What did X say?" answers against PolNeAR's annotations, person by person.

Attribution is scored sentence by sentence in polnear.py; this scores what a user sees: the
sentences the bot shows for "What did Donald Trump say?" on an index of the same articles.

* **The people asked about**: everyone PolNeAR annotates as the source of speech (cues in
  ``SPEECH_CUES``) under a name, the source's silver coreference label when it is a name ("he"
  labelled "Donald Trump") or else the source as written ("Mr. Trump"). Titles are dropped
  ("Sen. Bernie Sanders" is Bernie Sanders); a first name alone ("Donald, you ...") is the person
  of that article it begins ("Donald Trump"), and another name of one word ("Trump") the most
  often named person of that surname ("Donald Trump"). A person is asked about by their full name,
  as the annotations write it most often, when their speech covers at least ``min_sentences``
  sentences of the collection.
* **recall**: of the sentences a person's speech attributions cover (cue or content), the
  share the answer shows.
* **precision**: of the sentences the answer shows, the share that any attribution of that
  person covers (speech, or a thought or intention: "believes", "wants"), or, for an answer
  of the sentences that only mention them ("I found no quote attributed to ..."), none.
* **judged precision**: the same, leaving out the shown sentences whose words the annotations
  give to no one by name (``unlabelled``): a "he" or "she" source that PolNeAR's silver
  coreference does not label ("He pledged to ...", of Bernie Sanders), which precision counts
  against any answer that shows them.

Both are totals over the people (micro), and ``people_found`` counts the people with at least
one of their sentences shown.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from index.attribution.polnear import Gold, PolnearArticle, is_name, is_pronoun, sentence_spans
from index.attribution.vocabulary import a_people
from index.lexicon import FIRST_NAMES, TITLE_WORDS, same_name
from index.text.sentences import split_article
from index.types import Sentence

# A sentence of the collection: its article's id and its text (as an index stores it, when
# people_of is given ``as_stored``).
SentenceKey = tuple[str, str]
_TITLES = frozenset(w.rstrip(".") for w in TITLE_WORDS)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_LONGEST_NAME = 4  # words: "Loretta E. Lynch", "Chandler Van Voorhis", "International Monetary Fund"
_LONGEST_PERSON = 3  # words, without initials: "Chandler Van Voorhis" ("Hillary Clinton Bernie Sanders" is two)


@dataclass(frozen=True)
class Person:
    """Someone PolNeAR annotates as speaking: ``name`` as asked, the sentences their speech
    covers (``said``) and those any of their attributions covers (``theirs``)."""

    name: str
    said: frozenset[SentenceKey]
    theirs: frozenset[SentenceKey]


@dataclass(frozen=True)
class SpeechScores:
    people: int
    people_found: int
    gold: int  # sentences the people's speech covers
    shown: int  # sentences the answers show
    found: int  # of ``gold``, shown
    right: int  # of ``shown``, covered by an attribution of the person asked about
    rows: tuple[tuple[str, int, int, int, int], ...] = ()  # per person: name, gold, found, shown, right
    judged: int = 0  # of ``shown``, those not ``unlabelled`` or the person's own

    @property
    def judged_precision(self) -> float:
        return self.right / self.judged if self.judged else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.right / self.shown if self.shown else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "people": self.people,
            "people_found": self.people_found,
            "gold": self.gold,
            "shown": self.shown,
            "found": self.found,
            "right": self.right,
            "recall": round(self.recall, 4),
            "precision": round(self.precision, 4),
            "judged": self.judged,
            "judged_precision": round(self.judged_precision, 4),
        }


def name_of(label: str) -> tuple[str, ...]:
    """The name a source is written with, as its words: from its first name on when it has one
    ("Sen. Bernie Sanders", "MSNBC Chris Matthews" -> Chris, Matthews), else its capitalised
    words without titles ("The White House" -> White, House); () for no name, a people
    ("African-Americans") or a label too long to be a name."""
    if not is_name(label):
        return ()
    words = [_POSSESSIVE.sub("", w.strip(",")) for w in label.split()]
    words = [w for w in words if w and w[0].isupper() and w.rstrip(".").lower() not in _TITLES | {"the"}]
    first = next((k for k, w in enumerate(words) if w.lower() in FIRST_NAMES), None)
    if first is not None:
        words = words[first:]
    if not words or len(words) > _LONGEST_NAME or a_people(words[-1].lower()):
        return ()
    return tuple(words)


def people_of(
    items: Iterable[PolnearArticle], min_sentences: int = 3, as_stored: Callable[[str], str] = str
) -> list[Person]:
    """The people the articles' annotations show speaking in at least ``min_sentences``
    sentences, most quoted first (see the module docstring). Each sentence is keyed by
    ``as_stored(text)``: the index's cleaning (a no-break space is a space), so that it compares
    equal to the sentence of a hit."""
    said: dict[tuple[str, ...], set[SentenceKey]] = defaultdict(set)
    theirs: dict[tuple[str, ...], set[SentenceKey]] = defaultdict(set)
    for item in items:
        sentences = split_article(item.article)
        spans = sentence_spans(item, sentences)
        names = [_source_name(gold) for gold in item.gold]
        in_full = _named_in_full(names)
        for gold, name in zip(item.gold, names, strict=True):
            if not name:
                continue
            name = in_full.get(name, name)
            covered = _covered(item, gold, sentences, spans, as_stored)
            theirs[name] |= covered
            if gold.speech:
                said[name] |= covered
    # "Donald J. Trump" and "Donald Trump" are one person, asked about as written most often, and
    # so are "Joe Biden" and "Joseph R. Biden" (``lexicon.same_name``).
    written: dict[tuple[str, ...], Counter[tuple[str, ...]]] = defaultdict(Counter)
    for name, found in theirs.items():
        written[_without_initials(name)][name] += len(found)
    counts = Counter({key: sum(forms.values()) for key, forms in written.items()})
    short = _one_first_name(counts)
    full = _full_names(Counter({key: n for key, n in counts.items() if key not in short}))
    merged_written: dict[tuple[str, ...], Counter[tuple[str, ...]]] = defaultdict(Counter)
    merged_said: dict[tuple[str, ...], set[SentenceKey]] = defaultdict(set)
    merged_theirs: dict[tuple[str, ...], set[SentenceKey]] = defaultdict(set)
    for name, found in theirs.items():
        key = short.get(_without_initials(name), _without_initials(name))
        person = full[key]
        if len(key) > 1 or person == key:  # "Trump" alone names no one "Donald Trump"
            merged_written[person][name] += len(found)
        merged_theirs[person] |= found
        merged_said[person] |= said.get(name, set())
    people = [
        Person(" ".join(merged_written[key].most_common(1)[0][0]), frozenset(merged_said[key]), frozenset(found))
        for key, found in merged_theirs.items()
        if len(merged_said[key]) >= min_sentences
    ]
    return sorted(people, key=lambda p: (-len(p.said), p.name))


def unlabelled(items: Iterable[PolnearArticle], as_stored: Callable[[str], str] = str) -> frozenset[SentenceKey]:
    """The sentences whose words the annotations give to no one by name: covered by an
    attribution whose source is "he", "she" or another pronoun that the silver coreference leaves
    without a name, and by no attribution of a named source (keys as ``people_of`` makes them)."""
    found: set[SentenceKey] = set()
    for item in items:
        sentences = split_article(item.article)
        spans = sentence_spans(item, sentences)
        unnamed: set[SentenceKey] = set()
        named: set[SentenceKey] = set()
        for gold in item.gold:
            if (name := _source_name(gold)) or is_pronoun(gold.source_text):
                (named if name else unnamed).update(_covered(item, gold, sentences, spans, as_stored))
        found |= unnamed - named
    return frozenset(found)


def _covered(
    item: PolnearArticle,
    gold: Gold,
    sentences: Sequence[Sentence],
    spans: Sequence[tuple[int, int]],
    as_stored: Callable[[str], str],
) -> set[SentenceKey]:
    """The sentences an attribution's cue or content overlaps (``spans``: each sentence's in the
    PolNeAR text), keyed as ``people_of`` keys them."""
    return {
        (item.article.id, as_stored(s.text))
        for s, (a, b) in zip(sentences, spans, strict=True)
        if any(x < b and y > a for x, y in (*gold.cue, *gold.content))
    }


def _source_name(gold: Gold) -> tuple[str, ...]:
    """The name an attribution's source goes by: its silver label's, else its own when it is one."""
    return name_of(gold.silver) or (name_of(gold.source_text) if gold.named else ())


def _named_in_full(names: Sequence[tuple[str, ...]]) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Each first name standing alone among an article's sources -> the full name of that
    article's sources it begins, the most often labelled of them ("Donald" -> "Donald Trump",
    where Mrs. Clinton says "Donald, ..."); one the article never names in full is not in the
    result. A surname alone is left to ``people_of``'s collection-wide rule."""
    full = Counter(key for key in map(_without_initials, names) if 1 < len(key) <= _LONGEST_PERSON)
    resolved: dict[tuple[str, ...], tuple[str, ...]] = {}
    for name in set(names):
        key = _without_initials(name)
        if len(key) == 1 and key[0].lower() in FIRST_NAMES:
            begins = [n for n in full if n[0] == key[0]]
            if begins:
                resolved[name] = max(begins, key=lambda n: (full[n], n))
    return resolved


def _without_initials(name: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(w for w in name if not (len(w) == 2 and w.endswith("."))) or name


def _one_first_name(counts: Counter[tuple[str, ...]]) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Each name written with another form of a first name than a name named more often with the
    same other words -> the most named of that chain ("Joe Biden" -> "Joseph Biden", if more
    often so; "Bob X" -> "Robert X" -> "Bobby X" gives "Bobby X")."""
    by_rest: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    for name in counts:
        if len(name) > 1:
            by_rest[name[1:]].append(name)
    merged: dict[tuple[str, ...], tuple[str, ...]] = {}
    for names in by_rest.values():
        for name in names:
            forms = same_name(name[0].lower())
            others = [o for o in names if o[0].lower() in forms and (counts[o], o) > (counts[name], name)]
            if others:
                merged[name] = max(others, key=lambda o: (counts[o], o))
    for name, target in merged.items():  # each step names a name counted more: the chain ends
        while target in merged:
            target = merged[target]
        merged[name] = target
    return merged


def _full_names(counts: Counter[tuple[str, ...]]) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Each name -> the person it is: a one-word name is the most often named full name ending
    with it ("Trump" -> "Donald Trump"), if any; a longer one is itself."""
    longest: dict[str, tuple[str, ...]] = {}
    for name, _ in counts.most_common():
        if len(name) > 1:
            longest.setdefault(name[-1], name)
    return {name: longest.get(name[-1], name) if len(name) == 1 else name for name in counts}


# A question -> the sentences its answer shows, and whether it shows them as the person's words
# (not "I found no quote attributed to X; these sentences mention X").
Ask = Callable[[str], tuple[Sequence[SentenceKey], bool]]


def score_answers(people: Sequence[Person], ask: Ask, unjudged: frozenset[SentenceKey] = frozenset()) -> SpeechScores:
    """Ask "What did X say?" of each person and count as the module docstring says; ``unjudged``
    (``unlabelled``'s sentences) are left out of the judged precision."""
    gold = shown = found = right = people_found = judged = 0
    rows = []
    for person in people:
        sentences, quoted = ask(f"What did {person.name} say?")
        seen = set(sentences)
        answer = seen if quoted else set()
        theirs = answer & person.theirs
        shown += len(seen)
        judged += len(seen - (unjudged - theirs))
        hit = len(answer & person.said)
        gold += len(person.said)
        found += hit
        right += len(theirs)
        people_found += hit > 0
        rows.append((person.name, len(person.said), hit, len(seen), len(theirs)))
    return SpeechScores(len(people), people_found, gold, shown, found, right, tuple(rows), judged)
