"""One bench run: build the corpora, measure each, run the bot, and gather the results.

``run(config, ...)`` returns the JSON-ready dict that ``report.render`` prints; every figure in it
is measured in this run, and each bar compares figures taken side by side. Documents are encoded
with the build's default encoder and questions with the bot's, as an operator would run them.
"""

from __future__ import annotations

import functools
import os
import platform
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from index.build import build_index, write_index
from index.embedding.models import Embedder
from index.evaluation import as_typed
from index.rerank.model import Reranker
from index.search.reranking import RERANK_DEPTH
from index.search.searcher import AnswerPolicy, Searcher
from index.search.speech import parse_speech_query
from index.store.generation import open_index
from index.store.locations import StoreLocation
from index.store.manifest import build_lock
from index.text.context import matching_texts
from index.types import Article, Sentence
from tests.fakes.bot_api import FakeBotAPI

from .botload import BotProcess, LoadResult, ask
from .corpus import (
    SENTENCES_PER_QUOTE,
    SENTENCES_PER_SPEAKER,
    Pool,
    approximate_vectors,
    article_text_file,
    load_pool,
    splices,
    synthetic_corpus,
    with_speakers,
    write_txt_folder,
)
from .measure import BuildSpeed, answer_latency, build_speed, embedded_texts, rebuild_speed, recall_at_k, speech_latency
from .report import MIB, bars
from .stores import index_in_store

ROOT = Path(__file__).resolve().parents[2]  # the project: scripts/benchkit/this.py
SAMPLE_CORPUS = ROOT / "data" / "corpus"
SHARED = ROOT.parent / "shared"
SEED = 2022
# Splices for the approximate vectors of --quick come from this many pool sentences only, so
# that --quick encodes a few hundred sentences instead of the whole pool.
QUICK_POOL = 300

Progress = Callable[[str], None]


@dataclass(frozen=True)
class BenchConfig:
    """What to measure, and how much of it."""

    workdir: Path
    sizes: tuple[int, ...] = (10_000, 100_000, 1_000_000)
    encode_limit: int = 10_000  # sizes up to this are encoded for real; larger get approximate vectors
    rebuild_articles: int = 10_000
    chats: int = 50
    per_chat: int = 4
    sequential: int = 40
    latency_questions: int = 200
    speech_questions: int = 100  # "what did X say?" about the corpus's speakers (and as many typo'd)
    rounds: int = 2
    build_repeats: int = 3  # full builds (and bare encodes) of the build-speed corpus; best counts
    quick: bool = False
    bot: bool = True
    store: str = ""  # a vector store (qdrant://...) measured beside FAISS on every corpus; "": none
    rerank_depths: tuple[int, ...] = (10,)  # answers are also timed with the reranker rescoring this many


@dataclass(frozen=True)
class Encoders:
    """The two encoders a deployment runs: one for documents (builds), one for questions (bot)."""

    documents: Embedder
    questions: Embedder
    documents_backend: str
    questions_backend: str  # as the bot is told (it resolves "auto" the same way)
    reranker: Reranker | None = None  # None: answers are timed without reranking only


