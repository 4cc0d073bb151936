"""A question about one of a few things that exclude each other (a party, men or women, a point of
the compass, an ordinal) is not answered with a sentence about another of them
(contrasts.py, ``qualifies_a_sibling``; decline.py); nor a question about an event a name tells
apart ("the New Hampshire primary") with a sentence about another ("the South Carolina primary":
``names_another_event``); nor a "how many" question about one toll (the injured) with a sentence
counting another (the dead: ``counts_another_toll``)."""

from __future__ import annotations

import pytest

from index.search.contrasts import (
    Sibling,
    counts_another_toll,
    estimated_by_another,
    lacks_asked_fate,
    names_another_event,
    numbers_another,
    qualifies_a_sibling,
    tells_the_other_end,
)
from index.search.searcher import Searcher
from index.store.lexical import Tokenizer
from tests.support import searcher_fixture

TOKENS = Tokenizer().tokens

ARTICLES = [
    {
        "id": "ballots",
        "title": "Early voting in Florida",
        "published": "2016-10-30",
        "text": "\n\n".join(
            [
                "Early voting began in Florida on Monday.",
                "In Florida, nearly 850,000 Republican absentee ballots have so far been requested.",
                "Election officials expect a record turnout.",
                "The Democratic Party has opened 60 field offices in the state.",
            ]
        ),
    },
    {
        "id": "open",
        "title": "Melbourne finals",
        "published": "2005-01-30",
        "text": "\n\n".join(
            [
                "Marat Safin won the men's singles title in Melbourne on Sunday.",
                "Serena Williams won the women's singles title a day earlier.",
            ]
        ),
    },
    {
        "id": "primary",
        "title": "Trump sweeps South Carolina",
        "published": "2016-02-21",
        "text": "\n\n".join(
            [
                "Donald Trump won at least 44 of the 50 delegates at stake in the South Carolina primary.",
                "Jeb Bush ended his campaign after a disappointing finish.",
            ]
        ),
    },
    {
        "id": "blast",
        "title": "Blast at a chemical plant",
        "published": "2019-03-02",
        "text": "\n\n".join(
            [
                "An explosion at a chemical plant near Lyon killed four workers on Friday.",
                "Fire crews fought the blaze for six hours.",
            ]
        ),
    },
    {
        "id": "march",
        "title": "March against police violence",
        "published": "2016-07-26",
        "text": "Several hundred demonstrators marched through North Philadelphia on Tuesday afternoon.",
    },
    {
        "id": "weather",
        "title": "Snow in New England",
        "published": "2016-02-09",
        "text": "Heavy snow fell across New Hampshire on Tuesday.",
    },
]


news = searcher_fixture(ARTICLES, "siblings")


def test_a_sentence_about_the_other_party_is_declined(news: Searcher) -> None:
    answer = news.answer("How many Democratic absentee ballots had been requested in Florida?")
    assert answer.declined
    assert (
        answer.reason == 'The best sentence is about "Republican absentee", the question about "Democratic absentee".'
    )
    assert answer.nearest is not None and "850,000 Republican" in answer.nearest.sentence  # "Show nearest"


def test_the_asked_party_is_still_answered(news: Searcher) -> None:
    answer = news.answer("How many Republican absentee ballots had been requested in Florida?")
    assert not answer.declined, answer.reason
    assert "850,000 Republican absentee ballots" in answer.hits[0].sentence


def test_each_final_answers_its_own_question(news: Searcher) -> None:
    women = news.answer("Who won the women's singles title?")
    assert not women.declined, women.reason
    assert women.hits[0].sentence.startswith("Serena Williams")
    men = news.answer("Who won the men's singles title?")
    assert not men.declined, men.reason
    assert men.hits[0].sentence.startswith("Marat Safin")


def test_a_sentence_about_another_named_event_is_declined(news: Searcher) -> None:
    answer = news.answer("How many delegates did Trump win in the New Hampshire primary?")
    assert answer.declined
    assert (
        answer.reason
        == 'The best sentence is about "South Carolina primary", the question about "New Hampshire primary".'
    )
    asked = news.answer("How many delegates did Trump win in the South Carolina primary?")
    assert not asked.declined, asked.reason
    assert "44 of the 50 delegates" in asked.hits[0].sentence


