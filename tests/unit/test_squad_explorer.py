"""SQuAD 1.1 train read from the SQuAD-explorer pages (scripts/rerankkit/squad_explorer.py)."""

from __future__ import annotations

import html
import io
import tarfile
from pathlib import Path

import pytest

from scripts.rerankkit.squad_explorer import explorer_articles, squad_explorer_pairs


def _page(title: str, paragraphs: list[tuple[str, list[tuple[str, str]]]]) -> str:
    body = [f'<h1 id="title">{html.escape(title)}</h1>']
    for context, questions in paragraphs:
        body.append(f"<div><pre>{html.escape(context)}</pre><ul>")
        for question, answer in questions:
            body.append(
                f'<li><strong class="question">{html.escape(question)}</strong> '
                f'<span class="answer">{html.escape(answer)}</span></li>'
            )
        body.append("</ul></div>")
    return "<html><body>" + "".join(body) + "</body></html>"


def _tar(path: Path, pages: dict[str, str]) -> Path:
    with tarfile.open(path, "w:gz") as tar:
        for name, text in pages.items():
            data = text.encode("utf-8")
            info = tarfile.TarInfo(f"explore/1.1/train/{name}")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


BRIDGE = "The bridge was designed by Ana Ruiz & Sons. It will open on March 3. The old bridge opened in 1901."
HARBOUR = "The harbour was dredged in 1990. Ships of 200 metres now dock there."


@pytest.fixture
def explorer(tmp_path: Path) -> Path:
    return _tar(
        tmp_path / "squad11.tar.gz",
        {
            "index.html": "<html><body><a href='Bridge.html'>Bridge</a></body></html>",
            "Harbour.html": _page("Harbour", [(HARBOUR, [("How long are the ships that dock there?", "200 metres")])]),
            "Bridge.html": _page(
                "Bridge",
                [
                    (
                        BRIDGE,
                        [
                            ("Who designed the bridge?", "Ana Ruiz & Sons"),
                            ("When will it open?", "March 3"),
                            ("What crosses the river?", "bridge"),  # twice in the paragraph: cannot be placed
                            ("What happened on March 3?", "It will open on March 3. The old"),  # two sentences
                        ],
                    )
                ],
            ),
        },
    )


def test_the_pages_give_each_paragraph_with_its_questions_and_answers_entities_decoded(explorer):
    articles = explorer_articles(explorer)
    assert [[p.context for p in article] for article in articles] == [[BRIDGE], [HARBOUR]]  # name order
    bridge = articles[0][0]
    assert [(q.question, q.answers) for q in bridge.questions][:2] == [
        ("Who designed the bridge?", ["Ana Ruiz & Sons"]),
        ("When will it open?", ["March 3"]),
    ]


def test_a_question_is_paired_with_every_sentence_of_its_paragraph_and_its_answers_one_is_the_positive(explorer):
    rows = list(squad_explorer_pairs(explorer, "squad11_train", questions=3))
    by_question: dict[str, list[tuple[str, int]]] = {}
    for row in rows:
        by_question.setdefault(row["question"], []).append((row["sentence"], row["label"]))
    assert by_question == {
        "Who designed the bridge?": [
            ("The bridge was designed by Ana Ruiz & Sons.", 1),
            ("It will open on March 3.", 0),
            ("The old bridge opened in 1901.", 0),
        ],
        "When will it open?": [
            ("The bridge was designed by Ana Ruiz & Sons.", 0),
            ("It will open on March 3.", 1),
            ("The old bridge opened in 1901.", 0),
        ],
        "How long are the ships that dock there?": [
            ("The harbour was dredged in 1990.", 0),
            ("Ships of 200 metres now dock there.", 1),
        ],
    }
    second = next(r for r in rows if r["sentence"] == "It will open on March 3.")
    assert second["before"] == "The bridge was designed by Ana Ruiz & Sons."
    assert {r["source"] for r in rows} == {"squad11_train"} and all(r["answerable"] for r in rows)


def test_every_article_gives_at_least_one_question_and_the_draw_repeats(explorer):
    drawn = {r["qid"] for r in squad_explorer_pairs(explorer, "squad11_train", questions=2)}
    again = {r["qid"] for r in squad_explorer_pairs(explorer, "squad11_train", questions=2)}
    assert drawn == again
    assert {qid.split(":")[1] for qid in drawn} == {"0", "1"}


def test_asking_for_more_questions_than_can_be_placed_is_refused(explorer):
    with pytest.raises(ValueError, match="has 3 questions whose answer can be placed, not 4"):
        list(squad_explorer_pairs(explorer, "squad11_train", questions=4))
