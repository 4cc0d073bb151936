"""The robustness parts on their own: hostile text, rate limits, retry decisions, log redaction,
and closing a swapped-out index only after its last question (no Telegram, no network)."""

from __future__ import annotations

import io
import logging
import sqlite3
import unicodedata
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut

from bot.chat.guards import RATE_LIMITED_TEXT, RateLimits, SlidingWindow
from bot.chat.inputs import WORDLESS_TEXT, read_question, visible_text
from bot.delivery.resilience import PollingErrorLog, RetryPolicy, is_transient
from bot.logging_setup import REDACTED, RedactingFilter, configure_logging, install_record_redaction, secrets_of
from bot.render import conversation, replies
from bot.runtime.services import SearcherHolder
from index.embedding.models import Embedder
from index.search.searcher import Searcher
from index.types import Answer, Hit, Source
from tests.fakes.bot_api import MAX_MESSAGE_LENGTH, parse_html, utf16_length

TOKEN = "987654:AAH-secret-Token_value"


class FakeClock:
    """A clock the test moves by hand (the limiter's own logic, not time, is under test)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


# -- hostile text ------------------------------------------------------------------------------


@given(st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=300))
@settings(max_examples=400, deadline=None)
def test_any_text_is_either_a_clean_question_or_a_polite_problem(text: str) -> None:
    result = read_question(text, max_chars=120)
    if result.ok:
        assert result.question and len(result.question) <= 120
        assert result.question == result.question.strip()
        assert not any(unicodedata.category(c) in ("Cc", "Cf", "Cs") for c in result.question)
        result.question.encode("utf-8")  # no lone surrogates: the tokenizer can take it
    else:
        assert result.problem in (replies.EMPTY_TEXT, WORDLESS_TEXT, replies.TOO_LONG_TEXT.format(limit=120))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  what did\u200b Peskov\u200e say?\u2028 ", "what did Peskov say?"),  # zero-width, LRM, line separator
        ("\x00\x07what\x1b did\tPeskov\r\nsay?\x7f", "what did Peskov say?"),  # control characters
        ("ماذا قال بيسكوف؟", "ماذا قال بيسكوف؟"),  # right-to-left stays as typed
        ("\u202ewhat did Peskov say?\u202c", "what did Peskov say?"),  # a right-to-left override is dropped
        ("Что сказал Песков about NATO 北约?", "Что сказал Песков about NATO 北约?"),  # mixed scripts
        ("\ud83d what did Peskov say?", "what did Peskov say?"),  # a lone surrogate smuggled in by JSON
        ("<b>what</b> did & *Peskov* say?", "<b>what</b> did & *Peskov* say?"),  # kept; escaped when shown
        (" " * 5000 + "what did Peskov say?" + "\n" * 3000, "what did Peskov say?"),  # padding is not the question
    ],
)
def test_the_question_part_is_what_a_person_sees(text: str, expected: str) -> None:
    result = read_question(text, max_chars=1000)
    assert result.ok and result.question == expected


@pytest.mark.parametrize("text", ["", "   \n\t ", "\u200b\u200c\u200d\ufeff", "\x00\x01"])
def test_nothing_visible_asks_for_a_question(text: str) -> None:
    assert read_question(text, 1000).problem == replies.EMPTY_TEXT


@pytest.mark.parametrize("text", ["🤔🤔🤔", "???!!!", "👍🏽", "... --- ...", "¯\\_(ツ)_/¯"[:4] + "!!"])
def test_emoji_and_punctuation_alone_ask_for_words(text: str) -> None:
    assert read_question(text, 1000).problem == WORDLESS_TEXT


def test_a_question_over_the_limit_is_politely_refused() -> None:
    assert read_question("why " * 400, 1000).problem == replies.TOO_LONG_TEXT.format(limit=1000)
    assert read_question("why " * 249 + "why", 1000).ok  # exactly at the limit is fine


def test_visible_text_keeps_words_in_every_script() -> None:
    assert visible_text("שלום\u200f עולם") == "שלום עולם"


# -- replies stay valid Telegram HTML, whatever the articles hold ----------------------------------

_any_text = st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=600)


@st.composite
def hits(draw: st.DrawFn) -> Hit:
    title = draw(_any_text)
    url = draw(st.none() | st.just("https://example.com/a?b=1&c=<2>\"'"))
    published = draw(st.none() | st.just("2022-01-11") | _any_text)
    row = draw(st.integers(0, 10_000))
    return Hit(
        sentence=draw(_any_text),
        score=0.9,
        article_id=f"a{row}",
        title=title,
        url=url,
        published=published,
        paragraph=0,
        position=row,
        start=0,
        end=1,
        row=row,
        speaker=None,
        sources=(Source(f"a{row}", title, url, published),),
    )


@given(st.lists(hits(), min_size=0, max_size=12, unique_by=lambda h: h.row), st.booleans())
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_every_planned_reply_is_valid_telegram_html_within_the_limit(found: list[Hit], declined: bool) -> None:
    answer = Answer(
        "q", tuple(found), declined=declined or not found, nearest=found[0] if found else None, ranked=tuple(found)
    )
    for outgoing in conversation.plan_answer(answer, "0123abcd"):
        parsed = parse_html(outgoing.html)  # raises on anything Telegram would refuse
        assert parsed.text.strip()
        assert utf16_length(parsed.text) <= MAX_MESSAGE_LENGTH


# -- rate limits ---------------------------------------------------------------------------------


def test_a_sliding_window_lets_the_limit_through_then_says_how_long_to_wait() -> None:
    clock = FakeClock()
    window = SlidingWindow(3, window=60, clock=clock)
    for _ in range(3):
        assert window.wait_time("u") == 0
        window.record("u")
        clock.now += 10
    assert window.wait_time("u") == pytest.approx(30)  # the first event leaves the window at +60
    clock.now += 30
    assert window.wait_time("u") == 0
    assert window.wait_time("someone else") == 0


def test_a_flooding_user_is_told_once_then_dropped_quietly_until_the_window_frees() -> None:
    clock = FakeClock()
    limits = RateLimits(per_minute=5, clock=clock)
    verdicts = [limits.check(user_id=1, chat_id=1) for _ in range(100)]
    assert sum(v.allowed for v in verdicts) == 5
    notices = [v.notice for v in verdicts if v.notice]
    assert notices == [RATE_LIMITED_TEXT.format(seconds=60)]
    assert limits.check(user_id=2, chat_id=2).allowed  # others are not affected
    clock.now += 61
    assert limits.check(user_id=1, chat_id=1).allowed
    for _ in range(4):
        limits.check(user_id=1, chat_id=1)
    assert limits.check(user_id=1, chat_id=1).notice is not None  # a new burst is told again


def test_a_group_is_limited_as_a_whole_too() -> None:
    limits = RateLimits(per_minute=3, clock=FakeClock())
    verdicts = [limits.check(user_id=user, chat_id=-100) for user in range(10)]
    assert [v.allowed for v in verdicts] == [True] * 3 + [False] * 7


def test_idle_keys_are_forgotten() -> None:
    clock = FakeClock()
    window = SlidingWindow(1, window=60, clock=clock)
    for user in range(5000):
        window.record(user)
    clock.now += 120
    for user in range(5000, 5000 + 1024):
        window.record(user)
    assert len(window) < 2100


# -- which Telegram errors are worth a resend ----------------------------------------------------


def _timed_out(cause: Exception) -> TimedOut:
    try:
        raise TimedOut from cause
    except TimedOut as error:
        return error


def test_only_transient_errors_are_retried_and_never_into_a_duplicate() -> None:
    request = httpx.Request("POST", "http://127.0.0.1/bot")
    assert is_transient(NetworkError("Bad Gateway"), "sendMessage")  # 5xx: Telegram did nothing
    assert is_transient(NetworkError("httpx.RemoteProtocolError: Server disconnected"), "sendMessage")
    assert is_transient(_timed_out(httpx.ConnectTimeout("", request=request)), "sendMessage")  # never sent
    assert is_transient(_timed_out(httpx.PoolTimeout("", request=request)), "sendMessage")
    assert is_transient(_timed_out(httpx.ReadTimeout("", request=request)), "getMe")  # harmless to repeat
    assert not is_transient(_timed_out(httpx.ReadTimeout("", request=request)), "sendMessage")  # maybe delivered
    assert not is_transient(BadRequest("can't parse entities"), "sendMessage")  # resending cannot help
    assert not is_transient(Forbidden("bot was blocked by the user"), "sendMessage")
    assert not is_transient(RetryAfter(3), "sendMessage")  # the rate limiter already waited those out


def test_retry_delays_grow_and_stay_bounded() -> None:
    policy = RetryPolicy(first_delay=0.5, max_delay=8)
    delays = [policy.delay(n) for n in range(1, 12)]
    assert all(0.25 <= d <= 8 for d in delays)
    assert delays[-1] >= 4 and delays[0] <= 0.5


def test_a_long_polling_outage_is_one_warning_not_a_traceback_per_retry(caplog: pytest.LogCaptureFixture) -> None:
    clock = FakeClock()
    log = PollingErrorLog(quiet_seconds=60, clock=clock)
    caplog.set_level(logging.DEBUG, logger="bot.delivery.resilience")
    for _ in range(50):
        log(NetworkError("Bad Gateway"))
        clock.now += 1
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and warnings[0].exc_info is None


# -- the token never reaches a log line --------------------------------------------------------


@pytest.fixture
def redacted_logging() -> object:
    undo = install_record_redaction(secrets_of(TOKEN))
    yield
    undo()


def test_any_handler_added_anywhere_sees_the_token_redacted(redacted_logging: object) -> None:
    # A handler someone else adds later, with a plain formatter: the records themselves are clean.
    stream = io.StringIO()
    late = logging.StreamHandler(stream)
    late.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
    logger = logging.getLogger("some.library")
    logger.addHandler(late)
    logger.setLevel(logging.DEBUG)
    try:
        logger.debug("POST https://api.telegram.org/bot%s/getUpdates", TOKEN)
        logger.info("encoded: %s", TOKEN.replace(":", "%3A"))
        logger.warning("secret half alone: %s", TOKEN.split(":")[1])
        try:
            raise ValueError(f"The token `{TOKEN}` was rejected by the server.")
        except ValueError:
            logger.exception("startup failed")
        logger.error("with a stack", stack_info=True, extra={"note": "x"})
    finally:
        logger.removeHandler(late)
    output = stream.getvalue()
    assert TOKEN not in output and TOKEN.split(":")[1] not in output and "%3A" not in output
    assert output.count(REDACTED) >= 4
    assert "Traceback" in output and "ValueError" in output  # the error itself is still there


def test_configure_logging_redacts_records_made_before_it_too() -> None:
    record = logging.LogRecord(
        "httpx", logging.INFO, __file__, 1, "HTTP Request: %s", (f"/bot{TOKEN}/sendMessage",), None
    )
    stream = io.StringIO()
    handler = configure_logging("DEBUG", TOKEN, stream)
    try:
        handler.handle(record)
    finally:
        logging.getLogger().removeHandler(handler)
        install_record_redaction([])()  # back to the plain record factory
    assert TOKEN not in stream.getvalue() and REDACTED in stream.getvalue()


def test_a_filter_on_any_handler_redacts_in_place() -> None:
    record = logging.LogRecord("telegram.ext", logging.ERROR, __file__, 1, "%s", (TOKEN,), None)
    assert RedactingFilter(secrets_of(TOKEN)).filter(record)
    assert record.getMessage() == REDACTED


# -- a swapped-out index closes only after its last question --------------------------------------


def _is_closed(searcher: Searcher) -> bool:
    try:
        searcher.articles()
    except sqlite3.ProgrammingError:
        return True
    return False


def test_a_retired_index_stays_open_until_its_lease_ends(sample_index: Path, embedder: Embedder) -> None:
    first = Searcher.open(sample_index, embedder=embedder)
    second = Searcher.open(sample_index, embedder=embedder)
    holder = SearcherHolder(first)
    with holder.lease() as leased:
        assert leased is first
        assert holder.swap(second) is first
        holder.retire(first)
        assert not _is_closed(first)  # a question is still using it
        assert leased.answer("what did Peskov say?").hits
    assert _is_closed(first)
    with pytest.raises(ValueError):
        holder.retire(second)  # the live one cannot be closed
    holder.retire(Searcher.open(sample_index, embedder=embedder))  # unleased: closed at once
    second.close()
