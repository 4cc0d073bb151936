"""What people read: escaped HTML within Telegram's limit, and the plain-text twin."""

from __future__ import annotations

from html.parser import HTMLParser

from bot import replies
from index.metadata import StoredArticle
from index.types import Answer, Hit, Source


def hit(sentence: str, title: str = "A title", url: str | None = None, score: float = 0.8, sources: tuple[Source, ...] | None = None) -> Hit:
    return Hit(
        sentence=sentence, score=score, article_id="a", title=title, url=url, published=None,
        paragraph=0, position=0, start=0, end=len(sentence), row=0,
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
    text = replies.answer_html(Answer("q", (hit('"We see no reason," Peskov said.', url="https://example.org/a?x=1&y=2"),)))
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
    assert len(text) <= replies.TELEGRAM_LIMIT
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


def test_sources_list_is_escaped_and_bounded() -> None:
    articles = [StoredArticle(str(i), f"<Title {i}>", None, None, "x", 3) for i in range(2000)]
    text = replies.sources_html(articles)
    assert len(text) <= replies.TELEGRAM_LIMIT
    assert "&lt;Title 0&gt;" in text and "more." in text
