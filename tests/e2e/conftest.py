"""Fixtures of the bot end-to-end tests."""

from __future__ import annotations

import pytest

from tests.fakes.bot_api import FakeBotAPI


@pytest.fixture
def fake_telegram() -> FakeBotAPI:
    """Telegram's side of a bot fed in-process (``tests.e2e.in_process_bot``): no HTTP server."""
    return FakeBotAPI()
