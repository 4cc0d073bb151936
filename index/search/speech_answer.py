"""The "what did X say?" route: which attributed speakers a question asks about, their quotes,
and the order they are shown in (README "How answers are chosen").

Every sentence attributed to the speakers asked about is shown, and only those: the best
first (by the topic when one is asked, else by the question; a verb such as "add" or "write"
puts the sentences with that verb first; their own words before a report of them as relevant,
``Weights.direct``), the rest in article order (newest article first).
With a topic, only the quotes about it (speech_topic.py) are shown, best first, under a note
that counts them; the speaker's other quotes come next in the ranking, in article order, for
"More". Behind them in the ranking come the sentences an ordinary search finds. When the name
fits several people ("Trump": Donald and Ivanka), each one's quotes come together, the most
quoted person's first, under a note that names them all.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace

import numpy as np

from index.attribution.vocabulary import ROLE_HEADS
from index.lexicon import FIRST_NAMES, is_title_word
from index.search.abroad import ministries_abroad
from index.search.demonyms import demonym_stems, holds_word, named_together
from index.search.generations import not_the_son, written_with_generation
from index.search.hits import fold_duplicates, make_hit
from index.search.memo import BoundedMemo
from index.search.name_words import name_words
from index.search.officials import bodies_of, country_asked, officials_note
from index.search.query import Query
from index.search.quote_order import article_key, person_groups, speech_order
from index.search.ranking import CANDIDATES, Weights
from index.search.retrieval import Retriever
from index.search.roles import RoleFinder, describe
from index.search.speakers import SpeakerIndex
from index.search.speech import SpeechQuery
from index.search.speech_topic import (
    about_topic,
    in_own_words,
    kindred_words,
    listed,
    others_label,
    people,
    people_note,
    people_topic_note,
    person_of,
    topic_note,
    with_surname_alone,
)
from index.search.titles_asked import names_a_post, of_the_titles_gender, title_forms, written_with_s
from index.store.lexical import QueryWord, best_rows, weighted_terms
from index.store.metadata import MetadataReader, StoredSentence
from index.types import Answer, Hit


def asks_a_role(speech: SpeechQuery) -> bool:
    """Whether ``speech`` asks about "the" and a title alone ("What did the pope say?", "the
    Chancellor"): a role, which a surname that is also a title ("Amy Pope") is not."""
    words = speech.called.split()
    return len(words) == 2 and words[0].lower() == "the" and is_title_word(words[1])


class SpeechRoute:
    """Speech questions answered from one open index's attributed speakers. Safe to share between threads."""

    def __init__(self, metadata: MetadataReader, retriever: Retriever, weights: Weights, cache_size: int) -> None:
        self._metadata = metadata
        self._retriever = retriever
        self._weights = weights
        # Built here, when the index opens (about 8 ms per 1,000 speakers on a small machine), so
        # that no question waits for it and every speech question finds its speakers in well under
        # a millisecond instead of comparing the name with each of them.
        self._quoted = metadata.speaker_quotes()  # each speaker's number of quotes
        self._speakers = SpeakerIndex(self._quoted)
        self._roles = RoleFinder(metadata, retriever)
        self._quotes: BoundedMemo[tuple[str, ...], list[StoredSentence]] = BoundedMemo(cache_size)  # per speakers
        # Per role asked: "the FBI director" is looked up when the question is read (``asked``) and
        # again when it is answered.
        self._holders: BoundedMemo[tuple[str, tuple[QueryWord, ...]], dict[str, str]] = BoundedMemo(cache_size)
        self._officials: BoundedMemo[str, dict[str, str]] = BoundedMemo(cache_size)  # per country asked

    @property
    def speakers(self) -> SpeakerIndex:
        """Every attributed speaker of the index."""
        return self._speakers

    def asked(self, query: Query) -> tuple[SpeechQuery | None, list[str]]:
        """The speech question ``query`` is, if any, and the attributed speakers it asks about.

        A question that is nothing but a speaker's name ("Peskov", "dmitry peskov") asks for
        their quotes too, but only when every word is one of the speaker's own: a lone word
        that is a typo away from a name ("troops") stays an ordinary question.
        """
        speech = query.speech
        if speech is not None and asks_a_role(speech):
            return speech, []  # "the pope" is whoever the articles call so, not Amy Pope (role_holders)
        if speech is not None:
            # A name the articles write as asked is that name: "What did NASA say?" is not Ashley
            # Nash-Hahn's, "What did Guaidó say?" not Guido Schmidt-Traub's (typos only for a name
            # no article writes, "peskow", also when it was read as a word they do write)
            vocabulary = self._retriever.lexical.vocabulary
            typos = (
                bool(query.respelled)
                or not query.speech_name
                or not all(holds_word(w, vocabulary) for w in query.speech_name)
            )
            found = self._with_first_name(self._speakers.match(speech.name, typos=typos), speech.name)
            if (demonym := country_asked(speech.name)) and (
                not self._namesakes(found, speech.name) or self.officials_of(demonym)
            ):
                # "What did France say?" asks for no "Agence France-Presse", and "What did Israel
                # say?" for Rep. Steve Israel only when the articles quote none of Israel's
                # officials: the country's officials speak for it (``officials_answer``).
                found = []
            if found and self._their_role(query, speech, found):
                return speech, []  # "the FBI director" is whoever the articles call so, not the FBI
            found = not_the_son(written_with_s(found, speech.called), speech.name)
            found = of_the_titles_gender(self._with_surname_alone(found, speech.name), speech.name)
            return speech, self._of_the_title(query, speech, found)
        name = query.bare_name
        if name is None:
            return None, []
        asked = set(name_words(name))
        exact = [s for s in self._speakers.match(name) if asked <= set(name_words(s))]
        exact = self._with_surname_alone(exact, name)
        return (SpeechQuery(name, None, None, loose=True), exact) if exact else (None, [])

    def _their_role(self, query: Query, speech: SpeechQuery, found: Sequence[str]) -> bool:
        """Whether ``speech`` asks for a role of the speakers ``found`` ("the FBI director", not the
        FBI; "the State Department spokesman") that articles give a quoted person (roles.py)."""
        head = speech.called.split()[-1].casefold()
        return (
            head in ROLE_HEADS
            and not any(head in name_words(name) for name in found)
            and bool(self.role_holders(query, speech))
        )

    def _of_the_title(self, query: Query, speech: SpeechQuery, found: list[str]) -> list[str]:
        """``found`` less the speakers no article gives the title the name opens with, when some
        article gives it to one of them: "What did Judge Jackson say?" is Amy Berman Jackson's
        ("sentenced by Judge Amy Berman Jackson"), not state senator Troy Jackson's; "Senator
        Murphy" is Chris Murphy. The title is read as roles.py reads a role, per article."""
        words = speech.name.split()
        if len(found) < 2 or len(words) < 2 or not names_a_post(words[0]) or names_a_post(words[1]):
            return found
        title = words[0].casefold().rstrip(".")
        rest = tuple(w for w in query.speech_name if w.text.casefold().rstrip(".") != title)
        holders: set[str] = set()
        for form in title_forms(words[0]):
            holders.update(self._holders_of(form, (*self._retriever.query_words(form), *rest)).values())
        kept = [s for s in found if s in holders]
        return kept or found

    def _with_first_name(self, found: list[str], name: str) -> list[str]:
        """``found`` for a first name asked alone that matched only speakers of that one word, with
        the speakers whose first name it is when they are quoted more: "What did Hillary say?" is
        Hillary Clinton's 514 quotes, not only the one an article signs "Hillary"; "What did Francis
        say?" stays the pope's, whom the articles call Francis, beside a Francis Fukuyama quoted
        once."""
        asked = name_words(name)
        if len(asked) != 1 or asked[0] not in FIRST_NAMES or not found or any(len(name_words(s)) > 1 for s in found):
            return found
        fuller = [s for s in self._speakers.first_named(asked[0]) if s not in found]
        if sum(self._quoted.get(s, 0) for s in fuller) <= sum(self._quoted.get(s, 0) for s in found):
            return found
        return found + fuller

    def _with_surname_alone(self, found: list[str], name: str) -> list[str]:
        """``speech_topic.with_surname_alone`` over the speakers ending with the surname of
        ``found`` ("What did Barack Obama say?" is also the "Obama" of "Mr. Obama said")."""
        if not found or len(name_words(name)) < 2:  # a surname asked alone already has them all
            return found
        namesakes = self._speakers.match(name_words(found[0])[-1])  # a single word: those it ends
        # ... but "McDonald's" is a company, not Ann McDonald called by her surname
        quoted = {s: self._quoted.get(s, 0) for s in namesakes if not s.endswith(("'s", "’s"))}
        return with_surname_alone(found, name, quoted)

    def role_holders(self, query: Query, speech: SpeechQuery) -> dict[str, str]:
        """``{article id: speaker}`` when ``speech`` asks about a role ("the Kremlin spokesman")
        that articles give to a quoted person (roles.py); {} otherwise."""
        if speech.loose:
            return {}
        return self._holders_of(speech.name, tuple(query.speech_name))

    def _holders_of(self, role: str, words: tuple[QueryWord, ...]) -> dict[str, str]:
        """roles.py's holders of ``role`` per article (``words``: as a question reads them), remembered."""
        return self._holders.get_or_compute((role, words), lambda asked: self._roles.holders(*asked))

    def spokespeople(
        self, query: Query, speech: SpeechQuery, spokesman: Mapping[str, Sequence[QueryWord]]
    ) -> tuple[SpeechQuery, dict[str, str]] | None:
        """For "What did the Kremlin say?" when no one is quoted as the Kremlin: the question as
        one about whoever speaks for it ("the Kremlin spokesman", roles.py ``spokespeople``) and
        that role's holder per article; None when articles give no quoted person such a role."""
        if speech.loose:
            return None
        found = self._roles.spokespeople(speech.name, query.speech_name, spokesman, self._holders_of)
        if found is None:
            return None
        role, holders = found
        return replace(speech, name=role), holders

    def officials_answer(self, query: Query, vector: np.ndarray, speech: SpeechQuery) -> Answer | None:
        """For "What did Russia say?" when no one is quoted as Russia: the quotes of the officials
        and bodies its articles give it (officials.py: "Kremlin spokesman Dmitry Peskov", "the
        Russian Foreign Ministry"), under a note naming them; None for any other name, or none."""
        demonym = None if speech.loose else country_asked(speech.name)
        if demonym is None:
            return None
        titles = self.officials_of(demonym)
        if not titles:
            return None
        namesakes = self._namesakes(self._speakers.match(speech.name), speech.name)
        lead = officials_note(speech.shown, titles, namesakes)
        return self.answer(query, vector, speech, sorted(titles), lead=lead)

    def officials_of(self, demonym: str) -> dict[str, str]:
        """The officials and bodies quoted for the country of ``demonym``, each with the title its
        articles give it ("" for a body): officials.py ``bodies_of`` and roles.py ``officials``."""
        return self._officials.get_or_compute(
            demonym, lambda asked: {**dict.fromkeys(bodies_of(asked, self._quoted), ""), **self._roles.officials(asked)}
        )

    @staticmethod
    def _namesakes(found: Sequence[str], name: str) -> list[str]:
        """The speakers of ``found`` whose surname is ``name``'s last word ("Steve Israel" for
        "Israel"), not one merely holding it ("Agence France-Presse" for "France")."""
        last = name_words(name)[-1:]
        return [s for s in found if name_words(s)[-1:] == last]

    def mentions_answer(
        self, query: Query, vector: np.ndarray, speech: SpeechQuery, ranked: Sequence[Hit], max_shown: int
    ) -> Answer | None:
        """ "What did X say?" when no sentence is attributed to X: the sentences that mention X,
        best first, under a note saying that they only mention X (None when none does).
        ``ranked``: the question's ordinary ranking, which the mentions are taken from first;
        ``max_shown``: how many are shown.

        Shown as an ordinary answer would be, they would pass off a sentence such as "Biden and
        Putin held two phone calls" as what Biden said.
        """
        retriever = self._retriever
        name = query.speech_name
        if not name:
            return None

        together = written_with_generation(speech.name)

        def mentions(stems: frozenset[str], text: str) -> bool:  # "the American ambassador": "U.S. Ambassador ..." too
            held = all(holds_word(word, stems) for word in name) and (together is None or bool(together.search(text)))
            return held and (len(name) == 1 or named_together(name, [w.stem for w in retriever.query_words(text)]))

        # The ordinary ranking, ``ranked`` (its rows' words are cached by the search itself) ...
        words = retriever.rows([h.row for h in ranked])
        hits = [h for h in ranked if mentions(words[h.row][1], h.sentence)]
        if len(hits) < max_shown:
            # ... and, when it holds too few of them, the name alone finds the mentions it passed over.
            scores = retriever.lexical.scores(weighted_terms(query.speech_name))
            seen = {h.row for h in ranked}
            rows = [int(r) for r in best_rows(scores, CANDIDATES) if int(r) not in seen]
            found = retriever.rows(rows)
            rows = [r for r in rows if mentions(found[r][1], found[r][0].text)]
            if rows:
                relevance = retriever.relevance(rows, vector).tolist()
                articles = retriever.articles_of(found[r][0] for r in rows)
                extra = [make_hit(found[r][0], score, r, articles) for r, score in zip(rows, relevance, strict=True)]
                hits += sorted(extra, key=lambda h: (-h.score, h.row))
        if not hits:
            return None
        shown = tuple(hits[:max_shown])
        theirs = {h.row for h in hits}
        these = "this sentence mentions" if len(shown) == 1 else "these sentences mention"
        return Answer(
            query.text,
            shown,
            reason=f"No sentence is attributed to {speech.shown}; {len(hits)} sentence(s) mention them.",
            nearest=shown[0],
            ranked=tuple(hits) + tuple(h for h in ranked if h.row not in theirs),
            note=f"I found no quote attributed to {speech.shown}; {these} {speech.shown}:",
        )

    def answer(
        self,
        query: Query,
        vector: np.ndarray,
        speech: SpeechQuery,
        speakers: list[str],
        holders: Mapping[str, str] | None = None,
        own: Collection[str] = (),
        lead: str = "",
    ) -> Answer:
        """Every sentence attributed to ``speakers``, ordered as the module docstring says;
        with ``holders`` (a role's holder per article), only each article's holder's, besides
        every sentence of the speakers in ``own`` (an institution beside its spokesman).
        ``lead``: a note that says whom the speakers are, before any other (a country's officials)."""
        retriever = self._retriever
        stored = self._quotes.get_or_compute(tuple(speakers), lambda _: self._metadata.sentences_by_speakers(speakers))
        if holders:
            stored = [
                s
                for s in stored
                if s.sentence.speaker in own or holders.get(s.sentence.article_id) == s.sentence.speaker
            ]
        abroad, home = ministries_abroad(speech.name, speakers)
        if abroad:  # "Ministry of Foreign Affairs" is the Chinese one in a story naming China only (abroad.py)
            ministry = [s.row for s in stored if s.sentence.speaker in abroad]
            far = {
                r for r, c in zip(ministry, retriever.story_coverage(home, ministry).tolist(), strict=True) if c <= 0
            }
            stored = [s for s in stored if s.row not in far]
        if not stored:
            return Answer(query.text, (), declined=True, reason=f"No sentence quotes {speech.shown}.")
        rows = np.asarray([s.row for s in stored], dtype=np.int64)
        relevance = retriever.relevance(rows, vector)
        about = np.zeros(len(stored), dtype=bool)
        # A topic of stop words only ("about it", "about that") points back: nothing to focus on.
        topic = speech.topic if query.speech_topic else None
        if speech.topic:
            terms = weighted_terms(query.speech_topic)
            for word in query.speech_topic:  # "Samoa" is also the "Samoans" of a quote, "populism" "populist"
                kin = [w.stem for kindred in kindred_words(word.text) for w in retriever.query_words(kindred)]
                for stem in (*demonym_stems(word), *kin):
                    terms.setdefault(stem, terms[word.stem])
            lexical = retriever.lexical.scores(terms)[rows]
            about = about_topic(lexical)
            if not about.any():  # none names it: those of stories whose headline names all of it ("... boat fire")
                asked = {w.stem for w in query.speech_topic}
                about = np.asarray([asked <= title for title in retriever.row_titles(rows.tolist())], dtype=bool)
            if lexical.max() > 0:
                relevance = relevance + self._weights.lexical * lexical / lexical.max()
            # The story around a quote: "Republicans want a photo op," said in an article about a
            # contempt vote, answers "What did Cummings say about the contempt vote?" before a
            # quote of his from another story, even when neither quote names the topic.
            relevance = relevance + self._weights.context * retriever.story_coverage(terms, rows.tolist())
        # Their own words before a reporter's account of them (speech_topic.in_own_words), in the
        # order only: each hit's score stays its relevance.
        ordering = relevance + self._weights.direct * np.asarray([in_own_words(s.sentence.text) for s in stored])
        articles = retriever.articles_of(s.sentence for s in stored)
        persons = people(speakers)
        # Two people share what was asked ("Smith": a magistrate and a festival director; "Trump":
        # Donald and Ivanka): each one's quotes together, the most quoted first, and a note that
        # says so, rather than one person's quotes passing for the other's.
        several = len(persons) > 1 and not holders and not lead
        person = person_of(Counter(s.sentence.speaker or "" for s in stored)) if several else {}
        if several:
            order = []
            for group in person_groups(stored, person):
                order.extend(speech_order(stored, ordering, speech, articles, among=group))
        else:
            order = speech_order(stored, ordering, speech, articles)
        focus = [i for i in order if about[i]]
        if focus:  # the quotes on the topic, best first; then the others, as written
            order = focus + sorted((i for i in order if not about[i]), key=article_key(stored, articles))
        hits = fold_duplicates(
            [make_hit(stored[i].sentence, float(relevance[i]), stored[i].row, articles) for i in order]
        )
        counts: dict[str, int] = {}
        if several:  # counted as shown (a sentence copied into several articles is one)
            for hit in hits:
                owner = person[hit.speaker or ""]
                counts[owner] = counts.get(owner, 0) + 1
            rank = {p: n for n, (p, _) in enumerate(sorted(counts.items(), key=lambda pc: (-pc[1], pc[0])))}
            hits.sort(key=lambda h: rank[person[h.speaker or ""]])  # stable: each one's order kept
            counts = dict(sorted(counts.items(), key=lambda pc: rank[pc[0]]))
        on_topic = {stored[i].row for i in focus}
        shown = [h for h in hits if h.row in on_topic] if focus else hits
        other_quotes = [h for h in hits if h.row not in on_topic] if focus else []
        # Shown: the speaker's sentences only (with a topic, those on it). Behind them in the
        # ranking (for "More"): their other quotes, then the sentences an ordinary search finds,
        # such as ones that mention the speaker.
        theirs = {h.sentence for h in hits}
        found = retriever.search([query], vector[None, :], 10)[0]
        named = list(counts or persons)
        about_count = len(shown) if focus else 0
        if len(counts) > 1 and topic:
            note = people_topic_note(
                speech.name,
                counts,
                Counter(person[h.speaker or ""] for h in shown) if focus else {},
                topic,
                named=speech.addressed,
            )
        elif len(counts) > 1:
            note = people_note(speech.name, counts)
        else:
            note = topic_note(named, len(hits), about_count, topic, named=speech.addressed) if topic else ""
        return Answer(
            query.text,
            tuple(shown),
            reason=f"{len(hits)} sentence(s) attributed to {listed(speakers)}, {len(shown)} shown.",
            nearest=hits[0],
            note=" ".join(part for part in (describe(speech.name, holders) if holders else lead, note) if part),
            ranked=tuple(hits) + tuple(h for h in found if h.sentence not in theirs),
            others=tuple(other_quotes),
            more=others_label(named) if other_quotes else "",
        )
