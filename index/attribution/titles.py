"""Titles written next to a name: "U.S. Deputy Secretary of State Wendy Sherman", "Dmitry Peskov,
the Kremlin spokesman," (names.py reads the name, this its title and the gender it tells)."""

from __future__ import annotations

from index.attribution.quotes import Tok, bare, span_text
from index.attribution.vocabulary import (
    CONNECTORS,
    DETERMINERS,
    FEMALE_TITLES,
    MALE_TITLES,
    ROLE_HEADS,
    ROLE_LOWER,
    STOP,
    TITLE_ABBREVIATIONS,
)


def title_before(text: str, toks: list[Tok], s: int) -> tuple[str, str | None]:
    """The title written just before a name starting at token ``s``, and the gender it implies;
    none when "of", "to" or "for" comes right before the name: "a spokesman for Sanders" is
    someone speaking for Sanders, not Sanders."""
    if s > 0 and toks[s - 1].low in CONNECTORS:
        return "", None
    i = s
    while i > 0 and s - i < 9:
        p = toks[i - 1]
        if p.kind == "A" or (
            p.kind == "W"
            and ((p.text[0].isupper() and p.low not in STOP) or p.low in ROLE_LOWER or p.low in CONNECTORS)
        ):
            i -= 1
        else:
            break
    while i < s and toks[i].low in CONNECTORS:
        i += 1
    if i == s:
        return "", None
    lows = [bare(t.low) for t in toks[i:s]]
    gender = next(("f" for w in lows if w in FEMALE_TITLES), None) or next(
        ("m" for w in lows if w in MALE_TITLES), None
    )
    if not any(TITLE_ABBREVIATIONS.get(w, w) in ROLE_HEADS for w in lows):
        return "", gender
    return span_text(text, toks, i, s - 1), gender


def title_after(text: str, toks: list[Tok], b: int) -> str:
    """A title written after a name: "Dmitry Peskov, the Kremlin spokesman," / "Peskov is the ..."."""
    k = b + 1
    if k >= len(toks) or not (toks[k].text == "," or toks[k].low in ("is", "was")):
        return ""
    k += 1
    while k < len(toks) and toks[k].low in DETERMINERS:
        k += 1
    start = k
    while k < len(toks) and k - start < 9:
        t = toks[k]
        if t.kind == "A" or (
            t.kind == "W"
            and ((t.text[0].isupper() and t.low not in STOP) or t.low in ROLE_LOWER or t.low in CONNECTORS)
        ):
            k += 1
        else:
            break
    while k > start and toks[k - 1].low in CONNECTORS:
        k -= 1
    if k == start or not any(bare(t.low) in ROLE_HEADS for t in toks[start:k]):
        return ""
    return span_text(text, toks, start, k - 1)
