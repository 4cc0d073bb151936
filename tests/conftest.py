"""Fixtures shared by more than one kind of test (unit/, e2e/, process/).

The real model and the sample index are used by all three kinds; the HTTP fake Bot API and a
private index copy by e2e/ and process/. Fixtures of one kind live in that folder's conftest.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from index.build import build_index
from index.embedding.loader import load_embedder
from index.embedding.models import Embedder
from index.rerank.model import BUNDLED_MODEL, AnyReranker, load_reranker
from index.search.searcher import Searcher
from tests.fakes.bot_api import FakeBotAPI
from tests.support import SAMPLE_CORPUS


@pytest.fixture
def bot_api() -> Iterator[FakeBotAPI]:
    """A fake Telegram Bot API server on 127.0.0.1, stopped after the test."""
    with FakeBotAPI() as server:
        yield server


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    """The real bundled all-MiniLM-L6-v2, loaded once per test session."""
    return load_embedder()


@pytest.fixture(scope="session")
def reranker() -> AnyReranker:
    """The bundled answer reranker (index/rerank_model/), loaded once per test session."""
    loaded = load_reranker()
    if loaded is None:
        pytest.skip(f"the reranker model is not at {BUNDLED_MODEL} (it is trained and committed on its own)")
    return loaded


@pytest.fixture(scope="session")
def sample_index(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Path:
    """A real index of the bundled sample article, built once per session."""
    index_dir = tmp_path_factory.mktemp("sample") / "index"
    build_index(SAMPLE_CORPUS, index_dir, embedder)
    return index_dir


@pytest.fixture
def index_copy(tmp_path: Path, sample_index: Path) -> Path:
    """A private copy of the sample index that the test may rebuild, break or write beside."""
    copy = tmp_path / "index"
    shutil.copytree(sample_index, copy)
    return copy


@pytest.fixture(scope="session")
def sample_searcher(sample_index: Path, embedder: Embedder) -> Iterator[Searcher]:
    """A Searcher over the sample index, opened once per session (tests must not close it)."""
    searcher = Searcher.open(sample_index, embedder=embedder)
    yield searcher
    searcher.close()
