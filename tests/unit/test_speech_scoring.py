"""scripts/evaluate_speech.py's scoring (index/attribution/polnear_speech.py) on hand-made PolNeAR
lines, and what it found: "What did Barack Obama say?" shows the quotes of an article that
calls him only "Mr. Obama"."""

from __future__ import annotations

import json
from contextlib import closing
from pathlib import Path

from index.attribution.polnear import parse_line
from index.attribution.polnear_speech import name_of, people_of, score_answers, unlabelled
from index.embedding.models import Embedder
from index.search.speakers import SpeakerIndex
from index.search.speech_topic import with_surname_alone
from scripts.polnear_to_corpus import corpus_article
from tests.support import run_script, searcher_over

FULL = (
    "Obama speaks on climate\n\n"
    '"The planet is warming," Barack Obama said on Monday.\n\n'
    "Hillary Clinton spoke in Ohio.\n\n"
    "Barack Obama said the accord would hold."
)
SURNAME = (
    "A museum opens in Washington\n\n"
    '"Acts of protest are\u00a0acts of patriotism," Mr. Obama said at the museum.\n\n'  # a no-break space
    "The museum, Mr. Obama said, would make visitors face hard truths.\n\n"
    "Crowds filled the National Mall on Saturday."
)


def _line(article_id: str, text: str, sources: list[tuple[str, ...]], silver: str = "Barack Obama") -> str:
    """A PolNeAR line: each (sentence, source, cue, content) is found in that sentence of ``text``,
    the source labelled ``silver``, or by a fifth element of its own ("" for no label)."""

    def span(part: str, sentence: str) -> list[object]:
        start = text.index(part, text.index(sentence))
        return [start, start + len(part), part]

    attributions = [
        {
            "source": [span(source, sentence)],
            "cue": [span(cue, sentence)],
            "content": [span(content, sentence)],
            "source_coref_silver": label[0] if label else silver,
        }
        for sentence, source, cue, content, *label in sources
    ]
    return json.dumps({"id": article_id, "title": text.split("\n")[0], "text": text, "attributions": attributions})


LINES = [
    _line(
        "full",
        FULL,
        [
            ('"The planet', "Barack Obama", "said", '"The planet is warming,"'),
            ("Barack Obama said the", "Barack Obama", "said", "the accord would hold"),
        ],
    ),
    _line(
        "surname",
        SURNAME,
        [
            ('"Acts', "Mr. Obama", "said", '"Acts of protest are\u00a0acts of patriotism,"'),
            ("The museum,", "Mr. Obama", "said", "would make visitors face hard truths"),
        ],
    ),
]


def test_a_name_is_read_from_the_label_without_titles_or_outlets() -> None:
    assert name_of("Sen. Bernie Sanders") == ("Bernie", "Sanders")
    assert name_of("MSNBC Chris Matthews") == ("Chris", "Matthews")  # the outlet before a first name
    assert name_of("Donald Trump’s") == ("Donald", "Trump")
    assert name_of("The White House") == ("White", "House")
    assert name_of("African-Americans") == () and name_of("he") == () and name_of("officials") == ()
    assert name_of("Russians") == () and name_of("Chris Evans") == ("Chris", "Evans")


def test_the_people_asked_about_and_their_sentences() -> None:
    people = people_of([parse_line(line) for line in LINES], min_sentences=2)
    assert [p.name for p in people] == ["Barack Obama"]  # "Mr. Obama" is the Barack Obama named in full
    assert len(people[0].said) == 4


def test_two_forms_of_a_first_name_are_one_person() -> None:
    nyt = "Senators on the bank\n\nJoseph R. Biden said the bank had misled them.\n\nMr. Biden said it would pay."
    post = "Biden in Ohio\n\nJoe Biden said the plant would reopen."
    lines = [
        _line(
            "nyt",
            nyt,
            [
                ("Joseph R. Biden said", "Joseph R. Biden", "said", "the bank had misled them"),
                ("Mr. Biden said", "Mr. Biden", "said", "it would pay"),
            ],
            "Joseph R. Biden",
        ),
        _line("post", post, [("Joe Biden said", "Joe Biden", "said", "the plant would reopen")], "Joe Biden"),
    ]
    people = people_of([parse_line(line) for line in lines], min_sentences=3)
    assert [p.name for p in people] == ["Joseph R. Biden"]  # asked about as written most often
    assert len(people[0].said) == 3


def test_a_first_name_alone_is_the_person_of_that_article_it_begins() -> None:
    debate = (
        "The first debate\n\nDonald Trump said the country was losing.\n\n"
        "Donald Trump said trade deals were a disaster.\n\n"
        '"Donald, you live in your own reality," she said.\n\n'
        "Donald said he would not apologise."
    )
    other = "A new album\n\nDonald Glover said the album was done.\n\nDonald Glover said he would tour."
    lines = [
        _line(
            "debate",
            debate,
            [
                ("Donald Trump said the country", "Donald Trump", "said", "the country was losing"),
                ("Donald Trump said trade", "Donald Trump", "said", "trade deals were a disaster"),
                ("Donald said he", "Donald", "said", "he would not apologise"),
            ],
            "",
        ),
        _line(
            "album",
            other,
            [
                ("Donald Glover said the", "Donald Glover", "said", "the album was done"),
                ("Donald Glover said he", "Donald Glover", "said", "he would tour"),
            ],
            "",
        ),
    ]
    people = people_of([parse_line(line) for line in lines], min_sentences=2)
    # "Donald" is the Donald Trump of the debate, not a person of his own nor Donald Glover
    assert sorted((p.name, len(p.said)) for p in people) == [("Donald Glover", 2), ("Donald Trump", 3)]


