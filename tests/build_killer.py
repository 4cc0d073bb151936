"""Run the real index build, and SIGKILL it (or freeze it) the moment it reaches a chosen call.

    python tests/build_killer.py SPEC MODE MARKER -- <scripts/build_index.py arguments>

SPEC names the moment: ``py:NAME`` is the first call of a Python function called NAME (say
``encode_documents`` or ``write_metadata``), ``c:MODULE.ATTR`` the first call of a built-in (say
``os.replace``, the manifest's commit point), ``audit:EVENT=TEXT`` the first audit event EVENT
with TEXT in an argument (say ``os.rename=manifest.json``, ``sqlite3.connect=meta.sqlite`` or
``open=vectors.npy``); append ``#N`` for the N-th. ``audit:`` costs nothing while the build runs;
``py:`` and ``c:`` use a profiler hook, which slows Python code down. MODE ``kill``
sends SIGKILL to this very process at that moment, as ``kill -9`` from an operator would; MODE
``pause`` writes MARKER and then sleeps while holding whatever the build holds (its lock), for a
test to start a second build meanwhile. MARKER is written just before either, so a test can tell
the moment was reached (and a kill that never happened from one that did).

Nothing in the build is replaced or mocked: a profiler hook only watches the calls go by.
"""

from __future__ import annotations

import importlib
import os
import signal
import sys
import threading
import time
from pathlib import Path
from types import FrameType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def _watcher(spec: str, mode: str, marker: Path) -> Any:
    kind, _, rest = spec.partition(":")
    name, _, nth_text = rest.partition("#")
    nth = int(nth_text or 1)
    builtin = None
    event, _, needle = name.partition("=")
    if kind == "c":
        module, _, attr = name.rpartition(".")
        builtin = getattr(importlib.import_module(module), attr)
    elif kind not in ("py", "audit"):
        raise SystemExit(f"bad SPEC {spec!r}: use py:NAME, c:MODULE.ATTR or audit:EVENT=TEXT")
    seen = 0
    lock = threading.Lock()

    def reached() -> None:
        marker.write_text(str(os.getpid()))
        if mode == "kill":
            os.kill(os.getpid(), signal.SIGKILL)
        while True:  # pause: hold everything the build holds until the test kills us
            time.sleep(3600)

    def count() -> bool:
        nonlocal seen
        with lock:
            seen += 1
            return seen == nth

    def profile_hook(frame: FrameType, what: str, arg: Any) -> None:
        if kind == "py":
            hit = what == "call" and frame.f_code.co_name == name
        else:
            hit = what == "c_call" and arg is builtin
        if hit and count():
            sys.setprofile(None)
            reached()

    def audit_hook(what: str, args: tuple[Any, ...]) -> None:
        if what == event and any(needle in str(a) for a in args) and count():
            reached()

    return audit_hook if kind == "audit" else profile_hook


def main(argv: list[str]) -> int:
    if len(argv) < 4 or argv[3] != "--":
        raise SystemExit(__doc__)
    spec, mode, marker = argv[0], argv[1], Path(argv[2])
    sys.path.insert(0, str(ROOT))
    from index.cli import main as build_main

    for module in ("index.build", "index.embedding.onnx", "onnxruntime", "tokenizers", "pysbd"):
        importlib.import_module(module)  # imported before the hook, which slows every Python call
    hook = _watcher(spec, mode, marker)
    if spec.startswith("audit:"):
        sys.addaudithook(hook)
    else:
        threading.setprofile(hook)
        sys.setprofile(hook)
    return build_main(argv[4:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
