"""Scoring quote attribution against PolNeAR's human annotations, sentence by sentence.

PolNeAR (../shared/eval/polnear/README.md) gives, for each article, every attribution people
found: its source, cue and content spans as character offsets into the article text, plus an
automatic coreference label for the source (``source_coref_silver``: the chain's representative
mention, e.g. "Donald Trump" for a "he"). ``load_polnear`` turns each line into an ``Article``
(title = first line; one paragraph per further line) and the annotated attributions; ``score``
splits and attributes every article and compares, sentence by sentence:

* **precision**: of the sentences the code gives a speaker, the share whose speaker matches a
  source of an attribution whose cue or content lies in that sentence. A speaker matches a
  source when the speaker's last word (a surname, "Post", "Ministry"; the surname before a
  generation, "Biden" of "Joseph R. Biden Jr."; or its first name and generation, "Donald Jr."),
  or the first of a first name's two surnames ("Acosta" of "Melba Acosta Febo"), is a word of the
  source span or of its silver coreference label ("Trump" matches "Mr. Trump" and, through the label,
  "he"), or when the span or the label is the speaker's first name alone ("Betsy Ebeling"
  matches "she" labelled "Betsy"). A pronoun source whose label is no name ("he" labelled "a negotiator", "you", "the
  Vermont senator", or no label at all) cannot be checked: a sentence whose unmatched sources
  include one is left out of precision (``unscorable``, reported), neither right nor wrong.
  A *role* source whose label is no name or a place ("the vice president", "the Kremlin
  spokesman", "the Republican nominee", "the New Jersey governor" labelled "New Jersey";
  ``polnear_roles.role_words``) is checked against the article itself:
  the speaker is right when the article ties the speaker's name, and nobody else's, to that
  role ("Vice President Joe Biden", "Biden, the vice president", "Kremlin spokesman Dmitry
  Peskov": the role's words right before the name, or the name, a comma and the role;
  ``polnear_roles.role_holders``); wrong when the article ties the role only to other people;
  unscorable when it ties the role to nobody, or to the speaker and someone else. Precedence in
  a sentence: right if any source matches, else unscorable if any source is unscorable, else
  wrong. An annotation whose source span is only its reporting words ("said", "said in a
  statement", "According to": an annotator's slip, ``no_source``) cannot be checked either and
  makes an unmatched sentence unscorable. ``precision_strict`` (with ``right_strict``/
  ``wrong_strict``/``unscorable_strict``) is the figure without these two checks, where such a
  role or slipped source is simply wrong.
* **name recall**: of the *speech* attributions (cue verbs in ``SPEECH_CUES``: say, tell,
  according to, add, write, ...) whose source is written as a name (its last word capitalised
  and not a pronoun or a group: "Mr. Trump", "The New York Post", not "he", "officials", "the
  campaign", "some Democrats"; ``is_name``),
  the share whose cue sentence the code attributes to a speaker matching that source.
* **speed**: sentences per second of ``attribute`` alone (splitting is not timed).
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from index.attribution.polnear_roles import role_holders, role_words, same_person, tokenize
from index.attribution.suffixes import generation, surname_at
from index.attribution.surnames import first_of_two_surnames
from index.attribution.vocabulary import GENERIC, PLACES
from index.lexicon import FIRST_NAMES, family_name_first
from index.text.sentences import split_article
from index.types import Article, Sentence

# Cue words that report speech, chosen from the cues PolNeAR train annotates most often
# ("said", "says", "told", "according to", "added", "wrote", "noted", "tweeted", ...). Thoughts,
# intentions and evidence ("believes", "wants", "shows", "found", "called for") are left out.
SPEECH_CUES = frozenset(
    """
