"""The speaker index: the same speakers, in the same order, as the old linear matcher, fast.

``reference_match_speaker`` (tests/speaker_reference.py) is the matcher Verbatim used before
``SpeakerIndex``; every test here that compares with it checks the index returns exactly what a
user got before, only without reading every speaker for every question.
"""

from __future__ import annotations

import random
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from index.embedding.models import Embedder
from index.search.name_words import name_words
from index.search.searcher import Searcher
from index.search.speakers import SpeakerIndex, typo_distance
from index.search.speech import match_speaker
from tests.speaker_reference import reference_match_speaker

# A small alphabet makes near-misses, shared words and written-together collisions common, which
# is where an index could go wrong; "é" and "’s" exercise accents and possessives.
_LETTERS = "abdeikmnorsté"
_TITLES = ["Mr", "Kremlin", "spokesman", "Foreign", "Minister", "the", "White", "House"]

words = st.text(alphabet=_LETTERS, min_size=1, max_size=11)
speaker_names = st.one_of(
    st.lists(words, min_size=1, max_size=4).map(lambda ws: " ".join(w.capitalize() for w in ws)),
    st.tuples(words, words).map(lambda ab: f"{ab[0].capitalize()}’s {ab[1].capitalize()} Ministry"),
    st.sampled_from(["", "the", "Kremlin", "The White House", "José Manuel Albares", "Ukraine’s Foreign Ministry"]),
)
speaker_lists = st.lists(speaker_names, min_size=0, max_size=25)


def _typo(word: str, draw_choice: st.DataObject) -> str:
    """``word`` with one random edit: a letter dropped, added, changed, or two swapped."""
    if not word:
        return word
    at = draw_choice.draw(st.integers(0, len(word) - 1))
    kind = draw_choice.draw(st.sampled_from(["drop", "add", "change", "swap"]))
    letter = draw_choice.draw(st.sampled_from(_LETTERS))
    if kind == "drop":
        return word[:at] + word[at + 1 :]
    if kind == "add":
        return word[:at] + letter + word[at:]
    if kind == "change":
        return word[:at] + letter + word[at + 1 :]
    return word[:at] + word[at + 1 : at + 2] + word[at] + word[at + 2 :] if at + 1 < len(word) else word


@st.composite
def asked_names(draw: st.DrawFn, speakers: list[str]) -> str:
    """A name a user might type about ``speakers``: part of one, typo'd, joined, titled, or none."""
    data = draw(st.data())
    source = [w for w in (draw(st.sampled_from(speakers)) if speakers else "").split() if w]
    if not source or (draw(st.booleans()) and draw(st.booleans())):
        return draw(st.one_of(speaker_names, st.text(max_size=20), words))
    picked = draw(st.lists(st.sampled_from(source), min_size=1, max_size=len(source)))
    edits = draw(st.integers(0, 3))
    for _ in range(edits):
        k = draw(st.integers(0, len(picked) - 1))
        picked[k] = _typo(picked[k], data)
    form = draw(st.sampled_from(["spaced", "joined", "titled", "lower", "possessive"]))
    if form == "joined":
        return "".join(picked)
    if form == "titled":
        return " ".join(draw(st.lists(st.sampled_from(_TITLES), min_size=1, max_size=2)) + picked)
    if form == "lower":
        return " ".join(picked).lower()
    if form == "possessive":
        return " ".join(picked) + "'s"
    return " ".join(picked)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), speakers=speaker_lists)
def test_the_index_returns_exactly_what_the_linear_matcher_returned(data: st.DataObject, speakers: list[str]) -> None:
    index = SpeakerIndex(speakers)
    for _ in range(5):
        name = data.draw(asked_names(speakers))
        assert index.match(name) == reference_match_speaker(name, speakers), name


@settings(max_examples=300, deadline=None)
@given(a=st.text(alphabet=_LETTERS, max_size=12), b=st.text(alphabet=_LETTERS, max_size=12))
def test_a_one_word_index_finds_every_word_within_its_typo_limit(a: str, b: str) -> None:
    # The deletion-variant filter must never lose a word the edit distance would accept.
    if a and b:
        assert match_speaker(a, [b]) == reference_match_speaker(a, [b])
        assert match_speaker(a, [f"{b} {a[::-1]}"]) == reference_match_speaker(a, [f"{b} {a[::-1]}"])


def test_many_speakers_and_questions_agree_with_the_linear_matcher() -> None:
    """A thousand realistic speakers sharing first names and surnames, 150 names asked."""
    rng = random.Random(7)
    firsts = ["Anna", "Dmitry", "Julianne", "Wendy", "Sergei", "Jens", "Maria", "José", "Olena", "Li"]
    syllables = ["pes", "kov", "smi", "th", "sher", "man", "ku", "le", "ba", "ryab", "stol", "ten", "berg", "o"]
    speakers = ["Dmitry Peskov", "Julianne Smith", "Kremlin", "Ukraine’s Foreign Ministry"]
    while len(speakers) < 1000:
        surname = "".join(rng.choice(syllables) for _ in range(rng.randint(1, 3))).capitalize()
        speakers.append(f"{rng.choice(firsts)} {surname}" if rng.random() < 0.85 else surname)
    index = SpeakerIndex(speakers)
    for _ in range(150):
        words_of = rng.choice(speakers).split()
        name = " ".join(rng.sample(words_of, rng.randint(1, len(words_of))))
        if rng.random() < 0.5:
            at = rng.randrange(len(name))
            name = name[:at] + rng.choice("aeiouvwk") + name[at + 1 :]
        if rng.random() < 0.2:
            name = "Kremlin spokesman " + name
        if rng.random() < 0.1:
            name = name.replace(" ", "")
        assert index.match(name) == reference_match_speaker(name, speakers), name


