"""Shared test helpers: where the project's data is, and building real indexes once."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_CORPUS = ROOT / "data" / "corpus"
SAMPLE_ARTICLE = SAMPLE_CORPUS / "nato-russia-talks.txt"
SHARED = ROOT.parent / "shared"


def shared_file(relative: str) -> Path:
    """A file of ../shared, or skip the test with the reason when the folder is absent."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"{path} is not here: the shared evaluation data lives beside the project (../shared)")
    return path
