"""Sentence splitting: where sentences end, and offsets that point at exactly their text."""

from __future__ import annotations

import pysbd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index.ingest.loaders import load_articles
from index.text.sentences import MAX_SENTENCE_CHARS, SentenceSplitter, char_spans, split_article
from index.types import PARAGRAPH_SEPARATOR, Article, Sentence
from tests.support import SAMPLE_ARTICLE


def article(*paragraphs: str, article_id: str = "a1") -> Article:
    return Article(article_id, "A title", paragraphs, f"{article_id}.txt")


def texts(*paragraphs: str) -> list[str]:
    return [s.text for s in split_article(article(*paragraphs))]


def assert_consistent(item: Article, sentences: list[Sentence]) -> None:
    """Offsets point at the text, in order, never across a paragraph, and no text is lost."""
    text = item.text
    previous_end = 0
    for position, sentence in enumerate(sentences):
        assert sentence.position == position
        assert sentence.article_id == item.id
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip() and sentence.text
        assert previous_end <= sentence.start < sentence.end
        paragraph_start = sum(len(p) + len(PARAGRAPH_SEPARATOR) for p in item.paragraphs[: sentence.paragraph])
        assert paragraph_start <= sentence.start
        assert sentence.end <= paragraph_start + len(item.paragraphs[sentence.paragraph])
        previous_end = sentence.end
    for index, paragraph in enumerate(item.paragraphs):
        kept = "".join("".join(s.text.split()) for s in sentences if s.paragraph == index)
        assert kept == "".join(paragraph.split())


@pytest.mark.parametrize(
    "paragraph",
    [
        '"We see no real reason to be optimistic so far," Peskov said.',
        "The U.S. ambassador to NATO spoke to reporters in Brussels.",
        "Kuleba also said the United States remains Kyiv’s No. 1 security partner.",
        "Julianne Smith said on Jan. 11 that the allies were united.",
        "The trilogy by J. R. R. Tolkien sold millions of copies.",
        "The economy grew 3.5 percent last year, the ministry said.",
        "Mr. Smith and Dr. Jones met in Geneva on Monday.",
        "The talks proved “our strength lies in the unity of positions against…Russian ultimatums.”",
        'He said "we will see… what happens" and left the room.',
        "A paragraph without a final period is still one sentence",
        "NATO headquarters in Brussels",
        # News style pysbd alone breaks (seen in PolNeAR's 2016 US news):
        "Sen. Marco Rubio, R-Fla., appearing on Fox News right after the speech, said he was glad.",
        "Rep. Debbie Wasserman Schultz, D-Fla.; Oklahoma Gov. Mary Fallin; and Florida Gov. Rick Scott came.",
        "He met Mr. Jones at 3 p.m. Tuesday in Washington.",
        "Tune in tonight for the final State of the Union address at 9 p.m. EST.",
        # Wikinews: "... at the age of 78" was a sentence of its own, and "How old was Akilisi
        # Pohiva?" was declined
        "Akilisi Pohiva died today at 10:00 a.m. Tongan time (2100 UTC, yesterday) at the age of 78.",
        "Polls close at 8 p.m. Eastern Time on Tuesday.",
        "The distance between Clinton and then-Sen. Barack Obama was narrower than it is now.",
        "In the April issue of The Atlantic, Pres. Obama admits the action against Libya didn't work.",
        "Amb. Nikki Haley and Maj. Gen. John Smith spoke.",
        "It was the first weekly loss for the S.&P. 500 this year.",
        "He argued thatU.S. military spending dwarfs that of the rest of the world.",
        "DECATUR, Ill. — Sen. Ted Cruz weighed in on the allegations on Tuesday.",  # a dateline
        "WEST PALM BEACH, Fla. _ Is it real or does it just seem that way?",  # the wires' underscore
        # Text whose tokeniser set the periods apart (TrecQA's newswire):
        "While at Smith , Mr . Mendenhall oversaw the creation of the scholars program .",
        "On Sept . <num> , <num> , Dean was on his way to a California auto rally .",
        "The party was founded in Oakland , Calif . , by Huey P . Newton and Bobby Seale .",
        "Inside Iran : Americans were held hostage at the U.S . Embassy in Tehran .",
    ],
)
def test_one_sentence_is_not_broken(paragraph: str) -> None:
    assert texts(paragraph) == [paragraph]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            '"NATO is open and committed to a meaningful reciprocal dialogue with Russia," Smith said. '
            '"At the same time, we stand united to deter threats against NATO allies."',
            [
                '"NATO is open and committed to a meaningful reciprocal dialogue with Russia," Smith said.',
                '"At the same time, we stand united to deter threats against NATO allies."',
            ],
        ),
        (
            "“We stand united. We will not budge,” Smith said. Peskov disagreed.",
            ["“We stand united. We will not budge,” Smith said.", "Peskov disagreed."],
        ),
        ("Is there a deadline? No! The talks go on.", ["Is there a deadline?", "No!", "The talks go on."]),
        (
            "U.S. President Joe Biden spoke. The U.S. ambassador agreed.",
            ["U.S. President Joe Biden spoke.", "The U.S. ambassador agreed."],
        ),
        (
            'Russia has called Ukraine’s membership in NATO a "red line." Many analysts disagree.',
            ['Russia has called Ukraine’s membership in NATO a "red line."', "Many analysts disagree."],
        ),
        ("The show began at 9 p.m. The crowd cheered.", ["The show began at 9 p.m.", "The crowd cheered."]),
        ("It ended at 5 p.m. Time will tell.", ["It ended at 5 p.m.", "Time will tell."]),
        (
            "The caucuses ended at 10 p.m. EST. Results came later.",
            ["The caucuses ended at 10 p.m. EST.", "Results came later."],
        ),
        ("He left the room . The talks failed .", ["He left the room .", "The talks failed ."]),
        ("So, who was the best? - Pew notes that it varies.", ["So, who was the best?", "- Pew notes that it varies."]),
        ("They met Mr . Smith . He said no .", ["They met Mr . Smith .", "He said no ."]),
        # pysbd misses these (PolNeAR train: "... this morning in Washington D.C. He recalled ...").
        (
            "McCain spoke this morning in Washington D.C. He recalled the Tea Party.",
            ["McCain spoke this morning in Washington D.C.", "He recalled the Tea Party."],
        ),
        (
            "She flew back to the U.S. The next day she spoke.",
            ["She flew back to the U.S.", "The next day she spoke."],
        ),
        # a quote closed with two apostrophes after a full stop, the New York Times' style
        (
            "He appeared on the show, ''Politicking.'' Democrats seized upon it.",
            ["He appeared on the show, ''Politicking.''", "Democrats seized upon it."],
        ),
        ("''It is over.'' ''We won.''", ["''It is over.''", "''We won.''"]),
        ("''Go,'' he said. ''Now.'' But no one moved.", ["''Go,'' he said.", "''Now.''", "But no one moved."]),
        # "Del." before a first name is a delegate's title, not Delaware's abbreviation
        (
            '"It is a waste of time," said Del. Stacey Plaskett.',
            ['"It is a waste of time," said Del. Stacey Plaskett.'],
        ),
        ("He lives in Wilmington, Del. The house is old.", ["He lives in Wilmington, Del.", "The house is old."]),
        # a quotation stays with the short clause that says who spoke it
        ('"Why is he attacking me?" Trump said.', ['"Why is he attacking me?" Trump said.']),
        (
            "“How big is that wall going to be?” Pence said in response. He left.",
            ["“How big is that wall going to be?” Pence said in response.", "He left."],
        ),
        ("“Is it?” said Sen. Marco Rubio.", ["“Is it?” said Sen. Marco Rubio."]),
        # but not a sentence that only opens like one
        ("“It was good.” That adds its own pressure.", ["“It was good.”", "That adds its own pressure."]),
        ("“Really?” Trump said to the crowd's delight.", ["“Really?”", "Trump said to the crowd's delight."]),
    ],
)
def test_sentences_end_where_they_really_end(paragraph: str, expected: list[str]) -> None:
    assert texts(paragraph) == expected


