"""How many CPUs this process may use: the one answer the encoder and the build's splitters share."""

from __future__ import annotations

import os


def available_cores() -> int:
    """CPUs this process may run on (respects taskset/cgroup affinity where the OS tells us)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)
