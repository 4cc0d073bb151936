"""Building an index: articles -> sentences (with speakers) -> embeddings -> a new generation.

A rebuild is incremental at two levels (``full=True`` redoes everything):

* an article whose content hash is unchanged since the live index was built, by the same model
  and the same ``PIPELINE_VERSION`` (pipeline.py), keeps its stored sentences, speakers and
  vectors: it is not even split again;
* any other sentence whose embedded text was embedded before keeps its vector (keyed by model
  and the hash of the text actually embedded, which for a sentence that cannot stand alone
  includes the sentence before it: see context.py).

So a rebuild after changing one article splits and encodes that article only; removed articles
simply are not carried over. A big build splits its articles in one worker process per core
first (pipeline.py), then encodes every new text in one call (the model then has every core to
itself and sorts all texts by length), so a full build runs at about the model's own encoding
speed. The build also writes the lexical (BM25) index of the embedded texts and their keys into
the generation (store/matching.py).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from index.embedding.models import Embedder
from index.errors import IndexBuildError
from index.ingest.loaders import LoadProblem, LoadReport, load_articles
from index.pipeline import pipeline_version, split_articles, split_workers
from index.store.generation import StoreWrite, write_generation
from index.store.lexical import (
    LexicalIndex,
    Tokenizer,
    build_lexical,
    carry_counts,
    count_terms,
    lexical_from_counts,
)
from index.store.locations import StoreLocation
from index.store.manifest import Manifest, build_lock
from index.store.matching import KEY_BYTES, text_key, text_keys, write_matching_files
from index.store.previous import PreviousIndex
from index.store.qdrant_generation import open_collection
from index.text.context import matching_texts
from index.types import Article, Sentence
from index.web.cache import WebCache, default_cache_dir
from index.web.sources import FeedStatus, WebSources

if TYPE_CHECKING:
    from index.web.fetch import FetchPolicy
    from index.web.gather import WebArticles


@dataclass(frozen=True)
class BuildReport:
    """What a build did, for the operator's summary line."""

    articles: int
    sentences: int
    encoded: int  # sentences whose embedding was computed in this build
    reused: int  # sentences whose embedding came from the previous index
    seconds: float
    encode_seconds: float
    problems: tuple[LoadProblem, ...]
    skipped: tuple[str, ...]
    manifest: Manifest
    unchanged_articles: int = 0  # articles carried over from the previous index without splitting
    # The pipeline that split the index this build replaced, when another than this code's: every
    # article was split again ("" when that index recorded none). None: the same, or no index.
    previous_pipeline: str | None = None
    feeds: tuple[FeedStatus, ...] = ()  # each feed of ``web``, in the order given
    fetched: int = 0  # web pages downloaded in this build
    cached: int = 0  # web pages whose cached copy was reused (304 Not Modified, or the fetch failed)

    @property
    def sentences_per_second(self) -> float:
        return self.sentences / self.seconds if self.seconds > 0 else 0.0


def build_index(
    articles_path: Path | None,
    index_dir: Path,
    embedder: Embedder,
    *,
    web: WebSources | None = None,
    cache_dir: Path | None = None,
    fetch_policy: FetchPolicy | None = None,
    full: bool = False,
    index_type: str = "auto",
    progress: bool = False,
    clock: Callable[[], float] = time.perf_counter,
    store: StoreLocation | None = None,
) -> BuildReport:
    """Build (or incrementally rebuild) the index at ``index_dir`` from ``articles_path`` (a file
    or folder; None for none) and the pages and feeds of ``web``, fetched through the cache at
    ``cache_dir`` (default: ``default_cache_dir(index_dir)``) as ``fetch_policy`` says.

    ``store`` is where the vectors are searched (FAISS by default); in a Qdrant collection only
    the points of new, changed and removed articles are written (qdrant_generation.py).

    Raises IndexBuildError, leaving any existing index untouched, when there is no source at all,
    nothing can be indexed, or another build is running. Synchronous; safe in a worker thread.
    """
    if articles_path is None and (web is None or web.empty):
        raise IndexBuildError("No articles to index: give a file or folder of articles, web pages or feeds.")
    started = clock()
    with build_lock(index_dir):
        if store is not None and not store.is_faiss:
            open_collection(store).close()  # an unreachable store fails now, not after the encoding
        cache = WebCache(cache_dir if cache_dir is not None else default_cache_dir(index_dir))
        loaded, fetched = _load(articles_path, web, cache, fetch_policy, progress)
        if not loaded.articles:
            details = "; ".join(f"{p.path}: {p.message}" for p in loaded.problems[:5])
            where = f" in {articles_path}" if web is None or web.empty else ""
            raise IndexBuildError(
                f"Nothing to index{where}"
                + (f" ({details})" if details else " (no .txt, .md, .html or .jsonl articles found)")
                + ". The existing index, if any, is unchanged."
            )
        pipeline = pipeline_version()
        previous = None if full else PreviousIndex.open(index_dir, embedder.name, embedder.dim, pipeline)
        previous_pipeline = previous.pipeline if previous is not None and previous.pipeline != pipeline else None
        try:
            result = _sentences_and_vectors(loaded.articles, embedder, previous, progress=progress, clock=clock)
        finally:
            if previous is not None:
                previous.close()
        if not result.sentences:
            raise IndexBuildError(
                f"The articles in {articles_path or 'the web sources'} hold no sentences; the existing index is unchanged."
            )
        manifest = _write(
            index_dir,
            StoreWrite(
                model=embedder.name,
                articles=loaded.articles,
                sentences=result.sentences,
                vectors=result.vectors,
                index_type=index_type,
                build_seconds=clock() - started,
                pipeline=pipeline,
                store=store or StoreLocation(),
                carried=result.carried,
            ),
            result.lexical,
            result.keys,
        )
        if fetched is not None:
            cache.keep_only(set(fetched.urls))  # copies of pages no source names any more go
    return BuildReport(
        articles=len(loaded.articles),
        sentences=len(result.sentences),
        encoded=result.encoded,
        reused=len(result.sentences) - result.encoded,
        seconds=clock() - started,
        encode_seconds=result.encode_seconds,
        problems=loaded.problems,
        skipped=loaded.skipped,
        manifest=manifest,
        unchanged_articles=result.unchanged_articles,
        previous_pipeline=previous_pipeline,
        feeds=fetched.feeds if fetched is not None else (),
        fetched=fetched.fetched if fetched is not None else 0,
        cached=fetched.cached if fetched is not None else 0,
    )


