"""A question about a moment of someone's life against a sentence telling another, or only that
they died (index/search/life_events.py): not shown as the answer."""

from __future__ import annotations

import pytest

from index.search.life_events import another_life_event, life_event_unexplained
from index.search.searcher import Searcher
from tests.support import searcher_fixture

LEDE = "Nickey Iyambo, former vice-president of Namibia, died on Sunday, early in the morning."


@pytest.mark.parametrize(
    ("question", "sentence", "declined"),
    [
        # A cause asked: the sentence must tell one, or that none is known.
        ("What was the cause of Nickey Iyambo's death?", LEDE, True),
        ("What caused the death of Alexei Leonov?", "Roscosmos announced the death of cosmonaut Alexei Leonov.", True),
        ("How did Alexei Leonov die?", "Leonov, who died in Moscow, will be buried on Tuesday.", True),
        ("What did Francis D'Souza die of?", "He had advanced pancreatic cancer.", False),
        ("What caused Jon Huber's death?", "Huber succumbed to an unspecified lung disorder.", False),
        ("How did the singer die?", "The singer died in a car crash on Friday.", False),
        ("What was the cause of his death?", "No cause of death was released.", False),
        # "When", about something else than the death: the death's day is not its date.
        ("When did Nickey Iyambo become vice-president of Namibia?", LEDE, True),
        ("When was Francis D'Souza dismissed as a minister?", "On Thursday, Francis D'Souza died.", True),
        ("When did Iyambo become vice-president?", "Iyambo, vice-president from 2015, died on Sunday.", False),
        ("When did Iyambo become vice-president?", "Iyambo, who took office in March, died on Sunday.", False),
        (
            "When was Franz Kafka born ?",
            "Kafka was born in Prague in <num> and died a month before his birthday.",
            False,
        ),
        # The question asks about the death: the date answers it.
        ("When did Nickey Iyambo die?", LEDE, False),
        ("When is the funeral of Nickey Iyambo?", LEDE, True),  # the death's day is not the funeral's
        # Other questions are not read.
        ("Who succeeded Nickey Iyambo?", LEDE, False),
        # When or where one moment of a life happened: another moment does not tell it.
        ("When did Jacques Chirac marry Bernadette?", "Jacques Chirac was born in 1932 in Paris.", True),
        ("Where was Hosni Mubarak buried?", "Mubarak died aged 91 in a military hospital in Cairo.", True),
        ("When was the funeral of chef Andrea Zamperoni held?", "Zamperoni was found dead on Wednesday.", True),
        ("Where was Jacques Chirac born?", "Chirac died at home in Paris, surrounded by family.", True),
        ("Where was Jacques Chirac born?", "Jacques Chirac was born in 1932 in Paris.", False),
        ("When did Chirac marry?", "Chirac, born in Paris, married Bernadette in 1956.", False),
        ("When was Mubarak buried?", "A military funeral was held for Mubarak on Wednesday.", False),
    ],
)
def test_what_a_sentence_about_a_life_answers(question: str, sentence: str, declined: bool) -> None:
    assert (life_event_unexplained(question, sentence) is not None) is declined


OBITUARY = [
    {
        "id": "iyambo",
        "title": "Nickey Iyambo, former vice-president of Namibia, dies aged 82",
        "published": "2019-05-05",
        "text": "\n\n".join(
            [
                LEDE,
                "He was 82 years old.",
                "The current president of Namibia, Hage Geingob, expressed his sadness at Iyambo's death.",
            ]
        ),
    },
    {
        "id": "budget",
        "title": "Namibia's budget",
        "published": "2019-03-01",
        "text": "Namibia's finance minister presented the budget to parliament in March.",
    },
]
obituary = searcher_fixture(OBITUARY, "obituary")


def test_a_lede_telling_only_that_someone_died_answers_neither_how_nor_when_else(obituary: Searcher) -> None:
    cause = obituary.answer("What was the cause of Nickey Iyambo's death?")
    assert cause.declined
    assert cause.reason == "The best sentence does not tell how they died, which the question asks."
    became = obituary.answer("When did Nickey Iyambo become vice-president of Namibia?")
    assert became.declined
    assert became.reason == "The best sentence dates a death, which the question does not ask about."
    died = obituary.answer("When did Nickey Iyambo die?")
    assert not died.declined, died.reason
    assert died.hits[0].sentence == LEDE


@pytest.mark.parametrize(
    ("question", "sentence", "other"),
    [
        ("When did Chirac marry?", "Chirac was born in 1932.", ("a birth", "a marriage")),
        ("In what year was Chirac born?", "Chirac died in 2019.", ("a death", "a birth")),
        # Two moments asked, none told, or neither "when" nor "where": not read.
        ("When was Chirac born and when did he die?", "Chirac was born in 1932.", None),
        ("When did Chirac marry?", "Chirac met Bernadette at Sciences Po.", None),
        ("Who did Chirac marry?", "Chirac was born in 1932.", None),
    ],
)
def test_another_moment_of_a_life(question: str, sentence: str, other: tuple[str, str] | None) -> None:
    assert another_life_event(question, sentence) == other


def test_a_question_about_a_funeral_is_not_answered_by_the_death(obituary: Searcher) -> None:
    funeral = obituary.answer("When was the funeral of Nickey Iyambo held?")
    assert funeral.declined
    assert funeral.reason == "The best sentence tells of a death, the question asks about a burial."