def test_recall_and_precision_count_what_an_answer_shows() -> None:
    people = people_of([parse_line(line) for line in LINES], min_sentences=2)
    said = sorted(people[0].said)
    # two of the four sentences shown, and one sentence that is not his
    scores = score_answers(people, lambda question: ([*said[:2], ("full", "Hillary Clinton spoke in Ohio.")], True))
    assert (scores.found, scores.gold, scores.right, scores.shown) == (2, 4, 2, 3)
    assert scores.recall == 0.5 and round(scores.precision, 3) == 0.667 and scores.people_found == 1
    # sentences shown only as mentions ("I found no quote attributed to ...") are no one's words
    mentions = score_answers(people, lambda question: (said, False))
    assert (mentions.found, mentions.shown, mentions.right) == (0, 4, 0)


def test_judged_precision_leaves_out_words_the_annotations_give_to_an_unnamed_he() -> None:
    rally = (
        "Sanders in Vermont\n\nBarack Obama said the vote was close.\n\nBarack Obama said he would campaign.\n\n"
        "He pledged to fight on.\n\nHe told the crowd that he was proud."
    )
    sources = [
        ("Barack Obama said the", "Barack Obama", "said", "the vote was close"),
        ("Barack Obama said he", "Barack Obama", "said", "he would campaign"),
        ("He pledged", "He", "pledged", "to fight on", ""),  # a "he" the labels name no one for
        ("He told", "He", "told", "that he was proud", ""),
    ]
    items = [parse_line(_line("rally", rally, sources))]
    people = people_of(items, min_sentences=2)
    unjudged = unlabelled(items)
    assert unjudged == {("rally", "He pledged to fight on."), ("rally", "He told the crowd that he was proud.")}
    shown = [*sorted(people[0].said), *sorted(unjudged), ("rally", "Sanders in Vermont")]
    scores = score_answers(people, lambda question: (shown, True), unjudged)
    # five shown, two his: the two of an unnamed "he" count against precision, not against judged precision
    assert (scores.right, scores.shown, scores.judged) == (2, 5, 3)
    assert round(scores.precision, 3) == 0.4 and round(scores.judged_precision, 3) == 0.667


def test_a_full_name_gets_the_quotes_signed_by_the_surname_alone() -> None:
    quotes = {"Donald Trump": 50, "Donald J. Trump": 3, "Ivanka Trump": 5, "Trump": 10, "Justice Department": 4}
    speakers = SpeakerIndex(quotes)
    trumps = {s: quotes[s] for s in speakers.match("Trump")}  # the speakers the surname ends

    def asked(name: str) -> list[str]:
        return with_surname_alone(speakers.match(name), name, trumps)

    assert asked("Donald Trump") == ["Donald J. Trump", "Donald Trump", "Trump"]
    # another Trump is quoted more: a quote signed "Trump" is not hers
    assert asked("Ivanka Trump") == ["Ivanka Trump"]
    assert with_surname_alone(["Justice Department"], "Justice Department", {"Justice Department": 4}) == [
        "Justice Department"
    ]
    # a person's quotes count together, however each article writes the name (speech_topic.person_of)
    split = {"Donald Trump": 10, "Donald J. Trump": 10, "Ivanka Trump": 15, "Trump": 10}
    assert with_surname_alone(["Donald J. Trump", "Donald Trump"], "Donald Trump", split)[-1] == "Trump"
    assert with_surname_alone(["Ivanka Trump"], "Ivanka Trump", split) == ["Ivanka Trump"]


def test_the_script_scores_answers_on_a_real_index(tmp_path: Path, embedder: Embedder) -> None:
    polnear = tmp_path / "polnear.jsonl"
    polnear.write_text("".join(line + "\n" for line in LINES), encoding="utf-8")
    articles = [corpus_article(json.loads(line)) for line in LINES]
    searcher_over(articles, tmp_path, embedder).close()
    done = run_script(
        "evaluate_speech.py",
        "--polnear",
        str(polnear),
        "--index",
        str(tmp_path / "index"),
        "--min-sentences",
        "2",
        "--json",
    )
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    # both articles' quotes, the one naming him "Mr. Obama" too, and nothing else; a sentence
    # with a no-break space counts as shown though the index stores it with a space
    assert (figures["people"], figures["found"], figures["gold"]) == (1, 4, 4)
    assert figures["recall"] == 1.0 and figures["precision"] == 1.0
    assert figures["judged"] == figures["shown"] and figures["judged_precision"] == 1.0  # every "he" here is named


def test_a_name_typed_alone_gets_the_surnames_quotes_too(tmp_path: Path, embedder: Embedder) -> None:
    articles = [corpus_article(json.loads(line)) for line in LINES]
    with closing(searcher_over(articles, tmp_path, embedder)) as searcher:
        for question in ("Barack Obama", "What did Barack Obama say?"):
            shown = {hit.sentence for hit in searcher.answer(question).hits}
            assert "The museum, Mr. Obama said, would make visitors face hard truths." in shown, question
            assert "Barack Obama said the accord would hold." in shown, question


def test_the_script_refuses_a_missing_index(tmp_path: Path) -> None:
    polnear = tmp_path / "polnear.jsonl"
    polnear.write_text(LINES[0] + "\n", encoding="utf-8")
    done = run_script("evaluate_speech.py", "--polnear", str(polnear), "--index", str(tmp_path / "none"))
    assert done.returncode == 2 and "evaluate_speech:" in done.stderr and "Traceback" not in done.stderr
