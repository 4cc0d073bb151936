"""Who of two people sharing a surname speaks. A courtesy title tells: "Mrs. Clinton said" is
Hillary Clinton's beside Bill Clinton, "Mr. Trump said" Donald Trump's beside Ivanka Trump, and
"Mr. Obama said" no one's the article names in full when it names only Michelle Obama. Without
one, "Sanders said" is the Sanders the article has mentioned most, not the wife it names once in
passing; unless the other was named in full in the sentence just before."""

from __future__ import annotations

from tests.support import speakers_of as who


def test_mrs_is_the_woman_of_two_people_sharing_a_surname() -> None:
    got = who(
        "Hillary Clinton hinted that her husband, Bill Clinton, would have a role in her administration.",
        "Mrs. Clinton told voters in Kentucky that Mr. Clinton would revitalize the economy.",
        "“Nobody did it better,” Mrs. Clinton said on Monday.",
        "Mr. Clinton said on Thursday that he would leave the foundation's board.",
    )
    assert got[1:] == ["Hillary Clinton", "Hillary Clinton", "Bill Clinton"]


def test_mr_is_not_the_daughter_seen_last() -> None:
    got = who(
        "Donald J. Trump owns five aircraft.",
        "His daughter Ivanka Trump has flown on the Boeing.",
        "“It's like a new plane,” Mr. Trump said in a documentary.",
        "“It was a little more plane than I needed,” he wrote.",
    )
    assert got[2:] == ["Donald J. Trump", "Donald J. Trump"]


def test_a_title_of_the_other_gender_names_no_one_the_article_names_in_full() -> None:
    got = who(
        "Michelle Obama spoke at the gala dinner on Saturday.",
        "“Tolerance is on the ballot,” Mr. Obama said.",
    )
    assert got[1] != "Michelle Obama"
    assert got[1] == "Obama"


def test_a_title_decides_nothing_when_neither_first_name_tells_a_gender() -> None:
    # Neither "Ghazala" nor "Humayun" is a known first name: "Ms. Khan" goes to the Khan the
    # article has mentioned most (or named in full just before), as it does without a title, not
    # to whichever Khan a pronoun guessed wrong.
    got = who(
        "The parents, Khizr and Ghazala Khan, spoke at the convention.",
        "Mr. Khan said he had carried the Constitution.",
        "Ms. Khan said she had not spoken because she could not remain composed.",
        "Their son, Humayun Khan, was killed in Iraq in 2004.",
        "“He doesn't know what the word sacrifice means,” Ms. Khan wrote.",
    )
    assert got[2] == "Ghazala Khan"


def test_one_person_of_a_surname_is_still_read_without_a_title() -> None:
    got = who("Hillary Clinton spoke in Ohio.", "“We will win,” Clinton said.", "“We will win,” Mrs. Clinton said.")
    assert got[1:] == ["Hillary Clinton", "Hillary Clinton"]


def test_he_may_be_someone_named_only_with_a_title() -> None:
    # "Mr. Obama" and "President Obama" are a person "he" may mean, though the article never
    # writes "Obama" alone or in full.
    got = who(
        "Last week, President Obama flew to Midway Atoll.",
        "What Mr. Obama has seen instead are the charts and graphs of a warming planet.",
        "“And they're terrifying,” he said in a recent interview in Honolulu.",
    )
    assert got[2] == "Obama"


def test_a_title_before_a_plural_names_no_one() -> None:
    got = who(
        "One of South Sudan's Vice Presidents, Rebecca Nyandeng De Mabior, commented on the death.",
        "She said he was very honest.",
    )
    assert got == ["Rebecca Nyandeng De Mabior", "Rebecca Nyandeng De Mabior"]  # no one is "Presidents"


def test_her_as_an_object_tells_nothing_of_the_subjects_gender() -> None:
    got = who(
        "Hillary Clinton used a private server.",
        "Mrs. Clinton has always maintained that the server was secure.",
        "President Obama backed her up in an interview on CBS.",
        "''I don't think it posed a national security problem,'' he said.",
    )
    assert got[3] == "Obama"  # "her" is Mrs. Clinton, so Obama may still be "he"


