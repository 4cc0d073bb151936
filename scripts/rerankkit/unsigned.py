"""Store an int8 ONNX model's weights unsigned, so that it gives the same logits on every x86 CPU.

    python -m scripts.rerankkit.unsigned MODEL_DIR_OR_ONNX_FILE

``onnxruntime.quantization.quantize_dynamic`` with ``QuantType.QInt8`` weights writes
``MatMulInteger`` nodes whose activations are uint8 and weights int8 ("u8s8"). onnxruntime runs
u8s8 with ``VPMADDUBSW`` on a CPU that has AVX2 but not AVX-VNNI (many AMD EPYC hosts among
them), and that instruction saturates the sum of two products at 32,767: the model then gives
other logits than on a CPU with VNNI. The shipped cross-encoder did: on an AVX2-only machine
"Who met in Geneva?" scored 0.03 and was declined, against 0.18 where it was fitted.

Stored unsigned (each weight and zero point plus 128) the integers multiplied are the same,
``(w + 128) - (z + 128) = w - z``, and onnxruntime runs "u8u8" kernels, which do not saturate:
the logits are those of a VNNI CPU, everywhere. scripts/rerankkit/export.py writes every new
model so; this command converts a folder exported before (or elsewhere). It needs the ``onnx``
package (the ``train`` and ``dev`` extras); nothing of it is needed to answer.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import numpy as np
import onnx
from onnx import numpy_helper


def unsigned_weights(model: onnx.ModelProto) -> int:
    """Store every int8 weight and zero point of ``model``'s ``MatMulInteger`` nodes as uint8
    (plus 128), in place; returns how many initializers changed (0: nothing signed was left)."""
    initializers = {init.name: init for init in model.graph.initializer}
    changed: set[str] = set()
    for node in model.graph.node:
        weight = node.input[1] if node.op_type == "MatMulInteger" else ""
        if weight not in initializers:
            continue  # another operator, or a weight computed at run time
        if initializers[weight].data_type != onnx.TensorProto.INT8 and weight not in changed:
            continue  # stored unsigned already
        zero_point = node.input[3] if len(node.input) > 3 and node.input[3] else None
        if zero_point is None:  # an absent zero point means 0: stored unsigned it must say 128
            zero_point = f"{weight}_unsigned_zero_point"
            if zero_point not in initializers:
                model.graph.initializer.append(onnx.helper.make_tensor(zero_point, onnx.TensorProto.INT8, [], [0]))
                initializers[zero_point] = model.graph.initializer[-1]
            while len(node.input) < 4:
                node.input.append("")
            node.input[3] = zero_point
        for name in (weight, zero_point):
            if name in changed:
                continue  # shared with a node converted before
            tensor = initializers[name]
            if tensor.data_type != onnx.TensorProto.INT8:
                raise ValueError(f"{name}: a MatMulInteger zero point of type {tensor.data_type}, weight int8")
            values = numpy_helper.to_array(tensor).astype(np.int16) + 128
            tensor.CopyFrom(numpy_helper.from_array(values.astype(np.uint8), name))
            changed.add(name)
    return len(changed)


def convert_file(path: Path) -> int:
    """Convert the ONNX file ``path`` in place (written beside it, then renamed over it, so a
    failure leaves the old file whole); returns unsigned_weights' count."""
    model = onnx.load(str(path))
    changed = unsigned_weights(model)
    if changed:
        onnx.checker.check_model(model)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        os.close(fd)
        try:
            onnx.save(model, tmp)
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    return changed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("model", type=Path, help="a cross-encoder folder (its model.onnx) or an .onnx file")
    args = ap.parse_args(argv)
    path = args.model / "model.onnx" if args.model.is_dir() else args.model
    if not path.is_file():
        print(f"error: {path} is not a file", file=sys.stderr)
        return 2
    try:
        changed = convert_file(path)
    except Exception as exc:  # protobuf's DecodeError, onnx's ValidationError, OSError: said, not raised
        print(f"error: {path}: {exc}", file=sys.stderr)
        return 1
    print(f"{path}: {changed} int8 initializers stored unsigned" if changed else f"{path}: no signed int8 weights")
    return 0


if __name__ == "__main__":
    sys.exit(main())