@pytest.mark.parametrize(
    ("question", "sentence", "sibling"),
    [
        (
            "How many delegates did Trump win in the New Hampshire primary?",
            "Trump won 44 delegates in the South Carolina primary.",
            Sibling("New Hampshire primary", "South Carolina primary"),
        ),
        (
            "Where did Sanders speak after the Iowa caucuses?",
            "After the Nevada caucuses, Sanders flew to Chicago.",
            Sibling("Iowa caucuses", "Nevada caucuses"),
        ),
        (
            "How many people died in the Paris attacks?",
            "Thirty-two people died in the Brussels attacks.",
            Sibling("Paris attacks", "Brussels attacks"),
        ),
        # A storm's name comes after its kind.
        (
            "When did Hurricane Humberto make landfall?",
            "The most recent hurricane to reach Bermuda, Hurricane Gonzalo, made landfall there in 2014.",
            Sibling("Hurricane Humberto", "Hurricane Gonzalo"),
        ),
    ],
)
def test_another_named_event_is_found(question: str, sentence: str, sibling: Sibling) -> None:
    assert names_another_event(question, sentence, TOKENS) == sibling


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        # The asked name is written too, in any place.
        ("Who won the New Hampshire primary?", "Sanders won New Hampshire's primary by 22 points."),
        ("Who won the New Hampshire primary?", "After the South Carolina primary, Trump looked back at New Hampshire."),
        # A party is no name of an event: qualifies_a_sibling reads it.
        ("Who won the Democratic primary in Ohio?", "Clinton won the Ohio primary."),
        ("Who won the Ohio Democratic primary?", "Clinton won the Democratic primary."),
        # Another kind of event, or none named.
        ("Who won the Iowa caucuses?", "Cruz won the Texas primary."),
        ("How many watched the CNN debate?", "Millions watched the debate."),
        # A month tells when, not which debate; a headline in capitals names nothing by its case.
        ("Which channel hosted the January GOP debate?", "Rand Paul didn't make the cut for the Fox Business debate."),
        ("How many watched the Fox Business debate?", "THE NEXT GOP DEBATE: millions watched on Thursday."),
        # A storm of another kind by now is the same storm; a hurricane centre or its hunters are none.
        ("When did Hurricane Humberto form?", "Tropical Storm Humberto formed on Friday."),
        ("When did Hurricane Humberto form?", "The National Hurricane Center upgraded it on Sunday."),
        ("How strong was Hurricane Humberto?", "NOAA Hurricane Hunters measured winds of 75 mph."),
        # An event's word inside a longer name names a place, not an event.
        (
            "How big was the exhibit space at the Texas Haunters Convention?",
            "The event was held at the Mesquite Convention Center and spanned 35,000 square feet.",
        ),
    ],
)
def test_no_other_named_event(question: str, sentence: str) -> None:
    assert names_another_event(question, sentence, TOKENS) is None


