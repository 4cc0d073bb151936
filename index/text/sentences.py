"""Splitting an article into sentences with exact character offsets.

Each paragraph is split with pysbd (English rules: abbreviations such as ``U.S.``, ``Mr.``,
``No. 1``, ``Jan. 11``, initials and decimals do not end a sentence, and quoted speech stays
whole). pysbd's character spans are checked against the paragraph and, where they disagree,
the sentences are found again by searching forward, so no text is ever lost or invented: the
sentences of a paragraph always cover all of its text, in order.

Two guards keep pathological input cheap. pysbd slows down quadratically with the number of
sentences it sees at once, so a very long paragraph is handed to it in pieces of about
``CHUNK_CHARS`` cut at a likely sentence end; and no sentence is longer than ``MAX_SENTENCE_CHARS``:
a longer span is cut at its last sentence-ending mark, else at whitespace, else anywhere.

Speed: a paragraph with nothing pysbd could split at before its end (most news paragraphs are a
single sentence) skips pysbd altogether, which about doubles throughput; and a "sentence" with no
letter or digit (a stray closing quote) is kept with the sentence before it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence

import pysbd
from pysbd.lang.english import English

from index.lexicon import FIRST_NAMES, MONTHS, WEEKDAYS
from index.types import PARAGRAPH_SEPARATOR, Article, Sentence

MAX_SENTENCE_CHARS = 1000
# A span longer than this (a quoted statement pysbd keeps whole) is cut at its sentence ends.
LONG_SPAN_CHARS = 400
_WORD_BEFORE = re.compile(r"\b([A-Z][a-z]*)\.$")
_INNER_END = re.compile(r"(?<=[a-z0-9%][.!?])(?=[ \t]+[\"“'‘]?[A-Z])")
# Below this, pysbd runs in a few milliseconds even on a paragraph of nothing but "a. a. a.".
CHUNK_CHARS = 3000

# What pysbd can split at: sentence punctuation, list items like "a)" or "2)", line breaks,
# and an interrupted quote (a dash, a closing quote, a space).
_CAN_END_SENTENCE = re.compile(r"[.!?…。．！？)\r\n]|-[\"'“”]\s")
# What may close the last sentence of a paragraph (rstrip characters, so no regex backtracking).
_CLOSING = ".!?…。．！？\"'”’»)] \t"
# A sentence-ending mark, optionally followed by closing quotes or brackets, before whitespace.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*(?=\s)")

# Where pysbd ends a sentence that goes on (news style). The text after the end starts with a
# comma, semicolon, colon, closing bracket or "&": "Sen. Marco Rubio, R-Fla.|, appearing on Fox
# News, said ...", "the S.|&P. 500". Or the text before ends with ...
_GOES_ON_AFTER = re.compile(r"\s*[,;:)\]&]")
# ... a title that always stands before a name ("then-Sen.| Barack Obama", "Pres.| Obama", "Ft.| Worth") ...
_TITLE_BEFORE = re.compile(
    r"(?:^|[\s\-(\"“'‘>])(?:Sen|Sens|Rep|Reps|Gov|Pres|Amb|Lt|Col|Maj|Sgt|Capt|Cmdr|Adm|Gen|Dr|Mr|Mrs|Ms|Messrs|Rev|Prof|Ft|Mt|Atty|Supt)\.$"
)
_CAPITAL_AFTER = re.compile(r"\s*[\"“'‘]?[A-Z]")
# ... "Del." before a first name, a delegate ("said Del.| Stacey Plaskett"), not Delaware ("Del.| The") ...
_DELEGATE_BEFORE = re.compile(r"(?:^|[\s\-(\"“'‘>])Del\.$")
_WORD_AFTER = re.compile(r"\s*([A-Z][a-z]+)\b")
# ... a clock time before its time zone or day ("9 p.m.| EST", "at 3 p.m.| Tuesday", "at 10:00
# a.m.| Tongan time", "11 a.m.| Eastern Time") ...
_CLOCK_BEFORE = re.compile(r"\b[ap]\.m\.$", re.IGNORECASE)
_ZONE_OR_DAY_AFTER = re.compile(
    r"\s*(?:[ECMP][SD]?T|GMT|UTC|BST|CET|local time|[A-Z][a-z]+ [Tt]ime|{})\b".format(
        "|".join(sorted(d.title() for d in WEEKDAYS))
    )
)
# ... or an abbreviation before a word in lower case or a figure ("thatU.S.| military spending",
# "Calif.| said", "the S.&P.| 500").
_ABBREVIATION_BEFORE = re.compile(r"(?:[A-Z]\.&?){2,}$|\b[A-Z][a-z]{1,4}\.$")
_LOWER_AFTER = re.compile(r"\s*[a-z0-9]")
# ... or an abbreviation before a dash: a dateline ("DECATUR, Ill.| — Sen. Ted Cruz said ...",
# "ATHENS, Ga.| _ There ...", the wires' underscore).
_DASH_AFTER = re.compile(r"\s*[—–_-]\s")
# ... or a quotation before the short clause that says who spoke it, which pysbd makes a
# sentence of its own ('"Why's he attacking me?"| Trump said.', '"...," said Sen. Rubio.').
_QUOTE_BEFORE = re.compile(r"[?!,.…’'][\"”]$")
_REPORT_AFTER = re.compile(
    r"\s*(?:(?!(?:That|This|It|There|These|Those|Which|What|Who|But|And|So|Then|The)\s)(?:[A-Z][\w'’.-]*\s+){1,4}"
    r"|(?:he|she|they|we|I)\s+)"
    r"(?:said|says|asked|asks|added|adds|tweeted|tweets|wrote|writes|explained|continued|noted|told)"
    r"(?:\s+(?:[A-Z][\w'’.-]*|in|a|an|the|to|on|at|statement|response|interview|reporters|later|recently|then|today"
    r"|yesterday|him|her|them|me|us))*\.(?:\s|$)"
    r"|\s*(?:said|says|asked|added|wrote)\s+(?:[A-Z][\w'’.-]*\s*){1,4}\.(?:\s|$)"
)
# Where pysbd misses an end: a dotted abbreviation that ends a sentence before a word that only
# opens one ("in Washington, D.C.| He recalled ...", "back to the U.S.| The next day ...").
# And a quote closed with two apostrophes after a full stop (the New York Times' style, which
# pysbd does not read as a quote) before a capital: "the show, ''Politicking.''| Democrats ...".
_MISSED_END = re.compile(
    r"\b(?:[A-Z]\.){2,}(?=[ \t]+(?:He|She|They|It|We|I|The|This|These|Those|There|But|His|Her|Their|Its|Our)\s)"
    r"|(?<=[^\W_]\.'')(?=[ \t]+(?:''|[\"“'‘])?[A-Z])"
)
# Text whose tokeniser set every period apart ("Mr . Mendenhall", "On Sept . <num>", "Huey P .
# Newton": TrecQA's Penn-tokenised newswire) gets pysbd's own abbreviation rules, which it
# applies only to a period written against its word.
_DETACHED_BEFORE = re.compile(r"(?:^|[\s(])([A-Za-z][\w.&]*) \.$")
_FIGURE_AFTER = re.compile(r"\s*(?:\d|<num>)")
_PREPOSITIVE = frozenset(English.Abbreviation.PREPOSITIVE_ABBREVIATIONS)
_BEFORE_FIGURES = frozenset(English.Abbreviation.NUMBER_ABBREVIATIONS) | MONTHS
_ABBREVIATIONS = frozenset(English.Abbreviation.ABBREVIATIONS)


class SentenceSplitter:
    """Splits articles into ``Sentence`` records; reuse one instance for many articles.

    Not thread-safe: pysbd's Segmenter remembers the text it last saw. Use one per thread.
    """

    def __init__(self, *, max_chars: int = MAX_SENTENCE_CHARS, chunk_chars: int = CHUNK_CHARS) -> None:
        if max_chars < 2 or chunk_chars < 2:
            raise ValueError("max_chars and chunk_chars must be at least 2")
        self.max_chars = max_chars
        self.chunk_chars = chunk_chars
        self._segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)

    def split(self, article: Article) -> list[Sentence]:
        """The sentences of ``article``, with offsets into ``article.text``."""
        sentences: list[Sentence] = []
        offset = 0
        for paragraph_index, paragraph in enumerate(article.paragraphs):
            for start, end in self.spans(paragraph):
                sentences.append(
                    Sentence(
                        article_id=article.id,
                        paragraph=paragraph_index,
                        position=len(sentences),
                        start=offset + start,
                        end=offset + end,
                        text=paragraph[start:end],
                    )
                )
            offset += len(paragraph) + len(PARAGRAPH_SEPARATOR)
        return sentences

    def spans(self, paragraph: str) -> list[tuple[int, int]]:
        """(start, end) of each sentence of one paragraph, trimmed of surrounding whitespace."""
        spans: list[tuple[int, int]] = []
        for chunk_start, chunk_end in _pieces(paragraph, 0, len(paragraph), self.chunk_chars):
            chunk = paragraph[chunk_start:chunk_end]
            start = 0
            for end in self._sentence_ends(chunk):
                for piece_start, piece_end in _pieces(chunk, start, end, self.max_chars):
                    trimmed = _trim(chunk, piece_start, piece_end)
                    if trimmed is not None:
                        self._append(spans, paragraph, chunk_start + trimmed[0], chunk_start + trimmed[1])
                start = end
        return spans

    def _append(self, spans: list[tuple[int, int]], paragraph: str, start: int, end: int) -> None:
        # A piece without a letter or digit (a stray closing quote pysbd split off, say) is no
        # sentence anyone would look for: it stays with the sentence before it.
        if spans and end - spans[-1][0] <= self.max_chars and not any(c.isalnum() for c in paragraph[start:end]):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))

    def _sentence_ends(self, text: str) -> list[int]:
        """Where pysbd's sentences end in ``text``; the last end is always ``len(text)``."""
        if not text.strip():
            return []
        if _plainly_one_sentence(text):
            return [len(text)]
        sentences = self._segmenter.processor(text).process()
        segments = char_spans(text, sentences)
        ends: list[int] = []
        cursor = 0
        trusted = True
        for sent, start, end in segments:
            skipped = start < cursor or text[cursor:start].strip()
            if skipped or text[start:end] != sent:
                trusted = False
                break
            ends.append(end)
            cursor = end
        if not trusted:
            ends = _realign(text, [sent for sent, _, _ in segments])
        # Text after the last sentence pysbd reported (it can drop text it failed to match)
        # becomes a sentence of its own rather than vanishing; trailing whitespace joins the last.
        if not ends or ends[-1] < len(text):
            if ends and not text[ends[-1] :].strip():
                ends[-1] = len(text)
            else:
                ends.append(len(text))
        kept = [end for end in ends[:-1] if not goes_on(text, end)]
        missed = [m.end() for m in _MISSED_END.finditer(text, 0, ends[-1])]
        missed += _inside_long_quotes(text, [0, *kept, ends[-1]])
        return sorted({*kept, *missed}) + ends[-1:] if missed else kept + ends[-1:]


