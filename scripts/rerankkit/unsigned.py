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
model so; this command converts a folder exported before (or elsewhere). Where the CPU has VNNI
the reranker turns the weights back signed in memory when it loads them (index/rerank/int8.py),
which is exact there and faster.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import onnx

from index.rerank.int8 import store_weights


def unsigned_weights(model: onnx.ModelProto) -> int:
    """Store every int8 weight and zero point of ``model``'s ``MatMulInteger`` nodes as uint8
    (plus 128), in place; returns how many initializers changed (0: nothing signed was left)."""
    return store_weights(model, signed=False)


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
