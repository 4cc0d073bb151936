#!/usr/bin/env python3
"""Build or rebuild a Verbatim index: ``python scripts/build_index.py --articles PATH --index DIR``.

The same command is installed as ``verbatim-index``; run with ``--help`` for every flag.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from index.cli import main

if __name__ == "__main__":
    sys.exit(main())