def test_sample_article_sentences_are_exact_slices_of_its_text() -> None:
    sample = load_articles(SAMPLE_ARTICLE).articles[0]
    sentences = split_article(sample)
    assert_consistent(sample, sentences)
    assert len(sentences) == 32  # 28 paragraphs, four of them with two sentences
    by_text = {s.text: s for s in sentences}
    assert '"We see no real reason to be optimistic so far," Peskov said.' in by_text
    assert "Kuleba also said the United States remains Kyiv’s No. 1 security partner." in by_text
    smith = [s.text for s in sentences if s.paragraph == 5]
    assert len(smith) == 2
    assert smith[0].endswith("Smith said.") and smith[1].startswith('"At the same time')


def test_offsets_count_across_paragraphs_and_skip_surrounding_whitespace() -> None:
    item = article("  First one.   Second one!  ", "", "Third, without a stop")
    sentences = split_article(item)
    assert [(s.text, s.paragraph, s.position) for s in sentences] == [
        ("First one.", 0, 0),
        ("Second one!", 0, 1),
        ("Third, without a stop", 2, 2),
    ]
    assert_consistent(item, sentences)


def test_a_reused_splitter_gives_the_same_sentences() -> None:
    sample = load_articles(SAMPLE_ARTICLE).articles[0]
    splitter = SentenceSplitter()
    assert splitter.split(sample) == split_article(sample)
    assert splitter.split(sample) == split_article(sample)


def test_an_article_without_text_has_no_sentences() -> None:
    assert split_article(article()) == []
    assert split_article(article("   ")) == []


def test_a_stray_closing_quote_stays_with_its_sentence() -> None:
    paragraph = "Are we advertising gang colors by flying our flags outside the school ? ''"
    assert texts(paragraph) == [paragraph]


