"""Shared test helpers: where the project's data is, and building real indexes once."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import closing
from pathlib import Path

import pytest

from index.attribution import attribute
from index.build import build_index
from index.embedding.models import Embedder
from index.search.searcher import AnswerPolicy, Searcher
from index.text.sentences import split_article
from index.types import Article

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_CORPUS = ROOT / "data" / "corpus"
SAMPLE_ARTICLE = SAMPLE_CORPUS / "nato-russia-talks.txt"
SHARED = ROOT.parent / "shared"


def speakers_of(*paragraphs: str) -> list[str | None]:
    """The speaker attribution gives each sentence of an article of ``paragraphs``, split as the
    index splits it."""
    article = Article("a", "", paragraphs, "test")
    return [s.speaker for s in attribute(split_article(article), title="")]


def run_script(script: str, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run ``scripts/<script>`` as an operator would, from the project's root; never raises on failure."""
    return subprocess.run(
        [sys.executable, f"scripts/{script}", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=timeout,
        check=False,
    )


def shared_file(relative: str) -> Path:
    """A file of ../shared, or skip the test with the reason when the folder is absent."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"{path} is not here: the shared evaluation data lives beside the project (../shared)")
    return path


def searcher_over(
    articles: Sequence[Mapping[str, str]], folder: Path, embedder: Embedder, policy: AnswerPolicy | None = None
) -> Searcher:
    """A real index of ``articles`` (``{"id", "title", "text", ...}`` as in a .jsonl file),
    built in ``folder``, opened (under ``policy``, default the bot's)."""
    corpus = folder / "articles.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    build_index(corpus, folder / "index", embedder)
    return Searcher.open(folder / "index", embedder=embedder, policy=policy or AnswerPolicy())


def searcher_fixture(
    articles: Sequence[Mapping[str, str]], name: str, policy: AnswerPolicy | None = None
) -> Callable[..., Iterator[Searcher]]:
    """A module-scoped fixture: a real index of ``articles`` built once in a fresh folder called
    ``name`` (``searcher_over``), open for the module's tests and closed after them. Assign it
    to the name the tests ask for: ``news = searcher_fixture(ARTICLES, "news")``."""

    @pytest.fixture(scope="module")
    def fixture(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Iterator[Searcher]:
        with closing(searcher_over(articles, tmp_path_factory.mktemp(name), embedder, policy)) as searcher:
            yield searcher

    return fixture


def polnear_line(text: str, source: str, cue: str = "said", silver: str = "") -> str:
    """A PolNeAR JSON line with one attribution: ``source`` and the ``cue`` right after it in
    ``text``, the source labelled ``silver``."""
    start = text.index(f"{source} {cue}")
    cue_start = start + len(source) + 1
    attribution = {
        "source": [[start, start + len(source), source]],
        "cue": [[cue_start, cue_start + len(cue), cue]],
        "source_coref_silver": silver,
    }
    return json.dumps({"id": "a1", "text": text, "attributions": [attribution]})
