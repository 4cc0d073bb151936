"""Questions asking who holds a role (index/search/holders.py, answering.py's route)."""

from __future__ import annotations

import pytest

from index.search.holders import RoleQuery, holder_in, parse_role
from index.search.searcher import Searcher
from tests.support import searcher_fixture


@pytest.mark.parametrize(
    ("question", "head", "qualifiers", "modifiers"),
    [
        ("Who is Clinton's campaign manager?", "manager", ("clinton",), ("campaign",)),
        ("Who is Trey Gowdy’s spokesman?", "spokesman", ("gowdy",), ()),
        ("Who is the vice chairwoman of Clinton's presidential campaign?", "chairwoman", ("clinton",), ("vice",)),
        ("Who is the US ambassador to NATO?", "ambassador", ("us", "nato"), ()),
        ("who was the CEO of Apple", "ceo", ("apple",), ()),
        ("Who is the Kremlin spokesman?", "spokesman", ("kremlin",), ()),
        ("Who leads NATO?", "leader", ("nato",), ()),
        # What is led, as the leader's role must write it too.
        ("Who led the US delegation to the talks?", "leader", ("us",), ("delegation",)),
        ("Who runs the Benghazi committee?", "leader", ("benghazi",), ("committee",)),
        # An institution by every word of its name, a person by the surname.
        ("Who is the president of Stanford University?", "president", ("stanford", "university"), ()),
        # What an apposition or a relative clause says of the holder or the institution is left out.
        (
            "Who is the chief strategist at Priorities USA, the pro-Clinton super PAC?",
            "strategist",
            ("usa",),
            ("chief",),
        ),
        ("Who is the Kremlin spokesman who spoke to reporters on Monday?", "spokesman", ("kremlin",), ()),
    ],
)
def test_a_question_asking_who_holds_a_role(
    question: str, head: str, qualifiers: tuple[str, ...], modifiers: tuple[str, ...]
) -> None:
    role = parse_role(question)
    assert role is not None
    assert (role.head, role.qualifiers, role.modifiers) == (head, qualifiers, modifiers)


@pytest.mark.parametrize(
    "question",
    [
        "Who is Wendy Sherman?",  # a person, not a role
        "Who was the gunman in the Pulse nightclub shooting?",  # no title word
        "Who is the manager's favourite player?",  # the role is not what is asked
        "What did the Kremlin spokesman say?",
        "Who led the talks?",  # no name says whose leader
        # Only the relative clause tells which judge: no role to look for.
        "Who was the judge who gave Paul Manafort his second prison sentence?",
        "",
    ],
)
def test_other_questions_ask_no_holder(question: str) -> None:
    assert parse_role(question) is None


def _role(question: str) -> RoleQuery:
    role = parse_role(question)
    assert role is not None
    return role


