"""A dash typed as "--" or as a hyphen between spaces sets off an aside as "—" does: the speaker
before it still says what follows it."""

from tests.support import speakers_of


def test_an_aside_between_double_hyphens_leaves_its_speaker_the_subject() -> None:
    assert speakers_of(
        "Aaron Kall -- co-editor of a book about the primary debates -- said the candidate liked to make news there."
    ) == ["Aaron Kall"]


def test_an_aside_between_spaced_hyphens_leaves_its_speaker_the_subject() -> None:
    assert speakers_of(
        'GOP front-runner Donald Trump - who previously said he would "bomb" the oil fields - said at a rally '
        "that the borders should close."
    ) == ["Donald Trump"]
    assert speakers_of(
        "On his way out, Mr. Bush - in a line aimed at his rival - declared that a president must serve everyone."
    ) == ["Bush"]


def test_a_dateline_before_a_spaced_hyphen_is_no_part_of_the_sentence() -> None:
    assert speakers_of(
        "ORLANDO, Fla. (Reuters) - President Barack Obama met survivors of the attack and said the country must act."
    ) == ["Barack Obama"]


def test_a_hyphen_inside_a_word_or_a_score_is_no_dash() -> None:
    assert speakers_of("Jean-Pierre Dupont said the vote was close.") == ["Jean-Pierre Dupont"]
    assert speakers_of("The final score was 3 - 2, and coach Ann Reyes said it was deserved.")[0] == "Ann Reyes"
