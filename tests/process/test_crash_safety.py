"""``kill -9`` of a rebuild at any moment leaves the previous index whole; two builds never mix.

Each build is the real ``scripts/build_index.py`` in a subprocess (int8 encoder: it starts
quickly), killed with SIGKILL the moment it makes a chosen call (tests/build_killer.py watches
the calls go by; nothing is mocked). Afterwards the index must open with every check and answer
from the articles it had before; the next build must succeed and clear the debris.
"""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from index.build import build_index
from index.embedding.models import Embedder
from index.search.searcher import Searcher
from index.store.manifest import read_manifest
from tests.support import ROOT, SAMPLE_ARTICLE

KILLER = ROOT / "tests" / "build_killer.py"
BUILD = ROOT / "scripts" / "build_index.py"
EXTRA_ARTICLE = """Harbour Lighthouse Gets A New Coat

Harbour master Ingrid Solberg said the old lighthouse was repainted blue in the spring of 2021.

The repainting took three weeks and was paid for by the town council.
"""
# The moments a build can die at: encoding; each file of the new generation being written; the
# generation made whole (its rename); the instant before the manifest commit (replace).
DURING_ENCODING = "py:encode_documents"
DURING_WRITE = "audit:sqlite3.connect=meta.sqlite"
BEFORE_COMMIT = "audit:os.rename=manifest.json"
OTHER_MOMENTS = ["py:write_generation", "audit:open=vectors.npy", "audit:os.rename=.tmp#1", "py:fsync_dir"]


@pytest.fixture
def index_and_corpus(tmp_path: Path, sample_index: Path) -> tuple[Path, Path]:
    index_dir = tmp_path / "index"
    shutil.copytree(sample_index, index_dir)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SAMPLE_ARTICLE, corpus)
    (corpus / "lighthouse.txt").write_text(EXTRA_ARTICLE, encoding="utf-8")
    return index_dir, corpus


def build_args(index_dir: Path, corpus: Path) -> list[str]:
    return ["--articles", str(corpus), "--index", str(index_dir), "--backend", "onnx", "--quiet", "--full"]


def killed_build(spec: str, index_dir: Path, corpus: Path, marker: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(KILLER), spec, "kill", str(marker), "--", *build_args(index_dir, corpus)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )


def assert_old_index_serves(index_dir: Path, embedder: Embedder, old_hash: str) -> None:
    assert read_manifest(index_dir).content_hash == old_hash  # the commit never happened
    searcher = Searcher.open(index_dir, embedder=embedder)  # manifest, sizes and checksums all pass
    try:
        answer = searcher.answer("Where is NATO headquartered?")
        assert any("Brussels" in hit.sentence for hit in answer.hits)
        assert searcher.manifest.articles == 1
    finally:
        searcher.close()


@pytest.mark.parametrize("spec", [DURING_ENCODING, DURING_WRITE])
def test_kill_9_during_a_rebuild_leaves_the_previous_index_answering(
    spec: str, index_and_corpus: tuple[Path, Path], embedder: Embedder, tmp_path: Path
) -> None:
    index_dir, corpus = index_and_corpus
    old_hash = read_manifest(index_dir).content_hash
    marker = tmp_path / "reached"
    result = killed_build(spec, index_dir, corpus, marker)
    assert marker.exists(), f"the build never reached {spec}: {result.stderr}"
    assert result.returncode == -signal.SIGKILL
    assert_old_index_serves(index_dir, embedder, old_hash)


def test_kill_9_just_before_the_commit_then_the_next_build_succeeds_and_clears_the_debris(
    index_and_corpus: tuple[Path, Path], embedder: Embedder, tmp_path: Path
) -> None:
    index_dir, corpus = index_and_corpus
    old_hash = read_manifest(index_dir).content_hash
    marker = tmp_path / "reached"
    result = killed_build(BEFORE_COMMIT, index_dir, corpus, marker)
    assert marker.exists() and result.returncode == -signal.SIGKILL, result.stderr
    assert_old_index_serves(index_dir, embedder, old_hash)  # a whole new generation sits unnamed beside it
    assert any(p.name.startswith(".manifest") for p in index_dir.iterdir())
    build_index(corpus, index_dir, embedder)  # the dead build's lock is free: its flock died with it
    assert not any(p.name.endswith(".tmp") for p in index_dir.iterdir())
    searcher = Searcher.open(index_dir, embedder=embedder)
    try:
        assert searcher.manifest.articles == 2
        assert any(
            "repainted blue" in h.sentence for h in searcher.answer("What colour was the lighthouse repainted?").hits
        )
    finally:
        searcher.close()


def test_a_second_build_at_the_same_time_is_refused_with_a_clear_message(
    index_and_corpus: tuple[Path, Path], embedder: Embedder, tmp_path: Path
) -> None:
    index_dir, corpus = index_and_corpus
    old_hash = read_manifest(index_dir).content_hash
    marker = tmp_path / "holding"
    first = subprocess.Popen(
        [sys.executable, str(KILLER), DURING_WRITE, "pause", str(marker), "--", *build_args(index_dir, corpus)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while not marker.exists():  # the first build now holds the lock, half-way through
            assert first.poll() is None and time.monotonic() < deadline, first.communicate()
            time.sleep(0.05)
        second = subprocess.run(
            [sys.executable, str(BUILD), *build_args(index_dir, corpus)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=180,
        )
    finally:
        first.kill()
        first.communicate()
    assert second.returncode == 1
    assert f"Another build of {index_dir} is running (pid {first.pid})" in second.stderr
    assert_old_index_serves(index_dir, embedder, old_hash)


@pytest.mark.slow
@pytest.mark.parametrize("spec", OTHER_MOMENTS)
def test_soak_kill_9_at_every_other_moment(
    spec: str, index_and_corpus: tuple[Path, Path], embedder: Embedder, tmp_path: Path
) -> None:
    index_dir, corpus = index_and_corpus
    old_hash = read_manifest(index_dir).content_hash
    marker = tmp_path / "reached"
    result = killed_build(spec, index_dir, corpus, marker)
    assert marker.exists(), f"the build never reached {spec}: {result.stderr}"
    assert_old_index_serves(index_dir, embedder, old_hash)


@pytest.mark.slow
def test_soak_kill_9_at_random_moments_never_leaves_a_broken_index(
    index_and_corpus: tuple[Path, Path], embedder: Embedder, tmp_path: Path
) -> None:
    index_dir, corpus = index_and_corpus
    hashes = {read_manifest(index_dir).content_hash}
    rng = random.Random(5)
    for _ in range(12):
        process = subprocess.Popen([sys.executable, str(BUILD), *build_args(index_dir, corpus)], cwd=ROOT)
        time.sleep(rng.uniform(0.5, 6.0))
        process.send_signal(signal.SIGKILL)
        process.wait()
        searcher = Searcher.open(index_dir, embedder=embedder)  # old or new, never half of either
        try:
            hashes.add(searcher.manifest.content_hash)
            assert searcher.answer("Where is NATO headquartered?").hits
        finally:
            searcher.close()
    assert len(hashes) <= 2
