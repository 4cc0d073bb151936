"""The terminal chat: questions on stdin, one per line; answers on stdout in plain text.

It goes through the same Searcher.answer path as Telegram; only the rendering differs.
"""

from __future__ import annotations

from typing import TextIO

from bot.chat.small_talk import SmallTalk, small_talk
from bot.render import pages, replies
from bot.render.examples import example_questions
from index import EmptyQuestionError, Searcher

PROMPT = "> "
QUIT_COMMANDS = ("/quit", "/exit")
KNOWN_COMMANDS = ("/help", "/start", "/sources", "/about", "/ask", *QUIT_COMMANDS)
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
    """The console's reply to one line: a command's output or an answer."""
    text = line.strip()
    command = command_of(text)
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
    if command and command not in KNOWN_COMMANDS:
        return replies.UNKNOWN_COMMAND_TEXT
    if command == "/ask":  # as in a Telegram group: the question follows the command
        text = text[len("/ask") :].strip()
        if not text:
            return replies.ASK_USAGE_TEXT
    if len(text) > max_chars:
        return replies.TOO_LONG_TEXT.format(limit=max_chars)
    try:
        return replies.answer_text(searcher.answer(text))
    except EmptyQuestionError:
        return replies.EMPTY_TEXT


def run_console(searcher: Searcher, stdin: TextIO, stdout: TextIO, *, interactive: bool, max_chars: int = 1000) -> None:
    """Answer each line of ``stdin`` until it ends, or /quit (interactively, also an empty line)."""
    if interactive:
        help_text = pages.help_text(searcher.articles(), example_questions(searcher.top_speakers(3)))
        stdout.write(f"{help_text}\n{LEAVING_TEXT}\n")
    while True:
        if interactive:
            stdout.write(PROMPT)
            stdout.flush()
        line = stdin.readline()
        if not line or (interactive and not line.strip()):
            break
        if not line.strip():
            continue
        stdout.write(reply_to(searcher, line, max_chars) + "\n\n")
        stdout.flush()
        if ends_chat(line):
            break
