"""The chat experience end to end: buttons, restarts, inline mode, groups and commands.

Each test runs the real Application, fed in-process by the fake Telegram (no HTTP: see
``tests.e2e.in_process_bot``), and looks at what a person would see: the messages as Telegram
shows them after parsing their HTML, their buttons, and what pressing a button does. Only the
test of a failing Telegram answer goes through the HTTP fake.
"""

from __future__ import annotations

import asyncio
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from telegram import Bot
from telegram.ext import Application

from bot.telegram.commands import COMMANDS
from bot.telegram.typing_indicator import typing_while
from index.build import build_index
from index.embedding.models import Embedder
from index.search.searcher import AnswerPolicy, Searcher
from tests.botrunner import run_bot
from tests.e2e.in_process_bot import InProcessBot, run_in_process
from tests.fakes.bot_api import BOT_USERNAME, DEFAULT_GROUP_ID, ApiError, FakeBotAPI
from tests.fakes.in_process import InProcessRequest
from tests.support import SAMPLE_ARTICLE

USER = 5151
TITLE = "U.S. Says NATO Allies"


def buttons_of(message: dict) -> dict[str, str]:
    """The inline buttons under a sent message: text -> callback data."""
    markup = message.get("reply_markup") or {}
    return {b["text"]: b["callback_data"] for row in markup.get("inline_keyboard", []) for b in row}


def bold_text(message: dict) -> list[str]:
    text = message["message"]["text"]
    return [
        text[e["offset"] : e["offset"] + e["length"]]
        for e in message["message"].get("entities", [])
        if e["type"] == "bold"
    ]


def quoted(message: dict) -> list[str]:
    text = message["message"]["text"]
    return [
        text[e["offset"] : e["offset"] + e["length"]]
        for e in message["message"].get("entities", [])
        if e["type"] == "blockquote"
    ]


# -- buttons ----------------------------------------------------------------------------------


def test_context_shows_the_paragraph_with_the_sentence_in_bold(
    fake_telegram: FakeBotAPI, sample_searcher: Searcher
) -> None:
    async def scenario(bot: InProcessBot) -> list[dict]:
        fake_telegram.send_text("Is NATO open to dialogue with Russia?", user_id=USER)
        (answer,) = await bot.deliver()
        first_context = next(data for text, data in buttons_of(answer).items() if text.startswith("Context"))
        fake_telegram.send_callback_query(first_context, answer)
        return [answer, *await bot.deliver()]

    answer, context = run_in_process(fake_telegram, sample_searcher, scenario)
    assert context["text"].startswith("<b>Context</b>")
    (sentence,) = [b for b in bold_text(context) if b != "Context"]
    assert sentence in quoted(answer)[0]  # the bold sentence is the first quoted one ...
    (paragraph,) = quoted(context)
    article_paragraphs = [" ".join(p.split()) for p in SAMPLE_ARTICLE.read_text(encoding="utf-8").split("\n\n")]
    shown = paragraph.split("\n\n")  # its paragraph (with its neighbours when it is alone in it)
    assert all(p in article_paragraphs for p in shown) and any(sentence in p for p in shown)
    assert len(paragraph) > len(sentence)  # more than the sentence itself
    assert TITLE in context["message"]["text"]
    assert context["reply_parameters"]["message_id"] == answer["message_id"]  # tied to its answer
    assert fake_telegram.calls("answerCallbackQuery")


def test_more_pages_through_the_next_best_sentences(fake_telegram: FakeBotAPI, sample_searcher: Searcher) -> None:
    async def scenario(bot: InProcessBot) -> list[dict]:
        fake_telegram.send_text("what did Peskov say?", user_id=USER)
        (answer,) = await bot.deliver()
        fake_telegram.send_callback_query(buttons_of(answer)["More"], answer)
        (more,) = await bot.deliver()
        fake_telegram.send_callback_query(buttons_of(more)["More"], more)
        return [answer, more, *await bot.deliver()]

    answer, more, even_more = run_in_process(fake_telegram, sample_searcher, scenario)
    shown = len(quoted(answer))
    assert "More sentences" in more["text"]
    assert len(quoted(more)) == 3 and f"#{shown + 1}" in more["message"]["text"]
    assert f"#{shown + 4}" in even_more["message"]["text"]
    everything = quoted(answer) + quoted(more) + quoted(even_more)
    assert len(set(everything)) == len(everything)  # each press shows new sentences
    assert {f"Context {shown + 1}", "More"} <= set(buttons_of(more))


