"""Realistic news pages made from text we own: an article's paragraphs inside real-world page
furniture (navigation, a cookie banner, a byline, a figure caption, related links, a newsletter
box, a footer) with its metadata in JSON-LD, <meta> tags and a canonical link, so that main-text
extraction is actually exercised; RSS and Atom feeds listing them; and the made-up stories the
bot's refresh tests publish. No fetched page is ever committed: these are generated."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime

from tests.support import SAMPLE_ARTICLE, shared_file


@dataclass(frozen=True)
class NewsStory:
    """An article to serve: its text and the metadata its page declares."""

    slug: str
    title: str
    paragraphs: tuple[str, ...]
    published: str  # YYYY-MM-DD
    author: str = "Staff Reporter"

    @property
    def path(self) -> str:
        """Where ``NewsSite`` serves it."""
        return f"/news/{self.slug}.html"


FURNITURE = (
    "We use cookies to improve your experience. By continuing you accept our use of cookies.",
    "Most read: Markets rally as central bank holds rates",
    "Sign up for our morning briefing",
    "Photo: Delegates arrive for the meeting. (Reuters)",
    "© 2026 The Daily Example. All rights reserved.",
    # Prose-like furniture in <p> elements: what keeping every <p> indexes and extraction must not.
    "Markets rallied on Tuesday after the central bank held interest rates for a third month.",
    "Get the stories that matter delivered to your inbox every weekday morning, free of charge.",
    "The Daily Example is published by Example Media Group, 1 Example Street, Exampletown.",
)

# Made-up stories for the refresh tests (answers a test asks for are in their second paragraphs).
BRIDGE = NewsStory(
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
APRICOTS = NewsStory(
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
FERRY = NewsStory(
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
LIBRARY = NewsStory(
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


def sample_story() -> NewsStory:
    """The bundled sample article (data/corpus), as a story."""
    lines = [line.strip() for line in SAMPLE_ARTICLE.read_text(encoding="utf-8").split("\n\n")]
    title, *paragraphs = [line for line in lines if line]
    return NewsStory("nato-russia-talks", title, tuple(paragraphs[1:]), "2022-01-11", "Rikard Jozwiak")


def polnear_stories(count: int) -> list[NewsStory]:
    """The first ``count`` PolNeAR dev articles (skips the test when ../shared is absent)."""
    stories: list[NewsStory] = []
    with shared_file("eval/polnear/dev.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            paragraphs = [p.strip() for p in record["text"].split("\n\n") if p.strip()]
            if paragraphs and paragraphs[0] == record["title"]:
                paragraphs = paragraphs[1:]
            if len(paragraphs) < 4:
                continue
            slug = record["id"].split("_", 2)[-1]
            stories.append(NewsStory(slug, record["title"], tuple(paragraphs[:12]), record["published"]))
            if len(stories) == count:
                break
    return stories


def news_page(story: NewsStory, canonical: str, *, site: str = "The Daily Example") -> str:
    """A full HTML page for ``story`` as a news site would serve it."""
    e = html.escape
    half = max(1, len(story.paragraphs) // 2)
    first = "\n".join(f"<p>{e(p)}</p>" for p in story.paragraphs[:half])
    second = "\n".join(f"<p>{e(p)}</p>" for p in story.paragraphs[half:])
    json_ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": story.title,
            "datePublished": f"{story.published}T09:30:00Z",
            "author": {"@type": "Person", "name": story.author},
            "mainEntityOfPage": canonical,
        }
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>{e(story.title)} | {e(site)}</title>
<link rel="canonical" href="{e(canonical)}">
<meta property="og:title" content="{e(story.title)}">
<meta property="og:url" content="{e(canonical)}">
<meta property="og:type" content="article">
<meta property="article:published_time" content="{story.published}T09:30:00Z">
<meta name="author" content="{e(story.author)}">
<script type="application/ld+json">{json_ld}</script>
<style>.cookie{{position:fixed}}</style>
</head><body>
<div class="cookie-banner" id="cookie-consent"><p>{e(FURNITURE[0])}</p><button>Accept</button></div>
<header class="site-header"><a href="/" class="logo">{e(site)}</a>
<nav class="main-nav"><ul><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li>
<li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<aside class="trending"><h3>Trending</h3><ul><li><a href="/markets">{e(FURNITURE[1])}</a>
<p class="teaser">{e(FURNITURE[5])}</p></li></ul></aside>
<main><article class="article">
<h1 class="headline">{e(story.title)}</h1>
<div class="byline">By <span class="author">{e(story.author)}</span> ·
<time datetime="{story.published}T09:30:00Z">{story.published}</time></div>
<figure><img src="/img/lead.jpg" alt=""><figcaption>{e(FURNITURE[3])}</figcaption></figure>
<div class="article-body">
{first}
<div class="newsletter-box"><p>{e(FURNITURE[2])}</p><p>{e(FURNITURE[6])}</p><form><input type="email"><button>Subscribe</button></form></div>
{second}
</div>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
</article>
<section class="related"><h2>Related stories</h2><ul>
<li><a href="/world/a">Allies weigh new sanctions package</a></li>
<li><a href="/world/b">What the summit means for energy prices</a></li></ul></section>
</main>
<footer class="site-footer"><p>{e(FURNITURE[7])}</p><p>{e(FURNITURE[4])}</p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>
</body></html>"""


def rss_feed(items: list[tuple[str, str, str]], *, title: str = "The Daily Example: World") -> str:
    """RSS 2.0 with (link, title, published YYYY-MM-DD) items."""
    e = html.escape
    entries = "\n".join(
        f"<item><title>{e(t)}</title><link>{e(link)}</link>"
        f"<pubDate>{_rfc822(date)}</pubDate><guid>{e(link)}</guid></item>"
        for link, t, date in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
        f"<title>{e(title)}</title><link>http://example.invalid/</link><description>News</description>"
        f"{entries}</channel></rss>"
    )


def atom_feed(items: list[tuple[str, str, str]], *, title: str = "The Daily Example: Politics") -> str:
    """Atom 1.0 with (link, title, published YYYY-MM-DD) entries."""
    e = html.escape
    entries = "\n".join(
        f'<entry><title>{e(t)}</title><link rel="alternate" href="{e(link)}"/><id>{e(link)}</id>'
        f"<updated>{date}T09:30:00Z</updated><published>{date}T09:30:00Z</published></entry>"
        for link, t, date in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{e(title)}</title><id>urn:example:politics</id><updated>2026-01-01T00:00:00Z</updated>"
        f"{entries}</feed>"
    )


def _rfc822(date: str) -> str:
    moment = datetime.fromisoformat(date).replace(hour=9, minute=30, tzinfo=UTC)
    return format_datetime(moment)
