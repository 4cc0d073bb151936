"""Roles and titles: "what did the Kremlin spokesman say?" finds the person the articles give
that role, article by article (roles change hands), and never someone merely near the role."""

from __future__ import annotations

import pytest

from index.search.roles import holders_in, is_institution, is_role
from index.search.searcher import Searcher
from tests.support import searcher_fixture

ARTICLES = [
    {
        "id": "talks-2022",
        "title": "Kremlin sees no progress in talks",
        "published": "2022-01-11",
        "text": "Kremlin spokesman Dmitry Peskov said the talks were open but led nowhere.\n\n"
        '"We see no reason to be optimistic," Peskov said.\n\n'
        "Chancellor Olaf Scholz said Germany would stay united with its allies.",
    },
    {
        "id": "briefing-2012",
        "title": "A briefing in Moscow",
        "published": "2012-05-02",
        "text": "Alexei Volkov, the Kremlin spokesman, said the summit would go ahead.\n\n"
        '"Nothing has been decided about the venue," Volkov added.',
    },
    {
        "id": "economy-2022",
        "title": "Markets steady",
        "published": "2022-03-01",
        "text": '"Prices will stabilise this year," Peskov said at an economic forum.\n\n'
        "Analysts expect the central bank to hold its rate.",
    },
    {
        "id": "budget-2005",
        "title": "Budget date set",
        "published": "2005-02-10",
        "text": "The chancellor, Gordon Brown, said the budget would be on 16 March.\n\n"
        '"This is a budget for families," Brown said.',
    },
    {
        "id": "refugees-2015",
        "title": "Merkel visits a shelter",
        "published": "2015-09-10",
        "text": "Chancellor Angela Merkel visited a refugee shelter in Berlin on Thursday.\n\n"
        "Merkel's spokesman Steffen Seibert said the visit had lasted two hours.\n\n"
        '"She listened to every family," Seibert said.',
    },
    {
        "id": "drills-2016",
        "title": "Drills go ahead",
        "published": "2016-06-14",
        "text": "The Pentagon said the drills near the border would go ahead as planned.\n\n"
        "Pentagon spokesman Jeff Davis said two more ships would join them.\n\n"
        '"Nothing about our posture has changed," Davis said.',
    },
    {
        "id": "emails-2016",
        "title": "Emails recovered",
        "published": "2016-07-13",
        "text": "Hillary Clinton said she had never sent classified material by email.\n\n"
        "In asking to depose Clinton, Judicial Watch noted FBI Director James Comey said agents had recovered "
        "thousands of emails.\n\n"
        '"We found work-related emails that were never returned," Comey told the committee.\n\n'
        "The FBI said it would release its interview notes.",
    },
]


searcher = searcher_fixture(ARTICLES, "roles")


def _shown(searcher: Searcher, question: str) -> list[str]:
    return [hit.sentence for hit in searcher.answer(question).hits]


def test_a_role_finds_each_articles_holder_and_only_their_quotes_in_that_article(searcher: Searcher) -> None:
    answer = searcher.answer("What did the Kremlin spokesman say?")
    shown = [hit.sentence for hit in answer.hits]
    assert not answer.declined
    assert "Kremlin spokesman Dmitry Peskov said the talks were open but led nowhere." in shown
    assert '"We see no reason to be optimistic," Peskov said.' in shown
    assert "Alexei Volkov, the Kremlin spokesman, said the summit would go ahead." in shown
    # Peskov's quote in an article that does not call him the spokesman is not the spokesman's.
    assert '"Prices will stabilise this year," Peskov said at an economic forum.' not in shown
    assert "Alexei Volkov" in answer.note and "Dmitry Peskov" in answer.note


def test_a_title_alone_and_an_apposition_find_the_holder(searcher: Searcher) -> None:
    shown = _shown(searcher, "what did the chancellor say?")
    assert "The chancellor, Gordon Brown, said the budget would be on 16 March." in shown
    assert "Chancellor Olaf Scholz said Germany would stay united with its allies." in shown
    assert all("Peskov" not in s and "Volkov" not in s for s in shown)