say says said saying tell tells told telling according add adds added adding write writes wrote
writing note notes noted noting warn warns warned warning tweet tweets tweeted tweeting announce
announces announced announcing explain explains explained explaining state states stated
stating declare declares declared declaring insist insists insisted insisting argue argues
argued arguing reply replies replied replying respond responds responded responding acknowledge
acknowledges acknowledged acknowledging claim claims claimed claiming recall recalls recalled
recalling continue continues continued continuing predict predicts predicted predicting
testify testifies testified testifying repeat repeats repeated repeating admit admits admitted
admitting concede concedes conceded conceding stress stresses stressed stressing joke jokes
joked joking remark remarks remarked remarking quipped quip quips told: said: says: added:
""".split()
)
_PRONOUNS = frozenset(
    "i me we us he him she her they them it you his its their our my your who which that this these those".split()
)
_GROUP_HEADS = GENERIC | frozenset(
    "democrat democrats republican republicans conservatives liberals progressives americans independents aides".split()
)
_QUANTIFIERS = frozenset("a an another some many several both half those these most few other all any".split())
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")


@dataclass(frozen=True)
class Gold:
    """One annotated attribution: where its cue is, who its source is, and what it covers."""

    cue: tuple[tuple[int, int], ...]
    content: tuple[tuple[int, int], ...]
    source_text: str
    silver: str
    speech: bool
    named: bool  # the source is written as a name


@dataclass(frozen=True)
class PolnearArticle:
    article: Article
    starts: tuple[int, ...]  # offset in the PolNeAR text of each paragraph
    gold: tuple[Gold, ...]


@dataclass(frozen=True)
class Scores:
    articles: int
    sentences: int
    attributed: int
    right: int
    wrong: int
    unscorable: int
    named_speech: int
    named_found: int
    seconds: float
    errors: tuple[str, ...]
    mistakes: tuple[dict[str, str], ...] = field(default=(), repr=False)
    right_strict: int = 0  # the same without checking role sources against the article
    wrong_strict: int = 0
    unscorable_strict: int = 0

    @property
    def precision(self) -> float:
        return self.right / max(1, self.right + self.wrong)

    @property
    def precision_strict(self) -> float:
        return self.right_strict / max(1, self.right_strict + self.wrong_strict)

    @property
    def name_recall(self) -> float:
        return self.named_found / max(1, self.named_speech)

    @property
    def sentences_per_second(self) -> float:
        return self.sentences / max(self.seconds, 1e-9)

    def as_dict(self) -> dict[str, object]:
        return {
            "articles": self.articles,
            "sentences": self.sentences,
            "attributed": self.attributed,
            "right": self.right,
            "wrong": self.wrong,
            "unscorable": self.unscorable,
            "precision": round(self.precision, 4),
            "right_strict": self.right_strict,
            "wrong_strict": self.wrong_strict,
            "unscorable_strict": self.unscorable_strict,
            "precision_strict": round(self.precision_strict, 4),
            "named_speech_attributions": self.named_speech,
            "named_found": self.named_found,
            "name_recall": round(self.name_recall, 4),
            "sentences_per_second": round(self.sentences_per_second, 1),
            "errors": list(self.errors),
        }


def words(text: str) -> list[str]:
    """Lower-case words, possessive endings removed ("Clinton’s" -> "clinton")."""
    out = []
    for w in _WORD_RE.findall(text):
        low = w.lower()
        if low.endswith(("’s", "'s")):
            low = low[:-2]
        out.append(low.rstrip("’'"))
    return out


def is_speech_cue(cue: str) -> bool:
    return any(w in SPEECH_CUES for w in cue.lower().split())


def is_name(source: str) -> bool:
    """A source written as a name: its last word is capitalised and is not a pronoun, a party
    or group word ("Officials" opening a sentence) ("Some Democrats", "a New Hampshire Republican", "The Wisconsin Republican":
    descriptions and groups, which the project never names as speakers), and it does not open
    with a quantifier ("a", "some", "many", ...)."""
    found = _WORD_RE.findall(source)
    if not found or not found[-1][0].isupper():
        return False
    last, first = found[-1].lower(), found[0].lower()
    return last not in _PRONOUNS and last not in _GROUP_HEADS and first not in _QUANTIFIERS


def is_pronoun(source: str) -> bool:
    """Whether an attribution's source is one pronoun ("he", "She", "they")."""
    found = words(source)
    return len(found) == 1 and found[0] in _PRONOUNS


