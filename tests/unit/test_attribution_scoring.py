"""scripts/evaluate_attribution.py's scoring (index/attribution/polnear.py) on a hand-made PolNeAR line."""

from __future__ import annotations

import json
from pathlib import Path

from index.attribution import attribute
from index.attribution.polnear import is_name, parse_line, score
from tests.support import polnear_line, run_script

TEXT = (
    "Title line\n\n"
    '"We will win," Donald Trump said.\n\n'
    '"It is over," he added.\n\n'
    "Officials said the vote was close.\n\n"
    "Trump met Hillary Clinton later."
)


def _span(part: str) -> list[object]:
    start = TEXT.index(part)
    return [start, start + len(part), part]


LINE = json.dumps(
    {
        "id": "a1",
        "text": TEXT,
        "attributions": [
            {"source": [_span("Donald Trump")], "cue": [_span("said")], "content": [_span('"We will win,"')]},
            {
                "source": [[TEXT.index("he added"), TEXT.index("he added") + 2, "he"]],
                "cue": [_span("added")],
                "content": [_span('"It is over,"')],
                "source_coref_silver": "Donald Trump",
            },
            {"source": [_span("Officials")], "cue": [[TEXT.index("said the"), TEXT.index("said the") + 4, "said"]]},
        ],
    }
)


def test_paragraphs_and_attributions_are_read_with_their_offsets() -> None:
    item = parse_line(LINE)
    assert item.article.title == "Title line"
    assert item.article.paragraphs[0] == '"We will win," Donald Trump said.'
    assert [g.named for g in item.gold] == [True, False, False]
    assert all(g.speech for g in item.gold)


def test_right_speakers_count_and_a_named_source_found_is_recall() -> None:
    result = score([parse_line(LINE)], lambda s, t: attribute(s, title=t))
    assert (result.right, result.wrong) == (2, 0)  # "he" is right through its silver label
    assert (result.named_speech, result.named_found) == (1, 1)
    assert result.precision == 1.0 and result.name_recall == 1.0 and result.errors == ()


def test_a_false_speaker_is_wrong_and_a_missed_name_lowers_recall() -> None:
    def everyone_is_clinton(sentences, title):  # type: ignore[no-untyped-def]
        return [s.__class__(**{**s.__dict__, "speaker": "Hillary Clinton", "verb": "say"}) for s in sentences]

    result = score([parse_line(LINE)], everyone_is_clinton)
    assert result.right == 0 and result.wrong == 4 and result.name_recall == 0.0


def test_groups_descriptions_and_pronouns_are_not_names() -> None:
    assert is_name("Mr. Trump") and is_name("The New York Post")
    assert not any(
        is_name(s) for s in ("he", "officials", "the campaign", "Some Democrats", "a New Hampshire Republican")
    )


def test_script_prints_the_figures_as_json(tmp_path: Path) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text(LINE + "\n", encoding="utf-8")
    done = run_script("evaluate_attribution.py", "--polnear", str(path), "--json")
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    assert figures["precision"] == 1.0 and figures["name_recall"] == 1.0 and figures["sentences_per_second"] > 0
    assert figures["precision_strict"] == 1.0 and (figures["right_strict"], figures["wrong_strict"]) == (2, 0)


def test_a_speaker_with_two_surnames_matches_a_source_written_with_the_first() -> None:
    text = "Title line\n\nMelba Acosta Febo runs the bank.\n\n''We need Chapter 9,'' said Ms. Acosta."
    cue = text.index("said Ms")
    line = json.dumps(
        {
            "id": "a2",
            "text": text,
            "attributions": [
                {
                    "source": [[cue + 5, cue + 15, "Ms. Acosta"]],
                    "cue": [[cue, cue + 4, "said"]],
                    "content": [[text.index("''We"), cue - 1, "''We need Chapter 9,''"]],
                }
            ],
        }
    )
    result = score([parse_line(line)], lambda s, t: attribute(s, title=t))
    assert (result.right, result.wrong, result.named_found) == (1, 0, 1)

    # without a first name before them, two words are no such surnames: the last must match
    def someone_else(sentences, title):  # type: ignore[no-untyped-def]
        return [
            s.__class__(
                **{**s.__dict__, "speaker": "Team Acosta Smith" if "Chapter" in s.text else None, "verb": "say"}
            )
            for s in sentences
        ]

    assert score([parse_line(line)], someone_else).wrong == 1


def test_a_source_labelled_with_a_first_name_alone_matches_that_person() -> None:
    text = "Title line\n\nBetsy Ebeling grew up with her.\n\n“We live in Chicago,” she said."

    def found(silver: str) -> tuple[int, int]:
        result = score([parse_line(polnear_line(text, "she", silver=silver))], lambda s, t: attribute(s, title=t))
        return result.right, result.wrong

    assert found("Betsy") == (1, 0)
    assert found("Tom") == (0, 1)  # another first name is someone else
