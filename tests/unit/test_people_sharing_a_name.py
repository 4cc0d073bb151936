"""A name several quoted people share ("What did Trump say?" with Donald and Ivanka Trump in the
articles): each one's quotes come together, the most quoted person's first, under a note that
names everyone with their count; a quote signed with the surname alone counts as the most quoted
one's (README "How answers are chosen", item 1)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.console import reply_to
from bot.render.replies import answer_html
from index.embedding.models import Embedder
from index.search.searcher import Searcher
from index.search.speech_topic import people_note, people_topic_note, person_of
from tests.support import searcher_fixture, searcher_over

ARTICLES = [
    {
        "id": "rally",
        "title": "Rally in Ohio",
        "published": "2017-03-01",
        "text": "Donald Trump said the factory in Ohio would reopen next year.\n\n"
        "Trump said the crowd was the biggest the state had seen.",
    },
    {
        "id": "trade",
        "title": "Tariffs on steel",
        "published": "2017-04-02",
        "text": "The tariffs will protect American workers, Trump said on Tuesday.",
    },
    {
        # The newest article: in plain article order her quote would come first.
        "id": "fashion",
        "title": "A new clothing line",
        "published": "2017-05-03",
        "text": "Ivanka Trump said her company would make its dresses in Ohio.\n\nThe label opened a shop in New York.",
    },
    {
        "id": "school",
        "title": "Lawsuit settled",
        "published": "2016-11-18",
        "text": "Trump University said it would settle the lawsuit.",
    },
]


trumps = searcher_fixture(ARTICLES, "trumps")


def test_the_most_quoted_persons_quotes_come_first_and_together(trumps: Searcher) -> None:
    answer = trumps.answer("What did Trump say?")
    speakers = [h.speaker for h in answer.hits]
    assert len(answer.hits) == 4
    assert speakers[-1] == "Ivanka Trump"
    assert "Ivanka Trump" not in speakers[:-1]
    assert answer.note == (
        "2 people called Trump are quoted, each one's quotes together: "
        "Donald Trump (3 sentences) and Ivanka Trump (1 sentence)."
    )


def test_the_terminal_chat_shows_the_note_above_the_quotes(trumps: Searcher) -> None:
    reply = reply_to(trumps, "what did trump say")  # typed in lower case, the name as the articles write it
    assert reply.index("2 people called Trump are quoted") < reply.index("would reopen next year")
    assert reply.index("would reopen next year") < reply.index("dresses in Ohio")


def test_each_quote_says_whose_it_is(trumps: Searcher) -> None:
    # The Telegram reply and the terminal chat: a reader must not take Ivanka's words for Donald's.
    html = answer_html(trumps.answer("What did Trump say?"))
    assert "company would make its dresses in Ohio.</blockquote>\n— Ivanka Trump, in <i>A new clothing line</i>" in html
    assert "would reopen next year.</blockquote>\n— Donald Trump, in <i>Rally in Ohio</i>" in html
    reply = reply_to(trumps, "what did trump say")
    assert "dresses in Ohio.”\n  — Ivanka Trump, in A new clothing line" in reply


def test_two_people_with_the_asked_surname_are_named_apart(tmp_path: Path, embedder: Embedder) -> None:
    articles = [
        {
            "id": "court",
            "title": "Court case adjourned",
            "text": "Magistrate John Smith said the case would resume in May.\n\nThe defendant did not speak.",
        },
        {
            "id": "festival",
            "title": "Festival sells out",
            "text": "Festival director Jane Smith said every ticket had gone within a day.\n\nThe queue was long.",
        },
    ]
    searcher = searcher_over(articles, tmp_path, embedder)
    both = searcher.answer("What did Smith say?")
    assert both.note == (
        "2 people called Smith are quoted, each one's quotes together: "
        "Jane Smith (1 sentence) and John Smith (1 sentence)."
    )
    assert len(both.hits) == 2
    jane = searcher.answer("What did Jane Smith say?")
    assert [h.sentence for h in jane.hits] == ["Festival director Jane Smith said every ticket had gone within a day."]
    assert jane.note == ""


def test_with_a_topic_the_most_quoted_persons_quotes_on_it_come_first(tmp_path: Path, embedder: Embedder) -> None:
    articles = [
        {
            "id": "port",
            "title": "Harbour plans",
            "published": "2020-01-01",
            "text": "Zoe Ward said the harbour would get a new pier.\n\nWard said the ferry was late.",
        },
        {
            # Newer, and its one quote on the harbour the closest to the question.
            "id": "boats",
            "title": "Boats",
            "published": "2021-01-01",
            "text": "Adam Ward said the harbour, the harbour pier, was the best harbour in town.",
        },
    ]
    answer = searcher_over(articles, tmp_path, embedder).answer("What did Ward say about the harbour?")
    assert [h.speaker for h in answer.hits] == ["Zoe Ward", "Adam Ward"]
    assert answer.note == (
        "2 people called Ward are quoted 3 times; 2 are about the harbour, each one's together: "
        "Zoe Ward (1 sentence) and Adam Ward (1 sentence):"
    )


def test_with_a_topic_the_note_says_whose_quotes_on_it_are(trumps: Searcher) -> None:
    # Before, "Donald Trump and Ivanka Trump are quoted 4 times; 2 are about Ohio:" left a reader to
    # guess which of the two quotes on Ohio was hers.
    ohio = trumps.answer("What did Trump say about Ohio?")
    assert [h.speaker for h in ohio.hits] == ["Donald Trump", "Ivanka Trump"]
    assert ohio.note == (
        "2 people called Trump are quoted 4 times; 2 are about Ohio, each one's together: "
        "Donald Trump (1 sentence) and Ivanka Trump (1 sentence):"
    )
    tariffs = trumps.answer("What did Trump say about the tariffs?")
    assert [h.sentence for h in tariffs.hits] == ["The tariffs will protect American workers, Trump said on Tuesday."]
    assert tariffs.note == "2 people called Trump are quoted 4 times; 1 is about the tariffs, by Donald Trump:"
    reply = reply_to(trumps, "what did trump say about the tariffs")
    assert reply.index("1 is about the tariffs, by Donald Trump") < reply.index("protect American workers")


def test_with_a_topic_none_of_them_spoke_about_the_note_names_everyone_quoted(trumps: Searcher) -> None:
    answer = trumps.answer("What did Trump say about the weather?")
    assert answer.note == (
        "No quote by the 2 people called Trump is about the weather. 2 people called Trump are quoted, "
        "each one's quotes together: Donald Trump (3 sentences) and Ivanka Trump (1 sentence)."
    )
    assert [h.speaker for h in answer.hits][-1] == "Ivanka Trump"


def test_the_topic_note_of_several_people_counts_the_ones_on_the_topic() -> None:
    counts = {"Donald Trump": 648, "Eric Trump": 28, "Ivanka Trump": 25}
    assert people_topic_note("Trump", counts, {"Donald Trump": 19}, "Mexico") == (
        "3 people called Trump are quoted 701 times; 19 are about Mexico, all by Donald Trump:"
    )
    # People without a quote on the topic are left out of the list; the order is the counts'.
    assert people_topic_note("Trump", counts, {"Ivanka Trump": 1, "Donald Trump": 2, "Eric Trump": 0}, "tax") == (
        "3 people called Trump are quoted 701 times; 3 are about tax, each one's together: "
        "Donald Trump (2 sentences) and Ivanka Trump (1 sentence):"
    )
    assert people_topic_note("Trump", counts, {"Eric Trump": 0}, "golf").startswith(
        "No quote by the 3 people called Trump is about golf. 3 people called Trump are quoted,"
    )
    # "What did Trump tell Fox News?": the quotes that name whom they were told to.
    assert people_topic_note("Trump", counts, {"Donald Trump": 38}, "Fox News", named=True) == (
        "3 people called Trump are quoted 701 times; 38 name Fox News, all by Donald Trump:"
    )
    assert people_topic_note("Trump", counts, {}, "Fox News", named=True).startswith(
        "No quote by the 3 people called Trump names Fox News."
    )


def test_a_surname_asks_for_people_not_for_what_is_named_after_them(trumps: Searcher) -> None:
    assert "Trump University" not in {h.speaker for h in trumps.answer("What did Trump say?").hits}
    school = trumps.answer("What did Trump University say?")
    assert [h.sentence for h in school.hits] == ["Trump University said it would settle the lawsuit."]


def test_a_full_name_shows_that_person_only(trumps: Searcher) -> None:
    answer = trumps.answer("What did Ivanka Trump say?")
    assert [h.sentence for h in answer.hits] == ["Ivanka Trump said her company would make its dresses in Ohio."]
    assert answer.note == ""


def test_a_surname_alone_counts_as_the_most_quoted_persons() -> None:
    owners = person_of({"Donald Trump": 5, "Trump": 2, "Ivanka Trump": 1, "Donald J. Trump": 1})
    assert owners == {
        "Donald Trump": "Donald Trump",
        "Trump": "Donald Trump",
        "Ivanka Trump": "Ivanka Trump",
        "Donald J. Trump": "Donald Trump",
    }
    # Counting every quote a person's names fit: Ivanka's 4 beat Donald's 3, so "Trump" is hers.
    assert person_of({"Donald Trump": 3, "Trump": 2, "Ivanka Trump": 4})["Trump"] == "Ivanka Trump"


def test_one_name_written_two_ways_is_one_person() -> None:
    # The bench's invented speakers found this: both spellings went to one person, and naming
    # the other (who then had no speaker) failed the whole answer.
    owners = person_of({"Jane Smith": 2, "JANE SMITH": 1, "John Smith": 1})
    assert owners == {"Jane Smith": "Jane Smith", "JANE SMITH": "Jane Smith", "John Smith": "John Smith"}


def test_a_person_is_called_by_the_name_that_signs_most_of_their_quotes() -> None:
    owners = person_of({"Hillary Clinton": 40, "Rival Hillary Clinton": 1, "Bill Clinton": 7})
    assert owners["Rival Hillary Clinton"] == "Hillary Clinton"
    # As often: the fuller name.
    assert person_of({"Donald Trump": 2, "Donald J. Trump": 2})["Donald Trump"] == "Donald J. Trump"


def test_the_note_names_three_people_with_their_counts() -> None:
    note = people_note("Smith", {"Jane Smith": 4, "John Smith": 2, "Anna Smith": 1})
    assert note == (
        "3 people called Smith are quoted, each one's quotes together: "
        "Jane Smith (4 sentences), John Smith (2 sentences) and Anna Smith (1 sentence)."
    )


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(
        st.lists(st.sampled_from(["Jane", "JANE", "John", "Smith", "smith", "J.", "Ward"]), min_size=1, max_size=3).map(
            " ".join
        ),
        st.integers(1, 5),
        min_size=1,
        max_size=6,
    )
)
def test_every_speaker_goes_to_one_of_the_speakers_named(quoted: dict[str, int]) -> None:
    owners = person_of(quoted)
    assert set(owners) == set(quoted)
    assert set(owners.values()) <= set(quoted)
    # A person's name is one of their own speakers'.
    assert all(owners[owners[s]] == owners[s] for s in quoted)
