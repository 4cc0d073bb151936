"""Building an index: articles -> sentences (with speakers) -> embeddings -> a new generation.

A rebuild is incremental at two levels (``full=True`` redoes everything):

* an article whose content hash is unchanged since the live index was built, by the same model
  and the same splitting/attribution/context code (``pipeline_fingerprint``), keeps its stored
  sentences, speakers and vectors: it is not even split again;
* any other sentence whose embedded text was embedded before keeps its vector (keyed by model
  and the hash of the text actually embedded, which for a sentence that cannot stand alone
  includes the sentence before it: see context.py).

So a rebuild after changing one article splits and encodes that article only; removed articles
simply are not carried over. A big build splits its articles in one worker process per core
first, then encodes every new text in one call (the model then has every core to itself and
sorts all texts by length), so a full build runs at about the model's own encoding speed. The
build also writes the lexical (BM25) index of the embedded texts and their hashes into the
generation (``lexical.py``, ``EMBEDDED_KEYS``).
"""

from __future__ import annotations

import hashlib
import multiprocessing
import re
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pysbd

from index.attribution import core as attribution
from index.attribution.core import attribute
from index.cpu import available_cores
from index.embedding.models import Embedder
from index.errors import IndexBuildError, IndexLoadError
from index.ingest.loaders import LoadProblem, load_articles
from index.store import lexical as lexical_module
from index.store.generation import LoadedIndex, StoreWrite, open_index, write_generation
from index.store.lexical import (
    LexicalIndex,
    Tokenizer,
    build_lexical,
    carry_counts,
    count_terms,
    lexical_from_counts,
    load_counts,
)
from index.store.manifest import Manifest, build_lock
from index.store.metadata import article_hash, text_hash
from index.text import context
from index.text import sentences as splitting
from index.text.context import matching_texts
from index.text.sentences import split_article
from index.types import Article, Sentence

# Hashes of the texts embedded for each row: one sha256 digest (32 uint8) per row, no pickle.
EMBEDDED_KEYS = "embedded.npy"
# From this many new articles on, splitting is shared out to one worker process per core.
PARALLEL_SPLIT_ARTICLES = 400
SPLIT_CHUNKS_PER_WORKER = 8  # small enough pieces that the workers finish together
REGEX_CACHE_ENTRIES = 8192  # pysbd compiles about 2,300 distinct patterns on news text


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

    @property
    def sentences_per_second(self) -> float:
        return self.sentences / self.seconds if self.seconds > 0 else 0.0


def sentences_of(articles: Sequence[Article]) -> list[Sentence]:
    """Split every article and attribute its quotes, in article order."""
    sentences: list[Sentence] = []
    for article in articles:
        sentences.extend(attribute(split_article(article), title=article.title))
    return sentences


def pipeline_fingerprint() -> str:
    """Changes whenever the code deciding an article's sentences, speakers or embedded texts does."""
    digest = hashlib.sha256(pysbd.__version__.encode("utf-8"))
    for module_file in (splitting.__file__, attribution.__file__, context.__file__, lexical_module.__file__, __file__):
        digest.update(Path(module_file).read_bytes())
    return digest.hexdigest()[:16]


def build_index(
    articles_path: Path,
    index_dir: Path,
    embedder: Embedder,
    *,
    full: bool = False,
    index_type: str = "auto",
    progress: bool = False,
    clock: Callable[[], float] = time.perf_counter,
) -> BuildReport:
    """Build (or incrementally rebuild) the index at ``index_dir`` from ``articles_path``.

    Raises IndexBuildError, leaving any existing index untouched, when nothing can be indexed
    or another build is running.
    """
    started = clock()
    with build_lock(index_dir):
        loaded = load_articles(articles_path)
        if not loaded.articles:
            details = "; ".join(f"{p.path}: {p.message}" for p in loaded.problems[:5])
            raise IndexBuildError(
                f"Nothing to index in {articles_path}"
                + (f" ({details})" if details else " (no .txt, .md, .html or .jsonl articles found)")
                + ". The existing index, if any, is unchanged."
            )
        fingerprint = pipeline_fingerprint()
        previous = None if full else _Previous.open(index_dir, embedder, fingerprint)
        try:
            result = _sentences_and_vectors(loaded.articles, embedder, previous, progress=progress, clock=clock)
        finally:
            if previous is not None:
                previous.close()
        if not result.sentences:
            raise IndexBuildError(
                f"The articles in {articles_path} hold no sentences; the existing index is unchanged."
            )
        manifest = write_index(
            index_dir,
            embedder.name,
            loaded.articles,
            result.sentences,
            result.vectors,
            keys=result.keys,
            lexical=result.lexical,
            index_type=index_type,
            build_seconds=clock() - started,
            pipeline=fingerprint,
        )
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
    )


