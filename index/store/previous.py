"""What the live index offers a rebuild: its articles' sentences, its vectors and their keys.

A rebuild opens the live index through ``PreviousIndex.open``: an article whose content is
unchanged and that was split by the same pipeline version keeps its stored sentences (and their
BM25 word counts); any text embedded before keeps its vector. Anything that does not fit (another
model, a missing or mismatched file) makes the rebuild start from scratch, never fail.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from index.errors import IndexLoadError
from index.store.generation import LoadedIndex, open_index
from index.store.lexical import load_counts
from index.store.matching import KEY_BYTES, read_keys
from index.store.metadata import article_hash
from index.types import Article, Sentence


class PreviousIndex:
    """The live index, opened for reuse by a rebuild (``close`` it when done)."""

    def __init__(self, loaded: LoadedIndex, reuse_articles: bool) -> None:
        self._loaded = loaded
        self.article_hashes = loaded.metadata.article_hashes() if reuse_articles else {}
        self.vectors = loaded.vectors()  # memory-mapped
        self._rows_by_key: dict[bytes, int] | None = None
        self._stored: dict[str, list[tuple[int, Sentence]]] | None = None
        self.keys = read_keys(loaded.generation_dir, len(self.vectors))
        # Word counts carry over only with the same splitting and tokenising code.
        self.counts = load_counts(loaded.generation_dir) if reuse_articles else None
        if self.counts is not None and self.counts.n_rows != loaded.manifest.sentences:
            self.counts = None

    @classmethod
    def open(cls, index_dir: Path, model: str, dimension: int, pipeline: str) -> PreviousIndex | None:
        """The live index when it was built with the same model, else None (embed everything).

        Its articles are reused only when it was built by the same ``pipeline`` version.
        """
        try:
            # Without its vector search: a rebuild reads files only, and needs no Qdrant connection.
            loaded = open_index(
                index_dir, expected_model=model, expected_dimension=dimension, verify=False, search=False
            )
        except IndexLoadError:
            return None
        try:
            previous = cls(loaded, reuse_articles=loaded.manifest.pipeline == pipeline)
            if previous.vectors.shape != (loaded.manifest.sentences, dimension):
                raise ValueError("vectors.npy does not match the manifest")
            return previous
        except (OSError, ValueError):
            loaded.close()
            return None

    @property
    def pipeline(self) -> str:
        """The pipeline version that split the live index's articles (its manifest's)."""
        return self._loaded.manifest.pipeline

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
            keys = self.keys if self.keys is not None else np.zeros((0, KEY_BYTES), dtype=np.uint8)
            self._rows_by_key = {row.tobytes(): i for i, row in enumerate(keys)}
        return self._rows_by_key.get(key)