def run(config: BenchConfig, encoders: Encoders, progress: Progress) -> dict[str, Any]:
    """Everything the bench measures, as one JSON-ready dict (see ``report.bars`` for the bars)."""
    started = time.perf_counter()
    notes: list[str] = []
    pool = load_pool(SAMPLE_CORPUS, SHARED if SHARED.is_dir() else None)
    notes.append(f"synthetic sentences are splices of real ones: {pool.source}")
    questions = list(pool.questions)[: config.latency_questions]
    # Invented speakers must not answer the latency questions' own "what did X say?" questions.
    asked_names = [q.name for q in map(parse_speech_query, questions) if q is not None]
    query_vectors = encoders.questions.encode_queries(questions)
    corpora: list[dict[str, Any]] = []
    index_dirs: list[Path] = []
    speed: BuildSpeed | None = None

    progress("sample corpus: building and timing answers")
    sample_dir = config.workdir / "index-sample"
    seconds, _ = _timed(lambda: build_index(SAMPLE_CORPUS, sample_dir, encoders.documents, full=True))
    corpora.append(_measure(config, "sample", sample_dir, encoders, questions, query_vectors, "encoded", seconds))
    index_dirs.append(sample_dir)
    stored: list[dict[str, Any]] = []  # the same corpora in config.store (no bot process)

    def measure_in_store(name: str, index_dir: Path, kind: str, write: Callable[[Path, StoreLocation], object]) -> None:
        progress(f"{name}: the same index in {config.store}")
        store_dir = config.workdir / f"{index_dir.name}-store"
        seconds = index_in_store(index_dir, store_dir, write, config.store, name, reuse=kind == "encoded")
        row = _measure(config, name, store_dir, encoders.questions, questions, query_vectors, kind, seconds)
        stored.append({**row, "name": f"{name} {row['index_type']}"})

    if config.store:
        measure_in_store(
            "sample",
            sample_dir,
            "encoded",
            lambda d, location: build_index(SAMPLE_CORPUS, d, encoders.documents, store=location),
        )

    pool_vectors: np.ndarray | None = None
    parents = pool.sentences[:QUICK_POOL] if config.quick else pool.sentences
    approximate_sizes: list[int] = []
    for size in config.sizes:
        name = _size_name(size)
        index_dir = config.workdir / f"index-{size}"
        parts = splices(parents, size, SEED + size)
        corpus = synthetic_corpus(parts, SEED + size, prefix=f"s{size}")
        if size <= config.encode_limit:
            progress(f"{name}: {len(corpus.articles):,} articles, {config.build_repeats} full builds and bare encodes")
            folder = config.workdir / f"articles-{size}"
            write_txt_folder(corpus.articles, folder)
            speed = build_speed(folder, index_dir, encoders.documents, repeats=config.build_repeats)
            seconds = speed.build_seconds
            kind = "encoded"
            if config.store:
                measure_in_store(
                    name,
                    index_dir,
                    kind,
                    functools.partial(
                        lambda f, d, location: build_index(f, d, encoders.documents, store=location), folder
                    ),
                )
        else:
            if pool_vectors is None:
                progress(f"encoding the {len(parents):,} pool sentences for approximate vectors")
                pool_vectors = encoders.documents.encode_documents(list(parents))
            progress(f"{name}: approximate vectors, then the index a build would write")
            vectors = np.concatenate(list(approximate_vectors(parts, pool_vectors, SEED + size)))
            # Embedded texts as without speakers, so BM25 and the other figures stay as before.
            texts = matching_texts(corpus.sentences)
            corpus = with_speakers(corpus, SEED + size, avoid=asked_names)
            seconds, _ = _timed(
                functools.partial(
                    _write_index, index_dir, encoders.documents, corpus.articles, corpus.sentences, vectors, texts
                )
            )
            kind = "approximate"
            if config.store:
                measure_in_store(
                    name,
                    index_dir,
                    kind,
                    lambda d, location, c=corpus, v=vectors, t=texts: _write_index(
                        d, encoders.documents, c.articles, c.sentences, v, t, location
                    ),
                )
            del texts
            del vectors
            approximate_sizes.append(size)
        del corpus, parts
        progress(f"{name}: timing answers and recall")
        corpora.append(_measure(config, name, index_dir, encoders, questions, query_vectors, kind, seconds))
        index_dirs.append(index_dir)
    if stored:
        notes.append(
            f"rows named '... qdrant': the same corpus and vectors with the vector search in {config.store} "
            "(a collection per corpus), timed the same way and interleaved with nothing else; no bot process"
        )
    if approximate_sizes:
        notes.append(
            f"{', '.join(_size_name(s) for s in approximate_sizes)}: vectors are NOT encoded (at 10^6 that would "
            "take hours here); each is its two parent sentences' real embeddings, summed, plus noise drawn from "
            "their covariance, renormalised. Texts, SQLite metadata, BM25 and the FAISS index are real."
        )
        notes.append(
            f"{', '.join(_size_name(s) for s in approximate_sizes)}: splices carry no attribution, so these corpora "
            f"get invented speakers (one distinct per {SENTENCES_PER_SPEAKER} sentences, one sentence in "
            f"{SENTENCES_PER_QUOTE} attributed, Zipf-like: a few quoted often), reproducibly from the seed; texts, "
            "vectors and BM25 are as without them, and no invented speaker matches a name the latency questions "
            "ask about. Encoded corpora keep what attribution finds in their splices (about 1 speaker per 24 "
            "sentences at 10^4)."
        )
    if encoders.reranker is not None:
        notes.append(
            "p50/p99 ms: answers without the reranker (VERBATIM_RERANK=off); 'reranked' columns: the same "
            f"questions with it ({encoders.reranker.version}) rescoring the top K hits, K = "
            f"{', '.join(map(str, config.rerank_depths))}"
        )
    else:
        notes.append("no reranker (--rerank off, or no model): answers timed without it only")
    notes.append(
        'speech: "what did X say?" about up to '
        f"{config.speech_questions} of the corpus's speakers (full name or last word, alternately), and the same "
        "with one letter wrong in X; p50/p99 of the whole answer. 'speaker index' is its one-off build (on the "
        "first such question), not in the percentiles"
    )

    progress(f"rebuild: {config.rebuild_articles:,} articles, full build then one changed article")
    rebuild, rebuild_corpus = _rebuild(config, pool, encoders.documents)
    if speed is None:  # no corpus was built for real above (--quick): the rebuild corpus stands in
        texts = embedded_texts(rebuild_corpus)
        seconds, _ = _timed(lambda: encoders.documents.encode_documents(texts))
        turn = (seconds / rebuild.full_seconds,) if rebuild.full_seconds > 0 else ()
        speed = BuildSpeed(rebuild.sentences, rebuild.full_seconds, seconds, turn)
    if config.quick:
        notes.append(
            f"--quick: the rebuild corpus has {config.rebuild_articles} articles, not 10^4, so fixed costs "
            "dominate its ratio; sizes and chats are small too. Use the full run for the bars."
        )

    result: dict[str, Any] = {
        "quick": config.quick,
        "backend": encoders.questions_backend,
        "build_backend": encoders.documents_backend,
        "model": encoders.questions.name,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "load_average": _load()},
        "corpora": corpora,
        "rerank_depth": RERANK_DEPTH,
        "build": {
            "sentences": speed.sentences,
            "build_seconds": speed.build_seconds,
            "encode_seconds": speed.encode_seconds,
            "build_per_s": speed.build_per_second,
            "encode_per_s": speed.encode_per_second,
            "ratio": speed.ratio,
            "turn_ratios": list(speed.turn_ratios),
        },
        "rebuild": {
            "articles": rebuild.articles,
            "sentences": rebuild.sentences,
            "full_s": rebuild.full_seconds,
            "rebuild_s": rebuild.rebuild_seconds,
            "reembedded": rebuild.reembedded,
            "ratio": rebuild.ratio,
            "ratio_percent": rebuild.ratio * 100,
        },
    }

    if config.bot:
        for corpus, index_dir in zip(corpora, index_dirs, strict=True):
            under_load = corpus["name"] == "sample"
            progress(f"{corpus['name']}: bot process" + (" under load" if under_load else ""))
            load, rss = _bot(
                config,
                index_dir,
                questions,
                encoders.questions_backend,
                under_load=under_load,
                reranked=_reranked(index_dir, encoders, questions) if under_load else (),
            )
            corpus["bot_rss_mib"] = rss / MIB if rss else None
            if load is not None:
                result["bot_load"] = load
        notes.append(
            "bot: the real `python -m bot` process against the fake Bot API server on 127.0.0.1, with "
            "VERBATIM_SEND_RATE=0: the fake has no flood limit, so the bot's own cap at Telegram's ~30 "
            "messages/s is lifted to measure what the bot can do; each call to the fake includes its TCP "
            "delayed-ACK wait (answers go out in two segments), which stands in for the network"
        )
    else:
        notes.append("--no-bot: the bot process was not started (no RSS, no load figures)")
    corpora.extend(stored)  # after the bot runs, which serves the FAISS indexes only
    result["notes"] = notes
    result["seconds"] = time.perf_counter() - started
    result["bars"] = bars(result)
    return result


