"""Telegram's HTML parse mode: Telegram-flavoured HTML to plain text and entities, or the error
Telegram would give; and text length as Telegram counts it (UTF-16 code units)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from tests.fakes.bot_api.constants import JSONDict


class HtmlParseError(ValueError):
    """The text is not valid Telegram HTML; the message is what Telegram would say."""


@dataclass(frozen=True)
class ParsedText:
    """Plain text with its formatting entities (offsets in UTF-16 code units)."""

    text: str
    entities: tuple[JSONDict, ...]


_HTML_TAGS: Final = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "span": "spoiler",
    "tg-spoiler": "spoiler",
    "a": "text_link",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
}
_TAG_SPACE: Final = " \t\r\n\v\f"
_NAMED_ENTITIES: Final = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_STRICT_ENTITY = re.compile(r"&(?:(lt|gt|amp|quot)|#([0-9]{1,8})|#[xX]([0-9a-fA-F]{1,8}));")
# Telegram itself is lenient: the ';' is optional and an unknown '&name' stays literal text.
_LENIENT_ENTITY = re.compile(r"&(?:([a-zA-Z][a-zA-Z0-9]*)|#([0-9]{1,8})|#[xX]([0-9a-fA-F]{1,8}));?")
_UNQUOTED_VALUE = re.compile(r"[A-Za-z0-9.\-]*")
_SURROGATES_MESSAGE = (
    "Text contains invalid Unicode characters after decoding HTML entities, check for unmatched surrogate code units"
)


def utf16_length(text: str) -> int:
    """Length of ``text`` as Telegram counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _byte_offset(source: str, index: int) -> int:
    return len(source[:index].encode("utf-8", "surrogatepass"))


def _decode_entity(source: str, i: int, strict: bool) -> tuple[str, int] | None:
    """The character an HTML entity at ``source[i] == '&'`` stands for, and where it ends."""
    match = (_STRICT_ENTITY if strict else _LENIENT_ENTITY).match(source, i)
    if match is None:
        return None
    name, decimal, hexadecimal = match.groups()
    if name is not None:
        char = _NAMED_ENTITIES.get(name)
        return None if char is None else (char, match.end())
    code = int(decimal) if decimal is not None else int(hexadecimal, 16)
    if 0xD800 <= code <= 0xDFFF:
        raise HtmlParseError(_SURROGATES_MESSAGE)
    if code == 0 or code > 0x10FFFF:
        return None
    return chr(code), match.end()


def _decode_attribute(raw: str, strict: bool) -> str:
    out: list[str] = []
    i = 0
    while i < len(raw):
        if raw[i] == "&":
            decoded = _decode_entity(raw, i, strict)
            if decoded is not None:
                out.append(decoded[0])
                i = decoded[1]
                continue
        out.append(raw[i])
        i += 1
    return "".join(out)


@dataclass
class _OpenTag:
    name: str
    attributes: dict[str, str]
    offset: int  # UTF-16 offset in the output where the tag's text starts
    language: str | None = None


def parse_html(source: str, *, strict_entities: bool = True) -> ParsedText:
    """Parse Telegram-flavoured HTML into plain text and entities, or raise HtmlParseError.

    Follows Telegram's parser (tdlib's parse_html): its tag set and its error messages, with
    byte offsets into the UTF-8 text. With ``strict_entities`` (the default) a bare ``&`` that
    does not start ``&lt; &gt; &amp; &quot;`` or a numeric entity is an error; Telegram itself
    keeps it as text, but a bot that forgets to escape ``&`` usually forgets ``<`` too.
    """
    out: list[str] = []
    out_len = 0  # UTF-16 units written so far
    stack: list[_OpenTag] = []
    entities: list[JSONDict] = []
    n = len(source)
    i = 0
    while i < n:
        char = source[i]
        if char == "&":
            decoded = _decode_entity(source, i, strict_entities)
            if decoded is None and strict_entities:
                raise HtmlParseError(
                    f"Character '&' at byte offset {_byte_offset(source, i)} does not start an HTML "
                    "entity; escape it as &amp;"
                )
            if decoded is not None:
                out.append(decoded[0])
                out_len += utf16_length(decoded[0])
                i = decoded[1]
                continue
        if char != "<":
            out.append(char)
            out_len += utf16_length(char)
            i += 1
            continue
        begin = i
        if i + 1 < n and source[i + 1] == "/":
            i = _close_tag(source, begin, stack, entities, out_len)
        else:
            i = _open_tag(source, begin, stack, out_len, strict_entities)
    if stack:
        raise HtmlParseError(f'Can\'t find end tag corresponding to start tag "{stack[-1].name}"')
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return ParsedText("".join(out), tuple(entities))


def _skip_space(source: str, i: int) -> int:
    while i < len(source) and source[i] in _TAG_SPACE:
        i += 1
    return i


