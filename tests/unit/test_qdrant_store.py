"""The index in a Qdrant collection (qdrant-client's local mode, a real engine on disk): the same
answers as FAISS, incremental rebuilds that touch only changed articles' points, crash safety,
and clear errors for a store that cannot be reached."""

from __future__ import annotations

import json
import shutil
import socket
from pathlib import Path

import numpy as np
import pytest

from bot.__main__ import main as bot_main
from bot.exit_status import ExitStatus
from index.build import build_index
from index.cli import main as index_main
from index.embedding.models import Embedder
from index.errors import IndexLoadError
from index.search.searcher import Searcher
from index.store import generation
from index.store.generation import open_index
from index.store.locations import QDRANT, QDRANT_EDGE, QDRANT_LOCAL, StoreLocationError, parse_store
from index.store.manifest import read_manifest
from index.store.qdrant_generation import POINTS_FILE, open_collection
from tests.support import SAMPLE_CORPUS

QUESTIONS = (
    "Where is NATO headquartered?",
    "what did Peskov say?",
    "How many troops has Russia amassed near Ukraine?",
    "troops",
    "How do I bake sourdough bread?",
    "When did Biden and Putin speak?",
)

ARTICLES = {
    "harbour.txt": "Harbour reopens\n\nThe harbour reopened on Monday after the storm. Fishing boats returned at dawn.",
    "budget.txt": "Council budget\n\nThe council approved a budget of 4 million pounds. The mayor said schools come first.",
    "match.txt": "Cup final\n\nThe home side won the cup final 2-1. Their captain scored in the last minute.",
}


