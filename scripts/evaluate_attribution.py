#!/usr/bin/env python3
"""Score quote attribution on PolNeAR: ``python scripts/evaluate_attribution.py --polnear FILE [--json] [--verbose]``.

FILE is a PolNeAR JSON lines file (../shared/eval/polnear/dev.jsonl or train.jsonl). Prints
sentence-level precision (attributed sentences whose speaker is an annotated source; a role
source such as "the vice president" checked against whom the article gives that role, and an
annotation whose source span is only "said" or "According to" left unscorable), the strict
precision (neither check; ``precision_strict`` in ``--json``), name
recall (speech attributions whose source is a name, found with that name) and the speed of
attribution alone; how each is counted is in index/attribution/polnear.py. ``--verbose`` lists
every wrong speaker and every missed named source.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from index.attribution import attribute
from index.attribution.polnear import load_polnear, score


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", required=True, type=Path, help="a PolNeAR JSON lines file")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.add_argument("--verbose", action="store_true", help="list every wrong and every missed attribution")
    args = parser.parse_args(argv)
    items = load_polnear(args.polnear)
    result = score(items, lambda s, t: attribute(s, title=t), keep_mistakes=args.verbose)
    if args.verbose:
        for m in result.mistakes:
            print(f"[{m['kind']}] speaker={m['speaker']!r} gold={m['source']!r}\n    {m['sentence'][:220]}")
    if args.json:
        print(json.dumps(result.as_dict()))
    else:
        print(
            f"{result.articles} articles, {result.sentences} sentences, {result.attributed} attributed\n"
            f"precision   {result.precision:.3f}  ({result.right} right, {result.wrong} wrong, "
            f"{result.unscorable} unscorable; role sources checked against the article, "
            "sources that are only 'said' unscorable)\n"
            f"strict      {result.precision_strict:.3f}  ({result.right_strict} right, {result.wrong_strict} wrong, "
            f"{result.unscorable_strict} unscorable; role and 'said' sources wrong unless matched by name)\n"
            f"name recall {result.name_recall:.3f}  ({result.named_found} of {result.named_speech})\n"
            f"speed       {result.sentences_per_second:,.0f} sentences/s (attribution alone)"
        )
        for e in result.errors:
            print(f"ERROR {e}")
    return 1 if result.errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
