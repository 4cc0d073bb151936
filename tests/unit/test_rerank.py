"""Reranking (index/rerank/, index/search/feature_rerank.py): what a user notices when the shipped
feature reranker scores the best hits (declining on its probability, reordering when asked), when
it is switched off or missing, and how copies of one sentence in several articles are shown once
(real model, real indexes)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.settings import Settings, load_settings
from index.embedding.models import Embedder
from index.rerank.model import BUNDLED_MODEL, AnyReranker, load_reranker
from index.search.hits import near_duplicates
from index.search.searcher import AnswerPolicy, Searcher
from tests.support import searcher_over

# The dense top-1 of "Who won the Australian Open?" shares the topic, not the answer (issue 15).
TENNIS = [
    {
        "id": "agassi",
        "title": "Agassi starts what may be his last Australian Open",
        "text": "\n\n".join(
            [
                "Four-time champion Andre Agassi began what could be his last Australian Open with a convincing "
                "win over Taylor Dent in Melbourne.",
                "Agassi, 34, said his back had held up well in the heat.",
            ]
        ),
    },
    {
        "id": "final",
        "title": "Safin takes the title in Melbourne",
        "text": "\n\n".join(
            [
                "Marat Safin beat local favourite Lleyton Hewitt in four sets to claim the men's title at "
                "Melbourne Park.",
                "It was the Russian's second Grand Slam title, five years after his first at the US Open.",
                "Tickets for the final sold out within two hours.",
            ]
        ),
    },
]

# A real case: TrecQA dev's question "What is Crips' gang color?" and its first eight candidate
# sentences (../shared/eval/trecqa: TREC questions, AQUAINT newswire); the first answers it.
# Asked in lower case, as typed in a hurry: it names nothing, so the reranker alone orders the
# hits (a question naming the Crips would have their articles first: index/search/naming.py).
# Names nothing: an article naming what is asked would come first whatever its probability (naming.py).
CRIPS_QUESTION = "what is the signature color of the gang?"
CRIPS = [
    "Prosecutors said the '' rampage of murder and mayhem '' was carried out with bullets that had been painted blue , the Crips ' signature color .",
    "Two men were convicted Monday of abducting and killing two young women and wounding a third woman as part of a gang initiation .",
    "Prosecutors said Queen , Tirado and other members of the Crips gang randomly picked the women as part of an initiation ritual in <num> .",
    "ROUND ROCK , Texas _ Fearful that a gang called the Bloods would terrorize the town and her students , too , the principal of Round Rock High School decided one day to ban the color red .",
    "Red was the gang 's color , said Sherry Blackett , the new principal of the town 's largest high school .",
    "Red was the color of violence .",
    "Red was a color she connected with the town 's first drive -by shooting late last month , the vandalism of a school art project one week later and frequent fights among students .",
    "`` I 'm trying to create an environment that will not allow gangs to flourish , so I banned the color red , '' she said .",
]

COPIES = [
    {
        "id": "wire",
        "title": "Port Ellis opens ferry terminal",
        "text": "The new ferry terminal in Port Ellis opened on Monday after three years of building work. "
        "It cost 48 million euros.",
    },
    {
        "id": "wire-update",
        "title": "Port Ellis ferry terminal opens (updated)",
        "text": "The new ferry terminal in Port Ellis opened Monday after three years of building work! "
        "It cost 48 million euros.",
    },
    {
        "id": "wire-copy",
        "title": "PORT ELLIS OPENS FERRY TERMINAL",
        "text": "“The new ferry terminal in Port Ellis opened on Monday after three years of building work.” "
        "It cost 48 million euros.",
    },
    {
        "id": "other",
        "title": "Harbour traffic",
        "text": "Harbour traffic in Port Ellis doubled after the terminal opened. "
        "The old ferry terminal in Port Ellis will be turned into a museum.",
    },
]


@pytest.fixture(scope="module")
def tennis(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("tennis")
    searcher_over(TENNIS, folder, embedder).close()
    yield folder / "index"


# -- what the reranker changes ----------------------------------------------------------------


def _both(tennis: Path, embedder: Embedder, reranker: AnyReranker) -> tuple[Searcher, Searcher]:
    on = Searcher.open(tennis, embedder=embedder, policy=AnswerPolicy(rerank=True), reranker=reranker)
    off = Searcher.open(tennis, embedder=embedder, policy=AnswerPolicy(rerank=False))
    return on, off


def test_the_reranker_orders_the_hits_by_its_probability_only_when_it_is_sure_enough(
    tmp_path: Path, embedder: Embedder, reranker: AnyReranker
) -> None:
    articles = [{"id": f"s{i}", "title": f"s{i}", "text": text} for i, text in enumerate(CRIPS)]
    searcher_over(articles, tmp_path, embedder).close()
    index_dir = tmp_path / "index"

    def opened(policy: AnswerPolicy) -> Searcher:
        return Searcher.open(index_dir, embedder=embedder, policy=policy, reranker=reranker)

    off = Searcher.open(index_dir, embedder=embedder, policy=AnswerPolicy(rerank=False))
    kept_order = opened(AnswerPolicy(rerank_reorder=False))
    always = opened(AnswerPolicy(rerank_reorder_margin=0.0))
    default = opened(AnswerPolicy())
    try:
        assert AnswerPolicy().rerank_reorder and AnswerPolicy().rerank_reorder_margin > 0
        ranking = off.answer(CRIPS_QUESTION)
        assert ranking.hits[0].sentence.startswith("Prosecutors said")  # blue, the Crips' color
        # Not reordering, the reranker scores the hits (its probabilities) in the ranking's order.
        kept = kept_order.answer(CRIPS_QUESTION)
        assert [h.row for h in kept.ranked] == [h.row for h in ranking.ranked]
        assert all(0.0 < h.score < 1.0 for h in kept.ranked)
        depth = AnswerPolicy().rerank_depth
        probability = {h.row: h.score for h in kept.ranked[:depth]}
        # Always reordering: the same five, most probable first, with the same probabilities.
        head = always.answer(CRIPS_QUESTION).ranked[:depth]
        assert {h.row for h in head} == set(probability)
        assert [h.score for h in head] == sorted(probability.values(), reverse=True)
        assert [h.row for h in head] != [h.row for h in ranking.ranked[:depth]]
        # By default only a most probable hit clearly above the ranking's first overturns it; here
        # the first is the most probable, so it stays first, the others after it by probability.
        assert max(probability.values()) == probability[ranking.ranked[0].row]
        answer = default.answer(CRIPS_QUESTION)
        assert answer.ranked[0].row == ranking.ranked[0].row
        assert [h.score for h in answer.ranked[1:depth]] == sorted(
            (p for row, p in probability.items() if row != ranking.ranked[0].row), reverse=True
        )
        assert not answer.declined and answer.hits[0].sentence.startswith("Prosecutors said")
    finally:
        for searcher in (off, kept_order, always, default):
            searcher.close()


def test_a_question_about_the_stories_that_they_do_not_answer_is_declined(
    tennis: Path, embedder: Embedder, reranker: AnyReranker
) -> None:
    on, off = _both(tennis, embedder, reranker)
    try:
        question = "Where was Safin born?"
        assert not off.answer(question).declined  # the ranking alone answers it with a wrong sentence
        answer = on.answer(question)
        assert answer.declined and not answer.hits
        assert answer.reason.startswith("The best sentence scores")
        assert answer.nearest is not None  # still there for "Show nearest"
        # A figure question whose best sentence counts something else ("four sets", "two hours")
        # is declined with the reranker or without it (decline.py, lacks_asked_unit).
        for searcher in (on, off):
            prize = searcher.answer("How much prize money did Safin win?")
            assert prize.declined and prize.reason == "The best sentence gives no figure of what the question counts."
        # ... while what they do say is answered.
        beaten = on.answer("Who did Safin beat in the final?")
        assert not beaten.declined and beaten.hits[0].sentence.startswith("Marat Safin beat local favourite")
    finally:
        on.close()
        off.close()


def test_speech_questions_and_short_searches_are_not_reranked(
    tennis: Path, embedder: Embedder, reranker: AnyReranker
) -> None:
    on, off = _both(tennis, embedder, reranker)
    try:
        for asked in ("What did Agassi say?", "Australian Open"):
            assert on.answer(asked) == off.answer(asked), asked
    finally:
        on.close()
        off.close()


def test_a_question_its_words_alone_decline_is_answered_exactly_as_without_the_reranker(
    tennis: Path, embedder: Embedder, reranker: AnyReranker
) -> None:
    # No score can overturn these declines, so the reranker is not run for them at all: the
    # answer (its nearest sentence and ranked hits too) is the ranking's own.
    on, off = _both(tennis, embedder, reranker)
    try:
        for asked, reason in (
            ("Who won the Wimbledon title in 2004?", "No article mentions Wimbledon."),
            ("Quelle heure est-il?", "No article uses any word of the question."),
        ):
            answer = on.answer(asked)
            assert answer.declined and answer.reason == reason, asked
            assert answer == off.answer(asked), asked
        # A question the articles' words do cover is still scored by the reranker.
        covered = "How much prize money did Safin win?"
        assert on.answer(covered) != off.answer(covered)
    finally:
        on.close()
        off.close()


# -- switched off, or missing ---------------------------------------------------------------------


def test_a_missing_model_directory_answers_without_reranking_and_says_so_once(
    tennis: Path, embedder: Embedder, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    missing = tmp_path / "no-model"
    with caplog.at_level(logging.INFO, logger="index.rerank.model"):
        searcher = Searcher.open(tennis, embedder=embedder, policy=AnswerPolicy(rerank=True), rerank_model=missing)
    try:
        assert searcher.reranker is None
        notes = [r for r in caplog.records if "without the reranker" in r.getMessage()]
        assert len(notes) == 1 and notes[0].levelno == logging.INFO and str(missing) in notes[0].getMessage()
        plain = Searcher.open(tennis, embedder=embedder, policy=AnswerPolicy(rerank=False))
        try:
            question = "Who won the Australian Open?"
            assert searcher.answer(question) == plain.answer(question)
        finally:
            plain.close()
    finally:
        searcher.close()


def test_a_broken_model_directory_is_no_crash_either(tmp_path: Path) -> None:
    for name in ("model.onnx", "tokenizer.json", "config.json"):
        (tmp_path / name).write_text("not a model", encoding="utf-8")
    assert load_reranker(tmp_path) is None


def test_rerank_off_is_the_ranking_alone(tennis: Path, embedder: Embedder, reranker: AnyReranker) -> None:
    off = Searcher.open(tennis, embedder=embedder, policy=AnswerPolicy(rerank=False), reranker=reranker)
    try:
        assert off.reranker is None
        answer = off.answer("Who won the Australian Open?")
        # The ranking's own order and scores: what search() gives, untouched.
        assert [h.row for h in answer.ranked] == [h.row for h in off.search("Who won the Australian Open?")]
        assert [h.score for h in answer.ranked] == [h.score for h in off.search("Who won the Australian Open?")]
    finally:
        off.close()


def test_verbatim_rerank_and_its_flag_and_model_setting() -> None:
    assert Settings.from_env({}).rerank is True  # on: declining reads its probability (docs/RERANKER.md)
    assert Settings.from_env({}).rerank_model is None
    assert Settings.from_env({"VERBATIM_RERANK": "on"}).rerank is True
    env = {"VERBATIM_RERANK": "OFF", "VERBATIM_RERANK_MODEL": "/models/ce"}
    assert Settings.from_env(env).rerank is False
    assert Settings.from_env(env).rerank_model == Path("/models/ce")
    assert load_settings(["--rerank", "on"], env).rerank is True
    assert load_settings(["--rerank", "off"], {}).rerank is False
    with pytest.raises(Exception, match="VERBATIM_RERANK must be 'on' or 'off'"):
        Settings.from_env({"VERBATIM_RERANK": "maybe"})


# -- the same sentence in several articles --------------------------------------------------------


def test_copies_of_a_sentence_across_articles_are_one_hit_with_every_source(tmp_path: Path, embedder: Embedder) -> None:
    searcher = searcher_over(COPIES, tmp_path, embedder)
    try:
        question = "When did the new ferry terminal in Port Ellis open?"
        for hits in (searcher.search(question, k=5), list(searcher.answer(question).ranked)):
            opened = [h for h in hits if "opened" in h.sentence and "three years" in h.sentence]
            assert len(opened) == 1, [h.sentence for h in hits]
            assert {s.article_id for s in opened[0].sources} == {"wire", "wire-update", "wire-copy"}
            # A sentence that only looks alike (the old terminal, a museum) stays a hit of its own.
            assert any("museum" in h.sentence for h in hits)
            # The same words in three articles: one hit.
            assert len([h for h in hits if "48 million" in h.sentence]) == 1
    finally:
        searcher.close()


def test_what_counts_as_nearly_the_same_sentence() -> None:
    def words(text: str) -> frozenset[str]:
        return frozenset(text.casefold().replace(".", "").split())

    same = words("The terminal opened on Monday after three years of work.")
    assert near_duplicates(same, words("The terminal opened Monday after three years of work."))
    assert not near_duplicates(same, words("The old terminal will be a museum after three years."))
    assert not near_duplicates(words("Shares rose 5% on Monday in Tokyo."), words("Shares fell 7% on Friday in Tokyo."))


def test_the_bundled_model_directory_is_where_the_package_looks() -> None:
    assert BUNDLED_MODEL.parent.name == "index" and BUNDLED_MODEL.name == "rerank_model"


def test_a_why_question_is_judged_by_the_ranking_not_by_a_model_that_never_learnt_reasons(
    sample_index: Path, embedder: Embedder, reranker: AnyReranker
) -> None:
    # Seed question: the feature model gives its right answer ~0.01 (docs/RERANKER.md), which
    # declined it when the model judged "why" questions.
    on, off = _both(sample_index, embedder, reranker)
    try:
        why = "Why is Russia building up troops?"
        answer, ranking = on.answer(why), off.answer(why)
        assert not answer.declined and "attempt to pressure" in answer.hits[0].sentence
        # The scores shown and judged are the ranking's, not probabilities.
        assert answer.reason == ranking.reason and answer.hits[0].score == ranking.hits[0].score > 1.0
        # A "where" question on the same index is the model's to judge: its scores are probabilities.
        where = on.answer("Where is NATO headquartered?")
        assert all(0.0 < h.score < 1.0 for h in where.ranked[:5])
    finally:
        on.close()
        off.close()


# A strike story: the organizer's sentence shares the question's words, the next one gives the reason.
STRIKE = [
    {
        "id": "dock",
        "title": "Dock workers strike in Port Ellis",
        "text": "\n\n".join(
            [
                "Dock workers in Port Ellis walked off the job on Monday.",
                "Union organizer Lena Park, who leads the dock workers, said the strikers wanted to send a message"
                " to Mayor Ingrid Halvorsen that she is in danger of losing their votes.",
                "Park criticized Halvorsen for cutting the harbour budget by a third last year.",
                "The mayor's office did not respond to a request for comment.",
            ]
        ),
    }
]


def test_a_why_questions_sentences_are_in_the_rerankers_order_and_declined_on_the_rankings_scores(
    tmp_path: Path, embedder: Embedder, reranker: AnyReranker
) -> None:
    searcher_over(STRIKE, tmp_path, embedder).close()
    on, off = _both(tmp_path / "index", embedder, reranker)
    try:
        why = "Why did the union organizer criticize Halvorsen?"
        ranking, answer = off.answer(why), on.answer(why)
        assert ranking.hits[0].sentence.startswith("Union organizer Lena Park")  # the ranking's first
        assert not answer.declined
        assert (
            answer.hits[0].sentence == "Park criticized Halvorsen for cutting the harbour budget by a third last year."
        )
        # ... shown with the ranking's own score, which the ranking's threshold judged.
        reasons = {h.sentence: h.score for h in ranking.ranked}
        assert answer.hits[0].score == reasons[answer.hits[0].sentence]
        assert (
            answer.reason
            == f"The best sentence scores {answer.hits[0].score:.2f} (at least {AnswerPolicy().min_score:.2f})."
        )
    finally:
        on.close()
        off.close()


def test_the_scripts_rerank_flags_change_only_the_settings_given() -> None:
    base = AnswerPolicy(rerank=True)
    assert base.reranking() == base
    tuned = base.reranking(depth=10, min_score=0.5, reorder=True)
    assert (tuned.rerank_depth, tuned.rerank_min, tuned.rerank_reorder) == (10, 0.5, True)
    assert (tuned.rerank_blend, tuned.rerank, tuned.min_score) == (base.rerank_blend, True, base.min_score)
