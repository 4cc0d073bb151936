"""The unit a figure question asks in, and whether a sentence gives a figure in it (index/search/units.py)."""

from __future__ import annotations

import pytest

from index.search.query import parse_query
from index.search.ranking import holds_answer_type
from index.search.units import answers_unit, asked_unit, gives_unit, tells_length
from index.store.lexical import Tokenizer

STEMS = Tokenizer().tokens


def _gives(question: str, sentence: str) -> bool:
    unit = asked_unit(question, STEMS)
    assert unit is not None, question
    return gives_unit(unit, sentence, STEMS, question)


@pytest.mark.parametrize(
    ("question", "answers", "only_looks_close"),
    [
        (
            "How many votes did Sanders receive in the New Hampshire primary?",
            "Sanders got 151,584 votes in New Hampshire.",
            "Sanders won New Hampshire by 22 points.",
        ),
        ("How many electoral votes does Georgia have?", "Georgia has 16 electoral votes.", "Georgia voted 52 to 45."),
        (
            "How many people attended the rally in Reno?",
            "About 3,000 people attended the rally in Reno.",
            "The rally in Reno began at 7 p.m.",
        ),
        (
            "How much did Trump pay in federal income taxes?",
            "Trump paid $1.5 million in federal income taxes.",
            "Trump paid federal income taxes in 12 of 18 years.",
        ),
        ("How much will the terminal cost?", "It will cost 48 million euros.", "It will open in 2019 with 12 gates."),
        ("How old is Tim Kaine?", "Kaine, 58, spoke first.", "Kaine was elected in 2012."),
        ("How old is Tim Kaine?", "The 58-year-old senator spoke first.", "Kaine has 3 children."),
        # An age in words.
        ("How old is Greta Thunberg?", "The sixteen-year-old Swede is the youngest.", "She has two sisters."),
        ("How old was Thunberg?", "She began at the age of fifteen.", "She began in 2018, with fifteen others."),
        ("How old is the senator?", "He is sixty-three years old.", "He served sixty-three days."),
        (
            "What percentage of voters back Clinton?",
            "Clinton has 46% of likely voters.",
            "Clinton won 46 delegates.",
        ),
        ("By how many points did Sanders win?", "Sanders won by 22 percentage points.", "Sanders won 22 counties."),
        ("How long did the meeting last?", "The meeting lasted 45 minutes.", "The meeting had 12 members."),
    ],
)
def test_a_figure_of_the_unit_asked_answers_and_another_figure_does_not(
    question: str, answers: str, only_looks_close: str
) -> None:
    assert _gives(question, answers)
    assert not _gives(question, only_looks_close)


