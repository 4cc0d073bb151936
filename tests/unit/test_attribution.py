"""Quote attribution: who each sentence quotes, as a user asking "what did X say?" would see it."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index.attribution import attribute, speech_lemma
from index.types import Article, Sentence
from tests.support import SAMPLE_ARTICLE

SAMPLE = SAMPLE_ARTICLE


def sentences(*paragraphs: list[str] | str, article_id: str = "a") -> list[Sentence]:
    """Sentences of an article given as paragraphs, each a list of its sentences."""
    out: list[Sentence] = []
    offset = 0
    for p, paragraph in enumerate(paragraphs):
        parts = [paragraph] if isinstance(paragraph, str) else paragraph
        for text in parts:
            out.append(Sentence(article_id, p, len(out), offset, offset + len(text), text))
            offset += len(text) + 1
        offset += 1
    return out


def who(*paragraphs: list[str] | str, title: str = "") -> list[tuple[str | None, str | None]]:
    return [(s.speaker, s.verb) for s in attribute(sentences(*paragraphs), title=title)]


# --- the sample article -----------------------------------------------------------------------

# Split at a sentence end followed by a capital or an opening quote; "U.S. Ambassador" and
# "No. 1" stay whole because the period must follow a lower-case letter or a closing quote.
_BOUNDARY = re.compile(r"(?:(?<=[a-z0-9][.!?])|(?<=[.!?][\"”]))\s+(?=[\"“A-Z])")


def _sample_article() -> Article:
    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    body = "\n".join(lines[1:])
    paragraphs = tuple(" ".join(p.split()) for p in re.split(r"\n\s*\n", body) if p.strip())
    return Article("nato-russia-talks", lines[0].strip(), paragraphs, str(SAMPLE))


def _sample_sentences() -> list[Sentence]:
    article = _sample_article()
    return sentences(*[_BOUNDARY.split(p) for p in article.paragraphs], article_id=article.id)


def _by_speaker(attributed: list[Sentence], speaker: str) -> list[str]:
    return [s.text for s in attributed if s.speaker == speaker]


def _starts(texts: list[str], *prefixes: str) -> bool:
    return all(any(t.startswith(p) for t in texts) for p in prefixes)


def _check_sample(attributed: list[Sentence]) -> None:
    peskov = _by_speaker(attributed, "Dmitry Peskov")
    assert len(peskov) == 4
    assert _starts(
        peskov,
        "During a call with media on January 11, Kremlin spokesman Dmitry Peskov said the U.S.-Russia talks",
        '"We see no real reason to be optimistic so far," Peskov said.',
        'Peskov said Russia would get a "clear picture"',
        'Peskov said there was "no deadline"',
    )
    assert _starts(
        _by_speaker(attributed, "Wendy Sherman"),
        '"The United States is committed to working in lockstep',
        '"We affirmed a unified @NATO approach',
        '"I briefed the North Atlantic Council',  # "..., Sherman wrote on Twitter"
        "Sherman said on January 10",
        "Still, Sherman said in a separate tweet",
    )
    assert _starts(
        _by_speaker(attributed, "Julianne Smith"),
        '"It has become crystal-clear',
        '"NATO is open and committed',
        "Smith reiterated the U.S. call",
    )
    assert _starts(_by_speaker(attributed, "Sergei Ryabkov"), "Ryabkov commented after the Geneva talks")
    assert _starts(
        _by_speaker(attributed, "Dmytro Kuleba"),
        "Meanwhile, Ukrainian Foreign Minister Dmytro Kuleba on January 11 praised",
        "Kuleba also said the United States remains",
    )
    verbs = {s.text[:30]: s.verb for s in attributed if s.speaker}
    assert verbs['"The United States is committe'] == "add"
    assert verbs['"We affirmed a unified @NATO a'] == "write"
    assert verbs["Meanwhile, Ukrainian Foreign M"] == "praise"
    assert verbs["Ryabkov commented after the Ge"] == "comment"
    assert verbs["Smith reiterated the U.S. call"] == "reiterate"
    for s in attributed:
        if s.text.startswith(
            (
                "Western officials and analysts say",
                "Many analysts say",
                "Russia has amassed",
                "U.S. President Joe Biden and Putin",
                "NATO in 2008",
            )
        ):
            assert s.speaker is None and s.verb is None, s.text


def test_sample_article_speakers() -> None:
    _check_sample(attribute(_sample_sentences(), title=_sample_article().title))


def test_sample_article_with_one_sentence_per_paragraph() -> None:
    # Quotes spanning "sentences" and several claims per sentence must not change the outcome.
    attributed = attribute(sentences(*_sample_article().paragraphs))
    peskov = _by_speaker(attributed, "Dmitry Peskov")
    assert len(peskov) == 4
    smith = _by_speaker(attributed, "Julianne Smith")
    assert any('"At the same time, we stand united' in t for t in smith)
    assert any("Smith reiterated" in t for t in smith)


def test_sample_article_with_the_project_splitter() -> None:
    split = pytest.importorskip("index.text.sentences").split_article
    article = _sample_article()
    _check_sample(attribute(split(article), title=article.title))


# --- one rule per test -------------------------------------------------------------------------


def test_subject_before_verb_and_verb_lemma() -> None:
    assert who("Dmitry Peskov said the talks were useful.") == [("Dmitry Peskov", "say")]
    assert who("Dmitry Peskov warned that Russia would respond.") == [("Dmitry Peskov", "warn")]


def test_quote_then_name_then_verb_and_inverted_order() -> None:
    assert who(['"We will not back down," Peskov said.']) == [("Peskov", "say")]
    assert who(['"We will not back down," said Kremlin spokesman Dmitry Peskov.']) == [("Dmitry Peskov", "say")]


def test_a_name_after_the_verb_wins_over_a_place_before_the_commas() -> None:
    # The speaker named after ", said" is the speaker, not a place or body named earlier.
    assert who(
        "In nearby Decatur, the plant is under pressure from imports, said its chief executive, John Ferriola."
    ) == [("John Ferriola", "say")]
    assert who(
        "Cruz lacks support from colleagues in Congress, whom he has alienated, said Larry Sabato, a professor."
    ) == [("Larry Sabato", "say")]
    # ... but what follows "said" is the reported clause when it goes on: "said X was ..."
    assert who("Sherman, who led the talks, said Ryabkov was frank.") == [("Sherman", "say")]
    assert who("Michael O'Hanlon, an expert, says Libya is the biggest trouble spot for Clinton.") == [
        ("Michael O'Hanlon", "say")
    ]


def test_a_name_inside_a_phrase_is_not_the_subject() -> None:
    # A place or body after a preposition, between the commas of an appositive, is no speaker.
    assert who(
        "Sandy Phillips, who lost her daughter in the shooting in Aurora, Colorado, in 2012, said Sanders was rude."
    ) == [("Sandy Phillips", "say")]
    assert who("Rachel Berg, a philanthropist from Monsey, New York, said the speeches were good.") == [
        ("Rachel Berg", "say")
    ]
    assert who("Gov. John Kasich (R-OH), after winning Ohio, said he was ready.") == [("John Kasich", "say")]
    assert who("Numerous veterans at rallies in South Carolina, including farmers, said they agreed.") == [(None, None)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The German government said there was proof he had been poisoned.", "German government"),
        ("On Wednesday, the Obama administration announced it would take more refugees.", "Obama administration"),
        ("The U.S. military said the strike killed five fighters.", "U.S. military"),
        ("Goa's government announced three days of mourning.", "Goa's government"),
        # a campaign too: "What did the Clinton campaign say?" was answered by its spokesmen alone
        ("The Clinton campaign said the AP report was misleading.", "Clinton campaign"),
        ("Bernie Sanders’ campaign says it raised more than $21 million in January.", "Bernie Sanders’ campaign"),
        ("The campaign said it raised $21 million.", None),
        # a government of no one named, or someone speaking for it, is no such speaker
        ("The government said 128 teams took part.", None),
        ("A spokesman for the German government said the tests were clear.", None),
    ],
)
def test_a_government_named_after_its_country_or_leader_speaks(text: str, speaker: str | None) -> None:
    assert who(text)[0][0] == speaker


def test_a_person_of_a_place_is_the_person() -> None:
    assert who(['"I think she should have run," said Jason Gilbert of Cheyenne.']) == [("Jason Gilbert", "say")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Republican Rep. Lee Zeldin of New York, a Trump supporter, said it will help.", "Lee Zeldin"),
        ("Gov. Chris Christie of New Jersey said he was tired.", "Chris Christie"),
        ("CBC Chairman G.K. Butterfield of North Carolina said he was outraged.", "Butterfield"),
        ('"We will win," said Mayor Mitch Landrieu of New Orleans.', "Mitch Landrieu"),
        # A place of two words is never a speaker called by its second word ("York").
        ('"It is hard," said the New York businessman.', None),
        ("The New York Times said the vote was fair.", "New York Times"),
        # of an organisation, after a first name and a surname: the person, not the organisation
        ("John Geiger of USGS told the press that the quakes would go on.", "John Geiger"),
        ("Melissa Cronin of Gawker then describes what happens on the video.", "Melissa Cronin"),
        ("George Zornick of The Nation wrote that the team must be held accountable.", "George Zornick"),
        ("The Bank of America said the fees would rise.", "Bank of America"),
        ("Secretary of State John Kerry said the talks went well.", "John Kerry"),
        # Wikinews, PolNeAR: an organisation of more than three words, or with "of" of its own,
        # after a name with or without initials ("Natural Law" was Eugene Volokh's speaker)
        ("Jennifer Lu of Marriage Equality Coalition Taiwan said the fight goes on.", "Jennifer Lu"),
        ("Professor John C. Eastman of Chapman University School of Law writes that it is unclear.", "John C. Eastman"),
        ("Professor Eugene Volokh of UCLA School of Law writes that the term derived from Britain.", "Eugene Volokh"),
        ("The Bureau of Labor Statistics said jobs rose.", "Bureau of Labor Statistics"),
        # ... and of a city and its state, the state before the verb (PolNeAR: was "Carolina", then no one)
        ("Stacy Baker of Columbia, South Carolina says she thinks Cruz can win.", "Stacy Baker"),
        ("John Smith of Des Moines, Iowa said it was fine.", "John Smith"),
        ("The mayor of Columbia, South Carolina said no.", None),
    ],
)
def test_a_person_of_a_place_of_several_words_is_the_person(text: str, speaker: str | None) -> None:
    assert who(text)[0][0] == speaker


KING = '"It is a disgrace," said Representative Peter T. King of New York.'


@pytest.mark.parametrize(
    ("sentences", "speakers"),
    [
        # A title word ends a name as its surname after an initial or a first name (PolNeAR train:
        # "said Representative Peter T. King of New York" named nobody, "King" being a title) ...
        ([KING, "King said he would vote against it."], ["Peter T. King", "Peter T. King"]),
        (["Sen. Angus King said the vote would be close."], ["Angus King"]),
        (['"It is a waste of time," said Del. Stacey Plaskett of the Virgin Islands.'], ["Stacey Plaskett"]),
        (["Matthew Prince, chief executive of CloudFlare, said the site was attacked."], ["Matthew Prince"]),
        # ... not before a name, not in lower case, not a word of an organisation's name.
        (["Jordan King Abdullah said he welcomed the talks.", "King said he was pleased."], ["Abdullah", "Abdullah"]),
        ([KING, "The king said nothing."], ["Peter T. King", None]),
        (["The Associated Press said the count was over."], ["Associated Press"]),  # the agency, no Mr. Press
        (["Islamic State said the two were its followers."], ["Islamic State"]),  # the group, no Mr. State
    ],
)
def test_a_title_word_can_be_a_surname(sentences: list[str], speakers: list[str | None]) -> None:
    assert [speaker for speaker, _ in who(sentences)] == speakers


@pytest.mark.parametrize(
    ("sentences", "speakers"),
    [
        # PolNeAR train: the unnamed employee's words were credited to the last woman named.
        (
            [
                "Ivanka Trump spoke about paid leave at the convention.",
                "The employee, who spoke on the condition of anonymity, said she became pregnant in 2014.",
            ],
            [None, None],
        ),
        # A name before the verb: the pronoun is theirs, as before.
        (
            ["Sandra Inman, a Cruz supporter from Jackson, Miss., at the convention, said she could not support him."],
            ["Sandra Inman"],
        ),
        # An inverted report still names its speaker.
        (["Kim Tal arrived late.", '"We are ready," said she.'], [None, "Kim Tal"]),
    ],
)
def test_a_pronoun_after_the_verb_of_an_unnamed_subject_is_nobody_named_before(
    sentences: list[str], speakers: list[str | None]
) -> None:
    assert [speaker for speaker, _ in who(sentences)] == speakers


def test_titles_before_names_are_not_part_of_the_speaker() -> None:
    assert who("U.S. Deputy Secretary of State Wendy Sherman said the talks were frank.") == [("Wendy Sherman", "say")]
    assert who('"NATO is united," U.S. Ambassador to NATO Julianne Smith said on January 11.') == [
        ("Julianne Smith", "say")
    ]
    assert who("Kremlin spokesman Dmitry Peskov said there was no deadline.") == [("Dmitry Peskov", "say")]


def test_a_pronoun_like_everything_or_nobody_opening_a_sentence_is_not_part_of_a_name() -> None:
    # PolNeAR dev: "Everything Trump says is a lie unless proven otherwise." gave the speaker
    # "Everything Trump", whom "What did Trump say?" then listed beside Donald Trump.
    assert who("Everything Trump says is a lie unless proven otherwise.") == [("Trump", "say")]
    assert who("Everyone Peskov met said the talks were useful.") == [(None, None)]  # a group spoke


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # PolNeAR: callings written before a name are not part of it, so that "What did Rick
        # Jacobs say?" finds him and his quotes are listed under his name.
        ("Assemblywoman Claudia Tenney said the bill would pass.", "Claudia Tenney"),
        ("Rabbi Rick Jacobs said the vote was a disgrace.", "Rick Jacobs"),
        ("Billionaire Donald Trump said he would win.", "Donald Trump"),
        ("Rival Hillary Clinton said the plan would fail.", "Hillary Clinton"),
        ("Congressman Adam Schiff said the hearing was over.", "Adam Schiff"),
        ('"Carson is cratering," Texas-based Matt Mackowiak said.', "Matt Mackowiak"),
        ("Maricopa County Recorder Helen Purcell said the lines were long.", "Helen Purcell"),
        ("Managing Editor Bill Sammon said the debate was off.", "Bill Sammon"),
        ("Palm Beach County Supervisor of Elections Susan Bucher said the ballots were right.", "Susan Bucher"),
        # A surname that is also a calling stays a name.
        ("The piece is back, Mr. Singer said.", "Singer"),
        # Wikinews: callings of music, sport and broadcasting, before a name of one word too, and
        # an age written in words ("Fourteen-year-old Zoe" was someone of that name).
        ("Broadcaster Piers Morgan said the guy with the tusk was a chef.", "Piers Morgan"),
        ("Guitarist Slash said the tour was over.", "Slash"),
        ("Frontman Bono said the tour was over.", "Bono"),
        ("Fourteen-year-old Zoe, on the top deck of the bus, said the roof fell in.", "Zoe"),
        ("Seven-year-old Sam Jones said he was scared.", "Sam Jones"),
    ],
)
def test_a_calling_before_a_name_is_not_part_of_it(text: str, speaker: str) -> None:
    assert who(text) == [(speaker, "say")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # PolNeAR: "Western Journalism reported" was someone called "Journalism", "The American
        # Legion wrote" "Legion": a demonym and one word that is no first name name an organisation.
        ("Western Journalism reported on Saturday that Bloomberg is considering a run.", "Western Journalism"),
        ("The American Legion wrote to Sanders that it did not have permission.", "American Legion"),
        ("British Airways said it would cancel flights.", "British Airways"),
        # Not a person's name, nor an organisation whose name holds more.
        ("Mark Cuban said he would not run.", "Mark Cuban"),
        ("The Russian Foreign Ministry said the talks failed.", "Russian Foreign Ministry"),
    ],
)
def test_a_demonym_and_one_word_are_an_organisations_name(text: str, speaker: str) -> None:
    assert who(text)[0][0] == speaker


@pytest.mark.parametrize(
    ("paragraphs", "speakers"),
    [
        # Wikinews: the name in full and the short name in brackets after it were two speakers.
        (
            [
                "The Philippine Institute of Volcanology and Seismology (Phivolcs) reported the first quake.",
                "Phivolcs said the fault makes the province seismically active.",
            ],
            ["Philippine Institute of Volcanology and Seismology (Phivolcs)"] * 2,
        ),
        (
            ["According to the World Health Organization (WHO), cases rose.", "WHO said the outbreak was over."],
            ["World Health Organization (WHO)"] * 2,
        ),
        (  # the name its reader found is shorter ("Geological Survey"): written in full
            ["The US Geological Survey (USGS) reported 5.8.", "The USGS said aftershocks may follow."],
            ["US Geological Survey (USGS)"] * 2,
        ),
        (  # only the short name speaks
            ["Pacific Gas and Electric Company (PG&E) serves the area.", "PG&E stated it scheduled the blackouts."],
            [None, "Pacific Gas and Electric Company (PG&E)"],
        ),
        # No short name: a news agency after a dateline, a nickname, a party.
        (["WASHINGTON (AP) — Donald Trump said the wall would be built."], ["Donald Trump"]),
        (
            ["Prime Minister Benjamin Netanyahu (Bibi) said the talks failed.", "Bibi said the talks failed again."],
            ["Benjamin Netanyahu", "Bibi"],
        ),
        (["Sen. Ted Cruz (R) said the bill was dead."], ["Ted Cruz"]),
    ],
)
def test_an_organisation_and_the_short_name_it_is_given_in_brackets_are_one_speaker(
    paragraphs: list[str], speakers: list[str | None]
) -> None:
    assert [speaker for speaker, _ in who(*paragraphs)] == speakers


def test_a_demonym_before_a_surname_the_article_gives_is_no_organisation() -> None:
    # "German" is a first name too (Germán): "German Ortega says" after "Freddy Ortega" is an
    # Ortega, whom the "he" after it goes on quoting, not an organisation no "he" can be.
    got = who(
        '"I do not identify with what the man says," Freddy Ortega said before a performance.',
        "German Ortega says that the reaction to Trump has been rejection.",
        '"It set off something really cool for Latinos," he said.',
    )
    assert got[1][0] is not None and got[1][0].endswith("Ortega")
    assert got[2][0] == got[1][0]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # PolNeAR train gave the speakers "Interestingly Blocher", "Maybe Trump", "Besides Clinton".
        ("Interestingly Blocher said the vote was lost.", "Blocher"),
        ("Maybe Trump said it best.", "Trump"),
        ("Besides Clinton, Sanders said the plan would fail.", "Sanders"),
        ("Surprisingly Hillary Clinton said nothing.", "Hillary Clinton"),
        # Wikinews gave "Afterwards Trump" and "Entrusting Donald Trump"
        ("Afterwards Trump said the fires were not caused by climate change.", "Trump"),
        # ... "Whereas Pierce" and "Outside Carrier": a conjunction or a preposition opening it
        ("Whereas Pierce and Hawkins disagreed, Pierce said the rules were fair.", "Pierce"),
        ("Outside Clinton's office, Sanders said the plan would fail.", "Sanders"),  # a guard
        ("Sterling Kelby Brown said the film was his best.", "Sterling Kelby Brown"),
        # ... and a role written as the first word: "Pollster Ann Selzer", not an initial
        ("Pollster Ann Selzer said the race was close.", "Ann Selzer"),
        ("Scientist Rebecca Falconer said the glue held.", "Rebecca Falconer"),
        ("J. Gerald Hebert said the winds were changing.", "J. Gerald Hebert"),
        ("Said Dorothy Poynter, who grew up with Ali, “We were all so proud of him.”", "Dorothy Poynter"),
        ("Said Khan said the vote was lost.", "Said Khan"),  # "Said" is a name too
        # Names ending in -ing or -ly keep them.
        ("Playing Field Promotions says the fee was paid.", "Playing Field Promotions"),
        ("Irving Smith said the song was his best.", "Irving Smith"),
        ("Beverly Hills said the song was her best.", "Beverly Hills"),
        ("Stanley Tucci said the film was his best.", "Stanley Tucci"),
    ],
)
def test_a_word_opening_the_sentence_is_not_part_of_a_name(text: str, speaker: str) -> None:
    assert who(text) == [(speaker, "say")]


def test_a_preposition_opening_a_sentence_makes_no_name_of_the_surname_after_it() -> None:
    got = who(
        "Outside Carrier's plant in Monterrey, the workers were calm.",
        "Carrier said the plant in Indianapolis would close.",
    )
    assert got[1] == ("Carrier", "say")  # not "Outside Carrier"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a title's domain, then the name: the person ("United States Donald Trump" before)
        ("The President of the United States Donald Trump said the vote was rigged.", "Donald Trump"),
        ("The head of the Federal Reserve Jerome Powell said rates would hold.", "Jerome Powell"),
        # ... not whom a group follows, nor whom a spokesman speaks for
        ("Supporters of Democrat Hillary Clinton say the bathrooms should be open.", None),
        ("“We were not briefed,” Doug Andres, a spokesman for House Speaker Paul Ryan told the Post.", None),
    ],
)
def test_a_name_after_a_titles_domain_speaks(text: str, speaker: str | None) -> None:
    assert who(text)[0][0] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # what a source published, and when, before it
        (
            '"The airline transports weapons," according to a tweet on Monday by Secretary of State Mike Pompeo.',
            "Mike Pompeo",
        ),
        ("According to a report Tuesday from WKOW, Scott Walker will speak.", "WKOW"),
        ("According to a letter in March from the FBI, the case is closed.", "FBI"),
        ("According to a poll of voters in Iowa, Trump leads.", None),
        # "alleged" reports a claim; as an adjective, nothing
        (
            'US Ambassador Richard Grenell alleged, by way of example, Mahan had "contributed to suffering."',
            "Richard Grenell",
        ),
        ("Trump alleged Biden's plan would strip Medicare.", "Trump"),
        ("Mr. Trump alleged that Mr. O'Brien had libeled him.", "Trump"),
        ("Mahan's director, Hamid Arabnejad Khanooki, has alleged ties to the Guard.", None),
        ("E-mails in the copy detailed his business affairs and alleged influence peddling.", None),
        # nor do someone's associates speak for them
        ("Associates of Navalny alleged he drank tea laced with poison.", None),
    ],
)
def test_a_source_after_what_it_published_and_what_someone_alleged(text: str, speaker: str | None) -> None:
    assert who(text)[0][0] == speaker


def test_a_participle_before_a_full_name_is_no_part_of_it() -> None:
    # "Entrusting Donald Trump" was a person of its own, whom the "he" after it then meant
    article = [
        "Donald Trump spoke in Ohio.",
        "Entrusting Donald Trump with the nuclear codes would be a grave mistake.",
        "He has suggested that the United States could default on its debt.",
    ]
    assert who(article)[2][0] == "Donald Trump"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A lawmaker's party and state after the name: PolNeAR train had "R-Texas" as a speaker,
        # and missed Rand Paul, Ron Johnson, Glenn Thompson and others written this way.
        ("Sen. Marco Rubio, R-Fla., said the bill would pass.", "Marco Rubio"),
        ("Rep. Elijah Cummings, D-Md., said so.", "Elijah Cummings"),
        ("Sen. Rand Paul, R-Ky., told Fox News that polls could be way off.", "Rand Paul"),
        ("Sen. Marco Rubio (R-Fla.) said so.", "Marco Rubio"),
        # A name inside a relative clause is its object, not the speaker.
        (
            "Beck, who supported Sen. Ted Cruz, R-Texas, and opposed Trump in the primaries, last week said so.",
            "Beck",
        ),
        # A state written the wires' way is a place, not an organisation that speaks.
        ("Officials at the house in Chappaqua, N.Y., speaking on condition of anonymity, said so.", None),
    ],
)
def test_a_party_tag_or_a_state_after_a_name_is_not_a_speaker(text: str, speaker: str | None) -> None:
    assert who(text)[0][0] == speaker


def test_statement_tell_write_comment_praise_forms() -> None:
    assert who("Peskov said in a statement that Russia was ready.") == [("Peskov", "say")]
    assert who("Kuleba told Antony Blinken that the talks proved Ukraine's strength.") == [("Kuleba", "tell")]
    assert who("Sherman wrote on Twitter that the allies were united.") == [("Sherman", "write")]
    assert who("Ryabkov commented after the talks that he was satisfied.") == [("Ryabkov", "comment")]
    assert who('Dmytro Kuleba on January 11 praised "unity" with the West.') == [("Dmytro Kuleba", "praise")]


def test_adverbs_and_dates_between_subject_and_verb() -> None:
    assert who("Kuleba also said the United States remains a partner.") == [("Kuleba", "say")]
    assert who("Putin on Tuesday reiterated his demands.") == [("Putin", "reiterate")]
    assert who("Putin later said on Dec. 21 that Russia had no choice.") == [("Putin", "say")]


def test_according_to() -> None:
    assert who("The talks were useful, according to Dmitry Peskov.") == [("Dmitry Peskov", "say")]
    assert who("According to analysts, the risk is rising.") == [(None, None)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # PolNeAR: what a source published, then the source
        ("Sales rose, according to an analysis by the Pew Research Center.", "Pew Research Center"),
        ("Clinton now has 723 delegates, according to a count by The Associated Press.", "Associated Press"),
        ("According to data from Johns Hopkins University, 1,000 died.", "Johns Hopkins University"),
        ("Taxes would go up, according to an analysis by Lily Batchelder, a former tax aide.", "Lily Batchelder"),
        # not whom it asked, nor where it was published
        ("Trump leads, according to a poll of voters in Iowa.", None),
        ("According to a report in The New York Times, he left.", None),
    ],
)
def test_according_to_what_a_source_published_is_the_sources(text: str, speaker: str | None) -> None:
    assert who(text)[0][0] == speaker


def test_an_organisation_after_a_word_opening_the_sentence_speaks() -> None:
    # PolNeAR: "Yet Bloomberg says it started marking down her wealth" was no one's; the news
    # agency's, not Michael Bloomberg's, whom the article names ("it", not "he", follows).
    got = who(
        "Michael Bloomberg founded the company in 1981.",
        "Yet Bloomberg says it started marking down her wealth in February.",
        "Now Bloomberg says he is distressed by the campaign.",
    )
    assert [speaker for speaker, _ in got] == [None, "Bloomberg", "Michael Bloomberg"]


def test_according_to_someones_page_on_a_platform_is_theirs_not_the_platforms() -> None:
    # PolNeAR: "according to his Facebook profile" was Facebook's word, "according to its Amazon
    # summary" Amazon's, "according to the school's Facebook post, al Ashry said" Facebook's.
    assert who(
        "Mohamed Shoukair, the flight's pilot, had logged nearly 6,300 hours of flying time.",
        "The pilot had been with EgyptAir since 2004, according to his Facebook profile.",
    )[1] == ("Mohamed Shoukair", "say")
    assert who("A man whose book, according to its Amazon summary, draws a troubling portrait.") == [(None, None)]
    assert who("According to the school's Facebook post, Omar Ashry said he was with his wife.") == [
        ("Omar Ashry", "say")
    ]
    assert who("According to Facebook, Trump generated the most interactions.") == [("Facebook", "say")]


def test_a_shared_role_before_a_name_is_no_part_of_it() -> None:
    # Wikinews: speakers called "Co-anchor Norah O'Donnell" and "Co-author Jing-Shan Zhao".
    assert who("Co-anchor Norah O’Donnell, who was off-screen, then loudly asked, “Really?”") == [
        ("Norah O’Donnell", "ask")
    ]
    assert who('Co-author Jing-Shan Zhao said, "Our work shows it."') == [("Jing-Shan Zhao", "say")]


def test_a_number_a_small_word_or_i_written_short_opening_a_sentence_is_no_speaker() -> None:
    # The 1,189 articles: speakers called "Fifty", "Amongst" and "I've".
    assert who("Fifty former intelligence officials signed a letter saying the report was false.") == [(None, None)]
    assert who("Amongst reported incidents of abuse, recently the church said nothing.")[0][0] != "Amongst"
    assert who("If, as I've suggested, developers benefit, the law is unfair.") == [(None, None)]
    # ... but "I" and initials in capitals are someone
    assert who('"Okay," I said.') == [("I", "say")]
    assert who("WHO said the virus was spreading.") == [("WHO", "say")]


def test_a_company_whose_name_opens_with_a_rank_is_no_general() -> None:
    # PolNeAR: "General Electric says that in 2012 it paid $3.2 billion" was a speaker "Electric".
    assert who("General Electric says that in 2012 it paid $3.2 billion in income taxes.") == [
        ("General Electric", "say")
    ]
    assert who("General Mark Milley said the troops were ready.") == [("Mark Milley", "say")]


def test_one_of_a_us_state_is_described_so_not_named_so() -> None:
    # PolNeAR: a speaker "Vermonter Bernie Sanders" beside Bernie Sanders, and one called "Texan"
    # (where two Texans are named, "the Texan" is neither: Former Texas Gov. Rick Perry and "the
    # Texas senator").
    assert who("Vermonter Bernie Sanders said the system was rigged.") == [("Bernie Sanders", "say")]
    assert [s for s, _ in who("Texan Ted Cruz spoke in Iowa on Monday.", "“We will win,” the Texan said.")] == [
        None,
        "Ted Cruz",
    ]


def test_a_word_right_after_initials_ends_an_organisations_name() -> None:
    # The 1,189 articles: speakers "Info" ("the news site RTL Info reported") and "Action".
    assert who("The man was headed to Cairo, the news site RTL Info reported.") == [("RTL Info", "report")]
    assert who("The group Priorities USA Action announced an ad buy.")[0][0] == "Priorities USA Action"
    # ... a title between them makes the name a person's
    assert who("FBI Director Comey said the case was closed.") == [("Comey", "say")]


def test_according_to_an_organisations_figures_is_the_organisations_word() -> None:
    # Wikinews: "according to WHO's statistics" was attributed to a speaker called "WHO's".
    assert who("Mortality rates averaged around 50% according to WHO's statistics.") == [("WHO", "say")]
    assert who("Sanders won four states, according to CNN's projections.") == [("CNN", "say")]


def test_surname_links_to_full_name_written_earlier_or_later() -> None:
    assert who(
        ["Kremlin spokesman Dmitry Peskov met reporters.", '"We see no reason for optimism," Peskov said.'],
    ) == [(None, None), ("Dmitry Peskov", "say")]
    assert who(
        ["Peskov said the talks failed.", "Dmitry Peskov is the Kremlin spokesman."],
    ) == [("Dmitry Peskov", "say"), (None, None)]


@pytest.mark.parametrize(
    ("opening", "said", "speaker"),
    [
        # A word of the sentence before the surname of someone the article names in full.
        ("Had Sanders won Michigan, the race would be close.", "Sanders said", "Bernie Sanders"),
        ("Given Sanders's loss, the party moved on.", "Sanders said", "Bernie Sanders"),
        ("See Sanders's speech for the details.", "Sanders said", "Bernie Sanders"),
        ("Asserting Sanders's lead, the memo went out.", "Sanders said", "Bernie Sanders"),
        # The tail of a compound surname.
        ("Wasserman Schultz opened the meeting.", "Wasserman Schultz said", "Debbie Wasserman Schultz"),
        # Team Sanders speaks for Sanders; it is not who "Sanders" is.
        ("The memo came from Team Sanders.", "Sanders said", "Bernie Sanders"),
        # Kept: a first name, even one the article writes only at a sentence's start.
        ("Jane Sanders opened the meeting.", "Sanders said", "Jane Sanders"),
    ],
)
def test_a_word_opening_a_sentence_never_takes_a_surname_from_the_person_it_belongs_to(
    opening: str, said: str, speaker: str
) -> None:
    person = "Debbie Wasserman Schultz" if "Schultz" in said else "Bernie Sanders"
    article = [f"{person} arrived in Ohio on Monday.", opening, f"{said} the vote was fair."]
    assert who(article)[2] == (speaker, "say")


def test_an_unknown_first_name_written_inside_a_sentence_is_a_person() -> None:
    # "Alastair Osman" is written inside a sentence, so he is a person, not a sentence's word.
    assert who(
        [
            "Richard Osman was on the flight.",
            "Alastair Osman spoke to ITV.",
            "His brother Alastair Osman said he was hopeful.",
        ]
    )[2] == ("Alastair Osman", "say")


@pytest.mark.parametrize(
    ("author", "writer"),
    [
        ("Ana Ruiz", "Ana Ruiz"),
        ("By Ana Ruiz", "Ana Ruiz"),
        # No one person to name: the writer stays "I", as without a byline.
        ("Ana Ruiz and Tom Berg", "I"),
        ("Ana Ruiz, Tom Berg", "I"),
        ("Staff", "I"),
        (None, "I"),
    ],
)
def test_the_writers_own_i_said_is_the_byline_author(author: str | None, writer: str) -> None:
    article = sentences(['"Your Honor," I said, "I would like to answer."', '"We will win," Mayor Tom Berg said.'])
    assert [(s.speaker, s.verb) for s in attribute(article, author=author)] == [(writer, "say"), ("Tom Berg", "say")]


def test_a_lone_first_name_links_only_when_it_is_a_first_name() -> None:
    # "Donald said" is Donald Trump; "EgyptAir said" is EgyptAir, not a title-like "EgyptAir Jet Found".
    assert who(["Donald Trump spoke.", "Donald said he was ready."])[1] == ("Donald Trump", "say")
    assert who(["Debris of EgyptAir Jet Found by the navy.", "EgyptAir said 66 people were on board."])[1] == (
        "EgyptAir",
        "say",
    )


def test_pronoun_resolves_to_nearest_speaker_of_matching_gender() -> None:
    got = who(
        [
            '"We were frank," Wendy Sherman said.',
            '"Nothing changed," Sergei Ryabkov said.',
            '"We stand with our allies," she added.',
            '"We will respond," he wrote.',
        ]
    )
    assert got == [
        ("Wendy Sherman", "say"),
        ("Sergei Ryabkov", "say"),
        ("Wendy Sherman", "add"),
        ("Sergei Ryabkov", "write"),
    ]


def test_pronoun_never_means_a_people_or_a_place() -> None:
    got = who(
        [
            '"We build a lot," Robert McDonough said.',
            "Traders on Wall Street sold the shares.",
            '"This was a really tough decision," he said.',
        ]
    )
    assert got[2] == ("Robert McDonough", "say")
    got = who(
        [
            '"I am a military guy," Harry Harris said.',
            "Ships near Scarborough Shoal turned back.",
            '"It is good," he said.',
        ]
    )
    assert got[2] == ("Harry Harris", "say")


def test_pronoun_gender_learned_from_earlier_pronoun_use() -> None:
    # "Pat" is in no name list; "her briefing" says Pat Doe is a woman, so "she" is Doe, not Ryabkov.
    got = who(
        [
            "Pat Doe said after her briefing that the talks were serious.",
            "Sergei Ryabkov said nothing had changed.",
            '"We will keep talking," she said.',
        ]
    )
    assert got[2] == ("Pat Doe", "say")
    # "She" opening the next sentence is the person of the sentence before, not the word that
    # opens it capitalised ("Tennis great"); "Billie" is in no name list either
    king = [
        "Tennis great Billie Jean King remembered Muhammad Ali as fun to be around.",
        "She saw the fight at Madison Square Garden in 1971.",
        '"He always whispered in my ear," she said.',
    ]
    assert who(king)[2] == ("Billie Jean King", "say")


def test_a_lone_word_no_one_is_shown_to_be_takes_no_pronoun() -> None:
    # "Compaq, she predicted" makes no woman of Compaq, which stays no one "she" may mean
    fiorina = [
        "Carly Fiorina wanted HP to buy Compaq.",
        'She was adamant, telling the board it would not "have to make the first move."',
        "Compaq, she predicted, would come to them.",
    ]
    assert who(fiorina)[2] == ("Carly Fiorina", "predict")
    # ... nor does such a word stand between the running speaker and her "she said"
    clinton = [
        '"I have studied this closely," Hillary Clinton said.',
        "The problem with reinstating Glass-Steagall, she said, is that it misses the shadow banks.",
    ]
    assert who(clinton)[1] == ("Hillary Clinton", "say")


def test_a_she_opening_after_then_carries_her_past_an_institution() -> None:
    # "Convention" of "the Republican National Convention" is no one "she" may mean
    ivanka = [
        "On the last day of the Republican National Convention in July, Ivanka Trump strode across the stage.",
        "Then she shattered party norms, pledging that her father would support working mothers.",
        '"Policies that allow women with children to thrive should not be novelties," she said.',
    ]
    assert who(ivanka)[2] == ("Ivanka Trump", "say")
    # ... as after a time and its comma
    broaddrick = [
        "Juanita Broaddrick has gone public again as Hillary Clinton pursues the nomination.",
        "On Sunday, she disclosed that Bill Clinton had called her.",
        '"This just caught me so off guard," she said.',
    ]
    assert who(broaddrick)[2] == ("Juanita Broaddrick", "say")


def test_whom_an_opening_participle_names_is_not_the_pronoun_after_it() -> None:
    sarandon = [
        '"I think a lot of people cannot bring themselves to do that," Susan Sarandon said.',
        "Asked about her own vote in the event that Hillary Clinton faces Trump, who has insulted women, she "
        'replied: "I don\'t know."',
    ]
    assert who(sarandon)[1] == ("Susan Sarandon", "reply")
    salman = [
        "Crown Prince Mohammad bin Salman accepted responsibility for the murder.",
        'Speaking to Martin Smith of PBS, he said, "It happened under my watch."',
    ]
    assert who(salman)[1] == ("Mohammad bin Salman", "say")


def test_an_institution_named_after_a_title_is_nobody() -> None:
    # "King Solomon Missionary Baptist Church" gives no one the title "King", so "King says" is
    # Billie Jean King; "Dominican Republic" is no one "he" may mean
    church = [
        "Rahaman Ali hugged members of King Solomon Missionary Baptist Church in Louisville.",
        "Billie Jean King remembered Ali as fun to be around.",
        'King says Ali "talked the talk and walked the walk."',
    ]
    assert who(church)[2] == ("Billie Jean King", "say")
    perez = [
        "Tom Perez grew up in Buffalo.",
        "He has three children.",
        'In his parents\' Dominican Republic, "baseball and politics are the national sport," he says.',
    ]
    assert who(perez)[2] == ("Tom Perez", "say")


def test_pronoun_inside_the_same_sentence_finds_the_name_before_it() -> None:
    got = who(
        "Wendy Sherman briefed allies about her talks with Sergei Ryabkov, which she described as "
        '"serious" and "businesslike."'
    )
    assert got == [("Wendy Sherman", "describe")]


def test_pronoun_falls_back_to_previous_sentence_speaker() -> None:
    assert who(['"It was useful," Kim Tal said.', '"We will meet again," he said.'])[1] == ("Kim Tal", "say")


def test_a_sentence_opening_with_he_carries_him_to_the_next_one() -> None:
    got = who(
        [
            "Ben Carson toured Iowa on Monday.",
            "He is talking to voters about health care.",
            '"I have been to 57 different countries," he said.',
        ]
    )
    assert got[2] == ("Ben Carson", "say")
    # not a lone word the article never shows to be a person: "Obama" alone may be a place
    unknown = who(["Obama toured Iowa on Monday.", "She is talking to voters.", '"It works," she said.'])
    assert unknown[2] == (None, None)
    # also when that sentence names someone else: the woman it opens with, not Carson
    rally = [
        "Rachel Berg met Ben Carson and Mary Smith at a rally.",
        "She called Carson a special person.",
        '"I feel bad to say it," she said.',
    ]
    assert who(rally)[2] == ("Rachel Berg", "say")


def test_a_pronoun_finds_the_one_person_of_its_gender_a_few_sentences_back() -> None:
    quiet = ["The crowd cheered loudly.", "The hall was full."]
    said = '"We will win this state," he said.'
    assert who(["Ben Carson spoke to voters in Iowa.", *quiet, said])[3] == ("Ben Carson", "say")
    # two men who may be "he" in those sentences: the one named nearest, past sentences in which
    # nobody speaks (PolNeAR: "Schiff called on ... / That could include ... / "...," he said.")
    asked = ["Ben Carson spoke in Iowa.", "Chuck Todd asked about 2020.", *quiet, said]
    assert who(asked)[4] == ("Chuck Todd", "say")
    schiff = [
        '"We have had problems with Russia," Barack Obama said after meeting Putin.',
        "He did not suggest retaliation.",
        'Adam Schiff called on the administration to "really call out Russia on this."',
        "That could include sanctions.",
        '"We know two states were hacked," he said.',
    ]
    assert who(schiff)[4] == ("Adam Schiff", "say")
    # ... nobody when that sentence names both
    both = ["Ben Carson spoke in Iowa.", "Chuck Todd asked Ben Carson about 2020.", *quiet, said]
    assert who(both)[4] == (None, None)
    # ... nor past a woman who speaks in between: the he may be one she speaks of
    whitman = [
        "Chris Christie spoke in Trenton.",
        "Donald Trump stood behind him.",
        "Christine Todd Whitman said she was ashamed of the endorsement.",
        "He was not fit to be governor any more, he said.",
    ]
    assert who(whitman)[3] == (None, None)
    # further back than three sentences before the one before it: nobody
    assert who(["Ben Carson spoke in Iowa.", *quiet, "Music played.", "Snow fell.", said])[5] == (None, None)
    # a woman whose first name the lists do not know, shown to be a "she" by "her" alone: not
    # enough ("Election Day ... her passport"), unless she spoke before
    she = ["Ngozi Okonjo-Iweala toured the plant.", "Her visit was brief.", *quiet, '"We will invest," she said.']
    assert who(she)[4] == (None, None)
    spoke = ["Ngozi Okonjo-Iweala said the plant would grow.", "Her visit was brief.", *quiet]
    assert who([*spoke, '"We will invest," she said.'])[4] == ("Ngozi Okonjo-Iweala", "say")


def test_spokesman_and_chairman_tell_no_gender() -> None:
    # news writes them of women too: "spokesman" does not make Hope Hicks a "he"
    hicks = ["Trump spokesman Hope Hicks did not respond to a request for comment.", '"We are very happy," she said.']
    assert who(hicks)[1] == ("Hope Hicks", "say")
    # ... nor a "she": either pronoun may mean her, while "spokeswoman" still bars a "he"
    assert who([hicks[0], '"We are very happy," he said.'])[1] == ("Hope Hicks", "say")
    assert who([hicks[0].replace("spokesman", "spokeswoman"), '"We are very happy," he said.'])[1] == (None, None)


def test_bare_quote_continues_previous_speaker_in_same_paragraph() -> None:
    got = who(['"NATO is open to dialogue," Smith said.', '"At the same time, we stand united."'])
    assert got == [("Smith", "say"), ("Smith", "say")]
    assert who(['"I agree," Smith said.', '"Absolutely."']) == [("Smith", "say"), ("Smith", "say")]
    # ... not a sentence that opens with a quoted word and goes on about it
    term = [
        "Western Journalism reported on a student known as #stickerboy.",
        "‘Stickerboy’ placed two stickers over his face and danced.",
    ]
    assert who(term)[1] == (None, None)
    assert who(
        [
            "The State Department said it classified 22 emails.",
            '"Top secret" is the highest level of classification there is.',
        ]
    )[1] == (None, None)


def test_a_paragraph_that_is_a_whole_quote_continues_the_quote_of_the_paragraph_before() -> None:
    # news gives each quote a paragraph: '"...," Trump said. // "..."' goes on with Trump's words
    hands = "“He referred to my hands. I guarantee you, there’s no problem.”"
    assert who(["“Look at those hands, are they small hands?” Trump said."], [hands])[1] == ("Trump", "say")
    # not a short shout, which may be the crowd's, nor after a paragraph that only reports
    assert who(['"Do we make promises we cannot keep?" Clinton asked.'], ['"Nooooo!"'])[1] == (None, None)
    report = "Trump said Friday that Ryan's refusal was “not a good thing.”"
    assert who([report], ["“I mean, he talks about unity, but what is this about unity?”"])[1] == (None, None)


def test_a_quote_with_its_own_unresolved_speaker_does_not_continue_the_previous_one() -> None:
    # Two senators: "the senator" is one of them, not necessarily the one quoted before.
    got = who(
        [
            "Sen. Ted Cruz and Sen. Marco Rubio spoke in Iowa.",
            '"We will win," Cruz said.',
            '"It is over," the senator said.',
        ]
    )
    assert got[2] == (None, None)


def test_bare_quote_in_a_new_paragraph_is_not_guessed() -> None:
    got = who(['"NATO is open to dialogue," Smith said.'], ['"This is a new voice."'])
    assert got[1] == (None, None)


def test_quote_opened_before_its_attribution_gets_that_speaker() -> None:
    got = who(['"We will wait.', 'We are patient," Peskov said.'])
    assert got == [("Peskov", "say"), ("Peskov", "say")]


def test_words_inside_quotes_are_not_attributions() -> None:
    # "stressed" and "said" are the speaker's words here, and the quote names nobody else.
    got = who(['"We stressed our support, as Biden said," she wrote.'], title="")
    assert got == [(None, None)]  # no earlier speaker for "she": nobody is guessed
    assert who('Analysts called it "what Putin said he wanted."') == [(None, None)]


def test_mentions_without_speech_are_not_attributed() -> None:
    assert who("Dmitry Peskov met Wendy Sherman in Geneva.") == [(None, None)]
    assert who("Peskov’s comments drew criticism in Kyiv.") == [(None, None)]
    assert who("U.S. President Joe Biden and Putin held two phone calls in December.") == [(None, None)]


def test_claiming_a_victory_or_writing_a_book_reports_no_words() -> None:
    assert who("Sanders had also claimed a victory in the New Hampshire primary.") == [(None, None)]
    assert who("Tenney won, claiming 41 percent of the vote.") == [(None, None)]
    assert who("Laura Bush wrote the introduction for a new book.") == [(None, None)]
    assert who("Sanders claimed the election was rigged.") == [("Sanders", "claim")]
    assert who("Greg Stanton wrote a letter to Loretta Lynch asking for an inquiry.") == [("Greg Stanton", "write")]
    # An -ing word that is no participle does not make the thing carry words.
    assert who("Sanders won, claiming his third victory in the string of contests.") == [(None, None)]
    assert who("Meanwhile, Rubio claimed the prize for exceeding expectations.") == [(None, None)]
    assert who("Baker wrote the letter to the State Department’s acting legal adviser.") == [(None, None)]
    # "added" a thing to something, not words
    assert who("Admiral Harry Harris has added another facet to his job: communicator.") == [(None, None)]
    assert who("Donald Trump added two courses to his portfolio in 2012.") == [(None, None)]
    assert who("Jane Smith added a note to the statement that she was wrong.") == [("Jane Smith", "add")]


def test_testimony_is_speech_when_its_words_follow() -> None:
    assert who("Clinton testified, for example, that she never sent classified emails.") == [("Clinton", "testify")]
    assert who('Comey testified "thousands" of emails had not been turned over.') == [("Comey", "testify")]
    assert who("Michael Sexton testified in one of the suits that no professor was handpicked.") == [
        ("Michael Sexton", "testify")
    ]
    assert who("In between, Emily Spanton testified, she was attacked.") == [("Emily Spanton", "testify")]
    # ... not when it tells only where or when
    assert who("Clinton testified before the panel last fall.") == [(None, None)]
    assert who("After Clinton testified, Gowdy shifted focus away from her aides.") == [(None, None)]
    assert who("The subpoena was withdrawn and Clinton testified voluntarily in 1998.") == [(None, None)]


def test_generic_and_country_subjects_are_not_speakers() -> None:
    assert who("Western officials and analysts say Russia's buildup is an attempt to pressure the West.") == [
        (None, None)
    ]
    assert who("Many analysts say that Ukraine's membership is a decade away.") == [(None, None)]
    assert who("Russia says it will respond.") == [(None, None)]
    assert who("Officials said the meeting was useful.") == [(None, None)]


def test_relative_clause_is_not_a_quote() -> None:
    got = who(
        "Russia has amassed troops near Ukraine in what the United States has said could be a prelude to an invasion."
    )
    assert got == [(None, None)]
    # ... but a named person's words are theirs, even in a relative clause.
    assert who("Russia has amassed troops in what Joe Biden has said could be a prelude to an invasion.") == [
        ("Joe Biden", "say")
    ]


def test_organisation_speakers_are_kept_and_a_person_they_report_wins() -> None:
    assert who("The Kremlin said the proposal was unacceptable.") == [("Kremlin", "say")]
    assert who("Ukraine’s Foreign Ministry said it was alarmed.") == [("Ukraine’s Foreign Ministry", "say")]
    assert who("The New York Times reported that the plane was grounded.") == [("New York Times", "report")]
    got = who("Ukraine’s Foreign Ministry said in a statement that Kuleba told Antony Blinken that Ukraine is strong.")
    assert got == [("Kuleba", "tell")]


def test_role_phrase_resolves_to_the_person_with_that_title() -> None:
    got = who(
        "The U.S. ambassador to NATO says the allies stand united.",
        '"Not a single ally will budge," U.S. Ambassador to NATO Julianne Smith said.',
    )
    assert got == [("Julianne Smith", "say"), ("Julianne Smith", "say")]
    got = who("Dmitry Peskov, the Kremlin spokesman, met reporters.", '"It was a waste," the Kremlin spokesman said.')
    assert got[1] == ("Dmitry Peskov", "say")
    # An abbreviated title holds the written-out role.
    got = who(
        "New Jersey Gov. Chris Christie spoke in Iowa.", '"He went for the easy vote," the New Jersey governor said.'
    )
    assert got[1] == ("Chris Christie", "say")


def test_he_closing_a_quote_of_several_sentences_is_read_where_the_quote_opened() -> None:
    # A long quote is cut into its sentences (index/text/sentences.py): "he" where it closes is
    # whoever the sentence before the quote names, not someone among the quoted sentences.
    got = who(
        "Florent Groberg, an Army veteran, backs Clinton. He spoke to the crowd.",
        [
            '"Nobody is pro-war.',
            "Sometimes there is just no other solution.",
            'I do not think anybody wants to send our youth to fight," he said.',
        ],
    )
    assert got[-3:] == [("Florent Groberg", "say")] * 3
    # And the quote's speaker is known as soon as it goes on, so the next paragraph's "he" is his.
    got = who(
        ['Barack Obama said, "There is a long tradition in this country.', "That is not new.", 'We benefit from it."'],
        '"I do not expect that to change," he continued.',
    )
    assert got == [("Barack Obama", "say")] * 3 + [("Barack Obama", "continue")]


def test_a_title_in_the_plural_is_no_part_of_the_names_after_it() -> None:
    # "Senators Mitch McConnell, ..." made every "McConnell said" of the article the words of
    # someone called "Senators Mitch McConnell".
    got = who(
        "Among others in a trap are Senators Mitch McConnell, the majority leader, and Marco Rubio.",
        "McConnell said the Senate would act.",
    )
    assert got[1] == ("Mitch McConnell", "say")
    assert who("Sens. Ted Cruz and Marco Rubio said no.") == [("Marco Rubio", "say")]


def test_the_one_spoken_for_holds_no_title() -> None:
    # "a spokesman for Sanders" speaks for Sanders: Sanders is no spokesman, so the president's
    # spokesman is not Sanders (it was).
    got = who("A spokesman for Sanders said the campaign would not comment.", "The president's spokesman said nothing.")
    assert got[1] == (None, None)
    # The one the article calls a spokeswoman still is: "Gore's spokeswoman" is Kiki McLean.
    got = who(
        '"He is busy," said Kiki McLean, a spokeswoman for Gore.', "The former vice president's spokeswoman said no."
    )
    assert got == [("Kiki McLean", "say"), ("Kiki McLean", "say")]


def test_an_indefinite_or_bare_role_names_nobody() -> None:
    # "a spokesman" is someone the article does not name, even if it names a spokesman elsewhere;
    # a spokesman of an institution speaks for it, as '"...," said a White House spokesman' does.
    article = ("Josh Earnest, the White House spokesman, met reporters.",)
    assert who(*article, "A White House spokesman said the talks went well.")[1] == ("White House", "say")
    assert who(*article, '"The talks went well," said a White House spokesman.')[1] == ("White House", "say")
    assert who(*article, "The talks, a spokesman told Reuters, went well.")[1] == (None, None)
    assert who(*article, "Talks, spokesman says, went well.")[1] == (None, None)
    assert who(*article, "The White House spokesman said the talks went well.")[1] == ("Josh Earnest", "say")


def test_appositive_between_subject_and_verb() -> None:
    assert who("Wendy Sherman, who led the talks, said they were frank.") == [("Wendy Sherman", "say")]


def test_quoted_as_saying() -> None:
    assert who("Peskov was quoted by TASS as saying the talks were useless.") == [("Peskov", "say")]
    assert who("TASS quoted Dmitry Peskov as saying the talks failed.") == [("Dmitry Peskov", "say")]
    # a source of several words whose name ends it: the one quoted is still the subject
    assert who("Peskov was quoted by the Russian news agency TASS as saying the talks failed.") == [("Peskov", "say")]
    assert who("Peskov was quoted as saying the talks failed.") == [("Peskov", "say")]


def test_as_someone_put_it() -> None:
    assert who('As The Post\'s Dana Milbank puts it, "Senate Republicans are unmoved."') == [("Dana Milbank", "put")]
    assert who('As Sanders put it bluntly: "We won."') == [("Sanders", "put")]
    assert who('"We lost," as Clinton put it.') == [("Clinton", "put")]
    # over an aside in commas
    assert who('As John Cornyn, the No. 2 in the GOP leadership, put it: "This person will not be confirmed."') == [
        ("John Cornyn", "put")
    ]
    assert who("Or, as Tom Ridge, a former secretary of homeland security, put it: ''The barbarians are inside.''") == [
        ("Tom Ridge", "put")
    ]
    assert who("As the president, Obama, put it on the table, the talks ended.") == [(None, None)]
    # putting something somewhere says nothing
    assert who("As Trump put it on the table, the talks ended.") == [(None, None)]
    assert who("They put it on hold.") == [(None, None)]


def test_a_name_after_former_reports_that() -> None:
    assert who("And former Louisiana Rep. David Duke reports that the businessman gave them cover.") == [
        ("David Duke", "report")
    ]
    assert who("Freshly filed Federal Election Commission reports that track spending.") == [(None, None)]


def test_posted_or_reacted_before_a_quotation() -> None:
    assert who('Mick Jagger of The Rolling Stones also reacted on Twitter, "Sad news."') == [("Mick Jagger", "react")]
    assert who('Eva-Maria Schultheis posted: "Ms. Merkel welcomed them all."') == [("Eva-Maria Schultheis", "post")]
    # a loss posted, a reaction without words, a title in quotes
    assert who("The company posted a loss of $2 billion.") == [(None, None)]
    assert who("Trump reacted angrily to the report.") == [(None, None)]
    assert who('Carson posted the "Perception" syllabus on his Facebook page.') == [(None, None)]


def test_articles_do_not_share_names_or_speakers() -> None:
    first = sentences(["Dmitry Peskov met reporters."], article_id="one")
    second = sentences(['"No," Peskov said.', '"Never," she added.'], article_id="two")
    got = attribute(first + second)
    assert [(s.speaker, s.verb) for s in got] == [(None, None), ("Peskov", "say"), ("Peskov", "add")]


def test_returns_new_sentences_with_everything_else_unchanged() -> None:
    given_sentences = sentences(['"No," Peskov said.', "The talks ended."])
    got = attribute(given_sentences)
    assert [s.speaker for s in given_sentences] == [None, None]  # inputs untouched
    for before, after in zip(given_sentences, got, strict=True):
        assert (after.article_id, after.paragraph, after.position, after.start, after.end, after.text) == (
            before.article_id,
            before.paragraph,
            before.position,
            before.start,
            before.end,
            before.text,
        )
    assert attribute([]) == []


def test_stale_speaker_on_input_is_replaced() -> None:
    stale = [Sentence("a", 0, 0, 0, 15, "The talks ended.", speaker="Someone", verb="say")]
    assert [(s.speaker, s.verb) for s in attribute(stale)] == [(None, None)]


def test_speech_lemma() -> None:
    assert speech_lemma("wrote") == "write"
    assert speech_lemma("Added") == "add"
    assert speech_lemma("emphasised") == "emphasize"
    assert speech_lemma("walked") is None


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("abc ABC.\"“”‘’',:—said she he Peskov"), max_size=60), max_size=6))
def test_any_text_keeps_sentences_in_order(texts: list[str]) -> None:
    given_sentences = sentences(texts) if texts else []
    got = attribute(given_sentences)
    assert [s.text for s in got] == [s.text for s in given_sentences]
    assert all((s.speaker is None) == (s.verb is None) for s in got)


# --- rules learned on PolNeAR train (real 2016 US news) ----------------------------------------


def test_passive_hearsay_names_nobody() -> None:
    assert who("Mr Gates is said to be trying to arrange a meeting.") == [(None, None)]
    assert who("Roof is accused of a massacre at a historic church.") == [(None, None)]
    assert who("And the FBI was warned about the shooter.") == [(None, None)]


def test_groups_and_reported_views_are_not_speakers() -> None:
    assert who("Critics say the plan will fail.") == [(None, None)]
    assert who("Some Democrats said they feared a split.") == [(None, None)]
    assert who("Republicans say Democrats are trying to distract the public.") == [(None, None)]


def test_a_sentence_that_only_mentions_someone_is_not_theirs() -> None:
    assert who("Donald Trump has won the primary in Virginia, adding to his Super Tuesday victories.") == [(None, None)]
    assert who("Costa reported from Washington.") == [(None, None)]
    assert who("Trump won, adding to Clinton's woes.") == [(None, None)]
    # ... but "added to" a capitalised name is told to a listener.
    assert who('"It was more than her show," Trump added to People.') == [("Trump", "add")]


def test_new_york_times_double_apostrophe_quotes() -> None:
    got = who("''This is an extreme revision,'' said David Wasserman of the Cook Political Report.")
    assert got == [("David Wasserman", "say")]


def test_description_between_verb_and_name() -> None:
    assert who('"It is hard," said Democratic pollster Stan Greenberg.') == [("Stan Greenberg", "say")]
    assert who('"We should debate it," said Sen. Tom Carper of Delaware.') == [("Tom Carper", "say")]
    assert who("India has more resonance, says political scientist Dossym Satpayev in Almaty.") == [
        ("Dossym Satpayev", "say")
    ]


def test_inverted_said_takes_no_reported_subject() -> None:
    got = who("Rep. Elijah Cummings (D-Md.), chair of the committee, said Clinton did not appear concerned.")
    assert got == [("Elijah Cummings", "say")]


def test_appositives_over_several_commas_and_a_name_in_apposition() -> None:
    got = who("Alixandria Lapp, executive director of the House Majority PAC, a Democratic super PAC, said she agreed.")
    assert got == [("Alixandria Lapp", "say")]
    assert who('"It was terrorism," the White House spokesman, Josh Earnest, said.') == [("Josh Earnest", "say")]
    # A place in apposition to a place noun is not the subject.
    got = who("Michael Seaman, who lives outside the state capital, Sacramento, said he still hopes.")
    assert got == [("Michael Seaman", "say")]
    got = who(
        "Giovanni Maria Vian, the editor of the Vatican's newspaper, L'Osservatore Romano, said it was political."
    )
    assert got == [("Giovanni Maria Vian", "say")]


def test_participles_and_coordinated_verbs_report_the_subject() -> None:
    got = who("Mr. Trump released a statement on Saturday, saying the son was a hero.")
    assert got == [("Trump", "say")]
    assert who("Graham called both candidates crazy and said the party would lose.") == [("Graham", "say")]
    # a campaign speaks as a government does ("the Clinton campaign said")
    assert who("Rubio's campaign tweeted a video, saying the amendment failed.") == [("Rubio's campaign", "tweet")]
    # PolNeAR: "later" after the subject is no time phrase opening the sentence ("Minutes later, ...")
    got = who("But Trump later blamed his hesitancy on a bad earpiece, claiming he had disavowed Duke.")
    assert got == [("Trump", "claim")]
    assert who("Minutes later, the campaign issued a statement saying it was over.") == [(None, None)]


def test_pronoun_with_two_fitting_people_and_no_running_speaker_is_left_unresolved() -> None:
    # Neither's gender is known: "he" could be either.
    got = who(
        [
            "Cruz met Kasich in Indiana on Friday.",
            '"There never was a grand alliance," he said.',
        ]
    )
    assert got[1] == (None, None)


def test_pronoun_takes_the_subject_before_it_when_the_article_shows_its_gender() -> None:
    # Clinton is a "she" too, but the sentence before is about Worley, named first.
    story = [
        "Hillary Clinton spoke in Denver, and she thanked her volunteers.",
        "One superdelegate, Alabama Democratic Party chairwoman Nancy Worley, pledged her vote to "
        "Clinton recently in an effort to wrap up the primary election.",
        '"We really need to bring a close to this primary process," she said.',
    ]
    assert who(story)[2] == ("Nancy Worley", "say")
    # A man named first is no "she": the pronoun stays unresolved between the two women.
    story[1] = "Senator Tom Udall met Nancy Worley and Hillary Clinton in Denver on Friday."
    assert who(story)[2] == (None, None)
    # Nor over a man the pronoun's own sentence names before it; a woman named there is no "he".
    story = ["Ted Cruz met John Kasich in Indiana on Friday.", ""]
    story[1] = 'Asked about Kasich, "There never was a grand alliance," he said.'
    assert who(story)[1] == (None, None)
    story[1] = 'Asked about Carly Fiorina, "There never was a grand alliance," he said.'
    assert who(story)[1] == ("Ted Cruz", "say")
    # A place named before the subject is not it; a phrase opening the sentence may name someone else.
    salem = "Speaking at a town hall in Salem, New Hampshire, Donald Trump went after Jeb Bush, calling him a stiff."
    said = '"You would not hire him to do anything," he said.'
    assert who([salem, said])[1] == ("Donald Trump", "say")
    lectern = "Preceded at the lectern by Joe Arpaio, the Arizona sheriff, Donald Trump spoke for an hour."
    assert who([lectern, said])[1] == (None, None)


def test_pronoun_follows_the_running_speaker() -> None:
    got = who(
        [
            '"We were frank," Glen Kopp said, after meeting James Comey.',
            '"They are within the zone of interest," he said.',
        ]
    )
    assert got[1] == ("Glen Kopp", "say")


def test_place_or_sentence_opener_is_never_a_pronoun_antecedent() -> None:
    got = who(["Lately, the campaign moved to Orlando.", '"I am passionate about this," he said.'])
    assert got[1] == (None, None)


def test_a_lone_word_that_never_speaks_or_has_a_title_is_no_he() -> None:
    # "his home" after "Clarkston" made the town look male; "he" must not become the town. The
    # "his" of a sentence that "He" opens is his: Luay Sami is a man, and the one to say it.
    got = who(
        [
            "Luay Sami came to Clarkston from Iraq in 2011.",
            "He got a car and a job at the center, and Clarkston became his home.",
            '"The stereotyping is still strong here," he said.',
        ]
    )
    assert got[2] == ("Luay Sami", "say")
    got = who(
        [
            "The family came to Clarkston from Iraq in 2011.",
            "Clarkston became his home.",
            '"The stereotyping is still strong here," he said.',
        ]
    )
    assert got[2] == (None, None)
    # A lone surname that speaks by name elsewhere in the article is a person.
    got = who(
        [
            '"We will win," Sami said.',
            "The family came to Clarkston in 2011.",
            "Later Sami got a job, and his family stayed.",
            '"Here," he said.',
        ]
    )
    assert got[3] == ("Sami", "say")


def test_a_pronoun_is_never_the_person_named_after_it_in_its_own_clause() -> None:
    # "he" governs "Donald Trump": whoever speaks here, it is not Trump.
    got = who(
        [
            '"We will win," Mark Stone said.',
            "Donald Trump spoke later.",
            '"Anybody can change," he said of Donald Trump.',
        ]
    )
    assert got[2] == (None, None)
    got = who(['"We will win," Ted Cruz said.', 'He has declared Cruz to be "anointed" by God.'])
    assert got[1] == (None, None)
    # A name in another clause, or after a pronoun in a clause of its own, may be the same person.
    got = who(
        ['"We pay," Ted Cruz said.', "He admits they are good people, but ultimately Cruz thinks they are wrong."]
    )
    assert got[1] == ("Ted Cruz", "admit")
    got = who(
        ['"We pay our way," Francis said.', "When he insisted on paying his bill, Francis understood the gesture."]
    )
    assert got[1] == ("Francis", "insist")


def test_whoever_follows_told_is_the_listener_not_the_speaker() -> None:
    got = who('"Yes, I support Ted Cruz," Brent Bozell, founder of the Media Research Center, tells Breitbart News.')
    assert got == [("Brent Bozell", "tell")]


@pytest.mark.parametrize(
    ("sentences", "speakers"),
    [
        # an adverb between the subject and the verb (PolNeAR train: "Mrs. Clinton has since said")
        (["Mrs. Clinton has since said she would support a wage increase."], ["Clinton"]),
        (["Mr. Ryan has long said that he will support the nominee."], ["Ryan"]),
        (["Cruz gingerly said that was an assessment for the voters."], ["Cruz"]),
        (["Kaine now says he is a strong advocate for abortion rights."], ["Kaine"]),
        # ... but "family" is no adverb, and a passive with one is hearsay
        (["The Clinton family said nothing."], [None]),
        (["Mike Pence was widely criticized as sloppy."], [None]),
        # a title word after "Mr." or "Ms." is a surname
        (["''No,'' Mr. King said."], ["King"]),
        (['"It is risky," Mr. Prince said.'], ["Prince"]),
        # a generation after a surname is part of the name (a father and his son share the rest),
        # and after a first name alone it is the son, not his father
        (["Vice President Joseph R. Biden Jr. said the remarks were dangerous."], ["Joseph R. Biden Jr."]),
        (["Donald Trump spoke first.", "His son Donald Jr. announced the votes."], [None, "Donald Jr."]),
        # ... also after a surname that is a first name too ("Murray", "Casey")
        (["Joseph R. Murray II, a lawyer, said the bill was cruel."], ["Joseph R. Murray II"]),
        (['"It matters," said Sen. Robert P. Casey Jr. (D-Pa.), a Clinton backer.'], ["Robert P. Casey Jr."]),
        # ... but an honour is no part of it
        (["Judge Michael Hall QC said the case was closed."], ["Michael Hall"]),
        # when ("at the time"), and a time between "and" and a second verb
        (["Trump at the time said he had asked his people to look into it."], ["Trump"]),
        (["Rick Scott freed up funds and on Monday announced $5 million more."], ["Rick Scott"]),
        (["The State Department less than two weeks ago said that the emails were secret."], ["State Department"]),
        # "was quick to add that", a second verb after ", then", and "Continued" before a name
        (["Trump was quick to add that the deal does not include nixing the idea."], ["Trump"]),
        (["Trump is quick to act."], [None]),
        (["Mr. Trump was prompted to say, ''So far, I cannot believe how civil it's been.''"], ["Trump"]),
        (["Kasich offered the man a job as Secretary of Defense, then says he will welcome advice."], ["Kasich"]),
        (["Continued Stone: “So I think it’s a very real problem.”"], ["Stone"]),
        # an aside between dashes after an appositive: the person, not the organisation
        (
            [
                "Neil Sroka, communications director of Democracy for America, or DFA - which was founded by "
                "Howard Dean - said Sanders has options."
            ],
            ["Neil Sroka"],
        ),
        # a newspaper's columnist is the one who writes, not the newspaper
        (["The Washington Post columnist Ruth Marcus was critical of him but wrote that she agreed."], ["Ruth Marcus"]),
        (["The Trump campaign was critical of him but wrote that it agreed."], [None]),
        # a surname that is a place's name after a given name no list holds
        (["Denzel Washington said the film was his best."], ["Denzel Washington"]),
        (['Actor Denzel Washington, who paid for his studies, stated "He was a gentle soul."'], ["Denzel Washington"]),
        (["Fort Washington said the film was his best."], [None]),
        # "Ph.D." ends no sentence and no aside
        (
            ['Daniel Paluh, a Ph.D. candidate at the University of Florida, said, "Frogs look similar."'],
            ["Daniel Paluh"],
        ),
        # where the words were said ("in a Medium post")
        (["Jeb Bush in a Medium post said he would name conservative judges."], ["Jeb Bush"]),
        # where the speaker is ("in Goa"), before the verb or an aside; not an object before it
        (
            [
                'State Congress President Girish Chodankar called D\'Souza "humble".',
                'The Aam Aadmi Party in Goa, in its statement, said he was a "gentleman politician".',
            ],
            ["Girish Chodankar", "Aam Aadmi Party"],
        ),
        (["Police in Paris said three people were arrested."], ["Police"]),
        (
            [
                "Insiders who think Rubio can overtake Trump in New Hampshire - about 40 percent - stressed the late vote."
            ],
            [None],
        ),
        # "the statement said": the person who issued it a few sentences before; not an organisation
        (
            [
                'In Washington, President Obama released a statement condemning "a horrific attack."',
                "He said he had directed his team to help.",
                '"We stand in solidarity with France," the statement said.',
            ],
            [None, "Obama", "Obama"],
        ),
        (
            [
                "The Times said Peter Cook provided a written statement.",
                '"After reviewing his email practices, the secretary believes it was a mistake," the statement said.',
            ],
            ["Times", "Peter Cook"],
        ),
        (
            [
                "Following a meeting, the Security Council issued a statement calling the test a violation.",
                'The statement noted they had said they would take "further significant measures."',
            ],
            [None, None],
        ),
        # "Pres." is a president's title, and stays in its sentence
        (
            [
                "In the April issue of The Atlantic, Pres. Obama admits the action failed.",
                '"We averted large-scale civilian casualties," the president told The Atlantic.',
            ],
            ["Obama", "Obama"],
        ),
        # a role naming a state its title does not: whom the article ties to the state
        (
            [
                "Sen. Ted Cruz of Texas spoke first.",
                "Sen. Bernie Sanders of Vermont says he is prepared.",
                'The Vermont senator said there are "a lot of very good" provisions.',
            ],
            [None, "Bernie Sanders", "Bernie Sanders"],
        ),
        (["Sen. Ted Cruz of Texas spoke first.", 'The Vermont senator said it was "good".'], [None, None]),
        # a place's name before a comma and a role is no one holding it: Chelsea is no mayor
        (
            [
                'Mayor Bill de Blasio described it as "an intentional act."',
                "At a press conference in Chelsea, the mayor also said that it was too early to tell.",
            ],
            ["Bill de Blasio", "Bill de Blasio"],
        ),
        (["Talks with Peskov, the Kremlin spokesman, went on.", 'The spokesman said it was "over".'], [None, "Peskov"]),
        # "according to him": whom the pronoun stands for; not "according to her spokesman"
        (
            [
                "Houthi spokesperson Yahya Sarea said it had carried out the attack using ten drones.",
                "According to him, it was among the largest Houthi operations inside Saudi Arabia.",
            ],
            ["Yahya Sarea", "Yahya Sarea"],
        ),
        (["Hillary Clinton spoke on Monday.", 'According to her spokesman, she was "tired".'], [None, None]),
        # an -ing surname opens a sentence when the article names the person in full
        (["Peyton Manning won the game.", "Manning said the team would meet."], [None, "Peyton Manning"]),
        (["Having said that, the team would meet."], [None]),
    ],
)
def test_what_may_stand_between_a_name_and_its_verb(sentences: list[str], speakers: list[str | None]) -> None:
    assert [speaker for speaker, _ in who(sentences)] == speakers


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # an aside holding a short quote, the comma inside its marks as American style writes it
        ("Mr. Manafort, citing ''the unique magic of Trump,'' said the candidate could win.", "Manafort"),
        ("Gordon Humphrey, who calls Trump a “sociopath,” said he doesn’t believe it.", "Gordon Humphrey"),
        (
            'Sam Solovey, a contestant on the show "The Apprentice," who worked with Trump, said his boss was kind.',
            "Sam Solovey",
        ),
        # an aside holding a state's abbreviation: its period is no sentence end
        ("Paul Porter, a truck driver from Ava, Mo., who is a member of the union, said he was paid.", "Paul Porter"),
        ("''I would have been in Siberia,'' Mr. Daniloff, now 81 and retired in Cambridge, Mass., said.", "Daniloff"),
        # a closing quote typed the wrong way round
        ("“It's unusual,“ said Larry Noble, an attorney with the Campaign Legal Center.", "Larry Noble"),
        # an -ing phrase after "in" between the subject and the verb (note 64's needs-issue item)
        ("Assembly president Richard Ferrand in relaying the news to parliament said it was over.", "Richard Ferrand"),
        ("Voters in swing states said they were tired.", None),
        # ... and an opening one (PolNeAR: the report before it was read as inside a quote)
        ("Bill Millis told POLITICO that aides could not ”get close to Ben on the things he needed.”", "Bill Millis"),
        # a long aside, up to about forty words
        (
            "Dr. Connie Mariano, who as a Navy captain was the White House physician in the administration"
            " of former President Bill Clinton and later retired from the service as a rear admiral, said"
            " that in 1998 the staff was told.",
            "Connie Mariano",
        ),
        # a long quote before the verb is the words reported, not an aside
        ('Trump, "we will build a wall and we will make Mexico pay for it, believe me," said the crowd.', None),
    ],
)
def test_an_aside_with_quotes_or_abbreviations_before_the_verb(text: str, speaker: str | None) -> None:
    assert who(text)[0][0] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "X did something and said": X after an opening phrase, or after the words describing them
        ("In a brief interview, Ms. Conway rejected the idea and said that Mr. Manafort stayed.", "Conway"),
        (
            'Last month, FBI Director James Comey called it "careless," but said she should face no charges.',
            "James Comey",
        ),
        (
            "Presumptive Democratic presidential nominee Hillary Clinton called on Congress to act and said funding is "
            "needed.",
            "Hillary Clinton",
        ),
        # not whoever the opening phrase names
        ("After Trump spoke, the crowd cheered and said nothing.", None),
    ],
)
def test_whoever_opens_the_sentence_speaks_for_its_second_verb(text: str, speaker: str | None) -> None:
    assert who(text)[0][0] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a reporting participle after "is": AP's present tense
        ("Donald Trump is telling supporters that “when you win, it’s beautiful.”", "Donald Trump"),
        ("Hillary Clinton is declaring that she is moving closer to the nomination.", "Hillary Clinton"),
        ("Fields was telling the truth, the campaign said.", None),
        # a verb the reporting verb carries on from
        ("Mike Pence went on to say he’s “confident” about the two men.", "Mike Pence"),
        ("Bernie Sanders declined to say whether he would run.", None),
        # and a base form after it, when what follows is what was said
        ("Dinesh D’Souza went on to explain that the Clintons want power.", "Dinesh D’Souza"),
        ("Corey Lewandowski continued to assert that he never touched her.", "Corey Lewandowski"),
        # a participle opening the sentence: the subject after its phrase (PolNeAR)
        (
            "Noting that both Reagan and Trump battled the media, Phyllis Schlafly put her finger on it.",
            "Phyllis Schlafly",
        ),
        ("Arguing that the deal was bad, Bernie Sanders voted against it.", "Bernie Sanders"),
        ("Adding to the wariness is the fact that Ted Cruz laid off his staff.", None),
        ("Saying goodbye, the crowd left the hall.", None),
        # ... and a platform taken to, to speak on (PolNeAR)
        ("As supporters waited for her, Hillary Clinton took to Twitter to say thanks.", "Hillary Clinton"),
        ("Donald Trump took to Twitter early Wednesday morning to say the election was rigged.", "Donald Trump"),
        ("Donald Trump took Mike Pence to Ohio to say thanks.", None),
        # ... or a pronoun, the subject of what was said (PolNeAR)
        ("Hillary Clinton is continuing to insist she will release the transcripts.", "Hillary Clinton"),
        ('Kelly Dittmar went on to add, "If we want to see parity, it means more women."', "Kelly Dittmar"),
        ("Mike Pence continued to add jobs in Indiana.", None),
        ("Barack Obama went on to name cities that have mourned.", None),
        # a participle after "by" or "before": the subject's words as its means or its next step
        ("John Bolton distanced himself from the movement by saying he would help.", "John Bolton"),
        ("Mitch McConnell deflected questions before saying, ''It's time to get on message.''", "Mitch McConnell"),
        ("Barack Obama could do this by telling Chuck Grassley that he will withdraw it.", None),
        ("Mike Pence quit giving speeches after saying he would run.", None),
        # after a dateline, and after an opening phrase of several commas or "Hours later,"
        (
            "WASHINGTON — Sen. Bernie Sanders (I-Vt.) defended his call, saying the gains outweigh the losses.",
            "Bernie Sanders",
        ),
        ("LA CROSSE, Wisc. — Gov. Mike Pence on Thursday blamed the media, saying they were nitpicking.", "Mike Pence"),
        (
            "At a campaign event in Ames, Iowa, on Sunday, Mrs. Clinton spoke again, saying the U.S. should lead.",
            "Clinton",
        ),
        ("Hours later, Trump returned the compliment, telling Reuters, “Sheldon is an amazing man.”", "Trump"),
        ("In Iowa, voters turned out, saying they liked the weather.", None),
        # after an agency's dateline, an age, or a role and its comma
        ("Washington (AFP) – Democrat Hillary Clinton took a swipe at Trump, saying he was wrong.", "Hillary Clinton"),
        ("76-year-old Morton Blackwell endorsed Cruz last week, saying he has held his values.", "Morton Blackwell"),
        ("The mayor of London, Sadiq Khan, gave his condolences, adding, “An enquiry is underway.”", "Sadiq Khan"),
        (
            "But the other candidate on the stage, former Secretary of State Hillary Clinton, drew a contrast, "
            "saying that the losses are real.",
            "Hillary Clinton",
        ),
        ("The first problem, the economy, kept growing, saying little.", None),
        # more participles, an adverb before one, and an opening phrase ending in a quoted name
        ("Bernie Sanders went first at the town hall, predicting a closer primary.", "Bernie Sanders"),
        (
            "Hillary Clinton has expressed frustration, recently telling a friend that she is perplexed.",
            "Hillary Clinton",
        ),
        (
            'In an interview with "Fox and Friends," Donald Trump pointed to China, remarking that it should act.',
            "Donald Trump",
        ),
        ("Vladimir Putin flew to Magnitogorsk, observing the rescue mission.", None),
        # a title after "the" and words before it; an outlet's possessive before a name
        (
            "There, the district GOP Chairman Chuck Williams declined to name them but said one was loyal.",
            "Chuck Williams",
        ),
        ("The Blaze’s Matt Walsh provided a justification for a blacklist, saying it is needed.", "Matt Walsh"),
        ("Rubio's campaign tweeted a photo, saying it works.", "Rubio's campaign"),
    ],
)
def test_who_speaks_in_the_forms_of_wire_copy(text: str, speaker: str | None) -> None:
    assert who(text)[0][0] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # after an opening "And"/"But", a time phrase, a place phrase or a participle's phrase
        ("And then Trump went fully on the attack, saying, “Is he going to resign?”", "Trump"),
        ("But a few days later, Trump reversed himself yet again, telling CBS the laws “are set.”", "Trump"),
        ("Here in Columbia, Sanders stepped up his emphasis on crime, saying, “We have got to act.”", "Sanders"),
        ("Inside the conference center, Trump on Tuesday dismissed Walker, arguing he was a poor steward.", "Trump"),
        ("Continuing to explain his view, Carson rejected the notion, saying that he would fix it.", "Carson"),
        ("Like Corker, Menendez rejected the notion, arguing that there is “flexibility.”", "Menendez"),
        # a state's abbreviation after the phrase's comma is no one
        ("The day before, at a rally in Beaumont, Tex., Mr. Trump was blunt, claiming Obama was wrong.", "Trump"),
        # a name that opens the sentence is its subject even when a time word follows
        ("Bradley apologized for the columns after they came out, saying they were old.", "Bradley"),
        # the phrase's own subject is not the speaker of its participle
        ("But after the storm, residents waited, saying they had no power.", None),
    ],
)
def test_the_subject_after_an_opening_word_or_phrase_speaks_for_a_participle(text: str, speaker: str | None) -> None:
    assert who(text)[0][0] == speaker


def test_a_surname_in_ing_opening_a_sentence_is_no_opening_phrase() -> None:
    got = who(["Peyton Manning won the game.", "Manning released a statement on Tuesday, saying he would retire."])
    assert got[1][0] == "Peyton Manning"


def test_a_surname_that_is_a_people_or_a_place_is_read_when_the_article_names_the_person() -> None:
    got = who(
        [
            "Billionaire Mark Cuban said Trump is unfit.",
            "“He is a joke,” Cuban said.",
            "Rep. Steve Israel said the bill failed.",
            "Mr. Israel said it would not pass.",
            "Cuban officials said the talks went well.",
        ]
    )
    assert [speaker for speaker, _ in got] == ["Mark Cuban", "Mark Cuban", "Steve Israel", "Steve Israel", None]
    # without a person of that name the country or the people is nobody's voice, as before
    assert who(["Israel said it struck Gaza.", "“We will respond,” Israel said."]) == [(None, None), (None, None)]
    assert who("Will Britain leave, Obama asked.")[0][0] is None
    # after its verb too, and "he" may mean the person
    after = who(
        [
            "Mark Cuban says he is open to running.",
            "Host Chuck Todd pressed him.",
            "“It is too early to tell,” said Cuban, who hosts a TV show.",
            "“There are so many variables,” he said.",
        ]
    )
    assert [speaker for speaker, _ in after] == ["Mark Cuban", None, "Mark Cuban", "Mark Cuban"]
    assert who(["“It is early,” said Israel."]) == [(None, None)]


def test_a_surname_that_is_a_month_is_read_after_a_first_name_or_a_title() -> None:
    got = who(
        [
            "British Prime Minister Theresa May said the country would leave the E.U.",
            "“Brexit means Brexit,” May said.",
            "Mrs. May said the talks would go on.",
            "In May, Smith said the vote was close.",
        ]
    )
    assert [speaker for speaker, _ in got] == ["Theresa May", "Theresa May", "Theresa May", "Smith"]
    assert who(["May said the talks would go on."]) == [(None, None)]  # no Theresa May: a month


def test_a_month_is_a_first_name_before_a_surname_and_a_time_after_in_or_a() -> None:
    got = who(
        [
            "Former Arizona governor Jan Brewer, an early supporter, calls security a priority.",
            "“That is something all women want,” she said.",
            "Speaker Paul Ryan said the House would vote.",
            "White House correspondent April Ryan said the briefing was cut short.",
            "June Carter Cash said she would sing.",
            "In April Ryan said the vote would wait.",
            "At a June Trump rally, Smith said the crowd was large.",
        ]
    )
    assert [speaker for speaker, _ in got] == [
        None,
        "Jan Brewer",  # not a "Brewer" whose gender nothing shows
        "Paul Ryan",
        "April Ryan",  # not Paul Ryan
        "June Carter Cash",
        "Paul Ryan",
        "Smith",
    ]
    assert who(["On Jan 5, Brewer said the border was open."]) == [("Brewer", "say")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a short abbreviation's period inside an aside does not end it
        (
            "Senator John Cornyn of Texas, the No. 2 Republican in the Senate, said the chamber will vote.",
            "John Cornyn",
        ),
        (
            "Eddie Griffin, who at the time was a Ft. Worth member of a group, said that it was changing.",
            "Eddie Griffin",
        ),
        ("Mike Pence, who spoke in Jefferson City, Mo., said he was confident.", "Mike Pence"),
        # a name set off inside a relative clause is not the subject
        ("Mr. Slinker, whose latest start-up, Paradata, uses big data, said Mr. Trump was a start-up guy.", "Slinker"),
        ("The spokesman, Josh Earnest, said the talks were useful.", "Josh Earnest"),
    ],
)
def test_the_subject_before_an_aside_with_an_abbreviation_or_a_relative_clause(text: str, speaker: str) -> None:
    assert who(text)[0][0] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # whom a speaker follows or works for is not the speaker
        ('"It was great," said a Clinton aide.', None),
        ('"Hillary doesn\'t even care anymore," wrote one Sanders supporter, tweeting a link.', None),
        ("“David is a longtime friend of mine,” said Clinton ally James Carville.", "James Carville"),
        ('"It can go a long way," said a senior Cruz adviser.', None),
        ('"October provided a resurgence for her," said former Obama adviser David Axelrod.', "David Axelrod"),
        ("“Education is the driver,” said Marquette pollster Charles Franklin.", "Charles Franklin"),
        # ... nor whom an adviser, a friend or a person close to them serves
        ('"We have a ton of work to do," said a longtime adviser to both Clintons.', None),
        ('"It was fine," said a friend of Bill Clinton.', None),
        ('"It was fine," said a person close to Hillary Clinton.', None),
        ('"It was fine," said Jake Sullivan, an adviser to Hillary Clinton.', "Jake Sullivan"),
        # ... nor whom they stand against
        ("According to Johnson's critics, this is a ploy to achieve a no-deal Brexit.", None),
        ('"He lies," said Trump critic Rick Wilson.', "Rick Wilson"),
        # nor the organisation a person works for, named before what they do there
        (
            '"You have to work," quipped Valiant Entertainment editor Heather Antos, later in the panel.',
            "Heather Antos",
        ),
        ('"This is simple," said Clinton campaign manager Robby Mook in a statement.', "Robby Mook"),
        ('"It was a disgrace," said Fox News host Sean Hannity.', "Sean Hannity"),
        ('"It was useful," said Clinton’s top foreign policy aide Jake Sullivan.', "Jake Sullivan"),
        # nor whose a person named after a possessive is
        ("Debates are not likely to alter the campaign, noted NBC’s Dante Chinni.", "Dante Chinni"),
        ('"We are ready," said Rubio’s deputy campaign manager, Rich Beeson, who ran the 2012 effort.', "Rich Beeson"),
        ('"Heartbroken and numb," writes Huber\'s longtime tag team partner Erick Rowan on Instagram.', "Erick Rowan"),
        ("According to Windsor Locks' first selectman, Chris Kervick, ten passengers were aboard.", "Chris Kervick"),
        (
            "Joe Scarborough, host of MSNBC’s “Morning Joe,” suggested business mogul Donald Trump’s refusal to"
            " disavow the Klan could hurt him.",
            "Joe Scarborough",
        ),
        # but "according to" X's work is X's word, and a plural's mark inside a name owns nothing
        # (the name is read up to it, never as its tail "Conference")
        ("According to POLITICO’s analysis, groups spent $2.5 million.", "POLITICO"),
        ("He died, according to the Catholic Bishops' Conference of the Philippines.", "Catholic Bishops"),
        # a name after "of" and its article is the firm's, not a second speaker
        (
            '"The odds are likely," said a leading Supreme Court advocate, Andrew J. Pincus of the law firm Mayer Brown.',
            "Andrew J. Pincus",
        ),
        # a spokesman speaks for the institution, as before
        ('"It was useful," said Kremlin spokesman Dmitry Peskov.', "Dmitry Peskov"),
        ('"It was useful," said a White House aide.', "White House"),
    ],
)
def test_a_name_before_aide_or_supporter_is_not_the_speaker(text: str, speaker: str | None) -> None:
    assert who(text)[0][0] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("A flabbergasted Noah quipped, “It’s like a lawyer with the dumbest client ever.”", "Noah"),
        ("''Silly boys,'' scoffed Arianna Gil, 22, who helped found the group.", "Arianna Gil"),
        ('In an email, Jorgensen exclaimed: "It\'s official!"', "Jorgensen"),
        ('Lindsey Graham retorted: "There is a special place in hell."', "Lindsey Graham"),
        ("Ramos lamented that the danger came from Trump.", "Ramos"),
    ],
)
def test_quipped_scoffed_exclaimed_and_lamented_report_speech(text: str, speaker: str | None) -> None:
    assert who(text)[0][0] == speaker


def test_continued_between_two_parts_of_a_quote_is_a_reporting_verb() -> None:
    got = who(["Mike Pence spoke first.", "“Applying those questions,” Pence continued, “you and I should unite.”"])
    assert got[1] == ("Mike Pence", "continue")


def test_he_or_she_continued_or_asked_after_a_quote_is_the_person_quoted_before() -> None:
    # "he continued" and "she asked" after a quote report it, as "Trump continued" does
    got = who(
        [
            "“It’s a reflection of frustration,” Sen. John McCain said.",
            "“A lot of it is justified,” he continued, citing the many who had stopped looking for work.",
            '"Anyone been there?" he asked.',
        ]
    )
    assert got[1:] == [("John McCain", "continue"), ("John McCain", "ask")]
    got = who(["“I saw people fleeing,” Maryam Violet said.", "“There were bodies all over the place,” she continued."])
    assert got[1] == ("Maryam Violet", "continue")
    # not a "he" who carries on doing something, nor one who asks someone to
    assert who(
        ["Sen. John McCain spoke first.", "He continued to campaign in Ohio.", "Then he asked the crowd to vote."]
    )[1:] == [(None, None), (None, None)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Murphy — after a knock-on-wood gesture — told me he had a tragedy-free life.", "Murphy"),
        ("Jason Sims — a teacher from Mount Pleasant — says he decided at the last minute.", "Jason Sims"),
        ("The AP said it did not include those meetings in its tally.", "AP"),
        ('"They are moving it to Mexico City," Trump continued.', "Trump"),
    ],
)
def test_a_dash_aside_an_agency_after_the_and_a_name_before_continued(text: str, speaker: str) -> None:
    assert who(text)[0][0] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "asked" reports words beside a quote, not a request
        ("''What does that mean?'' Mr. Trump asked, repeating a broadside.", "Trump"),
        ("Trump asked Congress for more money.", None),
        # a participle after a quoted phrase whose comma sits inside the marks
        ('Donald Trump delivered a defense of "New York values," saying the city embodied America.', "Donald Trump"),
    ],
)
def test_asked_beside_a_quote_and_a_participle_after_a_quoted_phrase(text: str, speaker: str | None) -> None:
    assert who(text)[0][0] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # what someone calls something, quoted, is their words
        ('Cengiz called Mohammad\'s admission a "political maneuver."', "Cengiz"),
        ("On Twitter, Former Florida Gov. Jeb Bush called Trump “unhinged.”", "Jeb Bush"),
        ('Mr. Trump has called Clinton "crooked."', "Trump"),
        ('Ronald Reagan hated what he called the Soviet "Evil Empire."', "Ronald Reagan"),
        # not a call, a name, or what was called for
        ("Obama called Merkel on Tuesday.", None),
        ("Sanders called the plan a disaster.", None),
        ('The group, called "Save Our Town," met on Monday.', None),
        ('A group called "Save Our Town" met on Monday.', None),
        ('Clinton has repeatedly called for the messages to be made "public."', None),
        # ..., calling it so, is the sentence's subject's
        ("Speaking in Salem, Trump went after Bush, calling him “a total stiff.”", "Trump"),
        ('Cruz belittled the issue of the loans, calling it a "paperwork error."', "Cruz"),
        ("Trump attacked Cruz, calling him a liar.", None),
    ],
)
def test_what_someone_called_something_in_quotes_is_theirs(text: str, speaker: str | None) -> None:
    assert who(text)[0] == (speaker, "call" if speaker else None)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The State Department issued a statement that the talks had failed.", "State Department"),
        ('Trump released a statement: "We won."', "Trump"),
        ("When Wallace died, President Clinton released the following statement:", "Clinton"),
        ("Sanders released a statement on Monday.", None),
    ],
)
def test_a_statement_issued_says_what_follows_it(text: str, speaker: str | None) -> None:
    assert who(text)[0] == (speaker, "state" if speaker else None)


def test_a_building_named_after_someone_is_no_he() -> None:
    got = who(
        [
            "It was Mr. Trump who seemed like a different candidate.",
            "As he spoke in the lobby of Trump Tower, there were no steaks.",
            "He called his opponent ''Senator Cruz'' instead.",
        ]
    )
    assert got[2] == ("Trump", "call")


@pytest.mark.parametrize(
    ("text", "speaker", "verb"),
    [
        # the manner of saying words beside a quote reports them
        (
            '"An awful lot of analysts said no," remembered Roy Verley, HP\'s former chief corporate spokesman.',
            "Roy Verley",
            "recall",
        ),
        ('"Imagine Brad Thor up against Trump," mused Blaze co-host Stu Burguiere.', "Stu Burguiere", "say"),
        ("Asked which county was his favorite, Cruz demurred: “Whichever one I’m in.”", "Cruz", "say"),
        ("“That would have been a demonstration of good faith,” Toomey fumed on Tuesday.", "Toomey", "say"),
        (
            'Co-developer Jing Wang recounted, "When we put that coating on a toilet, nothing sticks."',
            "Jing Wang",
            "recall",
        ),
        ("Mr. Trump yelled, ''Out, out, out!''", "Trump", "say"),
        # ... and only there
        ("Kelly was charged with murder in 2012.", None, None),
        ("Verley remembered his father's shop.", None, None),
        ("Trump yelled at the protesters for an hour.", None, None),
    ],
)
def test_a_manner_of_speaking_beside_a_quote_reports_it(text: str, speaker: str | None, verb: str | None) -> None:
    assert who(text)[0] == (speaker, verb)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the words of a sentence opening with a subordinate clause are its main clause's speaker's
        ('After Scalia said that some students might do better elsewhere, Trump said: "I don\'t like it."', "Trump"),
        ("After Trump argued that Medicare should not be cut, Rubio said only that his numbers don't add up.", "Rubio"),
        ("While not everything Trump says is true, Jamieson said Trump tells supporters what they want.", "Jamieson"),
        # after an opening "So", "But", "And"
        (
            'So when Patriot signaled it would make a deal with Mr. Clarke, Mr. Barrett said, "we were floored."',
            "Barrett",
        ),
        # one speaker only: as before
        ("After the debate, Trump said he had won.", "Trump"),
    ],
)
def test_the_main_clause_speaks_after_an_opening_subordinate_clause(text: str, speaker: str) -> None:
    assert who(text)[0][0] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a name in full set off after a role held at something is the role's holder
        ("The director of the institute, John Smith, said four of the dead were men.", "John Smith"),
        (
            "In a briefing, the director of IEDCR, Dr Meerjady Sabrina Flora, said the toll rose.",
            "Meerjady Sabrina Flora",
        ),
        ("A spokeswoman for the Foreign Ministry, Maria Zakharova, said the talks failed.", "Maria Zakharova"),
        ("The governor of Ohio, Mike DeWine, announced the order was extended.", "Mike DeWine"),
        # an "of" inside the name of what the role is held at
        (
            "On Wednesday, however, the director of the Federal Bureau of Investigation, James B. Comey, said so.",
            "James B. Comey",
        ),
        # or after a capitalised title: the title is not the speaker
        ("The Senate Minority Leader, Chuck Schumer, said the plea was made.", "Chuck Schumer"),
        ("One of South Sudan's Vice Presidents, Rebecca Nyandeng De Mabior, commented.", "Rebecca Nyandeng De Mabior"),
        # after a company's or a place's noun the appositive is the company or the place
        ("The chief executive of the start-up, Paradata, said so.", None),
        ("The mayor of Aurora, Colorado, said the shooting was terrible.", None),
    ],
)
def test_the_holder_of_a_role_of_something_speaks(text: str, speaker: str | None) -> None:
    assert who(text)[0][0] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a person named with where they are from, before the verb
        ("Nikki Holland of the UK's National Crime Agency (NCA) said offenders cannot hide.", "Nikki Holland"),
        ("John Smith of the University of Chicago said the study was flawed.", "John Smith"),
        ("Dr. Steven Wolf at Saint Francis said the hospital was ready.", "Steven Wolf"),
        ('"It was the least bad outcome," Mr. Morgan of the Sierra Club said.', "Morgan"),
        ('However, as Archbishop Aris Shirvanian of the Patriarchate told the AP, "We stay."', "Aris Shirvanian"),
        # the name is not the clause's subject
        ("Supporters of Bernie Sanders from Ohio said the vote was rigged.", None),
        ("A woman who has accused former President Bill Clinton of assault said he lied.", None),
        ("A spokesman for Mayor Frank G. Jackson of Cleveland said the route was safe.", None),
    ],
)
def test_a_person_named_with_where_they_are_from_speaks(text: str, speaker: str | None) -> None:
    assert who(text)[0][0] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "who" after a name speaks for it
        (
            'Any decision would involve Attorney General Loretta E. Lynch, who told Congress: "It is handled."',
            "Loretta E. Lynch",
        ),
        (
            'The work was led by Mark Hay, a marine ecologist at Georgia Tech, who said "There is a lot of argument."',
            "Mark Hay",
        ),
        (
            "Sanders invited Matt Duss, the president of the Foundation for Middle East Peace, who often criticizes Israel.",
            "Matt Duss",
        ),
        ("The change is likely to placate nervous Democrats on Capitol Hill, who have argued that it helps.", None),
        ("The company, which said profits fell, closed a plant.", None),
        # an appositive opening with a role in lower case
        (
            "One of the study's authors, herpetologist David Blackburn, told Discover Magazine the frogs evolved.",
            "David Blackburn",
        ),
        ('The lead author, doctoral candidate Maninder Thind, said, "We looked at emissions."', "Maninder Thind"),
    ],
)
def test_who_after_a_name_and_a_role_in_lower_case(text: str, speaker: str | None) -> None:
    assert who(text)[0][0] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Marco Rubio flipped his choice on the spot – saying he was rooting for Peyton Manning.", "Marco Rubio"),
        (
            "Debbie Wasserman Schultz dismissed the accusations — saying the agreement was legal.",
            "Debbie Wasserman Schultz",
        ),
        ("Donald Trump also joined the gun debate, announcing on Wednesday he would meet the NRA.", "Donald Trump"),
        ("Paul Ryan is stressing that whatever the president does can be overturned.", "Paul Ryan"),
        ("Cruz is praising Jeb Bush as “a man who didn’t go to the gutter.”", "Cruz"),
        ('Sanders attacked Clinton on trade, praising Obama as "a great president."', "Sanders"),
        ("Trump has even claimed he will enact a massive infrastructure plan.", "Trump"),
        # a name after "with" is the participle's subject
        ("Republicans were quick to chime in, with Donald Trump tweeting that it was a disaster.", "Donald Trump"),
        ("It sparked a debate, with Republican Senator John McCain telling reporters he blamed Obama.", "John McCain"),
        ("She agreed to meet with Trump, saying nothing more.", None),  # the subject, not Trump
        # "contending" with rivals, a promise of tickets: no words reported
        ("Candidates were backed by super PACs with whom Chris Christie was contending.", None),
        ("Paul Singer is promising donors five VIP tickets to an event.", None),
    ],
)
def test_more_participles_report_the_subjects_words(text: str, speaker: str | None) -> None:
    assert who(text)[0][0] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # British honours and ranks after a name, and a prosecutor's title before it
        ("Judge Michael Hall QC said they showed no respect.", "Michael Hall"),
        ("Sir Peter Bazalgette CBE said the arts would suffer.", "Peter Bazalgette"),
        ('Prosecutor Kama Melly QC said the victims were "vulnerable".', "Kama Melly"),
        ("Prosecutor Krzysztof Sierak told reporters the assessments would go ahead.", "Krzysztof Sierak"),
    ],
)
def test_honours_after_a_name_and_a_prosecutors_title(text: str, speaker: str) -> None:
    assert who(text)[0][0] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # an organisation's name with "of" speaks as a whole, not as its last word
        (
            "Nearly a third of workers have no plan, according to the Bureau of Labor Statistics.",
            "Bureau of Labor Statistics",
        ),
        ("The House of Representatives confirmed him on Friday.", "House of Representatives"),
        (
            "On Friday, the United States Department of Transportation announced new restrictions.",
            "United States Department of Transportation",
        ),
        # a surname after such a name is still the person's
        ("She would lead the Office of Immigrant Affairs Clinton had announced earlier.", "Clinton"),
    ],
)
def test_an_organisations_name_with_of_speaks_as_a_whole(text: str, speaker: str) -> None:
    assert who(text)[0][0] == speaker


@pytest.mark.parametrize(
    "text",
    [
        "''Voters will not be satisfied with 'We'll bomb them,''' said Senator John McCain of Arizona.",
        "''It appeared on 'Fox and Friends,''' said Senator John McCain, recalling a false report.",
    ],
)
def test_three_apostrophes_close_a_quote_within_a_quote(text: str) -> None:
    # ''' is the inner quote's mark and the outer one's: the verb after it is outside both
    assert who(text)[0][0] == "John McCain"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the name before "for" and where the writer writes: a first name and a surname
        ("“The impact is still small,” wrote Cameron Easley for Morning Consult.", "Cameron Easley"),
        ("“It is small,” wrote Cameron Easley for the Times.", "Cameron Easley"),
        # a title's "for" is no such end
        ("“It is small,” said Minister for Europe Chris Bryant.", "Chris Bryant"),
    ],
)
def test_a_writer_named_before_for_and_the_outlet(text: str, speaker: str | None) -> None:
    assert who(text)[0][0] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # an organisation's name with "of", "for" or "on" in it speaks whole
        ("It was the most, according to the Center for Responsive Politics.", "Center for Responsive Politics"),
        ("According to the House of Commons Library, most prorogations were short.", "House of Commons Library"),
        (
            "The nonpartisan Commission on Presidential Debates says there was a problem.",
            "Commission on Presidential Debates",
        ),
        # and one named after people in the plural: a group, not someone called "Prosperity"
        ("''The ad is false,'' said Americans for Prosperity.", "Americans for Prosperity"),
        ("Americans United for Life said the ruling was wrong.", "Americans United for Life"),
        ("Veterans for Peace said the march would go on.", "Veterans for Peace"),
        # a person named after the organisation is the person; "on" a day joins nothing
        ("The Centers for Disease Control Director Thomas Frieden said it would cost more.", "Thomas Frieden"),
        ("The Security Council on Wednesday called for calm.", None),
        # names of several words that read as a person's or as nothing
        ("The Islamic State said the two were its followers.", "Islamic State"),
        ("Al Qaeda said it carried out the attack.", "Al Qaeda"),
        ("Doctors Without Borders said its hospital was hit.", "Doctors Without Borders"),
    ],
)
def test_an_organisations_name_with_a_preposition_speaks_whole(text: str, speaker: str | None) -> None:
    assert who(text)[0][0] == speaker


def test_a_title_word_alone_after_the_verb_is_the_surname_of_the_one_person_so_named() -> None:
    # "baron" is a title, but "Martin Baron" is the article's only Baron (and "Editor-in-Chief" a title)
    assert who(
        "In a statement released by Post Editor-in-Chief Martin Baron, the details were given.",
        "“Donald Trump is a candidate unlike any we’ve seen,” said Baron.",
    ) == [(None, None), ("Martin Baron", "say")]
    assert who("The baron ruled it.", "“It is new,” said Baron.")[1] == (None, None)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # an organisation after "The" speaks for a verb after "and" or a participle
        (
            "The State Department has deemed the pages personal and says it does not plan to release them.",
            "State Department",
        ),
        (
            "The Emergency Situations Ministry found no other vehicles and suggested the driver lost control.",
            "Emergency Situations Ministry",
        ),
        # after an opening "However," the subject is after the comma
        ("However, Adelson met with Trump and declared that he found Trump charming.", "Adelson"),
        # a name that only modifies the subject does not speak
        ("The Supreme Court justice said she regretted her remarks and promised to stay out of it.", None),
        ("The GOP front-runner complained that the contest was rigged, noting the delegates.", None),
    ],
)
def test_the_subject_after_the_or_an_opening_adverb_speaks_for_a_later_verb(text: str, speaker: str | None) -> None:
    assert who(text)[0][0] == speaker


def test_the_first_of_two_surnames_names_the_person() -> None:
    # Spanish names: "Ms. Acosta" and "Rosselló" are Melba Acosta Febo and Ricardo Rosselló Nevares
    assert who(
        "Melba Acosta Febo, the bank's president, spoke last week.",
        "''We need Chapter 9,'' said Ms. Acosta.",
        "Ricardo Rosselló Nevares resigned.",
        "Rosselló said he would leave in August.",
    )[1::2] == [("Melba Acosta Febo", "say"), ("Ricardo Rosselló Nevares", "say")]
    # not when another person of the article has it as the last word of a name
    assert who("Mike Huckabee spoke first.", "Sarah Huckabee Sanders spoke next.", "Huckabee said it was over.")[2] == (
        "Mike Huckabee",
        "say",
    )


def test_the_end_of_a_longer_name_written_anywhere_is_that_person() -> None:
    # "Eskelsen García" and "Ki Hong" are the last words of a name the article gives in full,
    # written inside sentences too: one person, whom "What did Lily Eskelsen García say?" finds
    assert (
        who(
            "Teachers are watching, NEA President Lily Eskelsen García said.",
            "The board voted to endorse Clinton, Eskelsen García said at the time.",
            "Eskelsen García said down-ballot races can also help.",
        )
        == [("Lily Eskelsen García", "say")] * 3
    )
    assert who(
        "At games at his high school, Justin Ki Hong, an adoptee from South Korea, sang the anthem.",
        "It was years later that Ki Hong learned he had never been a citizen.",
        "''We're really stateless,'' Ki Hong said.",
    )[2] == ("Justin Ki Hong", "say")
    # not a first name's owner beside another's
    assert who("John Ellis Bush spoke first.", "Jeb Bush said the vote was fair.")[1] == ("Jeb Bush", "say")


def test_a_quote_after_a_report_ending_with_a_colon_is_what_it_announces() -> None:
    assert who(
        ["Ted Cruz spoke in Iowa.", "Cruz continued:"],
        ["“You look at the questions. Ben Carson, can you do math?”"],
    )[1:] == [("Ted Cruz", "continue"), ("Ted Cruz", "continue")]
    # not a quote that names its own speaker, nor one after a colon that reports nobody
    assert who(["Ted Cruz spoke.", "Cruz continued:"], ["“It is over,” Carson said."])[2] == ("Carson", "say")
    assert who(["The list follows:"], ["“It is over.”"]) == [(None, None), (None, None)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "reports", "states", "tweets" are plural nouns too: verbs when a name opens the clause
        # and a colon (or, for "reports" and "tweets", "that") follows
        ("The New York Times reports: the donors gave less.", "New York Times"),
        (
            "Citing local news outlets, the Associated Press reports that Hess almost missed the flight.",
            "Associated Press",
        ),
        ("Freshly filed Federal Election Commission reports that track spending came out.", None),
        ("Voters in Ohio, Rust Belt states that have lost jobs, went to the polls.", None),
        # a reporting verb opening the sentence before the speaker's name and a colon
        ("Stated Stone: the stakes are high.", "Stone"),
    ],
)
def test_reports_as_a_verb_and_a_verb_before_the_name(text: str, speaker: str | None) -> None:
    assert who(text)[0][0] == speaker


def test_herself_or_himself_after_a_shared_surname_tells_which_person() -> None:
    # "Clinton herself" is Hillary beside Bill, even just after Bill spoke
    assert who(
        "Hillary Clinton spoke in Brooklyn.",
        "Bill Clinton got in on the game, saying he was tired of it.",
        "Clinton herself also signaled that she is girding for a fight.",
    )[2] == ("Hillary Clinton", "signal")


def test_say_between_commas_is_for_instance() -> None:
    got = who(
        [
            "Sean Hannity hosts a show.",
            "But because Mr. Hannity is ''not a journalist,'' he apparently feels free to work in the full service of"
            " his candidate without having to abide by journalism's general requirements for substantiation and"
            " prohibitions against, say, regularly sharing advice with campaigns.",
        ]
    )
    assert got[1] == (None, None)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # Wikinews: "who" right after a name in full, with no comma
        (
            'The bill was drafted by Alex Greenwich who said on the floor, "It follows decades of work".',
            "Alex Greenwich",
        ),
        ("It was Mr. Manafort who had argued for a new name for the movement.", "Manafort"),
        # "spoke", when a quotation follows its colon
        (
            'Bill Gerstenmaier of NASA spoke of the work with SpaceX: "It\'s fun working with a new partner."',
            "Bill Gerstenmaier",
        ),
        ('Legislator Tanya Chan spoke to the press after the speech: "I really urge her to resign."', "Tanya Chan"),
    ],
)
def test_a_relative_who_after_a_name_and_spoke_before_a_colon_report_speech(text: str, speaker: str) -> None:
    assert [s for s, _ in who(text)] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        "Bill Gerstenmaier spoke at the rally on Monday.",
        "Bill Gerstenmaier spoke of three things: safety, cost and time.",
        "The man who said it was fired on Monday.",
    ],
)
def test_spoke_without_a_quotation_and_who_after_no_name_report_nothing(text: str) -> None:
    assert who(text) == [(None, None)]


def test_the_object_after_a_verb_is_not_its_subject_inverted() -> None:
    got = who(
        "This past Friday, the princess, 67, announced her candidacy for prime minister under the "
        "Thai Raksa Chart Party, making her the first royal to seek office."
    )
    assert got == [(None, None)]  # not the party's announcement
    assert who("The plan would fail, said the party's leader, Nick Clegg.") == [("Nick Clegg", "say")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Democratic chairman Jerrold Nadler has repeatedly maintained that an inquiry is under way.",
            "Jerrold Nadler",
        ),
        ("Mrs. Clinton herself, as well as her campaign, has always maintained that the server was secure.", "Clinton"),
        ("The city maintains the roads and the parks.", None),  # no claim
    ],
)
def test_maintained_that_reports_a_claim(text: str, speaker: str | None) -> None:
    assert [s for s, _ in who(text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # Wikinews: a role held "to" something, then the name between commas
        (
            "The American Samoan delegate to the U.S. House of Representatives, Aumua Amata, told the press: "
            '"We already had a path to citizenship."',
            "Aumua Amata",
        ),
        ("The delegate to the House, Jane Smith, told reporters the vote was fair.", "Jane Smith"),
        ("The U.S. ambassador to NATO, Julianne Smith, said it was over.", "Julianne Smith"),
        # ... and then the name with no commas; an adviser to someone is not them
        ('Former US Ambassador to the United Nations Nikki Haley wrote on Twitter, "We must act."', "Nikki Haley"),
        ("An adviser to Republican Donald Trump said it was over.", None),
        # a name whose first name no list holds, then where they are from
        (
            'Xiaogang Wei of the Beijing Gender Health Institute commented on the decision: "It is wrong."',
            "Xiaogang Wei",
        ),
        ('Suman Haripriya of the Hajo assembly said "It can be cured."', "Suman Haripriya"),
        ("José Ortiz of the island's power authority said fixing the plant may take a year.", "José Ortiz"),
        ("Supporters of Bernie Sanders from Ohio said no.", None),  # not a name inside the sentence
        # ... and an aside after it
        ('Steve Peers of the University of Essex, speaking to BBC, said, "It has to search."', "Steve Peers"),
        (
            "Carl Hensman of the Bill and Melinda Gates Foundation, which offered a prize for a toilet, "
            "noted the sprays are found in common products.",
            "Carl Hensman",
        ),
        ("Supporters of Bernie Sanders from Ohio, speaking to the BBC, said no.", None),
        # ... and a stray comma, the clause's only one, before the verb
        (
            "Anthony Fauci of the National Institute of Allergy and Infectious Diseases (NIAID), announced the trial.",
            "Anthony Fauci",
        ),
        ("Sen. Jack Reed (D-R.I.), said after a lunch that he had not read the plan.", "Jack Reed"),
        ("The man in the red hat, said it was over.", None),
        # ... and a name of where they are from with "and" in it, an acronym after it or not
        (
            "Anthony Fauci of the National Institute of Allergy and Infectious Diseases (NIAID) announced the trial.",
            "Anthony Fauci",
        ),
        ("Nils-Erik Haagenrud of Rogaland Fire and Rescue said no one would be sent in.", "Nils-Erik Haagenrud"),
        ("John Smith of Procter and Gamble said the sales fell.", "John Smith"),
        ("Supporters of Bernie Sanders and Hillary Clinton said they would vote.", None),
        # an organisation's name with "and" in it is whole, opening its clause
        (
            "The United States Department of Health and Human Services declared a public health emergency.",
            "United States Department of Health and Human Services",
        ),
        (
            "The Philippine Institute of Volcanology and Seismology (Phivolcs) reported the first quake.",
            "Philippine Institute of Volcanology and Seismology (Phivolcs)",  # with the short name it gives
        ),
        (
            "Wages are highest in France, which the Organization for Economic Cooperation and Development says "
            "had the highest floors.",
            "Organization for Economic Cooperation and Development",
        ),
        ("A report by the Organization for Economic Cooperation and Development noted that wages rose.", None),
        ("In Britain, the cities of Blackpool and Liverpool said they would light landmarks.", None),
        (
            "Scientists from Tsinghua University and the Chinese Academy of Sciences reported the results.",
            None,
        ),
        ("The Bill and Melinda Gates Foundation said it would help.", "Bill and Melinda Gates Foundation"),
        (
            "Turkey's Disaster and Emergency Management Presidency reported the magnitude.",
            "Disaster and Emergency Management Presidency",
        ),
        # two names joined are not one
        (
            "The State Department and the Department of Homeland Security have said they followed policies.",
            "Department of Homeland Security",
        ),
        ("Clinton and the State Department have said none was marked.", "State Department"),
        # a conference and a corps are organisations, whatever their last word
        (
            "According to the National Conference of State Legislatures, the next primary is on March 3.",
            "National Conference of State Legislatures",
        ),
        ("The Iranian Revolutionary Guard Corps declared that he was martyred.", "Iranian Revolutionary Guard Corps"),
        # ... after "according to" and a verb too
        (
            "According to the Department of Health and Human Services, the virus spread.",
            "Department of Health and Human Services",
        ),
        (
            '"Wages rose," said the Organization for Economic Cooperation and Development on Monday.',
            "Organization for Economic Cooperation and Development",
        ),
        ('"It spread," said the Justice Department and the FBI.', "Justice Department"),
        (
            "According to Commissioner James Rovella of the Connecticut Department of Emergency Services and "
            "Public Protection, 14 people were hurt.",
            "James Rovella",
        ),
        # a name written with "&" is one word
        ("PG&E stated it scheduled the blackouts.", "PG&E"),
        ("AT&T said profits rose.", "AT&T"),
        # a country of several words is no speaker, as "Russia said" is not; nor a piece of it
        ("Saudi Arabia initially denied all claims.", None),
        ('"We will respond," South Korea said.', None),
        ("Russia said it would respond.", None),
        # a name opening the sentence, then "who" with no commas
        (
            "Republican state representative Terri Collins who sponsored the bill remarked it was unenforceable.",
            "Terri Collins",
        ),
        ("Supporters of Donald Trump who attended the rally said it was fun.", None),
        # a role of several words in lower case, then the name in an aside
        (
            'Another co-author, civil and environmental engineering professor Julian Marshall, said, "We saw it."',
            "Julian Marshall",
        ),
        ("The group, including Julian Marshall, said it would sue.", None),
    ],
)
def test_a_name_beside_its_role_or_where_they_are_from_speaks(text: str, speaker: str | None) -> None:
    assert [s for s, _ in who(text)] == [speaker]


def test_an_organisation_before_of_is_no_person() -> None:
    assert who("Royal Bank of Canada said profits rose.")[0][0] != "Royal Bank"


def test_a_company_written_with_a_capital_inside_is_no_he() -> None:
    # "EgyptAir said" was a person called EgyptAir, whom the "he said" after it then quoted.
    got = who(
        "Mohamed Shoukair had logged nearly 6,300 hours, EgyptAir said on Thursday.",
        '"The pilot was fine," he said.',
    )
    assert got == [("EgyptAir", "say"), ("Mohamed Shoukair", "say")]
    # a surname of that shape stays the person the article names ("Frank VanderSloot")
    assert who("Frank VanderSloot gave $1 million to the group.", '"It is not close," VanderSloot said.')[1] == (
        "Frank VanderSloot",
        "say",
    )
