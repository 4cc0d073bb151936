"""``verbatim-index`` (= scripts/build_index.py) with --feed, --url and --urls, run as an operator
would, against pages served on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

from tests.news_site import NewsStory, Route, WebServer, news_page, rss_feed, sample_story
from tests.process.test_cli import run


def test_feed_and_url_file_build_an_index_and_a_rerun_fetches_nothing(tmp_path: Path, server: WebServer) -> None:
    p = sample_story().paragraphs
    stories = [
        NewsStory("allies", "Allies United", p[:10], "2022-01-10"),
        NewsStory("sherman", "Sherman Briefs", p[10:20], "2022-01-11"),
        NewsStory("kuleba", "Kuleba Praises Unity", p[20:], "2022-01-12"),
    ]
    for story in stories:
        server.routes[f"/{story.slug}"] = Route(news_page(story, f"https://news.example.com/{story.slug}").encode())
    feed = rss_feed([(server.url(f"/{s.slug}"), s.title, s.published) for s in stories[:2]])
    server.routes["/feed.xml"] = Route(feed.encode(), content_type="application/rss+xml")
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# pages to index\n\n{server.url('/kuleba')}\n{server.url('/missing')}\n", encoding="utf-8")
    command = ["scripts/build_index.py", "--feed", server.url("/feed.xml"), "--urls", str(urls)]
    command += ["--index", str(tmp_path / "index"), "--quiet"]
    first = run(command)
    assert first.returncode == 0, first.stderr
    assert "Indexed 3 articles" in first.stdout and "3 pages fetched, 0 from the cache" in first.stdout
    assert f"skipped {server.url('/missing')}: could not be fetched: HTTP 404" in first.stderr
    assert f"feed {server.url('/feed.xml')}: 2 articles indexed (read)" in first.stderr
    assert (tmp_path / "index.web-cache").is_dir()  # beside the index, by default
    again = run(command)
    assert again.returncode == 0, again.stderr
    assert "0 embedded" in again.stdout and "0 pages fetched, 3 from the cache" in again.stdout


def test_a_build_needs_a_source_and_only_web_addresses(tmp_path: Path) -> None:
    nothing = run(["scripts/build_index.py", "--index", str(tmp_path / "index")])
    assert nothing.returncode == 2
    assert "nothing to index: give --articles PATH, --url URL, --urls FILE or --feed URL" in nothing.stderr
    ftp = run(["scripts/build_index.py", "--url", "ftp://example.com/a.html", "--index", str(tmp_path / "index")])
    assert ftp.returncode == 2 and "not an http or https address (ftp:)" in ftp.stderr
    bad_file = tmp_path / "urls.txt"
    bad_file.write_text("https://example.com/a\nfile:///etc/passwd\n", encoding="utf-8")
    listed = run(["scripts/build_index.py", "--urls", str(bad_file), "--index", str(tmp_path / "index")])
    assert listed.returncode == 2 and f"{bad_file} line 2" in listed.stderr and "(file:)" in listed.stderr
    assert not (tmp_path / "index").exists()
