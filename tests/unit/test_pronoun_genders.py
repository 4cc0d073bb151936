"""A person's gender learned from the pronouns of the story, when no name list knows the first name:
every pronoun votes, so one that means someone else does not decide."""

from tests.support import speakers_of


def test_one_pronoun_meaning_someone_else_does_not_make_a_woman_a_man() -> None:
    # "Hatice" is in no name list; "his killers" are the journalist's, and "She explained" is hers.
    assert speakers_of(
        "Hatice Cengiz, the fiancee of the journalist, said his killers must be punished.",
        "She explained that she had waited outside the consulate for hours.",
    ) == ["Hatice Cengiz", "Hatice Cengiz"]


def test_the_pronouns_of_the_whole_story_outvote_the_first() -> None:
    # The governor's "his record" comes first, then two pronouns of hers: her quote is hers,
    # not the opposition leader's.
    assert speakers_of(
        "Ngozi Adeyemi said the governor had failed the state.",
        "Critics of the governor questioned his record, and she answered them by saying her plan would create jobs.",
        "Peter Obi, an opposition leader, disagreed.",
        '"We will win this state," she said.',
    ) == ["Ngozi Adeyemi", None, None, "Ngozi Adeyemi"]


def test_people_in_the_plural_never_become_he_or_she() -> None:
    # The pronouns after "Prosecutors argued" are Lazar's: a later "he told" is not the prosecutors'.
    got = speakers_of(
        "Marius Lazar was sentenced on Thursday.",
        "Prosecutors argued that although Lazar confessed, he showed no remorse.",
        "He was on probation when he began hacking.",
        'If he could talk to his younger self, prosecutors say that he told one agent, "I\'d do it again."',
    )
    assert got[1] == "Prosecutors"
    assert got[3] != "Prosecutors"
