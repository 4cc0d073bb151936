"""The index directory: round trip, atomic generations, and refusing bad indexes."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import numpy as np
import pytest

from index.errors import IndexBuildError, IndexLoadError
from index.store.faiss_index import choose_index_type
from index.store.generation import StoreWrite, open_index, write_generation
from index.store.manifest import MANIFEST, build_lock, read_manifest
from index.types import Article, Sentence


def unit_rows(n: int, dim: int = 16, seed: int = 0) -> np.ndarray:
    rows = np.random.default_rng(seed).normal(size=(n, dim)).astype(np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def payload(
    n: int = 5, dim: int = 16, model: str = "test-model", seed: int = 0, index_type: str = "auto"
) -> StoreWrite:
    article = Article("a1", "A title", tuple(f"Sentence number {i}." for i in range(n)), "a1.txt")
    sentences, offset = [], 0
    for i, text in enumerate(article.paragraphs):
        sentences.append(Sentence("a1", i, i, offset, offset + len(text), text))
        offset += len(text) + 2
    return StoreWrite(model, [article], sentences, unit_rows(n, dim, seed), index_type)


def test_round_trip_finds_each_vector_first(tmp_path: Path) -> None:
    data = payload()
    manifest = write_generation(tmp_path / "idx", data)
    loaded = open_index(tmp_path / "idx", expected_model="test-model", expected_dimension=16)
    scores, rows = loaded.search(data.vectors, 1)
    assert rows[:, 0].tolist() == list(range(5))
    assert np.allclose(scores[:, 0], 1.0, atol=1e-5)
    stored = loaded.metadata.sentences([2])[2]
    assert stored.text == "Sentence number 2." and stored.article_id == "a1"
    assert manifest.sentences == 5 and manifest.articles == 1 and manifest.index_type == "flat"
    on_disk = json.loads((tmp_path / "idx" / MANIFEST).read_text())
    for key in ("format_version", "model", "dimension", "articles", "sentences", "built_at", "content_hash"):
        assert key in on_disk
    assert not any(p.suffix == ".pkl" for p in (tmp_path / "idx").rglob("*"))
    loaded.close()


def test_a_rebuild_replaces_the_index_and_keeps_one_previous_generation(tmp_path: Path) -> None:
    first = write_generation(tmp_path / "idx", payload(seed=1))
    second = write_generation(tmp_path / "idx", payload(seed=2))
    third = write_generation(tmp_path / "idx", payload(seed=3))
    assert read_manifest(tmp_path / "idx").generation == third.generation
    generations = sorted(p.name for p in (tmp_path / "idx").glob("gen-*"))
    assert generations == sorted([second.generation, third.generation])
    assert first.generation not in generations


def test_refuses_an_index_built_with_another_model(tmp_path: Path) -> None:
    write_generation(tmp_path / "idx", payload(model="model-a"))
    with pytest.raises(IndexLoadError, match="built with the model 'model-a'"):
        open_index(tmp_path / "idx", expected_model="model-b")


def test_refuses_another_dimension(tmp_path: Path) -> None:
    write_generation(tmp_path / "idx", payload(dim=16))
    with pytest.raises(IndexLoadError, match="16-dimensional"):
        open_index(tmp_path / "idx", expected_dimension=384)


@pytest.mark.parametrize("victim", ["index.faiss", "meta.sqlite"])
def test_refuses_a_corrupt_file(tmp_path: Path, victim: str) -> None:
    manifest = write_generation(tmp_path / "idx", payload())
    path = tmp_path / "idx" / manifest.generation / victim
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(IndexLoadError, match="corrupt"):
        open_index(tmp_path / "idx")


@pytest.mark.parametrize("victim", ["index.faiss", "meta.sqlite"])
def test_refuses_a_missing_or_truncated_file(tmp_path: Path, victim: str) -> None:
    manifest = write_generation(tmp_path / "idx", payload())
    path = tmp_path / "idx" / manifest.generation / victim
    path.write_bytes(path.read_bytes()[:100])
    with pytest.raises(IndexLoadError, match="corrupt"):
        open_index(tmp_path / "idx", verify=False)
    path.unlink()
    with pytest.raises(IndexLoadError, match="missing"):
        open_index(tmp_path / "idx")


def test_refuses_a_garbled_manifest_and_a_missing_one(tmp_path: Path) -> None:
    write_generation(tmp_path / "idx", payload())
    (tmp_path / "idx" / MANIFEST).write_text("{not json")
    with pytest.raises(IndexLoadError, match="not valid JSON"):
        open_index(tmp_path / "idx")
    (tmp_path / "idx" / MANIFEST).unlink()
    with pytest.raises(IndexLoadError, match="no manifest.json"):
        open_index(tmp_path / "idx")
    with pytest.raises(IndexLoadError, match="No index at"):
        open_index(tmp_path / "nowhere")


def test_refuses_a_manifest_from_another_format_version(tmp_path: Path) -> None:
    write_generation(tmp_path / "idx", payload())
    path = tmp_path / "idx" / MANIFEST
    data = json.loads(path.read_text())
    data["format_version"] = 99
    path.write_text(json.dumps(data))
    with pytest.raises(IndexLoadError, match="format version 99"):
        open_index(tmp_path / "idx")


def test_will_not_build_into_a_folder_holding_other_files(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("precious")
    with pytest.raises(IndexBuildError, match="other files"), build_lock(tmp_path):
        write_generation(tmp_path, payload())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]  # not even a lock file
    assert (tmp_path / "notes.txt").read_text() == "precious"


def test_a_second_build_is_refused_while_one_holds_the_lock(tmp_path: Path) -> None:
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with build_lock(tmp_path / "idx"):
            held.set()
            release.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    assert held.wait(10)
    try:
        # flock locks belong to open files, so a second open in this process is refused too.
        with pytest.raises(IndexBuildError, match="Another build"), build_lock(tmp_path / "idx"):
            pass
    finally:
        release.set()
        holder.join()
    with build_lock(tmp_path / "idx"):
        pass


@pytest.mark.parametrize("index_type", ["hnsw", "ivf"])
def test_approximate_index_types_round_trip(tmp_path: Path, index_type: str) -> None:
    data = payload(n=400, dim=16, index_type=index_type)
    manifest = write_generation(tmp_path / "idx", data)
    assert manifest.index_type == index_type
    loaded = open_index(tmp_path / "idx")
    _, rows = loaded.search(data.vectors[:50], 5)
    assert (rows[:, 0] == np.arange(50)).mean() >= 0.9
    loaded.close()


def test_index_type_is_chosen_by_size() -> None:
    assert choose_index_type(1_000) == "flat"
    assert choose_index_type(5_000_000) != "flat"
    assert choose_index_type(5_000_000, "flat") == "flat"
    with pytest.raises(IndexBuildError):
        choose_index_type(10, "annoy")


@pytest.mark.parametrize("index_type", ["flat", "hnsw", "ivf"])
def test_a_memory_mapped_index_answers_like_one_read_into_memory(tmp_path: Path, index_type: str) -> None:
    data = payload(n=400, dim=16, index_type=index_type)
    write_generation(tmp_path / "idx", data)
    mapped, read = open_index(tmp_path / "idx"), open_index(tmp_path / "idx", mmap=False)
    try:
        for loaded in (mapped, read):
            assert loaded.manifest.index_type == index_type
        mapped_scores, mapped_rows = mapped.search(data.vectors[:20], 5)
        read_scores, read_rows = read.search(data.vectors[:20], 5)
        np.testing.assert_array_equal(mapped_rows, read_rows)
        np.testing.assert_allclose(mapped_scores, read_scores)
    finally:
        mapped.close()
        read.close()


def test_the_manifest_records_the_index_parameters_used_at_search_time(tmp_path: Path) -> None:
    manifest = write_generation(tmp_path / "idx", payload(n=400, dim=16, index_type="hnsw"))
    assert manifest.params["efSearch"] >= 64 and manifest.params["M"] >= 16
    loaded = open_index(tmp_path / "idx")
    try:
        assert loaded.manifest.params == manifest.params
    finally:
        loaded.close()
