"""A "who" question whose best sentence names no one is declined (index/search/persons.py:
lacks_asked_person, read by decline.py), unless a surname its article gives names someone."""

from __future__ import annotations

import pytest

from index.search.persons import lacks_asked_person
from index.search.query import Tokenizers, parse_query
from index.search.searcher import Searcher
from index.search.unnamed import without_credit
from tests.support import searcher_fixture

TOKENIZER = Tokenizers().get()
NO_ONE = "On Saturday evening in Forbury Gardens in Reading, Berkshire, three people were stabbed to death."


@pytest.mark.parametrize(
    ("question", "sentence", "surnames", "lacks"),
    [
        ("Who stabbed three people in Forbury Gardens?", NO_ONE, set(), True),
        (
            "Who stabbed three people in Forbury Gardens?",
            "Police arrested Khairi Saadallah, 25, at the scene.",
            set(),
            False,
        ),
        (
            "Who stabbed three people in Forbury Gardens?",
            "Police arrested Saadallah at the scene.",
            {"saadallah"},
            False,
        ),
        # a lone capitalised word its article gives no one may be a place
        ("Who stabbed three people in Forbury Gardens?", "Police arrested a man in Caversham.", {"saadallah"}, True),
        ("Who did the police arrest?", "Police arrested a man, 25, at the scene.", set(), True),
        # one of the asked person's family, by another given name, is someone new
        (
            "Who announced Pranab Mukherjee's death?",
            "His death was announced by his son Abhijit Mukherjee via Twitter.",
            set(),
            False,
        ),
        ("Who announced Pranab Mukherjee's death?", "Pranab Mukherjee died on Monday.", set(), True),
        (
            "Who replaced John Bolton?",
            "National security advisor John R. Bolton resigned on Tuesday.",
            set(),
            True,
        ),
        # a body after "by", or someone's kin, says who without a name
        (
            "Who reported Park Won-soon missing?",
            "He was reported missing Thursday evening by the police.",
            set(),
            False,
        ),
        ("Who reported Park Won-soon missing?", "His daughter reported to the police he left home.", set(), False),
        ("Who reported Park Won-soon missing?", "He was reported missing on Thursday evening.", set(), True),
        # a role asked for, written with "a" and no name beside it, names no holder
        (
            "Who is the spokesman for the Clinton Foundation?",
            "A spokesman for Democratic presidential candidate Hillary Clinton called the report false.",
            set(),
            True,
        ),
        (
            "Who is the spokesman for the Clinton Foundation?",
            "Brian Fallon, a spokesman for the Clinton Foundation, called the report false.",
            set(),
            False,
        ),
        # an acronym of a name the question writes in full is the question's
        (
            "Who drafted the New South Wales abortion bill?",
            "The Parliament of New South Wales (NSW) voted to pass the bill.",
            set(),
            True,
        ),
        ("whom did the police arrest?", "Police arrested a man, 25, at the scene.", set(), True),
        # a person after a title is named by the last of their names: the question's own here, and
        # a place after a title ("Republican Indiana Gov.") or a title without its dot is no one
        (
            "Who moderated the debate between Pence and Kaine?",
            "The criticism comes a day before Kaine faces Republican Indiana Gov. Mike Pence in the debate.",
            set(),
            True,
        ),
        (
            "Who moderated the debate between Pence and Kaine?",
            "CBS News anchor Elaine Quijano moderated the debate between Gov. Mike Pence and Kaine.",
            set(),
            False,
        ),
        # the organisation the question names by its initials, spelled out, is the question's
        (
            "Who was the Utah Jazz player whose test led the NBA to suspend its season?",
            "On Wednesday, the United States' National Basketball Association (NBA) suspended its season.",
            set(),
            True,
        ),
        # a country by its acronym names no one, as written out; an organisation's acronym does
        (
            "Who was arrested over the stabbings in Forbury Gardens, Reading?",
            "On Saturday evening in Forbury Gardens in Reading, Berkshire, UK, a mass stabbing killed three people.",
            set(),
            True,
        ),
        ("Who imposed the sanctions?", "The US imposed sanctions on Monday.", set(), True),
        ("Who imposed the sanctions?", "The EU imposed sanctions on Monday.", set(), False),
        ("Who imposed the sanctions?", "The UAE imposed sanctions on Monday.", set(), True),
        (
            "What was the name of the captain flying Air India Express flight 1344?",
            "Air India Express flight 1344 was en-route from Dubai, UAE, making its second attempt at a landing.",
            set(),
            True,
        ),
        # someone asked for by what they are, as "who" asks
        (
            "Which judge refused to unseal Trump's divorce file?",
            "A New York judge has rejected a media request to make public the court file.",
            set(),
            True,
        ),
        (
            "Which judge refused to unseal Trump's divorce file?",
            "Justice Matthew Cooper rejected a media request to make public the court file.",
            set(),
            False,
        ),
        (
            "What was the name of the man arrested for the bombing?",
            "Police arrested a man, 28, in New Jersey.",
            set(),
            True,
        ),
        # a thing asked for by what it is is not someone
        ("What is the name of the newspaper Adelson owns?", "Adelson owns a free daily in Israel.", set(), False),
        ("Who is the new coach of the Jazz?", "Ian Smith was named coach of the Jazz.", set(), False),  # not "is"
        (
            "Who led the NBA to suspend its season?",
            "The National Basketball Association suspended its season after Rudy Gobert tested positive.",
            set(),
            False,
        ),
    ],
)
def test_a_who_question_wants_a_sentence_naming_someone(
    question: str, sentence: str, surnames: set[str], lacks: bool
) -> None:
    assert lacks_asked_person(parse_query(question, TOKENIZER), sentence, surnames) is lacks


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        # about whom it names: the sentence naming only her answers
        ("Who is Julianne Smith?", "U.S. Ambassador to NATO Julianne Smith spoke on January 11."),
        ("Who was Mr. Hood?", "Mr. Hood saw the crash from his porch."),
        # a headline in capitals: a name cannot be told from its other words
        ("Who resigned as chair of the DNC?", "DNC CHAIR DEBBIE WASSERMAN SCHULTZ RESIGNS"),
        # a team or a country wins (results.py judges "who won")
        ("Who won the World Cup final?", "France beat Croatia 4-2 in the World Cup final."),
        # not a "who" question
        ("What happened in Reading?", NO_ONE),
        ("Whose car was stolen?", "A car was stolen in Reading."),
    ],
)
def test_other_questions_and_sentences_are_not_judged_so(question: str, sentence: str) -> None:
    assert not lacks_asked_person(parse_query(question, TOKENIZER), sentence, set())