def write_index(
    index_dir: Path,
    model: str,
    articles: Sequence[Article],
    sentences: Sequence[Sentence],
    vectors: np.ndarray,
    *,
    texts: Sequence[str] | None = None,
    lexical: LexicalIndex | None = None,
    keys: np.ndarray | None = None,
    index_type: str = "auto",
    build_seconds: float = 0.0,
    pipeline: str = "",
) -> Manifest:
    """Write ``sentences`` (row i has ``vectors[i]``) as the live generation; hold ``build_lock``.

    ``texts`` are the embedded texts (computed from the sentences when not given), ``lexical``
    their BM25 index and ``keys`` their hashes (both computed from the texts when not given).
    The benchmark writes synthetic corpora through here, so that they are exactly what a build
    writes.
    """
    if lexical is None or keys is None:
        matching = list(texts) if texts is not None else matching_texts(sentences)
        lexical = lexical if lexical is not None else build_lexical(matching)
        keys = keys if keys is not None else _keys(matching)
    bm25, digests = lexical, keys
    return write_generation(
        index_dir,
        StoreWrite(
            model=model,
            articles=articles,
            sentences=sentences,
            vectors=vectors,
            index_type=index_type,
            build_seconds=build_seconds,
            pipeline=pipeline,
            extra_files=lambda directory: _write_matching_files(directory, bm25, digests),
        ),
    )


def _write_matching_files(directory: Path, lexical: LexicalIndex, keys: np.ndarray) -> list[str]:
    """The lexical index of the matching texts and their hashes, written into a generation."""
    names = lexical.save(directory)
    np.save(directory / EMBEDDED_KEYS, keys, allow_pickle=False)
    return [*names, EMBEDDED_KEYS]


def _keys(texts: Sequence[str]) -> np.ndarray:
    """One 32-byte key per text, as a (n, 32) uint8 array."""
    return np.frombuffer(b"".join(_key(t) for t in texts), dtype=np.uint8).reshape(len(texts), 32).copy()


def _key(text: str) -> bytes:
    """The 32-byte cache key of an embedded text (the digest ``text_hash`` writes in hex)."""
    return bytes.fromhex(text_hash(text))


class _Previous:
    """What the live index offers a rebuild: its articles' sentences and every stored vector."""

    def __init__(self, loaded: LoadedIndex, reuse_articles: bool) -> None:
        self._loaded = loaded
        self.article_hashes = loaded.metadata.article_hashes() if reuse_articles else {}
        self.vectors = loaded.vectors()  # memory-mapped
        self._rows_by_key: dict[bytes, int] | None = None
        self._stored: dict[str, list[tuple[int, Sentence]]] | None = None
        self.keys = self._read_keys()
        # Word counts carry over only with the same splitting and tokenising code.
        self.counts = load_counts(loaded.generation_dir) if reuse_articles else None
        if self.counts is not None and self.counts.n_rows != loaded.manifest.sentences:
            self.counts = None

    def _read_keys(self) -> np.ndarray | None:
        try:
            keys = np.load(self._loaded.generation_dir / EMBEDDED_KEYS, allow_pickle=False)
        except (OSError, ValueError):
            return None  # older index: it cannot say what it embedded
        return keys if keys.shape == (len(self.vectors), 32) else None

    @classmethod
    def open(cls, index_dir: Path, embedder: Embedder, fingerprint: str) -> _Previous | None:
        """The live index when it was built with the same model, else None (embed everything)."""
        try:
            loaded = open_index(index_dir, expected_model=embedder.name, expected_dimension=embedder.dim, verify=False)
        except IndexLoadError:
            return None
        try:
            previous = cls(loaded, reuse_articles=loaded.manifest.pipeline == fingerprint)
            if previous.vectors.shape != (loaded.manifest.sentences, embedder.dim):
                raise ValueError("vectors.npy does not match the manifest")
            return previous
        except (OSError, ValueError):
            loaded.close()
            return None

    def close(self) -> None:
        self._loaded.close()

    def unchanged(self, article: Article) -> bool:
        return self.article_hashes.get(article.id) == article_hash(article)

    def stored(self, article_id: str) -> list[tuple[int, Sentence]]:
        """(row, sentence) of a stored article, in order (all are read in one query, once)."""
        if self._stored is None:
            grouped: dict[str, list[tuple[int, Sentence]]] = {}
            for row, sentence in enumerate(self._loaded.metadata.all_sentences()):
                grouped.setdefault(sentence.article_id, []).append((row, sentence))
            self._stored = grouped
        return self._stored.get(article_id, [])

    def row_of(self, key: bytes) -> int | None:
        """The row whose embedded text had this key, if the index recorded its keys."""
        if self._rows_by_key is None:
            keys = self.keys if self.keys is not None else np.zeros((0, 32), dtype=np.uint8)
            self._rows_by_key = {row.tobytes(): i for i, row in enumerate(keys)}
        return self._rows_by_key.get(key)


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
    encoded: int
    encode_seconds: float
    unchanged_articles: int


