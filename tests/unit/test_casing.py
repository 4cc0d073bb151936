"""A question typed in lower case is read with its names capitalised as the articles write them
(index/search/casing.py, Retriever.written_form): the same answer as the question written with
capitals."""

from __future__ import annotations

import pytest

from index.search.casing import MAX_LOOKED_UP, forms_in, opening_forms, truecase, usual_form, writes_no_names
from index.search.searcher import Searcher
from index.store.lexical import opens_sentence
from tests.support import searcher_fixture

FORMS = {"peskov": "Peskov", "nato": "NATO", "geneva": "Geneva", "clinton": "Clinton", "u.s.": "U.S."}


def written_as(word: str) -> str | None:
    return FORMS.get(word)


@pytest.mark.parametrize(
    ("question", "read"),
    [
        ("what did peskov say about nato?", "what did Peskov say about NATO?"),
        ("Who did sherman talk to in geneva?", "Who did sherman talk to in Geneva?"),  # a phone's first capital
        ("who is clinton's campaign manager?", "who is Clinton's campaign manager?"),  # possessive kept
        ("who is clinton’s campaign manager?", "who is Clinton’s campaign manager?"),
        ("how many u.s. troops are in europe?", "how many U.S. troops are in europe?"),
        ("WHAT DID PESKOV SAY?", "what did Peskov say?"),  # all in capitals: no name told apart
        ("NATO", "NATO"),  # one word in capitals: an acronym, as typed
        # Someone who wrote a capital after the first word chose the capitals: read as typed.
        ("What did Peskov say about nato?", "What did Peskov say about nato?"),
        ("what does I mean to peskov?", "what does I mean to Peskov?"),  # "I" is no name
    ],
)
def test_a_question_without_capitals_gets_the_articles_capitals(question: str, read: str) -> None:
    assert truecase(question, written_as) == read


def test_a_long_message_has_only_its_first_words_looked_up() -> None:
    asked: list[str] = []

    def counting(word: str) -> str | None:
        asked.append(word)
        return written_as(word)

    message = "what did peskov say " + " ".join(f"word{n:03d}x" for n in range(MAX_LOOKED_UP + 50)) + " nato"
    read = truecase(message, counting)
    assert read.startswith("what did Peskov say") and read.endswith(" nato")  # past the limit: as typed
    assert len(asked) == MAX_LOOKED_UP


@pytest.mark.parametrize(
    ("question", "uncased"),
    [
        ("what did peskov say?", True),
        ("What did peskov say?", True),
        ("What did Peskov say?", False),
        ("what did the U.S. say?", False),
        ("", True),
    ],
)
def test_a_question_typed_without_capitals(question: str, uncased: bool) -> None:
    assert writes_no_names(question) is uncased


@pytest.mark.parametrize(
    ("forms", "usual"),
    [
        (["Geneva", "Geneva", "Geneva"], "Geneva"),
        (["NATO", "NATO", "Nato"], "NATO"),  # the most common capitalised form
        (["Peskov"], "Peskov"),  # one sighting, capitalised away from a sentence's start
        (["President", "president", "President", "president"], None),  # half the time: a word
        (["talks", "talks", "Talks"], None),
        ([], None),
    ],
)
def test_the_usual_form_is_capitalised_only_when_nearly_always_so(forms: list[str], usual: str | None) -> None:
    assert usual_form(forms) == usual


def test_a_sentence_start_tells_nothing_of_a_words_case() -> None:
    sentences = ["Talks resumed in Geneva.", "The talks ended.", "He said: “Talks are over.”", "US-Russia talks"]
    assert forms_in("talks", sentences, opens_sentence) == ["talks", "talks"]
    assert forms_in("geneva", sentences, opens_sentence) == ["Geneva"]


ARTICLES = [
    {
        "id": "race-1",
        "title": "Campaign spending",
        "published": "2024-02-01",
        "text": "\n\n".join(
            [
                "Sanders campaign manager Jeff Weaver said the Clinton campaign was spending heavily on ads.",
                "In a memo, Clinton campaign manager Robby Mook said the delegate math favoured her.",
                "Clinton aides said the campaign would spend more in Iowa.",
                "The campaign manager of a rival declined to comment on the ads.",
            ]
        ),
    },
    {
        "id": "ohio-1",
        "title": "Ohio is up for grabs",
        "published": "2024-10-01",
        "text": "\n\n".join(
            [
                "Ohio has picked the winner of every presidential election since 1964.",
                "Polls show a close contest in the state, where 18 electoral votes are up for grabs.",
            ]
        ),
    },
    {
        "id": "penn-1",
        "title": "Pennsylvania votes on Tuesday",
        "published": "2024-10-02",
        "text": "\n\n".join(
            [
                "Pennsylvania voters head to the polls on Tuesday after a long campaign.",
                "Turnout in Pennsylvania is expected to be high in Philadelphia and Pittsburgh.",
            ]
        ),
    },
]

campaigns = searcher_fixture(ARTICLES, "cased")


