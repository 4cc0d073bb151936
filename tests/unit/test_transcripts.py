"""Interview transcripts: "FALLIN: I think ..." is Mary Fallin's, every sentence of the paragraph
(index/attribution/transcripts.py). Before, none of a transcript's answers had a speaker, so
"What did Fallin say?" found nothing of what she said on air."""

from __future__ import annotations

from tests.support import speakers_of

INTERVIEW = (
    "On CNN's State of the Union, Governor Mary Fallin said Donald Trump is trying to campaign as a healer.",
    "Partial transcript as follows:",
    "JAKE TAPPER: Donald Trump released a video on Friday. Take a listen.",
    "(BEGIN VIDEO CLIP.)",
    "TRUMP: Racial divisions have gotten worse, not better.",
    "(END VIDEO CLIP.)",
    "TAPPER: And obviously, you are supporting Donald Trump.",
    "Specifically I have heard from a number of Americans. How do you think he will be a healer?",
    "FALLIN: Well, I think the whole nation needs to work together. They want safe streets.",
    "TAPPER: Do you think Donald Trump has campaigned as a healer?",
    "FALLIN: I think he is trying to campaign as a healer. If you watch what he said this week, he talked about Dallas.",
    "Follow Pam Key on Twitter.",
)


def test_each_turn_of_a_transcript_is_its_speakers_every_sentence() -> None:
    assert speakers_of(*INTERVIEW) == [
        "Mary Fallin",
        None,
        "Jake Tapper",  # a first name and a surname, named nowhere else
        "Jake Tapper",
        None,  # a stage direction is nobody's words
        "Donald Trump",  # a surname the article names in full
        None,
        "Jake Tapper",  # a surname of a label before
        "Jake Tapper",  # the turn goes on in a paragraph of its own, spoken to someone
        "Jake Tapper",
        "Mary Fallin",
        "Mary Fallin",
        "Jake Tapper",
        "Mary Fallin",
        "Mary Fallin",  # her words, though they report his ("what he said this week")
        None,  # after the last turn: the writer's again
    ]


def test_a_label_that_names_no_person_ends_a_turn_and_a_writers_aside_is_no_ones() -> None:
    assert speakers_of(
        "KATE BOLDUAN: Why not debate?",
        "JOEL BENENSON: Let us see the tone of the campaign he wants to run.",
        "The ads are too tough huh? What ever happened to the mantra?",  # no "I" or "you": the writer's
        "CLINTON: I just believe that this is the most important job in the world.",
        "UPDATE: The website has removed the listing.",
        "You should be willing to debate anytime.",
        "EXCLUSIVE: Senator Hillary Clinton will debate in New York.",
    ) == ["Kate Bolduan", "Joel Benenson", None, None, "Hillary Clinton", None, None, None]
