"""A role phrase ending at a token: "the U.S. ambassador to NATO", "Kremlin spokesman", read
as the normalised words of one person's role ("the Kremlin spokesman said")."""

from __future__ import annotations

from index.attribution.quotes import Tok, bare
from index.attribution.vocabulary import CONNECTORS, DETERMINERS, GENERIC, ROLE_HEADS, ROLE_LOWER, STOP


def role_words(toks: list[Tok], j: int) -> str | None:
    """Normalised words of a role phrase ending at ``j`` ("the U.S. ambassador to NATO")."""
    i = j
    while i >= 0 and j - i < 10:
        t = toks[i]
        if t.kind == "A" or (
            t.kind == "W"
            and (
                (t.text[0].isupper() and t.low not in STOP)
                or t.low in ROLE_LOWER
                or t.low in CONNECTORS
                or t.low in DETERMINERS
            )
        ):
            i -= 1
        else:
            break
    if not _one_known_holder(toks, i, j):
        return None
    words = [bare(t.low) for t in toks[i + 1 : j + 1] if t.low not in DETERMINERS]
    if not words or not any(w in ROLE_HEADS for w in words) or (words[-1] in GENERIC and words[-1].endswith("s")):
        return None
    return " ".join(words)


def _one_known_holder(toks: list[Tok], i: int, j: int) -> bool:
    """Whether the role phrase ``i+1..j`` points at one person: "the Kremlin spokesman", "Kremlin
    spokesman", not "a labor official", "a school spokesman" or a bare "official" (headline style:
    "Investment, official says, helped ..."), which name nobody the article knows."""
    if i + 1 > j:
        return False
    first = toks[i + 1]
    if first.low in ("a", "an"):
        return False
    if first.text[0].isupper() or first.low == "the":
        return True
    before = toks[i] if i >= 0 else None
    if before is None or before.kind != "W":
        return False
    return before.low not in ("a", "an") and not (i > 0 and toks[i - 1].low in ("a", "an"))