@pytest.mark.parametrize(
    "question",
    ["who is clinton's campaign manager?", "Who is clinton's campaign manager?", "WHO IS CLINTON'S CAMPAIGN MANAGER?"],
)
def test_a_question_typed_in_lower_case_is_answered_as_written_with_capitals(
    campaigns: Searcher, question: str
) -> None:
    written = campaigns.answer("Who is Clinton's campaign manager?")
    typed = campaigns.answer(question)
    assert [h.sentence for h in written.hits] == [
        "In a memo, Clinton campaign manager Robby Mook said the delegate math favoured her."
    ]
    assert [h.sentence for h in typed.hits] == [h.sentence for h in written.hits]


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("who r clinton's campaign manager", "Who is Clinton's campaign manager?"),  # the role's holder
        ("wat did mook say abt the delegate math", "What did Mook say about the delegate math?"),  # his words
    ],
)
def test_a_question_written_short_as_in_a_chat_is_answered_as_written_in_full(
    campaigns: Searcher, typed: str, written: str
) -> None:
    short, full = campaigns.answer(typed), campaigns.answer(written)
    assert [h.sentence for h in short.hits] == [h.sentence for h in full.hits]
    assert (short.reason, short.note) == (full.reason, full.note)
    assert "Robby Mook" in short.reason  # read as the question it is, not as a search of its words


@pytest.mark.parametrize(
    "question",
    ["how many electoral votes does pennsylvania have?", "How many electoral votes does pennsylvania have?"],
)
def test_a_figure_of_a_state_typed_in_lower_case_is_not_taken_from_another_states_story(
    campaigns: Searcher, question: str
) -> None:
    """Ohio's 18 electoral votes are no answer about Pennsylvania, however the state is typed."""
    assert campaigns.answer("How many electoral votes does Pennsylvania have?").declined
    assert campaigns.answer(question).declined


# "feder" is "federal" in the first hundred sentences holding it, "Federation" only after them.
FEDERAL = [
    {
        "id": "budget",
        "title": "Federal spending",
        "published": "2024-03-01",
        "text": "\n\n".join(f"The federal grant to district {n} rose by {n} percent this year." for n in range(120)),
    },
    {
        "id": "union",
        "title": "Teachers union",
        "published": "2024-03-02",
        "text": "\n\n".join(
            [
                "Randi Weingarten, president of the American Federation of Teachers, spoke on Monday.",
                "The American Federation of Teachers endorsed Clinton early.",
                "Members of the Federation voted online.",
            ]
        ),
    },
]

federal = searcher_fixture(FEDERAL, "federal")


def test_a_word_is_looked_for_past_the_sentences_its_stem_shares_with_another(federal: Searcher) -> None:
    assert (
        federal.read_question("who is the president of the american federation of teachers")
        == "who is the president of the American Federation of Teachers?"
    )
    assert federal.read_question("how much was the federal grant") == "how much was the federal grant?"


def test_a_first_name_only_ever_opening_a_sentence_is_read_from_there() -> None:
    sentences = ["Florent Groberg is a former Army captain.", "Undeterred by it, Groberg spoke.", "Despite, Trump"]
    assert opening_forms("florent", sentences, opens_sentence) == ["Florent"]
    assert opening_forms("undeterred", sentences, opens_sentence) == []  # a word in lower case follows
    assert opening_forms("despite", sentences, opens_sentence) == []  # a mark follows
    assert opening_forms("groberg", sentences, opens_sentence) == []  # not where a sentence opens


CAPTAIN = [
    {
        "id": "captain",
        "title": "Medal of Honor winner speaks out",
        "published": "2016-06-10",
        "text": "\n\n".join(
            [
                "Florent Groberg is a former U.S. Army captain and Medal of Honor winner who is a lifelong Republican.",
                '"He has absolutely zero military experience," Groberg said of the candidate.',
                "Groberg, 33, said he would not vote for him.",
            ]
        ),
    },
]

captain = searcher_fixture(CAPTAIN, "captain")


def test_a_first_name_written_only_opening_a_sentence_is_capitalised_in_a_question(captain: Searcher) -> None:
    # PolNeAR: "who is florent groberg" was declined ("The best sentence names no one, which a
    # question asking who asks for"): "florent" stayed in lower case, so no name was asked.
    assert captain.read_question("who is florent groberg") == "who is Florent Groberg?"
    answer = captain.answer("who is florent groberg")
    assert not answer.declined
    assert answer.hits[0].sentence.startswith("Florent Groberg is a former U.S. Army captain")


PHRASES = {"street": "Street", "house": "House", "wall street": "Wall Street", "white house": "White House"}


@pytest.mark.parametrize(
    ("question", "read"),
    [
        # "wall" and "white" are mostly lower case alone; the two words together are a name.
        ("what did sanders say about wall street", "what did sanders say about Wall Street"),
        ("what did the white house say?", "what did the White House say?"),
        # One not written so together stays as read word by word.
        ("is the house white?", "is the House white?"),
        ("who lives on elm street?", "who lives on elm Street?"),
    ],
)
def test_two_words_the_articles_write_together_with_capitals_are_read_so(question: str, read: str) -> None:
    assert truecase(question, PHRASES.get) == read


POLITICS = [
    {
        "id": "briefing",
        "title": "Briefing on the budget",
        "published": "2016-03-01",
        "text": "\n\n".join(
            [
                "On Monday, White House spokesman Josh Earnest said the budget would pass.",
                "The House voted on the bill on Tuesday, and the House speaker said it was fair.",
                "Most white voters in Ohio backed the plan, and white collar workers did too.",
            ]
        ),
    }
]

politics = searcher_fixture(POLITICS, "phrases")


def test_a_lower_case_question_names_the_white_house_as_the_articles_do(politics: Searcher) -> None:
    typed, written = politics.answer("what did the white house say"), politics.answer("What did the White House say?")
    assert (typed.note, typed.reason) == (written.note, written.reason)
    assert typed.note == "The White House spokesman in these articles: Josh Earnest."  # not "white House"
    assert [h.sentence for h in typed.hits][:1] == [
        "On Monday, White House spokesman Josh Earnest said the budget would pass."
    ]
