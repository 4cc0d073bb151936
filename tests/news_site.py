"""A small news site on 127.0.0.1 for the bot's refresh tests: an RSS feed and article pages.

The stories are made up here (text we own), and each page wraps its story in the furniture of a
real news page (navigation, a cookie notice, related links, a footer) with its title, date and
canonical URL in the page's metadata, so that the index's main-text extraction really works on
it. A test publishes stories, adds them to a feed, or makes a path fail (an HTTP status, or no
answer at all), while the bot runs. Pages carry an ETag and answer ``If-None-Match`` with 304.
"""

from __future__ import annotations

import hashlib
import html
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FEED_PATH = "/feed.xml"


@dataclass(frozen=True)
class Story:
    """One article of the site."""

    slug: str
    title: str
    paragraphs: tuple[str, ...]
    published: str  # YYYY-MM-DD

    @property
    def path(self) -> str:
        return f"/news/{self.slug}.html"


BRIDGE = Story(
    "harbour-bridge-reopens",
    "Harbour Bridge Reopens to Trams After Two Years of Repairs",
    (
        "The Harbour Bridge reopened to trams on Monday after two years of repairs that cost the city 48 million euros.",
        "City engineer Marta Lindqvist said the old steel cables had been replaced one by one so that pedestrians "
        "could keep crossing throughout the works.",
        "The first tram crossed at six in the morning, carrying about forty commuters and a brass band hired by the "
        "transport authority.",
        "Shopkeepers on the southern bank said the closure had cut their takings by a third, and several asked the "
        "council for help with their rents.",
    ),
    "2026-11-23",
)
APRICOTS = Story(
    "valley-apricot-harvest",
    "Valley Farmers Report a Record Apricot Harvest",
    (
        "Fruit growers in the Selka valley picked 12,000 tonnes of apricots this summer, the largest harvest since "
        "records began in 1961.",
        "Growers' association chair Tomas Brenner said a mild spring without late frost had let almost every blossom "
        "set fruit.",
        "Prices at the wholesale market fell by a fifth in July as the crates piled up, and some farmers turned the "
        "surplus into jam and brandy.",
        "The association expects a smaller crop next year because the trees need time to recover from the heavy load.",
    ),
    "2026-11-24",
)
FERRY = Story(
    "river-ferry-electric",
    "River Ferry Switches to Electric Engines",
    (
        "The river ferry between Oldport and Kessing now runs on electric engines, the ferry company announced on "
        "Wednesday.",
        "Captain Ilse Marwick said the new batteries are charged at the Kessing pier during the ten-minute turnaround "
        "and last a whole day of crossings.",
        "The diesel engines they replaced burned about 300 litres of fuel a day and were known along the river for "
        "their noise.",
        "Passengers will pay the same fares, and the company plans to convert its second ferry by next summer.",
    ),
    "2026-11-25",
)
LIBRARY = Story(
    "library-night-opening",
    "Central Library Opens Until Midnight During Exams",
    (
        "The central library will stay open until midnight for the six weeks of the winter exam season, the city "
        "council decided on Thursday.",
        "Head librarian Nadia Okafor said students had queued outside the doors every evening last January when the "
        "reading rooms closed at eight.",
        "Two security guards and a librarian will work the late shift, paid from the council's education budget.",
        "The council will count visitors each night and decide in March whether to keep the longer hours.",
    ),
    "2026-11-26",
)


@dataclass
class _Site:
    stories: dict[str, Story] = field(default_factory=dict)  # path -> story
    feeds: dict[str, list[str]] = field(default_factory=dict)  # feed path -> story slugs, newest first
    failures: dict[str, int] = field(default_factory=dict)  # path -> HTTP status to answer with
    requests: list[str] = field(default_factory=list)  # paths asked for, in order
    lock: threading.Lock = field(default_factory=threading.Lock)


