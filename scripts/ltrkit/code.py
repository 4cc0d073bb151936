"""Which code made a candidate list: the source of every module the searcher imports, hashed.

The candidate lists kept in ``--work`` (candidates.py) hold feature values computed by this
Verbatim's search. A feature whose reading changes without a new column ("a comma ends a place
phrase") leaves the lists' width as it was, so width alone cannot tell stale lists from fresh
ones; the code that computed them can. A change anywhere the searcher reaches (its ranking,
splitting, features) asks the questions again; a change elsewhere (the bot, ingestion) does not.
"""

from __future__ import annotations

import ast
import hashlib
from pathlib import Path

# The module whose imports, followed within the package, compute every list.
SEARCHER_MODULE = "index.search.searcher"
PROJECT_ROOT = Path(__file__).resolve().parent.parent.parent


def module_file(module: str, root: Path) -> Path | None:
    """The source file of ``module`` ("index.search.places") under ``root``, or None when it is
    not a module of the project (a package's own file is its ``__init__.py``)."""
    base = root.joinpath(*module.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _imported(tree: ast.AST, package: str) -> set[str]:
    """The project's modules an import of ``tree`` may name: ``from index.x import y`` names
    ``index.x`` and, when ``y`` is a module, ``index.x.y``; imports inside functions count too."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in names if name == package or name.startswith(f"{package}.")}


def source_files(module: str = SEARCHER_MODULE, root: Path = PROJECT_ROOT) -> list[Path]:
    """Every project source file ``module`` imports, directly or not, with the packages on the
    way (their ``__init__.py`` runs too), sorted."""
    package = module.split(".")[0]
    seen: set[Path] = set()
    waiting = [module]
    while waiting:
        name = waiting.pop()
        parts = name.split(".")
        for depth in range(1, len(parts) + 1):  # "index", "index.search", "index.search.places"
            path = module_file(".".join(parts[:depth]), root)
            if path is None or path in seen:
                continue
            seen.add(path)
            waiting.extend(_imported(ast.parse(path.read_text(encoding="utf-8"), str(path)), package))
    return sorted(seen)


def code_signature(module: str = SEARCHER_MODULE, root: Path = PROJECT_ROOT) -> str:
    """A hash of the path and text of every file ``source_files`` lists: equal when the code that
    computes the lists is the same."""
    digest = hashlib.sha256()
    for path in source_files(module, root):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()
