"""A question asking what someone or something is called is not answered by a sentence that calls
it nothing (persons.py, ``lacks_asked_name``; decline.py): "Gary Johnson's doctor is calling the
candidate fit" does not say who the doctor is."""

from __future__ import annotations

import pytest

from index.search.persons import lacks_asked_name
from index.search.query import Tokenizers, parse_query
from index.search.searcher import Searcher
from tests.support import searcher_fixture

ARTICLES = [
    {
        "id": "johnson",
        "title": "Johnson's health",
        "published": "2016-09-20",
        "text": "\n\n".join(
            [
                "Libertarian candidate Gary Johnson's doctor says the candidate is extremely fit.",
                "The letter came a week after questions about the health of both major candidates.",
            ]
        ),
    },
    {
        "id": "ad",
        "title": "A new web ad",
        "published": "2016-02-10",
        "text": "The Cruz campaign released a web ad, “Playing Trump,” in which children bash a dollhouse.",
    },
    {
        "id": "adelson",
        "title": "Adelson's newspapers",
        "published": "2016-01-04",
        "text": "\n\n".join(
            [
                "Sheldon Adelson also owns the newspaper with the largest circulation in Israel, a free daily.",
                "In December his family bought the Las Vegas Review-Journal, the biggest paper in Nevada.",
            ]
        ),
    },
]


campaign = searcher_fixture(ARTICLES, "asked_name")


def test_a_sentence_naming_no_one_is_declined(campaign: Searcher) -> None:
    answer = campaign.answer("What is the name of Gary Johnson's doctor?")
    assert answer.declined
    assert answer.reason == "The best sentence names nothing the question does not, and it asks for a name."
    assert answer.nearest is not None and "doctor says" in answer.nearest.sentence


def test_a_sentence_giving_the_name_answers(campaign: Searcher) -> None:
    answer = campaign.answer("What is the name of the Cruz web ad with the dollhouse?")
    assert not answer.declined, answer.reason
    assert "Playing Trump" in answer.hits[0].sentence


def test_a_place_does_not_name_a_newspaper(campaign: Searcher) -> None:
    answer = campaign.answer("What is the name of the Israeli newspaper owned by Sheldon Adelson?")
    assert answer.declined
    assert answer.reason == "The best sentence names nothing the question does not, and it asks for a name."
    assert answer.nearest is not None and "circulation in Israel" in answer.nearest.sentence


def test_a_newspaper_named_answers(campaign: Searcher) -> None:
    answer = campaign.answer("Which newspaper did Sheldon Adelson's family buy in Nevada?")
    assert not answer.declined, answer.reason
    assert "Review-Journal" in answer.hits[0].sentence


TOKENIZER = Tokenizers().get()