def write_articles(folder: Path, articles: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def local_store(tmp_path: Path, name: str = "news", scheme: str = QDRANT_LOCAL) -> str:
    return f"{scheme}://{tmp_path / 'qdrant'}/{name}"


# Both in-process forms: qdrant-client's local mode and the Qdrant Edge engine.
IN_PROCESS_SCHEMES = pytest.mark.parametrize("scheme", [QDRANT_LOCAL, QDRANT_EDGE])


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def points_of(index_dir: Path) -> np.ndarray:
    manifest = read_manifest(index_dir)
    return np.load(index_dir / manifest.generation / POINTS_FILE)


def collection_size(store: str) -> int:
    collection = open_collection(parse_store(store))
    try:
        return collection.count()
    finally:
        collection.close()


def test_store_urls_parse_and_bad_ones_say_what_a_good_one_looks_like() -> None:
    assert parse_store("").is_faiss and parse_store("faiss").is_faiss and parse_store(None).is_faiss
    server = parse_store("qdrant://db.internal:6335/news")
    assert (server.scheme, server.host, server.port, server.collection) == (QDRANT, "db.internal", 6335, "news")
    assert parse_store("qdrant://db/news").port == 6333
    local = parse_store("qdrant+local:///var/lib/verbatim/qdrant/news")
    assert (local.scheme, local.path, local.collection) == (QDRANT_LOCAL, "/var/lib/verbatim/qdrant", "news")
    edge = parse_store("qdrant+edge://data/qdrant/news")
    assert (edge.scheme, edge.path, edge.collection) == (QDRANT_EDGE, "data/qdrant", "news")
    assert parse_store(local.url) == local and parse_store(server.url) == server and parse_store(edge.url) == edge
    for bad in ("qdrant://db", "qdrant://:6333/news", "postgres://db/news", "qdrant+local://news", "qdrant://db:x/n"):
        with pytest.raises(StoreLocationError, match="qdrant://HOST:PORT/COLLECTION"):
            parse_store(bad)


@IN_PROCESS_SCHEMES
def test_an_index_in_qdrant_answers_as_the_faiss_one(
    tmp_path: Path, scheme: str, embedder: Embedder, sample_searcher: Searcher
) -> None:
    store = local_store(tmp_path, scheme=scheme)
    report = build_index(SAMPLE_CORPUS, tmp_path / "index", embedder, store=parse_store(store))
    assert report.manifest.index_type == "qdrant"
    assert not (tmp_path / "index" / report.manifest.generation / "index.faiss").exists()
    searcher = Searcher.open(tmp_path / "index", embedder=embedder)
    try:
        for question in QUESTIONS:
            ours, theirs = searcher.answer(question), sample_searcher.answer(question)
            assert [h.sentence for h in ours.hits] == [h.sentence for h in theirs.hits], question
            assert [h.score for h in ours.hits] == pytest.approx([h.score for h in theirs.hits], abs=1e-5)
            assert (ours.nearest is None) == (theirs.nearest is None)
        vectors = embedder.encode_queries(list(QUESTIONS))
        dense_ours = searcher._index.search(vectors, 10)
        dense_faiss = sample_searcher._index.search(vectors, 10)
        assert (dense_ours[1] == dense_faiss[1]).all()
    finally:
        searcher.close()


@IN_PROCESS_SCHEMES
def test_rebuilds_write_only_changed_articles_points_and_remove_deleted_ones(
    tmp_path: Path, scheme: str, embedder: Embedder
) -> None:
    corpus = write_articles(tmp_path / "corpus", ARTICLES)
    store, index_dir = local_store(tmp_path, scheme=scheme), tmp_path / "index"
    first = build_index(corpus, index_dir, embedder, store=parse_store(store))
    assert (first.manifest.params["written"], first.manifest.params["hidden"]) == (6, 0)
    before = dict(zip(_texts(index_dir), points_of(index_dir).tolist(), strict=True))

    # One article edited: only its points are written; the old ones are hidden, not yet deleted
    # (the previous generation may still be read), and the unchanged articles' points keep their ids.
    write_articles(corpus, {"budget.txt": ARTICLES["budget.txt"] + " Taxes will not rise."})
    second = build_index(corpus, index_dir, embedder, store=parse_store(store))
    assert (second.manifest.params["written"], second.manifest.params["hidden"]) == (3, 2)
    after = dict(zip(_texts(index_dir), points_of(index_dir).tolist(), strict=True))
    for text in ("The harbour reopened on Monday after the storm.", "Their captain scored in the last minute."):
        assert after[text] == before[text]
    assert after["The council approved a budget of 4 million pounds."] not in before.values()
    assert collection_size(store) == 6 + 3

    # One article removed: nothing written, its two points hidden; the budget's old points are purged.
    (corpus / "match.txt").unlink()
    third = build_index(corpus, index_dir, embedder, store=parse_store(store))
    assert (third.manifest.params["written"], third.manifest.params["hidden"]) == (0, 2)
    assert collection_size(store) == 7
    searcher = Searcher.open(index_dir, embedder=embedder)
    try:
        answer = searcher.answer("Who scored in the cup final?")
        assert all("cup" not in h.sentence.lower() and "captain" not in h.sentence for h in answer.hits)
        assert searcher.answer("When did the harbour reopen?").hits[0].sentence.startswith("The harbour reopened")
        assert searcher.answer("Will taxes rise?").hits[0].sentence == "Taxes will not rise."
    finally:
        searcher.close()

    # Unchanged corpus: nothing written or hidden, and the removed article's points are gone.
    fourth = build_index(corpus, index_dir, embedder, store=parse_store(store))
    assert (fourth.manifest.params["written"], fourth.manifest.params["hidden"]) == (0, 0)
    assert collection_size(store) == 5


@IN_PROCESS_SCHEMES
def test_a_build_that_dies_before_going_live_leaves_the_live_answers_alone(
    tmp_path: Path, scheme: str, embedder: Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = write_articles(tmp_path / "corpus", ARTICLES)
    store, index_dir = local_store(tmp_path, scheme=scheme), tmp_path / "index"
    build_index(corpus, index_dir, embedder, store=parse_store(store))
    searcher = Searcher.open(index_dir, embedder=embedder)
    try:
        expected = [h.sentence for h in searcher.answer("Who won the cup final?").hits]
        write_articles(corpus, {"match.txt": "Cup final\n\nThe away side won the cup final on penalties."})

        def crash(*_: object) -> None:
            raise OSError("disk full")

        with monkeypatch.context() as patch:
            patch.setattr(generation, "write_atomically", crash)  # dies at the manifest swap
            with pytest.raises(OSError, match="disk full"):
                build_index(corpus, index_dir, embedder, store=parse_store(store))
        # The points were written and the old ones hidden, but the live generation sees its own.
        assert collection_size(store) > 6
        assert [h.sentence for h in searcher.answer("Who won the cup final?").hits] == expected
    finally:
        searcher.close()
    # The next build undoes the dead one's writes and goes live with exactly its own points.
    rebuilt = build_index(corpus, index_dir, embedder, store=parse_store(store))
    assert (rebuilt.manifest.params["written"], rebuilt.manifest.params["hidden"]) == (1, 2)
    searcher = Searcher.open(index_dir, embedder=embedder)
    try:
        assert searcher.answer("Who won the cup final?").hits[0].sentence.startswith("The away side won")
    finally:
        searcher.close()


@IN_PROCESS_SCHEMES
def test_the_bot_and_a_rebuild_open_the_same_local_store_in_one_process(
    tmp_path: Path, scheme: str, embedder: Embedder
) -> None:
    """A reloading bot opens the new generation before closing the old one: one client serves both."""
    corpus = write_articles(tmp_path / "corpus", ARTICLES)
    store, index_dir = local_store(tmp_path, scheme=scheme), tmp_path / "index"
    build_index(corpus, index_dir, embedder, store=parse_store(store))
    old = Searcher.open(index_dir, embedder=embedder)
    try:
        write_articles(corpus, {"extra.txt": "Weather\n\nSnow is expected in the hills tonight."})
        build_index(corpus, index_dir, embedder, store=parse_store(store))
        new = Searcher.open(index_dir, embedder=embedder)
        try:
            assert new.answer("Will it snow?").hits[0].sentence == "Snow is expected in the hills tonight."
            assert all("Snow" not in h.sentence for h in old.answer("Will it snow?").hits)
        finally:
            new.close()
    finally:
        old.close()


def test_an_unreachable_qdrant_server_is_a_clear_error_not_a_traceback(
    tmp_path: Path, embedder: Embedder, capsys: pytest.CaptureFixture[str]
) -> None:
    port = closed_port()
    url = f"qdrant://127.0.0.1:{port}/news"
    assert index_main(["--articles", str(SAMPLE_CORPUS), "--index", str(tmp_path / "index"), "--store", url]) == 1
    err = capsys.readouterr().err
    assert f"Cannot reach the Qdrant store {url}" in err and "Traceback" not in err
    assert not (tmp_path / "index" / "manifest.json").exists()

    # An index built in a local store, opened at an address where no server answers.
    index_dir = tmp_path / "local-index"
    build_index(SAMPLE_CORPUS, index_dir, embedder, store=parse_store(local_store(tmp_path)))
    with pytest.raises(IndexLoadError, match="lives in qdrant\\+local://"):
        Searcher.open(index_dir, embedder=embedder, store=url)


def test_the_bot_says_clearly_when_its_qdrant_server_is_unreachable(
    tmp_path: Path, embedder: Embedder, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    index_dir = tmp_path / "index"
    build_index(SAMPLE_CORPUS, index_dir, embedder, store=parse_store(local_store(tmp_path)))
    # The same index as if it had been built in a server's collection that is now down.
    manifest_path = index_dir / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    url = f"qdrant://127.0.0.1:{closed_port()}/news"
    manifest["params"]["store"] = url
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    for name in ("VERBATIM_STORE", "TELEGRAM_BOT_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    assert bot_main(["--index", str(index_dir), "--console", "--state-file", "off"]) == ExitStatus.NO_INDEX
    err = capsys.readouterr().err
    assert f"Cannot reach the Qdrant store {url}" in err and "Connection refused" in err
    assert "Traceback" not in err


@IN_PROCESS_SCHEMES
def test_a_collection_deleted_behind_the_index_s_back_is_reported_and_rebuilt(
    tmp_path: Path, scheme: str, embedder: Embedder
) -> None:
    store, index_dir = local_store(tmp_path, scheme=scheme), tmp_path / "index"
    corpus = write_articles(tmp_path / "corpus", ARTICLES)
    build_index(corpus, index_dir, embedder, store=parse_store(store))
    shutil.rmtree(tmp_path / "qdrant")
    with pytest.raises(IndexLoadError, match="qdrant/news of the index at .* does not exist"):
        Searcher.open(index_dir, embedder=embedder)
    rebuilt = build_index(corpus, index_dir, embedder, store=parse_store(store))
    assert rebuilt.manifest.params["written"] == 6  # made anew, not trusted
    Searcher.open(index_dir, embedder=embedder).close()


def test_a_faiss_index_refuses_a_qdrant_store_and_a_build_switches_stores(tmp_path: Path, embedder: Embedder) -> None:
    index_dir = tmp_path / "index"
    corpus = write_articles(tmp_path / "corpus", ARTICLES)
    build_index(corpus, index_dir, embedder)
    with pytest.raises(IndexLoadError, match="keeps its vectors in FAISS"):
        Searcher.open(index_dir, embedder=embedder, store=local_store(tmp_path))
    moved = build_index(corpus, index_dir, embedder, store=parse_store(local_store(tmp_path)))
    assert moved.reused == 6 and moved.manifest.params["written"] == 6
    back = build_index(corpus, index_dir, embedder)
    assert back.manifest.index_type == "flat" and back.reused == 6


def _texts(index_dir: Path) -> list[str]:
    """The sentences of the live generation in row order (the order of points.npy)."""
    loaded = open_index(index_dir, search=False)
    try:
        return [s.text for s in loaded.metadata.all_sentences()]
    finally:
        loaded.close()
