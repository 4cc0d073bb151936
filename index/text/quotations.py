"""Quotations in a sentence: what it quotes between quotation marks, speech or a title.

One reading for every module that sets quoted words apart from the reporter's own: a place in
someone's words is not where the news happened (index/search/places.py), "those talks" inside a
quotation does not point back to the sentence before (context.py), and a quoted title names
something while quoted speech names no one (index/search/persons.py).

A quotation opens and closes on the same kind of mark: curly (“...”) or straight ("..."). An
opening curly mark ends a try as a closing one does, so a sentence of many unclosed marks is
read in linear time.
"""

from __future__ import annotations

import re
from collections.abc import Callable

QUOTATION = re.compile(r"“[^“”]*”|\"[^\"]*\"")


def without_quotations(text: str) -> str:
    """``text`` with each quotation (its marks too) replaced by a space."""
    return QUOTATION.sub(" ", text)


def map_quotations(text: str, change: Callable[[str], str]) -> str:
    """``text`` with the words of each quotation, between its marks, replaced by ``change(words)``."""
    return QUOTATION.sub(lambda quoted: quoted.group()[0] + change(quoted.group()[1:-1]) + quoted.group()[-1], text)
