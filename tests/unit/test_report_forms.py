"""Reports written in less usual forms: a base form after "did"/"does", a subject after an
opening phrase that starts with a preposition such as "By" or "Within", and a speaker named
after an organisation written with digits ("COP26 president Alok Sharma")."""

from tests.support import speakers_of


def test_a_report_after_did_or_does_has_its_subject_as_speaker() -> None:
    assert speakers_of("Tim Allen did suggest that the mogul's wealth gives him an advantage.") == ["Tim Allen"]
    assert speakers_of("Mr. Trump does tell supporters that he will win.") == ["Trump"]


def test_a_report_denied_or_asked_about_has_no_speaker() -> None:
    assert speakers_of("Tim Allen did not suggest that the mogul was rich.") == [None]
    assert speakers_of("Tim Allen didn't argue that.") == [None]
    assert speakers_of("Did Tim Allen suggest a ban?") == [None]


def test_the_subject_after_an_opening_phrase_of_by_or_within_speaks() -> None:
    assert speakers_of(
        "By the end of the day, Mr. Trump was forced into a rare moment of damage control and said that "
        "his words had been misconstrued."
    ) == ["Trump"]


def test_the_preposition_opening_a_sentence_is_no_speaker() -> None:
    assert speakers_of(
        "Within roughly a day before the event, the security service arrested 33 people, claiming them to be "
        "mercenaries."
    ) == [None]


def test_a_name_written_with_digits_is_one_word() -> None:
    # "L2" and "COP26" are one name each: the president after them is the speaker, not "L" or "COP"
    assert speakers_of('"It was a sizable purchase of data," said L2 president Bruce Willsie.') == ["Bruce Willsie"]
    assert speakers_of('"We made progress," said COP26 president Alok Sharma.') == ["Alok Sharma"]