Splitting = tuple[list[Sentence], list[str], list[list[str]]]


def split_articles(articles: Sequence[Article], *, workers: int = 1) -> list[Splitting]:
    """(sentences, embedded texts, their BM25 tokens) of each article, in order, by ``workers`` processes.

    Splitting is pure Python: it holds the GIL, so threads cannot share it out; worker processes
    can, and they finish before the model starts (which wants every core to itself).
    """
    if workers < 2 or len(articles) < 2:
        return _split_chunk(articles)
    size = max(1, -(-len(articles) // (workers * SPLIT_CHUNKS_PER_WORKER)))
    chunks = [articles[i : i + size] for i in range(0, len(articles), size)]
    # fork where there is one: the children start at once and need no main-module guard in the
    # caller's script; they only run the splitter, never the model whose threads fork leaves behind.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_roomy_regex_cache) as pool:
        return [split for chunk in pool.map(_split_chunk, chunks) for split in chunk]


def _roomy_regex_cache() -> None:
    """Let a split worker keep every regex pysbd compiles.

    pysbd builds one pattern per abbreviation it meets and passes it to ``re`` as a string;
    there are more of them than ``re``'s 512-entry cache holds, so the worker spent over a third
    of its time recompiling them. A split worker is a process of its own that only splits, so
    widening its cache touches nothing else (the attribute is private; without it, nothing changes).
    """
    if isinstance(getattr(re, "_MAXCACHE", None), int):
        re._MAXCACHE = max(re._MAXCACHE, REGEX_CACHE_ENTRIES)  # type: ignore[attr-defined]


def _split_chunk(articles: Sequence[Article]) -> list[Splitting]:
    tokenizer = Tokenizer()
    out = []
    for article in articles:
        sentences = attribute(split_article(article), title=article.title)
        texts = matching_texts(sentences)
        out.append((sentences, texts, [tokenizer.tokens(t) for t in texts]))
    return out


def _split_workers(articles: int) -> int:
    """Worker processes worth starting for ``articles`` articles (1: split in this process)."""
    return 1 if articles < PARALLEL_SPLIT_ARTICLES else available_cores()


def _sentences_and_vectors(
    articles: Sequence[Article],
    embedder: Embedder,
    previous: _Previous | None,
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
        fresh, split_articles(fresh_articles, workers=_split_workers(len(fresh))), strict=True
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
    return _Built(sentences, keys, vectors, lexical, encoded, encode_seconds, len(articles) - len(fresh))


def _keys_and_lexical(
    ordered: Sequence[_Split], total: int, previous: _Previous | None
) -> tuple[np.ndarray, LexicalIndex]:
    """The text keys and BM25 of all rows: carried over for unchanged articles where the previous
    index kept them, else computed from the embedded texts."""
    keys = np.empty((total, 32), dtype=np.uint8)
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
            keys[row : row + n] = _keys(texts)
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
    previous: _Previous | None,
    computed: dict[bytes, np.ndarray],
    progress: bool = False,
) -> int:
    """Encode the texts neither the previous index nor this build has a vector for; how many."""
    missing: dict[bytes, str] = {}
    for text in texts:
        key = _key(text)
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
    ordered: Sequence[_Split], dim: int, previous: _Previous | None, computed: dict[bytes, np.ndarray]
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
                vectors[row + offset] = computed[_key(text)]
        row += len(split.sentences)
    if targets:
        assert previous is not None
        vectors[np.asarray(targets)] = previous.vectors[np.asarray(sources)]
    return vectors
