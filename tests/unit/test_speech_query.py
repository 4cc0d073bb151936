"""Reading "what did X say?" questions and finding which speaker X is."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from index.search import speech
from index.search.searcher import Searcher
from index.search.speech import SpeechQuery, bare_name, match_speaker, parse_speech_query

SAMPLE_SPEAKERS = ["Dmitry Peskov", "Julianne Smith", "Wendy Sherman", "Dmytro Kuleba", "Sergei Ryabkov"]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("what did Peskov say?", SpeechQuery("Peskov", "say", None)),
        ("What did Sherman add?", SpeechQuery("Sherman", "add", None)),
        ("WHAT HAS PESKOV SAID", SpeechQuery("PESKOV", "say", None)),
        ("what did Sherman write on Twitter?", SpeechQuery("Sherman", "write", None)),
        ("What did Kuleba tell Blinken?", SpeechQuery("Kuleba", "tell", "Blinken", addressed=True)),
        ("what did Ryabkov comment", SpeechQuery("Ryabkov", "comment", None)),
        ("What did Comey testify about the emails?", SpeechQuery("Comey", "testify", "the emails")),
        ("what Peskov said", SpeechQuery("Peskov", "say", None)),
        ("What is Peskov saying about the talks?", SpeechQuery("Peskov", "say", "the talks")),
        ("what were the Clintons saying", SpeechQuery("Clintons", "say", None, called="the Clintons")),
        ("tell me what Sherman wrote", SpeechQuery("Sherman", "write", None)),
        ("what did Peskov say about the deadline?", SpeechQuery("Peskov", "say", "the deadline")),
        # An adverb before the verb is no part of the name ("Clinton regularly" was asked for);
        # "-ly" may end a surname typed in small letters.
        ("What does Clinton regularly tell?", SpeechQuery("Clinton", "tell", None)),
        ("what did trump repeatedly say about mexico", SpeechQuery("trump", "say", "mexico")),
        ("What did the Kremlin officially say?", SpeechQuery("Kremlin", "say", None, called="the Kremlin")),
        ("what did john connolly say", SpeechQuery("john connolly", "say", None)),
        ("What did Megyn Kelly say?", SpeechQuery("Megyn Kelly", "say", None)),
        # A verb in small letters ends the name: what follows it is what was said.
        (
            "What did Joe Biden say the United States wrote into Japan's constitution?",
            SpeechQuery("Joe Biden", "say", "the United States wrote into Japan's constitution"),
        ),
        ("  what did  julianne smith   tell reporters about NATO ?? ", SpeechQuery("julianne smith", "tell", "NATO")),
        ("Peskov's comments on the deadline", SpeechQuery("Peskov", None, "the deadline")),
        ("Smith’s remarks", SpeechQuery("Smith", None, None)),
        ("What is Peskov's position?", SpeechQuery("Peskov", None, None)),
        ("what were Sherman’s views", SpeechQuery("Sherman", None, None)),
        ("What is the Kremlin spokesman's position?", SpeechQuery("Kremlin spokesman", None, None)),
        # Declined before at a reranker probability of 0.07; now Peskov's statement, under a note
        # that no quote is attributed to the Kremlin itself.
        ("What is the Kremlin's position?", SpeechQuery("Kremlin", None, None)),
        # "US" in capitals is a country, not "us"; the last dot of "U.S." stays.
        ("What did the US say?", SpeechQuery("US", "say", None)),
        ("What did the U.S. say about Ukraine?", SpeechQuery("U.S.", "say", "Ukraine")),
        # "WHO" in capitals is the World Health Organization, not "who"
        ("What did the WHO say?", SpeechQuery("WHO", "say", None)),
        ("What did WHO say about Samoa?", SpeechQuery("WHO", "say", "Samoa")),
        # "report": a speech question only if the name is a speaker's ("Al Jazeera reported that")
        ("What did Al Jazeera report?", SpeechQuery("Al Jazeera", "report", None, loose=True)),
        ("quote from Kuleba", SpeechQuery("Kuleba", None, None)),
        ("Quotes by Sergei Ryabkov!!", SpeechQuery("Sergei Ryabkov", None, None)),
        ('"what else did Wendy Sherman say?"', SpeechQuery("Wendy Sherman", "say", None)),
        ("did Peskov say anything about the talks?", SpeechQuery("Peskov", "say", "the talks")),
        ("How did Sherman describe the talks?", SpeechQuery("Sherman", "describe", "the talks")),
        ("what was said by Peskov?", SpeechQuery("Peskov", "say", None)),
        ("What did the Kremlin say?", SpeechQuery("Kremlin", "say", None)),
        # A name of up to nine words
        (
            "What did the United States Department of Health and Human Services say about the outbreak?",
            SpeechQuery("United States Department of Health and Human Services", "say", "the outbreak"),
        ),
        # Typed in a hurry: a speech question only if the name turns out to be a speaker's.
        ("Peskov quotes", SpeechQuery("Peskov", None, None, loose=True)),
        ("peskov comments on the deadline", SpeechQuery("peskov", None, "the deadline", loose=True)),
    ],
)
def test_recognises_speech_questions(question: str, expected: SpeechQuery) -> None:
    assert parse_speech_query(question) == expected


@pytest.mark.parametrize(
    "question",
    [
        "Where is NATO headquartered?",
        "Why is Russia building up troops?",
        "How many troops has Russia amassed near Ukraine?",
        "What did NATO commit to in 2008?",
        "What does the article say about the deadline?",  # the article is not a speaker
        "what did he say?",  # nobody to look up
        "what did us say?",
        "What did I say?",
        "what did who say?",  # in small letters, the question word
        "Who is Dmitry Peskov?",
        "What is Mike Pence's position on abortion?",  # a stance on a topic, which a quote on it may not give
        # "is" with a verb not in -ing: a name asked for, "Penn" capitalised from the articles
        "what is the Penn state researchers' toilet coating called?",
        "What was the Reagan state dinner called?",
        "",
        "   ?!  ",
    ],
)
def test_ordinary_questions_are_not_speech_questions(question: str) -> None:
    assert parse_speech_query(question) is None


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("Peskov", "Peskov"),
        ("dmitry peskov?", "dmitry peskov"),
        ("  Wendy Sherman ", "Wendy Sherman"),
        ("troops", "troops"),
        ("what is NATO", None),
        ("the article", None),
        ("he", None),
        ("NATO troops near the border", None),
        ("100,000 troops", None),
    ],
)
def test_a_bare_name_is_one_to_four_words_and_nothing_else(question: str, name: str | None) -> None:
    assert bare_name(question) == name  # whether it is a speaker's is the searcher's to check


def test_speech_query_is_frozen() -> None:
    query = SpeechQuery("Peskov", "say", None)
    with pytest.raises(AttributeError):
        query.name = "Smith"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Dmitry Peskov", ["Dmitry Peskov"]),
        ("Peskov", ["Dmitry Peskov"]),
        ("peskov", ["Dmitry Peskov"]),
        ("KULEBA", ["Dmytro Kuleba"]),
        ("Sherman", ["Wendy Sherman"]),
        ("wendy", ["Wendy Sherman"]),
        ("Mr. Peskov", ["Dmitry Peskov"]),
        ("Kremlin spokesman Peskov", ["Dmitry Peskov"]),
    ],
)
def test_matches_full_and_partial_names(name: str, expected: list[str]) -> None:
    assert match_speaker(name, SAMPLE_SPEAKERS) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("peskow", "Dmitry Peskov"),
        ("Peskof", "Dmitry Peskov"),
        ("julianne smit", "Julianne Smith"),
        ("Shermann", "Wendy Sherman"),
        ("Wendy Shermen", "Wendy Sherman"),
        ("Ryabkow", "Sergei Ryabkov"),
        ("Sergey Ryabkov", "Sergei Ryabkov"),
        ("dmitri peskov", "Dmitry Peskov"),
        ("juliannesmith", "Julianne Smith"),
    ],
)
def test_forgives_small_typos(name: str, expected: str) -> None:
    assert match_speaker(name, SAMPLE_SPEAKERS) == [expected]


def test_a_single_word_a_typo_away_from_no_surname_matches_nobody() -> None:
    # "Guaidó" is one letter from Guido Schmidt-Traub's first name: not him
    assert match_speaker("Guaidó", ["Guido Schmidt-Traub"]) == []
    assert match_speaker("Schmidt-Traup", ["Guido Schmidt-Traub"]) == ["Guido Schmidt-Traub"]


@pytest.mark.parametrize("name", ["Angela Merkel", "Macron", "Putin", "Stoltenberg", "Xi", "Pesk", "", "the"])
def test_people_who_did_not_speak_match_nothing(name: str) -> None:
    assert match_speaker(name, SAMPLE_SPEAKERS) == []


def test_exact_matches_beat_typo_matches_and_ambiguity_is_returned() -> None:
    speakers = ["Adam Smith", "Julianne Smith", "Jane Smyth"]
    assert match_speaker("Smith", speakers) == ["Adam Smith", "Julianne Smith"]
    assert match_speaker("Smyth", speakers) == ["Jane Smyth"]
    assert match_speaker("Smit", speakers) == ["Adam Smith", "Julianne Smith"]  # "Smyth" is two typos away


def test_accents_case_and_organisations() -> None:
    speakers = ["Volodymyr Zelenskyy", "Ukraine’s Foreign Ministry", "Kremlin", "José Manuel Albares"]
    assert match_speaker("zelensky", speakers) == ["Volodymyr Zelenskyy"]
    assert match_speaker("Jose Albares", speakers) == ["José Manuel Albares"]
    assert match_speaker("ukraine's foreign ministry", speakers) == ["Ukraine’s Foreign Ministry"]
    assert match_speaker("the Kremlin", speakers) == ["Kremlin"]


def test_question_to_sample_speaker_end_to_end() -> None:
    query = parse_speech_query("What did peskow say about the deadline?")
    assert query is not None
    assert match_speaker(query.name, SAMPLE_SPEAKERS) == ["Dmitry Peskov"]


@pytest.mark.parametrize(
    ("question", "name", "verb", "topic"),
    [
        ("What did the deputy secretary of state say?", "deputy secretary of state", "say", None),
        ("what did the U.S. secretary of state say about Geneva?", "U.S. secretary of state", "say", "Geneva"),
        ("What did Peskov state about the deadline?", "Peskov", "state", "the deadline"),
        # Words after the verb do not make "state" the verb ("say at the talks" was the object).
        ("What did the secretary of state say at the talks?", "secretary of state", "say", "the talks"),
        ("What did the secretary of state tell Lavrov?", "secretary of state", "tell", "Lavrov"),
        ("What did the secretary of state say to Lavrov?", "secretary of state", "say", "Lavrov"),
    ],
)
def test_a_role_ending_in_a_speech_verb_keeps_it_in_the_name(
    question: str, name: str, verb: str, topic: str | None
) -> None:
    read = parse_speech_query(question)
    assert read is not None and (read.name, read.verb, read.topic) == (name, verb, topic)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # In a question written in mixed case a capitalised word is part of a name, not the verb.
        ("What did the Promise Keepers say?", SpeechQuery("Promise Keepers", "say", None)),
        ("What did the Note Foundation say about the vote?", SpeechQuery("Note Foundation", "say", "the vote")),
        ("What did the pro-Cruz Keep the Promise super PAC turn into?", None),
        # Capitalised throughout, or a capitalised verb ending the question: still the verb.
        ("What Did Peskov Say About The Talks?", SpeechQuery("Peskov", "say", "The Talks")),
        ("WHAT DID PESKOV TELL REPORTERS?", SpeechQuery("PESKOV", "tell", None)),
        ("What did Peskov Say?", SpeechQuery("Peskov", "say", None)),
    ],
)
def test_a_capitalised_speech_verb_in_a_name_is_part_of_the_name(question: str, expected: SpeechQuery | None) -> None:
    assert parse_speech_query(question) == expected


def test_the_speech_words_hold_every_verb_and_noun_the_patterns_need() -> None:
    """Questions without one of ``_SPEECH_WORDS`` are not read against the patterns: each noun and
    "how did X describe" verb the patterns name must be one of them."""
    nouns = re.fullmatch(r"\(\?:(.*)\)", speech._NOUNS)
    assert nouns is not None
    forms = {a[:-2] for a in nouns.group(1).split("|") if a.endswith("s?")}
    forms |= {a.replace("s?", "s") for a in nouns.group(1).split("|")}
    assert forms <= speech._SPEECH_WORDS
    described = re.search(r"\(\?P<verb>(describe[^)]*)\)", speech._PATTERNS[3].pattern)
    assert described is not None
    for verb in described.group(1).split("|"):
        assert {verb.replace("[sz]", "s"), verb.replace("[sz]", "z")} <= speech._SPEECH_WORDS
    assert speech._VERB_SET <= speech._SPEECH_WORDS


@pytest.mark.parametrize(
    "question",
    [
        "what did Peskov say?",
        "WHAT HAS PESKOV SAID",
        "Peskov's testimony on the talks",
        "views of Kuleba",
        "How did Sherman characterize the talks?",
        "how did Sherman call the talks",
        "Kuleba claims",
        "what was written by Smith?",
        "Where is NATO headquartered?",
        "What did NATO commit to in 2008?",
        "what did Peſkov ſay?",  # not ASCII: the patterns decide
        "what did Peskov ſay?",
        "",
    ],
)
def test_the_word_check_changes_no_reading(question: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The check is a shortcut only: without it, every question reads the same."""
    read = parse_speech_query(question)
    monkeypatch.setattr(speech, "_may_ask_for_speech", lambda text: True)
    assert parse_speech_query(question) == read


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What did Trump say during the debate?", SpeechQuery("Trump", "say", "the debate")),
        ("What did Obama say at the White House?", SpeechQuery("Obama", "say", "the White House")),
        ("What did Wenger say after the match?", SpeechQuery("Wenger", "say", "the match")),
        ("What did Biden tell reporters after the summit?", SpeechQuery("Biden", "tell", "the summit")),
        ("What did Kuleba tell Blinken ahead of the talks?", SpeechQuery("Kuleba", "tell", "the talks")),
        ("What did Joe Biden say in South Carolina?", SpeechQuery("Joe Biden", "say", "South Carolina")),
        ("what did Biden say in Geneva", SpeechQuery("Biden", "say", "Geneva")),
        ("What did Biden say in response?", SpeechQuery("Biden", "say", None)),  # no place: no topic
        ("What did Biden say in a statement?", SpeechQuery("Biden", "say", None)),
        # A topic asked outright wins; where it was said is no topic.
        ("What did Trump say during the debate about taxes?", SpeechQuery("Trump", "say", "taxes")),
        ("What did Obama say at a news conference?", SpeechQuery("Obama", "say", None)),
    ],
)
def test_an_occasion_is_the_topic_when_none_is_asked(question: str, expected: SpeechQuery) -> None:
    assert parse_speech_query(question) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What did Clinton tell ABC News?", SpeechQuery("Clinton", "tell", "ABC News", addressed=True)),
        ("what did trump tell fox news", SpeechQuery("trump", "tell", "fox news", addressed=True)),
        ("What did Biden say to Putin?", SpeechQuery("Biden", "say", "Putin", addressed=True)),
        ("What did Trump tell the crowd?", SpeechQuery("Trump", "tell", "the crowd", addressed=True)),
        # Whom anyone tells anything is no one to look for; a topic or an occasion asked wins.
        ("What did Peskov tell reporters?", SpeechQuery("Peskov", "tell", None)),
        ("What did Trump tell him?", SpeechQuery("Trump", "tell", None)),
        ("What did Obama tell Congress about Iran?", SpeechQuery("Obama", "tell", "Iran")),
        ("What did Trump tell the crowd in Tampa?", SpeechQuery("Trump", "tell", "Tampa")),
        ("What did Biden say yesterday?", SpeechQuery("Biden", "say", None)),  # no "to": no one told
    ],
)
def test_whom_it_was_told_to_is_the_topic_when_none_is_asked(question: str, expected: SpeechQuery) -> None:
    assert parse_speech_query(question) == expected


