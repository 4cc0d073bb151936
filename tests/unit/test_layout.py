"""The architecture holds: which room may import which (docs/ARCHITECTURE.md), no import
circles, bot/ reaches index/ only through its public names, index/ never imports telegram,
and no module grows past what one person can read in a sitting."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support import ROOT

PACKAGES = ("index", "bot")
MAX_LINES = 450  # "about 400": a little slack for a docstring, never a second job

_BASE = {"index.types", "index.errors", "index.lexicon", "index.word_forms", "index.cpu"}
# Each room of index/ and what it may import besides itself (docs/ARCHITECTURE.md, "Rooms").
INDEX_ROOMS: dict[str, set[str]] = {
    "index.errors": set(),
    "index.lexicon": set(),
    "index.word_forms": set(),
    "index.cpu": set(),
    "index.types": {"index.errors"},
    "index.text": _BASE,
    "index.ingest": _BASE | {"index.text"},
    "index.attribution": _BASE | {"index.text"},
    "index.embedding": _BASE,
    "index.rerank": _BASE,
    "index.store": _BASE | {"index.text"},
    "index.search": _BASE
    | {"index.text", "index.attribution", "index.embedding", "index.rerank", "index.store", "index.pipeline"},
    "index.web": _BASE | {"index.text", "index.ingest", "index.store"},
    "index.pipeline": _BASE | {"index.text", "index.attribution", "index.store"},
    "index.build": _BASE
    | {"index.text", "index.ingest", "index.attribution", "index.embedding", "index.store", "index.pipeline"}
    | {"index.web"},
    "index.cli": _BASE | {"index.build", "index.embedding", "index.store", "index.web"},
    "index.quotes": _BASE | {"index.ingest", "index.text", "index.attribution"},
    "index.evaluation": _BASE | {"index.search", "index.embedding", "index.store"},
}
# bot/ imports index/ only as ``index`` (its public names); the rooms of bot/ in layers.
BOT_ROOMS: dict[str, set[str]] = {
    "bot.exit_status": set(),
    "bot.logging_setup": set(),
    "bot.settings": {"index"},
    "bot.render": {"index"},
    "bot.chat": {"index", "bot.render", "bot.settings"},
    "bot.delivery": {"index", "bot.exit_status", "bot.settings"},
    "bot.runtime": {"index", "bot.chat", "bot.render", "bot.settings", "bot.logging_setup"},
    "bot.cluster": {"index", "bot.chat", "bot.delivery", "bot.settings"},
    "bot.telegram": {
        "index",
        "bot.cluster",
        "bot.chat",
        "bot.render",
        "bot.runtime",
        "bot.delivery",
        "bot.settings",
        "bot.exit_status",
        "bot.logging_setup",
    },
    "bot.webhook": {"index", "bot.cluster", "bot.settings", "bot.telegram"},
    "bot.console": {"index", "bot.chat", "bot.render"},
    "bot.dead_letters_cli": {"bot.cluster", "bot.exit_status", "bot.settings"},
}


def _modules() -> Iterator[tuple[str, Path]]:
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            yield ".".join(parts), path


def _imports(path: Path) -> set[str]:
    """Modules ``path`` imports, anywhere in it (``if TYPE_CHECKING:`` too: a circle of types is one)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


MODULES = dict(_modules())
GRAPH = {name: {m for m in _imports(path) if m in MODULES and m != name} for name, path in MODULES.items()}


def _room(module: str, rooms: dict[str, set[str]]) -> str | None:
    return next((room for room in rooms if module == room or module.startswith(room + ".")), None)


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m.startswith("index.")))
def test_each_index_module_imports_only_the_rooms_below_it(module: str) -> None:
    room = _room(module, INDEX_ROOMS)
    assert room is not None, f"{module} is in no room of INDEX_ROOMS: add it there and to docs/ARCHITECTURE.md"
    allowed = INDEX_ROOMS[room] | {room}
    wrong = sorted(m for m in GRAPH[module] if _room(m, INDEX_ROOMS) not in allowed)
    assert not wrong, f"{module} ({room}) imports {wrong}; it may import {sorted(allowed)}"


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m.startswith("index")))
def test_index_never_imports_telegram(module: str) -> None:
    assert not any(m == "telegram" or m.startswith("telegram.") for m in _imports(MODULES[module]))


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m.startswith("bot.") and m != "bot.__main__"))
def test_each_bot_module_imports_only_index_public_names_and_the_rooms_below_it(module: str) -> None:
    room = _room(module, BOT_ROOMS)
    assert room is not None, f"{module} is in no room of BOT_ROOMS: add it there and to docs/ARCHITECTURE.md"
    private = sorted(m for m in _imports(MODULES[module]) if m.startswith("index.") and m in MODULES)
    assert not private, f"{module} imports {private}: bot/ uses only `from index import ...`"
    allowed = BOT_ROOMS[room] | {room}
    wrong = sorted(m for m in GRAPH[module] if m.startswith("bot") and _room(m, BOT_ROOMS) not in allowed)
    assert not wrong, f"{module} ({room}) imports {wrong}; it may import {sorted(allowed)}"


def test_there_are_no_import_circles() -> None:
    circles: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(GRAPH[module]):
            if target.startswith(module + "."):
                continue  # a package importing its own modules is not a circle
            if state.get(target) == 1 and not module.startswith(target + "."):
                circles.append([*path[path.index(target) :], target] if target in path else [module, target])
            elif target not in state:
                visit(target, [*path, target])
        state[module] = 2

    for module in sorted(GRAPH):
        if module not in state:
            visit(module, [module])
    assert not circles, f"import circles: {circles}"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_is_too_long_to_read(module: str) -> None:
    lines = len(MODULES[module].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{module} has {lines} lines: split it by job (limit {MAX_LINES})"
