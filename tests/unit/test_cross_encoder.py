"""The shipped cross-encoder (index/rerank/cross_encoder.py) as the feature reranker calls it."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from index.errors import VerbatimError
from index.rerank.cross_encoder import Reranker, passage
from index.rerank.features_model import CROSS_ENCODER_DIR
from index.rerank.model import BUNDLED_MODEL

CROSS = BUNDLED_MODEL / CROSS_ENCODER_DIR
QUESTION = "Who won the Australian Open?"
ANSWER = "Marat Safin won the Australian Open on Sunday, beating Lleyton Hewitt in four sets."
TOPIC = "Four-time champion Andre Agassi began what could be his last Australian Open with a convincing win."
# Far longer than the others: scored in one padded batch, its padding and its range of
# activations changed the int8 graph's logits of its neighbours.
LONG = (
    "The tournament, which organisers said drew record crowds to Melbourne Park over the fortnight "
    "despite temperatures above forty degrees on several days, also saw the return of night "
    "sessions on the outside courts, a change players had long asked for, and a new roof."
)


@pytest.fixture(scope="module")
def cross() -> Reranker:
    return Reranker(CROSS)


def test_the_sentence_that_answers_scores_above_the_one_that_shares_the_topic(cross: Reranker) -> None:
    answer, topic = cross.logits(QUESTION, [ANSWER, TOPIC])
    assert answer > topic


def test_a_sentence_scores_the_same_whatever_it_is_scored_with(cross: Reranker) -> None:
    alone = [float(cross.logits(QUESTION, [s])[0]) for s in (ANSWER, TOPIC, LONG)]
    together = cross.logits(QUESTION, [ANSWER, TOPIC, LONG, ANSWER])
    reversed_order = cross.logits(QUESTION, [LONG, TOPIC, ANSWER])
    assert list(together) == [alone[0], alone[1], alone[2], alone[0]]
    assert list(reversed_order) == [alone[2], alone[1], alone[0]]


def test_every_cpu_gives_the_logits_the_feature_reranker_was_fitted_to(cross: Reranker) -> None:
    # The logits ltr.json was fitted to, on a CPU with AVX-VNNI (with them an AVX2-only CPU gives
    # every figure of docs/RERANKER.md again). On an AVX2-only CPU the weights stored signed gave
    # 4.097 / 3.075 / -4.501 and 0.640 for the Geneva sentence (scripts/rerankkit/unsigned.py), and
    # the sample article's "Who met in Geneva?" was declined.
    geneva = (
        "The NATO-Russia Council meeting on January 12 follows bilateral talks between the United States "
        "and Russia in Geneva on January 10."
    )
    logits = [*cross.logits(QUESTION, [ANSWER, TOPIC, LONG]), *cross.logits("Who met in Geneva?", [geneva])]
    assert logits == pytest.approx([4.100, 2.878, -4.524, 1.360], abs=0.01)


def test_one_thread_or_several_give_the_same_scores(cross: Reranker) -> None:
    sentences = [ANSWER, TOPIC, LONG]
    assert list(Reranker(CROSS, threads=1).logits(QUESTION, sentences)) == list(cross.logits(QUESTION, sentences))


def test_no_sentences_is_no_scores(cross: Reranker) -> None:
    assert cross.logits(QUESTION, []).shape == (0,)


def test_another_graph_with_the_same_inputs_can_be_scored(tmp_path: Path, cross: Reranker) -> None:
    other = tmp_path / "other.onnx"
    shutil.copyfile(CROSS / "model.onnx", other)
    assert np.array_equal(
        Reranker(CROSS, model_file=other).logits(QUESTION, [ANSWER]), cross.logits(QUESTION, [ANSWER])
    )


def test_a_model_folder_that_lacks_files_or_threads_is_refused(tmp_path: Path) -> None:
    (tmp_path / "model.onnx").write_bytes(b"not a model")
    with pytest.raises(VerbatimError, match=r"lacks tokenizer\.json, config\.json"):
        Reranker(tmp_path)
    with pytest.raises(VerbatimError, match="at least one thread"):
        Reranker(CROSS, threads=0)
    for name in ("tokenizer.json", "config.json"):
        shutil.copyfile(CROSS / name, tmp_path / name)
    with pytest.raises(VerbatimError, match="Could not load the reranker model"):
        Reranker(tmp_path)


def test_a_passage_puts_the_candidate_first_and_the_sentence_before_after_it(cross: Reranker) -> None:
    assert passage(ANSWER, "") == ANSWER
    assert passage(ANSWER, TOPIC) == f"{ANSWER} [SEP] {TOPIC}"
    # Cut to max_length, a long passage loses the end of the sentence before, never the candidate's words.
    tokens = cross._tokenizer.encode(QUESTION, passage(ANSWER, LONG * 3)).tokens
    assert len(tokens) == cross.max_length and "hewitt" in tokens and tokens.count("[SEP]") == 3
    assert not cross.reads_context  # the shipped model reads the sentence alone
