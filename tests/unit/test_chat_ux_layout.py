"""The chat's layout without a chat: button data, keyboards, planned messages, group addressing."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st
from telegram import Chat, Message, MessageEntity, User

from bot.chat.filters import is_addressed, question_text
from bot.render import conversation, keyboards, replies
from index.types import Answer, Hit, Source
from tests.fakes.bot_api import user_entities

TAG = "0123abcd"
BOT = User(99, "Verbatim", is_bot=True, username="Verbatim_Bot")
ASKER = User(7, "Ada", is_bot=False)


def hit(row: int, sentence: str | None = None) -> Hit:
    text = sentence or f"Sentence number {row} said something."
    return Hit(
        sentence=text,
        score=0.5,
        article_id="a",
        title="Title",
        url=None,
        published=None,
        paragraph=0,
        position=row,
        start=0,
        end=len(text),
        row=row,
        sources=(Source("a", "Title"),),
    )


def buttons(markup: object) -> dict[str, str]:
    assert markup is not None
    return {b.text: b.callback_data for row in markup.inline_keyboard for b in row}


# -- callback data ----------------------------------------------------------------------------


rows = st.integers(min_value=0, max_value=10**9)


@given(row=rows)
def test_sentence_buttons_round_trip_within_64_bytes(row: int) -> None:
    for action in (keyboards.ShowContext(TAG, row), keyboards.ShowNearest(TAG, row)):
        data = keyboards.encode(action)
        assert len(data.encode()) <= 64 and keyboards.decode(data) == action


@given(first=st.integers(min_value=1, max_value=1000), many=st.lists(rows, min_size=1, max_size=40))
def test_more_keeps_as_many_rows_as_fit_and_round_trips(first: int, many: list[int]) -> None:
    action = keyboards.more_action(TAG, first, many)
    assert action is not None and action.rows == tuple(many[: len(action.rows)])
    data = keyboards.encode(action)
    assert len(data.encode()) <= 64 and keyboards.decode(data) == action


def test_small_rows_let_more_carry_a_whole_ranking() -> None:
    action = keyboards.more_action(TAG, 4, range(100, 110))
    assert action is not None and len(action.rows) == 10
    assert keyboards.more_action(TAG, 4, []) is None


@given(st.text(max_size=80))
def test_any_callback_data_decodes_to_an_action_or_none_never_an_error(data: str) -> None:
    keyboards.decode(data)


def test_foreign_or_damaged_data_is_not_mistaken_for_a_button() -> None:
    for data in ("", "x", "c:short:1", "c:0123abcd:!", "m:0123abcd:1:", "z:0123abcd:1", "s:", "q: "):
        assert keyboards.decode(data) is None, data


def test_example_questions_too_long_for_a_button_are_left_out() -> None:
    markup = keyboards.examples_keyboard(["What did Peskov say?", "What did " + "Very " * 20 + "Long say?"])
    assert list(buttons(markup)) == ["What did Peskov say?"]
    assert keyboards.decode(buttons(markup)["What did Peskov say?"]) == keyboards.AskExample("What did Peskov say?")


def test_sources_pages_get_prev_and_next_where_they_lead_somewhere() -> None:
    assert keyboards.sources_keyboard(0, 1) is None
    assert list(buttons(keyboards.sources_keyboard(0, 3))) == ["Next ›"]
    assert list(buttons(keyboards.sources_keyboard(1, 3))) == ["‹ Prev", "Next ›"]
    assert list(buttons(keyboards.sources_keyboard(2, 3))) == ["‹ Prev"]


# -- planned messages ---------------------------------------------------------------------------


def test_a_declined_answer_offers_only_the_nearest_sentence() -> None:
    (reply,) = conversation.plan_answer(Answer("q", (), declined=True, nearest=hit(5), ranked=(hit(5),)), TAG)
    assert reply.html == replies.escape(replies.DECLINE_TEXT)
    assert keyboards.decode(buttons(reply.keyboard)["Show nearest"]) == keyboards.ShowNearest(TAG, 5)
    (bare,) = conversation.plan_answer(Answer("q", (), declined=True), TAG)
    assert bare.keyboard is None
    (asked,) = conversation.plan_answer(Answer("q", (), declined=True, suggestions=("Smith", "Smyth")), TAG)
    assert asked.html == replies.escape(f"{replies.DECLINE_TEXT} Did you mean “Smith” or “Smyth”?")


def test_one_answer_gets_context_and_more_for_the_rest_of_the_ranking() -> None:
    ranking = tuple(hit(r) for r in (3, 8, 1, 9))
    (reply,) = conversation.plan_answer(Answer("q", ranking[:1], ranked=ranking), TAG)
    assert "1/1" not in reply.html
    assert keyboards.decode(buttons(reply.keyboard)["Context"]) == keyboards.ShowContext(TAG, 3)
    assert keyboards.decode(buttons(reply.keyboard)["More"]) == keyboards.ShowMore(TAG, 2, (8, 1, 9))


def test_a_speaker_quoted_many_times_shows_ten_then_more() -> None:
    many = tuple(hit(r) for r in range(25))
    plan = conversation.plan_answer(Answer("q", many, ranked=many[:10]), TAG)
    shown = [b for p in plan for b in buttons(p.keyboard) if b.startswith("Context")]
    assert shown == [f"Context {n}" for n in range(1, conversation.MAX_QUOTES + 1)]
    assert "1/25" in plan[0].html
    more = keyboards.decode(buttons(plan[-1].keyboard)["More"])
    assert isinstance(more, keyboards.ShowMore) and more.first == 11 and more.rows[:3] == (10, 11, 12)
    assert all("More" not in buttons(p.keyboard) for p in plan[:-1])


def test_a_more_page_numbers_on_and_passes_the_rest_along() -> None:
    action = keyboards.ShowMore(TAG, 4, (20, 21, 22, 23, 24))
    (page,) = conversation.plan_more(action, [hit(20), hit(21), hit(22)])
    assert "#4" in page.html and "#6" in page.html and "#7" not in page.html
    assert keyboards.decode(buttons(page.keyboard)["More"]) == keyboards.ShowMore(TAG, 7, (23, 24))
    (last,) = conversation.plan_more(keyboards.ShowMore(TAG, 7, (23, 24)), [hit(23), hit(24)])
    assert "More" not in buttons(last.keyboard)


def test_context_marks_the_sentence_in_its_paragraph() -> None:
    text = "First one. The answer is here. Last one.\n\nOther paragraph."
    target = Hit(
        sentence="The answer is here.",
        score=0.9,
        article_id="a",
        title="T",
        url=None,
        published=None,
        paragraph=0,
        position=1,
        start=11,
        end=30,
        row=1,
    )
    (reply,) = conversation.plan_context(target, text)
    assert "<blockquote>First one. <b>The answer is here.</b> Last one.</blockquote>" in reply.html
    alone = Hit(
        sentence="Alone here.",
        score=0.9,
        article_id="a",
        title="T",
        url=None,
        published=None,
        paragraph=1,
        position=1,
        start=7,
        end=18,
        row=1,
    )
    (widened,) = conversation.plan_context(alone, "Before.\n\nAlone here.\n\nAfter.")
    assert "<blockquote>Before.\n\n<b>Alone here.</b>\n\nAfter.</blockquote>" in widened.html
    (moved,) = conversation.plan_context(target, "Nothing like it any more.")
    assert "<b>" not in moved.html.replace("<b>Context</b>", "") and "The answer is here." in moved.html


# -- groups -------------------------------------------------------------------------------------


def message(text: str, chat_type: str = "group", reply_to: Message | None = None) -> Message:
    chat = Chat(-5 if chat_type != "private" else 7, chat_type)
    entities = [MessageEntity(e["type"], e["offset"], e["length"]) for e in user_entities(text)]
    return Message(1, datetime.now(UTC), chat, from_user=ASKER, text=text, entities=entities, reply_to_message=reply_to)


def test_only_messages_for_the_bot_count_in_a_group() -> None:
    bot_message = Message(2, datetime.now(UTC), Chat(-5, "group"), from_user=BOT, text="An answer")
    assert is_addressed(message("hello all"), BOT.username, BOT.id) is False
    assert is_addressed(message("@verbatim_bot what now?"), BOT.username, BOT.id) is True  # any case
    assert is_addressed(message("@someone_else what now?"), BOT.username, BOT.id) is False
    assert is_addressed(message("and then?", reply_to=bot_message), BOT.username, BOT.id) is True
    assert is_addressed(message("and then?", reply_to=message("hi")), BOT.username, BOT.id) is False
    assert is_addressed(message("hello", chat_type="private"), BOT.username, BOT.id) is True
    assert is_addressed(message("@verbatim_bot hi", chat_type="channel"), BOT.username, BOT.id) is False


def test_the_question_is_the_text_without_the_command_or_mention() -> None:
    assert question_text(message("/ask what did Peskov say?"), BOT.username) == "what did Peskov say?"
    assert question_text(message("/ask@Verbatim_Bot  what did Peskov say?"), BOT.username) == "what did Peskov say?"
    assert question_text(message("@verbatim_bot, what did Peskov say?"), BOT.username) == "what did Peskov say?"
    assert question_text(message("what did @verbatim_bot say?"), BOT.username) == "what did say?"
    assert question_text(message("ask @someone_else about it"), BOT.username) == "ask @someone_else about it"
    # Entity offsets count UTF-16 units: an emoji before the mention must not shift the cut.
    assert question_text(message("🙂🙂 @verbatim_bot where is NATO?"), BOT.username) == "🙂🙂 where is NATO?"
    assert question_text(message("/ask"), BOT.username) == ""