@pytest.mark.parametrize(
    ("question", "sentence", "lacks"),
    [
        ("What is the name of Gary Johnson's doctor?", "Gary Johnson's doctor calls him fit.", True),
        ("What is the name of Gary Johnson's doctor?", "Dr. Ann Lee, Gary Johnson's doctor, calls him fit.", False),
        ("What was the title of the editorial?", "The editorial was titled “Mr. Sanders Is Not Brave.”", False),
        ("What is the ISIS video called?", "The video is called No Respite.", False),
        ("What is the ISIS video called?", "The ISIS video shows Bill Clinton.", False),
        ("What is the ISIS video called?", "The ISIS video was released in late November.", True),
        # The sentence's first word may be capitalised only for opening it.
        ("What is the name of the director Sanders fired?", "Sanders has fired his data director.", True),
        # A word with a figure in it is the question's when its letters are: "COVID-19" of "COVID-19".
        ("What is the name of the COVID-19 vaccine trial?", "The COVID-19 vaccine trial began in May.", True),
        ("What is the name of the COVID-19 vaccine trial?", "Its COVID-19 trial is called Recovery.", False),
        ("What is the name of the Boeing jet?", "The Boeing 737-MAX jet was grounded.", False),
        # A question asking for a person by what they are wants a name too.
        ("Which doctor diagnosed Hillary Clinton?", "Health worries have dogged Hillary Clinton.", True),
        ("Which doctor diagnosed Clinton?", "Dr. Lisa Bardack diagnosed Clinton.", False),
        ("Which journalist's interview did Trump cancel?", "Trump cancelled an interview.", True),
        # And for an organisation or a work by what it is: "Which NFL team ...?", "What song ...?".
        ("Which NFL team does Trump support?", "Trump says he doesn't watch football much anymore.", True),
        ("Which NFL team does Trump support?", "Trump says he roots for the New York Jets.", False),
        ("What song did Lauryn Hill perform?", "Lauryn Hill sang “Killing Me Softly.”", False),
        ("Which firm did Mexican officials hire?", "Mexican officials hired a firm.", True),
        # A place names no newspaper, firm or person; a dateline is no name either.
        ("What is the name of the Israeli newspaper Adelson owns?", "Adelson owns a daily in Israel.", True),
        ("Which firm did the officials hire?", "The officials polled voters in the United States.", True),
        ("Which NFL team does Trump support?", "RENO, Nev. (AP) — Trump says he does not watch football.", True),
        ("Which firm did the officials hire?", "The officials hired Penn Schoen of Washington.", False),
        # A person after a title names no hospital, firm or song; what follows a possessive still may.
        (
            "Which Moscow hospital treated the baby rescued in Magnitogorsk?",
            "President Vladimir Putin flew to Magnitogorsk and visited the wounded in hospital.",
            True,
        ),
        ("Which firm makes the phone?", "Chief Executive Tim Cook's Apple makes the phone.", False),
        ("Which hospital treated the baby?", "Sen. Ann Lee visited the baby at Mercy Hospital.", False),
        # A question for a person by what they are is answered by a titled name.
        ("Which doctor treated the baby?", "Dr. Ann Lee treated the baby.", False),
        # Speech in quotes opens a sentence of its own; a title in quotes is a name.
        (
            "What was the name of the protester attacked at Trump's rally?",
            "His supporters punched a protester, with Trump yelling: “Get him the hell out of here!”",
            True,
        ),
        ("What was the name of the ad?", "The campaign released an ad, “The Art of the Deal,” on Monday.", False),
        # The first name of someone the question names by surname names nothing new; a word that
        # is no first name before it may ("Playing Trump"). A preposition may open the question.
        (
            "On which show did Clinton chastise Snyder?",
            "On Thursday, Hillary Clinton went on national television and chastised Snyder.",
            True,
        ),
        ("On which show did Clinton chastise Snyder?", "Clinton chastised Snyder on The Rachel Maddow Show.", False),
        ("What is the name of the Cruz ad?", 'Cruz released a web ad, "Playing Trump," on Monday.', False),
        # A term in lower case after "called" names it; "called for" does not.
        (
            "What are the areas of open water where ice sheets melted called?",
            "Ice sheets had melted, creating areas of open water called polynyas.",
            False,
        ),
        ("What is the new party called?", "The senator called for a new party.", True),
        # Unless the name asked may be a place's.
        ("What is the name of the town where Adelson was born?", "Adelson was born in Boston, Massachusetts.", False),
        ("What is the name of the town where Adelson was born?", "Adelson was born in Massachusetts.", False),
        # Other questions are not judged so: a kind, what someone said, a "who" question.
        ("What kind of singer is Ice T?", "Ice T also performs on rap tours.", False),
        ("What did the doctor say?", "The doctor said she was fit.", False),
        ("Who is Gary Johnson's doctor?", "Gary Johnson's doctor calls him fit.", False),
        ("What did the doctor say?", "the doctor said he is fit.", False),
    ],
)
def test_whether_a_sentence_gives_the_asked_name(question: str, sentence: str, lacks: bool) -> None:
    letters = parse_query(question, TOKENIZER).letters
    assert lacks_asked_name(question, sentence, letters) is lacks
