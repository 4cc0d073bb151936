#!/usr/bin/env python3
"""Who said what in articles: ``python scripts/quotes.py --articles PATH [--jsonl] [--all]``.

The same command is installed as ``verbatim-quotes``; run with ``--help`` for every flag.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from index.quotes import main

if __name__ == "__main__":
    sys.exit(main())
