"""The bot's exit statuses: what a supervisor (systemd, Docker, a shell script) can act on.

A restart helps after an unexpected error, and never after a mistake an operator must fix
first; the statuses tell the two apart, so that e.g. systemd's ``Restart=on-failure`` can be
paired with ``RestartPreventExitStatus=2 3 4`` instead of restarting into the same refusal.
"""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0  # stopped by SIGTERM / Ctrl-C (answers in flight finished), or the terminal chat ended
    FAILED = 1  # an unexpected error; its traceback is in the log (a restart may help)
    BAD_SETTINGS = 2  # a flag or environment variable is wrong; every problem is listed on stderr
    NO_INDEX = 3  # the index cannot be opened or its model loaded: build it (verbatim-index) first
    TOKEN_REJECTED = 4  # Telegram refuses the bot token, at start-up or while running