def test_a_surname_is_the_person_mentioned_most_not_the_one_named_last() -> None:
    got = who(
        "Bernie Sanders came to Syracuse on Friday.",
        "Sanders praised the candidate he had come to support.",
        "At the urging of his wife, Jane Sanders, he has been talking to aides about a new group.",
        "The crowd was smaller than in April.",
        "“We really can win on Tuesday,” said Sanders as he closed out.",
        "“You got the names of everybody who's here?” Sanders said.",
    )
    assert got[4:] == ["Bernie Sanders", "Bernie Sanders"]


def test_a_surname_right_after_the_other_person_is_named_in_full_is_theirs() -> None:
    got = who(
        "Jeh Johnson spoke about election security on Monday.",
        "Johnson said the systems were safe.",
        "Johnson warned of hackers.",
        "The Libertarian candidate, Gary Johnson, was campaigning in Ohio.",
        "“We will be on every ballot,” Johnson said.",
        "The polls opened at seven.",
        "“There is no single point of failure,” Johnson said of the counting systems.",
    )
    assert got[4] == "Gary Johnson"  # named in full just before
    assert got[6] == "Jeh Johnson"  # the Johnson the article is about


def test_the_words_around_a_surname_tell_which_of_a_couple_speaks() -> None:
    got = who(
        "Ted Cruz spoke in Iowa on Monday.",
        "His wife, Heidi Cruz, joined him on the stage, and Heidi Cruz waved to the crowd.",
        "“I am not in the habit of supporting people who attack my wife,” Cruz said.",
        "Bill Clinton and Hillary Clinton toured Ohio, where Bill Clinton spoke first and Bill Clinton spoke last.",
        "Clinton told the crowd that she would raise the minimum wage.",
        "In her memoir, Clinton wrote about the campaign.",
        "Clinton said the plan would cost too much.",
    )
    assert got[2] == "Ted Cruz"  # his wife's name is the one seen most and last, but "my wife" is his
    assert got[4:6] == ["Hillary Clinton", "Hillary Clinton"]  # "she" after the verb, "her" before the name
    assert got[6] == "Hillary Clinton"  # the Clinton who spoke in the sentence before goes on


def test_one_named_in_full_beside_another_of_that_surname_is_not_the_one_who_speaks_next() -> None:
    # NYT: "Mrs. Clinton replied" was Chelsea Clinton's, named in full in the sentence before, which
    # also wrote to Mrs. Clinton; Politico: "Murphy said" was Anne Marie Murphy's, whom Chris Murphy
    # paid tribute to.
    got = who(
        "Hillary Clinton faced questions about the foundation.",
        "Mrs. Clinton was secretary of state at the time.",
        "The ambassador wrote to Mrs. Clinton about a visit by Chelsea Clinton and her husband.",
        "Mrs. Clinton replied, “As you know, hearing nice things about your children is as good as it gets.”",
    )
    assert got[3] == "Hillary Clinton"
    got = who(
        "Chris Murphy led the filibuster.",
        "Murphy delivered a tribute to a teacher’s aide, Anne Marie Murphy, who died shielding a boy.",
        "“It doesn’t take courage to stand here on the floor of the Senate,” Murphy said.",
    )
    assert got[2] == "Chris Murphy"


def test_of_two_sharing_a_surname_the_one_who_just_spoke_goes_on() -> None:
    # The Blaze: 'Clinton said, "She was the most popular political figure in America."' went to
    # Hillary Clinton, named more often, after Bill Clinton had spoken of her.
    got = who(
        "Hillary Clinton campaigned in Iowa on Monday.",
        "Hillary Clinton spoke about jobs, and Hillary Clinton spoke about trade.",
        "On the campaign trail for his wife, front-runner Hillary Clinton, former president Bill Clinton said his "
        "wife was uniquely qualified.",
        "Clinton said, “She was the most popular political figure in America.”",
    )
    assert got[2:] == ["Bill Clinton", "Bill Clinton"]
    # ... but not one the sentence before calls by a first name alone
    got = who(
        "Betsy Ebeling and her husband set out to knock on doors.",
        "Ebeling had known Hillary since sixth grade, and Ebeling said so.",
        "Her husband is Tom Ebeling.",
        "“This is one of Hillary’s friends,” Tom told a neighbour.",
        "“We live in Chicago,” Ebeling said.",
    )
    assert got[4] == "Betsy Ebeling"
