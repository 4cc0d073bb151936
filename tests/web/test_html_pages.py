"""Saved news pages (.html files and fetched pages alike) go through main-text extraction: the
article's paragraphs without the page furniture, its headline, canonical URL and date, which
reach the answer's source line and the ranker's date signal."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.build import build_index
from index.embedding.models import Embedder
from index.ingest.cleaning import drop_boilerplate, normalise_text
from index.ingest.extraction import extract_page
from index.ingest.loaders import load_articles
from index.search.searcher import Searcher
from tests.news_site import FURNITURE, NewsStory, news_page, polnear_stories, sample_story


def test_a_saved_news_page_gives_its_article_and_metadata_without_the_furniture(tmp_path: Path) -> None:
    story = sample_story()
    (tmp_path / "nato.html").write_text(news_page(story, "https://news.example.com/world/nato"), encoding="utf-8")
    (article,) = load_articles(tmp_path).articles
    assert article.title == story.title  # the headline, without " | The Daily Example"
    assert article.url == "https://news.example.com/world/nato"
    assert article.published == story.published
    assert article.paragraphs == drop_boilerplate(story.paragraphs)
    text = article.text
    assert not any(piece in text for piece in (*FURNITURE, "Related stories", "Share on Facebook", "Politics"))


def test_real_articles_come_out_of_their_pages_paragraph_for_paragraph() -> None:
    stories = polnear_stories(8)
    for story in stories:
        page = extract_page(news_page(story, f"https://news.example.com/{story.slug}"))
        assert page is not None, story.slug
        assert (page.title, page.published) == (story.title, story.published)
        assert page.paragraphs == tuple(normalise_text(p) for p in story.paragraphs), story.slug


def test_a_page_with_no_article_has_no_main_text() -> None:
    links = "".join(f'<li><a href="/world/{n}">Story number {n} of the day</a></li>' for n in range(30))
    home = f"<html><head><title>The Daily Example</title></head><body><nav><ul>{links}</ul></nav></body></html>"
    assert extract_page(home) is None


def _ferry(slug: str, city: str, published: str) -> NewsStory:
    return NewsStory(
        slug,
        f"Ferry news from {city}",
        (
            f"The ferry to {city} will leave the harbour at noon, the port authority said on its website.",
            f"Tickets for the crossing to {city} are sold at the harbour office and on board.",
            "Passengers are asked to arrive thirty minutes before departure with their documents.",
        ),
        published,
    )


@pytest.fixture(scope="module")
def ferries(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Searcher:
    folder = tmp_path_factory.mktemp("ferries")
    for story in (_ferry("oslo", "Oslo", "2023-03-02"), _ferry("bergen", "Bergen", "2024-03-02")):
        page = news_page(story, f"https://ferries.example.com/{story.slug}")
        (folder / "pages").mkdir(exist_ok=True)
        (folder / "pages" / f"{story.slug}.html").write_text(page, encoding="utf-8")
    build_index(folder / "pages", folder / "index", embedder)
    return Searcher.open(folder / "index", embedder=embedder)


def test_a_saved_pages_url_and_date_reach_the_answer(ferries: Searcher) -> None:
    answer = ferries.answer("When does the ferry to Oslo leave?")
    hit = answer.hits[0]
    assert "Oslo will leave the harbour at noon" in hit.sentence
    assert (hit.title, hit.url, hit.published) == (
        "Ferry news from Oslo",
        "https://ferries.example.com/oslo",
        "2023-03-02",
    )


def test_the_date_in_a_question_picks_the_article_published_then(ferries: Searcher) -> None:
    in_2023 = ferries.answer("Where are tickets for the crossing sold in 2023?").hits[0]
    in_2024 = ferries.answer("Where are tickets for the crossing sold in 2024?").hits[0]
    assert (in_2023.published, in_2024.published) == ("2023-03-02", "2024-03-02")
    assert "Oslo" in in_2023.sentence and "Bergen" in in_2024.sentence