def _load(
    articles_path: Path | None,
    web: WebSources | None,
    cache: WebCache,
    policy: FetchPolicy | None,
    progress: bool,
) -> tuple[LoadReport, WebArticles | None]:
    """The articles of the folder and of the web (the folder's first when ids clash)."""
    loaded = load_articles(articles_path) if articles_path is not None else LoadReport((), (), ())
    if web is None or web.empty:
        return loaded, None
    # Imported here: the HTTP client, feedparser and trafilatura cost ``import index`` (the bot,
    # every script) about half a second, and only a build with web sources needs them.
    from index.web.gather import gather_web

    fetched = gather_web(web, cache, policy, progress=progress)
    articles = list(loaded.articles)
    problems = [*loaded.problems, *fetched.problems]
    ids = {article.id: article.source for article in articles}
    for article in fetched.articles:
        if article.id in ids:
            problems.append(
                LoadProblem(article.source, f"the article id {article.id!r} is already used by {ids[article.id]}")
            )
            continue
        ids[article.id] = article.source
        articles.append(article)
    return LoadReport(tuple(articles), tuple(problems), loaded.skipped), fetched


def write_index(
    index_dir: Path,
    model: str,
    articles: Sequence[Article],
    sentences: Sequence[Sentence],
    vectors: np.ndarray,
    *,
    texts: Sequence[str] | None = None,
    index_type: str = "auto",
    build_seconds: float = 0.0,
    store: StoreLocation | None = None,
) -> Manifest:
    """Write ``sentences`` (row i has ``vectors[i]``) as the live generation; hold ``build_lock``.

    ``texts`` are the embedded texts (computed from the sentences when not given); their BM25
    index and keys are computed from them. The benchmark writes synthetic corpora through here,
    so that they are exactly what a build writes. No pipeline version is recorded: the sentences
    were not necessarily split by this code, so a rebuild splits every article again.
    """
    matching = list(texts) if texts is not None else matching_texts(sentences)
    payload = StoreWrite(model, articles, sentences, vectors, index_type, build_seconds, store=store or StoreLocation())
    return _write(index_dir, payload, build_lexical(matching), text_keys(matching))


def _write(index_dir: Path, payload: StoreWrite, lexical: LexicalIndex, keys: np.ndarray) -> Manifest:
    """Write the generation with its matching files (the one way both writers go)."""
    return write_generation(
        index_dir, replace(payload, extra_files=lambda directory: write_matching_files(directory, lexical, keys))
    )


@dataclass(frozen=True)
class _Split:
    """One article's sentences; for a fresh one, its embedded texts and their tokens."""

    sentences: list[Sentence]
    texts: list[str] | None  # None for an article carried over (its texts were embedded before)
    tokens: list[list[str]] | None
    rows: list[int] | None  # previous-index rows of an unchanged article, else None (fresh)


@dataclass(frozen=True)
class _Built:
    sentences: list[Sentence]
    keys: np.ndarray
    vectors: np.ndarray
    lexical: LexicalIndex
    carried: np.ndarray  # per row, the previous index's row it was carried over from, else -1
    encoded: int
    encode_seconds: float
    unchanged_articles: int


