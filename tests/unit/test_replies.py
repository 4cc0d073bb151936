"""What people read: escaped HTML within Telegram's limit, and the plain-text twin."""

from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.render import context, pages, replies, telegram_text
from index.store.metadata import StoredArticle
from index.types import Answer, Hit, Source
from tests.fakes.bot_api import parse_html, utf16_length


def hit(
    sentence: str,
    title: str = "A title",
    url: str | None = None,
    score: float = 0.8,
    sources: tuple[Source, ...] | None = None,
) -> Hit:
    return Hit(
        sentence=sentence,
        score=score,
        article_id="a",
        title=title,
        url=url,
        published=None,
        paragraph=0,
        position=0,
        start=0,
        end=len(sentence),
        row=0,
        sources=sources if sources is not None else (Source("a", title, url),),
    )


class TextOnly(HTMLParser):
    """The visible text of Telegram HTML, as Telegram counts it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def visible(html_text: str) -> TextOnly:
    parser = TextOnly()
    parser.feed(html_text)
    parser.close()
    return parser


def test_a_quote_with_its_source() -> None:
    text = replies.answer_html(
        Answer("q", (hit('"We see no reason," Peskov said.', url="https://example.org/a?x=1&y=2"),))
    )
    assert "<blockquote>" in text
    assert '"We see no reason," Peskov said.' in visible(text).parts[0]
    assert 'href="https://example.org/a?x=1&amp;y=2"' in text


def test_html_looking_text_comes_back_escaped() -> None:
    text = replies.answer_html(Answer("q", (hit("<script>alert(1)</script> & <b>bold</b>", title="<i>T</i>"),)))
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert set(visible(text).tags) <= {"blockquote", "i", "b", "a"}
    assert "&lt;i&gt;T&lt;/i&gt;" in text


def test_replies_never_exceed_telegrams_limit() -> None:
    giant = "word & <tag> " * 2000
    answer = Answer("q", tuple(hit(giant + str(i), title="T" * 5000) for i in range(3)))
    text = replies.answer_html(answer)
    assert len(text) <= telegram_text.TELEGRAM_LIMIT
    assert "…" in text


def test_several_hits_are_numbered_and_a_single_one_is_not() -> None:
    many = replies.answer_html(Answer("q", (hit("One."), hit("Two."))))
    assert "1/2" in many and "2/2" in many
    assert "1/1" not in replies.answer_html(Answer("q", (hit("One."),)))


def test_the_same_sentence_in_two_articles_lists_both_sources() -> None:
    shared = hit("Shared.", sources=(Source("a", "First"), Source("b", "Second")))
    text = replies.answer_html(Answer("q", (shared,)))
    assert "First" in text and "Second" in text
    plain = replies.answer_text(Answer("q", (shared,)))
    assert "First" in plain and "Second" in plain


def test_a_declined_question_says_so_plainly() -> None:
    text = replies.answer_html(Answer("q", (), declined=True, nearest=hit("Something else.")))
    assert "couldn't find that in the articles" in text
    assert "Something else" not in text


def test_a_decline_with_a_note_says_the_note() -> None:
    note = "Who do you mean by “he”? I read each question on its own: ask with a name, as in “What did … say?”."
    answer = Answer("What did he say?", (), declined=True, note=note)
    assert replies.answer_text(answer) == note
    assert [m.html for m in replies.answer_messages(answer)] == [replies.escape(note)]


def test_a_decline_over_a_name_that_may_be_several_asks_which_was_meant() -> None:
    answer = Answer("Who is Smoth?", (), declined=True, suggestions=("Smith", "Smyth"))
    asked = "I couldn't find that in the articles I know. Did you mean “Smith” or “Smyth”?"
    assert replies.answer_text(answer) == asked
    assert replies.answer_html(answer) == replies.escape(asked)
    assert [m.html for m in replies.answer_messages(answer)] == [replies.escape(asked)]
    three = replace(answer, suggestions=("Smith", "Smyth", "<Smit>"))
    assert replies.answer_html(three).endswith("“Smith”, “Smyth” or “&lt;Smit&gt;”?")


def test_sources_list_is_escaped_and_bounded() -> None:
    articles = [StoredArticle(str(i), f"<Title {i}>", None, None, "x", 3) for i in range(2000)]
    text = pages.sources_html(articles)
    assert len(text) <= telegram_text.TELEGRAM_LIMIT
    assert "&lt;Title 0&gt;" in text and "more." in text


def test_a_long_answer_is_split_between_quotes_never_inside_one() -> None:
    sentences = [f"Quote {i} " + "long words here " * 50 + "end." for i in range(12)]
    answer = Answer("q", tuple(hit(s) for s in sentences))
    messages = replies.answer_messages(answer)
    assert len(messages) >= 2
    assert all(telegram_text.telegram_length(m.html) <= telegram_text.TELEGRAM_LIMIT for m in messages)
    assert [h.sentence for m in messages for h in m.hits] == sentences  # all, in order, whole
    assert all(s in "".join(m.html for m in messages) for s in sentences)
    assert [n for m in messages for n in m.numbers] == list(range(1, 13))
    assert "12/12" in messages[-1].html


def test_an_answers_note_opens_its_reply_in_telegram_and_in_the_terminal() -> None:
    note = "I found no quote attributed to <Biden>; this sentence mentions <Biden>:"
    answer = Answer("q", (hit("Biden and Putin held two phone calls."),), note=note)
    (message,) = replies.answer_messages(answer)
    parsed = parse_html(message.html)
    assert parsed.text.startswith(note + "\n\n")  # escaped, whole, before the quote
    assert any(e["type"] == "italic" and e["offset"] == 0 for e in parsed.entities)
    assert replies.answer_html(answer).startswith("<i>I found no quote attributed to &lt;Biden&gt;")
    assert replies.answer_text(answer).splitlines()[0] == note
    assert not replies.answer_messages(Answer("q", (hit("A sentence."),)))[0].html.startswith("<i>")


def test_only_the_first_quotes_are_shown_when_asked_to_hold_back() -> None:
    answer = Answer("q", tuple(hit(f"Sentence {i}.") for i in range(25)))
    (message,) = replies.answer_messages(answer, max_quotes=10)
    assert len(message.hits) == 10 and "1/25" in message.html and "11/25" not in message.html


def test_emoji_count_twice_toward_telegrams_limit() -> None:
    # 3000 emoji are 3000 Python characters but 6000 UTF-16 units: too long for one message.
    messages = replies.answer_messages(Answer("q", (hit("🙂" * 3000), hit("🎉" * 3000))))
    assert len(messages) == 2
    assert all(telegram_text.telegram_length(m.html) <= telegram_text.TELEGRAM_LIMIT for m in messages)


def test_a_huge_paragraph_is_shortened_around_its_bold_sentence() -> None:
    before, sentence, after = "Before & after. " * 400, "The <answer> is here.", " More text." * 400
    text = before + sentence + after
    target = Hit(
        sentence=sentence,
        score=1.0,
        article_id="a",
        title="T",
        url=None,
        published=None,
        paragraph=0,
        position=1,
        start=len(before),
        end=len(before) + len(sentence),
        row=0,
    )
    paragraph = context.paragraph_of(text, target)
    assert paragraph is not None
    html = context.context_html(target, paragraph)
    assert telegram_text.telegram_length(html) <= telegram_text.TELEGRAM_LIMIT
    assert "<b>The &lt;answer&gt; is here.</b>" in html
    assert "…" in html and "Before &amp; after." in html and "More text." in html


def test_the_date_reads_naturally_and_a_link_is_escaped() -> None:
    dated = Hit(
        sentence="S.",
        score=1.0,
        article_id="a",
        title="T & Co",
        url='https://x.org/?a="1"&b=2',
        published="2022-01-11T08:00:00Z",
        paragraph=0,
        position=0,
        start=0,
        end=2,
        row=0,
    )
    html = replies.hit_html(dated)
    assert "11 Jan 2022" in html and "T &amp; Co" in html and "&quot;1&quot;&amp;b=2" in html
    assert telegram_text.format_date("last Tuesday") == "last Tuesday"


def test_the_source_line_names_whom_the_sentence_quotes() -> None:
    quoted = Hit("S.", 1.0, "a", "Talks", None, "2022-01-11", 0, 0, 0, 2, 0, speaker="Dmitry Peskov")
    assert replies.hit_html(quoted).endswith("— Dmitry Peskov, in <i>Talks</i>, 11 Jan 2022")
    assert replies.source_text(quoted) == "— Dmitry Peskov, in Talks, 11 Jan 2022"
    odd = replace(quoted, speaker="Smith & <Sons>")
    assert "— Smith &amp; &lt;Sons&gt;, in <i>Talks</i>" in replies.hit_html(odd)
    # Nobody quoted, or only the writer's own "I said" of an article with several authors.
    for speaker in (None, "I"):
        assert replies.hit_html(replace(quoted, speaker=speaker)).endswith("— <i>Talks</i>, 11 Jan 2022")


def test_sources_are_listed_a_page_at_a_time() -> None:
    articles = [StoredArticle(str(i), f"Article {i}", None, "2022-01-0" + str(1 + i % 9), "x", 3) for i in range(25)]
    assert pages.page_count(25) == 3
    page = pages.sources_page_html(articles, 2)
    assert "(page 3 of 3)" in page and "21. Article 20" in page and "Article 19," not in page
    assert pages.sources_page_html(articles, 99) == page  # clamped
    assert "page" not in pages.sources_page_html(articles[:3], 0)


def test_about_names_the_index_size_model_and_build_date(sample_searcher) -> None:
    manifest = sample_searcher.manifest
    html, text = pages.about_html(manifest), pages.about_text(manifest)
    for shown in (f"{manifest.sentences}", manifest.model, manifest.built_at[:10]):
        assert shown in html and shown in text


@settings(max_examples=60, deadline=None)
@given(
    sentences=st.lists(st.text(min_size=1, max_size=1500), min_size=1, max_size=12),
    title=st.text(min_size=1, max_size=300),
    url=st.none() | st.text(min_size=1, max_size=100),
)
def test_every_message_is_valid_telegram_html_within_the_limit(
    sentences: list[str], title: str, url: str | None
) -> None:
    answer = Answer("q", tuple(hit(s, title=title, url=url) for s in sentences))
    messages = replies.answer_messages(answer)
    for message in messages:
        parsed = parse_html(message.html)  # raises as Telegram would on broken HTML
        assert utf16_length(parsed.text) <= telegram_text.TELEGRAM_LIMIT
    assert sum(len(m.hits) for m in messages) == len(sentences)
    target = answer.hits[0]
    paragraph = context.Paragraph("x " * 3000 + target.sentence + " y" * 3000, 6000, 6000 + len(target.sentence))
    assert utf16_length(parse_html(context.context_html(target, paragraph)).text) <= telegram_text.TELEGRAM_LIMIT
