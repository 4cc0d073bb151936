"""Role sources in PolNeAR scoring ("the vice president said"): credited only as the article ties
the role (index/attribution/polnear.py, polnear_roles.py), on small hand-made PolNeAR lines."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace

from index.attribution.polnear import Scores, no_source, parse_line, score
from index.attribution.polnear_roles import role_holders, role_words, tokenize
from index.types import Sentence
from tests.support import polnear_line


def _scores(text: str, source: str, speaker: str, silver: str = "") -> Scores:
    """Scores when ``speaker`` is given to the one sentence with the annotated cue."""

    def speaker_on_the_cue(sentences: Sequence[Sentence], title: str) -> list[Sentence]:
        return [replace(s, speaker=speaker, verb="say") if f"{source} said" in s.text else s for s in sentences]

    return score([parse_line(polnear_line(text, source, silver=silver))], speaker_on_the_cue)


def _verdicts(result: Scores) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    return (
        (result.right, result.wrong, result.unscorable),
        (result.right_strict, result.wrong_strict, result.unscorable_strict),
    )


BIDEN = (
    "Biden in Scranton\n\n"
    "Vice President Joe Biden spoke in his home town on Monday.\n\n"
    "President Barack Obama stayed in Washington.\n\n"
    "The vice president said Clinton was the only choice."
)


def test_the_person_the_article_gives_the_role_is_right_and_strictly_wrong() -> None:
    result = _scores(BIDEN, "The vice president", "Joe Biden")
    assert _verdicts(result) == ((1, 0, 0), (0, 1, 0))
    assert result.precision == 1.0 and result.precision_strict == 0.0
    # Obama is "President", not "Vice President": the article gives this role to Biden only.
    assert _verdicts(_scores(BIDEN, "The vice president", "Barack Obama")) == ((0, 1, 0), (0, 1, 0))


def test_a_name_then_the_role_after_a_comma_ties_them() -> None:
    text = "Title\n\nPeskov, the Kremlin spokesman, spoke first.\n\nThe Kremlin spokesman said talks would go on."
    assert _verdicts(_scores(text, "The Kremlin spokesman", "Dmitry Peskov"))[0] == (1, 0, 0)


def test_someone_else_holding_the_role_makes_the_speaker_wrong() -> None:
    text = (
        "Kremlin answers\n\n"
        "Kremlin spokesman Dmitry Peskov spoke to reporters.\n\n"
        "Foreign Minister Sergei Lavrov was in Geneva.\n\n"
        "The Kremlin spokesman said no progress was made."
    )
    assert _verdicts(_scores(text, "The Kremlin spokesman", "Sergei Lavrov")) == ((0, 1, 0), (0, 1, 0))
    # The same surname with another first name is someone else: Hillary is not the former president.
    clintons = "Title\n\nBill Clinton, the former president, campaigned.\n\nThe former president said she would win."
    assert _verdicts(_scores(clintons, "The former president", "Hillary Clinton"))[0] == (0, 1, 0)
    assert _verdicts(_scores(clintons, "The former president", "Bill Clinton"))[0] == (1, 0, 0)


def test_a_role_the_article_ties_to_nobody_or_to_two_people_is_unscorable() -> None:
    untied = "Title\n\nBen Carson spoke in Iowa.\n\nThe candidate said he would stay in the race."
    assert _verdicts(_scores(untied, "The candidate", "Ben Carson")) == ((0, 0, 1), (0, 1, 0))
    two = (
        "Title\n\nTrump spokesman Jason Miller spoke.\n\nKremlin spokesman Dmitry Peskov also spoke.\n\n"
        "The spokesman said it was over."
    )
    assert _verdicts(_scores(two, "The spokesman", "Jason Miller"))[0] == (0, 0, 1)


def test_a_name_found_through_the_label_is_right_before_any_role_check() -> None:
    result = _scores(BIDEN, "The vice president", "Joe Biden", silver="Joe Biden")
    assert _verdicts(result) == ((1, 0, 0), (1, 0, 0))


def test_a_place_as_the_label_of_a_role_is_no_name() -> None:
    text = "Title\n\nNew Jersey Gov. Chris Christie spoke.\n\nThe New Jersey governor said it was over."
    result = _scores(text, "The New Jersey governor", "Chris Christie", silver="New Jersey")
    assert _verdicts(result) == ((1, 0, 0), (0, 1, 0))


def test_a_source_span_that_is_only_the_reporting_words_is_unscorable() -> None:
    text = 'Title\n\n"We will win," said Jane Doe.'
    start = text.index("said")
    line = json.dumps(
        {
            "id": "a1",
            "text": text,
            "attributions": [{"source": [[start, start + 4, "said"]], "cue": [[start, start + 4, "said"]]}],
        }
    )
    result = score([parse_line(line)], lambda s, t: [replace(x, speaker="Jane Doe", verb="say") for x in s])
    assert _verdicts(result) == ((0, 0, 1), (0, 1, 0))
    assert no_source(parse_line(line).gold[0])
    assert not no_source(parse_line(polnear_line(BIDEN, "The vice president")).gold[0])


def test_only_descriptions_of_one_person_are_roles() -> None:
    assert role_words("the vice president") is not None
    assert role_words("the Republican nominee") is not None
    for source in ("officials", "a spokesman", "some Democrats", "the candidates", "According to", "Mr. Trump", "he"):
        assert role_words(source) is None, source


def test_places_prepositions_and_other_roles_tie_nobody() -> None:
    tokens = tokenize("In Iowa, the senator spoke. During the campaign, Clinton said so. Vice President Joe Biden.")
    for source in ("the senator", "the campaign", "the president"):
        role = role_words(source)
        assert role is not None and role_holders(tokens, role) == frozenset(), source
    optional = role_words("the mega donor")
    assert optional is not None
    assert role_holders(tokenize("Top Republican Party donor Sheldon Adelson met Trump."), optional) == {
        "sheldon adelson"
    }