@pytest.mark.parametrize(
    "paragraph",
    [
        # pysbd reports overlapping spans here, and drops the "!!" there: both are realigned.
        "\xa0J. R. 9U.S.Jan.$)Jan.... \tZ7",
        "X]4;!( e.g. c$6)\tNo.!!\nY\nX",
    ],
)
def test_text_pysbd_misplaces_is_realigned_not_lost(paragraph: str) -> None:
    item = article(paragraph)
    assert_consistent(item, split_article(item))


def test_a_huge_paragraph_without_punctuation_is_cut_into_bounded_sentences() -> None:
    words = ("word " * 10_000).strip()
    item = article(words)
    sentences = split_article(item)
    assert_consistent(item, sentences)
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in sentences)
    assert all(not s.text.startswith("ord") for s in sentences)  # cut between words


def test_a_huge_paragraph_without_spaces_is_cut_too() -> None:
    item = article("x" * 5_000)
    sentences = split_article(item)
    assert_consistent(item, sentences)
    assert [len(s.text) for s in sentences] == [MAX_SENTENCE_CHARS] * 5


def test_a_long_paragraph_of_many_sentences_keeps_every_sentence_whole() -> None:
    # Longer than the piece pysbd sees at once: the pieces must be cut between sentences.
    item = article("The talks went on for hours. " * 400)
    sentences = split_article(item)
    assert_consistent(item, sentences)
    assert {s.text for s in sentences} == {"The talks went on for hours."}
    assert len(sentences) == 400


_WORDS = st.sampled_from(
    ["NATO", "U.S.", "Mr.", "No.", "1", "3.5", "said", "talks", "“", "”", '"', "’", "…", "(OSCE)", "a)", "—", "\xa0"]
)
_MARKS = st.sampled_from(["", ".", "?", "!", ",", "...", '."', ".”", "!!"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.tuples(_WORDS, _MARKS), max_size=25), max_size=4))
def test_offsets_always_match_the_text(paragraph_words: list[list[tuple[str, str]]]) -> None:
    paragraphs = tuple(" ".join(word + mark for word, mark in words) for words in paragraph_words)
    item = article(*paragraphs)
    assert_consistent(item, split_article(item))


def _pysbd_spans(text: str) -> list[tuple[str, int, int]]:
    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    return [(span.sent, span.start, span.end) for span in segmenter.segment(text)]


def _our_spans(text: str) -> list[tuple[str, int, int]]:
    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    return char_spans(text, segmenter.processor(text).process())


@pytest.mark.parametrize(
    "text",
    [
        SAMPLE_ARTICLE.read_text(encoding="utf-8"),
        "Hello.  Hello.  Hello.",  # the same sentence again: each found after the one before
        "\u201cYes.\u201d \u201cYes.\u201d \u201cNo.\u201d",
        "Mr. A. Smith said no. Mr. A. Smith said no. Then he left.",
        "It rose 2.5 percent.\u00a0Prices fell.\u2003 Wages held.\n",
        "a. a. a. a. b.",
        "U.S. officials met on Jan. 11 in Geneva. Talks ended at 3 p.m. Tuesday.",
    ],
)
def test_sentences_are_found_where_pysbd_itself_finds_them(text: str) -> None:
    # char_spans replaces pysbd's own span search (a regex compiled per sentence) with str.find.
    assert _our_spans(text) == _pysbd_spans(text)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_WORDS, _MARKS), min_size=1, max_size=25))
def test_sentence_spans_match_pysbds_on_any_text(words: list[tuple[str, str]]) -> None:
    text = " ".join(word + mark for word, mark in words)
    assert _our_spans(text) == _pysbd_spans(text)


STATEMENT = (
    'In a statement, the Department of Defense justified the strike: "At the direction of the President, '
    "the U.S. military has taken decisive defensive action by killing Qasem Soleimani, the head of the "
    "Quds Force. General Soleimani was actively developing plans to attack American diplomats in Iraq and "
    "throughout the region. He had met Mr. Smith in Baghdad last month. General Soleimani also approved "
    'the attacks on the U.S. Embassy in Baghdad, near Washington University in St. Louis, this week."'
)


def test_a_long_quoted_statement_is_cut_into_its_sentences() -> None:
    # pysbd keeps a quotation whole: one "sentence" of 500 characters, not the answer to anything.
    got = texts(STATEMENT)
    assert got == [
        STATEMENT[: STATEMENT.index(" General Soleimani was")],
        "General Soleimani was actively developing plans to attack American diplomats in Iraq and "
        "throughout the region.",
        "He had met Mr. Smith in Baghdad last month.",  # not cut after "Mr."
        # ... nor after "U.S." or "St."
        "General Soleimani also approved the attacks on the U.S. Embassy in Baghdad, near Washington "
        'University in St. Louis, this week."',
    ]
    assert_consistent(article(STATEMENT), split_article(article(STATEMENT)))


def test_a_short_quote_of_two_sentences_stays_as_pysbd_keeps_it() -> None:
    quote = '"We will wait. We are patient," Peskov said on Tuesday after the talks in Geneva ended.'
    assert texts(quote) == [quote]