@pytest.mark.parametrize(
    ("question", "sentence", "holder"),
    [
        (
            "Who is Clinton's campaign manager?",
            "When Robby Mook, Clinton’s campaign manager was asked, he laughed.",
            "Robby Mook",
        ),
        ("Who is Clinton's campaign manager?", "Clinton campaign manager Robby Mook wrote a memo.", "Robby Mook"),
        (
            "Who is Trey Gowdy's spokesman?",
            '"We disagree," Gowdy spokesman Jamal Ware said in a statement.',
            "Jamal Ware",
        ),
        (
            "Who is the vice chairwoman of Clinton's presidential campaign?",
            "Huma Abedin, vice chairwoman for Clinton’s presidential campaign, emailed supporters.",
            "Huma Abedin",
        ),
        (
            "Who is the US ambassador to NATO?",
            '"We stand united," U.S. Ambassador to NATO Julianne Smith said.',
            "Julianne Smith",
        ),
        (
            "Who is Trump's campaign manager?",
            "In Jupiter, Fla., the Trump campaign manager, Corey Lewandowski, yanked her arm.",
            "Corey Lewandowski",
        ),
        (
            "Who is the president of Stanford University?",
            "Gorbachevs meet Stanford University President Donald Kennedy and his wife.",
            "Donald Kennedy",
        ),
        ("Who leads NATO?", "Sherman met NATO Secretary-General Jens Stoltenberg on Tuesday.", "Jens Stoltenberg"),
        ("Who heads the DNC?", "DNC chairwoman Debbie Wasserman Schultz resigned.", "Debbie Wasserman Schultz"),
        ("Who leads the Clinton campaign?", "Clinton campaign chairman John Podesta wrote.", "John Podesta"),
        (
            "Who runs the Benghazi committee?",
            "Benghazi Committee Chairman Trey Gowdy (R-S.C) sent a letter.",  # the name ends at the bracket
            "Trey Gowdy",
        ),
    ],
)
def test_a_sentence_naming_the_holder(question: str, sentence: str, holder: str) -> None:
    assert holder_in(sentence, _role(question)) == holder


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        # Another one's campaign manager, before or after the name.
        ("Who is Clinton's campaign manager?", "Sanders campaign manager Jeff Weaver said the Clinton campaign erred."),
        ("Who is Clinton's campaign manager?", "Jeff Weaver, Sanders’ campaign manager, said Clinton lost."),
        # The man himself, not his spokesman.
        ("Who is Trey Gowdy's spokesman?", "He won nods from Gov. Nikki Haley and Rep. Trey Gowdy."),
        # The deputy is not the secretary; the secretary is not the deputy.
        ("Who is the secretary of state?", "U.S. Deputy Secretary of State Wendy Sherman led the talks."),
        ("Who is the deputy secretary of state?", "Kuleba told U.S. Secretary of State Antony Blinken so."),
        ("Who is Clinton's campaign manager?", "The campaign manager said nothing."),  # no one named
        ("Who is the president of Stanford University?", "William Chace, president of Wesleyan University, wrote."),
        ("Who heads the DNC?", "DNC CHAIR DEBBIE WASSERMAN SCHULTZ RESIGNS"),  # a headline, no name to read
        # The leader of the US is not the leader of the US delegation, nor of the Clinton campaign.
        ("Who led the US delegation?", "U.S. President Joe Biden and Putin held two phone calls in December."),
        ("Who leads the Clinton campaign?", "Clinton campaign spokesman Brian Fallon said so."),
    ],
)
def test_a_sentence_that_names_no_holder_of_the_role(question: str, sentence: str) -> None:
    assert holder_in(sentence, _role(question)) is None


def test_who_holds_a_role_is_answered_from_the_sample_article(sample_searcher: Searcher) -> None:
    answer = sample_searcher.answer("Who is the US ambassador to NATO?")
    assert not answer.declined
    assert [h.sentence.endswith("Ambassador to NATO Julianne Smith said on January 11.") for h in answer.hits] == [True]
    assert answer.reason == "1 sentence(s) name who holds the role of the US ambassador to NATO: Julianne Smith."
    nato = sample_searcher.answer("Who leads NATO?")
    assert nato.reason == "1 sentence(s) name who holds the role of the leader of NATO: Jens Stoltenberg."
    assert "NATO Secretary-General Jens Stoltenberg" in nato.hits[0].sentence
    sherman = sample_searcher.answer("Who is the deputy secretary of state?")
    assert sherman.hits[0].sentence.startswith("U.S. Deputy Secretary of State Wendy Sherman")
    # "U.S. President Joe Biden" leads the US, not its delegation: the sentence saying who led the
    # talks is shown, not Biden's.
    delegation = sample_searcher.answer("Who led the US delegation?")
    assert "holds the role" not in delegation.reason
    assert delegation.hits[0].sentence.startswith("U.S. Deputy Secretary of State Wendy Sherman, who led those talks")


CAMPAIGNS = [
    {
        "id": "race-1",
        "title": "Campaigns trade blows before the vote",
        "published": "2024-02-01",
        "text": "\n\n".join(
            [
                "Sanders campaign manager Jeff Weaver said the Clinton campaign was spending heavily on ads.",
                "The Clinton campaign manager declined to comment on the ads.",
                "Clinton aides said the campaign would spend more in Iowa.",
            ]
        ),
    },
    {
        "id": "race-2",
        "title": "Clinton memo on the delegate count",
        "published": "2024-02-03",
        "text": "\n\n".join(
            [
                "In a memo, Clinton campaign manager Robby Mook said the delegate math favoured her.",
                "The memo was sent to reporters on Tuesday.",
            ]
        ),
    },
]


campaigns = searcher_fixture(CAMPAIGNS, "campaigns")


@pytest.mark.parametrize(
    "question",
    [
        "Who is Clinton's campaign manager?",
        "Who is the campaign manager of Clinton, whose aides spoke of Iowa?",  # no qualifier in the aside
    ],
)
def test_the_holder_is_shown_not_another_campaigns_manager(campaigns: Searcher, question: str) -> None:
    answer = campaigns.answer(question)
    assert [h.sentence for h in answer.hits] == [
        "In a memo, Clinton campaign manager Robby Mook said the delegate math favoured her."
    ]
