"""Whose figure a "how many / how much" question asks about: a name's initials stand for it ("the
DNC" for "the Democratic National Committee"), and a figure whose sentence and story name the
asked one only by another form ("Clinton" for "Hillary") is still shown (whose_figure.py: the rule
that declined it lost more answers than it declined on held-out questions, docs/RERANKER.md). A
sentence that opens with someone else and names no one asked gives that other's figure
(``figure_of_another``), unless it quotes them."""

from __future__ import annotations

import pytest

from index.search.query import Tokenizers, parse_query
from index.search.searcher import Searcher
from index.search.whose_figure import figure_in_aside, figure_of_another, writes_initials
from tests.support import searcher_fixture

ARTICLES = [
    {
        "id": "trail",
        "title": "Paid speeches on the campaign trail",
        "published": "2016-01-10",
        "text": "\n\n".join(
            [
                "Mike Huckabee held a rally in Des Moines on Monday.",
                "Few people came to hear him.",
                "Ben Carson gave seven paid speeches in the autumn.",
                "He earned as much as $500,000 from each of his paid speeches.",
            ]
        ),
    },
    {
        "id": "ads",
        "title": "Campaign spending",
        "published": "2016-05-02",
        "text": "\n\n".join(
            [
                "Hillary Clinton held a rally in Iowa on Monday.",
                "Her campaign hired new staff in the spring.",
                "Aides said the message was working.",
                "Clinton has spent more than $77 million on television and radio advertising.",
            ]
        ),
    },
    {
        "id": "party",
        "title": "Party money",
        "published": "2016-06-01",
        "text": "\n\n".join(
            [
                "The Democratic National Committee met in Philadelphia to plan the convention.",
                "Delegates argued about the rules for a whole day.",
                "The DNC raised $2 million in May.",
            ]
        ),
    },
]


trail = searcher_fixture(ARTICLES, "trail")
# Who gave paid speeches, and who told of a campaign's money.
FEES = [
    {
        "id": "fees",
        "title": "Candidates who kept giving paid speeches",
        "published": "2016-01-12",
        "text": "\n\n".join(
            [
                "Mike Huckabee toured churches in Ohio on Sunday.",
                "Ben Carson kept a schedule of paid speeches through the autumn.",
                "Carson commanded fees worth as much as $500,000 in total for seven paid speeches.",
                "Donald Trump's campaign hired a new chairman, Paul Manafort, in March.",
                "Manafort said the campaign raised about $4 million in a single day in May.",
            ]
        ),
    },
]
fees = searcher_fixture(FEES, "fees")


def test_a_figure_its_story_names_by_another_form_is_shown(trail: Searcher) -> None:
    # Its sentence, the one before it and the title say "Clinton", not "Hillary"; the article does.
    answer = trail.answer("How much has Hillary spent on television and radio ads?")
    assert not answer.declined, answer.reason
    assert answer.hits[0].sentence == "Clinton has spent more than $77 million on television and radio advertising."


def test_a_figure_whose_sentence_before_names_them_still_answers(trail: Searcher) -> None:
    # "He earned ..." names no one; the sentence before it names Carson.
    answer = trail.answer("How much did Ben Carson earn from paid speeches?")
    assert not answer.declined, answer.reason
    assert answer.hits[0].sentence == "He earned as much as $500,000 from each of his paid speeches."


def test_initials_stand_for_the_name(trail: Searcher) -> None:
    answer = trail.answer("How much money did the Democratic National Committee raise in May?")
    assert not answer.declined, answer.reason
    assert answer.hits[0].sentence == "The DNC raised $2 million in May."


@pytest.mark.parametrize(
    ("question", "story", "written"),
    [
        ("How much did the Democratic National Committee raise?", "The DNC raised $2 million.", True),
        ("How many troops does the United Kingdom have?", "The U.K. has 150,000.", True),
        ("How many troops does the United Kingdom have?", "The UKIP leader said so.", False),
        ("How many members does the European Union have?", "us and them", False),
        ("How much did the Bank of England lend?", "The B.E. lent it.", True),
        ("How many people did Trump hire?", "TR hired none.", False),  # one word: no initials
    ],
)
def test_the_initials_of_a_name_of_several_words(question: str, story: str, written: bool) -> None:
    assert writes_initials(question, story) is written


def test_a_long_hostile_question_is_read_for_initials_quickly() -> None:
    question = "How many " + "Aa " * 50_000 + "?"
    assert not writes_initials(question, "AAAA " * 1_000)


TOKENIZER = Tokenizers().get()


