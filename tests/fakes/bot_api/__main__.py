"""``python -m tests.fakes.bot_api``: a fake Bot API to point ``make run`` at by hand.

Each line typed on stdin is sent to the bot as the default user; what the bot sends is printed.
"""

from __future__ import annotations

import argparse
import sys
import threading

from tests.fakes.bot_api.api import FakeBotAPI
from tests.fakes.bot_api.constants import DEFAULT_TOKEN, DEFAULT_USER_ID


def _print_bot_output(server: FakeBotAPI, stop: threading.Event) -> None:
    shown = 0
    while not stop.wait(0.2):
        requests = server.requests
        for method, params in requests[shown:]:
            if method in ("sendMessage", "editMessageText"):
                label = "bot" if method == "sendMessage" else "bot (edit)"
                print(f"{label} -> {params.get('chat_id')}: {params.get('text')}", flush=True)
        shown = len(requests)


def main(argv: list[str] | None = None) -> int:
    """Serve until Ctrl-C; each line typed on stdin is sent to the bot as the default user."""
    parser = argparse.ArgumentParser(prog="python -m tests.fakes.bot_api", description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--token", default=DEFAULT_TOKEN, help=f"the bot token to accept (default {DEFAULT_TOKEN})")
    args = parser.parse_args(argv)
    stop = threading.Event()
    with FakeBotAPI(token=args.token) as server:
        print(f"TELEGRAM_API_BASE_URL={server.base_url}")
        print(f"TELEGRAM_BOT_TOKEN={server.token}")
        print(f"Type a line to send it as user {DEFAULT_USER_ID}; Ctrl-C to stop.", flush=True)
        printer = threading.Thread(target=_print_bot_output, args=(server, stop), daemon=True)
        printer.start()
        try:
            for line in sys.stdin:
                if line.strip():
                    server.send_text(line.rstrip("\n"))
            threading.Event().wait()  # stdin closed: keep serving until Ctrl-C
        except KeyboardInterrupt:
            pass
        finally:
            stop.set()
            printer.join(timeout=1.0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
