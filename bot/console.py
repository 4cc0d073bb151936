"""The terminal chat: questions on stdin, one per line; answers on stdout in plain text.

It goes through the same Searcher.answer path as Telegram; only the rendering differs. As in
Telegram, an answer shows at most ``PAGE`` quotes at once ("What did Trump say?" may find
hundreds); /more shows the next ones, as Telegram's More button does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TextIO

from bot.chat.small_talk import SmallTalk, small_talk
from bot.render import pages, replies
from bot.render.examples import example_questions
from index import EmptyQuestionError, Searcher

PROMPT = "> "
QUIT_COMMANDS = ("/quit", "/exit")
MORE_COMMAND = "/more"
KNOWN_COMMANDS = ("/help", "/start", "/sources", "/about", "/ask", MORE_COMMAND, *QUIT_COMMANDS)
PAGE = 10  # quotes shown at once, as Telegram's reply shows (bot.render.conversation.MAX_QUOTES)
MORE_TEXT = "{count} more: type /more to see them."
LEAVING_TEXT = "Type /quit (or an empty line) to leave."
BYE_TEXT = "Bye."


def command_of(line: str) -> str:
    """The command a line starts with, lower-cased ("/ask" for "/ASK who?"), or "" for a question."""
    text = line.strip()
    return text.split(maxsplit=1)[0].lower() if text.startswith("/") else ""


def ends_chat(line: str) -> bool:
    """Whether a line asks to leave the terminal chat (/quit or /exit)."""
    return command_of(line) in QUIT_COMMANDS


def reply_to(searcher: Searcher, line: str, max_chars: int = 1000) -> str:
    """The console's reply to one line, as the first line of a chat: a command's output or an answer."""
    return TerminalChat(searcher, max_chars).reply(line)


@dataclass
class TerminalChat:
    """One terminal conversation: replies to lines, and the quotes of the last answer that
    /more has still to show."""

    searcher: Searcher
    max_chars: int = 1000
    page: int = PAGE
    later: list[tuple[str, bool]] = field(default_factory=list)

    def reply(self, line: str) -> str:
        """The reply to one line: a command's output, an answer's first page, or /more's next page."""
        text = line.strip()
        command = command_of(text)
        searcher = self.searcher
        talk = small_talk(text)
        if talk is SmallTalk.THANKS:
            return replies.THANKS_TEXT
        if command in ("/help", "/start") or talk is not None:
            return pages.help_text(searcher.articles(), example_questions(searcher.top_speakers(3)))
        if command == "/sources":
            return pages.sources_text(searcher.articles())
        if command == "/about":
            return pages.about_text(searcher.manifest)
        if command in QUIT_COMMANDS:
            return BYE_TEXT
        if command == MORE_COMMAND:
            return self._next_page() if self.later else replies.NO_MORE_TEXT
        if command and command not in KNOWN_COMMANDS:
            return replies.UNKNOWN_COMMAND_TEXT
        if command == "/ask":  # as in a Telegram group: the question follows the command
            text = text[len("/ask") :].strip()
            if not text:
                return replies.ASK_USAGE_TEXT
        if len(text) > self.max_chars:
            return replies.TOO_LONG_TEXT.format(limit=self.max_chars)
        try:
            answer = searcher.answer(text)
        except EmptyQuestionError:
            return replies.EMPTY_TEXT
        self.later = replies.answer_lines(answer)
        return self._next_page()

    def _next_page(self) -> str:
        shown, self.later = page_of(self.later, self.page)
        if self.later:
            shown.append(MORE_TEXT.format(count=sum(quote for _, quote in self.later)))
        return "\n".join(shown)


def page_of(lines: list[tuple[str, bool]], size: int) -> tuple[list[str], list[tuple[str, bool]]]:
    """The first ``size`` quotes of ``lines`` (with the notes and headings among them), and the
    lines left; a heading never ends a page without a quote under it."""
    quotes = 0
    for i, (_, quote) in enumerate(lines):
        if quote and quotes == size:
            cut = i - 1 if not lines[i - 1][1] else i
            return [text for text, _ in lines[:cut]], lines[cut:]
        quotes += quote
    return [text for text, _ in lines], []


def run_console(searcher: Searcher, stdin: TextIO, stdout: TextIO, *, interactive: bool, max_chars: int = 1000) -> None:
    """Answer each line of ``stdin`` until it ends, or /quit (interactively, also an empty line)."""
    if interactive:
        help_text = pages.help_text(searcher.articles(), example_questions(searcher.top_speakers(3)))
        stdout.write(f"{help_text}\n{LEAVING_TEXT}\n")
    chat = TerminalChat(searcher, max_chars)
    while True:
        if interactive:
            stdout.write(PROMPT)
            stdout.flush()
        line = stdin.readline()
        if not line or (interactive and not line.strip()):
            break
        if not line.strip():
            continue
        stdout.write(chat.reply(line) + "\n\n")
        stdout.flush()
        if ends_chat(line):
            break