def _inside_long_quotes(text: str, bounds: list[int]) -> list[int]:
    """The sentence ends inside each span between ``bounds`` longer than ``LONG_SPAN_CHARS``:
    pysbd keeps a quotation whole however many sentences it holds ('The Pentagon said: "At the
    direction of the President, ... Quds Force. General Soleimani was ... the region. ..."'), and
    an answer is one of them, not the whole statement. An end is a full stop, question or
    exclamation mark after a word in lower case or a figure, before a capital (``goes_on`` may
    still join it: "Mr.| Smith")."""
    found = []
    for start, end in itertools.pairwise(bounds):
        if end - start > LONG_SPAN_CHARS:
            found += [m.end() for m in _INNER_END.finditer(text, start, end) if not _joins(text, m.end())]
    return found


def _joins(text: str, end: int) -> bool:
    """Whether a sentence end ``_INNER_END`` found at ``end`` is none: ``goes_on``, or a capitalised
    abbreviation pysbd knows before it ("Washington University in St.| Louis", "Inc.")."""
    word = _WORD_BEFORE.search(text, max(0, end - 20), end)
    return goes_on(text, end) or (word is not None and word.group(1).lower() in _ABBREVIATIONS)


def goes_on(text: str, end: int) -> bool:
    """Whether the sentence pysbd ends at ``end`` of ``text`` in fact goes on (see ``_GOES_ON_AFTER``)."""
    before, after = text[max(0, end - 40) : end].rstrip(), text[end : end + 40]
    if _GOES_ON_AFTER.match(after):
        return True
    if _QUOTE_BEFORE.search(before) and _REPORT_AFTER.match(text, end, end + 80):
        return True
    detached = _DETACHED_BEFORE.search(before)
    if detached:
        return _detached_abbreviation_goes_on(detached.group(1), after)
    if _TITLE_BEFORE.search(before):
        return bool(_CAPITAL_AFTER.match(after))
    if _DELEGATE_BEFORE.search(before):
        name = _WORD_AFTER.match(after)
        return name is not None and name.group(1).lower() in FIRST_NAMES
    if _CLOCK_BEFORE.search(before):
        return bool(_ZONE_OR_DAY_AFTER.match(after))
    return bool(_ABBREVIATION_BEFORE.search(before) and (_LOWER_AFTER.match(after) or _DASH_AFTER.match(after)))


