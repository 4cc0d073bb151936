"""Loading articles: every format, the normalisation of their text, and the problems reported."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from index.errors import ArticleError
from index.ingest.cleaning import BOILERPLATE_PATTERNS, is_boilerplate, normalise_text
from index.ingest.loaders import LoadReport, load_articles
from index.search.searcher import Searcher
from index.text.sentences import split_article
from index.types import PARAGRAPH_SEPARATOR, Article
from tests.support import SAMPLE_ARTICLE


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def only_article(report: LoadReport) -> Article:
    assert report.problems == ()
    assert len(report.articles) == 1
    return report.articles[0]


def jsonl(*records: object) -> str:
    return "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records) + "\n"


# --- the sample article ------------------------------------------------------------------------


def test_sample_article_loads_with_its_title_and_paragraphs() -> None:
    sample = only_article(load_articles(SAMPLE_ARTICLE))
    assert sample.id == "nato-russia-talks"
    assert sample.source == str(SAMPLE_ARTICLE)
    assert sample.title == "U.S. Says NATO Allies ‘United’ Ahead Of Talks With Russia"
    assert len(sample.paragraphs) == 28  # the page's "Leave A Reply" form is not article text
    assert sample.paragraphs[0] == "NATO headquarters in Brussels"  # its trailing NBSP is gone
    assert sample.paragraphs[1].startswith("The U.S. ambassador to NATO says members")
    assert sample.paragraphs[5] == (
        '"NATO is open and committed to a meaningful reciprocal dialogue with Russia," Smith said. '
        '"At the same time, we stand united to deter threats against NATO allies and further Russian '
        'aggression against our partners in Europe."'
    )
    assert "Kuleba also said the United States remains Kyiv’s No. 1 security partner." in sample.paragraphs
    assert all(p == normalise_text(p) for p in sample.paragraphs)
    # The credit line is the last paragraph kept; the comment form after it is gone.
    assert sample.paragraphs[-1].startswith("With reporting by Todd Prince in Washington")
    assert not any("Leave A Reply" in p or "email address" in p for p in sample.paragraphs)


def test_sample_folder_holds_just_the_sample() -> None:
    report = load_articles(SAMPLE_ARTICLE.parent)
    assert [a.id for a in report.articles] == ["nato-russia-talks"]
    assert report.skipped == ()


# --- folders and ids ---------------------------------------------------------------------------


def test_a_folder_is_walked_recursively_in_sorted_order_with_path_ids(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "B\n\nBody b.")
    write(tmp_path / "a.md", "# A\n\nBody a.")
    write(tmp_path / "2022" / "jan" / "nato-talks.html", "<title>N</title><p>Body n.</p>")
    write(tmp_path / "2022" / "feed.jsonl", jsonl({"id": "j1", "title": "J", "text": "Body j."}))
    write(tmp_path / "notes.pdf", b"%PDF")
    write(tmp_path / ".hidden.txt", "H\n\nHidden.")
    write(tmp_path / ".git" / "x.txt", "G\n\nGit.")
    write(tmp_path / "drafts" / ".secret" / "s.txt", "S\n\nSecret.")

    report = load_articles(tmp_path)

    assert report.problems == ()
    assert [a.id for a in report.articles] == ["j1", "2022/jan/nato-talks", "a", "b"]
    assert report.skipped == (str(tmp_path / "notes.pdf"),)
    assert report.articles[1].source == str(tmp_path / "2022" / "jan" / "nato-talks.html")
    assert report.articles[0].source == f"{tmp_path / '2022' / 'feed.jsonl'}#L1"
    assert load_articles(tmp_path) == report  # deterministic


def test_a_single_file_gets_its_stem_as_id(tmp_path: Path) -> None:
    path = write(tmp_path / "deep" / "nato-talks.txt", "Title\n\nBody.")
    assert only_article(load_articles(path)).id == "nato-talks"


def test_a_missing_path_is_an_error_that_names_it(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="no-such-folder"):
        load_articles(tmp_path / "no-such-folder")


def test_an_unsupported_single_file_is_a_problem(tmp_path: Path) -> None:
    report = load_articles(write(tmp_path / "story.docx", b"PK"))
    assert report.articles == ()
    assert "supported" in report.problems[0].message


def test_an_empty_folder_loads_nothing_without_problems(tmp_path: Path) -> None:
    assert load_articles(tmp_path) == LoadReport((), (), ())


def test_a_duplicate_id_keeps_the_first_article(tmp_path: Path) -> None:
    write(tmp_path / "a.md", "# From markdown\n\nFirst.")
    write(tmp_path / "a.txt", "From text\n\nSecond.")
    report = load_articles(tmp_path)
    assert [a.title for a in report.articles] == ["From markdown"]
    [problem] = report.problems
    assert problem.path == str(tmp_path / "a.txt")
    assert "'a'" in problem.message and "already used" in problem.message


# --- plain text and normalisation --------------------------------------------------------------


def test_plain_text_title_paragraphs_and_joined_lines(tmp_path: Path) -> None:
    path = write(tmp_path / "t.txt", "\n\n  The title  \nFirst line\nsame paragraph.\n\n\n\nSecond paragraph.\n")
    loaded = only_article(load_articles(path))
    assert loaded.title == "The title"
    assert loaded.paragraphs == ("First line same paragraph.", "Second paragraph.")


def test_windows_line_endings_and_byte_order_mark_are_fine(tmp_path: Path) -> None:
    path = write(tmp_path / "t.txt", "\ufeffTitle\r\n\r\nOne\r\ntwo.\r\n\r\nThree.".encode())
    loaded = only_article(load_articles(path))
    assert (loaded.title, loaded.paragraphs) == ("Title", ("One two.", "Three."))


def test_text_is_normalised_but_quotes_are_kept(tmp_path: Path) -> None:
    body = (
        "Caf\u0065\u0301 talks\u00a0in\tBrussels:\u200b NATO\u2019s \u201cunited\u201d\u2060 front,\x07 "
        'said\u00a0\u00a0the   U.S.\u00ad "envoy" \u2018again\u2019.\u200d'
    )
    loaded = only_article(load_articles(write(tmp_path / "t.txt", "Title\u200b\n\n" + body)))
    assert loaded.title == "Title"
    assert loaded.paragraphs == ('Café talks in Brussels: NATO’s “united” front, said the U.S. "envoy" ‘again’.',)


def test_undecodable_bytes_are_a_problem_and_other_files_still_load(tmp_path: Path) -> None:
    write(tmp_path / "bad.txt", b"Title\n\nCaf\xe9 in Latin-1.")
    write(tmp_path / "good.txt", "Title\n\nFine.")
    report = load_articles(tmp_path)
    assert [a.id for a in report.articles] == ["good"]
    [problem] = report.problems
    assert problem.path == str(tmp_path / "bad.txt")
    assert "UTF-8" in problem.message


def test_empty_articles_are_problems(tmp_path: Path) -> None:
    write(tmp_path / "empty.txt", " \n\u200b\n")
    write(tmp_path / "title-only.txt", "Just a title\n\n")
    report = load_articles(tmp_path)
    assert report.articles == ()
    messages = {Path(p.path).name: p.message for p in report.problems}
    assert "no text" in messages["empty.txt"]
    assert "no body text" in messages["title-only.txt"]


# --- Markdown ----------------------------------------------------------------------------------


def test_markdown_title_and_body_lose_their_markup(tmp_path: Path) -> None:
    text = (
        "---\nauthor: someone\n---\n"
        "# **Breaking**: _NATO_ talks #\n\n"
        "The *allies* met in [Brussels](https://example.org) on `Monday`.\n"
        "A snake_case name and 5 * 3 stay.\n\n"
        "## Background\n"
        "> Quoted words.\n\n"
        "- first item\n- second item\n\n"
        "***\n\n"
        "![a photo](photo.jpg) Last words.\n"
    )
    loaded = only_article(load_articles(write(tmp_path / "m.md", text)))
    assert loaded.title == "Breaking: NATO talks"
    assert loaded.paragraphs == (
        "The allies met in Brussels on Monday. A snake_case name and 5 * 3 stay.",
        "Background",
        "Quoted words.",
        "first item",
        "second item",
        "a photo Last words.",
    )


def test_markdown_heading_loses_closing_hashes_after_spaces(tmp_path: Path) -> None:
    loaded = only_article(load_articles(write(tmp_path / "m.md", "# NATO talks   ##\n\nBody here.")))
    assert (loaded.title, loaded.paragraphs) == ("NATO talks", ("Body here.",))


def test_markdown_setext_title(tmp_path: Path) -> None:
    loaded = only_article(load_articles(write(tmp_path / "m.md", "The title\n=========\n\nBody here.")))
    assert (loaded.title, loaded.paragraphs) == ("The title", ("Body here.",))


# --- HTML --------------------------------------------------------------------------------------


def test_html_title_and_paragraphs_without_page_furniture(tmp_path: Path) -> None:
    page = """<!DOCTYPE html><html><head><title>Allies &amp; Russia</title>
    <style>p { color: red; }</style><script>var p = "<p>not text</p>";</script></head>
    <body><nav><p>Home | World</p></nav><h1>Headline</h1>
    <p>The <b>U.S.</b> envoy said  the allies are <a href="/x">united</a>.</p>
    <!-- <p>a comment</p> -->
    <p>Second&nbsp;paragraph,<br>with a break.</p><p>  </p>
    <footer><p>Copyright</p></footer></body></html>"""
    loaded = only_article(load_articles(write(tmp_path / "p.html", page)))
    assert loaded.title == "Headline"  # the article's own headline, not the browser tab's <title>
    assert loaded.paragraphs == (
        "The U.S. envoy said the allies are united.",
        "Second paragraph, with a break.",
    )


def test_html_without_title_uses_the_first_h1(tmp_path: Path) -> None:
    page = "<html><body><h1>The <i>real</i> headline</h1><h1>Other</h1><p>Body.</p></body></html>"
    assert only_article(load_articles(write(tmp_path / "p.htm", page))).title == "The real headline"


def test_unclosed_html_paragraphs_are_not_repeated(tmp_path: Path) -> None:
    page = "<title>T</title><body><p>One.<p>Two.<p>Three.</body>"
    assert only_article(load_articles(write(tmp_path / "p.html", page))).paragraphs == ("One.", "Two.", "Three.")


def test_html_without_paragraphs_reads_text_blocks_and_double_line_breaks(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Headline</title></head><body><h1>Headline</h1>"
        "<div>First block<br>on two lines.<br><br>After a blank line.</div>"
        "<footer>Copyright</footer></body></html>"
    )
    loaded = only_article(load_articles(write(tmp_path / "p.html", page)))
    assert loaded.paragraphs == ("First block on two lines.", "After a blank line.")


# --- JSON lines --------------------------------------------------------------------------------


def test_json_lines_load_with_their_ids_fields_and_line_sources(tmp_path: Path) -> None:
    path = write(
        tmp_path / "feed.jsonl",
        jsonl(
            {"id": "x1", "title": "First", "text": "Para one\nstill one.\n\nPara two.", "url": "https://e.org/1"},
            "   ",
            {"id": "x2", "title": " Second ", "text": "Body with a line\u2028separator.", "published": "2022-01-11"},
        ),
    )
    report = load_articles(path)
    assert report.problems == ()
    first, second = report.articles
    assert (first.id, first.title, first.paragraphs, first.url, first.published) == (
        "x1",
        "First",
        ("Para one still one.", "Para two."),
        "https://e.org/1",
        None,
    )
    assert first.source == f"{path}#L1"
    assert (second.title, second.paragraphs, second.published) == (
        "Second",
        ("Body with a line separator.",),
        "2022-01-11",
    )
    assert second.source == f"{path}#L3"


def test_bad_json_lines_are_problems_with_line_numbers_and_the_rest_loads(tmp_path: Path) -> None:
    lines = jsonl(
        {"id": "ok1", "title": "T", "text": "Fine."},
        '{"id": "broken", "title": ',
        {"id": "no-text", "title": "T"},
        {"id": 7, "title": "T", "text": "Numeric id."},
        {"id": "ok1", "title": "Again", "text": "Duplicate id."},
        ["not", "an", "object"],
        {"id": " ", "title": "T", "text": "Blank id."},
        {"id": "empty", "title": "T", "text": "  "},
        {"id": "bad-url", "title": "T", "text": "Body.", "url": 5},
        {"id": "ok2", "title": "T", "text": "Also fine."},
    )
    path = write(tmp_path / "feed.jsonl", lines.encode() + b'{"id": "latin", "title": "T", "text": "caf\xe9"}\n')
    report = load_articles(path)
    assert [a.id for a in report.articles] == ["ok1", "ok2"]
    problems = {p.line: p.message for p in report.problems}
    assert set(problems) == {2, 3, 4, 5, 6, 7, 8, 9, 11}
    assert all(p.path == str(path) for p in report.problems)
    assert "not valid JSON" in problems[2]
    assert '"text" is missing' in problems[3]
    assert '"id" must be a string' in problems[4]
    assert "already used" in problems[5]
    assert "JSON object" in problems[6]
    assert "blank" in problems[7]
    assert "no body text" in problems[8]
    assert '"url" must be a string' in problems[9]
    assert "UTF-8" in problems[11]
    assert all(message.startswith(f"line {line}") for line, message in problems.items())


def test_an_empty_json_lines_file_is_a_problem(tmp_path: Path) -> None:
    report = load_articles(write(tmp_path / "feed.jsonl", "\n\n"))
    assert report.articles == ()
    assert "no articles" in report.problems[0].message


# --- web page leftovers ------------------------------------------------------------------------

LEFTOVERS = (
    "Leave A Reply",
    "Leave a comment.",
    "Leave a Reply Cancel reply",
    "Your email address will not be published.",
    "Your email address will not be published. Required fields are marked *",
    "Required fields are marked *",
    "POST COMMENT",
    "Share this:",
    "Share on Facebook",
    "Share on Twitter Share on Facebook",
    "Related posts",
    "Related Articles:",
    "Read more",
    "» Read more …",
    "Click here to read the full statement.",
    "Subscribe to our newsletter!",
    "Sign up for our daily briefing",
    "We use cookies to improve your experience. By continuing to browse, you accept our cookie policy. Accept",
    "All rights reserved.",
    "© 2022 RFE/RL, Inc. All rights reserved.",
    "Copyright © 2022 RFE/RL",
    "© Copyright 2015-2022, RFE/RL",
    "Advertisement",
    "— ADVERTISEMENT —",
    "Advertisement  \t",
)

# Real paragraphs that share words with page furniture: they must all stay.
LOOK_ALIKES = (
    "Peskov said Russia would leave a reply to NATO's letter by Friday.",
    "Leave a reply, Peskov said.",
    "With reporting by Todd Prince in Washington, Reuters, AP, AFP, dpa, TASS, and Interfax",
    "Share prices in Moscow fell on the news.",
    "Comments from Peskov were sharp.",
    "Read more than 300 pages, he said.",
    "Related talks will follow in Vienna.",
    "Subscribe to our newsletter. NATO met on Monday.",  # a real sentence after a leftover
    "Copyright law did not come up at the talks.",
    "© Reuters",  # a photo credit, like "With reporting by", is a credit line
    "(c) the troops must withdraw from the border.",
    "Advertisement revenue of Russian media fell in 2022.",
    "Click here to read the statement. Allies are united, Smith said.",
)


@pytest.mark.parametrize("paragraph", LEFTOVERS)
def test_page_leftovers_are_recognised_whatever_their_case_and_trailing_punctuation(paragraph: str) -> None:
    assert is_boilerplate(paragraph)
    assert is_boilerplate(paragraph.upper() + " ")
    assert is_boilerplate(paragraph.lower() + ".")


@pytest.mark.parametrize("paragraph", LOOK_ALIKES)
def test_prose_with_the_same_words_is_content(paragraph: str) -> None:
    assert not is_boilerplate(paragraph)


def test_the_leftover_table_is_compiled_and_case_insensitive() -> None:
    assert BOILERPLATE_PATTERNS and all(p.flags & 2 for p in BOILERPLATE_PATTERNS)  # re.IGNORECASE == 2
    assert not is_boilerplate("") and not is_boilerplate("* * *")  # punctuation alone is not a leftover


BODY = (
    "The allies met in Brussels on January 12.",
    "Peskov said Russia would leave a reply to NATO's letter by Friday. He gave no details.",
    "With reporting by Todd Prince in Washington",
)
PAGE_END = ("Share this:", "Leave A Reply", "Your email address will not be published.", "© 2022 RFE/RL, Inc.")


def as_markdown(paragraphs: tuple[str, ...]) -> str:
    return "\n\n".join(paragraphs)


def as_html(paragraphs: tuple[str, ...]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html><head><title>NATO talks</title></head><body><h1>NATO talks</h1>{body}</body></html>"


def as_html_without_p(paragraphs: tuple[str, ...]) -> str:
    return (
        "<html><head><title>NATO talks</title></head><body>"
        + "".join(f"<div>{p}</div>" for p in paragraphs)
        + "</body></html>"
    )


@pytest.mark.parametrize(
    "name, render",
    [
        ("a.txt", lambda ps: "NATO talks\n\n" + "\n\n".join(ps) + "\n"),
        (
            "a.md",
            lambda ps: "# NATO talks\n\n" + as_markdown(tuple(f"**{p}**" if p == "Leave A Reply" else p for p in ps)),
        ),
        ("a.html", as_html),
        ("a.htm", as_html_without_p),
        ("a.jsonl", lambda ps: jsonl({"id": "a", "title": "NATO talks", "text": "\n\n".join(ps)})),
    ],
)
def test_every_format_drops_page_leftovers_and_keeps_sentence_offsets_on_the_text(
    tmp_path: Path, name: str, render: Callable[[tuple[str, ...]], str]
) -> None:
    page = ("Advertisement", BODY[0], "Related posts", BODY[1], BODY[2], *PAGE_END)
    loaded = only_article(load_articles(write(tmp_path / name, render(page))))
    assert loaded.paragraphs == BODY
    sentences = split_article(loaded)
    assert [(s.paragraph, s.text) for s in sentences] == [
        (0, BODY[0]),
        (1, "Peskov said Russia would leave a reply to NATO's letter by Friday."),
        (1, "He gave no details."),
        (2, BODY[2]),
    ]
    # Offsets point into the text a reader is shown (/context, the article view): the kept
    # paragraphs joined by blank lines, with no trace of the dropped ones.
    assert loaded.text == PARAGRAPH_SEPARATOR.join(BODY)
    assert all(loaded.text[s.start : s.end] == s.text for s in sentences)
    assert [s.position for s in sentences] == [0, 1, 2, 3]


@pytest.mark.parametrize("name", ["a.txt", "a.jsonl"])
def test_markup_left_in_plain_text_is_no_part_of_the_article(tmp_path: Path, name: str) -> None:
    # PolNeAR's news writes embedded tweets and links as tags in its plain text.
    paragraphs = (
        "Fiorina opened up on Twitter after the speech.",
        '<tweet tweet-id="758855648595419140"><tweet/>.',
        '<tweet tweet-author="@mmurraypolitics" tweet-date="March 7, 2016">The delegate math matters<tweet/>.',
        'Watch it at <a href="http://video.foxnews.com">video.foxnews.com</a>.',
        '<tweet id="672" author="@sbpd">Praying for the victims.</tweet>.',
        "If a < b and c > d, then <3.",
        "Sales rose <num> percent.",  # TrecQA's number, no markup
    )
    text = "\n\n".join(paragraphs)
    page = "NATO talks\n\n" + text + "\n" if name == "a.txt" else jsonl({"id": "a", "title": "T", "text": text})
    loaded = only_article(load_articles(write(tmp_path / name, page)))
    assert loaded.paragraphs == (
        "Fiorina opened up on Twitter after the speech.",
        "The delegate math matters.",
        "Watch it at video.foxnews.com.",
        "Praying for the victims.",
        "If a < b and c > d, then <3.",
        "Sales rose <num> percent.",
    )


def test_an_article_of_only_page_leftovers_is_reported_like_an_empty_one(tmp_path: Path) -> None:
    write(tmp_path / "form.txt", "Comments\n\nLeave a Reply\n\nYour email address will not be published.\n")
    write(tmp_path / "form.html", "<title>Comments</title><p>Leave a comment</p><p>Post Comment</p>")
    write(tmp_path / "good.txt", "Title\n\nThe allies met.\n\nShare this:")
    write(
        tmp_path / "feed.jsonl",
        jsonl(
            {"id": "j1", "title": "Fine", "text": "Body.\n\nRead more"},
            {"id": "j2", "title": "Form", "text": "Leave A Reply\n\nRequired fields are marked *"},
        ),
    )
    report = load_articles(tmp_path)
    assert [(a.id, a.paragraphs) for a in report.articles] == [("j1", ("Body.",)), ("good", ("The allies met.",))]
    problems = {(Path(p.path).name, p.line): p.message for p in report.problems}
    assert set(problems) == {("form.txt", None), ("form.html", None), ("feed.jsonl", 2)}
    assert all("no body text" in message and "leftovers" in message for message in problems.values())
    assert problems[("feed.jsonl", 2)].startswith("line 2: ")


def test_html_form_controls_are_not_text(tmp_path: Path) -> None:
    page = (
        "<title>T</title><p>The allies met.</p>"
        "<p><label>Your view <textarea>Write here</textarea></label></p>"
        "<p><select><option>Sort by newest</option></select><button>Send it now</button></p>"
    )
    assert only_article(load_articles(write(tmp_path / "p.html", page))).paragraphs == ("The allies met.",)


@pytest.mark.parametrize("question", ["Can I reply?", "Can I leave a comment?", "Will my email address be published?"])
def test_the_bot_never_answers_with_the_sample_pages_comment_form(sample_searcher: Searcher, question: str) -> None:
    answer = sample_searcher.answer(question)
    shown = [hit.sentence for hit in (*answer.hits, *answer.ranked, *([answer.nearest] if answer.nearest else []))]
    assert not any("Leave A Reply" in s or "email address" in s for s in shown)


def test_the_sample_index_keeps_the_credit_line_and_offsets_into_the_shown_text(sample_searcher: Searcher) -> None:
    text = sample_searcher.article_text("nato-russia-talks")
    assert text is not None and text.endswith(
        "With reporting by Todd Prince in Washington, Reuters, AP, AFP, dpa, TASS, and Interfax"
    )
    sentences = sample_searcher.sentences_of_article("nato-russia-talks")
    assert len(sentences) == 32
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert [s.paragraph for s in sentences][-1] == len(text.split(PARAGRAPH_SEPARATOR)) - 1


@pytest.mark.parametrize(
    ("written", "read"),
    [
        # UTF-8 read as Latin-1 or Windows-1252, as scraped news often is
        ("JuliÃ¡n Castro said so.", "Julián Castro said so."),
        ("FranÃ§ois Delattre, the ambassador, said", "François Delattre, the ambassador, said"),
        ("the prison at GuantÃ¡namo Bay", "the prison at Guantánamo Bay"),
        ("itâ€™s over", "it’s over"),
        # text that only looks so stays as written
        ("SÃO PAULO", "SÃO PAULO"),
        ("São Paulo’s “mayor”", "São Paulo’s “mayor”"),
    ],
)
def test_text_decoded_with_the_wrong_encoding_is_repaired(written: str, read: str) -> None:
    assert normalise_text(written) == read


def test_a_name_read_with_the_wrong_encoding_is_found_whole(tmp_path: Path) -> None:
    (tmp_path / "castro.txt").write_text(
        "Castro visits Miami\n\nHousing secretary JuliÃ¡n Castro said the city would get help.\n",
        encoding="utf-8",
    )
    (article,) = load_articles(tmp_path).articles
    assert article.paragraphs[-1] == "Housing secretary Julián Castro said the city would get help."
