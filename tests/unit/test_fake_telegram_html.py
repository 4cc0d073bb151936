"""The fake Bot API's Telegram-HTML parser and typed-entity marking, on their own (no server)."""

from __future__ import annotations

import pytest

from tests.fakes.bot_api import HtmlParseError, parse_html, user_entities, utf16_length


@pytest.mark.parametrize(
    ("html", "complaint"),
    [
        ("a < b", 'Unsupported start tag "" at byte offset 2'),
        ("<br>line", 'Unsupported start tag "br" at byte offset 0'),
        ("<b>open", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<b>x</i>", 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'),
        ("x</b>", "Unexpected end tag at byte offset 1"),
        ("<span>x</span>", 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
        ("AT&T", "Character '&' at byte offset 2"),
    ],
)
def test_invalid_html_is_refused_with_telegrams_words(html: str, complaint: str) -> None:
    with pytest.raises(HtmlParseError) as raised:
        parse_html(html)
    assert complaint in str(raised.value)


def test_html_parser_matches_telegram_on_its_own_examples() -> None:
    # Byte offsets count UTF-8 bytes: each stadium emoji is 4 bytes (and 2 UTF-16 units).
    with pytest.raises(HtmlParseError, match="Unclosed start tag at byte offset 13"):
        parse_html("🏟 🏟&lt;<abacaba")
    with pytest.raises(HtmlParseError, match='Unsupported start tag "abac" at byte offset 13'):
        parse_html("🏟 🏟&lt;<abac aba>")
    with pytest.raises(HtmlParseError, match="Unexpected end of name token at byte offset 27"):
        parse_html("🏟 🏟&lt;<i    aba  =  190azAz-.,")
    with pytest.raises(HtmlParseError, match="Unclosed end tag at byte offset 17"):
        parse_html("🏟 🏟&lt;<i>a</i   ")
    parsed = parse_html("🏟 🏟<i>🏟 &gt;<b aba   =   caba>&lt;🏟</b></i>")
    assert parsed.text == "🏟 🏟🏟 ><🏟"
    assert parsed.entities == ({"type": "italic", "offset": 5, "length": 7}, {"type": "bold", "offset": 9, "length": 3})
    code = parse_html('<pre><code class="language-python">x = 1</code></pre><blockquote expandable>q</blockquote>')
    assert code.entities == (
        {"type": "pre", "offset": 0, "length": 5, "language": "python"},
        {"type": "expandable_blockquote", "offset": 5, "length": 1},
    )
    assert (
        parse_html('<a href="https://example.org/?a=1&amp;b=2">link</a>').entities[0]["url"]
        == "https://example.org/?a=1&b=2"
    )
    assert parse_html("AT&T &laquo;", strict_entities=False).text == "AT&T &laquo;"  # Telegram's own leniency


def test_lengths_and_offsets_count_utf16_units() -> None:
    assert utf16_length("😀x") == 3
    assert parse_html("😀<b>bold</b>").entities == ({"type": "bold", "offset": 2, "length": 4},)


def test_typed_commands_links_and_mentions_are_marked_as_clients_mark_them() -> None:
    assert user_entities("see https://example.org and /help") == [
        {"type": "url", "offset": 4, "length": 19},
        {"type": "bot_command", "offset": 28, "length": 5},
    ]
    assert user_entities("🙂 @verbatim_bot hi") == [{"type": "mention", "offset": 3, "length": 13}]
    assert user_entities("mail a@b.org or /ask@verbatim_bot") == [{"type": "bot_command", "offset": 16, "length": 17}]
