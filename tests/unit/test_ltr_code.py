"""Which code made the feature reranker's training lists (scripts/ltrkit/code.py): the modules
the searcher imports, followed through the package, and a hash that changes with any of them."""

from __future__ import annotations

from pathlib import Path

from scripts.ltrkit.code import PROJECT_ROOT, code_signature, source_files


def _package(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _tree(root: Path) -> None:
    _package(
        root,
        {
            "pkg/__init__.py": "",
            "pkg/search/__init__.py": "",
            "pkg/search/searcher.py": "from pkg.search import features\nimport json\n",
            "pkg/search/features.py": "def read():\n    from pkg.places import where\n    return where\n",
            "pkg/places.py": "where = 'in Columbus'\n",
            "pkg/bot.py": "from pkg.search.searcher import *\n",
        },
    )


def test_the_files_are_those_the_module_imports_directly_or_not_with_their_packages(tmp_path: Path) -> None:
    _tree(tmp_path)
    files = [p.relative_to(tmp_path).as_posix() for p in source_files("pkg.search.searcher", tmp_path)]
    # "from pkg.search import features" names a module; the import inside a function counts too.
    assert files == [
        "pkg/__init__.py",
        "pkg/places.py",
        "pkg/search/__init__.py",
        "pkg/search/features.py",
        "pkg/search/searcher.py",
    ]


def test_the_signature_changes_with_a_file_the_searcher_reaches_and_with_no_other(tmp_path: Path) -> None:
    _tree(tmp_path)
    before = code_signature("pkg.search.searcher", tmp_path)
    assert code_signature("pkg.search.searcher", tmp_path) == before
    (tmp_path / "pkg" / "bot.py").write_text("print('a reply')\n", encoding="utf-8")
    assert code_signature("pkg.search.searcher", tmp_path) == before  # the bot computes no feature
    (tmp_path / "pkg" / "places.py").write_text("where = 'at a rally'\n", encoding="utf-8")
    changed = code_signature("pkg.search.searcher", tmp_path)
    assert changed != before


def test_the_real_searcher_reaches_every_module_that_reads_a_feature_and_not_the_bot() -> None:
    files = {p.relative_to(PROJECT_ROOT).as_posix() for p in source_files()}
    for reader in ("rerank_features", "places", "units", "query", "neighbourhood", "ranking", "retrieval"):
        assert f"index/search/{reader}.py" in files
    assert "index/lexicon.py" in files and "index/text/sentences.py" in files
    assert not any(name.startswith(("bot/", "scripts/", "tests/")) for name in files)
