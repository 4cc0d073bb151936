"""The vector index: choosing, building, saving and opening a FAISS index. The only faiss importer.

Vectors are L2-normalised, so inner product is cosine. Small corpora get exact search (flat);
big ones HNSW over 8-bit scalar-quantised vectors; IVF is there on request. Files are opened
memory-mapped where FAISS can, so opening is instant at any size.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import faiss
import numpy as np

from index.errors import IndexBuildError

INDEX_TYPES = ("auto", "flat", "hnsw", "ivf")
# Below this many sentences exact search is both fastest to build and fast enough to query.
FLAT_LIMIT = 100_000
# HNSW over 8-bit scalar-quantised vectors (scripts/bench.py measures it): with M=32 links and
# efConstruction=80, efSearch=256 finds ~0.97 of the exact top 10 at 10^6 sentences in ~2 ms;
# efSearch=96 fell just short of 0.95 there. M=16 builds twice as fast but recalls far less.
HNSW_M = 32
HNSW_EF_CONSTRUCTION = 80
HNSW_EF_SEARCH = 256
# Training rows for the quantiser / IVF centroids: an even sample across the whole corpus.
TRAIN_ROWS = 100_000
# How each index type is memory-mapped: IO_FLAG_MMAP maps IVF lists, IO_FLAG_MMAP_IFC the
# codes of flat and scalar-quantised storage (flat, and HNSW's vectors). FAISS refuses the two
# together on an IVF file.
_MMAP_FLAGS = {
    "flat": faiss.IO_FLAG_MMAP_IFC | faiss.IO_FLAG_READ_ONLY,
    "hnsw": faiss.IO_FLAG_MMAP_IFC | faiss.IO_FLAG_READ_ONLY,
    "ivf": faiss.IO_FLAG_MMAP | faiss.IO_FLAG_READ_ONLY,
}


class VectorIndex:
    """A FAISS index of inner products; row ``i`` is sentence row ``i``."""

    def __init__(self, index: faiss.Index) -> None:
        self._index = index

    @property
    def dimension(self) -> int:
        return int(self._index.d)

    @property
    def size(self) -> int:
        return int(self._index.ntotal)

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Top-``k`` (scores, rows) for each query row; rows are -1 where fewer exist."""
        return self._index.search(np.ascontiguousarray(queries, dtype=np.float32), k)

    def save(self, path: Path) -> None:
        faiss.write_index(self._index, str(path))


def choose_index_type(n_vectors: int, requested: str = "auto") -> str:
    if requested not in INDEX_TYPES:
        raise IndexBuildError(f"Unknown index type {requested!r}; choose one of {', '.join(INDEX_TYPES)}.")
    if requested != "auto":
        return requested
    return "flat" if n_vectors < FLAT_LIMIT else "hnsw"


def build_vector_index(vectors: np.ndarray, index_type: str) -> tuple[VectorIndex, dict[str, Any]]:
    """A FAISS index over ``vectors`` (rows normalised), and the parameters a search must use."""
    n, dim = vectors.shape
    index: faiss.Index
    params: dict[str, Any]
    if index_type == "flat":
        index = faiss.IndexFlatIP(dim)
        params = {}
    elif index_type == "hnsw":
        # Scalar-quantised HNSW: a quarter of the memory of float32 and recall close to exact.
        # faiss's type stub names a ScalarQuantizer here; the SWIG constructor takes its type code.
        hnsw = faiss.IndexHNSWSQ(dim, faiss.ScalarQuantizer.QT_8bit, HNSW_M, faiss.METRIC_INNER_PRODUCT)  # type: ignore[arg-type]
        hnsw.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
        hnsw.train(_training_sample(vectors, TRAIN_ROWS))
        index = hnsw
        params = {"M": HNSW_M, "efConstruction": HNSW_EF_CONSTRUCTION, "efSearch": HNSW_EF_SEARCH, "quantizer": "SQ8"}
    elif index_type == "ivf":
        nlist = max(1, min(int(4 * np.sqrt(max(n, 1))), n // 39 if n >= 39 else 1))
        quantizer = faiss.IndexFlatIP(dim)
        index = faiss.IndexIVFScalarQuantizer(
            quantizer, dim, nlist, faiss.ScalarQuantizer.QT_8bit, faiss.METRIC_INNER_PRODUCT
        )
        index.train(_training_sample(vectors, max(nlist * 64, 10_000)))
        params = {"nlist": nlist, "nprobe": max(1, min(nlist, nlist // 16 + 8)), "quantizer": "SQ8"}
    else:
        raise IndexBuildError(f"Unknown index type {index_type!r}.")
    if n:
        index.add(vectors)
    return VectorIndex(index), params


def _training_sample(vectors: np.ndarray, rows: int) -> np.ndarray:
    """At most ``rows`` rows spread evenly over ``vectors`` (the first rows are one topic's)."""
    step = max(1, -(-len(vectors) // rows))
    return np.ascontiguousarray(vectors[::step])


def read_vector_index(path: Path, index_type: str, params: dict[str, Any], *, mmap: bool = True) -> VectorIndex:
    """Open a saved index with the search parameters it was built for; RuntimeError if unreadable.

    ``mmap`` maps the file instead of reading it into memory: the pages are file-backed, so the
    OS can drop and re-read them instead of the process holding the whole index.
    """
    flags = _MMAP_FLAGS.get(index_type, 0) if mmap else 0
    index = faiss.read_index(str(path), flags)
    if index_type == "hnsw":
        hnsw = faiss.downcast_index(index)
        if not isinstance(hnsw, faiss.IndexHNSW):
            raise RuntimeError(f"{path} holds no HNSW index")
        hnsw.hnsw.efSearch = int(params.get("efSearch", HNSW_EF_SEARCH))
    elif index_type == "ivf":
        faiss.extract_index_ivf(index).nprobe = int(params.get("nprobe", 16))
    return VectorIndex(index)
