"""How answers are chosen, on small corpora written here and on the sample article (real model)."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

import pytest

from index.build import build_index
from index.embedding.models import Embedder
from index.errors import IndexLoadError
from index.search.decline import (
    lacks_asked_figure,
    lacks_asked_length,
    lacks_asked_unit,
    repeats_asked_figure,
    says_nothing_new,
)
from index.search.query import Query, answer_type, is_search, parse_query
from index.search.ranking import Candidate, TextTests, Weights, date_match, holds_answer_type, score_candidates
from index.search.searcher import AnswerPolicy, Searcher
from index.store.generation import open_index
from index.store.lexical import Tokenizer
from index.text.context import matching_texts
from index.types import Sentence
from tests.support import searcher_fixture, searcher_over

ARTICLES = [
    {
        "id": "terminal",
        "title": "Harbour council approves new ferry terminal",
        "published": "2023-03-02",
        "text": "\n\n".join(
            [
                "The harbour council of Port Ellis voted on Tuesday to build a new ferry terminal.",
                "Mayor Ingrid Halvorsen said the terminal would open in 2025.",
                '"This is the biggest investment in our town for fifty years," she added.',
                "The terminal will cost 48 million euros.",
                "Critics say the money would be better spent on the hospital.",
            ]
        ),
    },
    {
        "id": "storm",
        "title": "Storm closes ferry routes",
        "published": "2024-01-15",
        "text": "\n\n".join(
            [
                "A winter storm closed every ferry route out of Port Ellis on Monday.",
                "Coast guard spokesman Tomas Berg said no ships were in danger.",
                "The terminal will cost 48 million euros.",
                "Ferries are expected to run again on Thursday.",
            ]
        ),
    },
    {
        "id": "football",
        "title": "Football club signs striker",
        "published": "2023-06-01",
        "text": "\n\n".join(
            [
                "FC Ellis signed the Brazilian striker Paulo Mendes for three seasons.",
                "Coach Maria Lindqvist said Mendes would make his debut in August.",
                "The club has not won the league since 1987.",
            ]
        ),
    },
]


town = searcher_fixture(ARTICLES, "town")


# -- speech questions ----------------------------------------------------------------------------


def test_speech_question_returns_all_and_only_the_speakers_sentences(town: Searcher) -> None:
    answer = town.answer("What did Halvorsen say?")
    assert not answer.declined
    assert {h.speaker for h in answer.hits} == {"Ingrid Halvorsen"}
    assert [h.sentence for h in answer.hits] == [  # her own words first, then the report of them
        '"This is the biggest investment in our town for fifty years," she added.',
        "Mayor Ingrid Halvorsen said the terminal would open in 2025.",
    ]


def test_asking_what_someone_added_shows_the_added_sentence_first(town: Searcher) -> None:
    answer = town.answer("what did halvorsen add?")
    assert answer.hits[0].sentence.endswith("she added.")
    assert len(answer.hits) == 2


def test_a_topic_ranks_the_speakers_sentences_by_it(town: Searcher) -> None:
    answer = town.answer("What did Halvorsen say about the investment?")
    assert "biggest investment" in answer.hits[0].sentence
    answer = town.answer("What did Halvorsen say about the opening date?")
    assert "open in 2025" in answer.hits[0].sentence


def test_a_person_no_article_mentions_is_declined_with_the_nearest_kept(town: Searcher) -> None:
    for question in ("What did Angela Merkel say?", "what did macron say?"):
        answer = town.answer(question)
        assert answer.declined and not answer.hits
        assert "mentions" in answer.reason
        assert answer.nearest is not None  # shown only if the user asks


def test_a_name_whose_words_no_sentence_holds_together_is_declined(town: Searcher) -> None:
    # "Paulo" and "Lindqvist" are both in the articles, never in one sentence: nobody of that name
    # is mentioned, so no sentence can be shown as what they said (it would be someone else's).
    answer = town.answer("What did Paulo Lindqvist say about the debut?")
    assert answer.declined and not answer.hits
    assert answer.reason == "No article mentions Paulo Lindqvist."
    assert answer.nearest is not None
    # Each of them alone is still found.
    assert not town.answer("What did Lindqvist say about the debut?").declined
    assert town.answer("What did Paulo Mendes say?").note.startswith("I found no quote attributed to Paulo Mendes")


@pytest.mark.parametrize("question", ["When will Mendes make his debut, in Aug.?", "Who will make his debut in Aug.?"])
def test_a_month_written_short_is_the_month_the_article_writes_out(town: Searcher, question: str) -> None:
    # "Aug." is no name the articles lack: they write "August".
    answer = town.answer(question)
    assert not answer.declined, answer.reason
    assert answer.hits[0].sentence == "Coach Maria Lindqvist said Mendes would make his debut in August."


def test_a_demonym_is_known_to_an_article_writing_its_country(sample_searcher: Searcher) -> None:
    # The article says "U.S. Ambassador to NATO Julianne Smith", never "American".
    answer = sample_searcher.answer("Who is the American ambassador to NATO?")
    assert not answer.declined, answer.reason
    assert "Ambassador to NATO Julianne Smith" in answer.hits[0].sentence
    # A demonym whose country no article writes is still unknown.
    assert sample_searcher.answer("Who is the Brazilian ambassador to NATO?").reason == "No article mentions Brazilian."
    # So for "what did X say?": the sentences mentioning the U.S. ambassador are shown.
    said = sample_searcher.answer("What did the American ambassador say?")
    assert not said.declined, said.reason
    assert said.hits[0].sentence.startswith('"It has become crystal-clear')
    assert {h.sentence.startswith("The U.S. ambassador to NATO says") for h in said.hits} == {True, False}
    brazilian = sample_searcher.answer("What did the Brazilian ambassador say?")
    assert brazilian.declined and brazilian.reason == "No article mentions the Brazilian ambassador."


COMMITTEES = [
    {
        "id": "funds-1",
        "title": "Ryan's emails bring in money",
        "text": "The National Republican Congressional Committee raised $185,000 from two emails from Mr. Ryan "
        "last month.\n\nThe emails went to small donors.",
    },
    {
        "id": "funds-2",
        "title": "Democrats plan a bus tour",
        "text": "Democratic candidates will tour the state by bus in May.",
    },
]


def test_an_acronym_the_articles_write_in_full_is_known(tmp_path: Path, embedder: Embedder) -> None:
    searcher = searcher_over(COMMITTEES, tmp_path, embedder)
    try:
        answer = searcher.answer("How much did the NRCC raise from Ryan's two fundraising emails?")
        assert not answer.declined, answer.reason
        assert answer.hits[0].sentence.startswith("The National Republican Congressional Committee raised $185,000")
        # One no article writes in full is still unknown.
        assert searcher.answer("How much did the DCCC raise from the emails?").reason == "No article mentions DCCC."
    finally:
        searcher.close()


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("Which striker did FC Ellis sign in Dec.?", "No article mentions Dec."),
        ("Which striker did FC Ellis sign in December?", "No article mentions December."),
        # The storm closed the routes on Monday: a day no article writes is still no answer.
        ("What closed the ferry routes on Sunday?", "No article mentions Sunday."),
    ],
)
def test_a_month_or_day_no_article_writes_in_any_form_is_declined(town: Searcher, question: str, reason: str) -> None:
    answer = town.answer(question)
    assert answer.declined and answer.reason == reason


def test_a_person_mentioned_but_never_quoted_gets_the_mentions_under_a_note_saying_so(town: Searcher) -> None:
    answer = town.answer("What did Mendes say?")
    assert not answer.declined
    assert answer.note == "I found no quote attributed to Mendes; these sentences mention Mendes:"
    assert sorted(h.sentence for h in answer.hits) == [
        "Coach Maria Lindqvist said Mendes would make his debut in August.",
        "FC Ellis signed the Brazilian striker Paulo Mendes for three seasons.",
    ]
    assert "Mendes" not in {h.speaker for h in answer.hits}  # nothing passed off as his words
    # A group the attribution does not name as a speaker is found the same way.
    critics = town.answer("what did the critics say?")
    assert [h.sentence for h in critics.hits] == ["Critics say the money would be better spent on the hospital."]
    assert critics.note.startswith("I found no quote attributed to")
    # A quoted speaker's answer carries no such note.
    assert town.answer("What did Halvorsen say?").note == ""


MINISTERS = [
    {
        "id": "cairo",
        "title": "Foreign ministers meet in Cairo",
        "published": "2020-01-08",
        "text": "\n\n".join(
            [
                "On Wednesday, an assembly of several foreign ministers in Cairo denounced the agreement "
                "between Turkey and Libya on maritime borders.",
                "Egyptian Foreign Minister Sameh Shoukry hosted the meeting.",
            ]
        ),
    }
]
ministers = searcher_fixture(MINISTERS, "ministers")


def test_a_role_is_mentioned_where_its_words_stand_together(ministers: Searcher) -> None:
    # The assembly's sentence holds "Turkey", "foreign" and "ministers", and was shown as one that
    # mentions the Turkish foreign minister.
    turkish = ministers.answer("What did the Turkish foreign minister say?")
    assert turkish.declined and turkish.reason == "No article mentions the Turkish foreign minister."
    egyptian = ministers.answer("What did the Egyptian foreign minister say?")  # named in full: still a mention
    assert egyptian.note.startswith("I found no quote attributed to the Egyptian foreign minister;")
    assert "Egyptian Foreign Minister Sameh Shoukry hosted the meeting." in [h.sentence for h in egyptian.hits]


def test_a_speakers_name_alone_or_with_quotes_asks_for_their_sentences(town: Searcher) -> None:
    halvorsen = [h.sentence for h in town.answer("What did Halvorsen say?").hits]
    for asked in ("Halvorsen", "ingrid halvorsen", "Halvorsen quotes", "halvorsen's comments"):
        assert [h.sentence for h in town.answer(asked).hits] == halvorsen, asked
    # Only exactly a speaker's name: a typo'd lone word is an ordinary search, not a speech question.
    assert "attributed" not in town.answer("Halvorsn").reason
    # "X quotes" for an X that is nobody's name is an ordinary question (no "no quote" note).
    loose = town.answer("council response")
    assert loose.note == "" and "attributed" not in loose.reason


def test_a_few_search_words_show_the_sentences_that_use_them(town: Searcher) -> None:
    answer = town.answer("hospital")
    assert not answer.declined, answer.reason
    assert [h.sentence for h in answer.hits][:1] == ["Critics say the money would be better spent on the hospital."]
    ferries = town.answer("ferry routes")
    assert not ferries.declined and "every ferry route" in ferries.hits[0].sentence
    # Words no article uses are still declined, search or not.
    assert town.answer("sourdough").declined and town.answer("bread recipe").declined


def test_what_counts_as_a_search_and_what_as_a_question() -> None:
    assert is_search("troops") and is_search("NATO eastward expansion") and is_search("Peskov deadline")
    assert not is_search("troops?") and not is_search("who is Peskov")
    assert not is_search("how many troops are near the border") and not is_search("")


# -- ordinary questions --------------------------------------------------------------------------


def test_numbers_and_names_in_the_question_pull(town: Searcher) -> None:
    assert "1987" in town.search("What happened in 1987?", k=3)[0].sentence
    assert "Paulo Mendes" in town.search("Who signed Paulo Mendes?", k=3)[0].sentence
    assert "Tomas Berg" in town.search("Tomas Berg", k=3)[0].sentence


def test_what_an_answer_looks_like_depends_on_the_question() -> None:
    assert answer_type("When did the talks start?") == "date"
    assert answer_type("How many troops are there?") == "number"
    assert answer_type("Who did Sherman meet?") == "name"
    assert answer_type("Why is Russia building up troops?") == "reason"
    assert answer_type("Will Ukraine join NATO soon?") == "yes/no"
    assert holds_answer_type(_ask("When?"), "The talks start on January 12.")
    assert not holds_answer_type(_ask("When?"), "The talks start soon.")
    assert holds_answer_type(_ask("How many?"), "Nearly 100,000 troops.")
    assert holds_answer_type(_ask("Who did Sherman meet?"), "Sherman met Sergei Ryabkov.")
    assert not holds_answer_type(_ask("Who did Sherman meet?"), "She met him, Sherman said.")


@pytest.mark.parametrize(
    ("sentence", "holds_date"),
    [
        # A wire story's dateline says when it was filed: not an answer to "when".
        ("NANJING, December 5 (Xinhua) -- Chinese scientists have shot pictures of the comet.", False),
        ("Aug 27 (Reuters) - Democrat Hillary Clinton received her first security briefing.", False),
        ("CLEVELAND, July 19 (UPI) \u2014 Former Attorney General Michael Mukasey told delegates.", False),
        ("RENO, Nev., Jan. 5 (AP) - Donald Trump says he does not watch football.", False),
        ("NANJING , December <num> -LRB- Xinhua -RRB- -- Chinese scientists shot pictures .", False),
        # The story's own dates still count, after a dateline too.
        ("NANJING, December 5 (Xinhua) -- The comet was first spotted in July 1995.", True),
        ("The comet was first spotted by Hale and Bopp on July 23, 1995.", True),
        ("March 3 was the day the talks began.", True),
        ("In Paris, May 5 - the talks began.", True),
    ],
)
def test_a_datelines_date_is_not_an_answer_to_when(sentence: str, holds_date: bool) -> None:
    assert holds_answer_type(_ask("When was the comet discovered?"), sentence) is holds_date
    assert TextTests().holds("date", sentence) is holds_date


def _ask(question: str) -> Query:
    return parse_query(question, Tokenizer())


def _candidate(row: int, title: str = "", published: str | None = None) -> Candidate:
    text = "The ferry will leave the harbour at noon."
    tokenizer = Tokenizer()
    return Candidate(
        row, text, 0.5, 1.0, frozenset(tokenizer.tokens(text)), frozenset(tokenizer.tokens(title)), published
    )


def test_titles_and_dates_break_ties_between_articles() -> None:
    by_title = score_candidates(
        _ask("When does the ferry to Ellis leave?"),
        [_candidate(0, "Storm in Oslo"), _candidate(1, "Ellis ferry")],
        Weights(),
    )
    assert by_title[1] > by_title[0]
    by_date = score_candidates(
        _ask("When did the ferry leave in March 2023?"),
        [_candidate(0, published="2024-03-02"), _candidate(1, published="2023-03-02")],
        Weights(),
    )
    assert by_date[1] > by_date[0]
    assert date_match(_ask("in 2023"), "2023-03-02") and not date_match(_ask("in May 2023"), "2023-03-02")


def test_the_same_sentence_in_two_articles_is_shown_once_with_both_sources(town: Searcher) -> None:
    answer = town.answer("How much will the terminal cost?")
    best = answer.hits[0]
    assert best.sentence == "The terminal will cost 48 million euros."
    assert {s.article_id for s in best.sources} == {"terminal", "storm"}
    assert [h.sentence for h in answer.ranked].count(best.sentence) == 1


def test_a_sentence_that_cannot_stand_alone_is_found_through_its_neighbour_but_shown_alone(town: Searcher) -> None:
    hit = town.search("What did the mayor say about the biggest investment in fifty years?", k=3)[0]
    assert hit.sentence == '"This is the biggest investment in our town for fifty years," she added.'
    assert town.article_text(hit.article_id)[hit.start : hit.end] == hit.sentence


def test_questions_the_articles_do_not_cover_are_declined(town: Searcher) -> None:
    oil = town.answer("What is the price of oil?")
    assert oil.declined and "word" in oil.reason
    cricket = town.answer("Who won the cricket world cup?")
    assert cricket.declined
    # ... while what they do say is answered, with the sentence that says it first. ("Who is the
    # coach of FC Ellis?" is not asked here: the coach's sentence does not name the club, the
    # sentence before it does, and a reranker that reads one sentence at a time cannot join them.)
    coach = town.answer("Who is the coach of the football club?")
    assert not coach.declined
    assert coach.hits[0].sentence == "Coach Maria Lindqvist said Mendes would make his debut in August."


def test_a_how_many_question_is_not_answered_with_a_sentence_that_holds_no_figure(town: Searcher) -> None:
    # The articles tell of Port Ellis, its ferries and its hospital, but give no head count.
    for question in ("How many people live in Port Ellis?", "How many nurses work at the hospital?"):
        answer = town.answer(question)
        assert answer.declined, question
        assert answer.reason == "The best sentence holds no figure, which the question asks for."
    # Those the articles answer still are, with the figure; a "when" without a date in the
    # sentence too: its date may be its article's.
    cost = town.answer("How much will the terminal cost?")
    assert not cost.declined and cost.hits[0].sentence == "The terminal will cost 48 million euros."
    signed = town.answer("When did FC Ellis sign Paulo Mendes?")
    assert not signed.declined and "signed" in signed.hits[0].sentence


def test_a_how_many_question_is_not_answered_with_a_figure_of_something_else(town: Searcher) -> None:
    # The terminal's sentence has a figure, of euros: no count of gates.
    gates = town.answer("How many gates will the terminal have?")
    assert gates.declined
    assert gates.reason == "The best sentence gives no figure of what the question counts."
    assert gates.nearest is not None and gates.nearest.sentence == "The terminal will cost 48 million euros."
    # Figures of what is counted still answer.
    for question, sentence in [
        ("How many euros will the terminal cost?", "The terminal will cost 48 million euros."),
        (
            "How many seasons did Mendes sign for?",
            "FC Ellis signed the Brazilian striker Paulo Mendes for three seasons.",
        ),
    ]:
        answer = town.answer(question)
        assert not answer.declined, answer.reason
        assert answer.hits[0].sentence == sentence


def test_a_how_long_question_is_not_answered_with_a_sentence_that_tells_no_length(town: Searcher) -> None:
    # The articles name the mayor and say when the terminal opens, never how long she has been
    # mayor (without the rule the reranker shows "Mayor Ingrid Halvorsen said the terminal would
    # open in 2025." above its threshold) nor how long the terminal takes to build.
    for question in ("How long has Halvorsen been mayor?", "How long will it take to build the new ferry terminal?"):
        answer = town.answer(question)
        assert answer.declined, question
        assert answer.reason == "The best sentence tells no length of time or size, which the question asks for."
        assert answer.nearest is not None  # still there for "Show nearest"
    # A length told in a figure or in words still answers.
    for question, sentence in [
        (
            "How long is the striker's contract with FC Ellis?",
            "FC Ellis signed the Brazilian striker Paulo Mendes for three seasons.",
        ),
        ("How long has the club gone without winning the league?", "The club has not won the league since 1987."),
    ]:
        answer = town.answer(question)
        assert not answer.declined, answer.reason
        assert answer.hits[0].sentence == sentence


@pytest.mark.parametrize(
    ("question", "sentence", "no_length"),
    [
        # Figures of time or of size, the question's own aside.
        ("How long did the briefing last?", "It lasted a little over two hours.", False),
        ("How long is the video?", "Trump appears in the nearly 52-minute video.", False),
        ("How long is the white paper?", "The bound, 104-page document was given to Congress.", False),
        ("How long was the tunnel?", "The tunnel ran 2,400 feet under the border.", False),
        ("How long is the track?", '"Counting Stars" - 4:17', False),
        ("How long did the 2016 campaign last?", "The 2016 campaign ended in November.", True),
        # ... or in words.
        ("How long did the talks last?", "The talks lasted well into the night.", False),
        ("How long have rates been low?", "Rates have been low for years.", False),
        ("How long did the talks last?", "The talks went on for a week.", False),
        ("How long has he been mayor?", "He has been mayor since 2009.", False),
        ("How long was the theatre open?", "The theatre was in operation from 1870 to 1939.", False),
        ("How long was the shuttle flown?", "The Space Shuttle program (1972–2011).", False),
        # No length at all: a time is not one ("last month", "in late November"), nor "since" a deed.
        (
            "How long did the briefing last?",
            "Clinton on Saturday received her first national security briefing since accepting her"
            " party's nomination last month.",
            True,
        ),
        ("How long is the video?", "The video, released in late November, is called No Respite.", True),
        # A time told from another is when, not how long.
        ("How long did the mission last?", "Ten years later, he led the Soviet part of the mission.", True),
        ("How long did the strike last?", "The strike ended two weeks ago after lasting 40 days.", False),
        ("How long did the meeting last?", "They appeared together just hours after Comey's remarks.", True),
        # Not judged: "how long ago" asks a date, and other kinds of question.
        ("How long ago did the park open?", "Six Flags opened the park in 1967.", False),
        ("When did the talks end?", "The talks ended without a deal.", False),
    ],
)
def test_what_a_sentence_must_hold_to_answer_how_long(question: str, sentence: str, no_length: bool) -> None:
    tokenizer = Tokenizer()
    assert lacks_asked_length(parse_query(question, tokenizer), sentence, tokenizer.tokens) is no_length


@pytest.mark.parametrize(
    ("question", "sentence", "no_figure", "no_unit"),
    [
        # A figure, a number word or a quantity word answers "how many" / "how much"
        # (lacks_asked_figure), when it is of what is counted (lacks_asked_unit).
        ("How many people were hurt?", "No one was hurt, and none of the boats sank.", False, False),
        ("How many times did he win?", "He won the title twice.", False, False),
        ("How many voters backed her?", "A majority of voters backed her.", False, False),
        ("How many voters backed her?", "Sixty voters backed her.", False, False),
        ("How many votes did Sanders get?", "Sanders won 151,584 votes in New Hampshire.", False, False),
        ("How much did it cost?", "It cost $4 million.", False, False),
        ("How much did Trump pay in federal income taxes?", "Trump paid no federal income taxes.", False, False),
        ("How many voters backed her?", "Voters backed her in the primary.", True, True),
        ("How much money did he make?", "He said he made a lot of money in down markets.", True, True),
        # "many", the question's own word, tells no quantity; "as many as" gives its figure.
        ("How many delegates were ruled ineligible?", "Many delegates were deemed ineligible.", True, False),
        ("How many delegates were ruled ineligible?", "As many as 58 delegates were deemed ineligible.", False, False),
        # A figure of something else.
        ("How many votes did Sanders get?", "Sanders opened up a 15-point lead in New Hampshire.", False, True),
        ("How old was Scalia when he died?", "Justice Antonin Scalia died four days later.", False, True),
        ("How much did the ad cost?", "The ad ran 30 times in Iowa.", False, True),
        # Money is answered by none of it or a multiple, not by any quantity word.
        ("How much did he pay for the club?", "A few miles south, the club's owner faced opposition.", False, True),
        ("How much did he pay for the club?", "He paid twice what the club was worth.", False, False),
        # A sum of money asked by its name ("profit", "revenue", "salary"), not only by a verb.
        ("How much profit did Exxon report?", "Exxon reported its smallest profit in 17 years.", False, True),
        ("How much profit did Exxon report?", "Exxon reported a profit of $1.5 billion.", False, False),
        # A sum of money counts no donors, but may count dollars.
        ("How many donors gave to her campaign?", "She has raised $2.7 million from tech donors.", False, True),
        ("How many donors gave to her campaign?", "Some 400,000 donors gave her $2.7 million.", False, False),
        ("How much is her salary?", "Her salary is paid by the state, 12 years on.", False, True),
        # "How much" of anything but money: any figure.
        ("How much food does a ctenophore eat in a day?", "It can eat ten times its own weight.", False, False),
        ("How much has the temperature changed?", "It has risen by 0.3 to 0.6 °C over 100 years.", False, False),
        # A share needs a figure, but words give it as well as a figure of the unit ("half of
        # them"), and so for a margin ("a landslide"): their unit is not judged.
        ("What share of voters backed her?", "Voters backed her in the primary.", True, False),
        ("What share of voters backed her?", "Half of the voters backed her.", False, False),
        ("By how much did she win?", "She won in a landslide.", False, False),
        # A rate is a figure too; talk of rates in general is not judged.
        ("What interest rate does she want?", "She wants the Fed to keep interest rates low.", True, False),
        ("What is the unemployment rate in Ohio?", "Unemployment in Ohio is 4.9 percent.", False, False),
        ("What are rates doing?", "Rates are falling.", False, False),
        ("What does the rise in rates mean?", "It means dearer loans.", False, False),
        # Nor "how often", "how long" and the like, which words answer too (how long: below).
        ("How often do they meet?", "They meet weekly in the town hall.", False, False),
        ("How long did the talks last?", "The talks lasted well into the night.", False, False),
        # An amount asked with "what" needs a figure the question lacks.
        (
            "What was Sanders' income in his 2014 tax return?",
            "He says he would release his information for 2014 on Friday, as one of the poor members.",
            True,
            False,
        ),
        ("What was the turnout in Delaware's primary?", "Turnout in Delaware was 37 percent.", False, False),
        ("What was the margin of error of the poll?", "The poll has a margin of error of 3 points.", False, False),
        # A size needs a figure.
        ("How thick is the ice shelf?", "Researchers reported how warm water erodes the ice shelves.", True, False),
        ("How tall is the statue?", "The statue stands 93 meters tall.", False, False),
        # Other kinds of question are not judged this way.
        ("When did the talks end?", "The talks ended without a deal.", False, False),
        ("When did the talks end?", "The talks ended on the 3rd day.", False, False),
        ("Who won the primary?", "The primary was close.", False, False),
    ],
)
def test_what_a_sentence_must_hold_to_answer_how_many(
    question: str, sentence: str, no_figure: bool, no_unit: bool
) -> None:
    tokenizer = Tokenizer()
    query = parse_query(question, tokenizer)
    assert lacks_asked_figure(query, sentence) is no_figure
    assert lacks_asked_unit(query, sentence, tokenizer.tokens) is no_unit


@pytest.mark.parametrize(
    ("question", "sentence", "repeats"),
    [
        # The question's own figure is not what it asks for.
        ("How many of the 176 people killed were Iranians?", "The 176 people on board were all killed.", True),
        ("How many of the 1,200 workers were laid off?", "All 1,200 workers were at the plant.", True),
        ("How many of the two hundred guests came?", "Two hundred guests were invited.", True),
        ("How much of the $1,200 raised was spent?", "Volunteers raised 1,200 dollars.", True),
        # A figure the question lacks answers it, beside the question's own or alone.
        ("How many of the 176 people killed were Iranians?", "Of the 176 killed, 82 were Iranians.", False),
        ("How many of the 176 people killed were Iranians?", "Eighty-two of them were Iranian.", False),
        ("How many people died in the 2019 floods?", "The 2019 floods killed 40 people.", False),
        # No figure at all is lacks_asked_figure's; the question giving none, or asking no figure: not judged.
        ("How many of the 176 people killed were Iranians?", "Most of them were Iranian.", False),
        ("How many people were killed?", "The 176 people on board were all killed.", False),
        ("When did the 176 people die?", "The 176 people on board were all killed.", False),
    ],
)
def test_a_sentence_giving_only_the_questions_own_figures_does_not_answer_how_many(
    question: str, sentence: str, repeats: bool
) -> None:
    assert repeats_asked_figure(parse_query(question, Tokenizer()), sentence) is repeats


JET = [
    {
        "id": "jet",
        "title": "Passenger jet shot down near Tehran",
        "text": "\n\n".join(
            [
                "A Ukrainian passenger jet was shot down shortly after take-off from Tehran on Wednesday.",
                "The 176 people on board were all killed.",
                "The airline said the crew had followed every procedure.",
            ]
        ),
    }
]


def test_a_figure_question_answered_only_with_its_own_figure_is_declined(tmp_path: Path, embedder: Embedder) -> None:
    with closing(searcher_over(JET, tmp_path, embedder)) as searcher:
        answer = searcher.answer("How many of the 176 people killed on the jet were Ukrainian citizens?")
        assert answer.declined
        assert answer.reason == "The best sentence's only figures are the question's own."
        assert answer.nearest is not None and answer.nearest.sentence == "The 176 people on board were all killed."
        # The count the question does not give is still answered.
        assert not searcher.answer("How many people were killed on the jet?").declined


# Two stories with the same kind of sentence: which union asked for what is said only around it.
PAY_TALKS = [
    {
        "id": "ferry",
        "title": "Ferry crews walk out",
        "text": "\n\n".join(
            [
                "Ferry crews in Port Ellis walked out on Monday over pay.",
                "No boats left the harbour.",
                "The union asked for a rise of 6 percent.",
                "The operator has offered 3 percent.",
            ]
        ),
    },
    {
        "id": "hospital",
        "title": "Hospital staff accept deal",
        "text": "\n\n".join(
            [
                "Nurses at the Port Ellis hospital voted to accept a new contract.",
                "Talks had lasted since the autumn.",
                "Their union wanted a pay rise of 9 percent.",
                "The deal gives them 5 percent this year.",
            ]
        ),
    },
]


def test_a_question_in_its_storys_words_gets_the_sentence_that_story_surrounds(
    tmp_path: Path, embedder: Embedder
) -> None:
    searcher = searcher_over(PAY_TALKS, tmp_path, embedder)
    try:
        # The ferry sentence shares more of the question's own words ("asked for a rise"); only
        # the sentences around the other one say nurses, voted and contract.
        answer = searcher.answer("What rise did the union ask for before the nurses voted on the contract?")
        assert not answer.declined
        assert answer.hits[0].sentence == "Their union wanted a pay rise of 9 percent."
        assert answer.hits[0].article_id == "hospital"
    finally:
        searcher.close()


def test_each_hit_comes_with_the_sentence_before_it_in_its_article(tmp_path: Path, embedder: Embedder) -> None:
    searcher = searcher_over(PAY_TALKS, tmp_path, embedder)
    try:
        hits = searcher.search("union pay rise percent nurses ferry", k=8)
        befores = searcher.sentences_before(hits)
    finally:
        searcher.close()
    paragraphs = {a["id"]: a["text"].split("\n\n") for a in PAY_TALKS}
    positions = []
    for hit, before in zip(hits, befores, strict=True):
        sentences = paragraphs[hit.article_id]
        at = sentences.index(hit.sentence)
        positions.append(at)
        assert before == (sentences[at - 1] if at else "")
    # Both articles' first sentences are among the eight: the one before is never the other article's.
    assert len(hits) == 8 and positions.count(0) == 2


def test_answering_in_a_batch_gives_exactly_what_answering_alone_gives(town: Searcher) -> None:
    questions = [
        "What did Halvorsen add?",
        "How much will the terminal cost?",
        "What did Angela Merkel say?",
        "What is the price of oil?",
        "When do ferries run again?",
    ]
    together = town.answer_many(questions)
    alone = [town.answer(q) for q in questions]
    # The encode is batched (padding may move a score in its last bits, never a decision), and the
    # questions are answered side by side on the cores: each gets what it gets alone.
    for one, other in zip(together, alone, strict=True):
        assert (one.declined, one.reason[:20], [h.sentence for h in one.hits]) == (
            other.declined,
            other.reason[:20],
            [h.sentence for h in other.hits],
        )
        assert [h.score for h in one.ranked] == pytest.approx([h.score for h in other.ranked], abs=1e-4)


def test_the_plain_dense_path_is_still_available(town: Searcher, embedder: Embedder) -> None:
    plain = Searcher.open(town.directory, embedder=embedder, policy=AnswerPolicy(hybrid=False, min_score=0.3))
    try:
        hits = plain.search("ferry storm", k=3)
        assert hits and all(0.0 < h.score <= 1.0 for h in hits)
    finally:
        plain.close()


# -- the index files -----------------------------------------------------------------------------


def test_the_lexical_index_is_checked_when_the_index_is_opened(tmp_path: Path, embedder: Embedder) -> None:
    (tmp_path / "a.txt").write_text("Title\n\nOne sentence about ferries. Another about storms.\n", encoding="utf-8")
    build_index(tmp_path / "a.txt", tmp_path / "index", embedder)
    loaded = open_index(tmp_path / "index")
    lexical = loaded.generation_dir / "lexical.npz"
    loaded.close()
    data = bytearray(lexical.read_bytes())
    data[-10] ^= 0xFF
    lexical.write_bytes(bytes(data))
    with pytest.raises(IndexLoadError, match="lexical.npz"):
        Searcher.open(tmp_path / "index", embedder=embedder)


def test_embeddings_are_reused_by_the_text_actually_embedded(tmp_path: Path, embedder: Embedder) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        'Title\n\nMayor Ada Lind said the bridge opens in May.\n\n"It is late," she added.\n', encoding="utf-8"
    )
    build_index(article, tmp_path / "index", embedder)
    # Changing the first sentence changes what the second is embedded with: both re-embedded.
    article.write_text(
        'Title\n\nMayor Ada Lind said the bridge opens in June.\n\n"It is late," she added.\n', encoding="utf-8"
    )
    assert build_index(article, tmp_path / "index", embedder).encoded == 2
    article.write_text(
        'Title\n\nMayor Ada Lind said the bridge opens in June.\n\n"It is late," she added.\n\nNew line here.\n',
        encoding="utf-8",
    )
    assert build_index(article, tmp_path / "index", embedder).encoded == 1


def test_matching_texts_join_what_cannot_stand_alone() -> None:
    def s(text: str, position: int, speaker: str | None = None) -> Sentence:
        return Sentence("a", position, position, 0, len(text), text, speaker, "say" if speaker else None)

    sentences = [
        s("Mayor Ada Lind said the bridge opens in May.", 0, "Ada Lind"),
        s('"It is late," she added.', 1, "Ada Lind"),
        s("The council met on Friday.", 2),
        s("This surprised nobody.", 3),
        s("Born in Oslo , Nor .", 4),
        s(", Lind moved to Bergen.", 5),
    ]
    texts = matching_texts(sentences)
    assert texts[0] == sentences[0].text
    assert texts[1] == sentences[0].text + " " + sentences[1].text  # pronoun speaker
    assert texts[2] == sentences[2].text
    assert texts[3] == sentences[2].text + " " + sentences[3].text  # "This ..."
    assert texts[4] == sentences[4].text + " " + sentences[5].text  # its tail was cut off
    assert texts[5] == sentences[4].text + " " + sentences[5].text  # a tail


# -- the sample article --------------------------------------------------------------------------


def test_peskov_question_returns_exactly_his_four_sentences(sample_searcher: Searcher) -> None:
    answer = sample_searcher.answer("what did Peskov say?")
    assert not answer.declined
    assert len(answer.hits) == 4
    assert all(h.speaker == "Dmitry Peskov" for h in answer.hits)
    assert all("Peskov" in h.sentence for h in answer.hits)


def test_sherman_add_shows_the_she_added_sentence_first(sample_searcher: Searcher) -> None:
    answer = sample_searcher.answer("What did Sherman add?")
    assert answer.hits[0].sentence.endswith("she added.")
    assert all(h.speaker == "Wendy Sherman" for h in answer.hits)


def test_who_met_in_geneva_is_answered_with_the_geneva_talks(sample_searcher: Searcher) -> None:
    # The reranker scores it 0.18, just above its threshold (0.17; decline.py says why not 0.18).
    answer = sample_searcher.answer("Who met in Geneva?")
    assert not answer.declined
    assert "bilateral talks between the United States and Russia in Geneva" in answer.hits[0].sentence


@pytest.mark.parametrize(
    "question",
    [
        "What did Angela Merkel say?",
        "What is the price of oil?",
        "What did Macron say?",
        # Only Peskov's sentence says "optimistic"; Sherman is named two sentences away, which
        # counts for a factual question's story but not for a yes/no question about her.
        "Is Sherman optimistic?",
        "Is Putin ill?",
    ],
)
def test_sample_questions_it_cannot_answer_are_declined(sample_searcher: Searcher, question: str) -> None:
    assert sample_searcher.answer(question).declined


def test_a_yes_no_question_is_answered_by_a_sentence_holding_all_its_words(sample_searcher: Searcher) -> None:
    # 0.78 against a threshold of 0.80: declined before, though the sentence says "no deadline".
    answer = sample_searcher.answer("Is there a deadline?")
    assert not answer.declined
    assert answer.hits[0].sentence.startswith('Peskov said there was "no deadline" for the talks')
    assert answer.reason.startswith("The best sentence holds every word of the yes/no question")
    # One word no sentence next to "deadline" holds: the threshold judges it as before.
    assert sample_searcher.answer("Is there a deadline for the referendum?").declined


@pytest.mark.parametrize(
    ("question", "sentence", "nothing_new"),
    [
        # A list's heading repeats the question's names and tells nothing.
        ("Which TV show does Jeb Bush love?", "5. Jeb Bush.", True),
        ("Which TV show does Jeb Bush love?", "Jeb Bush loves Lilyhammer.", False),
        # A number is news to a question asking one, not to another.
        ("How many delegates did Jeb Bush win?", "5. Jeb Bush.", False),
        ("How many delegates did Jeb Bush win?", "Jeb Bush won delegates.", True),
        # A year is news to a question asking when; another number is not.
        ("When was Gillibrand first elected to the House?", "She was first elected to the House in 2006.", False),
        ("When was Gillibrand first elected to the House?", "5. Gillibrand was elected to the House.", True),
        # A month or weekday by name is news to a question asking when ("may" is a stop word).
        (
            "When did Bill de Blasio join the presidential race?",
            "De Blasio joined the presidential race in May.",
            False,
        ),
        ("When did de Blasio join the race on Monday?", "De Blasio joined the race on Monday.", True),
        ("When did de Blasio join the race?", "May de Blasio join the race?", True),
        # A yes/no question is answered in its own words.
        ("Did Jeb Bush win Iowa?", "Jeb Bush did not win Iowa.", False),
    ],
)
def test_a_sentence_saying_nothing_the_question_does_not(question: str, sentence: str, nothing_new: bool) -> None:
    tokenizer = Tokenizer()
    assert says_nothing_new(parse_query(question, tokenizer), sentence, tokenizer.tokens) is nothing_new


def test_a_lists_heading_is_no_answer(tmp_path: Path, embedder: Embedder) -> None:
    favourites = [
        {
            "id": "shows",
            "title": "The candidates' favourite shows",
            "text": "4. Ted Cruz.\n\nHe named the TV show Veep.\n\n5. Jeb Bush.\n\nHe did not say.",
        }
    ]
    searcher = searcher_over(favourites, tmp_path, embedder)
    try:
        answer = searcher.answer("Which TV show does Jeb Bush love?")
        assert answer.declined
        assert answer.reason == "The best sentence says nothing the question does not."
    finally:
        searcher.close()
