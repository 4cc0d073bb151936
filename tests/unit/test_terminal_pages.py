"""The terminal chat shows an answer a page at a time: a speaker quoted two dozen times fills
one page of ten quotes, and /more brings the next, as Telegram's More button does.

Asserted on the replies a person reads (``TerminalChat.reply``, and ``python -m bot``'s own
loop), over a real index of articles written here.
"""

from __future__ import annotations

import io

from bot.console import PAGE, TerminalChat, reply_to, run_console
from bot.render import replies
from index.search.searcher import Searcher
from tests.support import searcher_fixture

TOPICS = [
    "the harbour",
    "the ferry",
    "the school",
    "the library",
    "the bridge",
    "the market",
    "the museum",
    "the stadium",
    "the park",
    "the tram line",
    "the fire station",
    "the swimming pool",
    "the town hall",
    "the bus depot",
]
# One of Halvorsen's 24 quotes is about the hospital; the rest are about a place each.
SENTENCES = [f"Mayor Ingrid Halvorsen said {topic} would be rebuilt in {2030 + n}." for n, topic in enumerate(TOPICS)]
SENTENCES += [f"Halvorsen said {topic} had cost {n + 3} million crowns." for n, topic in enumerate(TOPICS[:9])]
SENTENCES.append("Halvorsen said the hospital would hire forty nurses.")
ARTICLES = [
    {
        "id": f"council-{n}",
        "title": f"Council meeting {n}",
        "published": f"2024-03-{n + 1:02d}",
        "text": "\n\n".join([*SENTENCES[n * 6 : n * 6 + 6], "The council meets again on Friday."]),
    }
    for n in range(4)
]

town = searcher_fixture(ARTICLES, "pages")


def quoted(reply: str) -> list[str]:
    return [line.split("“", 1)[1].rstrip("”") for line in reply.splitlines() if "“" in line]


def test_a_long_answer_shows_one_page_and_says_how_many_more_there_are(town: Searcher) -> None:
    chat = TerminalChat(town)
    first = chat.reply("What did Halvorsen say?")
    assert len(quoted(first)) == PAGE == 10
    assert first.splitlines()[-1] == "14 more: type /more to see them."
    second = chat.reply("/more")
    assert len(quoted(second)) == 10 and "[11/24]" in second and "[20/24]" in second
    assert second.splitlines()[-1] == "4 more: type /more to see them."
    third = chat.reply("/more")
    assert len(quoted(third)) == 4 and "more: type /more" not in third
    # Every quote once, none lost between the pages: the same as the whole answer.
    assert sorted(quoted(first) + quoted(second) + quoted(third)) == sorted(SENTENCES)
    assert chat.reply("/more") == replies.NO_MORE_TEXT


def test_the_other_quotes_of_a_topic_answer_are_paged_under_their_heading(town: Searcher) -> None:
    chat = TerminalChat(town)
    first = chat.reply("What did Halvorsen say about the hospital?")
    lines = first.splitlines()
    assert lines[0] == "Ingrid Halvorsen is quoted 24 times; 1 is about the hospital:"
    assert quoted(first)[0] == "Halvorsen said the hospital would hire forty nurses."
    assert "Other quotes by Ingrid Halvorsen:" in lines and len(quoted(first)) == 10
    assert lines[-1] == "14 more: type /more to see them."
    rest = chat.reply("/more") + chat.reply("/more")
    assert len(quoted(rest)) == 14 and "[#11]" in rest and "[#24]" in rest


def test_a_new_question_starts_afresh_and_a_short_answer_offers_no_more(town: Searcher) -> None:
    chat = TerminalChat(town)
    chat.reply("What did Halvorsen say?")
    short = chat.reply("How many nurses will the hospital hire?")
    assert "forty nurses" in short and "/more" not in short
    assert chat.reply("/more") == replies.NO_MORE_TEXT
    # A lone line (no chat before it) has nothing to page through either.
    assert reply_to(town, "/more") == replies.NO_MORE_TEXT


def test_the_terminal_loop_pages_through_piped_lines(town: Searcher) -> None:
    out = io.StringIO()
    run_console(town, io.StringIO("What did Halvorsen say?\n/more\n/more\n/more\n"), out, interactive=False)
    text = out.getvalue()
    assert len(quoted(text)) == 24 and text.count("more: type /more") == 2
    assert text.rstrip().endswith(replies.NO_MORE_TEXT)
