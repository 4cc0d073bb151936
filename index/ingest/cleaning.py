"""Cleaning article text: one normal form for every paragraph, and no web page leftovers.

Every paragraph is normalised the same way whatever the format (``normalise_text``): text
decoded with the wrong encoding repaired ("JuliÃ¡n" is "Julián"), Unicode NFC, invisible
characters removed, runs of whitespace collapsed to one space. Curly quotes and
apostrophes are kept exactly, because answers are quoted verbatim.

Articles copied from web pages carry page leftovers ("Leave a Reply", "Share this:", "© 2022 ...").
A paragraph made only of such leftovers (see ``BOILERPLATE_PATTERNS``) is dropped, whatever the
format, before sentences are counted, so paragraph numbers and offsets describe the text kept.
So are markup tags left in plain text ('<tweet tweet-id="..."><tweet/>'), keeping their words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from types import MappingProxyType

import ftfy

# Invisible characters that would otherwise break exact matching of quoted sentences.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"


def _build_cleaning_table() -> MappingProxyType[int, str | None]:
    table: dict[int, str | None] = {ord(c): None for c in _INVISIBLE}
    for code in [*range(0x00, 0x20), *range(0x7F, 0xA0)]:
        # Control characters that are whitespace (tab, newline, ...) become a space so words
        # stay apart; the others (NUL, bell, C1 controls) carry nothing and are dropped.
        table[code] = " " if chr(code).isspace() else None
    return MappingProxyType(table)


_CLEANING_TABLE = _build_cleaning_table()


# What UTF-8 text read as Latin-1 or Windows-1252 looks like: "JuliÃ¡n", "FranÃ§ois", "itâ€™s".
_MOJIBAKE = re.compile(
    "[ÃÂâ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]"
)


def normalise_text(text: str) -> str:
    """One paragraph or title: text decoded with the wrong encoding repaired ("JuliÃ¡n Castro" is
    Julián Castro, by ftfy, only where it looks so), NFC, no invisible/control characters,
    single spaces, stripped."""
    if _MOJIBAKE.search(text):
        text = ftfy.fix_encoding(text)
    cleaned = unicodedata.normalize("NFC", text.translate(_CLEANING_TABLE))
    # str.split() with no argument splits on every Unicode space (NBSP, thin space, ...).
    return " ".join(cleaned.split())


# One entry per kind of page furniture. A paragraph is dropped only when it is made entirely of
# these pieces (one or more, with punctuation between them): a piece must start the paragraph or
# follow another piece, so the same words in running prose ("Peskov said Russia would leave a
# reply ...") never match. Free-text tails are short and stop at a sentence end, so a long real
# paragraph that happens to open with "Sign up" or "©" is kept. Patterns match case-insensitively
# and at a word boundary; add new kinds here.
BOILERPLATE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(rf"(?:{pattern})(?!\w)", re.IGNORECASE)
    for pattern in (
        # comment forms (WordPress and the like)
        r"leave an? (?:reply|comment|response)",
        r"cancel reply",
        r"your email address will not be published",
        r"required fields are marked",
        r"(?:post|submit) (?:a )?comment",
        r"(?:\d+ )?comments?",
        r"save my name, email, and website in this browser for the next time I comment",
        # sharing and navigation
        r"share(?: this(?: article| story| post| page)?)?",
        r"share (?:on|via|to) (?:facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|email)",
        r"related(?: posts?| articles?| stories| news| content| coverage| reading)",
        r"you (?:may|might) also (?:like|be interested in)",
        r"(?:read (?:more|also|next)|see also)(?: here)?(?:\s*:[^\n]{0,200})?",
        r"click here(?: to [^.!?\n]{0,100})?",
        r"subscribe(?: (?:to|for) [^.!?\n]{0,80})?",
        r"sign up(?: (?:for|to) [^.!?\n]{0,80})?",
        # cookie notices: often several sentences ("... By continuing you accept ... Accept")
        r"(?:we use cookies|this (?:web)?site uses cookies)[^\n]{0,300}",
        r"accept (?:all )?cookies",
        # legal lines; a © needs a year after it, so a photo credit ("© Reuters") stays content
        r"all rights reserved",
        r"(?:©|copyright|\(c\))(?:\s*(?:©|copyright))?\s*\d{4}\b[^\n]{0,150}",
        # advertising slots
        r"advertisement",
        r"(?:story|article) continues (?:below|after) (?:this )?advertisement",
    )
)

# What may stand between two pieces, and before or after them: spaces and punctuation such as
# "Share this:", "Required fields are marked *", "» Read more", "— Advertisement —".
_BOILERPLATE_GLUE = re.compile(r"[\s.,:;!?|*•·…»«›‹→←/\-–—]*")


def is_boilerplate(paragraph: str) -> bool:
    """Whether a normalised paragraph is nothing but web page leftovers (``BOILERPLATE_PATTERNS``)."""
    position = _skip_glue(paragraph, 0)
    pieces = 0
    while position < len(paragraph):
        # The longest piece wins, so "Share on Facebook" is not read as "Share" + "on Facebook".
        end = max((m.end() for p in BOILERPLATE_PATTERNS if (m := p.match(paragraph, position))), default=position)
        if end == position:
            return False  # some words here are not page furniture: the paragraph is content
        pieces += 1
        position = _skip_glue(paragraph, end)
    return pieces > 0


def _skip_glue(text: str, position: int) -> int:
    glue = _BOILERPLATE_GLUE.match(text, position)
    return glue.end() if glue is not None else position


# Markup left in plain text ('<tweet tweet-id="..."><tweet/>.', '<a href="...">video.foxnews.com</a>'):
# a tag is a name and attributes with values between "<" and ">", and is no article's words when it
# has attributes, closes ("</a>", "<tweet/>") or opens a tag the paragraph closes. "a < b", "<3",
# "<b and c>" are no tags, and TrecQA's "<num>", which stands for a number, no markup.
_TAG = re.compile(
    r"<(?P<close>/)?(?P<name>[A-Za-z][\w:-]*)"
    r"(?P<attributes>(?:\s+[\w:-]+\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[“”][^“”<>]*[“”]|[^\s\"'<>]+))*)\s*(?P<ends>/)?>"
)
_GONE = "\x00"  # where a tag was, until the text is put back together (normalised text holds none)
# A full stop after tags that close a sentence already ended ("... today.<tweet/>."): one is kept.
_ENDED_THEN_STOP = re.compile(rf"([.!?…][\"'”’]?)\s*{_GONE}[{_GONE}\s]*\.")


def without_markup(paragraph: str) -> str:
    """``paragraph`` without markup tags (their text kept), or "" when no word is left."""
    if "<" not in paragraph:
        return paragraph

    def markup(tag: re.Match[str]) -> str:
        closed = f"</{tag['name']}>" in paragraph or f"<{tag['name']}/>" in paragraph
        return _GONE if tag["close"] or tag["ends"] or tag["attributes"] or closed else tag.group()

    marked = _ENDED_THEN_STOP.sub(r"\1", _TAG.sub(markup, paragraph))
    kept = " ".join(marked.replace(_GONE, "").split())
    return kept if any(c.isalnum() for c in kept) else ""


def drop_boilerplate(paragraphs: Iterable[str]) -> tuple[str, ...]:
    """The paragraphs that are not web page leftovers, in their order, without markup tags; a
    paragraph of tags alone is dropped too."""
    kept = (without_markup(p) for p in paragraphs)
    return tuple(p for p in kept if p and not is_boilerplate(p))
