"""What to show for a question: the speech route, the ordinary ranking, or an honest decline.

How an ``Answerer`` chooses (README "How answers are chosen"):

1. A question about what someone said ("what did Peskov say?", "Sherman's remarks on ...")
   whose person is among the index's attributed speakers gets their sentences (speech_answer.py).
   A person no article mentions (no sentence holds their whole name) is declined; a country
   gets its officials' quotes ("Kremlin spokesman Dmitry Peskov": officials.py); anyone else the
   articles mention but never quote gets the sentences that mention them, under a note
   (``Answer.note``) saying that none is a quote of theirs.
   A role or title that no speaker is named ("the Kremlin spokesman") gets, article by article,
   the quotes of the person each article gives it (roles.py). An institution ("What did the
   Kremlin say?") gets the quotes of whoever each article calls its spokesman, beside its own
   when it is quoted itself (roles.py ``spokespeople``).
2. Any other question (but see 3) gets the ordinary ranking (retrieval.py), its best hits reordered by the
   reranker when the searcher has one: the trained feature reranker (feature_rerank.py) or a
   cross-encoder (reranking.py). A question that decline.py declines on its words alone (a name
   no article holds) skips the reranker: no score could change that decision.
3. A question about what someone wants ("What does Russia want?", "What are Moscow's demands?")
   gets the sentences that tell it ("Russia is demanding ...", wants.py), best by meaning first;
   one asking who or what a name is ("What is the OSCE?", "Who is Julianne Smith?") the
   sentences that say it ("... Europe (OSCE)", "Ambassador to NATO Julianne Smith",
   definitions.py), the plainest first; one asking who holds a role ("Who is Clinton's campaign
   manager?") the sentences that name its holder ("Robby Mook, Clinton's campaign manager,",
   holders.py), best by meaning first; one asking how old someone named in full is, or what they
   died of ("How old is Sadiq Khan?", "What did Jean Harlow die of?"), the sentences telling it
   beside the name ("... affect Khan, 45, Trump said", "Harlow died of kidney failure":
   person_facts.py). When none does, the ordinary ranking answers it.
4. The best hit is shown unless decline.py says the articles do not cover the question; the
   nearest sentence is kept in ``Answer.nearest`` for a user who asks to see it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

import numpy as np

from index.rerank.features_model import FeatureModel
from index.rerank.model import AnyReranker, Reranker
from index.search.ages import age_first
from index.search.decline import decide, declined_by_words
from index.search.definitions import DefinitionQuery, defines, parse_definition
from index.search.demonyms import holds_word, unheld_demonym
from index.search.doers import doer_first
from index.search.events_asked import asked_event, event_first, tells_event
from index.search.feature_rerank import CandidateFeatures, FeatureReranker, feature_reranker
from index.search.hits import fold_duplicates, make_hit
from index.search.holders import RoleQuery, holder_in, parse_role
from index.search.ledes import detail_first
from index.search.names_given import name_first, name_in_head
from index.search.naming import names_asked
from index.search.person_facts import asked_fact
from index.search.persons import asks_for_person, person_first
from index.search.places import place_first
from index.search.policy import AnswerPolicy
from index.search.query import Query, Tokenizers
from index.search.reranking import reorders, rerank, reranks
from index.search.retrieval import Retriever
from index.search.roles import SPOKESPEOPLE, is_institution
from index.search.speech import SpeechQuery, unnamed_note
from index.search.speech_answer import SpeechRoute
from index.search.wants import WantQuery, parse_want, tells_want, want_terms
from index.search.whose_figure import asks_quantity, particular_unnamed, time_unnamed
from index.store.lexical import best_rows
from index.types import Answer, Hit, Sentence

# How many of the sentences holding the name of one asked what they want are read for a verb of
# wanting: those a lexical search for the name and the words of wanting scores best.
WANT_CANDIDATES = 100
# How many of the sentences holding a name are read for what says who or what it is: the
# closest to the question by meaning.
DEFINITION_CANDIDATES = 200


class Answerer:
    """Answers from one retriever and one speech route under one policy. Safe to share between threads."""

    def __init__(
        self,
        retriever: Retriever,
        speech: SpeechRoute,
        policy: AnswerPolicy,
        reranker: AnyReranker | None = None,
        tokenizers: Tokenizers | None = None,
        cache_size: int = 50_000,
    ) -> None:
        self._retriever = retriever
        self._speech = speech
        self._policy = policy
        # None (no model, or VERBATIM_RERANK=off): exactly the ranking-only path.
        wanted = reranker if policy.rerank and policy.hybrid else None
        self._tokenizers = tokenizers or Tokenizers()
        # The words of "spokesman", "press secretary" ... as a question's Query reads them (roles.py).
        tokenizer = self._tokenizers.get()
        self._spokesman_words = {word: tuple(tokenizer.query_words(word)) for word in SPOKESPEOPLE}
        self._candidate_features = CandidateFeatures(retriever, self._tokenizers, cache_size)
        self._features: FeatureReranker | None = None
        if isinstance(wanted, FeatureModel):
            self._features = feature_reranker(wanted, self._candidate_features)
        self._reranker: AnyReranker | None = (
            wanted if self._features is not None or isinstance(wanted, Reranker) else None
        )

    @property
    def reranker(self) -> AnyReranker | None:
        """The reranker in use (None: the ranking alone)."""
        return self._reranker

    def candidates(self, query: Query, vector: np.ndarray, depth: int) -> tuple[list[Hit], np.ndarray]:
        """The ranking's best ``depth`` hits for ``query`` and the feature reranker's view of each
        (rerank_features.FEATURES rows): what scripts/train_ltr.py learns from."""
        hits = self._retriever.search([query], vector[None, :], depth)[0]
        return hits, self._candidate_features.features(query, vector, hits)

    def answer(self, query: Query, vector: np.ndarray) -> Answer:
        """What to show for ``query`` whose vector is ``vector``."""
        if (unnamed := query.unnamed_speech) is not None:
            # "What did he say?" names no one: asked again with a name. With a topic ("... about
            # the talks?"), the sentences on it, under a note saying so, when any answers.
            found = self.answer(replace(query, unnamed_speech=None), vector) if unnamed.topic else None
            if found is None or found.declined:
                note = unnamed_note(replace(unnamed, topic=None))
                return Answer(query.text, (), declined=True, reason=f"“{unnamed.name}” names no one.", note=note)
            return replace(found, note=unnamed_note(unnamed))
        speech, speakers = self._speech.asked(query) if self._policy.hybrid else (None, [])
        # "What did the Kremlin say?": the Kremlin spokesman's quotes, beside the Kremlin's own
        # when it is quoted itself. A role asked for ("the Kremlin spokesman") is read below.
        institution = not speakers or any(is_institution(s) for s in speakers)
        if speech is not None and institution and (spoken := self._spokespeople(query, speech)) is not None:
            role, holders = spoken
            everyone = sorted({*speakers, *holders.values()})
            return self._speech.answer(query, vector, role, everyone, holders, own=frozenset(speakers))
        if speech is not None and speakers:
            return self._speech.answer(query, vector, speech, speakers)
        if speech is not None and (holders := self._speech.role_holders(query, speech)):
            return self._speech.answer(query, vector, speech, sorted(set(holders.values())), holders)
        if self._policy.hybrid and (routed := self._routed(query, vector)) is not None:
            return routed
        reranker = self._reranker if self.reranks(query) else None
        depth = max(10, self._policy.rerank_depth) if reranker is not None else 10
        hits = self._retriever.search([query], vector[None, :], depth)[0]
        if reranker is not None:
            policy = self._policy
            if self._features is not None:
                if policy.rerank_reorder:  # "What is X called?": its naming sentence is read too (names_given.py)
                    hits = name_in_head(query, hits, policy.rerank_depth)
                reranked = self._features.rerank(
                    query, vector, hits, policy.rerank_depth, policy.rerank_reorder, policy.rerank_reorder_margin
                )
                if policy.rerank_reorder:
                    # A "where" question's answer tells a place (places.py), a "who" one's names a
                    # person (persons.py), by the model's probabilities.
                    reranked = person_first(
                        query, place_first(query, reranked), lambda hit: self._retriever.surnames(hit.article_id)
                    )
                    # A "Who VERB ...?" question's answer tells the verb's doer (doers.py).
                    reranked = doer_first(query, reranked, self._tokenizers.get().stem)
                    # A "how old" question's answer tells an age (ages.py), a "when" question's
                    # the event asked about (events_asked.py).
                    tokens = self._tokenizers.get().tokens
                    event = asked_event(query, tokens)
                    reranked = event_first(event, age_first(query, reranked, tokens), tokens)
                    reranked = name_first(query, reranked, policy.rerank_depth)
                    # A story's detail comes before its lede (ledes.py), unless the bot would
                    # decline the detail and not the lede, or the lede tells the event asked and
                    # the detail does not.
                    detailed = detail_first(reranked, tells=tells_event(event, tokens))
                    if detailed and detailed[0] is not reranked[0]:
                        with_detail = self._from_reranked(query, hits, detailed)
                        if not with_detail.declined:
                            return with_detail
            else:
                assert isinstance(reranker, Reranker)
                reranked = rerank(query, hits, reranker, policy.rerank_depth, policy.rerank_blend)
            return self._from_reranked(query, hits, reranked)
        if speech is not None and not speech.loose:
            vocabulary = self._retriever.lexical.vocabulary
            if any(holds_word(w, vocabulary) for w in query.speech_name) and (
                found := self._speech.officials_answer(query, vector, speech)
                or self._speech.mentions_answer(query, vector, speech, hits, self._policy.max_shown)
            ):
                return found
            if self._policy.check_words:
                # No sentence holds the whole name ("Jim Mattis", where the articles hold only
                # some Jim and a Mattie): any sentence shown would be somebody else's words.
                return Answer(
                    query.text,
                    (),
                    declined=True,
                    reason=f"No article mentions {speech.shown}.",
                    nearest=hits[0] if hits else None,
                    ranked=tuple(hits),
                )
        return self.from_hits(query, hits)

    def _spokespeople(self, query: Query, speech: SpeechQuery) -> tuple[SpeechQuery, dict[str, str]] | None:
        """``SpeechRoute.spokespeople`` for a name whose every word some sentence holds (one no
        article mentions is declined as before, with no role searched for)."""
        vocabulary = self._retriever.lexical.vocabulary
        if not query.speech_name or not all(holds_word(w, vocabulary) for w in query.speech_name):
            return None
        return self._speech.spokespeople(query, speech, self._spokesman_words)

    def _routed(self, query: Query, vector: np.ndarray) -> Answer | None:
        """The answer of a question of a form with a route of its own (step 3 of the module
        docstring), or None: another question, one whose words alone decline it, or one no
        sentence answers in that form."""
        if self._declined_by_words(query):
            return None
        want = parse_want(query.text, self._tokenizers.get().stem, (w.stem for w in query.names))
        if want is not None and (answer := self._want_answer(query, vector, want)) is not None:
            return answer
        asked = parse_definition(query.text)
        if asked is not None and (answer := self._definition_answer(query, vector, asked)) is not None:
            return answer
        role = parse_role(query.text)
        if role is not None and (answer := self._holder_answer(query, vector, role)) is not None:
            return answer
        return self._fact_answer(query, vector)

    def reranks(self, query: Query) -> bool:
        """Whether answering ``query`` runs the reranker: there is one, the question is of a kind it
        orders (reranking.reorders), and its words alone do not decline it."""
        return self._reranker is not None and reorders(query) and not self._declined_by_words(query)

    def _declined_by_words(self, query: Query) -> bool:
        """Whether decline.py declines ``query`` on its words alone, so no score can change the
        decision: such a question skips the reranker (five cross-encoder runs), and its nearest
        sentence is the ranking's first."""
        policy = self._policy
        if not (policy.check_words and policy.hybrid):
            return False
        retriever = self._retriever
        return (
            declined_by_words(query, retriever.lexical, lambda acronym: retriever.spelled_out(acronym, query))
            is not None
        )

    def from_hits(
        self,
        query: Query,
        hits: Sequence[Hit],
        *,
        min_score: float | None = None,
        margin: float | None = None,
        floor: float = float("-inf"),
    ) -> Answer:
        """The decision for ``query`` given its ranked ``hits``: show the best, or decline.

        ``min_score`` and ``margin`` default to the policy's for the ranking's own scores; hits
        after the best are shown only while they score at least ``floor`` (reranked: a sentence
        the reranker would not answer with alone is not shown beside the best either)."""
        policy = self._policy
        min_score = policy.min_score if min_score is None else min_score
        margin = policy.margin if margin is None else margin
        retriever = self._retriever
        ranked = tuple(hits)
        best = hits[0] if hits else None
        # A search ("troops") shows the sentences holding all its words (decline.py; cached by the ranking).
        wanted = query.search_terms
        words = retriever.rows([h.row for h in hits[: policy.max_shown]]) if wanted else {}

        def holds_search(hit: Hit) -> bool:
            return bool(wanted) and wanted <= words[hit.row][1]

        # A yes/no question ("Is there a deadline?") is answered by a sentence holding all its words.
        best_holds_question = (
            best is not None
            and policy.hybrid
            and query.kind == "yes/no"
            and bool(query.stems)
            and query.stems <= retriever.rows([best.row])[best.row][1]
        )

        whose = policy.hybrid and (asks_for_person(query) or asks_quantity(query))  # whose name or figure
        decision = decide(
            query,
            best.score if best else None,
            retriever.lexical if policy.hybrid else None,
            min_score=min_score,
            check_words=policy.check_words,
            best_holds_search=best is not None and holds_search(best),
            best_holds_question=best_holds_question,
            best_text=best.sentence if best is not None and policy.hybrid else None,
            stems=self._tokenizers.get().tokens,
            best_article_lacks=self._unnamed(query, best) if best is not None and policy.hybrid else None,
            best_dated_lede=best is None or (bool(best.published) and best.position == 0),
            spelled_out=lambda acronym: retriever.spelled_out(acronym, query),
            best_surnames=retriever.surnames(best.article_id) if best and whose else None,
            best_speaker=best.speaker if best else None,
            # Read only where it may tell whose figure it is ("He won with 92,153 votes").
            best_before=retriever.sentences_before([best.row])[0]
            if best and policy.hybrid and asks_quantity(query)
            else "",
        )
        if decision.declined or best is None:
            return Answer(query.text, (), declined=True, reason=decision.reason, nearest=best, ranked=ranked)
        floor = min(floor, best.score)  # a best sentence answered below it ("Groberg, 33, ...", decline.py) is shown
        shown = [h for h in hits[: policy.max_shown] if h.score >= max(best.score - margin, floor) or holds_search(h)]
        return Answer(query.text, tuple(shown), reason=decision.reason, nearest=best, ranked=ranked)

    def _from_reranked(self, query: Query, hits: Sequence[Hit], reranked: Sequence[Hit]) -> Answer:
        """The decision for ``query`` given the ranking's ``hits`` in the reranker's order ``reranked``."""
        # The reranker reads each sentence alone: an article naming what is asked still comes first.
        reranked = self._retriever.named_first(query, reranked)
        if not reranks(query):
            # A kind it orders but does not judge ("why"): its order, the ranking's scores and threshold.
            ranking_hit = {h.row: h for h in hits}
            return self.from_hits(query, [ranking_hit.get(h.row, h) for h in reranked])
        policy = self._policy
        return self.from_hits(
            query, reranked, min_score=policy.rerank_min, margin=policy.rerank_margin, floor=policy.rerank_min
        )

    def _unnamed(self, query: Query, best: Hit) -> str | None:
        """The name a figure question asks about most particularly when ``best``'s article never
        writes it (whose_figure.particular_unnamed), unless ``best``, the sentence before it or
        its article's title writes its initials or its words in full; for a "when" question, the
        name whose words that article never writes (whose_figure.time_unnamed). For either, first,
        a demonym whose country that article never writes ("Canadian": demonyms.unheld_demonym)."""
        retriever = self._retriever

        def article_holds(stem: str) -> bool:
            return retriever.article_holds(stem, best.row)

        if query.kind == "date" or asks_quantity(query):
            if (demonym := unheld_demonym(query.words, article_holds)) is not None:
                return demonym
        stems = self._tokenizers.get().tokens
        if query.kind == "date":
            return time_unnamed(query, stems, retriever.lexical.frequency, article_holds)
        if not (asks_quantity(query) and names_asked(query)):
            return None
        story = " ".join((best.sentence, retriever.sentences_before([best.row])[0], best.title))
        return particular_unnamed(query, stems, retriever.lexical.frequency, article_holds, story)

    def _candidates(self, required: dict[str, float], terms: dict[str, float]) -> list[int]:
        """The ``WANT_CANDIDATES`` rows holding one of the ``required`` stems that a lexical
        search for ``terms`` scores best."""
        lexical = self._retriever.lexical
        holding = lexical.scores(required) > 0
        if not holding.any():
            return []
        return [int(r) for r in best_rows(np.where(holding, lexical.scores(terms), 0.0), WANT_CANDIDATES)]

    def _route_hits(
        self,
        vector: np.ndarray,
        found: Mapping[int, tuple[Sentence, frozenset[str]]],
        rows: Sequence[int],
        first: Callable[[int], int] = lambda _: 0,
    ) -> list[Hit]:
        """``rows`` (read in ``found``) as hits scored by meaning, those ``first`` gives less
        first and then the closest, a sentence copied into several articles once."""
        retriever = self._retriever
        relevance = dict(zip(rows, retriever.relevance(list(rows), vector).tolist(), strict=True))
        ordered = sorted(rows, key=lambda r: (first(r), -relevance[r], r))
        articles = retriever.articles_of(found[r][0] for r in ordered)
        return fold_duplicates([make_hit(found[r][0], relevance[r], r, articles) for r in ordered])

    def _route_answer(self, query: Query, hits: Sequence[Hit], reason: str) -> Answer:
        """The answer of a route (``_routed``): its first hits shown, all of them ranked."""
        shown = tuple(hits[: self._policy.max_shown])
        return Answer(query.text, shown, reason=reason, nearest=shown[0], ranked=tuple(hits))

    def _fact_answer(self, query: Query, vector: np.ndarray) -> Answer | None:
        """ "How old is Sadiq Khan?", "What did Jean Harlow die of?": the sentences telling the fact
        (person_facts.py) beside the surname of the one person the question names in full, in
        articles that also write the first name, those naming them in full first, then best by
        meaning; None when none does."""
        asked = asked_fact(query.text)
        if asked is None:
            return None
        stem = self._tokenizers.get().stem
        surname, first = stem(asked.surname), stem(asked.first)
        rows = self._candidates({surname: 1.0}, {surname: 1.0, first: 1.0})
        found, retriever = self._retriever.rows(rows), self._retriever
        rows = [r for r in rows if asked.tells(found[r][0].text) and retriever.article_holds(first, r)]
        rows = [r for r in rows if asked.in_full(found[r][0].text)] or rows
        if not rows:
            return None
        return self._route_answer(
            query, self._route_hits(vector, found, rows), f"{len(rows)} sentence(s) tell {asked.what}."
        )

    def _want_answer(self, query: Query, vector: np.ndarray, want: WantQuery) -> Answer | None:
        """ "What does Russia want?": the sentences that tell what ``want`` asks about wants
        (wants.tells_want), best by meaning first, a sentence copied into several articles once;
        None when no sentence tells it. They are found among the ``WANT_CANDIDATES`` sentences
        holding the name that a lexical search for it and the words of wanting scores best."""
        stem = self._tokenizers.get().stem
        terms = dict.fromkeys(want_terms(stem), 1.0) | dict.fromkeys(want.names | {want.head}, 1.0)
        rows = self._candidates({want.head: 1.0}, terms)
        found = self._retriever.rows(rows)
        rows = [r for r in rows if tells_want(found[r][0].text, want, stem) is not None]
        if not rows:
            return None
        hits = self._route_hits(vector, found, rows)
        return self._route_answer(query, hits, f"{len(hits)} sentence(s) tell what {want.who} asked for or wanted.")

    def _definition_answer(self, query: Query, vector: np.ndarray, asked: DefinitionQuery) -> Answer | None:
        """ "What is the OSCE?": the sentences that say who or what ``asked`` names
        (definitions.defines), the plainest first and then by meaning, a sentence copied into
        several articles once; None when none says it. They are read among the
        ``DEFINITION_CANDIDATES`` sentences holding every word of the name closest to the
        question by meaning."""
        retriever = self._retriever
        lexical = retriever.lexical
        stems = self._tokenizers.get().tokens(asked.name)
        if not stems:
            return None
        named = np.ones(lexical.n_rows, dtype=bool)
        for stem in stems:
            named &= lexical.scores({stem: 1.0}) > 0
        rows = np.flatnonzero(named)
        if rows.size == 0:
            return None
        closest = np.argsort(-retriever.relevance(rows, vector), kind="stable")[:DEFINITION_CANDIDATES]
        found = retriever.rows(int(r) for r in rows[closest])
        said = {r: d for r, (sentence, _) in found.items() if (d := defines(sentence.text, asked)) is not None}
        if not said:
            return None
        hits = self._route_hits(vector, found, list(said), lambda r: -said[r].strength)
        return self._route_answer(query, hits, f"{len(hits)} sentence(s) say who or what {asked.name} is.")

    def _holder_answer(self, query: Query, vector: np.ndarray, role: RoleQuery) -> Answer | None:
        """ "Who is Clinton's campaign manager?": the sentences that name the holder of ``role``
        (holders.holder_in), best by meaning first, a sentence copied into several articles once;
        None when none does. They are read among the ``WANT_CANDIDATES`` sentences holding the
        role's head word that a lexical search for it and the role's names scores best."""
        tokenizer = self._tokenizers.get()
        heads = dict.fromkeys(tokenizer.tokens(" ".join(role.heads)), 1.0)
        rows = self._candidates(heads, heads | dict.fromkeys(tokenizer.tokens(" ".join(role.qualifiers)), 1.0))
        found = self._retriever.rows(rows)
        named = {r: name for r in rows if (name := holder_in(found[r][0].text, role)) is not None}
        if not named:
            return None
        hits = self._route_hits(vector, found, list(named))
        people = ", ".join(dict.fromkeys(named[h.row] for h in hits[: self._policy.max_shown]))
        return self._route_answer(
            query, hits, f"{len(hits)} sentence(s) name who holds the role of {role.role}: {people}."
        )