def _open_tag(source: str, begin: int, stack: list[_OpenTag], out_len: int, strict: bool) -> int:
    n = len(source)
    at = _byte_offset(source, begin)
    i = begin + 1
    while i < n and source[i] not in _TAG_SPACE and source[i] != ">":
        i += 1
    if i >= n:
        raise HtmlParseError(f"Unclosed start tag at byte offset {at}")
    name = source[begin + 1 : i].lower()
    if name not in _HTML_TAGS:
        raise HtmlParseError(f'Unsupported start tag "{name}" at byte offset {at}')
    attributes: dict[str, str] = {}
    while True:
        i = _skip_space(source, i)
        if i >= n:
            raise HtmlParseError(f'Unclosed start tag "{name}" at byte offset {at}')
        if source[i] == ">":
            i += 1
            break
        attr_begin = i
        while i < n and source[i] not in _TAG_SPACE and source[i] not in "=>":
            i += 1
        attribute = source[attr_begin:i].lower()
        if not attribute:
            raise HtmlParseError(f'Empty attribute name in the tag "{name}" at byte offset {at}')
        i = _skip_space(source, i)
        if i >= n:
            raise HtmlParseError(f'Unclosed start tag "{name}" at byte offset {at}')
        if source[i] != "=":
            if name == "blockquote" and attribute == "expandable":  # the one valueless attribute
                attributes[attribute] = ""
                continue
            raise HtmlParseError(
                f'Expected equal sign in declaration of an attribute of the tag "{name}" at byte offset {at}'
            )
        i = _skip_space(source, i + 1)
        if i >= n:
            raise HtmlParseError(f'Unclosed start tag "{name}" at byte offset {at}')
        if source[i] in "\"'":
            end = source.find(source[i], i + 1)
            if end < 0:
                raise HtmlParseError(f"Unclosed start tag at byte offset {at}")
            attributes[attribute] = _decode_attribute(source[i + 1 : end], strict)
            i = end + 1
            if i >= n:
                raise HtmlParseError(f"Unclosed start tag at byte offset {at}")
        else:
            match = _UNQUOTED_VALUE.match(source, i)
            assert match is not None  # the pattern matches the empty string
            if match.end() >= n or source[match.end()] not in _TAG_SPACE + ">":
                raise HtmlParseError(f"Unexpected end of name token at byte offset {_byte_offset(source, i)}")
            attributes[attribute] = match.group()
            i = match.end()
    if name == "span" and attributes.get("class") != "tg-spoiler":
        raise HtmlParseError(f'Tag "span" must have class "tg-spoiler" at byte offset {at}')
    if name == "tg-emoji" and not attributes.get("emoji-id", "").isdigit():
        raise HtmlParseError("Invalid custom emoji identifier specified")
    stack.append(_OpenTag(name, attributes, out_len))
    return i


def _close_tag(source: str, begin: int, stack: list[_OpenTag], entities: list[JSONDict], out_len: int) -> int:
    n = len(source)
    at = _byte_offset(source, begin)
    if not stack:
        raise HtmlParseError(f"Unexpected end tag at byte offset {at}")
    i = begin + 2
    while i < n and source[i] not in _TAG_SPACE and source[i] != ">":
        i += 1
    name = source[begin + 2 : i].lower()
    i = _skip_space(source, i)
    if i >= n or source[i] != ">":
        raise HtmlParseError(f"Unclosed end tag at byte offset {at}")
    tag = stack[-1]
    if name and name != tag.name:
        raise HtmlParseError(f'Unmatched end tag at byte offset {at}, expected "</{tag.name}>", found "</{name}>"')
    stack.pop()
    length = out_len - tag.offset
    if length > 0:
        entity = _entity_for(tag, length, stack)
        if entity is not None:
            entities.append(entity)
    return i + 1


def _entity_for(tag: _OpenTag, length: int, outer: list[_OpenTag]) -> JSONDict | None:
    entity: JSONDict = {"type": _HTML_TAGS[tag.name], "offset": tag.offset, "length": length}
    if tag.name == "a":
        href = tag.attributes.get("href")
        if not href:
            return None
        entity["url"] = href
    elif tag.name == "tg-emoji":
        entity["custom_emoji_id"] = tag.attributes["emoji-id"]
    elif tag.name == "blockquote" and "expandable" in tag.attributes:
        entity["type"] = "expandable_blockquote"
    elif tag.name == "code":
        language = tag.attributes.get("class", "")
        if language.startswith("language-") and len(language) > len("language-"):
            # <pre><code class="language-x"> is one pre entity with a language.
            if outer and outer[-1].name == "pre" and outer[-1].offset == tag.offset:
                outer[-1].language = language[len("language-") :]
                return None
    elif tag.name == "pre" and tag.language:
        entity["language"] = tag.language
    return entity