def _detached_abbreviation_goes_on(word: str, after: str) -> bool:
    """Whether "``word`` ." (a period set apart) abbreviates ``word`` in a sentence that goes on."""
    low = word.lower()
    initial = len(word) == 1 and word.isupper()
    dotted = "." in word  # "U.S .", "J.C ."
    if (_LOWER_AFTER.match(after) and not _FIGURE_AFTER.match(after)) or _DASH_AFTER.match(after):
        return initial or dotted or low in _ABBREVIATIONS
    if low in _BEFORE_FIGURES and _FIGURE_AFTER.match(after):
        return True
    return (initial or dotted or low in _PREPOSITIVE) and bool(_CAPITAL_AFTER.match(after))


def _plainly_one_sentence(text: str) -> bool:
    """True when pysbd could not split ``text``: nothing that can end a sentence before its end.

    Most news paragraphs are one sentence; skipping pysbd for them roughly halves splitting time.
    """
    return _CAN_END_SENTENCE.search(text.rstrip(_CLOSING)) is None


def char_spans(text: str, sentences: Sequence[str]) -> list[tuple[str, int, int]]:
    """(sentence with the whitespace after it, start, end) of each of pysbd's ``sentences`` in
    ``text``: what its ``Segmenter(char_span=True)`` gives, found with ``str.find``.

    pysbd finds each sentence with a regular expression built from it (the sentence escaped,
    then ``\\s*``), compiled anew for every sentence of every article: a third of a build's
    splitting time. The same search here: the first match, scanning left to right without
    overlaps, that ends after the previous sentence's end; a sentence never found is left out.
    """
    spans: list[tuple[str, int, int]] = []
    prior_end = 0
    for sentence in sentences:
        if not sentence:
            continue
        at = 0
        while (found := text.find(sentence, at)) >= 0:
            end = found + len(sentence)
            while end < len(text) and text[end].isspace():
                end += 1
            if end > prior_end:
                spans.append((text[found:end], found, end))
                prior_end = end
                break
            at = end
    return spans