@pytest.mark.parametrize(
    ("sentence", "lacks"),
    [
        # an organisation by its acronym, anyone in the possessive: who may act
        ("NATO will host the talks on January 12.", False),
        ("The talks follow Moscow's demand for security guarantees.", False),
        # not a dateline's place in capitals, a time zone, or the question's own acronym
        ("LONDON (Reuters) - Talks on security guarantees will be held on January 12.", True),
        ("The talks on security guarantees begin at 10:00 GMT.", True),
        ("The EU talks on security guarantees begin on Monday.", True),
        # a country's body named by its demonym acts ("Who runs Viazul?" on Wikinews was declined)
        ("The talks on security guarantees are run by the Cuban military's tourist section.", False),
        ("The talks on security guarantees will be held by the Russian government.", False),
        # ... but not a demonym alone, nor an institution word after another capitalised word
        ("The talks on security guarantees will be held in a Cuban hotel.", True),
        ("The talks on security guarantees will be held at Lakeside Police headquarters.", True),
    ],
)
def test_an_organisation_or_a_possessor_may_answer_who(sentence: str, lacks: bool) -> None:
    asked = parse_query("Who will hold the EU talks on security guarantees?", TOKENIZER)
    assert lacks_asked_person(asked, sentence, set()) is lacks


@pytest.mark.parametrize(
    ("question", "sentence", "lacks"),
    [
        # whoever reported the news, credited at its end, did not act in it
        (
            "Who introduced Sarah McBride before her speech?",
            "When Sarah McBride took the stage, she became the first transgender person to speak,"
            " Isaac Stanley-Becker reports.",
            True,
        ),
        ("Who attacked the church?", "The church was attacked on Sunday, CNN reported.", True),
        ("Who attacked the church?", "The church was attacked on Sunday, The Hill reported.", True),
        ("Who attacked the church?", "Michael Smith attacked the church on Sunday, CNN reported.", False),
        # a question about who reported it is answered by the credit
        ("Who reported the attack on the church?", "The church was attacked on Sunday, CNN reported.", False),
        # not a credit: someone said it, or the name is not at the end
        ("Who attacked the church?", "The church was attacked, Michael Smith said.", False),
        ("Who attacked the church?", "Michael Smith reported the attack on the church.", False),
    ],
)
def test_a_credit_to_whoever_reported_it_names_no_one(question: str, sentence: str, lacks: bool) -> None:
    assert lacks_asked_person(parse_query(question, TOKENIZER), sentence, set()) is lacks


