"""The bench's results as one JSON-ready dict, the bars it is judged by, and the stdout table."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

GIB = 1024**3
MIB = 1024**2
LARGE = 1_000_000  # the corpus size the scale bars speak about
RERANK_SIZE = 100_000  # the corpus size the reranker's latency bars speak about (issue 15)


def json_ready(value: Any) -> Any:
    """``value`` with NaN and infinities as None, so that the JSON output is strict JSON."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, Mapping):
        return {str(k): json_ready(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_ready(v) for v in value]
    return value


def bars(result: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Each bar of issues 4 and 15 with its measured value; ``met`` is None when it was not measured."""
    corpora = {c["name"]: c for c in result.get("corpora", [])}
    sample = corpora.get("sample", {})
    large = next((c for c in result.get("corpora", []) if c.get("sentences", 0) >= LARGE), {})
    build = result.get("build") or {}
    rebuild = result.get("rebuild") or {}
    load = result.get("bot_load") or {}

    def bar(name: str, value: float | None, target: str, met: bool | None, unit: str = "") -> dict[str, Any]:
        return {"bar": name, "value": value, "target": target, "met": met, "unit": unit}

    def check(value: Any, test: Any) -> bool | None:
        return None if value is None or (isinstance(value, float) and math.isnan(value)) else bool(test(value))

    at_scale = next((c for c in result.get("corpora", []) if c.get("sentences", 0) >= RERANK_SIZE), {})
    reranked = _default_depth(at_scale.get("reranked") or {}, result.get("rerank_depth"))
    rss = large.get("bot_rss_mib")
    lost = load.get("lost")
    errors = load.get("errors")
    return [
        bar(
            "search p50 vs floor, sample corpus",
            sample.get("answer_vs_floor_p50"),
            "<= 1.2x",
            check(sample.get("answer_vs_floor_p50"), lambda v: v <= 1.2),
            "x",
        ),
        bar(
            "search p50 at 10^6 sentences",
            large.get("answer_p50_ms"),
            "< 50 ms",
            check(large.get("answer_p50_ms"), lambda v: v < 50),
            " ms",
        ),
        bar(
            "answer p50 with the reranker at 10^5",
            reranked.get("p50_ms"),
            "<= 60 ms",
            check(reranked.get("p50_ms"), lambda v: v <= 60),
            " ms",
        ),
        bar(
            "answer p99 with the reranker at 10^5",
            reranked.get("p99_ms"),
            "<= 150 ms",
            check(reranked.get("p99_ms"), lambda v: v <= 150),
            " ms",
        ),
        bar(
            "recall@10 vs exact at 10^6",
            large.get("recall_at_10"),
            ">= 0.95",
            check(large.get("recall_at_10"), lambda v: v >= 0.95),
        ),
        bar("bot RSS at 10^6", rss, "< 2048 MiB", check(rss, lambda v: v * MIB < 2 * GIB), " MiB"),
        bar(
            "build vs raw encode throughput",
            build.get("ratio"),
            ">= 0.9x",
            check(build.get("ratio"), lambda v: v >= 0.9),
            "x",
        ),
        bar(
            "rebuild after 1 changed article vs full build",
            rebuild.get("ratio_percent"),
            "< 2%",
            check(rebuild.get("ratio_percent"), lambda v: v < 2.0),
            "%",
        ),
        bar(
            "questions lost under load",
            None if lost is None else lost + (errors or 0),
            "0",
            check(lost, lambda v: v == 0 and not errors),
        ),
        bar(
            "bot throughput, 50 chats vs one at a time",
            load.get("ratio"),
            ">= 3x",
            check(load.get("ratio"), lambda v: v >= 3.0),
            "x",
        ),
        bar(
            "bot throughput, 50 chats, with the reranker vs without",
            load.get("rerank_share"),
            ">= 0.5x",
            check(load.get("rerank_share"), lambda v: v >= 0.5),
            "x",
        ),
    ]


def _default_depth(reranked: Mapping[str, Any], depth: Any) -> Mapping[str, Any]:
    """The timings at the policy's depth, else at the first depth measured ({} when none was)."""
    if str(depth) in reranked:
        return reranked[str(depth)]
    return next(iter(reranked.values()), {})


def _num(value: Any, digits: int = 1) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.{digits}f}"


def _percent(value: Any) -> str:
    return "-" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{value:.0%}"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[bool]) -> list[str]:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(header)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c.rjust(w) if r else c.ljust(w) for c, w, r in zip(cells, widths, right, strict=True)).rstrip()

    return [line(header), line(["-" * w for w in widths]), *(line(r) for r in rows)]


def render(result: Mapping[str, Any]) -> str:
    """The bench's results as the plain-text table printed on stdout (and pasted in the README)."""
    lines = [
        f"Verbatim bench: questions encoded by {result['backend']}, documents by {result.get('build_backend', '?')}, "
        f"{result['machine']['cpus']} CPUs, "
        f"{result['seconds']:.0f} s{' (--quick)' if result.get('quick') else ''}",
        "",
    ]
    header = [
        "corpus",
        "sentences",
        "vectors",
        "index",
        "index s",
        "p50 ms",
        "p99 ms",
        "floor p50",
        "p50/floor",
        "chat p50 / p99",
        "typo p50 / p99",
        "recall@10",
        "bot RSS MiB",
    ]
    rows = [
        [
            c["name"],
            _num(c["sentences"]),
            c["vectors"],
            c["index_type"],
            _num(c.get("index_seconds")),
            _num(c.get("answer_p50_ms")),
            _num(c.get("answer_p99_ms")),
            _num(c.get("floor_p50_ms")),
            _num(c.get("answer_vs_floor_p50"), 2),
            f"{_num(c.get('chat_p50_ms'))} / {_num(c.get('chat_p99_ms'))}",
            f"{_num(c.get('typo_p50_ms'))} / {_num(c.get('typo_p99_ms'))}",
            _num(c.get("recall_at_10"), 3),
            _num(c.get("bot_rss_mib"), 0),
        ]
        for c in result.get("corpora", [])
    ]
    lines += _table(header, rows, [False, True, False, False] + [True] * 9)
    lines.append("")
    reranked = [c for c in result.get("corpora", []) if c.get("reranked")]
    if reranked:
        depths = list(reranked[0]["reranked"])
        lines.append("answers with the reranker rescoring the top K hits (p50 / p99 ms; without it: p50/p99 above):")
        header = ["corpus", *(f"K={d}" for d in depths)]
        rows = [
            [
                c["name"],
                *(
                    f"{_num(c['reranked'].get(d, {}).get('p50_ms'))} / {_num(c['reranked'].get(d, {}).get('p99_ms'))}"
                    for d in depths
                ),
            ]
            for c in reranked
        ]
        lines += _table(header, rows, [False] + [True] * len(depths))
        lines.append("")
    speech = [c for c in result.get("corpora", []) if "speech_p50_ms" in c]
    if speech:
        lines.append(
            "speech questions (\"what did X say?\" about the corpus's own speakers; typo'd: one letter wrong in X):"
        )
        header = ["corpus", "speakers", "speaker index ms", "p50 ms", "p99 ms", "typo'd p50", "typo'd p99", "found"]
        rows = [
            [
                c["name"],
                _num(c.get("speakers")),
                _num(c.get("speaker_index_ms")),
                _num(c.get("speech_p50_ms")),
                _num(c.get("speech_p99_ms")),
                _num(c.get("speech_typo_p50_ms")),
                _num(c.get("speech_typo_p99_ms")),
                _percent(c.get("speech_found")) + " / " + _percent(c.get("speech_typo_found")),
            ]
            for c in speech
        ]
        lines += _table(header, rows, [False] + [True] * 7)
        lines.append("")
    build = result.get("build")
    if build:
        lines.append(
            f"build: {build['sentences']:,} sentences at {build['build_per_s']:.0f}/s vs raw encode "
            f"{build['encode_per_s']:.0f}/s = {build['ratio']:.2f}x" + _turns(build.get("turn_ratios") or [])
        )
    rebuild = result.get("rebuild")
    if rebuild:
        lines.append(
            f"rebuild after changing 1 of {rebuild['articles']:,} articles ({rebuild['sentences']:,} sentences): "
            f"{rebuild['rebuild_s']:.2f} s vs full build {rebuild['full_s']:.1f} s = {rebuild['ratio_percent']:.2f}% "
            f"({rebuild['reembedded']} sentences re-embedded)"
        )
    load = result.get("bot_load")
    if load:
        lines.append(
            f"bot, {load['chats']} chats at once: {load['answered']}/{load['questions']} answered, "
            f"{load['concurrent_per_s']:.1f} questions/s (p50 {load['concurrent_p50_ms']:.0f} ms, "
            f"p99 {load['concurrent_p99_ms']:.0f} ms) vs one at a time {load['sequential_per_s']:.1f}/s "
            f"(p99 {load['sequential_p99_ms']:.0f} ms) = {load['ratio']:.1f}x"
        )
        if "rerank_off_per_s" in load:
            lines.append(
                f"bot, {load['chats']} chats, the same without the reranker (VERBATIM_RERANK=off): "
                f"{load['rerank_off_per_s']:.1f} questions/s; with it = {load['rerank_share']:.2f}x of that"
            )
        if "reranked_share" in load:
            lines.append(
                f"bot, {load['chats']} chats asking only the {load['reranked_questions']} questions that reach the "
                f"reranker (not a bar): {load['reranked_per_s']:.1f} questions/s with it, "
                f"{load['reranked_off_per_s']:.1f} without = {load['reranked_share']:.2f}x"
            )
    lines += ["", "bars:"]
    for item in result.get("bars", []):
        mark = {True: "ok  ", False: "MISS", None: "n/a "}[item["met"]]
        value = (
            "not measured"
            if item["value"] is None
            else f"{_num(item['value'], 3 if not item['unit'] else 2)}{item['unit']}"
        )
        lines.append(f"  [{mark}] {item['bar']}: {value} (bar {item['target']})")
    notes = result.get("notes") or []
    if notes:
        lines += ["", "notes:"]
        lines += [f"  - {note}" for note in notes]
    return "\n".join(lines)


def _turns(ratios: list[float]) -> str:
    """How the build's turns compared one by one, when there were several (the ratio is best against best)."""
    if len(ratios) < 2:
        return ""
    return f" (best of each; turn by turn {', '.join(f'{r:.2f}x' for r in ratios)})"
