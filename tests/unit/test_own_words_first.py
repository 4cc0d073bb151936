"""A speaker's own words come before the sentence of theirs that introduces them: "What did Levin
say about the superdelegates?" shows his quotation, not the sentence saying who he is
(speech_answer.py, ``own_words_first``)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from index.embedding.models import Embedder
from index.search.speech_answer import own_words_first
from index.store.metadata import StoredSentence
from index.types import Sentence
from tests.support import searcher_over

ARTICLES = [
    {
        "id": "delegates",
        "title": "Superdelegates stand by Clinton",
        "published": "2016-05-20",
        "text": "\n\n".join(
            [
                "Party leaders met in Washington on Thursday.",
                "Rep. Sander M. Levin, a superdelegate supporting Clinton, said he has spoken with many "
                'fellow superdelegates. "The reality is that the overwhelming number who are committed to '
                'her did so because they think she will be the strongest president," Levin said.',
                "Levin also said the convention in Philadelphia would be calm.",
            ]
        ),
    }
]


def test_the_speakers_quotation_comes_before_its_introduction(tmp_path: Path, embedder: Embedder) -> None:
    searcher = searcher_over(ARTICLES, tmp_path, embedder)
    answer = searcher.answer("What did Levin say about the superdelegates backing Clinton?")
    assert not answer.declined, answer.reason
    shown = [h.sentence for h in answer.hits]
    assert shown[0].startswith('"The reality is that the overwhelming number')
    assert shown[1].startswith("Rep. Sander M. Levin, a superdelegate supporting Clinton")
    searcher.close()


def _stored(*quotes: tuple[str, str | None, int]) -> list[StoredSentence]:
    return [
        StoredSentence(row, Sentence("a", 0, position, 0, len(text), text, speaker=speaker))
        for row, (text, speaker, position) in enumerate(quotes)
    ]


def test_only_a_quotation_right_after_the_same_speakers_introduction_is_lifted() -> None:
    stored = _stored(
        ("Levin, a superdelegate, said he spoke with many of them.", "Levin", 1),
        ('"They are committed to her," he said.', "Levin", 2),  # lifted above position 1
        ("Smith said the count was wrong.", "Smith", 4),
        ('"They are not," Levin said.', "Levin", 5),  # after Smith's sentence: not lifted
        ('"We will win," Levin said.', "Levin", 6),  # after a quotation: not lifted
        ("Levin added that he was tired.", "Levin", 7),  # no quotation: not lifted
    )
    relevance = np.array([0.9, 0.5, 0.8, 0.1, 0.05, 0.01])
    about = np.array([True, False, True, False, False, False])
    lifted, on_topic = own_words_first(stored, relevance, about)
    assert lifted[1] > lifted[0] and on_topic[1]
    assert list(lifted[2:]) == list(relevance[2:]) and list(on_topic[2:]) == list(about[2:])
    # A quotation already above its introduction keeps its own score.
    higher = np.array([0.2, 0.7, 0.8, 0.1, 0.05, 0.01])
    assert own_words_first(stored, higher, about)[0][1] == pytest.approx(0.7)
