"""Starting the bot or verbatim-index loads no library it does not use: the Qdrant client and the
web-page readers cost half a second and about 80 MiB each time, and are imported only when a
Qdrant store or a web source is actually used."""

from __future__ import annotations

import subprocess
import sys

from tests.support import ROOT

HEAVY_AND_OPTIONAL = ("qdrant_client", "qdrant_edge", "trafilatura", "feedparser")


def test_the_bot_and_the_indexer_start_without_the_optional_heavy_libraries() -> None:
    probe = (
        "import sys, bot.__main__, bot.telegram.app, index, index.cli\n"
        f"print(' '.join(m for m in {HEAVY_AND_OPTIONAL!r} if m in sys.modules))"
    )
    loaded = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == ""