@pytest.mark.parametrize(
    ("question", "sentence", "sibling"),
    [
        (
            "Who won the women's singles title?",
            "Roger Federer won the men's singles title in Melbourne.",
            Sibling("women's singles", "men's singles"),
        ),
        (
            "How much did Apple earn in the third quarter?",
            "Apple earned $10bn in the second-quarter, up from a year ago.",
            Sibling("third quarter", "second quarter"),
        ),
        (
            "Who won the North Carolina primary?",
            "Trump won the South Carolina primary.",
            Sibling("North Carolina", "South Carolina"),
        ),
        (
            "How many Conservative MPs voted against the bill?",
            "Twenty Labour MPs voted against the bill.",
            Sibling("Conservative MPs", "Labour MPs"),
        ),
        (
            "How many navy personnel were among those infected?",
            "The 36 people infected included 26 army personnel.",
            Sibling("navy personnel", "army personnel"),
        ),
        (
            "How many House Democrats voted for the bill?",
            "Forty Senate Democrats voted for the bill.",
            Sibling("House Democrats", "Senate Democrats"),
        ),
    ],
)
def test_a_sibling_is_found(question: str, sentence: str, sibling: Sibling) -> None:
    assert qualifies_a_sibling(question, sentence, TOKENS) == sibling


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        # The sentence also names the asked one: it may well answer.
        ("Who won the North Carolina primary?", "Trump won the South Carolina primary and Cruz the North."),
        (
            "How many Democratic absentee ballots were requested?",
            "Democratic and Republican absentee ballots: 1.2 million.",
        ),
        # The question asks about both.
        ("How many Democratic or Republican voters turned out?", "Republican voters turned out in force."),
        # Another thing qualified: "second debate" says nothing of a first round.
        ("Who won the first round?", "Clinton won the second debate."),
        # Not a qualifier of anything: "first" before a stop word, "men" alone.
        ("Who was the first to speak?", "The second speaker was Sanders."),
        ("How many women voted?", "Men outnumbered them."),
    ],
)
def test_no_sibling(question: str, sentence: str) -> None:
    assert qualifies_a_sibling(question, sentence, TOKENS) is None


@pytest.mark.parametrize(
    ("question", "sentence", "sibling"),
    [
        (
            "When did Trump buy his Boeing 757?",
            "In 2009, he decided to sell his Boeing 727, which was by then 41 years old.",
            Sibling("Boeing 757", "Boeing 727"),
        ),
        (
            "What did the judge rule on House Bill 1523?",
            "The judge struck down House Bill 2 on Friday.",
            Sibling("Bill 1523", "Bill 2"),
        ),
    ],
)
def test_another_numbered_thing_is_found(question: str, sentence: str, sibling: Sibling) -> None:
    assert numbers_another(question, sentence) == sibling


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        # The asked number is written too.
        ("When did Trump buy his Boeing 757?", "He bought the 757 in 2011 and sold the Boeing 727."),
        # A month and a year or a day are dates, not a numbered kind of thing.
        ("What happened in March 2016?", "In March 2015 he sold it."),
        ("Who spoke on Feb. 1?", "Cruz spoke on Feb. 9."),
        # Nothing numbered in the question.
        ("When did Trump buy his plane?", "He sold his Boeing 727 in 2009."),
    ],
)
def test_no_other_numbered_thing(question: str, sentence: str) -> None:
    assert numbers_another(question, sentence) is None


def test_a_sentence_counting_another_toll_is_declined(news: Searcher) -> None:
    injured = news.answer("How many workers were injured in the explosion near Lyon?")
    assert injured.declined
    assert injured.reason == 'The best sentence is about "killed", the question about "injured".'
    killed = news.answer("How many workers died in the explosion near Lyon?")
    assert not killed.declined, killed.reason
    assert killed.hits[0].sentence.startswith("An explosion at a chemical plant near Lyon killed four")


def test_a_sentence_counting_no_toll_is_declined(news: Searcher) -> None:
    arrested = news.answer("How many demonstrators were arrested in North Philadelphia?")
    assert arrested.declined
    assert arrested.reason == 'The best sentence does not tell how many were "arrested".'
    marched = news.answer("How many demonstrators marched through North Philadelphia?")
    assert not marched.declined, marched.reason
    assert marched.hits[0].sentence.startswith("Several hundred demonstrators")


@pytest.mark.parametrize(
    ("question", "sentence", "sibling"),
    [
        ("How many people were injured in the attacks?", "Bombers killed 130 people.", Sibling("injured", "killed")),
        ("How many people died?", "Forty people were wounded.", Sibling("died", "wounded")),
        ("How many protesters were arrested?", "Two protesters were hurt.", Sibling("arrested", "hurt")),
        # The asked toll anywhere in the sentence answers; a sentence counting no toll does not.
        ("How many people were injured?", "The blast left 12 dead and 40 injured.", None),
        ("How many people were injured?", "About 2,000 people marched.", Sibling("injured", "")),
        ("How many protesters were arrested?", "Police took 40 protesters into custody.", None),
        ("How many people died in the fire?", "Three residents perished.", None),
        ("How many were injured?", "Twelve people were hospitalized.", None),
        # Two tolls asked, or not a "how many" question: not read.
        ("How many people were killed or injured?", "Bombers killed 130 people.", None),
        ("Who was injured in the attack?", "Bombers killed 130 people.", None),
        # A capitalised word is a name's: "Black Lives Matter" counts no lives.
        (
            "How many people were arrested at the Black Lives Matter march?",
            "Police said two officers were hurt at the march.",
            Sibling("arrested", "hurt"),
        ),
        (
            "How many people were arrested at the march?",
            "Black Lives Matter said 3,000 people marched.",
            Sibling("arrested", ""),
        ),
    ],
)
def test_another_toll(question: str, sentence: str, sibling: Sibling | None) -> None:
    assert counts_another_toll(question, sentence) == sibling