def test_a_topic_question_shows_its_quotes_and_more_offers_the_speakers_other_quotes(
    fake_telegram: FakeBotAPI, sample_searcher: Searcher
) -> None:
    async def scenario(bot: InProcessBot) -> list[dict]:
        fake_telegram.send_text("what did Peskov say about the talks?", user_id=USER)
        (answer,) = await bot.deliver()
        fake_telegram.send_callback_query(buttons_of(answer)["More: other quotes by Dmitry Peskov"], answer)
        return [answer, *await bot.deliver()]

    answer, more = run_in_process(fake_telegram, sample_searcher, scenario)
    text = answer["message"]["text"]
    assert text.startswith("Dmitry Peskov is quoted 4 times; 3 are about the talks:")
    assert len(quoted(answer)) == 3 and all("talks" in q for q in quoted(answer))
    assert "3/3" in text and "/4" not in text
    # The fourth quote, not about the talks, is the first one behind More.
    assert quoted(more)[0] == '"We see no real reason to be optimistic so far," Peskov said.'
    assert "#4" in more["message"]["text"]
    # Each quote's source line says whom it quotes, on the page More brings too.
    for message, count in ((answer, 3), (more, 1)):
        assert message["message"]["text"].count("— Dmitry Peskov, in " + TITLE) == count


def test_buttons_still_work_after_a_restart(fake_telegram: FakeBotAPI, sample_index: Path, embedder: Embedder) -> None:
    async def ask(bot: InProcessBot) -> list[dict]:
        fake_telegram.send_text("what did Peskov say?", user_id=USER)
        return await bot.deliver()

    first = Searcher.open(sample_index, embedder=embedder)
    try:
        (answer,) = run_in_process(fake_telegram, first, ask)
    finally:
        first.close()

    async def press(bot: InProcessBot) -> list[dict]:
        fake_telegram.send_callback_query(buttons_of(answer)["Context 1"], answer)
        return await bot.deliver()

    restarted = Searcher.open(sample_index, embedder=embedder)  # a new process would do this
    try:
        (context,) = run_in_process(fake_telegram, restarted, press)  # a new application too
    finally:
        restarted.close()
    assert "Peskov" in "".join(bold_text(context))


def test_a_button_from_before_a_rebuild_says_the_articles_changed(
    fake_telegram: FakeBotAPI, tmp_path: Path, embedder: Embedder
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SAMPLE_ARTICLE, corpus)
    index_dir = tmp_path / "index"
    build_index(corpus, index_dir, embedder)

    async def ask(bot: InProcessBot) -> list[dict]:
        fake_telegram.send_text("what did Peskov say?", user_id=USER)
        return await bot.deliver()

    before = Searcher.open(index_dir, embedder=embedder)
    try:
        (answer,) = run_in_process(fake_telegram, before, ask)
    finally:
        before.close()
    (corpus / "extra.txt").write_text("Harbour news\n\nThe harbour of Tallinn reopened on Monday.\n", encoding="utf-8")
    build_index(corpus, index_dir, embedder)  # rebuilt into the same directory

    async def press(bot: InProcessBot) -> list[dict]:
        fake_telegram.send_callback_query(buttons_of(answer)["Context 1"], answer)
        return await bot.deliver()

    after = Searcher.open(index_dir, embedder=embedder)
    try:
        assert run_in_process(fake_telegram, after, press) == []  # no wrong sentence was shown
    finally:
        after.close()
    (answered,) = fake_telegram.calls("answerCallbackQuery")
    assert "articles changed" in answered["text"] and answered["show_alert"] is True


def test_a_declined_question_offers_the_nearest_sentence_marked_as_unsure(
    fake_telegram: FakeBotAPI, sample_searcher: Searcher
) -> None:
    async def scenario(bot: InProcessBot) -> list[dict]:
        fake_telegram.send_text("How do I bake sourdough bread at home?", user_id=USER)
        (decline,) = await bot.deliver()
        fake_telegram.send_callback_query(buttons_of(decline)["Show nearest"], decline)
        return [decline, *await bot.deliver()]

    decline, nearest = run_in_process(fake_telegram, sample_searcher, scenario)
    assert "couldn't find that" in decline["text"] and not quoted(decline)
    assert nearest["message"]["text"].startswith("Not a confident answer")
    assert len(quoted(nearest)) == 1 and "Context" in buttons_of(nearest)


