"""Tokens and quotation spans of one sentence.

Text inside quotation marks is the speaker's own words and is never read for verbs or
subjects, so each quotation becomes one masked ``Q`` token. Quotes may run over sentences:
``quote_spans`` is told whether the sentence starts inside one and says whether it ends inside one.
"""

from __future__ import annotations

import re
from typing import NamedTuple

TOKEN_RE = re.compile(
    r"(?P<A>(?:[A-Z]\.){2,}"  # U.S., U.K.
    r"|Ph\.D\."  # "a Ph.D. candidate": no full stop
    r"|(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Adm|Prof|Rev|Maj|Cmdr|Brig|Pres|Jr|Sr|St|Del)\."
    r"|[A-Z]\.(?=\s+[A-Z]))"  # an initial: Michael J. Fox
    r"|(?P<W>[^\W\d_]+\d*(?:(?:['’\-]|&(?=[A-Z]))[^\W\d_]+)*['’]?)"  # "COP26", "G7", "PG&E", "AT&T": one name
    r"|(?P<N>\d+(?:[.,:]\d+)*(?:st|nd|rd|th)?)"
    r"|(?P<D>--|(?<=\s)-(?=\s))"  # a dash typed as "--" or as a hyphen between spaces
    r"|(?P<P>@\w+|[^\w\s])"
)
QUOTE_RE = re.compile(r"''|[\"“”‘’«»„]")
OPENERS = "“«„"
CLOSERS = "”»"
CLOSE_AFTER = ",.?!…;:—-"  # a straight quote right after these, before a space, closes a quote


class Tok(NamedTuple):
    kind: str  # W word, A abbreviation/initial, N number, P punctuation, Q a masked quotation
    text: str
    low: str
    start: int
    end: int


def quote_spans(text: str, inside: bool) -> tuple[list[tuple[int, int]], bool]:
    """Character spans of quoted text (marks included), and whether a quote is open at the end.

    ``inside`` says whether the sentence starts inside a quotation opened earlier.
    """
    spans: list[tuple[int, int]] = []
    start = 0 if inside else -1
    single = False
    n = len(text)
    for m in QUOTE_RE.finditer(text):
        i, j = m.start(), m.end()
        c = '"' if m.group() == "''" else m.group()  # the New York Times writes ''quotes''
        if start < 0:
            if c == "”" and j < n and text[j].isalnum() and (i == 0 or text[i - 1].isspace()):
                c = "“"  # an opening mark typed the wrong way round: 'to let policy aides ”get close to Ben'
            closes_unopened = c in CLOSERS or (
                c == '"' and i > 0 and text[i - 1] in CLOSE_AFTER and (j == n or text[j].isspace())
            )
            if closes_unopened:
                # A quote closed that we never saw open: the sentence began inside it.
                if not spans:
                    spans.append((0, j))
            elif c in OPENERS or c == '"':
                start, single = i, False
            elif c == "‘" and (i == 0 or not text[i - 1].isalnum()):
                start, single = i, True
        elif single:
            if c == "’" and (j == n or not text[j].isalpha()):
                spans.append((start, j))
                start = -1
        elif c in CLOSERS or c == '"' or (c == "“" and (text[start] == "„" or _closes_as_written(text, i, j))):
            if m.group() == "''" and text[j : j + 1] == "'":
                j += 1  # ''' closes a quote within the quote too: "... 'Fox and Friends,''' said X"
            spans.append((start, j))
            start = -1
    if start >= 0:
        spans.append((start, n))
        return spans, not single  # an unclosed single quote is more likely an apostrophe
    return spans, False


def _closes_as_written(text: str, i: int, j: int) -> bool:
    """Whether an opening mark at ``i..j``, inside a quote, closes it: typed the wrong way round
    after the quote's last comma or stop, before a space ("“It's unusual,“ said Larry Noble")."""
    return i > 0 and text[i - 1] in CLOSE_AFTER and (j == len(text) or text[j].isspace())


def tokenise(text: str, spans: list[tuple[int, int]]) -> list[Tok]:
    toks: list[Tok] = []
    pos = 0
    for s, e in spans:
        toks.extend(plain_tokens(text, pos, s))
        toks.append(Tok("Q", text[s:e], "", s, e))
        pos = e
    toks.extend(plain_tokens(text, pos, len(text)))
    return toks


def plain_tokens(text: str, pos: int, end: int) -> list[Tok]:
    out: list[Tok] = []
    append, make = out.append, tuple.__new__  # the hottest loop: skip NamedTuple's slower __new__
    for m in TOKEN_RE.finditer(text, pos, end):
        t = m.group()
        if m.lastgroup == "D":  # "Jane Doe -- a critic -- said", "Trump - who ... - said": a dash
            dash = "–" if t == "-" else t
            append(make(Tok, ("P", dash, dash, m.start(), m.end())))
        else:
            append(make(Tok, (m.lastgroup, t, t.lower(), m.start(), m.end())))
    return out


def bare(low: str) -> str:
    """A word without its possessive ending: "ukraine’s" -> "ukraine"."""
    if low.endswith(("’s", "'s")):
        return low[:-2]
    return low.rstrip("’'")


def is_possessive(t: Tok) -> bool:
    return t.kind == "W" and (t.low.endswith(("’s", "'s", "’")) or t.low.endswith("s'"))


# An Arabic name's article in lower case before its capitalised part: "al-Assad", "el-Sisi".
_ARTICLE_NAME = re.compile(r"^(?:al|el|ad|ash|as|at|az|ar|an|ul|ud)-[A-Z]")


def is_cap(t: Tok) -> bool:
    """A capitalised word or abbreviation, and a name after its lower-case article ("al-Assad")."""
    return (t.kind == "W" or t.kind == "A") and (t.text[0].isupper() or article_name(t))


def article_name(t: Tok) -> bool:
    """Whether ``t`` is a name after its lower-case Arabic article: "al-Assad", "el-Sisi"."""
    return t.kind == "W" and after_article(t.text) is not None


def after_article(word: str) -> str | None:
    """The name in ``word`` after its lower-case Arabic article ("al-Assad" -> "Assad"), else None."""
    return word.partition("-")[2] if _ARTICLE_NAME.match(word) else None


def short_abbreviation(toks: list[Tok], k: int) -> bool:
    """Whether the period at ``k`` ends a short abbreviation before a number or a name: "No. 2",
    "Ft. Worth", "St. Louis"."""
    p, n = toks[k - 1], toks[k + 1]
    return k > 0 and p.kind == "W" and p.text[0].isupper() and len(p.text) <= 3 and (n.kind == "N" or is_cap(n))


def span_text(text: str, toks: list[Tok], a: int, b: int) -> str:
    return text[toks[a].start : toks[b].end]