# -- the rules, one by one (match_speaker's docstring) --------------------------------------------

SPEAKERS = [
    "Dmitry Peskov",
    "Julianne Smith",
    "Adam Smith",
    "Jane Smyth",
    "Wendy Sherman",
    "Kremlin",
    "White House",
    "Ann House",
    "José Manuel Albares",
    "Ukraine’s Foreign Ministry",
    "Xi Jinping",
    "State Department",
    "Larry David",
]


@pytest.fixture(scope="module")
def speakers() -> SpeakerIndex:
    return SpeakerIndex(SPEAKERS)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Peskov", ["Dmitry Peskov"]),  # a surname alone
        ("peskow", ["Dmitry Peskov"]),  # one typo in a word of up to 6 letters
        ("Julianne Smit", ["Julianne Smith"]),
        ("Sheermann", ["Wendy Sherman"]),  # two typos in a longer word
        ("Shrmn", []),  # three is too many
        ("Xi", ["Xi Jinping"]),
        ("Xu", []),  # no typo in words of up to 3 letters
        ("juliannesmith", ["Julianne Smith"]),  # written together
        ("xijinpeng", ["Xi Jinping"]),  # written together, with a typo
        ("Kremlin spokesman Peskov", ["Dmitry Peskov"]),  # titles dropped when the full name matches nobody
        ("Mr. Peskov", ["Dmitry Peskov"]),
        ("White House", ["White House"]),  # ... and kept when it matches someone
        ("the Kremlin", ["Kremlin"]),
        ("the State Department", ["State Department"]),
        ("the Justice Department", []),  # an institution left without its title word is no one
        ("Peskov's", ["Dmitry Peskov"]),
        ("ukraine's foreign ministry", ["Ukraine’s Foreign Ministry"]),
        ("Jose Albares", ["José Manuel Albares"]),  # accents
        ("Smith Smith", []),  # every word needs a different speaker word
        ("Macron", []),
        ("David Duke", []),  # a surname that is also a title is no title: not "Larry David"
        ("", []),
        ("the", []),
    ],
)
def test_rules(speakers: SpeakerIndex, name: str, expected: list[str]) -> None:
    assert speakers.match(name) == expected
    assert reference_match_speaker(name, SPEAKERS) == expected


def test_exact_matches_beat_typo_matches_and_ties_come_alphabetically(speakers: SpeakerIndex) -> None:
    assert speakers.match("Smith") == ["Adam Smith", "Julianne Smith"]  # "Smyth" has a typo: left out
    assert speakers.match("Smyth") == ["Jane Smyth"]
    assert speakers.match("Smit") == ["Adam Smith", "Julianne Smith"]  # "Smyth" is two typos away


def test_fewer_typos_come_first() -> None:
    index = SpeakerIndex(["Anne Petrova", "Zara Anne Petrov", "Anna Petrova"])
    # "Anna Petrova": one typo, "Zara Anne Petrov": one, "Anne Petrova": two.
    assert index.match("anna petrov") == ["Anna Petrova", "Zara Anne Petrov", "Anne Petrova"]


def test_duplicates_and_empty_speakers_are_ignored() -> None:
    index = SpeakerIndex(["Dmitry Peskov", "", "Dmitry Peskov", "!!", "Peskov"])
    assert len(index) == 3  # distinct, non-empty strings ("!!" has no words: never matched)
    assert index.match("Peskov") == ["Dmitry Peskov", "Peskov"]
    assert SpeakerIndex([]).match("Peskov") == []


def test_one_index_answers_many_names(speakers: SpeakerIndex) -> None:
    for name in ["Peskov", "Sherman", "Macron", "peskow", "Sherman"]:
        assert speakers.match(name) == reference_match_speaker(name, SPEAKERS)


def test_words_are_compared_casefolded_without_accents_or_possessives() -> None:
    assert name_words("The Kremlin’s José") == ["kremlin", "jose"]
    assert name_words("ANNA-MARIA O'Neil's") == ["anna", "maria", "o", "neil"]
    assert typo_distance("peskov", "pesokv", 2) == 1  # swapped neighbours are one typo
    assert typo_distance("peskov", "smith", 1) == 2  # beyond the limit: limit + 1


# -- the searcher keeps one index -----------------------------------------------------------------


def test_the_searcher_builds_its_speaker_index_once_for_concurrent_questions(
    sample_index: Path, embedder: Embedder
) -> None:
    searcher = Searcher.open(sample_index, embedder=embedder)
    try:
        built: list[SpeakerIndex] = []
        threads = [threading.Thread(target=lambda: built.append(searcher.speaker_index())) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(built) == 8 and all(index is built[0] for index in built)
        assert searcher.speakers_asked("What did peskow say about the deadline?") == ["Dmitry Peskov"]
        answer = searcher.answer("what did Kremlin spokesman Peskov say?")
        assert answer.hits and all(hit.speaker == "Dmitry Peskov" for hit in answer.hits)
    finally:
        searcher.close()
