"""The web cache keeps the last good copy of each URL beside the index, survives a torn write
by reading as empty rather than wrong, and forgets URLs no source names any more."""

from __future__ import annotations

from pathlib import Path

from index.web.cache import CachedCopy, WebCache, default_cache_dir


def _copy(url: str, body: bytes = b"<html>page</html>") -> CachedCopy:
    return CachedCopy(url, url + "?final", body, "text/html", "utf-8", '"v1"', "Tue, 11 Jan 2022 09:30:00 GMT", 1.5)


def test_the_cache_lives_beside_the_index(tmp_path: Path) -> None:
    assert default_cache_dir(tmp_path / "data" / "index") == tmp_path / "data" / "index.web-cache"


def test_a_copy_reads_back_whole_and_only_for_its_own_url(tmp_path: Path) -> None:
    cache = WebCache(tmp_path / "cache")
    assert cache.get("https://a.example/x") is None  # nothing yet, not even the folder
    cache.put(_copy("https://a.example/x"))
    assert cache.get("https://a.example/x") == _copy("https://a.example/x")
    assert cache.get("https://a.example/y") is None


def test_a_body_that_does_not_match_its_record_reads_as_no_copy(tmp_path: Path) -> None:
    cache = WebCache(tmp_path / "cache")
    cache.put(_copy("https://a.example/x"))
    (body,) = (tmp_path / "cache").glob("*.body")
    body.write_bytes(b"<html>a newer, longer page whose record was never written</html>")
    assert cache.get("https://a.example/x") is None
    (record,) = (tmp_path / "cache").glob("*.json")
    record.write_text("{not json", encoding="utf-8")
    assert cache.get("https://a.example/x") is None


def test_copies_of_urls_no_longer_used_are_removed(tmp_path: Path) -> None:
    cache = WebCache(tmp_path / "cache")
    for url in ("https://a.example/keep", "https://a.example/drop"):
        cache.put(_copy(url))
    assert cache.keep_only({"https://a.example/keep"}) == 1
    assert cache.get("https://a.example/keep") is not None and cache.get("https://a.example/drop") is None
    assert len(list((tmp_path / "cache").iterdir())) == 2  # one .json and one .body