def test_what_someone_told_someone_shows_the_quotes_naming_them_first(sample_searcher: Searcher) -> None:
    # Kuleba's three quotes were shown in article order, with nothing said of Blinken.
    answer = sample_searcher.answer("What did Kuleba tell Blinken?")
    assert answer.note == "Dmytro Kuleba is quoted 3 times; 1 names Blinken:"
    assert [h.sentence for h in answer.hits] == [
        "Ukraine’s Foreign Ministry said in a statement that Kuleba told U.S. Secretary of State Antony Blinken "
        'on January 11 that the Geneva talks proved "our strength lies in the unity and coherence of positions '
        'against…Russian ultimatums."'
    ]
    assert len(answer.others) == 2 and all(h.speaker == "Dmytro Kuleba" for h in answer.others)


def test_a_stance_asked_of_someone_not_quoted_shows_the_sentences_mentioning_them(sample_searcher: Searcher) -> None:
    # "What is Russia's position?" was declined (best reranker probability 0.16); a country's is
    # told by its officials (test_country_officials.py).
    answer = sample_searcher.answer("What is Russia's position?")
    assert not answer.declined
    assert answer.note.startswith("No quote is attributed to Russia itself; these are its officials' quotes:")
    assert any("Russia’s position is that" in h.sentence for h in answer.hits)
    sherman = sample_searcher.answer("What are Sherman's views?")
    assert sherman.hits and all(h.speaker == "Wendy Sherman" for h in sherman.hits)
    nato = sample_searcher.answer("What is NATO's position?")  # no country: the sentences mentioning it
    assert nato.note == "I found no quote attributed to NATO; these sentences mention NATO:"


