"""The bot's record of its web sources: saved and read back whole, never trusted blindly."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.runtime.sources_file import (
    SourcesRecord,
    default_sources_file,
    dump_sources,
    parse_sources,
    read_sources,
    write_sources,
)
from index import FeedStatus


def test_a_record_survives_a_save_and_a_read(tmp_path: Path) -> None:
    record = (
        SourcesRecord()
        .with_added("https://news.example/a.html")
        .with_added("https://news.example/b.html")
        .with_added("https://news.example/a.html")
        .with_refresh(
            (
                FeedStatus("https://news.example/rss", 12, 1_800_000_000.5, None),
                FeedStatus("https://down.example/atom", 0, 1_800_000_001.0, "HTTP 503 Service Unavailable"),
            ),
            1_800_000_002.0,
            None,
        )
    )
    path = default_sources_file(tmp_path / "index")
    assert path == tmp_path / "index.sources.json"  # beside the index directory, not in it
    write_sources(path, record)
    assert read_sources(path) == record
    assert record.added == ("https://news.example/a.html", "https://news.example/b.html")


def test_a_refresh_replaces_the_statuses_of_the_feeds_it_read_and_keeps_the_others() -> None:
    old = SourcesRecord(
        feeds=(FeedStatus("https://a.example/rss", 3, 1.0, None), FeedStatus("https://b.example/rss", 4, 1.0, None))
    )
    new = old.with_refresh((FeedStatus("https://b.example/rss", 5, 2.0, "timed out"),), 2.0, None)
    assert new.feed("https://a.example/rss") == FeedStatus("https://a.example/rss", 3, 1.0, None)
    assert new.feed("https://b.example/rss") == FeedStatus("https://b.example/rss", 5, 2.0, "timed out")
    failed = new.with_refresh((), 3.0, "Another build is running")
    assert failed.feeds == new.feeds and failed.error == "Another build is running" and failed.refreshed_at == 3.0


@pytest.mark.parametrize(
    "text",
    [
        "{not json",
        '{"format": "something-else/1"}',
        '["verbatim-sources/1"]',
        '{"format": "verbatim-sources/1", "added": "https://a.example/"}',
        '{"format": "verbatim-sources/1", "feeds": [{"url": "https://a.example/rss", "articles": -1}]}',
        '{"format": "verbatim-sources/1", "refreshed_at": "yesterday"}',
    ],
)
def test_a_file_that_is_not_a_sources_record_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_sources(text)


def test_an_unreadable_file_is_named_at_error_and_the_bot_starts_without_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "index.sources.json"
    assert read_sources(path) == SourcesRecord()  # none yet: nothing to say
    assert not caplog.records
    path.write_bytes(b"\xff\xfe garbage")
    assert read_sources(path) == SourcesRecord()
    (error,) = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert str(path) in error.getMessage()
    write_sources(path, SourcesRecord(added=("https://a.example/",)))  # the next save replaces it
    assert parse_sources(path.read_text(encoding="utf-8")).added == ("https://a.example/",)
    assert dump_sources(SourcesRecord()).endswith(b"\n")