def test_a_name_typed_with_a_typo_is_answered_and_the_reply_says_how_it_was_read(
    fake_telegram: FakeBotAPI, sample_searcher: Searcher
) -> None:
    async def scenario(bot: InProcessBot) -> list[dict]:
        fake_telegram.send_text("Who did Shreman talk to in Geneva?", user_id=USER)
        fake_telegram.send_text("Who did Sherman talk to in Geneva?", user_id=USER)
        return await bot.deliver()

    typo, written = run_in_process(fake_telegram, sample_searcher, scenario)
    assert typo["text"].startswith("<i>Read “Shreman” as “Sherman”.</i>")  # above the quotes, in italics
    assert quoted(typo) == quoted(written) and quoted(typo)


def test_a_name_typed_as_close_to_two_names_is_declined_with_both_offered(
    fake_telegram: FakeBotAPI, sample_searcher: Searcher
) -> None:
    # "Dmytry" is one letter from Dmitry Peskov's first name and one from Dmytro Kuleba's.
    async def scenario(bot: InProcessBot) -> list[dict]:
        fake_telegram.send_text("Who is Dmytry?", user_id=USER)
        fake_telegram.send_inline_query("Who is Dmytry?")
        return await bot.deliver()

    (decline,) = run_in_process(fake_telegram, sample_searcher, scenario)
    assert decline["text"] == "I couldn't find that in the articles I know. Did you mean “Dmitry” or “Dmytro”?"
    assert not quoted(decline)
    (inline,) = fake_telegram.calls("answerInlineQuery")
    assert inline["results"] == [] and inline["button"]["text"] == "Did you mean “Dmitry” or “Dmytro”?"


def test_help_examples_are_buttons_that_ask_the_question(fake_telegram: FakeBotAPI, sample_searcher: Searcher) -> None:
    async def scenario(bot: InProcessBot) -> list[dict]:
        fake_telegram.send_text("/help", user_id=USER)
        (help_message,) = await bot.deliver()
        question = next(text for text in buttons_of(help_message) if text.startswith("What did"))
        fake_telegram.send_callback_query(buttons_of(help_message)[question], help_message)
        return [help_message, *await bot.deliver(), {"question": question}]

    help_message, answer, asked = run_in_process(fake_telegram, sample_searcher, scenario)
    surname = asked["question"].removeprefix("What did ").removesuffix(" say?")
    assert f"<code>{asked['question']}</code>" in help_message["text"]
    assert surname in "".join(quoted(answer))

    assert surname in "".join(quoted(answer))


# -- a corpus wide enough for paging and splitting ----------------------------------------------------


def _long_quote(i: int) -> str:
    clauses = ", ".join(
        f"the {word} harbour plan number {i}{j} will need money, patience and the support of every town on the coast"
        for j, word in enumerate(("northern", "southern", "eastern", "western", "inner"))
    )
    return f'"We expect that {clauses}," Zora Quill said on Tuesday'[:900] + "."