def _may_answer(question: str, sentence: str) -> bool:
    unit = asked_unit(question, STEMS)
    assert unit is not None, question
    return answers_unit(unit, sentence, STEMS, question)


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        # The counted noun a few words from its figure, after or before it.
        (
            "How many voters did the Fox News poll interview?",
            "The poll was conducted among 1,031 randomly-selected registered adult voters.",
        ),
        (
            "How many pledged delegates does New York have?",
            "It has the second-highest number of pledged delegates, 247.",
        ),
        ("How many voters backed her?", "A majority of voters backed her."),
        # A figure that leaves its noun unsaid, named earlier in the sentence.
        (
            "How many smuggling tunnels have border officials found?",
            "Since the first drug tunnel was discovered in 1990 in Douglas, officials have found nearly 200 more.",
        ),
        (
            "How many delegates does Trump need to win?",
            "Trump leads in the race for Republican delegates, but he may fall short of the 1,237 needed to win.",
        ),
        # A count of people as news of an attack tells it; a bare figure as the subject.
        ("How many people were killed in the attack?", "The attack killed 32."),
        ("How many people were killed in the attack?", "The death toll rose to 49 on Tuesday."),
        ("How many soldiers were wounded?", "Twelve were wounded in the blast."),
        # People in other words, a unit written short, kinds of a thing.
        ("How many soldiers were in each Tumen?", "Each Tumen consisted of 10,000 troops."),
        ("How many Huguenots were killed in Toulouse?", "Nearly 3,000 Protestants were slaughtered in Toulouse."),
        ("How many kilometers is Warsaw from the mountains?", "Warsaw lies about 300 km from the mountains."),
        ("How many pounds of steam does the engine use?", "It uses 4 kg (8.8 lb) of steam per kWh."),
        ("How many types of X.25 networks were there?", "There were two kinds of X.25 networks."),
        # A group named with a capital is counted in people too.
        (
            "How many Central Americans will Costa Rica host?",
            "Costa Rica will host up to 200 people from El Salvador, Guatemala and Honduras.",
        ),
    ],
)
def test_a_count_told_in_other_word_order_may_answer(question: str, sentence: str) -> None:
    assert not _gives(question, sentence)  # the reranker's stricter reading
    assert _may_answer(question, sentence)


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        ("How old was Chopin when he moved to Warsaw?", "He moved to the city when he was seven months old."),
        ("How old must a member be?", "Members must be over the age of 18."),
        ("How old was the minister?", "Luk, reportedly aged about 68, had suffered a prolonged illness."),
        ("How old are the fossils?", "Fossils have been found as far back as 515 million years ago."),
        ("How old are the fossils?", "The fossils are some 1,500-odd years old."),
        ("How much money was Francovich allowed to claim?", "He was allowed to claim 6 million Lira in damages."),
        (
            "How much money was Francovich allowed to claim?",
            "He was allowed to claim some 6.5 million Lira in damages.",
        ),
        # An age still answers "how old", and a count beside an age still counts.
        ("How old is the Trump supporter?", "Video shows the 78-year-old Trump supporter."),
        ("How many supporters came?", "The 78-year-old was one of 3,000 supporters there."),
    ],
)
def test_an_age_or_an_amount_told_loosely_may_answer(question: str, sentence: str) -> None:
    assert _may_answer(question, sentence)


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        (
            "How many votes did Sanders receive in the New Hampshire primary?",
            "Since January, Sanders has opened up a 15-point lead over Clinton in New Hampshire.",
        ),
        ("How many tunnels were found?", "The first drug tunnel was found in 1990 near Douglas."),
        ("How many people attended the event?", "Mr. Clinton, 69, looked smaller than in past campaigns."),
        ("How many people were killed?", "The bomb went off at 9 in the morning."),
        # A figure of another noun far from the counted one is not read as leaving it unsaid.
        (
            "How many tunnels were found?",
            "A tunnel was found last spring near the small desert town of Douglas, where 300 people live.",
        ),
        ("How many Syrians live in Clarkston?", "Clarkston opened its first mosque in 1998."),
        ("How old was Scalia when he died?", "Justice Antonin Scalia died four days later."),
        ("How much did the skywriting cost?", "At least six skywriting planes filled the skies."),
        # An age counts nothing, though it stands beside the counted noun.
        (
            "How many Trump supporters attended the rally?",
            "Video shows the 78-year-old Trump supporter who punched a protester at a Trump rally.",
        ),
        ("How many babies were born?", "The six-month-old baby was born in Ohio."),
        # A figure of a span of time counts no one, though it stands beside "killed".
        ("How many people did Sadiq Khan kill?", "Captain Khan, killed 12 years ago, was a hero."),
        # A figure beside a word before the counted noun counts no such noun.
        (
            "How many Iowa pastors have endorsed Ted Cruz?",
            "Pastor Bradley Cranston stood at his pulpit in Burlington, Iowa, citing Exodus 18:21.",
        ),
        # A sum of money or a share counts no donors, voters or delegates.
        ("How many donors gave to her campaign?", "She has raised $2.7 million from tech donors."),
        ("How many likely voters did the poll survey?", "Trump was chosen by 37% of likely voters."),
        ("How many of the Northern Mariana Islands' delegates did Sanders win?", "Sanders won 34% of the delegates."),
        # A span of weeks of something is no age.
        ("How old was the protester?", "For the first time in the sixteen weeks of protests, police shot a protester."),
    ],
)
def test_a_figure_of_something_else_cannot_answer(question: str, sentence: str) -> None:
    assert not _may_answer(question, sentence)


def test_a_share_tells_how_many_more() -> None:
    assert _may_answer("How many more wildfires were there in 2019?", "There were 85% more wildfires in 2019.")
    assert _may_answer("How many likely voters did the poll survey?", "The poll surveyed 1,000 likely voters.")


def test_what_is_counted_may_follow_of_the_and_a_possessor() -> None:
    unit = asked_unit("How many of the Northern Mariana Islands' delegates did Sanders win?", STEMS)
    assert unit is not None and unit.head == frozenset({"deleg"})
    assert asked_unit("How many of them died?", STEMS) is None
    assert _may_answer(
        "How many of the Northern Mariana Islands' delegates did Sanders win?",
        "Sanders secured four of the six delegates.",
    )


