"""Settings from the environment and flags: defaults, validation, precedence."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import DEFAULT_INDEX, Settings, SettingsError, load_settings


def test_defaults_run_the_terminal_chat_on_the_bundled_index() -> None:
    settings = Settings.from_env({})
    assert settings.token is None and settings.use_console
    assert settings.index_dir == DEFAULT_INDEX


def test_environment_is_read() -> None:
    settings = Settings.from_env(
        {
            "TELEGRAM_BOT_TOKEN": "123:abc",
            "TELEGRAM_API_BASE_URL": "http://127.0.0.1:9/bot",
            "VERBATIM_INDEX": "/srv/idx",
            "VERBATIM_ALLOWED_CHATS": "1, -100200",
            "VERBATIM_ADMINS": "7",
        }
    )
    assert settings.token == "123:abc" and not settings.use_console
    assert settings.api_base_url == "http://127.0.0.1:9/bot"
    assert settings.index_dir == Path("/srv/idx")
    assert settings.allowed_chats == {1, -100200} and settings.admins == {7}


def test_flags_win_over_the_environment() -> None:
    settings = load_settings(["--index", "other", "--console"], {"VERBATIM_INDEX": "env", "TELEGRAM_BOT_TOKEN": "1:a"})
    assert settings.index_dir == Path("other") and settings.use_console


def test_every_bad_setting_is_reported_together() -> None:
    with pytest.raises(SettingsError) as error:
        Settings.from_env(
            {"TELEGRAM_API_BASE_URL": "ftp://x", "VERBATIM_BACKEND": "gpu", "VERBATIM_MAX_QUESTION_CHARS": "-3"}
        )
    message = str(error.value)
    assert (
        "TELEGRAM_API_BASE_URL" in message
        and "VERBATIM_BACKEND" in message
        and "VERBATIM_MAX_QUESTION_CHARS" in message
    )


def test_the_query_encoder_defaults_to_auto_and_the_send_rate_to_telegrams_limit() -> None:
    settings = Settings.from_env({})
    assert settings.backend == "auto" and settings.send_rate == 30.0
    lifted = Settings.from_env({"VERBATIM_SEND_RATE": "0", "VERBATIM_BACKEND": "torch"})
    assert lifted.send_rate == 0.0 and lifted.backend == "torch"
    with pytest.raises(SettingsError, match="VERBATIM_SEND_RATE"):
        Settings.from_env({"VERBATIM_SEND_RATE": "fast"})
    with pytest.raises(SettingsError, match="VERBATIM_SEND_RATE"):
        Settings.from_env({"VERBATIM_SEND_RATE": "-1"})


def test_the_vector_store_comes_from_the_environment_or_the_flag_and_is_checked() -> None:
    assert Settings.from_env({}).store is None  # as the index was built
    env = {"VERBATIM_STORE": "qdrant://db:6334/news"}
    assert load_settings([], env).store == "qdrant://db:6334/news"
    assert load_settings(["--store", "qdrant://other/news"], env).store == "qdrant://other:6333/news"
    with pytest.raises(SettingsError, match="VERBATIM_STORE: Unknown store 'redis://db/news'"):
        Settings.from_env({"VERBATIM_STORE": "redis://db/news"})
    with pytest.raises(SettingsError, match="--store: 'qdrant://db' names no host and collection"):
        load_settings(["--store", "qdrant://db"], {})