@pytest.mark.parametrize(
    ("question", "sentence", "sibling"),
    [
        (
            "When did Gillibrand launch her presidential campaign?",
            "Kirsten Gillibrand ended her campaign on Wednesday.",
            Sibling("launch", "ended"),
        ),
        ("When did the strike end?", "The strike began on June 1.", Sibling("end", "began")),
        ("In what year did the store open?", "The store closed in 2010.", Sibling("open", "closed")),
        # The asked end is told too, or no end at all.
        ("When did the talks start?", "The talks, which began on Monday, ended on Friday.", None),
        ("When did the talks start?", "The talks were held in Geneva on Monday.", None),
        # Entering is not starting, nor resigning ending: whose would it be?
        (
            "When did Gillibrand enter the Senate?",
            "In 2009, she was appointed to fill Clinton's Senate seat after Clinton resigned.",
            None,
        ),
        # A name's word is no end ("the Australian Open"); not a "when" question.
        ("When did Safin win the Australian Open?", "Safin's run ended in the final.", None),
        ("Who launched the campaign?", "Gillibrand ended her campaign on Wednesday.", None),
    ],
)
def test_the_other_end_of_what_is_asked(question: str, sentence: str, sibling: Sibling | None) -> None:
    assert tells_the_other_end(question, sentence) == sibling


@pytest.mark.parametrize(
    ("question", "sentence", "sibling"),
    [
        (
            "How many people in Bangladesh had been tested for COVID-19?",
            "The first cases were two people who returned from Italy.",
            Sibling("tested", ""),
        ),
        ("How many people had been tested?", "Some 1,200 tests were carried out by Friday.", None),
        ("How many apartments were damaged?", "The blast damaged 48 apartments.", None),
        ("How many people lived there?", "Over 1,000 people lived in the building.", None),
        # A participle of no particular fate need not be written.
        (
            "How many federal employees are affected by the government shutdown?",
            "About a quarter of the U.S. federal government, 800,000 employees, is not in operation.",
            None,
        ),
        ("How many people were involved?", "Some 300 people took part.", None),
    ],
)
def test_what_befell_those_counted(question: str, sentence: str, sibling: Sibling | None) -> None:
    assert lacks_asked_fate(question, sentence, TOKENS) == sibling


@pytest.mark.parametrize(
    ("question", "sentence", "sibling"),
    [
        (
            "How many people did police estimate marched in London?",
            "Estimates by event organizers indicate roughly one million people marched in London.",
            Sibling("police", "organizers"),
        ),
        (
            "What was the police estimate of the crowd at the march?",
            "Organizers estimated 1.7 million marched, despite pouring rain and police disapproval.",
            Sibling("police", "Organizers"),
        ),
        (
            "How many did the organizers estimate took part?",
            "Police put the crowd at 128,000, according to police.",
            Sibling("organizers", "Police"),
        ),
        # The asked one's estimate is given too, or no one's estimate is asked.
        (
            "What was the police estimate of the crowd?",
            "Organizers estimated 1.7 million, while police said 128,000 took part.",
            None,
        ),
        ("How many people marched in London?", "Estimates by event organizers indicate one million marched.", None),
    ],
)
def test_an_estimate_by_the_other_side(question: str, sentence: str, sibling: Sibling | None) -> None:
    assert estimated_by_another(question, sentence) == sibling