def test_the_us_asked_with_or_without_dots_gets_its_officials_quotes(sample_searcher: Searcher) -> None:
    # "What did the U.S. say?" was declined with "No article mentions U.S." (the name lost its last dot).
    for question in ("What did the U.S. say?", "What did the US say?"):
        answer = sample_searcher.answer(question)
        assert not answer.declined, question
        assert answer.hits and {h.speaker for h in answer.hits} == {"Julianne Smith", "Wendy Sherman"}, question
        # named as the question calls it, "the" kept
        called = "the U.S." if "U.S." in question else "the US"
        assert answer.note.startswith(f"No quote is attributed to {called} itself;"), question


@pytest.mark.parametrize(
    ("question", "shown"),
    [
        ("What did the Obama administration say?", "the Obama administration"),
        ("what did THE NRA say about guns", "the NRA"),
        ("What did Peskov say?", "Peskov"),
        ("Peskov quotes", "Peskov"),
    ],
)
def test_a_note_names_the_speaker_as_the_question_calls_them(question: str, shown: str) -> None:
    speech = parse_speech_query(question)
    assert speech is not None and speech.shown == shown
    assert speech == replace(speech, called="")  # how it is called is not what is asked


@pytest.mark.parametrize(
    ("question", "pronoun", "topic"),
    [
        ("What did he say?", "he", None),
        ("what did she say about the deadline", "she", "the deadline"),
        ("What have they said on NATO?", "they", "NATO"),
    ],
)
def test_a_speech_question_naming_someone_by_a_pronoun_alone_names_no_one(
    question: str, pronoun: str, topic: str | None
) -> None:
    assert parse_speech_query(question) is None
    unnamed = speech.pronoun_speech(question)
    assert unnamed is not None and (unnamed.name, unnamed.topic) == (pronoun, topic)


@pytest.mark.parametrize("question", ["What did Peskov say?", "What is he doing?", "Who said it?", "What did it say?"])
def test_only_a_pronoun_as_the_speaker_names_no_one(question: str) -> None:
    assert speech.pronoun_speech(question) is None


def test_what_did_he_say_asks_for_a_name_and_a_topic_still_finds_sentences(sample_searcher: Searcher) -> None:
    alone = sample_searcher.answer("What did he say?")
    assert alone.declined and "“he”" in alone.note and "ask with a name" in alone.note
    on_topic = sample_searcher.answer("What did he say about the deadline?")
    assert not on_topic.declined and "“he” could be anyone" in on_topic.note
    assert any("deadline" in hit.sentence for hit in on_topic.hits)
    # A topic nothing answers: asked for a name, never a note above no sentence.
    nothing = sample_searcher.answer("what did he say about nato")
    assert nothing.declined and not nothing.hits and nothing.note.startswith("Who do you mean by “he”?")
