"""Quote attribution: who is reported as speaking in each sentence, and with which verb.

``attribute(sentences, title)`` returns copies of an article's sentences whose ``speaker`` is the
person (or organisation) the sentence quotes or reports, written as the article first writes
the full name ("Dmitry Peskov", "Ukraine’s Foreign Ministry"), and whose ``verb`` is the lemma of
the reporting verb ("say", "add", "write", ...). Sentences that report nobody keep ``None``.

How it decides, in short (all rules are pure text rules; no model, no network):

* Text inside quotation marks is never read for verbs or subjects: "stressed" in a quote is
  the speaker's word, not a report. Quotes may span sentences; whether a sentence starts inside
  an open quote is carried from sentence to sentence within a paragraph.
* A reporting verb (``said``, ``added``, ``told``, ``praised``, ...) outside quotes takes as its
  speaker the subject just before it (``Peskov said``, ``Dmytro Kuleba on January 11 praised``,
  ``Sherman, who led the talks, said``, ``she added``), or the name just after it when it follows
  a quote (``"...," said Peskov``). ``according to X``, ``X was quoted as saying`` and
  ``TASS quoted X as saying`` are recognised too. The first verb in the sentence with a
  resolvable speaker wins, except that a person reported inside an organisation's statement wins
  over the organisation (``the Foreign Ministry said ... that Kuleba told ...`` -> Kuleba, "tell"),
  because the quoted words are the person's.
* Titles are not names: ``U.S. Deputy Secretary of State Wendy Sherman`` -> "Wendy Sherman";
  but a title word after an initial or a first name is a surname (``Rep. Peter T. King``, and
  then ``King said`` when no one in the article is a king).
  The title is remembered, so ``The U.S. ambassador to NATO says ...`` resolves to the one
  person the article gives that title ("Julianne Smith").
* Surnames (``Peskov said``) link to the full name the article uses anywhere (before or after).
* ``he``/``she`` resolve only when it is clear who: among the people named earlier in the same
  sentence (subject first), the previous sentence's speaker and the people the previous
  sentence names, those whose gender does not contradict the pronoun; the first of them if it
  is the only one, the running speaker, or the person the previous sentence names first when
  the article shows that person's gender to be the pronoun's ("Nancy Worley pledged her vote
  to Clinton. / "...," she said."), else nobody (if none fits, a speaker of that gender two
  sentences back, as in alternating quotes, else the one person who may be of that gender in the
  three sentences before those, when a first name or a title shows the gender or the person spoke
  before: ``Ben Carson spoke in Iowa. / The crowd cheered. / The hall was full. / "...," he
  said.``). Gender comes from first-name lists
  (index/lexicon.py), titles (Mrs, spokeswoman, ...) and the story's pronouns ("Wendy Sherman
  ... her conversations"), all of them voting: one "his" of someone else does not make Hatice
  Cengiz a man. Places, sentence openers ("Lately", "Walking ...") and names after
  "a"/"in"/"his" are no candidates. ``they``/``it`` only mean an organisation that just spoke.
* Also recognised (learned on PolNeAR train, real US news): ``''double apostrophe''`` quotes,
  appositives over several commas (``X, 67, a retired nurse in Allentown, Pa., said``; ``the
  spokesman, Josh Earnest, said``), descriptions after the verb (``said former tech executive
  Carly Fiorina``), inverted ``..., says X.``, ``X ... and said``, participles (``X released a
  statement, saying``), ``he continued`` next to a quote, parentheses (``Sen. X (R-Fla.) said``).
  Passive hearsay (``is said to be``, ``was warned``) and bylines (``reported from``) name nobody.
* Also learned on PolNeAR train: after ``..., said`` a name that ends the clause is the speaker
  before anything found over the commas (``..., said its chief executive, John J. Ferriola.``);
  over an appositive's commas a name after a preposition is no subject (``Sandy Phillips, who
  lost her daughter in the shooting in Aurora, Colorado, said``), nor a name in apposition to a
  place or organisation noun (``outside the state capital, Sacramento, said``, ``the Vatican's
  newspaper, L'Osservatore Romano, said``); ``X of Place`` is X; a role with
  ``a``/``an`` or none (``a spokesman told``, headline ``official says``) names nobody; things
  won or made are no words (``claimed a victory``, ``wrote the introduction``); a lone word links
  to a full name by its first word only if it is a first name (``Donald said``); ``he``/``she``
  never mean a people (``Americans``) or a place named by its kind (``Scarborough Shoal``, ``Trump Tower``), nor a
  lone word the article never shows to be a person (it never speaks by name, has no title, is
  no first name: ``Clarkston became his home`` does not make the town a "he"), nor a person named
  after the pronoun's verb in its own clause (``he said of Trump``: not Trump; ``He has declared
  Cruz anointed``: not Cruz), unless the pronoun opens a clause of its own (``When he insisted
  ..., Francis``).
* Also learned on PolNeAR train (2026-12-05): an adverb between the subject and its verb
  (``Mrs. Clinton has since said``, ``Cruz gingerly said``; not ``the Clinton family``, and
  ``was widely criticized`` stays passive); a title word after ``Mr.``/``Ms.``/``Dr.`` is a
  surname (``Mr. King said``); an honour ends a name at its surname (``Michael Hall QC`` is
  "Michael Hall") and a generation stays in it (``Donald Trump Jr.``, the son, not his father;
  ``Mr. Trump`` is not the son where the article writes ``Trump Jr.``), and ``Donald Jr.`` is the
  son the article names in full, never Donald; an -ing surname opens a sentence when the
  article names that person in full (``Manning said`` after ``Peyton Manning``; ``Having said``
  is still nobody); an aside may hold a short quoted phrase whose comma sits inside the marks
  (``Humphrey, who calls Trump a “sociopath,” said``) or a state's abbreviation (``from Ava,
  Mo., who ..., said``); ``X ... and said`` finds X after an opening phrase (``In a brief
  interview, Ms. Conway rejected ... and said``; ``By the end of the day, Mr. Trump ... and
  said``) and after the words describing a candidate (``Democratic presidential nominee
  Hillary Clinton called ... and said``); a closing quote
  typed as an opening one after the quote's comma closes it (``“It's unusual,“ said``); wire
  copy's ``X is telling supporters that`` (not ``was telling the truth``) and ``X went on to
  say``; a base form after "did"/"does" (``Allen did suggest that``; not ``did not``);
  ``"...," Pence continued, "..."``; a participle's subject after a dateline
  (``WASHINGTON — Sen. X ... , saying``) or an opening phrase of several commas (``At an event in
  Ames, Iowa, on Sunday, Mrs. Clinton ..., saying``; ``Hours later, Trump ..., telling``); an
  aside between dashes (``Murphy — after a knock-on-wood gesture — told me``; a dash typed
  ``--`` or as a hyphen between spaces is one too: ``Kall -- co-editor of ... -- said``);
  a name written with digits is one word (``said COP26 president Alok Sharma``); ``'"...," Trump
  continued'`` and ``'"...?" Mr. Trump asked'`` (beside a quote only: ``asked Congress for``
  is a request); a news agency after "the" (``The AP said``, ``The Associated Press said``); a
  participle after a quoted phrase whose comma sits inside the marks (``a defense of "New York
  values," saying``); in a sentence opening with a subordinate clause the main clause's speaker
  comes first (``After Scalia said ..., Trump said: "..."`` quotes Trump); a participle's
  subject after an opening ``And``/``But`` (``And then Trump went on the attack, saying``), a
  time (``A few days later, Trump ..., telling``), a place (``Here in Columbia, Sanders ...,
  saying``) or an -ing phrase (``Continuing to explain, Carson ..., saying``); a people's or a
  place's name as a surname after a first name, an initial or Mr./Ms. (``Mark Cuban``, ``Rep.
  Steve Israel``, ``Mr. Israel``) and alone when the article names such a person (``Cuban
  said``, ``"...," said Cuban``; ``Israel said`` with no Israel named stays nobody's), and such a
  person may be a "he" (``Mark Cuban``); a short abbreviation inside an
  aside does not end it (``Senator John Cornyn of Texas, the No. 2 Republican in the Senate,
  said``), and a name set off inside a relative clause is not the subject (``Mr. Slinker, whose
  latest start-up, Paradata, ..., said``); whom a speaker follows or works for is not the
  speaker (``said a Clinton aide`` is nobody's, ``said Clinton ally James Carville`` Carville's).
* Added 2026-12-06: a month before a surname is a first name (``April Ryan``, ``Jan Brewer``)
  unless a word before it makes it a time (``In April Ryan said``, ``a June Trump rally``); a
  first name and a surname before "of" and an organisation are the speaker (``John Geiger of
  USGS told``); a government, administration, military, ... in lower case after its country,
  city or leader speaks under that name (``The German government said``, ``the Obama
  administration announced``; ``the government said`` alone is nobody's); of two people of
  either gender sharing a surname, the words around it tell which speaks (``In her memoir,
  Clinton wrote``, ``Clinton told the crowd that she``, a quote's ``my wife``); a sentence
  opening with "he"/"she" passes its person on as its subject even when it names others, and a
  place named before the previous sentence's subject does not hide that subject; a nationality
  or an age next to a name is no part of it (``Spaniard Rafael Nadal``), and ``the Scot said``,
  ``said the 23-year-old`` are the one person the article makes so (``Scot Andy Murray``,
  ``Andy Murray, 23,``), else the one person named just before (``epithets``).
* Added 2026-12-07: an interview transcript's turns (``FALLIN: I think ...``; ``transcripts``);
  what someone calls something, quoted (``Jeb Bush called Trump "unhinged."``; not ``called
  Merkel``, ``a group called "..."``, ``called for``).
* A sentence with no attribution of its own that continues an open quote gets the speaker of
  the sentence the quote belongs to (before it in the same paragraph, or the sentence that
  closes it), and a paragraph that is a whole quote of six words or more goes on with the quote
  that opens the paragraph before it (``"...," Trump said. // "He referred to my hands ..."``;
  not a shout like ``"Nooooo!"``); one whose own name or role found nobody (``"...," the senator
  said`` with two senators) keeps none. Abbreviated titles hold the written-out role (``New Jersey Gov. Chris
  Christie`` is "the New Jersey governor").
* Generic or collective subjects are never speakers: ``Western officials and analysts say``,
  ``Many analysts say``, and countries or cities (``Russia says``, ``the United States has
  said``, ``Moscow said``) give ``speaker=None``; so do verbs in relative clauses (``what the
  United States has said``). Named organisations (``the Kremlin``, ``NATO``, ``Ukraine’s Foreign
  Ministry``, news agencies) are allowed as speakers. A named person or pronoun in a relative
  clause does count (``in what Biden has said could be a prelude`` reports Biden's words).

Modules, one job each: ``index/lexicon.py`` (vocabulary shared with the query side: speech
verbs, first names, months, titles), ``vocabulary`` (attribution-only word lists), ``quotes``
(tokens and quotation spans), ``names`` (mentions of people and organisations), ``titles`` (the title written next to a name), ``claims``
(one sentence: which verbs report speech), ``subjects`` (who the subject of such a verb is, as
written; ``between``: what may stand between it and the verb), ``openings`` (who opens a sentence, for a verb without a subject of its own), ``resolution`` (one article: surnames, pronouns, roles, continued quotes; ``antecedents``: whom a "he"/"she" means), ``people`` (the people an
article names, and which of them a written name means), ``epithets`` (people named by their
nationality or age: "the Scot", "the 23-year-old"), ``transcripts`` (an interview's turns), ``surnames`` (two surnames of one person),
``polnear`` (scoring against PolNeAR's annotations), ``polnear_roles`` (whom an article gives a role, to
check role sources such as "the vice president"); the quote export (``verbatim-quotes``) is ``index/quotes.py``.

``attribute_article`` is the entry point for building: it never raises (an article whose
attribution fails is returned without speakers and named once at WARNING).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence

from index.attribution.resolution import resolve_article
from index.lexicon import speech_lemma
from index.types import Sentence

__all__ = ["attribute", "attribute_article", "speech_lemma"]

log = logging.getLogger(__name__)


def attribute(sentences: Sequence[Sentence], title: str = "", author: str | None = None) -> list[Sentence]:
    """Copies of ``sentences`` with ``speaker``/``verb`` set where a sentence reports speech.

    ``sentences`` are one article's sentences in reading order (several articles are handled
    one run of equal ``article_id`` at a time); ``title`` is the article's title, used only to
    learn full names; ``author`` its byline, the speaker of the writer's own "I said" when it
    names one person (else that speaker is "I"). Sentences that report nobody get
    ``speaker=None, verb=None``.
    """
    out: list[Sentence] = []
    for group in article_runs(sentences):
        out.extend(resolve_article(group, title, author))
    return out


def attribute_article(sentences: Sequence[Sentence], title: str = "", author: str | None = None) -> list[Sentence]:
    """``attribute`` for one article, made safe for a build: never raises.

    If attribution fails on this article (a bug meeting odd text), the article's sentences are
    returned as they are, without speakers, and one WARNING names the article, so that one odd
    article never costs the user the whole index.
    """
    try:
        return attribute(sentences, title, author)
    except Exception:  # any bug in the rules must not stop a build; the article keeps its text
        article = sentences[0].article_id if sentences else "?"
        log.warning("Quote attribution failed on article %s; it is indexed without speakers", article, exc_info=True)
        return list(sentences)


def article_runs(sentences: Sequence[Sentence]) -> Iterable[Sequence[Sentence]]:
    """Consecutive runs of sentences of one article each."""
    start = 0
    for i in range(1, len(sentences) + 1):
        if i == len(sentences) or sentences[i].article_id != sentences[start].article_id:
            yield sentences[start:i]
            start = i