def speaker_matches(speaker: str, gold: Gold) -> bool:
    """Whether ``speaker`` is the annotated source (by its surname: its last word, the one before
    a generation, "Biden" of "Joseph R. Biden Jr.", or the first of two surnames; see the module
    docstring)."""
    mine = words(speaker)
    if not mine:
        return False
    surname = mine[surname_at(mine)]
    labels = (words(gold.source_text), words(gold.silver))
    theirs = set(labels[0]) | set(labels[1])
    # a first name and two surnames: the first surname is the person's too ("Ms. Acosta" is Melba Acosta Febo)
    first_surname = first_of_two_surnames(mine)
    # a label of a first name alone: "she" labelled "Betsy" is Betsy Ebeling
    alone = [label for label in labels if len(label) == 1]
    return (
        surname in theirs
        or (first_surname is not None and first_surname in theirs)
        or (family_name_first(speaker.split()) and mine[0] in theirs)  # "Ban" is Ban Ki-moon
        or (len(mine) > 1 and mine[0].lower() in FIRST_NAMES and [mine[0]] in alone)
        or (generation(mine) is not None and {mine[0], mine[-1]} <= theirs)  # "His son Donald Jr."
    )


RIGHT, WRONG, UNSCORABLE = "right", "wrong", "unscorable"


def role_verdict(speaker: str, gold: Gold, tokens: Sequence[str]) -> str | None:
    """``speaker`` against a role source, as the article ties the role; None for other sources."""
    # A label that is a place ("New Jersey" for "the New Jersey governor") names no person.
    named = is_name(gold.silver) and gold.silver.strip().lower() not in PLACES
    role = None if named else role_words(gold.source_text)
    if role is None or not speaker.split():
        return None
    holders = role_holders(tokens, role)
    mine = {h for h in holders if same_person(speaker, h)}
    if mine and len(mine) == len(holders):
        return RIGHT
    return WRONG if holders and not mine else UNSCORABLE


def verdict(speaker: str, near: Sequence[Gold], tokens: Sequence[str]) -> tuple[str, str]:
    """(verdict, strict verdict) for a sentence attributed to ``speaker`` with ``near`` sources."""
    if any(speaker_matches(speaker, g) for g in near):
        return RIGHT, RIGHT
    strict = UNSCORABLE if any(is_pronoun(g.source_text) and not is_name(g.silver) for g in near) else WRONG
    roles = {role_verdict(speaker, g, tokens) for g in near}
    if RIGHT in roles:
        return RIGHT, strict
    if any(no_source(g) for g in near):
        return UNSCORABLE, strict
    return (UNSCORABLE if UNSCORABLE in roles else strict), strict


def no_source(gold: Gold) -> bool:
    """An annotation whose source span is its reporting words, not a source ("said", "said in a
    statement", "According to", with no label): an annotator's slip, so nothing to check."""
    found = _WORD_RE.findall(gold.source_text)
    return (
        bool(found)
        and found[0].lower() in SPEECH_CUES
        and not any(w[0].isupper() for w in found[1:])
        and not is_name(gold.silver)
    )


def article_tokens(article: Article) -> list[str]:
    """The article's words for ``role_holders``; a mark between paragraphs ends every name."""
    return tokenize(" ¶ ".join([article.title, *article.paragraphs]))


def _gold(item: dict[str, Any], text: str) -> Gold | None:
    source = item.get("source")
    cue = item.get("cue")
    if not source or not cue:
        return None
    spans = [(int(s[0]), int(s[1])) for s in cue]
    content = [(int(s[0]), int(s[1])) for s in item.get("content", [])]
    source_text = " ".join(text[int(s[0]) : int(s[1])] for s in source)
    cue_text = " ".join(text[a:b] for a, b in spans)
    silver = str(item.get("source_coref_silver") or "")
    return Gold(tuple(spans), tuple(content), source_text, silver, is_speech_cue(cue_text), is_name(source_text))


