"""A father and his son are two people: "Donald Trump Jr." is not Donald Trump, in who said what
(attribution) nor in the answer to "What did X say?"."""

from __future__ import annotations

import pytest

from index.attribution import attribute
from index.attribution.polnear import Gold, speaker_matches
from index.search.searcher import Searcher
from index.types import Sentence
from tests.support import searcher_fixture


def speakers(texts: list[str]) -> list[str | None]:
    sentences = [Sentence("a", i, i, 0, len(t), t) for i, t in enumerate(texts)]
    return [s.speaker for s in attribute(sentences, title="")]


def test_the_son_is_not_his_father() -> None:
    # It was "Donald Trump" for all four: the son's words passed for his father's.
    assert speakers(
        [
            "Donald Trump Jr. said the meeting was short.",
            "Donald Trump said the story was a hoax.",
            '"Fake news," Trump said.',
            "Trump Jr. added that he was proud of it.",
        ]
    ) == ["Donald Trump Jr.", "Donald Trump", "Donald Trump", "Donald Trump Jr."]


def test_a_surname_with_its_generation_tells_them_apart() -> None:
    # The article names only the son in full; "Mr. Trump Jr." shows that "Mr. Trump" is another.
    assert speakers(
        [
            "Donald Trump Jr., the candidate's eldest son, defended the meeting.",
            '"It was a short meeting," Mr. Trump Jr. said.',
            '"This is a witch hunt," Mr. Trump said.',
        ]
    ) == [None, "Donald Trump Jr.", "Trump"]


def test_a_first_name_and_a_generation_are_the_son_the_article_names_in_full() -> None:
    # "His son Donald Jr. announced" was nobody's.
    assert speakers(["Donald Trump Jr. spoke first.", "Then Donald Jr. announced the votes."]) == [
        None,
        "Donald Trump Jr.",
    ]
    assert speakers(["Donald Trump spoke first.", "His son Donald Jr. announced the votes."]) == [None, "Donald Jr."]


def test_a_generation_written_after_a_comma_is_part_of_the_name() -> None:
    assert speakers(["The eldest, Donald Trump, Jr., said he was proud."]) == ["Donald Trump Jr."]


def test_the_surname_alone_is_whoever_the_article_names_by_it() -> None:
    # NYT writes "Joseph R. Biden Jr." once, then "Mr. Biden".
    assert speakers(
        ["Vice President Joseph R. Biden Jr. said the remarks were dangerous.", '"We will see," Mr. Biden said.']
    ) == ["Joseph R. Biden Jr.", "Joseph R. Biden Jr."]


def test_the_son_named_just_before_is_not_the_one_a_surname_means() -> None:
    # Breitbart: the father is named once, in passing, right before the son speaks on.
    assert speakers(
        [
            '"Yes, I support Ted Cruz," Brent Bozell III, founder of the Media Research Center, said.',
            "Bozell was five when the statement was signed, and his father was Brent Bozell, Jr.",
            '"That is the new reality," Bozell says.',
        ]
    ) == ["Brent Bozell III", None, "Brent Bozell III"]


ARTICLES = [
    {
        "id": "tower",
        "title": "The eldest son on the meeting",
        "published": "2017-07-11",
        "text": "Donald Trump Jr. said the meeting at Trump Tower was short and produced nothing. "
        '"It was a waste of twenty minutes," Trump Jr. said.',
    },
    {
        "id": "rally",
        "title": "The candidate at a rally",
        "published": "2017-07-12",
        "text": "Donald Trump said the story about the meeting was a hoax. "
        '"My son is a wonderful young man," Trump said.',
    },
    {
        "id": "senate",
        "title": "The vice president on taxes",
        "published": "2016-09-30",
        "text": 'Vice President Joseph R. Biden Jr. said the tax plan was unfair. "Tell that to the janitor," '
        "Mr. Biden said.",
    },
    {
        "id": "wilmington",
        "title": "Biden at home",
        "published": "2016-10-01",
        "text": 'Joe Biden said the middle class was getting clobbered. "This is not a joke," Biden said.',
    },
]

family = searcher_fixture(ARTICLES, "generations")


def test_asking_for_the_father_shows_his_words_not_his_sons(family: Searcher) -> None:
    answer = family.answer("What did Donald Trump say?")
    assert {h.speaker for h in answer.hits} == {"Donald Trump"}
    assert answer.reason == "2 sentence(s) attributed to Donald Trump, 2 shown."


def test_asking_for_the_son_shows_his_words(family: Searcher) -> None:
    for asked in ("What did Donald Trump Jr. say?", "What did Trump Jr. say?"):
        answer = family.answer(asked)
        assert {h.speaker for h in answer.hits} == {"Donald Trump Jr."}, asked
        assert not answer.note.startswith("I found no quote"), asked


def test_the_surname_alone_finds_father_and_son_as_two_people(family: Searcher) -> None:
    answer = family.answer("What did Trump say?")
    assert {h.speaker for h in answer.hits} == {"Donald Trump", "Donald Trump Jr."}
    assert answer.note.endswith("Donald Trump (2 sentences) and Donald Trump Jr. (2 sentences).")


def test_one_man_named_with_and_without_his_generation_is_one_person(family: Searcher) -> None:
    answer = family.answer("What did Biden say?")
    assert {h.speaker for h in answer.hits} == {"Joseph R. Biden Jr.", "Joe Biden"}
    assert answer.reason == "4 sentence(s) attributed to Joe Biden and Joseph R. Biden Jr., 4 shown."


MENTIONS = [
    {
        "id": "danger",
        "title": "Biden on Trump",
        "published": "2016-06-07",
        "text": "Vice President Joseph R. Biden Jr. said Donald J. Trump's remarks had made him a danger to allies. "
        "The eldest son, Donald Trump Jr., was in the audience.",
    },
]

mentioned = searcher_fixture(MENTIONS, "generation_mentions")


@pytest.mark.parametrize("asked", ["What did Donald Trump Jr. say?", "What did Trump Jr. say?"])
def test_a_mention_of_the_son_is_his_name_written_together(mentioned: Searcher, asked: str) -> None:
    # It showed "Vice President Joseph R. Biden Jr. said Donald J. Trump's remarks ..." as a
    # mention of Donald Trump Jr.: each of the name's words was somewhere in the sentence.
    answer = mentioned.answer(asked)
    assert [h.sentence for h in answer.hits] == ["The eldest son, Donald Trump Jr., was in the audience."]
    assert answer.note.endswith("this sentence mentions " + asked.removeprefix("What did ").removesuffix(" say?") + ":")


def test_the_attribution_scorer_reads_the_surname_before_a_generation() -> None:
    # PolNeAR labels "Mr. Biden" as "Joseph R. Biden", without the "Jr." the speaker keeps.
    gold = Gold(
        cue=((0, 4),), content=((10, 40),), source_text="Mr. Biden", silver="Joseph R. Biden", speech=True, named=True
    )
    assert speaker_matches("Joseph R. Biden Jr.", gold)
    assert not speaker_matches("Hunter Biden Jr.", Gold(((0, 4),), ((10, 40),), "Mr. Trump", "", True, True))
    son = Gold(((0, 4),), ((10, 40),), "His son Donald Jr.", "His son Donald Jr.", True, True)
    assert speaker_matches("Donald Trump Jr.", son) and not speaker_matches("Donald Trump", son)
