"""Int8 weights stored unsigned (scripts/rerankkit/unsigned.py): the same integers on every CPU.

Each graph here is a real ONNX model run by onnxruntime. Its products are chosen to overflow a
16-bit sum (255 x 127 twice), which onnxruntime's u8s8 kernel saturates on a CPU with AVX2 but no
AVX-VNNI; stored unsigned, the model must give the exact integer product wherever it runs.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import onnx
import onnxruntime
import pytest
from onnx import TensorProto, helper, numpy_helper

from index.rerank.cross_encoder import Reranker
from index.rerank.features_model import CROSS_ENCODER_DIR
from index.rerank.int8 import cpu_flags, signed_graph, signed_is_exact, store_weights
from index.rerank.model import BUNDLED_MODEL
from scripts.rerankkit.unsigned import convert_file, main, unsigned_weights

K, N = 64, 16


def _weights() -> np.ndarray:
    rng = np.random.default_rng(7)
    weights = rng.integers(-127, 128, size=(K, N)).astype(np.int8)
    weights[:, :4] = 127  # next to a 255 activation: 2 x 255 x 127 = 64,770 > 32,767
    weights[:, 4:8] = -127
    return weights


def _model(weights: np.ndarray, zero_point: np.ndarray | None) -> onnx.ModelProto:
    """out = (a - a_zero) @ (weights - zero_point), int32: one MatMulInteger node."""
    inputs = ["a", "w", "a_zero"] + (["w_zero"] if zero_point is not None else [])
    node = helper.make_node("MatMulInteger", inputs, ["out"])
    initializers = [
        numpy_helper.from_array(np.array(0, dtype=np.uint8), "a_zero"),
        numpy_helper.from_array(weights, "w"),
    ]
    if zero_point is not None:
        initializers.append(numpy_helper.from_array(zero_point, "w_zero"))
    graph = helper.make_graph(
        [node],
        "matmul",
        [helper.make_tensor_value_info("a", TensorProto.UINT8, [None, K])],
        [helper.make_tensor_value_info("out", TensorProto.INT32, [None, N])],
        initializers,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model


def _run(model: onnx.ModelProto, a: np.ndarray) -> list[np.ndarray]:
    """Every output of ``model`` run by onnxruntime on the activations ``a``."""
    session = onnxruntime.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    return [np.asarray(out) for out in session.run(None, {"a": a})]


def _activations() -> np.ndarray:
    a = np.full((3, K), 255, dtype=np.uint8)
    a[1, ::2] = 0
    a[2] = np.arange(K, dtype=np.uint8) * 4
    return a


@pytest.mark.parametrize("zero_point", [np.zeros(N, dtype=np.int8), np.arange(N, dtype=np.int8) - 8, None])
def test_stored_unsigned_the_product_is_the_exact_one(zero_point: np.ndarray | None) -> None:
    weights = _weights()
    model = _model(weights, zero_point)
    assert unsigned_weights(model) == 2
    a = _activations()
    zp = np.zeros(N, dtype=np.int64) if zero_point is None else zero_point.astype(np.int64)
    exact = a.astype(np.int64) @ (weights.astype(np.int64) - zp)
    assert np.array_equal(_run(model, a)[0], exact)
    assert (exact > 32_767).any()  # the case a saturating kernel gets wrong


def test_a_weight_two_products_share_without_a_zero_point_is_exact_in_both() -> None:
    weights = _weights()
    model = _model(weights, None)
    second = helper.make_node("MatMulInteger", ["a", "w", "a_zero"], ["out2"])
    model.graph.node.append(second)
    model.graph.output.append(helper.make_tensor_value_info("out2", TensorProto.INT32, [None, N]))
    assert unsigned_weights(model) == 2
    a = _activations()
    first, other = _run(model, a)
    exact = a.astype(np.int64) @ weights.astype(np.int64)
    assert np.array_equal(first, exact) and np.array_equal(other, exact)


def test_a_model_stored_unsigned_already_is_left_as_it_is() -> None:
    model = _model(_weights(), np.zeros(N, dtype=np.int8))
    unsigned_weights(model)
    before = model.SerializeToString()
    assert unsigned_weights(model) == 0
    assert model.SerializeToString() == before


def test_the_shipped_cross_encoder_stores_its_weights_unsigned() -> None:
    model = onnx.load(str(BUNDLED_MODEL / CROSS_ENCODER_DIR / "model.onnx"))
    types = {init.name: init.data_type for init in model.graph.initializer}
    weights = [node.input[1] for node in model.graph.node if node.op_type == "MatMulInteger"]
    assert weights, "the cross-encoder has no int8 matrix products"
    assert {types[name] for name in weights} == {TensorProto.UINT8}


def test_the_command_converts_a_folder_in_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    onnx.save(_model(_weights(), np.zeros(N, dtype=np.int8)), str(tmp_path / "model.onnx"))
    assert main([str(tmp_path)]) == 0
    assert "2 int8 initializers stored unsigned" in capsys.readouterr().out
    converted = onnx.load(str(tmp_path / "model.onnx"))
    assert {i.data_type for i in converted.graph.initializer if i.name.startswith("w")} == {TensorProto.UINT8}
    assert convert_file(tmp_path / "model.onnx") == 0


def test_a_file_that_is_not_onnx_is_refused_and_left_whole(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "model.onnx"
    bad.write_bytes(b"not a model")
    assert main([str(bad)]) == 1
    assert "error:" in capsys.readouterr().err
    assert bad.read_bytes() == b"not a model"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model.onnx"]
    assert main([str(tmp_path / "missing")]) == 2


# -- back to signed where the CPU multiplies them exactly (index/rerank/int8.py) ------------------


@pytest.mark.parametrize("zero_point", [np.arange(N, dtype=np.int8) - 8, None])
def test_turned_back_signed_the_weights_are_the_ones_quantised(zero_point: np.ndarray | None) -> None:
    weights = _weights()
    model = _model(weights, zero_point)
    unsigned_weights(model)
    assert store_weights(model, signed=True) == 2
    stored = {init.name: numpy_helper.to_array(init) for init in model.graph.initializer}
    assert stored["w"].dtype == np.int8 and np.array_equal(stored["w"], weights)
    zero = model.graph.node[0].input[3]
    assert stored[zero].dtype == np.int8
    if zero_point is None:  # the one the unsigned graph had to add (128) says 0 again
        assert stored[zero].tolist() == 0
    else:
        assert np.array_equal(stored[zero], zero_point)
    assert store_weights(model, signed=True) == 0  # signed already: left as it is


def test_where_this_cpu_is_said_to_multiply_signed_weights_exactly_it_does() -> None:
    # On a VNNI CPU the signed graph must give the exact product that a saturating kernel gets
    # wrong; elsewhere the reranker never loads it, and the unsigned graph is exact (above).
    model = _model(_weights(), np.zeros(N, dtype=np.int8))
    a = _activations()
    exact = a.astype(np.int64) @ _weights().astype(np.int64)
    if signed_is_exact():
        assert np.array_equal(_run(model, a)[0], exact)
    unsigned_weights(model)
    assert np.array_equal(_run(model, a)[0], exact)


def test_only_an_x86_cpu_with_vnni_gets_the_signed_kernels(tmp_path: Path) -> None:
    def cpu(flags: str) -> Path:
        path = tmp_path / f"cpuinfo-{len(list(tmp_path.iterdir()))}"
        path.write_text(f"processor\t: 0\nmodel name\t: A CPU\nflags\t\t: {flags}\n\nprocessor\t: 1\n")
        return path

    assert cpu_flags(cpu("fpu avx2 avx512_vnni").read_text()) == {"fpu", "avx2", "avx512_vnni"}
    assert signed_is_exact(cpu("fpu avx2 avx512_vnni"), machine="x86_64")
    assert signed_is_exact(cpu("avx2 avx_vnni"), machine="x86_64")
    assert not signed_is_exact(cpu("fpu avx2 fma"), machine="x86_64")  # the saturating AVX2 kernel
    assert not signed_is_exact(cpu("fp asimd asimddp"), machine="aarch64")
    assert not signed_is_exact(cpu("avx512_vnni"), machine="aarch64")
    assert not signed_is_exact(tmp_path / "no-such-file", machine="x86_64")


def test_the_shipped_cross_encoder_scores_the_same_with_either_kernels_this_cpu_runs() -> None:
    folder = BUNDLED_MODEL / CROSS_ENCODER_DIR
    assert signed_graph(folder / "model.onnx") is not None  # the shipped file holds unsigned weights
    question = "How many troops did Russia mass near Ukraine?"
    sentences = [
        "Russia has amassed nearly 100,000 troops near its border with Ukraine.",
        "NATO headquarters in Brussels",
        "Who met in Geneva?",
    ]
    chosen = Reranker(folder, threads=1)
    assert chosen.kernels == ("u8s8" if signed_is_exact() else "as stored")
    as_stored = Reranker(folder, threads=1, signed=False)
    assert as_stored.kernels == "as stored"
    assert np.array_equal(chosen.logits(question, sentences), as_stored.logits(question, sentences))