@pytest.fixture(scope="module")
def wide_index(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Path:
    """25 articles: 24 one-liners and one that quotes Zora Quill eight times at great length."""
    folder = tmp_path_factory.mktemp("wide")
    records = [
        {"id": f"town-{i:02d}", "title": f"Town {i:02d} & <friends> news", "text": f"The library of town {i} reopened."}
        for i in range(24)
    ]
    records.append(
        {
            "id": "quill",
            "title": "Quill on harbours",
            "url": "https://example.org/quill?a=1&b=2",
            "published": "2022-01-11",
            "text": "\n\n".join(_long_quote(i) for i in range(8)),
        }
    )
    articles = folder / "articles.jsonl"
    articles.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    build_index(articles, folder / "index", embedder)
    return folder / "index"


@pytest.fixture
def wide_searcher(wide_index: Path, embedder: Embedder) -> Iterator[Searcher]:
    # Show up to ten sentences at once, however far below the best: long answers to split.
    searcher = Searcher.open(
        wide_index, embedder=embedder, policy=AnswerPolicy(max_shown=10, margin=1.0, min_score=0.0)
    )
    yield searcher
    searcher.close()


def test_a_long_answer_is_split_between_quotes_into_several_messages(
    fake_telegram: FakeBotAPI, wide_searcher: Searcher
) -> None:
    async def scenario(bot: InProcessBot) -> list[dict]:
        fake_telegram.send_text("What did Zora Quill say about the harbour plans?", user_id=USER)
        return await bot.deliver()

    parts = run_in_process(fake_telegram, wide_searcher, scenario)
    # A speech question shows exactly the speaker's eight sentences, and only those.
    assert len(parts) >= 2 and all("/8" in m["text"] for m in parts)
    numbers = [
        int(line.split("/")[0]) for m in parts for line in m["message"]["text"].splitlines() if line.endswith("/8")
    ]
    assert numbers == list(range(1, 9))  # every quote once, in order, none lost between parts
    quill = [q for m in parts for q in quoted(m) if "Zora Quill" in q]
    assert len(quill) == 8 and all(q.endswith("Tuesday.") for q in quill)  # none cut in half
    assert all("…" not in q for q in quill)
    assert all(buttons_of(m) for m in parts)  # every part has its Context buttons
    assert "https://example.org/quill?a=1&b=2" in json.dumps(
        [e.get("url") for m in parts for e in m["message"]["entities"]]
    )
    assert "11 Jan 2022" in parts[0]["message"]["text"] or "11 Jan 2022" in parts[-1]["message"]["text"]


def test_sources_are_paged_with_prev_and_next(fake_telegram: FakeBotAPI, wide_searcher: Searcher) -> None:
    async def scenario(bot: InProcessBot) -> list[dict]:
        fake_telegram.send_text("/sources", user_id=USER)
        (page_one,) = await bot.deliver()
        fake_telegram.send_callback_query(buttons_of(page_one)["Next ›"], page_one)
        assert await bot.deliver() == []  # the page is edited in place, nothing new is sent
        return [page_one, fake_telegram.get_message(USER, page_one["message_id"])]

    page_one, page_two = run_in_process(fake_telegram, wide_searcher, scenario)
    assert "25 articles" in page_one["text"] and "(page 1 of 3)" in page_one["text"]
    assert set(buttons_of(page_one)) == {"Next ›"}
    assert "&lt;friends&gt;" in page_one["text"]
    assert "(page 2 of 3)" in page_two["text"] and "11. " in page_two["text"]
    assert {b["text"] for row in page_two["reply_markup"]["inline_keyboard"] for b in row} == {"‹ Prev", "Next ›"}


# -- inline mode ---------------------------------------------------------------------------------


def test_inline_query_lists_sentences_with_their_article(fake_telegram: FakeBotAPI, sample_searcher: Searcher) -> None:
    async def scenario(bot: InProcessBot) -> list[dict]:
        fake_telegram.send_inline_query("what did Peskov say?")
        fake_telegram.send_inline_query("")
        fake_telegram.send_inline_query("How do I bake sourdough bread at home?")
        return await bot.deliver()

    assert run_in_process(fake_telegram, sample_searcher, scenario) == []  # inline answers are not messages
    answers = {a["inline_query_id"]: a for a in fake_telegram.calls("answerInlineQuery")}
    first, empty, declined = (answers[f"iq-{u['update_id']}"] for u in fake_telegram.updates)
    results = first["results"]
    assert 1 <= len(results) <= 50
    assert "Peskov" in results[0]["description"] and TITLE in results[0]["title"]
    assert results[0]["input_message_content"]["parse_mode"] == "HTML"
    assert "<blockquote>" in results[0]["input_message_content"]["message_text"]
    assert len({r["id"] for r in results}) == len(results)
    assert first["is_personal"] is False and first["cache_time"] > 0
    assert empty["results"] and all(r["title"].startswith("What did") for r in empty["results"])
    assert declined["results"] == [] and "button" in declined
    assert fake_telegram.internal_errors == []


def test_inline_results_that_only_mention_someone_say_so_above_them(
    fake_telegram: FakeBotAPI, sample_searcher: Searcher
) -> None:
    async def scenario(bot: InProcessBot) -> list[dict]:
        fake_telegram.send_inline_query("what did Biden say?")
        return await bot.deliver()

    run_in_process(fake_telegram, sample_searcher, scenario)
    (answer,) = fake_telegram.calls("answerInlineQuery")
    assert "Joe Biden and Putin" in answer["results"][0]["description"]
    assert answer["button"]["text"].startswith("I found no quote attributed to Biden")


def test_a_failing_inline_answer_is_replaced_by_an_empty_one_not_an_error(
    bot_api: FakeBotAPI, sample_searcher: Searcher
) -> None:
    bot_api.inject("answerInlineQuery", ApiError(400, "Bad Request: RESULT_ID_INVALID"))

    async def scenario(application: Application) -> list[dict]:
        bot_api.send_inline_query("what did Peskov say?")
        return await bot_api.wait_for_request_async("answerInlineQuery", 2)

    failed, fallback = run_bot(bot_api, sample_searcher, scenario)
    assert failed["results"] and fallback["results"] == []
    assert bot_api.sent_messages == []  # nobody is sent an error message


# -- groups --------------------------------------------------------------------------------------


def _message_id(server: FakeBotAPI, update_id: int) -> int:
    return next(u["message"]["message_id"] for u in server.updates if u["update_id"] == update_id)


def test_in_a_group_the_bot_answers_only_when_addressed(fake_telegram: FakeBotAPI, sample_searcher: Searcher) -> None:
    async def scenario(bot: InProcessBot) -> list[dict]:
        ignored = fake_telegram.send_text("what did Peskov say?", chat_type="group")
        mention = fake_telegram.send_text(f"@{BOT_USERNAME} what did Peskov say?", chat_type="group")
        (first,) = await bot.deliver()
        ask = fake_telegram.send_text("/ask Where is NATO headquartered?", chat_type="group")
        ask_at = fake_telegram.send_text(f"/ask@{BOT_USERNAME} what did Smith say?", chat_type="group")
        reply = fake_telegram.send_text("and what did Smith say?", chat_type="group", reply_to_message=first["message"])
        not_for_us = fake_telegram.send_text("/ask@some_other_bot what did Smith say?", chat_type="group")
        sent = [first, *await bot.deliver()]
        return [{"ids": [ignored, mention, ask, ask_at, reply, not_for_us]}, *sent]

    ids, *sent = run_in_process(fake_telegram, sample_searcher, scenario)
    ignored, mention, ask, ask_at, reply, not_for_us = (_message_id(fake_telegram, u) for u in ids["ids"])
    assert {m["chat_id"] for m in sent} == {DEFAULT_GROUP_ID}
    replied_to = [m["reply_parameters"]["message_id"] for m in sent]
    assert replied_to == [mention, ask, ask_at, reply]  # each answer quotes its question
    assert all(m["message"]["reply_to_message"]["message_id"] == m["reply_parameters"]["message_id"] for m in sent)
    by_question = {m["reply_parameters"]["message_id"]: m["text"] for m in sent}
    assert "Peskov" in by_question[mention] and "Brussels" in by_question[ask]
    assert "Smith" in by_question[ask_at] and "Smith" in by_question[reply]
    assert ignored not in replied_to and not_for_us not in replied_to


def test_ask_without_a_question_explains_how(fake_telegram: FakeBotAPI, sample_searcher: Searcher) -> None:
    async def scenario(bot: InProcessBot) -> list[dict]:
        fake_telegram.send_text(f"/ask@{BOT_USERNAME}", chat_type="group")
        return await bot.deliver()

    (reply,) = run_in_process(fake_telegram, sample_searcher, scenario)
    assert reply["chat_id"] == DEFAULT_GROUP_ID and "/ask what did" in reply["text"]


# -- commands ------------------------------------------------------------------------------------


def test_commands_are_registered_and_about_describes_the_index(
    fake_telegram: FakeBotAPI, sample_searcher: Searcher
) -> None:
    async def scenario(bot: InProcessBot) -> list[dict]:
        fake_telegram.send_text("/about", user_id=USER)
        return await bot.deliver()

    (about,) = run_in_process(fake_telegram, sample_searcher, scenario)
    registered = {c["command"] for c in fake_telegram.commands()}
    assert registered == {"start", "help", "ask", "sources", "about"} == {name for name, _ in COMMANDS}
    manifest = sample_searcher.manifest
    assert f"Sentences: {manifest.sentences}" in about["text"] and manifest.model in about["text"]
    assert manifest.built_at[:10] in about["text"]


def test_typing_is_shown_while_a_slow_answer_is_computed(fake_telegram: FakeBotAPI) -> None:
    async def scenario() -> list[dict]:
        async with Bot(fake_telegram.token, request=InProcessRequest(fake_telegram)) as bot:
            async with typing_while(bot, USER):
                pass  # a fast answer: nothing is sent
            async with typing_while(bot, USER, delay=0):
                await fake_telegram.wait_for_request_async("sendChatAction")  # a slow one: "typing…"
        return fake_telegram.calls("sendChatAction")

    (action,) = asyncio.run(scenario())
    assert action["action"] == "typing" and int(action["chat_id"]) == USER