def _realign(text: str, sentences: list[str]) -> list[int]:
    """Sentence ends found by searching each sentence forward from the previous one.

    A sentence that cannot be found (pysbd changed its text) is not given an end of its own, so
    its text stays with the sentence that follows it.
    """
    ends: list[int] = []
    cursor = 0
    for sentence in sentences:
        wanted = sentence.strip()
        if not wanted:
            continue
        found = text.find(wanted, cursor)
        if found < 0:
            continue
        cursor = found + len(wanted)
        ends.append(cursor)
    return ends


def _pieces(text: str, start: int, end: int, limit: int) -> Iterator[tuple[int, int]]:
    """``text[start:end]`` cut into consecutive pieces of at most ``limit`` characters.

    Each cut is at the last sentence-ending mark in the second half of the window, else at the
    last whitespace, else exactly at the limit; a span within the limit is returned whole.
    """
    while end - start > limit:
        window_end = start + limit
        cut = 0
        for match in _SENTENCE_END.finditer(text, start + limit // 2, window_end):
            cut = match.end()
        if not cut:
            cut = _last_space(text, start + 1, window_end)
        if not cut:
            cut = window_end
        yield start, cut
        start = cut
    if start < end:
        yield start, end


def _last_space(text: str, low: int, high: int) -> int:
    """Index of the last whitespace in ``text[low:high]``, or 0 when there is none."""
    for index in range(high - 1, low - 1, -1):
        if text[index].isspace():
            return index
    return 0


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``(start, end)`` without surrounding whitespace, or None when nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def split_article(article: Article) -> list[Sentence]:
    """The sentences of ``article`` in order; ``text == article.text[start:end]`` for each."""
    # A fresh splitter per call costs under a microsecond and keeps calls independent
    # (pysbd's Segmenter is not safe to share between threads).
    return SentenceSplitter().split(article)