def test_a_hostile_sentence_of_commas_and_capitals_is_read_quickly() -> None:
    # A credit is read in one pass: each comma starts at most four capitalised words.
    sentence = ", Aa Bb Cc Dd Ee" * 40_000 + " said."
    assert without_credit(sentence, "Who did it?") == sentence


def test_a_name_the_question_gives_is_not_a_new_person() -> None:
    asked = parse_query("Who charged Khairi Saadallah?", TOKENIZER)
    assert lacks_asked_person(asked, "Khairi Saadallah was charged on Monday.", {"saadallah"})


ARTICLES = [
    {
        "id": "stabbing",
        "title": "Three killed in park stabbing",
        "published": "2020-06-21",
        "text": "\n\n".join(
            [
                NO_ONE,
                "Counter-terrorism police took over the investigation on Sunday.",
                "The park was closed to the public while officers searched it.",
            ]
        ),
    },
    {
        "id": "crash",
        "title": "Van hits cyclists",
        "published": "2021-05-02",
        "text": "\n\n".join(
            [
                "A delivery van hit a group of eight cyclists on Route 9 in Milford, Ohio, on Friday.",
                "Delivery driver Pavel Ostrowski, 41, was charged with reckless driving on Saturday.",
                "According to the county sheriff, Ostrowski was driving the van at twice the speed limit.",
            ]
        ),
    },
    {
        "id": "talks",
        "title": "Talks in Brussels",
        "published": "2022-01-11",
        "text": "NATO will hold talks with Russian officials in Brussels on January 12.",
    },
]
news = searcher_fixture(ARTICLES, "asked_person")


def test_a_who_question_whose_best_sentence_names_no_one_is_declined(news: Searcher) -> None:
    answer = news.answer("Who stabbed three people in Forbury Gardens?")
    assert answer.declined
    assert answer.reason == "The best sentence names no one, which a question asking who asks for."
    assert answer.nearest is not None and "Forbury Gardens" in answer.nearest.sentence


def test_a_who_question_answered_by_a_surname_its_article_gives_is_answered(news: Searcher) -> None:
    answer = news.answer("Who was driving the van at twice the speed limit?")
    assert not answer.declined, answer.reason
    assert "Ostrowski" in answer.hits[0].sentence


def test_a_who_question_answered_by_an_organisation_is_answered(news: Searcher) -> None:
    answer = news.answer("Who will hold talks with Russian officials in Brussels?")
    assert not answer.declined, answer.reason
    assert answer.hits[0].sentence.startswith("NATO will hold talks")


def test_other_questions_about_the_unnamed_sentence_are_answered(news: Searcher) -> None:
    answer = news.answer("How many people were stabbed to death in Forbury Gardens?")
    assert not answer.declined, answer.reason
    assert answer.hits[0].sentence == NO_ONE