def _sentences_and_vectors(
    articles: Sequence[Article],
    embedder: Embedder,
    previous: PreviousIndex | None,
    *,
    progress: bool,
    clock: Callable[[], float],
) -> _Built:
    """Every article's sentences, text keys and vectors, in article order, plus BM25."""
    splits: list[_Split | None] = []
    fresh: list[int] = []
    for number, article in enumerate(articles):
        if previous is not None and previous.unchanged(article):
            stored = previous.stored(article.id)
            splits.append(_Split([s for _, s in stored], None, None, [row for row, _ in stored]))
        else:
            splits.append(None)
            fresh.append(number)
    fresh_articles = [articles[n] for n in fresh]
    for number, (sentences, texts, tokens) in zip(
        fresh, split_articles(fresh_articles, workers=split_workers(len(fresh))), strict=True
    ):
        splits[number] = _Split(sentences, texts, tokens, None)
    ordered = [split for split in splits if split is not None]
    computed: dict[bytes, np.ndarray] = {}
    encode_started = clock()
    # One call for every new text: the model sorts them by length, so batches pad little.
    encoded = _encode_missing(
        [t for split in ordered if split.texts is not None for t in split.texts], embedder, previous, computed, progress
    )
    encode_seconds = clock() - encode_started
    sentences = [s for split in ordered for s in split.sentences]
    vectors = _assemble(ordered, embedder.dim, previous, computed)
    keys, lexical = _keys_and_lexical(ordered, len(sentences), previous)
    carried = np.concatenate(
        [np.asarray(s.rows if s.rows is not None else [-1] * len(s.sentences), dtype=np.int64) for s in ordered]
        or [np.zeros(0, dtype=np.int64)]
    )
    return _Built(sentences, keys, vectors, lexical, carried, encoded, encode_seconds, len(articles) - len(fresh))


def _keys_and_lexical(
    ordered: Sequence[_Split], total: int, previous: PreviousIndex | None
) -> tuple[np.ndarray, LexicalIndex]:
    """The text keys and BM25 of all rows: carried over for unchanged articles where the previous
    index kept them, else computed from the embedded texts."""
    keys = np.empty((total, KEY_BYTES), dtype=np.uint8)
    old_keys = previous.keys if previous is not None else None
    counts = previous.counts if previous is not None else None
    new_row = np.full(counts.n_rows if counts is not None else 0, -1, dtype=np.int64)
    tokens: list[tuple[int, list[str]]] = []  # rows whose words are not carried over
    tokenizer: Tokenizer | None = None
    row = 0
    for split in ordered:
        n = len(split.sentences)
        texts, split_tokens = split.texts, split.tokens
        if split.rows is not None and old_keys is not None:
            keys[row : row + n] = old_keys[split.rows]
        else:
            texts = texts if texts is not None else matching_texts(split.sentences)
            keys[row : row + n] = text_keys(texts)
        if split.rows is not None and counts is not None:
            new_row[split.rows] = np.arange(row, row + n)
        else:
            if split_tokens is None:
                tokenizer = tokenizer or Tokenizer()
                texts = texts if texts is not None else matching_texts(split.sentences)
                split_tokens = [tokenizer.tokens(t) for t in texts]
            tokens.extend(zip(range(row, row + n), split_tokens, strict=True))
        row += n
    if counts is not None:
        merged = carry_counts(counts, new_row, tokens, total)
    else:
        merged = count_terms(t for _, t in tokens)  # every row is in ``tokens``, in order
    return keys, lexical_from_counts(merged)


def _encode_missing(
    texts: Sequence[str],
    embedder: Embedder,
    previous: PreviousIndex | None,
    computed: dict[bytes, np.ndarray],
    progress: bool = False,
) -> int:
    """Encode the texts neither the previous index nor this build has a vector for; how many."""
    missing: dict[bytes, str] = {}
    for text in texts:
        key = text_key(text)
        if key in computed or key in missing:
            continue
        if previous is not None:
            row = previous.row_of(key)
            if row is not None:
                computed[key] = previous.vectors[row]
                continue
        missing[key] = text
    if missing:
        fresh = embedder.encode_documents(list(missing.values()), progress=progress)
        computed.update(zip(missing.keys(), fresh, strict=True))
    return len(missing)


def _assemble(
    ordered: Sequence[_Split], dim: int, previous: PreviousIndex | None, computed: dict[bytes, np.ndarray]
) -> np.ndarray:
    """The vectors in row order: carried-over rows in one gather, the rest from ``computed``."""
    total = sum(len(split.sentences) for split in ordered)
    vectors = np.empty((total, dim), dtype=np.float32)
    targets: list[int] = []
    sources: list[int] = []
    row = 0
    for split in ordered:
        if split.rows is not None:
            targets.extend(range(row, row + len(split.rows)))
            sources.extend(split.rows)
        else:
            for offset, text in enumerate(split.texts or ()):
                vectors[row + offset] = computed[text_key(text)]
        row += len(split.sentences)
    if targets:
        assert previous is not None
        vectors[np.asarray(targets)] = previous.vectors[np.asarray(sources)]
    return vectors
