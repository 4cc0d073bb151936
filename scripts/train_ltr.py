#!/usr/bin/env python3
"""Train the feature reranker into index/rerank_model/ltr.json (``make train-ltr``).

    python scripts/train_ltr.py --pairs ../rerank-lab/data/pairs --work ../data-ltr --out index/rerank_model

Every source (TrecQA train, ../shared/eval/trecqa/train.csv, and each ``NAME.jsonl.gz`` in
--pairs; docs/RERANKER.md says where they come from and under which licence) becomes open
corpora (scripts/ltrkit/corpora.py), each indexed with this Verbatim's own build; every question
is asked of its corpus by the real searcher, whose best --depth hits are featured and labelled
(scripts/ltrkit/candidates.py); the model is fitted to all of them (scripts/ltrkit/fit.py)
and written with its training figures. --work keeps the corpora, indexes and candidate lists, so
a second run only fits again (--fresh rebuilds them); lists made by other search code (a feature
read otherwise, scripts/ltrkit/code.py) are made again. Its news questions are PolNeAR *train*'s
(scripts/ltrkit/news_qa.py). Never give it TrecQA dev/test, WikiQA or PolNeAR dev/test data: those
measure the model (scripts/evaluate.py, scripts/calibrate_decline.py).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np

from index.build import build_index
from index.embedding.loader import load_embedder, quiet_model_loading
from index.embedding.models import DEFAULT_MODEL
from index.pipeline import pipeline_version
from index.rerank.cross_encoder import MODEL_FILES, SCORING_VERSION, Reranker
from index.rerank.features_model import CROSS_ENCODER_DIR
from index.search.rerank_features import CROSS_FEATURES, FEATURES
from index.search.reranking import RERANK_DEPTH
from index.store.manifest import read_manifest
from scripts.ltrkit.articles import ARTICLE_SOURCES, write_article_corpora
from scripts.ltrkit.candidates import CandidateLists, candidate_lists, concat
from scripts.ltrkit.code import code_signature
from scripts.ltrkit.corpora import read_questions, write_corpora
from scripts.ltrkit.fit import KINDS, fit_model, ranked_metrics
from scripts.ltrkit.news_qa import NEWS_SOURCE, write_news_corpus
from scripts.ltrkit.pair_logits import LogitsOf, PairLogits
from scripts.rerankkit.pairs import question_half

ROOT = Path(__file__).resolve().parent.parent
# TrecQA train-all's 1,161 questions with all 48,000 of their sentences would make one corpus
# slower to search than it teaches; in corpora of 400 questions each is still a hard open search.
PART_SIZES = {"trecqa_trainall": 400, "selqa_test": 800}
# What the shipped model learns from (docs/RERANKER.md): the news questions, SQuAD 2.0 as open
# corpora for questions no sentence answers, and small real-article corpora (one per SQuAD 2.0
# and XQuAD article, titled) for the feature distributions of a small corpus as the bot sees it.
# SelQA (Wikipedia, always answerable) was tried and made TrecQA dev no better.
SOURCES = ("trecqa_train", "trecqa_trainall", "squad2_dev_half", "squad2_articles", "xquad_articles", NEWS_SOURCE)
# The news questions count more: TrecQA's twice (with the article corpora added, that kept the
# share of the calibration set's unanswerable questions declined: 68.2% at 93.8% answered; once:
# 65.2%), the written PolNeAR train questions three times (two-fold cross-validation on them:
# 1, 3 and 6 times within a question or two of each other; docs/RERANKER.md).
WEIGHTS = {"trecqa_train": 2.0, "trecqa_trainall": 2.0, NEWS_SOURCE: 3.0}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pairs", type=Path, help="folder of NAME.jsonl.gz pairs (docs/RERANKER.md)")
    ap.add_argument(
        "--raw", type=Path, help="folder of the raw SQuAD-format files (default: the folder beside --pairs named raw)"
    )
    ap.add_argument(
        "--trecqa-train", type=Path, default=ROOT.parent / "shared" / "eval" / "trecqa" / "train.csv", help="CSV"
    )
    ap.add_argument(
        "--polnear-train",
        type=Path,
        default=ROOT.parent / "shared" / "eval" / "polnear" / "train.jsonl",
        help=f"PolNeAR train articles, asked --news-qa's questions (source {NEWS_SOURCE})",
    )
    ap.add_argument(
        "--news-qa",
        type=Path,
        default=ROOT / "scripts" / "eval_sets" / "polnear_train_qa.jsonl",
        help="questions about the PolNeAR train articles, in scripts/evaluate.py's --qa format",
    )
    ap.add_argument("--work", type=Path, required=True, help="corpora, indexes and candidate lists (kept)")
    ap.add_argument("--out", type=Path, default=ROOT / "index" / "rerank_model", help="where ltr.json goes")
    ap.add_argument("--depth", type=int, default=RERANK_DEPTH, help="hits per question (the searcher's K)")
    ap.add_argument("--model", choices=KINDS, default="logistic")
    ap.add_argument("--c", type=float, default=0.3, help="inverse L2 strength of the logistic regression")
    ap.add_argument(
        "--source",
        action="append",
        help=f"a source to learn from (repeatable; default {', '.join(SOURCES)}; also {', '.join(ARTICLE_SOURCES)})",
    )
    ap.add_argument(
        "--weight",
        action="append",
        default=[],
        metavar="SOURCE=W",
        help="weigh every candidate of a source W times in the fit (repeatable; default "
        + ", ".join(f"{k}={v:g}" for k, v in WEIGHTS.items())
        + ", others 1)",
    )
    ap.add_argument(
        "--cross-encoder",
        type=Path,
        help="a cross-encoder folder (scripts/train_reranker.py's --out): the model also reads its "
        "scores (rerank_features.CROSS_FEATURES) and ships a copy of it in --out/cross_encoder",
    )
    ap.add_argument(
        "--cross-fit",
        type=Path,
        nargs=2,
        metavar=("HALF0", "HALF1"),
        help="cross-encoders trained on each half of the questions (train_reranker.py --half 0 and "
        "--half 1): each training question is scored by the one trained on the other half, as the "
        "shipped --cross-encoder meets questions it never saw (needs --cross-encoder)",
    )
    ap.add_argument("--fresh", action="store_true", help="rebuild the corpora, indexes and lists")
    return ap.parse_args(argv)


def model_key(cross: Reranker) -> str:
    """A short digest of the cross-encoder's model file and of how pairs are scored: its cached
    logits are named by it."""
    digest = hashlib.sha256(f"scoring {SCORING_VERSION}\n".encode())
    digest.update((cross.directory / "model.onnx").read_bytes())
    return digest.hexdigest()[:16]


class CrossFit:
    """Scores each question with the cross-encoder trained on the other half of the questions."""

    def __init__(self, halves: Sequence[Path]) -> None:
        self._models = [Reranker(folder) for folder in halves]
        self.key = hashlib.sha256(" ".join(model_key(m) for m in self._models).encode()).hexdigest()[:16]

    @property
    def reads_context(self) -> bool:
        return self._models[0].reads_context

    def logits(self, question: str, sentences: Sequence[str]) -> np.ndarray:
        return self._models[1 - question_half(question)].logits(question, sentences)


def with_cross(lists: CandidateLists, logits_of: LogitsOf, context: bool = False) -> CandidateLists:
    """``lists`` with the cross-encoder's features from ``logits_of`` (a ``PairLogits.cached``
    one: pairs read before are not asked again). ``context``: the cross-encoder reads each
    sentence with the one before it."""
    return lists.with_cross(lists.cross_logits(logits_of, context))


def index_is_current(index: Path, articles: Path) -> bool:
    """Whether ``index`` was built from ``articles`` as they are, by this pipeline: one built by an
    older one (words counted otherwise, sentences split otherwise) is built again, keeping the
    embeddings of unchanged sentences, or its lists would pair this code's questions with that
    code's words."""
    manifest = index / "manifest.json"
    if not manifest.is_file() or manifest.stat().st_mtime < articles.stat().st_mtime:
        return False
    return read_manifest(index).pipeline == pipeline_version()


