"""The cross-encoder's int8 weights, signed or unsigned, and which of the two this CPU runs exactly.

``quantize_dynamic`` writes ``MatMulInteger`` nodes multiplying uint8 activations by int8
weights ("u8s8"). On an x86 CPU with AVX2 but no AVX-VNNI onnxruntime runs u8s8 with
``VPMADDUBSW``, which saturates the sum of two products at 32,767, so the model gives other
logits there. The shipped model stores its weights unsigned (each weight and zero point plus
128: the same integer differences), which onnxruntime runs with "u8u8" kernels that never
saturate (scripts/rerankkit/unsigned.py writes it so).

Where the CPU has VNNI (``avx512_vnni`` or ``avx_vnni``), u8s8 runs on ``VPDPBUSD``, which sums
in 32 bits: exact, the same logits, and on such a CPU about 1.8x faster than u8u8 (five pairs:
24.8 against 44.5 ms, docs/RERANKER.md "Speed"). ``Reranker`` then loads the graph turned back
signed in memory (``signed_graph``); everywhere else it loads the file as it is.
"""

from __future__ import annotations

import logging
import platform
from pathlib import Path
from typing import Any

import numpy as np

logger = logging.getLogger(__name__)

# The x86 instructions that sum uint8 x int8 products in 32 bits (no 16-bit saturation).
VNNI_FLAGS = frozenset({"avx512_vnni", "avx_vnni"})
_X86 = frozenset({"x86_64", "amd64", "x64"})


def cpu_flags(cpuinfo: str) -> frozenset[str]:
    """The feature flags of a Linux ``/proc/cpuinfo`` text (its first ``flags`` line)."""
    for line in cpuinfo.splitlines():
        key, _, value = line.partition(":")
        if key.strip() == "flags":
            return frozenset(value.split())
    return frozenset()


def signed_is_exact(cpuinfo: Path = Path("/proc/cpuinfo"), machine: str | None = None) -> bool:
    """Whether onnxruntime multiplies uint8 by int8 exactly here: an x86 CPU with VNNI. False
    wherever that cannot be read (not Linux, another architecture): the unsigned graph is exact
    everywhere, only slower."""
    if (machine or platform.machine()).lower() not in _X86:
        return False
    try:
        text = cpuinfo.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return not VNNI_FLAGS.isdisjoint(cpu_flags(text))


def store_weights(model: Any, *, signed: bool) -> int:
    """Store every weight and zero point of ``model``'s ``MatMulInteger`` nodes (an
    ``onnx.ModelProto``, changed in place) as int8 (``signed``) or as uint8 plus 128; returns how
    many initializers changed (0: stored so already). A node without a zero point gets one (0
    signed, 128 unsigned), so the integers multiplied stay ``weight - zero point``."""
    import onnx
    from onnx import numpy_helper

    old = onnx.TensorProto.UINT8 if signed else onnx.TensorProto.INT8
    shift, dtype = (-128, np.int8) if signed else (128, np.uint8)
    initializers = {init.name: init for init in model.graph.initializer}
    changed: set[str] = set()
    for node in model.graph.node:
        weight = node.input[1] if node.op_type == "MatMulInteger" else ""
        if weight not in initializers:
            continue  # another operator, or a weight computed at run time
        if initializers[weight].data_type != old and weight not in changed:
            continue  # stored so already
        zero_point = node.input[3] if len(node.input) > 3 and node.input[3] else None
        if zero_point is None:  # an absent zero point means 0, of the weight's own type
            zero_point = f"{weight}_{'signed' if signed else 'unsigned'}_zero_point"
            if zero_point not in initializers:
                model.graph.initializer.append(onnx.helper.make_tensor(zero_point, old, [], [0]))
                initializers[zero_point] = model.graph.initializer[-1]
            while len(node.input) < 4:
                node.input.append("")
            node.input[3] = zero_point
        for name in (weight, zero_point):
            if name in changed:
                continue  # shared with a node converted before
            tensor = initializers[name]
            if tensor.data_type != old:
                raise ValueError(f"{name}: a MatMulInteger zero point of type {tensor.data_type}, weight {old}")
            values = numpy_helper.to_array(tensor).astype(np.int16) + shift
            tensor.CopyFrom(numpy_helper.from_array(values.astype(dtype), name))
            changed.add(name)
    return len(changed)


def signed_graph(path: Path) -> bytes | None:
    """The ONNX file ``path`` with its unsigned int8 weights turned back signed, serialised for
    onnxruntime; None when it holds none (nothing to gain) or the ``onnx`` package is missing."""
    try:
        import onnx
    except ImportError:
        logger.info("The onnx package is missing: the reranker runs its unsigned int8 kernels")
        return None
    model = onnx.load(str(path))
    if not store_weights(model, signed=True):
        return None
    return bytes(model.SerializeToString())