def parse_line(line: str) -> PolnearArticle:
    """One PolNeAR JSON line as an article (title = first line) and its attributions."""
    raw = json.loads(line)
    text: str = raw["text"]
    paragraphs: list[str] = []
    starts: list[int] = []
    title = ""
    for m in re.finditer(r"[^\n]+", text):
        stripped = m.group().strip()
        if not stripped:
            continue
        if not title and m.start() == 0:
            title = stripped
            continue
        lead = len(m.group()) - len(m.group().lstrip())
        paragraphs.append(stripped)
        starts.append(m.start() + lead)
    article = Article(str(raw["id"]), title, tuple(paragraphs), "polnear")
    gold = tuple(g for item in raw.get("attributions", []) if (g := _gold(item, text)))
    return PolnearArticle(article, tuple(starts), gold)


def load_polnear(path: Path | str) -> list[PolnearArticle]:
    with open(path, encoding="utf-8") as f:
        return [parse_line(line) for line in f if line.strip()]


def sentence_spans(item: PolnearArticle, sentences: Sequence[Sentence]) -> list[tuple[int, int]]:
    """Each sentence's (start, end) in the PolNeAR text."""
    offsets = []
    pos = 0
    for p in item.article.paragraphs:
        offsets.append(pos)
        pos += len(p) + 2  # PARAGRAPH_SEPARATOR
    return [
        (
            item.starts[s.paragraph] + s.start - offsets[s.paragraph],
            item.starts[s.paragraph] + s.end - offsets[s.paragraph],
        )
        for s in sentences
    ]


def _overlaps(spans: Iterable[tuple[int, int]], a: int, b: int) -> bool:
    return any(s < b and e > a for s, e in spans)


Attributor = Callable[[Sequence[Sentence], str], list[Sentence]]


def score(items: Sequence[PolnearArticle], attributor: Attributor, *, keep_mistakes: bool = False) -> Scores:
    """Split and attribute every article and score it as the module docstring says."""
    n_sent = attributed = named = found = 0
    counts = {(kind, strict): 0 for kind in (RIGHT, WRONG, UNSCORABLE) for strict in (False, True)}
    seconds = 0.0
    errors: list[str] = []
    mistakes: list[dict[str, str]] = []
    for item in items:
        sentences = split_article(item.article)
        t0 = time.perf_counter()
        try:
            out = attributor(sentences, item.article.title)
        except Exception as e:
            errors.append(f"{item.article.id}: {type(e).__name__}: {e}")
            out = list(sentences)
        seconds += time.perf_counter() - t0
        n_sent += len(out)
        spans = sentence_spans(item, out)
        tokens = article_tokens(item.article)
        for s, (a, b) in zip(out, spans, strict=True):
            cue_here = [g for g in item.gold if g.cue and a <= g.cue[0][0] < b]
            near = cue_here + [g for g in item.gold if g not in cue_here and _overlaps(g.content, a, b)]
            for g in cue_here:
                if g.speech and g.named:
                    named += 1
                    if s.speaker and speaker_matches(s.speaker, g):
                        found += 1
                    elif keep_mistakes:
                        mistakes.append(
                            {"kind": "missed", "sentence": s.text, "source": g.source_text, "speaker": str(s.speaker)}
                        )
            if not s.speaker:
                continue
            attributed += 1
            judged, strict = verdict(s.speaker, near, tokens)
            counts[judged, False] += 1
            counts[strict, True] += 1
            if judged == WRONG and keep_mistakes:
                sources = "; ".join(f"{g.source_text} [{g.silver}]" for g in near) or "-"
                mistakes.append({"kind": "wrong", "sentence": s.text, "source": sources, "speaker": s.speaker})
    return Scores(
        len(items),
        n_sent,
        attributed,
        counts[RIGHT, False],
        counts[WRONG, False],
        counts[UNSCORABLE, False],
        named,
        found,
        seconds,
        tuple(errors),
        tuple(mistakes),
        counts[RIGHT, True],
        counts[WRONG, True],
        counts[UNSCORABLE, True],
    )