def test_another_persons_figure_is_declined(fees: Searcher) -> None:
    answer = fees.answer("How much did Mike Huckabee earn from paid speeches?")
    assert answer.declined
    assert "Carson" in answer.reason
    # Asked of Carson, the same sentence answers.
    carson = fees.answer("How much did Ben Carson earn from paid speeches in total?")
    assert not carson.declined, carson.reason
    assert "$500,000" in carson.hits[0].sentence


def test_a_figure_someone_is_quoted_giving_still_answers(fees: Searcher) -> None:
    # Manafort only tells the figure: the campaign's, which the question asks about.
    answer = fees.answer("How much money did Donald Trump's campaign raise in a single day in May?")
    assert not answer.declined, answer.reason
    assert answer.hits[0].sentence.startswith("Manafort said the campaign raised")


SURNAMES = {"carson", "huckabee", "johnson", "clinton", "gardens", "kasich", "christie"}


@pytest.mark.parametrize(
    ("question", "sentence", "other"),
    [
        ("How much did Mike Huckabee earn?", "Carson commanded fees worth $500,000.", "carson"),
        (
            "How much has Gary Johnson's campaign raised?",
            "Rival Hillary Clinton's campaign raised $15 million.",
            "clinton",
        ),
        ("How many town halls has Chris Christie held?", "Kasich, who brags he has held 100 town halls, ...", "kasich"),
        # The sentence names whom the question asks about too.
        ("How much did Mike Huckabee earn?", "Carson earned $5,000 more than Huckabee.", None),
        # It opens with no one the article names.
        ("How much did Mike Huckabee earn?", "Fees were worth $500,000 to Carson.", None),
        # Not a figure question.
        ("Who paid Mike Huckabee?", "Carson paid $500,000.", None),
        # "Forbury Gardens" is no person, though two capitalised words give the article a surname.
        ("How many people were in Forbury Gardens?", "Kasich said 300 people came.", None),
        # Asked by surname alone: not read (the question names no one in full).
        ("How much did Huckabee earn?", "Carson commanded fees worth $500,000.", None),
    ],
)
def test_whose_figure_a_sentence_opening_with_someone_gives(question: str, sentence: str, other: str | None) -> None:
    assert figure_of_another(parse_query(question, TOKENIZER), sentence, SURNAMES) == other


def test_whom_the_sentence_quotes_only_tells_the_figure() -> None:
    asked = parse_query("How much has Gary Johnson's campaign raised?", TOKENIZER)
    sentence = "Clinton said the campaign raised $15 million."
    assert figure_of_another(asked, sentence, SURNAMES) == "clinton"
    assert figure_of_another(asked, sentence, SURNAMES, speaker="Hillary Clinton") is None


TOKENS = Tokenizers().get().tokens


@pytest.mark.parametrize(
    ("question", "sentence", "whose"),
    [
        # The only figure of what is counted sits in an aside on another name.
        (
            "How many people did Typhoon Phanfone kill?",
            "Phanfone damaged similar regions to Typhoon Haiyan, which killed over 6,000 people in 2013.",
            "Typhoon Haiyan",
        ),
        # The aside is on whom the question asks about; the figure stands outside the aside.
        (
            "How many people did Typhoon Haiyan kill?",
            "Phanfone damaged similar regions to Typhoon Haiyan, which killed over 6,000 people in 2013.",
            None,
        ),
        (
            "How many people did Typhoon Phanfone kill?",
            "Phanfone killed 20 people, far fewer than Typhoon Haiyan, which hit the same islands.",
            None,
        ),
    ],
)
def test_a_figure_in_an_aside_on_another_name_is_theirs(question: str, sentence: str, whose: str | None) -> None:
    assert figure_in_aside(parse_query(question, TOKENIZER), sentence, TOKENS) == whose


CONTEST = [
    {
        "id": "leader",
        "title": "Johnson elected Conservative leader",
        "published": "2019-07-24",
        "text": "\n\n".join(
            [
                "Conservative Party members voted on Tuesday to elect Boris Johnson as the new leader.",
                "Johnson competed for the role against Jeremy Hunt, who succeeded him as Foreign Secretary. "
                "He won with 92,153 votes, out of roughly 160,000 members eligible to vote.",
            ]
        ),
    },
]
contest = searcher_fixture(CONTEST, "contest")


def test_a_figure_after_a_pronoun_is_of_whom_the_sentence_before_opens_with(contest: Searcher) -> None:
    hunt = contest.answer("How many votes did Jeremy Hunt get?")
    assert hunt.declined and "Johnson" in hunt.reason
    johnson = contest.answer("How many votes did Boris Johnson get?")
    assert not johnson.declined and johnson.hits[0].sentence.startswith("He won with 92,153 votes")
