"""Messages that are not questions about the articles: a greeting, a thank-you, a plea for help.

"hello" searched as a question gets "I couldn't find that in the articles", which reads as if
the bot were broken. A message that is *only* one of these (punctuation, emoji and a trailing
"bot" aside: "Hi!", "good morning bot 👋", "thanks a lot", "what can you do?") gets a short
friendly reply instead; anything more ("hi, what did Peskov say?") is a question and is searched.
Pure functions, no Telegram objects.
"""

from __future__ import annotations

import unicodedata
from enum import Enum


class SmallTalk(Enum):
    GREETING = "greeting"
    THANKS = "thanks"
    HELP = "help"


def _phrases(text: str) -> frozenset[str]:
    return frozenset(" ".join(p.split()) for p in text.split("|"))


_PHRASES: dict[SmallTalk, frozenset[str]] = {
    SmallTalk.GREETING: _phrases(
        """
        hi | hello | hey | hiya | howdy | hallo | yo | greetings | good morning | good afternoon |
        good evening | good day | hi there | hello there | hey there | morning | evening
        """
    ),
    SmallTalk.THANKS: _phrases(
        """
        thanks | thank you | thx | ty | thanks a lot | thank you very much | thank you so much |
        many thanks | thanks so much | cheers | great thanks | ok thanks | okay thanks | thanks again |
        thank you again | much appreciated | great | perfect | nice | cool | ok | okay
        """
    ),
    SmallTalk.HELP: _phrases(
        """
        help | help me | what can you do | what do you do | who are you | what are you |
        how does this work | how do i use this | how do i use you | what is this | what is this bot |
        what do you know | what can i ask | what can i ask you | start | menu
        """
    ),
}
# Words that may close any of them: "hi bot", "thanks verbatim", "help please".
_TRAILING = frozenset({"bot", "verbatim", "please", "pls"})


def small_talk(text: str) -> SmallTalk | None:
    """What kind of small talk the whole of ``text`` is, or None for anything else (a question)."""
    words = _plain_words(text)
    while words and words[-1] in _TRAILING:
        words.pop()
    phrase = " ".join(words)
    for kind, phrases in _PHRASES.items():
        if phrase in phrases:
            return kind
    return None


def _plain_words(text: str) -> list[str]:
    """Casefolded words of ``text``: letters, digits and apostrophes kept, all else a space."""
    kept = "".join(char if unicodedata.category(char)[0] in "LN" or char in "'’" else " " for char in text.casefold())
    return kept.split()
