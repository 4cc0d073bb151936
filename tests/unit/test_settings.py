"""Settings from the environment and flags: defaults, validation, precedence."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import DEFAULT_INDEX, Settings, SettingsError, load_settings, web_url_problem


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


@pytest.mark.parametrize("token", ["nonsense", "abc:def", ":abc", "123:", "12 3:abc", "١٢٣:abc"])
def test_a_token_not_shaped_like_a_bot_token_is_refused_with_a_message(token: str) -> None:
    # The digits before the colon are the bot's id (its keys in Redis): a webhook replica given
    # "abc:def" once crashed with a traceback instead of saying what is wrong.
    with pytest.raises(SettingsError, match="TELEGRAM_BOT_TOKEN does not look like a bot token"):
        Settings.from_env({"TELEGRAM_BOT_TOKEN": token})
    assert Settings.from_env({"TELEGRAM_BOT_TOKEN": "987654:AAH-x_y"}).bot_id == 987654


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


def test_webhook_settings_are_read_and_checked_together() -> None:
    env = {
        "TELEGRAM_BOT_TOKEN": "1:abc",
        "VERBATIM_WEBHOOK_LISTEN": "0.0.0.0:9000",
        "VERBATIM_WEBHOOK_URL": "https://bot.example.org",
        "VERBATIM_WEBHOOK_SECRET": "s3cret_-X",
        "VERBATIM_REDIS_URL": "redis://redis:6379/0",
    }
    settings = load_settings(["--webhook"], env)
    assert settings.mode == "webhook" and settings.webhook_listen == ("0.0.0.0", 9000)
    assert settings.webhook_url == "https://bot.example.org/telegram"  # a bare host gets the path
    assert settings.webhook_secret == "s3cret_-X" and settings.redis_url == "redis://redis:6379/0"
    assert load_settings([], {"VERBATIM_WEBHOOK_LISTEN": "[::1]:0"}).webhook_listen == ("::1", 0)
    assert load_settings([], {}).mode == "polling"  # polling stays the default
    with pytest.raises(SettingsError) as error:
        Settings.from_env(
            {
                "VERBATIM_WEBHOOK_LISTEN": "8443",
                "VERBATIM_WEBHOOK_URL": "http://plain.example.org/telegram",
                "VERBATIM_WEBHOOK_SECRET": "has spaces!",
                "VERBATIM_REDIS_URL": "localhost:6379",
            }
        )
    for name in ("VERBATIM_WEBHOOK_LISTEN", "VERBATIM_WEBHOOK_URL", "VERBATIM_WEBHOOK_SECRET", "VERBATIM_REDIS_URL"):
        assert name in str(error.value)


def test_a_polling_bot_told_to_share_state_through_redis_refuses_instead_of_ignoring_it() -> None:
    env = {"TELEGRAM_BOT_TOKEN": "1:abc", "VERBATIM_REDIS_URL": "redis://redis:6379/0"}
    with pytest.raises(SettingsError, match=r"VERBATIM_REDIS_URL is for webhook replicas.*--webhook"):
        load_settings([], env)
    # The terminal chat reaches no Telegram and shares nothing, so the variable is no matter there.
    assert load_settings(["--console"], env).use_console
    assert load_settings([], {"VERBATIM_REDIS_URL": "redis://redis:6379/0"}).use_console


def test_webhook_modes_say_what_they_are_missing() -> None:
    with pytest.raises(SettingsError) as error:
        load_settings(["--webhook"], {"TELEGRAM_BOT_TOKEN": "1:abc"})
    assert "VERBATIM_WEBHOOK_SECRET" in str(error.value)
    with pytest.raises(SettingsError) as error:
        load_settings(["--set-webhook"], {"TELEGRAM_BOT_TOKEN": "1:abc", "VERBATIM_WEBHOOK_SECRET": "abc"})
    assert "VERBATIM_WEBHOOK_URL" in str(error.value)
    with pytest.raises(SettingsError) as error:
        load_settings(["--delete-webhook"], {})
    assert "TELEGRAM_BOT_TOKEN" in str(error.value)
    with pytest.raises(SystemExit):  # one mode at a time
        load_settings(["--webhook", "--set-webhook"], {})


def test_feeds_and_the_refresh_interval_are_read_and_checked() -> None:
    settings = Settings.from_env(
        {
            "VERBATIM_FEEDS": "https://news.example/rss, http://127.0.0.1:8080/feed.xml\n https://news.example/rss",
            "VERBATIM_REFRESH": "0.5",
            "VERBATIM_ARTICLES": "data/corpus",
        }
    )
    assert settings.feeds == ("https://news.example/rss", "http://127.0.0.1:8080/feed.xml")
    assert settings.refresh_minutes == 0.5 and settings.articles == Path("data/corpus")
    defaults = Settings.from_env({})
    assert defaults.feeds == () and defaults.refresh_minutes == 60 and defaults.articles is None
    with pytest.raises(SettingsError) as error:
        Settings.from_env({"VERBATIM_FEEDS": "ftp://files.example/feed news.example/rss", "VERBATIM_REFRESH": "0"})
    message = str(error.value)
    assert "'ftp://files.example/feed' is not an http:// or https:// URL" in message
    assert "'news.example/rss' is not an http:// or https:// URL" in message
    assert "VERBATIM_REFRESH must be a positive number of minutes" in message


def test_feed_refresh_and_articles_flags_win_over_the_environment() -> None:
    environ = {"VERBATIM_FEEDS": "https://a.example/rss", "VERBATIM_REFRESH": "30"}
    settings = load_settings(
        ["--feed", "https://b.example/rss", "--feed", "https://c.example/atom", "--refresh", "5", "--articles", "x"],
        environ,
    )
    assert settings.feeds == ("https://b.example/rss", "https://c.example/atom")
    assert settings.refresh_minutes == 5 and settings.articles == Path("x")
    assert load_settings([], environ).feeds == ("https://a.example/rss",)
    with pytest.raises(SettingsError, match="--refresh must be a positive number"):
        load_settings(["--refresh", "soon"], environ)
    with pytest.raises(SettingsError, match="--feed: 'file:///etc/passwd' is not an http"):
        load_settings(["--feed", "file:///etc/passwd"], environ)


@pytest.mark.parametrize(
    "url", ["https://", "http://exa mple.com/x", "http://example.com:0/", "http://[::1/", "javascript:alert(1)"]
)
def test_addresses_that_cannot_be_fetched_are_named(url: str) -> None:
    assert web_url_problem(url) is not None
    assert web_url_problem("https://news.example/2026/12/01/story.html?ref=rss") is None


def test_the_vector_store_comes_from_the_environment_or_the_flag_and_is_checked() -> None:
    assert Settings.from_env({}).store is None  # as the index was built
    env = {"VERBATIM_STORE": "qdrant://db:6334/news"}
    assert load_settings([], env).store == "qdrant://db:6334/news"
    assert load_settings(["--store", "qdrant://other/news"], env).store == "qdrant://other:6333/news"
    with pytest.raises(SettingsError, match="VERBATIM_STORE: Unknown store 'redis://db/news'"):
        Settings.from_env({"VERBATIM_STORE": "redis://db/news"})
    with pytest.raises(SettingsError, match="--store: 'qdrant://db' names no host and collection"):
        load_settings(["--store", "qdrant://db"], {})
