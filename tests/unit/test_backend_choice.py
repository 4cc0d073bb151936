"""Which encoder answers questions by default: the int8 one for the bundled model, else torch."""

from __future__ import annotations

from index.embedding.models import DEFAULT_MODEL, resolve_backend


def test_auto_picks_the_int8_encoder_for_the_bundled_model_only() -> None:
    assert resolve_backend(DEFAULT_MODEL, "auto") == "onnx"  # the fast extra is installed here
    assert resolve_backend("all-MiniLM-L6-v2", "auto") == "onnx"
    assert resolve_backend("some/other-model", "auto") == "torch"
    assert resolve_backend(DEFAULT_MODEL, "torch") == "torch"
    assert resolve_backend("some/other-model", "onnx") == "onnx"  # asked for: load_embedder explains the refusal