class NewsSite:
    """The site, serving on 127.0.0.1 in a thread: ``with NewsSite() as site: ...``."""

    def __init__(self) -> None:
        self._site = _Site()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self._site))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="news-site", daemon=True)

    def __enter__(self) -> NewsSite:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(10)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def url(self, path: str) -> str:
        return self.base_url + path

    def publish(self, story: Story, *, feed: str | None = FEED_PATH) -> str:
        """Put ``story`` on the site (at the top of ``feed``, if one is named); its URL."""
        with self._site.lock:
            self._site.stories[story.path] = story
            if feed is not None:
                self._site.feeds.setdefault(feed, []).insert(0, story.slug)
        return self.url(story.path)

    def drop_from_feed(self, story: Story, feed: str = FEED_PATH) -> None:
        """Take ``story`` out of ``feed`` (its page stays on the site), as feeds drop old entries."""
        with self._site.lock:
            self._site.feeds[feed].remove(story.slug)

    def feed(self, path: str = FEED_PATH) -> str:
        """The URL of the feed at ``path`` (served, even when empty)."""
        with self._site.lock:
            self._site.feeds.setdefault(path, [])
        return self.url(path)

    def fail(self, path: str, status: int) -> None:
        """Answer ``path`` with ``status`` from now on."""
        with self._site.lock:
            self._site.failures[path] = status

    def requests(self) -> list[str]:
        with self._site.lock:
            return list(self._site.requests)


def _handler(site: _Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            with site.lock:
                site.requests.append(path)
                status = site.failures.get(path)
                story = site.stories.get(path)
                slugs = list(site.feeds.get(path, [])) if path in site.feeds else None
                stories = {s.slug: s for s in site.stories.values()}
            if status is not None:
                self._send(status, "text/plain; charset=utf-8", b"Service unavailable, try again later.")
            elif story is not None:
                self._send(200, "text/html; charset=utf-8", _page(story, self._base()).encode("utf-8"))
            elif slugs is not None:
                body = _rss([stories[s] for s in slugs], self._base(), path).encode("utf-8")
                self._send(200, "application/rss+xml; charset=utf-8", body)
            else:
                self._send(404, "text/html; charset=utf-8", b"<html><body><h1>Page not found</h1></body></html>")

        def _base(self) -> str:
            host, port = self.server.server_address[:2]
            return f"http://{host!s}:{port}"

        def _send(self, status: int, content_type: str, body: bytes) -> None:
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            if status == 200 and self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            if status == 200:
                self.send_header("ETag", etag)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # quiet: tests read requests()
            return

    return Handler


def _page(story: Story, base: str) -> str:
    """A news page as sites make them: the story in an <article>, furniture all around."""
    title = html.escape(story.title)
    paragraphs = "\n".join(f"      <p>{html.escape(p)}</p>" for p in story.paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{title} | The Riverside Courier</title>
  <link rel="canonical" href="{base}{story.path}">
  <meta property="og:title" content="{title}">
  <meta property="article:published_time" content="{story.published}T08:00:00+00:00">
</head>
<body>
  <header><nav><a href="/">Home</a> <a href="/news/">News</a> <a href="/sport/">Sport</a> <a href="/weather/">Weather</a></nav></header>
  <div class="cookie-banner">We use cookies to improve your experience. By continuing you accept our use of cookies.</div>
  <main>
    <article>
      <h1>{title}</h1>
      <p class="byline">By Courier staff, <time datetime="{story.published}">{story.published}</time></p>
{paragraphs}
    </article>
    <aside>
      <h2>Most read</h2>
      <ul><li><a href="/news/a.html">Council approves new bus timetable</a></li>
      <li><a href="/news/b.html">Storm warning for the coast this weekend</a></li></ul>
    </aside>
  </main>
  <footer><p>© 2026 The Riverside Courier. All rights reserved.</p></footer>
</body>
</html>
"""


def _rss(stories: list[Story], base: str, path: str) -> str:
    items = "\n".join(
        f"""    <item>
      <title>{html.escape(s.title)}</title>
      <link>{base}{s.path}</link>
      <guid>{base}{s.path}</guid>
      <pubDate>{format_datetime(datetime.fromisoformat(s.published).replace(hour=8, tzinfo=UTC))}</pubDate>
    </item>"""
        for s in stories
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>The Riverside Courier</title>
    <link>{base}/</link>
    <description>News from the river towns</description>
{items}
  </channel>
</rss>
"""