def ship_cross_encoder(source: Path | None, target: Path) -> None:
    """Copy the cross-encoder's files into the model folder (or remove a copy the model no longer reads)."""
    if source is None:
        if target.exists():
            shutil.rmtree(target)
            print(f"removed {target}: this model reads no cross-encoder")
        return
    if source.resolve() == target.resolve():
        return
    target.mkdir(parents=True, exist_ok=True)
    for name in MODEL_FILES:
        shutil.copyfile(source / name, target / name)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    quiet_model_loading()
    started = time.perf_counter()
    embedder = load_embedder(DEFAULT_MODEL, "auto")
    corpora_dir = args.work / "corpora"
    sources = args.source or SOURCES
    corpora = write_corpora(args.pairs, args.trecqa_train, corpora_dir, PART_SIZES, sources)
    raw = args.raw or (args.pairs.parent / "raw" if args.pairs is not None else None)
    for name in (s for s in ARTICLE_SOURCES if s in sources):
        if raw is None or not (raw / ARTICLE_SOURCES[name]).is_file():
            raise SystemExit(
                f"{name} needs {ARTICLE_SOURCES[name]} in --raw (default: the folder beside --pairs named raw)"
            )
        corpora += write_article_corpora(name, raw / ARTICLE_SOURCES[name], corpora_dir)
    if NEWS_SOURCE in sources:
        for needed in (args.polnear_train, args.news_qa):
            if not needed.is_file():
                raise SystemExit(f"{NEWS_SOURCE} needs {needed} (--polnear-train, --news-qa)")
        corpora.append(write_news_corpus(args.polnear_train, args.news_qa, corpora_dir))
    # Loaded even when cross-fitting, which only ships it: a bad folder stops the run before any work.
    shipped = Reranker(args.cross_encoder) if args.cross_encoder else None
    if args.cross_fit and shipped is None:
        raise SystemExit("--cross-fit needs --cross-encoder: the cross-encoder the model ships with")
    cross = CrossFit(args.cross_fit) if args.cross_fit else shipped
    key = cross.key if isinstance(cross, CrossFit) else model_key(cross) if cross is not None else ""
    names = FEATURES + CROSS_FEATURES if cross is not None else FEATURES
    weight_of = WEIGHTS | {name: float(w) for name, w in (item.split("=", 1) for item in args.weight)}
    parts, per_corpus, weights = [], {}, []
    code = code_signature()  # lists made by other code (a feature read otherwise) are made again
    # The cross-encoder's logits, pair by pair: lists made again ask it only about new pairs.
    kept_logits = PairLogits(args.work / f"cross-logits-{key}.npz") if cross is not None else None
    for corpus in corpora:
        lists_path = args.work / f"lists-{args.depth}" / f"{corpus.name}.npz"
        manifest = corpus.index / "manifest.json"
        if args.fresh or not index_is_current(corpus.index, corpus.articles):
            build_index(corpus.articles, corpus.index, embedder, full=args.fresh)
        lists = CandidateLists.load(lists_path) if lists_path.is_file() else None
        made = lists_path.stat().st_mtime if lists is not None else 0.0
        stale = made < max(manifest.stat().st_mtime, corpus.questions.stat().st_mtime)
        if args.fresh or stale or lists is None or lists.code != code:
            # New, rebuilt, other questions, or made by other code: ask the questions again.
            lists_path.parent.mkdir(parents=True, exist_ok=True)
            lists = replace(candidate_lists(corpus.index, read_questions(corpus), embedder, args.depth), code=code)
            lists.save(lists_path)
        if cross is not None and kept_logits is not None:
            lists = with_cross(lists, kept_logits.cached(cross.logits), cross.reads_context)
            kept_logits.save()
        parts.append(lists)
        source = next((s for s in weight_of if corpus.name == s or corpus.name.startswith(f"{s}-")), None)
        weights.append(np.full(len(lists.labels), weight_of[source] if source else 1.0))
        per_corpus[corpus.name] = {"questions": len(lists.questions), "candidates": len(lists.labels)}
        print(f"{corpus.name}: {len(lists.questions)} questions, {int(lists.labels.sum())} answering candidates")
    if kept_logits is not None:
        print(f"cross-encoder: {kept_logits.asked} new pairs read, {len(kept_logits)} kept in {kept_logits.path}")
    data = concat(parts)
    spec = fit_model(data, names, kind=args.model, c=args.c, weights=np.concatenate(weights))
    from index.rerank.features_model import FeatureModel

    args.out.mkdir(parents=True, exist_ok=True)
    ship_cross_encoder(args.cross_encoder, args.out / CROSS_ENCODER_DIR)
    spec["trained"] = datetime.now(UTC).strftime("%Y-%m-%d")
    spec["depth"] = args.depth
    if cross is not None:
        spec["cross_logits"] = "cross-fitted (two halves)" if args.cross_fit else "the shipped cross-encoder"
    spec["data"] = per_corpus
    probe = args.out / "ltr.json"
    probe.write_text(json.dumps(spec), encoding="utf-8")
    scores = FeatureModel(args.out).logits(data.features)
    order_before = -np.concatenate([np.arange(len(rows)) for rows in data.lists()])
    spec["training_figures"] = {
        "ranking": ranked_metrics(data, order_before.astype(np.float64)),
        "reranked": ranked_metrics(data, scores),
    }
    probe.write_text(json.dumps(spec, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(spec["training_figures"]))
    print(f"wrote {probe} in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
