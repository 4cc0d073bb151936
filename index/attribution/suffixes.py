"""What may follow a surname: a generation, which is part of the name ("Donald Trump Jr.", the
son of Donald Trump), and an honour, which is not ("Judge Michael Hall QC" is Michael Hall)."""

from __future__ import annotations

from collections.abc import Sequence

from index.attribution.quotes import Tok, bare
from index.lexicon import FIRST_NAMES

# What may follow a surname: "Joseph R. Biden Jr.", "Gregory B. Meeks III" ("Biden" is the surname),
# and British honours and ranks: "Judge Michael Hall QC", "Sir Peter Bazalgette CBE".
NAME_SUFFIXES = frozenset({"jr.", "jr", "sr.", "sr", "ii", "iii", "iv", "qc", "kc", "obe", "mbe", "cbe", "kbe"})

# Suffixes that tell a generation: a father and his son share the rest of the name ("Donald
# Trump", "Donald Trump Jr."), so the name keeps these (``name_text``).
GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})


def generation(words: Sequence[str]) -> str | None:
    """The generation the last of a name's ``words`` tells, in lower case without its dot ("jr" of
    "Donald Trump Jr."); None when it tells none (a word alone tells none)."""
    last = words[-1].casefold().rstrip(".") if len(words) > 1 else ""
    return last if last in GENERATIONS else None


def surname_at(words: Sequence[str]) -> int:
    """Where the surname is among a name's ``words``: the last, or the one before a generation
    ("Biden" of "Joseph R. Biden Jr.")."""
    return len(words) - 2 if generation(words) else len(words) - 1


def surname_of(name: str) -> str:
    """The surname of ``name`` as written ("Biden" of "Joseph R. Biden Jr."; "" for no words)."""
    words = name.split()
    return words[surname_at(words)] if words else ""


def without_generation(name: str) -> str:
    """``name`` without the generation it ends with ("Brent Bozell" of "Brent Bozell III")."""
    words = name.split()
    return " ".join(words[:-1]) if generation(words) else name


def generation_after(toks: list[Tok], b: int) -> str:
    """The generation written after a surname at token ``b``, as a name ends with it ("Jr." of
    "Donald Trump Jr." and "William F. Buckley, Jr."; "III"), or "" for none."""
    k = b + 1
    if k + 1 < len(toks) and toks[k].text == "," and bare(toks[k + 1].low).rstrip(".") in GENERATIONS:
        k += 1
    word = bare(toks[k].low).rstrip(".") if k < len(toks) else ""
    if word not in GENERATIONS or not toks[k].text[:1].isupper():
        return ""
    return word.upper() if word.startswith("i") else word.capitalize() + "."


def without_suffix(toks: list[Tok], a: int, b: int) -> int:
    """The end of chain ``a..b`` without a suffix after a surname ("Biden Jr." ends at "Biden",
    the surname, and ``generation_after`` gives the name its "Jr." back, as after a lone first
    name: "His son Donald Jr. announced"). An honour after a word that is also a first name ends
    the chain only after another name ("Judge Michael Hall QC"; not "Peter QC")."""
    last = toks[b].low
    if b > a and (
        last.rstrip(".") in GENERATIONS
        or (last in NAME_SUFFIXES and (b - 1 > a or bare(toks[b - 1].low) not in FIRST_NAMES))
    ):
        return b - 1
    return b
