#!/usr/bin/env python3
"""Score "What did X say?" answers on PolNeAR: ``python scripts/evaluate_speech.py --polnear FILE --index DIR``.

FILE is a PolNeAR JSON lines file (../shared/eval/polnear/dev.jsonl or train.jsonl) and DIR an
index of the same articles (``scripts/polnear_to_corpus.py dev OUT`` then ``verbatim-index
--articles OUT --index DIR``). Asks "What did X say?" of everyone the annotations show speaking
in at least ``--min-sentences`` sentences and prints the share of their speech the answers show
(recall) and the share of the shown sentences that are theirs (precision), and that share
without the sentences the annotations give to a "he"/"she" they do not name (judged); how each
is counted is in index/attribution/polnear_speech.py. ``--json`` prints the figures as one object,
``--verbose`` each person's.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from contextlib import closing
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from index.attribution.polnear import load_polnear
from index.attribution.polnear_speech import SentenceKey, people_of, score_answers, unlabelled
from index.errors import VerbatimError
from index.ingest.cleaning import normalise_text
from index.search.searcher import Searcher

# The note of an answer that shows sentences mentioning someone no sentence is attributed to.
_MENTIONS_ONLY = "I found no quote attributed to"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", required=True, type=Path, help="a PolNeAR JSON lines file")
    parser.add_argument("--index", required=True, type=Path, help="an index of the same articles")
    parser.add_argument("--min-sentences", type=int, default=3, help="ask about people quoted in this many sentences")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.add_argument("--verbose", action="store_true", help="print each person's figures")
    args = parser.parse_args(argv)
    if args.min_sentences < 1:
        parser.error("--min-sentences must be at least 1")
    try:
        items = load_polnear(args.polnear)
        searcher = Searcher.open(args.index)
    except (OSError, ValueError, VerbatimError) as e:
        print(f"evaluate_speech: {e}", file=sys.stderr)
        return 2
    people = people_of(items, args.min_sentences, as_stored=normalise_text)
    with closing(searcher):

        def ask(question: str) -> tuple[Sequence[SentenceKey], bool]:
            answer = searcher.answer(question)
            # a sentence several articles hold is shown once, for all of them (Hit.sources)
            shown = [
                (article_id, hit.sentence)
                for hit in answer.hits
                for article_id in dict.fromkeys([hit.article_id, *(source.article_id for source in hit.sources)])
            ]
            return shown, not answer.declined and not answer.note.startswith(_MENTIONS_ONLY)

        result = score_answers(people, ask, unlabelled(items, as_stored=normalise_text))
    if args.verbose:
        for name, gold, found, shown, right in result.rows:
            print(f"{name}: {found} of {gold} sentences of their speech shown; {right} of {shown} shown theirs")
    if args.json:
        print(json.dumps(result.as_dict()))
    else:
        print(
            f"{result.people} people asked about ({result.people_found} with some of their speech shown)\n"
            f"recall    {result.recall:.3f}  ({result.found} of the {result.gold} sentences of their speech shown)\n"
            f"precision {result.precision:.3f}  ({result.right} of the {result.shown} shown sentences theirs)\n"
            f"judged    {result.judged_precision:.3f}  (precision without the shown sentences whose words the "
            f'annotations give to a "he"/"she" of no name: {result.right} of {result.judged})'
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