def test_a_span_of_time_counts_when_it_is_what_is_counted() -> None:
    assert _may_answer("How many years was he held?", "He was held 12 years ago and freed.")
    assert _may_answer("How many people were killed?", "The attack 12 days ago killed 30 people.")


def test_the_questions_own_figure_is_not_an_answer() -> None:
    question = "How many jobs would Clinton's $275 billion infrastructure plan create?"
    assert not _gives(question, "Clinton unveiled a $275 billion infrastructure plan on Monday.")
    assert _gives(question, "The plan would create 500,000 jobs, the campaign said.")
    # Its own figure whole, not a part of one: the "2" of "2 delegates" is not the "2016" asked.
    assert _gives("How many delegates did Trump win in Guam in 2016?", "Trump won 2 delegates in Guam.")
    assert _may_answer("How many delegates did Trump win in Guam in 2016?", "Trump won 2 delegates in Guam.")
    assert not _gives("How many delegates did Trump win in Guam in 2016?", "Guam voted in 2016 on delegates.")


def test_the_questions_own_figure_is_its_value_however_written() -> None:
    # "$1,275" asked, "1275 dollars" written: the same figure, not an answer.
    question = "How much did the club spend on food after raising $1,275?"
    assert not _gives(question, "The club raised 1275 dollars at the fair.")
    assert _gives(question, "The club spent $400 on food.")


def test_digits_inside_a_word_are_no_figure() -> None:
    assert not _gives("How many leaders attended the summit?", "The G7 leaders met in Biarritz on Sunday.")
    assert _gives("How many leaders attended the summit?", "Seven leaders attended the summit.")


def test_masked_numbers_count_as_figures() -> None:
    # TrecQA writes its numbers as <num>
    assert _gives("How many stores are there?", "There are about <num> stores , with more planned .")


@pytest.mark.parametrize(
    "question", ["Who won the Australian Open?", "When did the talks start?", "How many were killed?", "Why?"]
)
def test_questions_asking_no_figure_of_a_known_unit_have_none(question: str) -> None:
    assert asked_unit(question, STEMS) is None


def test_a_long_hostile_question_is_read_in_one_pass() -> None:
    # no pattern here may backtrack on a long run of one character
    question = "how many " + "a" * 20_000 + "?" + " how much" + "-" * 20_000
    unit = asked_unit(question, STEMS)
    assert unit is not None and unit.kind == "count"
    assert not gives_unit(unit, "1" * 20_000 + " " + "$" * 5_000, STEMS, question)
    # a table of numbers is read only so far: its 20,000th figure's unit is not looked for
    votes = asked_unit("How many votes?", STEMS)
    assert votes is not None
    assert not gives_unit(votes, "7 " * 20_000 + "9 votes", STEMS)
    assert gives_unit(votes, "7 " * 5 + "9 votes", STEMS)
    # nor may the words that tell a length ("a week", "since 2009", "from 1870 to 1939")
    assert not tells_length("a " * 20_000 + "1" * 20_000 + " since" * 5_000 + "th" * 10_000, STEMS, question)
    assert tells_length("a " * 20_000 + "a week", STEMS)
    # nor the time told from another ("ten years later") on a run of hyphened words
    assert tells_length("a-" * 20_000 + " a week", STEMS)


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        ("How many people died in the fire?", "Sixty people died in the fire, officials said."),
        ("How many people died in the fire?", "Seventeen people died in the fire."),
        ("How many votes did the motion get?", "The motion got ninety votes."),
        ("How much will the bridge cost?", "The bridge will cost two trillion dollars."),
        ("How many seats did the party win?", "The party won thirteen seats."),
    ],
)
def test_a_figure_written_in_words_is_a_figure_for_the_asked_unit_and_for_the_ranking(
    question: str, sentence: str
) -> None:
    # One list of number words (index/lexicon.py) serves both readers: a sentence that gives the
    # asked figure in words also holds the number the ranking looks for, and the reverse.
    assert _gives(question, sentence)
    assert holds_answer_type(parse_query(question, Tokenizer()), sentence)
    assert not holds_answer_type(parse_query(question, Tokenizer()), "The fire was put out by the brigade.")


def test_how_long_something_took_asks_a_time_not_a_distance() -> None:
    took = "How long did Zapata's crossing take?"
    assert not tells_length("Zapata flew across the water at over 100 mph (161 km/h).", STEMS, took)
    assert tells_length("The 22-mile (35-km) journey took 22 minutes.", STEMS, took)
    # "How long" of a thing still reads a length.
    assert tells_length("The tunnel runs 300 miles under the Alps.", STEMS, "How long is the tunnel?")
