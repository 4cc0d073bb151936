"""The open-corpus benchmark as a test: answer quality on TrecQA dev must not fall below the bar.

Builds an index of TrecQA dev (about 1,150 sentences, some 15 s); skipped without ../shared.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from index.build import build_index
from index.embedding.models import Embedder
from index.evaluation import evaluate, load_qa
from index.search.searcher import AnswerPolicy, Searcher
from tests.support import shared_file


def test_trecqa_dev_mrr_stays_at_least_075_and_the_ranking_alone_too(tmp_path: Path, embedder: Embedder) -> None:
    source = shared_file("eval/trecqa/dev.csv")
    converter = source.parent.parent / "trecqa_to_corpus.py"
    subprocess.run([sys.executable, str(converter), "dev", str(tmp_path)], check=True, capture_output=True)
    build_index(tmp_path / "articles.jsonl", tmp_path / "index", embedder)
    questions = load_qa(tmp_path / "qa.jsonl")
    searcher = Searcher.open(tmp_path / "index", embedder=embedder)  # as the bot answers: reranker on
    ranking_alone = Searcher.open(tmp_path / "index", embedder=embedder, policy=AnswerPolicy(rerank=False))
    try:
        report, _ = evaluate(searcher, questions)
        plain, _ = evaluate(ranking_alone, questions)
    finally:
        searcher.close()
        ranking_alone.close()
    # The ranking's weights were tuned on TrecQA dev itself, so its order is at its best here; the
    # reranker orders by its probability, which gains on news it never saw (docs/RERANKER.md,
    # "Reading question and sentence together") and gives back about 0.01 here. Each TrecQA
    # sentence is an article of its own, so the neighbourhood signal (neighbourhood.py) only
    # counts its own words again: the ranking alone gave 0.722 without it, 0.716 with it (and
    # gains 0.07 on news questions, whose answers sit in a story). TrecQA's text is tokenised,
    # every period set apart ("Mr . Mendenhall"); since the splitter reads such abbreviations
    # (index/text/sentences.py) a labelled sentence is no longer cut in two: 0.724 -> 0.768
    # reranked, 0.718 -> 0.771 the ranking alone. A question naming something answered from
    # sentences naming it (index/search/naming.py), and a wire dateline's date no longer taken
    # for an answer to "when" (ranking.py's DATELINE): 0.801 reranked (issue 15's bar: 0.80),
    # 0.780 the ranking alone.
    assert report.mrr >= 0.79 and plain.mrr >= 0.77
    # Every question here is answerable: the ranking's threshold and word rules leave them alone,
    # and the reranker's probability declines few. Since a question naming something is answered
    # from a sentence naming it (index/search/naming.py: here each article is one sentence), three
    # questions that showed a sentence about something else ("Horovitz said ..." for "Who was
    # Horus's mother?", another rapper's "Real name: ..." for Al Jolson's) are declined instead:
    # 92.3% -> 88.5% answered. The news sets, whose sentences sit in stories, answer as many as
    # before or more (tests/unit/test_calibration_set.py). A "who" question whose best sentence names
    # no one is declined (persons.py, lacks_asked_person): the ranking alone then declines its wrong
    # "He was the title character in `` Tale of Genji ...'' for "Who wrote the 'Tale of Genji'?",
    # 96.2% -> 94.9% answered (first sentences and MRR unchanged). Since "Wall Street" is no
    # one's name (persons.py, INSTITUTION_KINDS), its wrong "He received a best actor Oscar ... for
    # his role as Gordon Gekko in `` Wall Street ``" for "Who plays the role of Gordon Gekko?" is
    # declined too: 93.6% (the reranker puts "... Michael Douglas ..." first instead).
    assert plain.answered >= 0.93
    assert report.answered >= 0.85