def test_a_role_no_article_gives_anyone_is_declined_not_passed_to_someone_else(searcher: Searcher) -> None:
    answer = searcher.answer("What did the finance minister say?")
    assert answer.declined and not answer.hits
    assert "in these articles" not in answer.note


def test_a_name_is_still_a_name(searcher: Searcher) -> None:
    shown = _shown(searcher, "what did Peskov say?")
    assert '"Prices will stabilise this year," Peskov said at an economic forum.' in shown


@pytest.mark.parametrize(
    ("text", "role", "holders"),
    [
        ("During a call, Kremlin spokesman Dmitry Peskov said so.", "Kremlin spokesman", ["Dmitry Peskov"]),
        ("Dmitry Peskov, the Kremlin spokesman, said so.", "Kremlin spokesman", ["Dmitry Peskov"]),
        ("The Kremlin's spokesman, Dmitry Peskov, said so.", "Kremlin spokesman", ["Dmitry Peskov"]),
        ("U.S. Deputy Secretary of State Wendy Sherman briefed NATO.", "deputy secretary of state", ["Wendy Sherman"]),
        ("The chancellor, Gordon Brown, said so.", "chancellor", ["Gordon Brown"]),
        ("Dan McCoy-Hill, the spokesman, said so.", "spokesman", ["Dan McCoy-Hill"]),
        ("Nabil Hasan al-Quaety, the spokesman, said so.", "spokesman", ["Quaety"]),
        # What the role is "to" may come between it and the name; initials with or without dots.
        ('"We stand united," U.S. Ambassador to NATO Julianne Smith said.', "US ambassador", ["Julianne Smith"]),
        ('"We stand united," U.S. Ambassador to NATO Julianne Smith said.', "U.S. ambassador", ["Julianne Smith"]),
        ("The Kremlin spokesman declined to comment.", "Kremlin spokesman", []),
        ("Peskov met the Kremlin spokesman on Monday.", "Kremlin spokesman", []),
        # A role word after a title is a surname: no king here, and Karen Robison is none.
        ("One local woman, Karen Robison, pulled Rep. King aside after the event.", "king", []),
        ("Julianne Smith, the U.S. ambassador to NATO, said so.", "ambassador", ["Julianne Smith"]),
        # A verb of saying between a name and the role opens a clause about someone else.
        ("Asked of Clinton, Judicial Watch noted FBI Director James Comey said so.", "FBI director", ["James Comey"]),
        ("James Comey, then the FBI director, said so.", "FBI director", ["James Comey"]),
        # A word that makes the role another one gives it to no one, unless it is asked
        ("Vice President Joe Biden said no.", "president", []),
        ("Vice President Joe Biden said no.", "vice president", ["Joe Biden"]),
        ("Joe Biden, the vice president, said no.", "president", []),
        ("Former President Bill Clinton agreed.", "president", []),
        ("Former NAACP president Ben Jealous agreed.", "president", []),
        ("Her husband, former President Bill Clinton, agreed.", "former president", ["Bill Clinton"]),
        ("In her pursuit of the nomination for president, Hillary Rodham Clinton has emphasized it.", "president", []),
        ("President Barack Obama said yes.", "president", ["Barack Obama"]),
    ],
)
def test_the_holder_is_read_next_to_the_role(text: str, role: str, holders: list[str]) -> None:
    assert holders_in(text, role) == holders


def test_only_a_name_ending_in_a_role_or_title_is_a_role() -> None:
    assert is_role("Kremlin spokesman") and is_role("chancellor") and is_role("deputy secretary of state")
    assert not is_role("Peskov") and not is_role("Dmitry Peskov") and not is_role("")


def test_the_us_ambassadors_words_are_smiths_on_the_sample_article(sample_searcher: Searcher) -> None:
    answer = sample_searcher.answer("What did the US ambassador say?")
    assert answer.reason.endswith("attributed to Julianne Smith, 5 shown.")
    assert "Julianne Smith" in answer.note


