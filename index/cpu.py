"""How many CPUs this process may use (the one answer the encoder and the build's splitters
share), and how an onnxruntime session uses them (the query encoder and the reranker alike)."""

from __future__ import annotations

import os
from typing import Any


def available_cores() -> int:
    """CPUs this process may run on (respects taskset/cgroup affinity where the OS tells us)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def onnx_session_options(ort: Any, threads: int) -> Any:
    """onnxruntime.SessionOptions for one graph run node by node on ``threads`` cores (``ort`` is
    the onnxruntime module, imported by the caller only when it is used)."""
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    # One graph, run node by node: parallelism comes from inside each MatMul.
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    # Idle workers would otherwise spin after each run; on a small machine they compete with
    # the caller's own tokenising and FAISS work, which measurably slowed single queries.
    # Without spinning, one query costs the same with all cores as with one.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.log_severity_level = 3  # errors only: optimiser notes are not for the operator
    return options