def _timed(action: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    value = action()
    return time.perf_counter() - started, value


def _size_name(size: int) -> str:
    exponent = len(str(size)) - 1
    return f"10^{exponent}" if size == 10**exponent else f"{size:,}"


def _load() -> list[float]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:  # pragma: no cover - not on Linux
        return []


def _write_index(
    index_dir: Path,
    embedder: Embedder,
    articles: Sequence[Article],
    sentences: Sequence[Sentence],
    vectors: np.ndarray,
    texts: Sequence[str],
    store: StoreLocation | None = None,
) -> None:
    """The generation a build would write for these sentences, with the given vectors and embedded texts."""
    with build_lock(index_dir):
        write_index(index_dir, embedder.name, articles, sentences, vectors, texts=texts, store=store)


def _measure(
    config: BenchConfig,
    name: str,
    index_dir: Path,
    encoders: Encoders,
    questions: Sequence[str],
    query_vectors: np.ndarray,
    kind: str,
    index_seconds: float,
) -> dict[str, Any]:
    embedder = encoders.questions
    searcher = Searcher.open(index_dir, embedder=embedder, policy=AnswerPolicy(rerank=False))
    loaded = open_index(index_dir, verify=False)
    reranked: dict[str, dict[str, float]] = {}
    # The same questions typed as in a chat (lower case, no question mark), by a searcher of their
    # own: each word's written form is read from the index the first time it is asked (casing.py).
    typed = Searcher.open(index_dir, embedder=embedder, policy=AnswerPolicy(rerank=False))
    # And with a typo in a name, by another: a name no article holds is looked for among the
    # names the articles write the first time it is asked (spelling.py).
    misspelt = Searcher.open(index_dir, embedder=embedder, policy=AnswerPolicy(rerank=False))
    try:
        latency = answer_latency(searcher, loaded, questions, rounds=config.rounds)
        chat = answer_latency(typed, loaded, [as_typed(q) for q in questions], rounds=config.rounds)
        typos = [as_typed(q, lowercase=False, question_mark=True, typo=True) for q in questions]
        typo = answer_latency(misspelt, loaded, typos, rounds=config.rounds)
        speech = speech_latency(searcher, loaded, count=config.speech_questions, seed=SEED)
        if encoders.reranker is not None:
            for depth in config.rerank_depths:
                policy = AnswerPolicy(rerank_depth=depth)
                with_reranker = Searcher.open(index_dir, embedder=embedder, policy=policy, reranker=encoders.reranker)
                try:
                    timed = answer_latency(with_reranker, loaded, questions, rounds=config.rounds).full
                finally:
                    with_reranker.close()
                reranked[str(depth)] = {"p50_ms": timed.p50_ms, "p99_ms": timed.p99_ms}
        recall = recall_at_k(loaded, query_vectors)
        manifest = loaded.manifest
    finally:
        loaded.close()
        searcher.close()
        typed.close()
        misspelt.close()
    return {
        "name": name,
        "sentences": manifest.sentences,
        "articles": manifest.articles,
        "vectors": kind,
        "index_type": manifest.index_type,
        "index_params": manifest.params,
        "index_seconds": index_seconds,
        "answer_p50_ms": latency.full.p50_ms,
        "answer_p99_ms": latency.full.p99_ms,
        "floor_p50_ms": latency.floor.p50_ms,
        "floor_p99_ms": latency.floor.p99_ms,
        "answer_vs_floor_p50": latency.ratio_p50,
        "chat_p50_ms": chat.full.p50_ms,  # the questions in lower case without a question mark
        "chat_p99_ms": chat.full.p99_ms,
        "typo_p50_ms": typo.full.p50_ms,  # the questions with two letters of a name swapped
        "typo_p99_ms": typo.full.p99_ms,
        "recall_at_10": recall,
        "speakers": speech.speakers,
        "speaker_index_ms": speech.index_ms,
        "speech_p50_ms": speech.exact.p50_ms,
        "speech_p99_ms": speech.exact.p99_ms,
        "speech_typo_p50_ms": speech.typo.p50_ms,
        "speech_typo_p99_ms": speech.typo.p99_ms,
        "speech_found": speech.exact_found,
        "speech_typo_found": speech.typo_found,
        "reranked": reranked,  # {"K": {"p50_ms", "p99_ms"}}: answers with the reranker rescoring K hits
        "bot_rss_mib": None,
    }


def _rebuild(config: BenchConfig, pool: Pool, embedder: Embedder) -> tuple[Any, Path]:
    wanted = config.rebuild_articles
    parts = splices(pool.sentences, wanted * 5 + 50, SEED)
    articles = synthetic_corpus(parts, SEED, prefix="news").articles[:wanted]
    folder = config.workdir / "articles-rebuild"
    write_txt_folder(articles, folder)
    changed = articles[len(articles) // 2]
    extra = splices(pool.sentences, 1, SEED - 1)[0].text

    def change() -> None:
        # An editor's fix: one more sentence at the end of one article.
        edited = Article(
            changed.id, changed.title, (*changed.paragraphs[:-1], changed.paragraphs[-1] + " " + extra), changed.source
        )
        (folder / f"{changed.id}.txt").write_text(article_text_file(edited), encoding="utf-8")

    index_dir = config.workdir / "index-rebuild"
    return rebuild_speed(folder, index_dir, embedder, change), index_dir


def _reranked(index_dir: Path, encoders: Encoders, questions: Sequence[str]) -> list[str]:
    """Those of ``questions`` that the bot, with its bundled reranker, answers through the reranker
    (most of the pool's questions name someone the sample article never mentions, and such a
    question is declined on its words before any reranking)."""
    searcher = Searcher.open(index_dir, embedder=encoders.questions)
    try:
        return [q for q in questions if searcher.reranks(q)]
    finally:
        searcher.close()


def _bot(
    config: BenchConfig,
    index_dir: Path,
    questions: Sequence[str],
    backend: str,
    *,
    under_load: bool,
    reranked: Sequence[str] = (),
) -> tuple[dict[str, Any] | None, int | None]:
    """Serve ``index_dir`` from a bot process; under load, the one-at-a-time vs many-chats figures,
    and the many chats again from a bot answering without the reranker (VERBATIM_RERANK=off), so
    what the reranker costs under load is a ratio of one run. ``reranked``: questions that all
    reach the reranker, asked by as many chats to both bots as well (what it costs when every
    question pays for it)."""
    chats, per_chat = config.chats, config.per_chat
    with FakeBotAPI() as server, BotProcess(server, index_dir, backend=backend) as bot:
        ask(server, questions, chats=3, per_chat=2, first_chat=1_000)  # warm-up, and RSS of serving
        load = None
        if under_load:
            one = ask(server, questions, chats=1, per_chat=config.sequential, first_chat=2_000)
            many = ask(server, questions, chats=chats, per_chat=per_chat, first_chat=3_000)
            load = _load_figures(one, many)
            on_topic = ask(server, reranked, chats=chats, per_chat=per_chat, first_chat=4_000) if reranked else None
        rss = bot.stop()
    if load is not None:
        with FakeBotAPI() as server, BotProcess(server, index_dir, backend=backend, rerank="off") as plain:
            ask(server, questions, chats=3, per_chat=2, first_chat=1_000)
            without = ask(server, questions, chats=chats, per_chat=per_chat, first_chat=3_000)
            on_topic_off = ask(server, reranked, chats=chats, per_chat=per_chat, first_chat=4_000) if reranked else None
            plain.stop()
        load["rerank_off_per_s"] = without.per_second
        load["rerank_off_answered"] = without.answered
        load["rerank_share"] = _share(load["concurrent_per_s"], without.per_second)
        if on_topic is not None and on_topic_off is not None:
            load["reranked_questions"] = len(reranked)
            load["reranked_answered"] = on_topic.answered
            load["reranked_per_s"] = on_topic.per_second
            load["reranked_off_per_s"] = on_topic_off.per_second
            load["reranked_share"] = _share(on_topic.per_second, on_topic_off.per_second)
    return load, rss


def _share(part: float, whole: float) -> float:
    return part / whole if whole > 0 else float("nan")


def _load_figures(one: LoadResult, many: LoadResult) -> dict[str, Any]:
    return {
        "chats": many.chats,
        "questions": many.questions,
        "answered": many.answered,
        "lost": many.lost,
        "errors": many.errors,
        "concurrent_per_s": many.per_second,
        "concurrent_p50_ms": many.latency.p50_ms,
        "concurrent_p99_ms": many.latency.p99_ms,
        "sequential_questions": one.questions,
        "sequential_lost": one.lost,
        "sequential_per_s": one.per_second,
        "sequential_p50_ms": one.latency.p50_ms,
        "sequential_p99_ms": one.latency.p99_ms,
        "ratio": many.per_second / one.per_second if one.per_second > 0 else float("nan"),
    }