def test_an_institution_no_one_is_quoted_as_speaks_through_its_spokesman(searcher: Searcher) -> None:
    answer = searcher.answer("What did the Kremlin say?")
    shown = [hit.sentence for hit in answer.hits]
    assert not answer.declined
    assert "Kremlin spokesman Dmitry Peskov said the talks were open but led nowhere." in shown
    assert "Alexei Volkov, the Kremlin spokesman, said the summit would go ahead." in shown
    # what Peskov said where no article calls him the Kremlin's spokesman is not the Kremlin's word
    assert '"Prices will stabilise this year," Peskov said at an economic forum.' not in shown
    assert answer.note.startswith("The Kremlin spokesman in these articles: Alexei Volkov and Dmitry Peskov.")


def test_a_persons_spokesman_does_not_speak_for_them(searcher: Searcher) -> None:
    answer = searcher.answer("What did Merkel say?")
    assert "in these articles" not in answer.note  # Seibert's words are not hers
    assert answer.note.startswith("I found no quote attributed to Merkel")


def test_an_institution_that_is_quoted_speaks_through_its_spokesman_too(searcher: Searcher) -> None:
    answer = searcher.answer("What did the Pentagon say?")
    assert {hit.sentence for hit in answer.hits} == {
        "The Pentagon said the drills near the border would go ahead as planned.",
        "Pentagon spokesman Jeff Davis said two more ships would join them.",
        '"Nothing about our posture has changed," Davis said.',
    }
    assert answer.note.startswith("The Pentagon spokesman in these articles: Jeff Davis.")
    # a person's full name is no institution: their own quotes only
    assert is_institution("Pentagon") and is_institution("White House") and not is_institution("Jeff Davis")


def test_a_role_of_a_quoted_institution_is_its_holders(searcher: Searcher) -> None:
    # The FBI is quoted itself; its director is the person the articles give that role.
    answer = searcher.answer("What did the FBI director say?")
    shown = [hit.sentence for hit in answer.hits]
    assert answer.note.startswith("The FBI director in these articles: James Comey.")
    assert '"We found work-related emails that were never returned," Comey told the committee.' in shown
    assert "The FBI said it would release its interview notes." not in shown
    assert not any(sentence.startswith("Hillary Clinton said") for sentence in shown)
    # The institution itself: its own words.
    assert "The FBI said it would release its interview notes." in _shown(searcher, "What did the FBI say?")


PRESIDENTS = [
    {
        "id": "rally",
        "title": "Clinton rallies in Ohio",
        "published": "2016-10-01",
        "text": 'Former President Bill Clinton stood by her side. "We are in this together," Hillary Clinton said.',
    },
    {
        "id": "scranton",
        "title": "Biden in Scranton",
        "published": "2016-10-02",
        "text": 'Vice President Joe Biden returned to Scranton. "This is home," Biden said.',
    },
    {
        "id": "house",
        "title": "Obama on the economy",
        "published": "2016-10-03",
        "text": 'President Barack Obama spoke on Monday. "The economy is strong," Obama said.',
    },
]

presidents = searcher_fixture(PRESIDENTS, "presidents")


def test_the_president_is_not_the_vice_president_nor_a_former_one(presidents: Searcher) -> None:
    # PolNeAR: "What did the president say?" gave Joe Biden's and Bill Clinton's quotes too.
    assert {h.speaker for h in presidents.answer("What did the president say?").hits} == {"Barack Obama"}
    assert {h.speaker for h in presidents.answer("What did the vice president say?").hits} == {"Joe Biden"}


def test_a_role_given_to_a_name_is_not_someone_else_of_that_surname(presidents: Searcher) -> None:
    # "former President Bill Clinton" gave his role to the Hillary Clinton quoted in that article.
    answer = presidents.answer("What did the former president say?")
    assert all(h.speaker != "Hillary Clinton" for h in answer.hits)
