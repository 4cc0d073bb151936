"""Whom "he" or "she" means in one sentence of an article: the nearest person of that gender,
by rules tried on PolNeAR train (``resolve_pronoun``); "they"/"it" only an organisation that
spoke just before."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from index.attribution.subjects import Claim
from index.attribution.vocabulary import PRONOUNS, SPEAKER_LOOKBACK, TOPIC_LOOKBACK


def resolve_pronoun(
    c: Claim,
    i: int,
    here: list[tuple[int, str]],
    speakers: list[str | None],
    mentioned: list[list[tuple[int, str]]],
    gender_of: Callable[[str], str | None],
    is_person: Callable[[str], bool],
    firm: Mapping[str, str] | None = None,
) -> str | None:
    """The person "he"/"she" means, or the organisation "they"/"it" means; None when unsure.

    Candidates, in order: people named earlier in the same sentence (the subject first), the
    previous sentence's speaker, then the people the previous sentence names (the subject
    first). Only candidates whose gender does not contradict the pronoun count (unknown gender
    counts). The first wins if it is the only such person or the previous sentence's speaker
    (speech runs on: '"...," Smith said. / "...," he added.') or the previous sentence's first
    name, whose gender the article shows to be the pronoun's (``_subject_before``); else, with
    two or more, the pronoun is left unresolved. When nobody near fits, a speaker of that gender
    just before, else the one person of that gender in the few sentences before, or the one
    named nearest (``_only_one_of_gender``). Looking further back for anyone, or preferring a
    known gender over nearness, named the wrong person more often than the right one on PolNeAR
    train.
    """
    want = PRONOUNS[c.value]
    if want not in ("m", "f"):
        # "they"/"it": only an organisation that spoke just before ("the ministry said ... it added").
        for k in range(i - 1, max(-1, i - 3), -1):
            sp = speakers[k]
            if sp and gender_of(sp) == "n":
                return sp
        return None
    running = speakers[i - 1] if i else None
    candidates = [name for idx, name in here if idx < c.index]
    if running:
        # a lone word of no known gender does not stand between speech and its running speaker
        # ("But when it comes to Carrier, '...,' he said.", "Compaq, she predicted, would come")
        candidates = [n for n in candidates if " " in n or gender_of(n) is not None] + [running]
    if i:
        candidates.extend(name for _, name in mentioned[i - 1])
    fitting = _who_fit(candidates, want, gender_of, is_person)
    if not fitting:
        # Nobody near fits: a speaker of that very gender a little earlier, as in alternating
        # quotes ('"...," Wendy Sherman said. / "...," Sergei Ryabkov said. / "...," she added.').
        earlier = (sp for k in range(i - 2, max(-1, i - 1 - SPEAKER_LOOKBACK), -1) if (sp := speakers[k]))
        spoke = next((sp for sp in earlier if gender_of(sp) == want), None)
        return spoke or _only_one_of_gender(i, want, speakers, mentioned, gender_of, is_person, firm or {})
    if (
        len(fitting) > 1
        and fitting[0] != running
        and not _subject_before(fitting[0], i, running, mentioned, want, gender_of, is_person)
    ):
        return None
    return fitting[0]


def _only_one_of_gender(
    i: int,
    want: str,
    speakers: list[str | None],
    mentioned: list[list[tuple[int, str]]],
    gender_of: Callable[[str], str | None],
    is_person: Callable[[str], bool],
    firm: Mapping[str, str],
) -> str | None:
    """The person "he"/"she" means when the sentence before names no one who fits: the one person
    the ``TOPIC_LOOKBACK`` sentences before that name or give voice to who may be of the pronoun's
    gender (of several, the one named nearest: ``_nearest_fitting``), when the article shows that
    gender by a first name or a title, or they spoke before. "Ben Carson spoke in Iowa. / The
    crowd cheered. / The hall was full. / "...," he said." is Carson's; "Mark Cuban ... says he's
    open to running. / Pushed by host Chuck Todd ..., Cuban demurred. / "...," he said." is
    nobody's, as Todd and Cuban both fit. On the 1,189 articles of PolNeAR and Wikinews about 90
    sentences, nearly all right; looking two sentences back instead of three named the wrong one
    more often, four named fewer. The nearest of several named 40 more, 38 of them right."""
    window: list[str] = []
    for k in range(i - 2, max(-1, i - 2 - TOPIC_LOOKBACK), -1):
        if sp := speakers[k]:
            window.append(sp)
        window.extend(name for _, name in mentioned[k])
    fitting = _who_fit(window, want, gender_of, is_person)
    if len(fitting) > 1:
        fitting = _nearest_fitting(i, want, speakers, mentioned, gender_of, is_person)
    if len(fitting) != 1 or gender_of(one := fitting[0]) != want:
        return None
    return one if firm.get(one) == want or one in speakers[:i] else None


def _nearest_fitting(
    i: int,
    want: str,
    speakers: list[str | None],
    mentioned: list[list[tuple[int, str]]],
    gender_of: Callable[[str], str | None],
    is_person: Callable[[str], bool],
) -> list[str]:
    """Those who may be the "he"/"she" of sentence ``i`` in the nearest sentence before it that
    names any, looking past sentences in which nobody speaks: "Schiff called on the administration
    to ... / That could include indicting the hackers ... / "...," he said." is Schiff's, though
    Obama spoke four sentences before. A person who speaks and does not fit ends the search
    ('"...," she said. / Six newspapers said he isn't fit': not whoever is named before her)."""
    for k in range(i - 1, max(-1, i - 2 - TOPIC_LOOKBACK), -1):
        names = ([sp] if (sp := speakers[k]) else []) + [name for _, name in mentioned[k]]
        fits = _who_fit(names, want, gender_of, is_person)
        if fits or (sp and is_person(sp)):
            return fits
    return []


def _who_fit(
    names: Iterable[str], want: str, gender_of: Callable[[str], str | None], is_person: Callable[[str], bool]
) -> list[str]:
    """The people of ``names``, once each in order, whose gender does not contradict ``want``."""
    return list(dict.fromkeys(n for n in names if is_person(n) and gender_of(n) in (want, None)))


def _subject_before(
    first: str,
    i: int,
    running: str | None,
    mentioned: list[list[tuple[int, str]]],
    want: str,
    gender_of: Callable[[str], str | None],
    is_person: Callable[[str], bool],
) -> bool:
    """Whether "he"/"she" takes ``first``, the person the previous sentence names first (a place
    before it aside), over
    others who fit: ``first`` fits first (nobody who fits is named before the pronoun in its own
    sentence), nobody speaks on, and the article shows ``first``'s gender to be the pronoun's
    ("One superdelegate, Alabama Democratic Party chairwoman Nancy Worley, pledged her vote to
    Clinton ... / "We really need to bring a close to this primary process," she said.": Worley,
    though Clinton is a "she" too). On PolNeAR train that attributed 100 more sentences right
    and 27 wrong; read one by one, most of those 27 are right and PolNeAR's silver label of whom
    the annotated "he" means is not ('"He has absolutely zero military experience," he said.',
    said of Trump, is labelled Trump's)."""
    if running or not i:
        return False
    # Places before the subject do not count ("Speaking in Salem, N.H., Trump went after Bush"),
    # a word opening the sentence does ("Preceded by Joe Arpaio, ..., Trump launched": not Arpaio).
    named = next((name for idx, name in mentioned[i - 1] if is_person(name) or idx == 0), None)
    return named == first and gender_of(first) == want
