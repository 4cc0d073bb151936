"""Building an index: articles -> sentences (with speakers) -> embeddings -> a new generation.

Unchanged sentences keep their embeddings from the live index (keyed by model and the hash of
the text actually embedded, which for a sentence that cannot stand alone includes the sentence
before it: see context.py), so adding or changing one article re-embeds only that article;
``full=True`` re-embeds all. The build also writes the lexical (BM25) index of the same texts
and the embedded texts' hashes into the generation (``lexical.py``, ``EMBEDDED_KEYS``).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from index.attribution import attribute
from index.context import matching_texts
from index.documents import LoadProblem, load_articles
from index.embedder import Embedder
from index.errors import IndexBuildError, IndexLoadError
from index.lexical import build_lexical
from index.metadata import text_hash
from index.sentences import split_article
from index.store import Manifest, StoreWrite, build_lock, check_writable_index_dir, open_index, write_generation
from index.types import Article, Sentence


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

    @property
    def sentences_per_second(self) -> float:
        return self.sentences / self.seconds if self.seconds > 0 else 0.0


def sentences_of(articles: Sequence[Article]) -> list[Sentence]:
    """Split every article and attribute its quotes, in article order."""
    sentences: list[Sentence] = []
    for article in articles:
        sentences.extend(attribute(split_article(article), title=article.title))
    return sentences


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
    check_writable_index_dir(index_dir)
    with build_lock(index_dir):
        loaded = load_articles(articles_path)
        if not loaded.articles:
            details = "; ".join(f"{p.path}: {p.message}" for p in loaded.problems[:5])
            raise IndexBuildError(
                f"Nothing to index in {articles_path}"
                + (f" ({details})" if details else " (no .txt, .md, .html or .jsonl articles found)")
                + ". The existing index, if any, is unchanged."
            )
        sentences = sentences_of(loaded.articles)
        if not sentences:
            raise IndexBuildError(f"The articles in {articles_path} hold no sentences; the existing index is unchanged.")
        cache = {} if full else _previous_embeddings(index_dir, embedder)
        texts = matching_texts(sentences)
        encode_started = clock()
        vectors, encoded = _embed(texts, embedder, cache, progress=progress)
        encode_seconds = clock() - encode_started
        manifest = write_generation(
            index_dir,
            StoreWrite(
                model=embedder.name,
                articles=loaded.articles,
                sentences=sentences,
                vectors=vectors,
                index_type=index_type,
                build_seconds=clock() - started,
                extra_files=lambda directory: _write_matching_files(directory, texts),
            ),
        )
    return BuildReport(
        articles=len(loaded.articles),
        sentences=len(sentences),
        encoded=encoded,
        reused=len(sentences) - encoded,
        seconds=clock() - started,
        encode_seconds=encode_seconds,
        problems=loaded.problems,
        skipped=loaded.skipped,
        manifest=manifest,
    )


# Hashes of the texts embedded for each row: one sha256 digest (32 uint8) per row, no pickle.
EMBEDDED_KEYS = "embedded.npy"


def _write_matching_files(directory: Path, texts: Sequence[str]) -> list[str]:
    """The lexical index of the matching texts and their hashes, written into a generation."""
    names = build_lexical(texts).save(directory)
    digests = b"".join(bytes.fromhex(text_hash(t)) for t in texts)
    keys = np.frombuffer(digests, dtype=np.uint8).reshape(len(texts), 32)
    np.save(directory / EMBEDDED_KEYS, keys, allow_pickle=False)
    return [*names, EMBEDDED_KEYS]


def _previous_embeddings(index_dir: Path, embedder: Embedder) -> dict[str, np.ndarray]:
    """embedded-text hash -> vector from the live index, when it was built with the same model."""
    try:
        previous = open_index(index_dir, expected_model=embedder.name, expected_dimension=embedder.dim, verify=False)
    except IndexLoadError:
        return {}  # no usable previous index: everything is embedded afresh
    try:
        # An index written before embedded texts were recorded cannot say what it embedded.
        keys = np.load(previous.generation_dir / EMBEDDED_KEYS, allow_pickle=False)
        hashes = [row.tobytes().hex() for row in keys]
        vectors = previous.vectors()
        if vectors.shape != (len(hashes), embedder.dim):
            return {}
        return {h: vectors[row] for row, h in enumerate(hashes)}
    except (OSError, ValueError):
        return {}
    finally:
        previous.close()


def _embed(
    texts: Sequence[str], embedder: Embedder, cache: dict[str, np.ndarray], *, progress: bool
) -> tuple[np.ndarray, int]:
    """One vector per matching text; each distinct new text is encoded once."""
    hashes = [text_hash(t) for t in texts]
    missing: dict[str, str] = {}
    for text, key in zip(texts, hashes, strict=True):
        if key not in cache and key not in missing:
            missing[key] = text
    fresh = embedder.encode_documents(list(missing.values()), progress=progress)
    known = dict(cache)
    known.update(zip(missing.keys(), fresh, strict=True))
    vectors = np.empty((len(texts), embedder.dim), dtype=np.float32)
    for row, key in enumerate(hashes):
        vectors[row] = known[key]
    return vectors, len(missing)
