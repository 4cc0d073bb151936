"""Topic questions focus: "What did X say about Y?" shows X's quotes about Y, counts the rest and
keeps them behind "More" (README "How answers are chosen", item 1).

What a user sees is asserted: the terminal chat's reply, the Telegram messages and their More
button, on a small corpus written here (two people, several topics) and on the sample article.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from bot.console import reply_to
from bot.render import conversation, keyboards
from bot.telegram.inline import answer_results
from index.embedding.models import Embedder
from index.search.searcher import Searcher
from index.search.speech_topic import about_topic, in_own_words, listed, others_label, topic_note
from tests.support import searcher_fixture, searcher_over

ARTICLES = [
    {
        "id": "hospital",
        "title": "Hospital runs out of beds",
        "published": "2024-03-05",
        "text": "\n\n".join(
            [
                "Samuel Okafor said the hospital had run out of beds twice this winter.",
                "Mayor Ingrid Halvorsen said the hospital budget was safe.",
                "Okafor said the new school was a good idea.",
                "Okafor said the waiting lists had doubled since last spring.",
            ]
        ),
    },
    {
        "id": "budget",
        "title": "Council debates next year's spending",
        "published": "2024-02-01",
        "text": "\n\n".join(
            [
                "Mayor Ingrid Halvorsen said the town's spending would rise by ten percent next year.",
                "The council meets again on Friday.",
                "Halvorsen said the new school would open in September.",
                '"The hospital needs more nurses, not more managers," Halvorsen said.',
            ]
        ),
    },
    {
        "id": "ferry",
        "title": "Ferry terminal on schedule",
        "published": "2023-11-20",
        "text": "\n\n".join(
            [
                "Halvorsen said the ferry terminal would open in 2025.",
                "Okafor said the ferry was often late in winter.",
            ]
        ),
    },
]

HALVORSEN = {
    "hospital budget": "Mayor Ingrid Halvorsen said the hospital budget was safe.",
    "nurses": '"The hospital needs more nurses, not more managers," Halvorsen said.',
    "spending": "Mayor Ingrid Halvorsen said the town's spending would rise by ten percent next year.",
    "school": "Halvorsen said the new school would open in September.",
    "ferry": "Halvorsen said the ferry terminal would open in 2025.",
}


town = searcher_fixture(ARTICLES, "topics")


def quoted_lines(reply: str) -> list[str]:
    """The sentences of a terminal reply, in the order shown (without markers and sources)."""
    return [line.split("“", 1)[1].rstrip("”") for line in reply.splitlines() if "“" in line]


# -- the terminal chat -----------------------------------------------------------------------------


def test_a_topic_shows_the_quotes_about_it_first_then_counts_and_lists_the_others(town: Searcher) -> None:
    reply = reply_to(town, "What did Halvorsen say about the hospital?")
    lines = reply.splitlines()
    assert lines[0] == "Ingrid Halvorsen is quoted 5 times; 2 are about the hospital:"
    shown = quoted_lines(reply)
    assert set(shown[:2]) == {HALVORSEN["hospital budget"], HALVORSEN["nurses"]}
    assert reply.count("/2]") == 2  # "[1/2]", "[2/2]": the quotes about the topic are numbered as the answer
    # The other three follow under their own heading, as they were written (newest article first).
    assert "Other quotes by Ingrid Halvorsen:" in lines
    assert shown[2:] == [HALVORSEN["spending"], HALVORSEN["school"], HALVORSEN["ferry"]]
    assert "[#3]" in reply and "[#5]" in reply
    assert not any("Okafor said" in s for s in shown)  # never someone else's words


def test_the_same_rule_holds_for_the_other_person_and_another_topic(town: Searcher) -> None:
    reply = reply_to(town, "what did Okafor say about the school?")
    assert reply.splitlines()[0] == "Samuel Okafor is quoted 4 times; 1 is about the school:"
    shown = quoted_lines(reply)
    assert shown[0] == "Okafor said the new school was a good idea."
    assert len(shown) == 4 and all("Okafor" in s for s in shown)


def test_when_no_quote_is_about_the_topic_the_note_says_so_and_every_quote_is_shown(town: Searcher) -> None:
    reply = reply_to(town, "What did Okafor say about the budget?")
    assert reply.splitlines()[0] == "No quote by Samuel Okafor is about the budget. Samuel Okafor is quoted 4 times:"
    assert reply.count("/4]") == 4 and "Other quotes" not in reply
    answer = town.answer("What did Okafor say about the budget?")
    assert len(answer.hits) == 4 and not answer.others and not answer.more


def test_a_question_without_a_topic_is_answered_as_before(town: Searcher) -> None:
    answer = town.answer("What did Halvorsen say?")
    assert not answer.note and not answer.others and not answer.more
    assert {h.sentence for h in answer.hits} == set(HALVORSEN.values())
    # The best first, then article order, newest article first (the order in the module docstring).
    rest = [h.sentence for h in answer.hits[1:]]
    written = [HALVORSEN[k] for k in ("hospital budget", "spending", "school", "nurses", "ferry")]
    assert rest == [s for s in written if s != answer.hits[0].sentence]


def test_an_occasion_asked_is_the_topic(town: Searcher) -> None:
    # "at the council": no quote names it, but three were said in the story whose headline does.
    reply = reply_to(town, "What did Halvorsen say at the council?")
    assert reply.splitlines()[0] == "Ingrid Halvorsen is quoted 5 times; 3 are about the council:"
    assert set(quoted_lines(reply)[:3]) == {HALVORSEN["spending"], HALVORSEN["school"], HALVORSEN["nurses"]}
    assert "Other quotes by Ingrid Halvorsen:" in reply


def test_a_topic_of_stop_words_only_is_no_topic_to_focus_on(town: Searcher) -> None:
    answer = town.answer("What did Halvorsen say about it?")
    assert not answer.note and not answer.others and len(answer.hits) == 5


def test_a_topic_of_several_words_counts_a_quote_holding_any_of_them(town: Searcher) -> None:
    answer = town.answer("What did Okafor say about the hospital beds?")
    # "hospital" and "beds" are both in one of Okafor's quotes and in none of his others.
    assert answer.note == "Samuel Okafor is quoted 4 times; 1 is about the hospital beds:"
    assert [h.sentence for h in answer.hits] == [
        "Samuel Okafor said the hospital had run out of beds twice this winter."
    ]


# -- Telegram ----------------------------------------------------------------------------------------


def test_telegram_shows_the_topic_quotes_and_more_offers_the_other_quotes_in_article_order(town: Searcher) -> None:
    answer = town.answer("What did Halvorsen say about the hospital?")
    plan = conversation.plan_answer(answer, keyboards.index_tag(answer.index_hash))
    html = "\n".join(m.html for m in plan)
    assert html.startswith("<i>Ingrid Halvorsen is quoted 5 times; 2 are about the hospital:</i>")
    assert "<b>1/2</b>" in html and "<b>2/2</b>" in html and "3/" not in html
    assert "spending would rise" not in html  # the others wait behind More
    markup = plan[-1].keyboard
    assert markup is not None
    labels = {b.text: b.callback_data for row in markup.inline_keyboard for b in row}
    assert "More: other quotes by Ingrid Halvorsen" in labels
    action = keyboards.decode(labels["More: other quotes by Ingrid Halvorsen"])
    assert isinstance(action, keyboards.ShowMore) and action.first == 3
    sentence_of = {h.row: h.sentence for h in answer.ranked}
    assert [sentence_of[r] for r in action.rows[:3]] == [
        HALVORSEN["spending"],
        HALVORSEN["school"],
        HALVORSEN["ferry"],
    ]


def test_without_a_topic_the_more_button_is_plain(town: Searcher) -> None:
    answer = town.answer("What did Halvorsen say?")
    plan = conversation.plan_answer(answer, keyboards.index_tag(answer.index_hash))
    markup = plan[-1].keyboard
    assert markup is not None
    assert "More" in {b.text for row in markup.inline_keyboard for b in row}


def test_inline_mode_lists_the_topic_quotes_first_then_the_other_quotes(town: Searcher) -> None:
    answer = town.answer("What did Halvorsen say about the hospital?")
    described = [r.description for r in answer_results(answer)]
    assert set(described[:2]) == {HALVORSEN["hospital budget"], HALVORSEN["nurses"]}
    assert described[2:5] == [HALVORSEN["spending"], HALVORSEN["school"], HALVORSEN["ferry"]]


# -- the sample article --------------------------------------------------------------------------------


def test_on_the_sample_article_peskov_on_the_talks(sample_index: Path, embedder: Embedder) -> None:
    searcher = Searcher.open(sample_index, embedder=embedder)
    try:
        reply = reply_to(searcher, "what did Peskov say about the talks?")
        lines = reply.splitlines()
        assert lines[0] == "Dmitry Peskov is quoted 4 times; 3 are about the talks:"
        shown = quoted_lines(reply)
        assert all("talks" in s for s in shown[:3])
        assert lines[lines.index("Other quotes by Dmitry Peskov:") + 1] == (
            '[#4] “"We see no real reason to be optimistic so far," Peskov said.”'
        )
        plain = reply_to(searcher, "what did Peskov say?")
        assert "quoted" not in plain and plain.count("/4]") == 4
    finally:
        searcher.close()


# -- the rule and the wording --------------------------------------------------------------------------


def test_about_means_a_topic_word_in_the_quote_or_its_context() -> None:
    assert about_topic(np.array([0.0, 1.3, 0.0, 0.2])).tolist() == [False, True, False, True]


@pytest.mark.parametrize(
    ("total", "about", "plural", "expected"),
    [
        (4, 2, False, "Peskov is quoted 4 times; 2 are about the talks:"),
        (2, 1, False, "Peskov is quoted twice; 1 is about the talks:"),
        (3, 0, False, "No quote by Peskov is about the talks. Peskov is quoted 3 times:"),
        (1, 0, False, "No quote by Peskov is about the talks. Peskov is quoted once:"),
        (3, 3, False, ""),
        (5, 1, True, "Peskov and Ryabkov are quoted 5 times; 1 is about the talks:"),
    ],
)
def test_the_count_line(total: int, about: int, plural: bool, expected: str) -> None:
    who = ["Peskov", "Ryabkov"] if plural else ["Peskov"]
    assert topic_note(who, total, about, "the talks") == expected


def test_the_count_line_lists_three_people_as_a_sentence_would() -> None:
    who = ["Donald Trump", "Ivanka Trump", "Melania Trump"]
    assert topic_note(who, 97, 0, "the generals") == (
        "No quote by Donald Trump, Ivanka Trump or Melania Trump is about the generals. "
        "Donald Trump, Ivanka Trump and Melania Trump are quoted 97 times:"
    )
    assert topic_note(who, 97, 3, "the generals") == (
        "Donald Trump, Ivanka Trump and Melania Trump are quoted 97 times; 3 are about the generals:"
    )
    assert others_label(who) == "other quotes by Donald Trump, Ivanka Trump and Melania Trump"
    # Whom they were said to: the quotes name them, which is not to say they are about them.
    assert topic_note(who, 97, 1, "ABC News", named=True) == (
        "Donald Trump, Ivanka Trump and Melania Trump are quoted 97 times; 1 names ABC News:"
    )
    assert topic_note(who, 97, 0, "ABC News", named=True).startswith(
        "No quote by Donald Trump, Ivanka Trump or Melania Trump names ABC News."
    )
    assert [listed(names) for names in ([], ["A"], ["A", "B"])] == ["", "A", "A and B"]


def test_when_no_quote_names_the_topic_those_from_a_story_whose_headline_does_are_about_it(
    tmp_path: Path, embedder: Embedder
) -> None:
    # PolNeAR dev: "Republicans want a photo op," said in an article about a contempt vote, answers
    # "What did Cummings say about the contempt vote?"; neither of his quotes names the vote, but
    # the headline of the story he said it in does.
    articles = [
        {
            "id": "vote",
            "title": "Panel votes to hold aide in contempt",
            "published": "2016-09-01",
            "text": "A House panel voted on Thursday to hold a former aide in contempt of Congress.\n\n"
            '"Republicans want a photo op," said Rep. Elijah Cummings of Maryland.',
        },
        {
            "id": "senate",
            "title": "A senate race",
            "published": "2016-10-01",
            "text": '"He would be a great senator, one of the brightest in Congress," Elijah Cummings said.',
        },
    ]
    searcher = searcher_over(articles, tmp_path, embedder)
    answer = searcher.answer("What did Elijah Cummings say about the contempt vote?")
    assert answer.note == "Elijah Cummings is quoted twice; 1 is about the contempt vote:"
    assert [h.article_id for h in answer.hits] == ["vote"]
    assert [h.article_id for h in answer.others] == ["senate"]
    # A headline naming only part of the topic does not make its story's quotes about it.
    answer = searcher.answer("What did Elijah Cummings say about the aide's pay vote?")
    assert answer.note.startswith("No quote by Elijah Cummings is about")


SUPERDELEGATES = [
    {
        "id": "superdelegates",
        "title": "Superdelegates stand by Clinton",
        "published": "2016-05-20",
        "text": "\n\n".join(
            [
                "Another superdelegate, Michael Brown of Washington, D.C., explained the reason for his "
                "late-in-the-game support for the former first lady.",
                '"It is time to stand behind our presumptive candidate," he declared.',
                '"We should not be acting like we are undecided when the people of America have spoken."',
            ]
        ),
    },
]

superdelegates = searcher_fixture(SUPERDELEGATES, "superdelegates")


def test_the_speakers_own_words_come_before_a_report_of_them(superdelegates: Searcher) -> None:
    # PolNeAR train: the sentence reporting that he explained came first, his words second.
    answer = superdelegates.answer("What did Michael Brown say about backing Clinton as a superdelegate?")
    assert answer.hits[0].sentence.startswith('"It is time')
    assert answer.hits[-1].sentence.startswith("Another superdelegate")  # the report is still shown, after


def test_a_quote_is_the_speakers_words_a_report_is_not() -> None:
    assert in_own_words('"It is time to stand behind our candidate," he declared.')
    assert in_own_words("''No,'' Mr. King said.")
    assert in_own_words('Trump called the report "fake news."')
    assert not in_own_words("Brown explained the reason for his late support for Clinton.")
