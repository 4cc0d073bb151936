"""Searching an index: a question in, ranked sentences (``Hit``) out, or an honest decline.

``Searcher`` is the facade the bot, the scripts and the tests use: ``open`` an index directory,
``search`` for ranked hits, ``answer`` for what to show (or an honest decline).

How ``answer`` chooses (README "How answers are chosen"):

1. A question about what someone said ("what did Peskov say?", "Sherman's remarks on ...",
   speech_query.py) whose person is among the index's attributed speakers gets every sentence
   attributed to them, and only those: the best first (by the topic when one is asked, else by
   the question; a verb such as "add" or "write" puts the sentences with that verb first), the
   rest in article order (newest article first). A person no article mentions is declined;
   one the articles mention but never quote gets the sentences that mention them, under a
   note (``Answer.note``) saying that none is a quote of theirs.
2. Any other question: candidates from the dense (FAISS) and the lexical (BM25) rankers are
   scored together (ranking.py); the same sentence in several articles is one hit with every
   source.
3. The best hit is shown unless decline.py says the articles do not cover the question; the
   nearest sentence is kept in ``Answer.nearest`` for a user who asks to see it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from index.embedding.loader import load_embedder
from index.embedding.models import Embedder, canonical_model_name
from index.errors import EmptyQuestionError, IndexLoadError
from index.search.decline import MIN_SCORE, decide, search_terms
from index.search.memo import BoundedMemo
from index.search.ranking import CANDIDATES, Candidate, TextTests, Weights, score_candidates
from index.search.speakers import SpeakerIndex, name_words
from index.search.speech import SpeechQuery, bare_name, parse_speech_query
from index.store.generation import LoadedIndex, open_index
from index.store.lexical import LEXICAL_ARRAYS, LexicalIndex, Tokenizer, best_rows, load_lexical
from index.store.manifest import Manifest, read_manifest
from index.store.metadata import StoredArticle, StoredSentence
from index.types import Answer, Hit, Sentence, Source

# Speech verbs that name a particular way of speaking; "say" (or none) means any speech.
_ANY_SPEECH = {None, "say"}
# Sentences whose ranking features a searcher keeps between questions (about 1 KB each).
ROW_CACHE = 50_000


@dataclass(frozen=True)
class AnswerPolicy:
    """How many hits to show, when to decline instead, and how to rank."""

    max_shown: int = 3
    # Further hits are shown only while they score this close to the best one.
    margin: float = 0.08
    # Below this ranking score the best hit is not trusted to answer (calibrated: decline.py).
    min_score: float = MIN_SCORE
    # Decline questions naming what no article mentions, or sharing no word with any article.
    check_words: bool = True
    # False: the plain dense path (FAISS cosine only), kept to measure what the rest adds.
    hybrid: bool = True
    weights: Weights = field(default_factory=Weights)


def clean_question(question: str) -> str:
    """The question with whitespace folded; raises EmptyQuestionError when nothing is left."""
    cleaned = " ".join(question.split())
    if not cleaned:
        raise EmptyQuestionError("Please type a question: the message was empty.")
    return cleaned


class Searcher:
    """Answers questions from one open index with one embedder. Safe to share between threads."""

    def __init__(self, loaded: LoadedIndex, embedder: Embedder, policy: AnswerPolicy | None = None) -> None:
        self._index = loaded
        self._embedder = embedder
        self.policy = policy or AnswerPolicy()
        if LEXICAL_ARRAYS not in loaded.manifest.files:
            raise IndexLoadError(
                f"The index at {loaded.directory} was built by an older Verbatim without a lexical index; "
                f"rebuild it: verbatim-index --articles PATH --index {loaded.directory}"
            )
        self._lexical: LexicalIndex = load_lexical(loaded.generation_dir, loaded.manifest.sentences)
        self._vectors = loaded.vectors()  # memory-mapped: dense scores of BM25-only candidates
        # Built on the first speech question (see ``speaker_index``), not at open.
        self._speaker_index: SpeakerIndex | None = None
        self._speaker_lock = threading.Lock()
        self._local = threading.local()  # one stemmer per thread (PyStemmer is not thread-safe)
        # An open index never changes, so what ranking reads about a row can be kept between
        # questions: popular sentences come back again and again (index/memo.py).
        self._rows: BoundedMemo[int, tuple[Sentence, frozenset[str]]] = BoundedMemo(ROW_CACHE)
        self._text_tests = TextTests(ROW_CACHE)
        self._quotes: BoundedMemo[tuple[str, ...], list[StoredSentence]] = BoundedMemo(ROW_CACHE)  # per speakers asked
        self._headers: BoundedMemo[str, StoredArticle | None] = BoundedMemo(ROW_CACHE)
        self._titles: BoundedMemo[str, frozenset[str]] = BoundedMemo(ROW_CACHE)

    @classmethod
    def open(
        cls,
        index_dir: Path,
        *,
        model: str | None = None,
        backend: str = "torch",
        embedder: Embedder | None = None,
        policy: AnswerPolicy | None = None,
    ) -> Searcher:
        """Open ``index_dir`` with the model it was built with (or refuse a different ``model``)."""
        manifest = read_manifest(index_dir)
        wanted = canonical_model_name(model) if model else manifest.model
        if embedder is None:
            if wanted != manifest.model:
                # Let open_index give the clear mismatch message before loading a model.
                open_index(index_dir, expected_model=wanted, verify=False)
            embedder = load_embedder(wanted, backend)
        loaded = open_index(index_dir, expected_model=embedder.name, expected_dimension=embedder.dim)
        try:
            return cls(loaded, embedder, policy)
        except BaseException:
            loaded.close()
            raise

    @property
    def manifest(self) -> Manifest:
        return self._index.manifest

    @property
    def directory(self) -> Path:
        return self._index.directory

    @property
    def embedder(self) -> Embedder:
        return self._embedder

    @property
    def _tokenizer(self) -> Tokenizer:
        tokenizer = getattr(self._local, "tokenizer", None)
        if tokenizer is None:
            tokenizer = self._local.tokenizer = Tokenizer()
        return tokenizer

    def close(self) -> None:
        self._index.close()

    def articles(self) -> list[StoredArticle]:
        return self._index.metadata.articles()

    def top_speakers(self, limit: int = 3) -> list[str]:
        return self._index.metadata.top_speakers(limit)

    def article_text(self, article_id: str) -> str | None:
        return self._index.metadata.article_text(article_id)

    def sentences_of_article(self, article_id: str) -> list[Sentence]:
        return [s.sentence for s in self._index.metadata.sentences_of_article(article_id)]

    def hits_at(self, rows: Sequence[int]) -> list[Hit]:
        """The sentences at index ``rows`` as hits (score 0), in the order asked; unknown rows are left out.

        The bot's buttons name sentences by row, so a button still works after a restart.
        """
        sentences = self._index.metadata.sentences(rows)
        articles = self._articles_of(sentences.values())
        return [_hit(sentences[r], 0.0, r, articles) for r in rows if r in sentences]

    # -- ranking ---------------------------------------------------------------------------------

    def search(self, question: str, k: int = 10) -> list[Hit]:
        """The ``k`` best sentences for ``question``, best first, each sentence text once."""
        return self.search_many([question], k)[0]

    def search_many(self, questions: Sequence[str], k: int = 10) -> list[list[Hit]]:
        """``search`` for several questions with one encode call (used to batch chats)."""
        cleaned = [clean_question(q) for q in questions]
        return self.search_vectors(cleaned, self._embedder.encode_queries(cleaned), k)

    def search_vectors(self, questions: Sequence[str], vectors: np.ndarray, k: int) -> list[list[Hit]]:
        """The ranking for questions whose vectors are already encoded."""
        depth = max(k * 2 + 5, CANDIDATES if self.policy.hybrid else 0)
        scores, rows = self._index.search(vectors, depth)
        if not self.policy.hybrid:
            return [self._dense_hits(score_row, row_row, k) for score_row, row_row in zip(scores, rows, strict=True)]
        return [
            self._hybrid_hits(question, vector, score_row, row_row, k)
            for question, vector, score_row, row_row in zip(questions, vectors, scores, rows, strict=True)
        ]

    def _dense_hits(self, scores: np.ndarray, rows: np.ndarray, k: int) -> list[Hit]:
        found = [(int(r), float(s)) for s, r in zip(scores, rows, strict=True) if r >= 0]
        sentences = self._index.metadata.sentences(r for r, _ in found)
        articles = self._articles_of(sentences.values())
        return _fold_duplicates([_hit(sentences[r], s, r, articles) for r, s in found if r in sentences])[:k]

    def _hybrid_hits(
        self, question: str, vector: np.ndarray, scores: np.ndarray, rows: np.ndarray, k: int
    ) -> list[Hit]:
        tokenizer = self._tokenizer
        terms = tokenizer.query_terms(question, self.policy.weights.names)
        lexical_scores = self._lexical.scores(terms)
        lexical_rows = best_rows(lexical_scores, CANDIDATES)
        dense = {int(r): float(s) for s, r in zip(scores, rows, strict=True) if r >= 0}
        extra = [int(r) for r in lexical_rows if int(r) not in dense]
        if extra:
            wanted = np.asarray(extra, dtype=np.int64)
            dense.update(zip(extra, (np.asarray(self._vectors[wanted]) @ vector).tolist(), strict=True))
        found = self._candidate_rows(dense, tokenizer)
        sentences = {row: sentence for row, (sentence, _) in found.items()}
        articles = self._articles_of(sentences.values())
        title_terms = {a: self._title_terms(s, tokenizer) for a, s in articles.items() if s and s.title != a}
        candidates = [
            Candidate(
                row=row,
                text=sentence.text,
                dense=dense[row],
                lexical=float(lexical_scores[row]),
                terms=row_terms,
                title_terms=title_terms.get(sentence.article_id, frozenset()),
                published=(articles.get(sentence.article_id) or _NO_ARTICLE).published,
            )
            for row, (sentence, row_terms) in found.items()
        ]
        fused = score_candidates(question, list(terms), candidates, self.policy.weights, self._text_tests)
        order = sorted(range(len(candidates)), key=lambda i: (-fused[i], candidates[i].row))
        ranked = [(sentences[candidates[i].row], float(fused[i]), candidates[i].row) for i in order]
        return _top_hits(ranked, articles, k)

    def _candidate_rows(self, rows: Iterable[int], tokenizer: Tokenizer) -> dict[int, tuple[Sentence, frozenset[str]]]:
        """Each row's sentence and stemmed words, from the cache or one SQLite query for the rest."""
        found: dict[int, tuple[Sentence, frozenset[str]]] = {}
        missing: list[int] = []
        for row in rows:
            cached = self._rows.get(row)
            if cached is None:
                missing.append(row)
            else:
                found[row] = cached
        if missing:
            fetched = {
                row: (sentence, frozenset(tokenizer.tokens(sentence.text)))
                for row, sentence in self._index.metadata.sentences(missing).items()
            }
            self._rows.put_many(fetched)
            found.update(fetched)
        return found

    def _articles_of(self, sentences: Iterable[Sentence]) -> dict[str, StoredArticle | None]:
        found: dict[str, StoredArticle | None] = {}
        missing: list[str] = []
        for article_id in {s.article_id for s in sentences}:
            header = self._headers.get(article_id, _UNKNOWN)  # one lookup (None: no such article)
            if header is _UNKNOWN:
                missing.append(article_id)
            else:
                found[article_id] = header
        if missing:
            headers = self._index.metadata.article_headers(missing)
            fetched = {a: headers.get(a) for a in missing}
            self._headers.put_many(fetched)
            found.update(fetched)
        return found

    def _title_terms(self, article: StoredArticle, tokenizer: Tokenizer) -> frozenset[str]:
        return self._titles.get_or_compute(article.id, lambda _: frozenset(tokenizer.tokens(article.title)))

    # -- answering -------------------------------------------------------------------------------

    def speakers_asked(self, question: str) -> list[str]:
        """The attributed speakers a "what did X say?" question asks about ([] for other questions)."""
        return self._speech_of(clean_question(question))[1]

    def _speech_of(self, question: str) -> tuple[SpeechQuery | None, list[str]]:
        """The speech question ``question`` is, if any, and the attributed speakers it asks about.

        A question that is nothing but a speaker's name ("Peskov", "dmitry peskov") asks for
        their quotes too, but only when every word is one of the speaker's own: a lone word
        that is a typo away from a name ("troops") stays an ordinary question.
        """
        speech = parse_speech_query(question)
        if speech is not None:
            return speech, self.speaker_index().match(speech.name)
        name = bare_name(question)
        if name is None:
            return None, []
        asked = set(name_words(name))
        exact = [s for s in self.speaker_index().match(name) if asked <= set(name_words(s))]
        return (SpeechQuery(name, None, None, loose=True), exact) if exact else (None, [])

    def speaker_index(self) -> SpeakerIndex:
        """Every attributed speaker of the index, ready for "what did X say?" questions.

        Built once, on the first call (about 8 ms per 1,000 speakers on a small machine), so that
        opening an index does not pay for it and every later speech question finds its speakers
        in well under a millisecond instead of comparing the name with each of them.
        """
        index = self._speaker_index
        if index is None:
            with self._speaker_lock:  # concurrent first questions build it once
                index = self._speaker_index
                if index is None:
                    index = self._speaker_index = SpeakerIndex(self._index.metadata.speakers())
        return index

    def answer(self, question: str) -> Answer:
        """What to show for ``question``: the best sentences, or a decline with the nearest."""
        return self.answer_many([question])[0]

    def answer_many(self, questions: Sequence[str]) -> list[Answer]:
        """``answer`` for several questions with one encode call (used to batch chats)."""
        cleaned = [clean_question(q) for q in questions]
        vectors = self._embedder.encode_queries(cleaned)
        index_hash = self.manifest.content_hash
        return [
            replace(self._answer_vector(q, v), index_hash=index_hash) for q, v in zip(cleaned, vectors, strict=True)
        ]

    def _answer_vector(self, question: str, vector: np.ndarray) -> Answer:
        speech, speakers = self._speech_of(question) if self.policy.hybrid else (None, [])
        if speech is not None and speakers:
            return self._speech_answer(question, vector, speech, speakers)
        hits = self.search_vectors([question], vector[None, :], 10)[0]
        if speech is not None and not speech.loose:
            tokenizer = self._tokenizer
            if self.policy.check_words and not any(
                self._lexical.knows(w, tokenizer) for w in tokenizer.words(speech.name)
            ):
                nearest = hits[0] if hits else None
                return Answer(
                    question,
                    (),
                    declined=True,
                    reason=f"No article mentions {speech.name}.",
                    nearest=nearest,
                    ranked=tuple(hits),
                )
            mentions = self._mentions_answer(question, vector, speech, hits)
            if mentions is not None:
                return mentions
        return self.answer_from_hits(question, hits)

    def answer_from_hits(self, question: str, hits: Sequence[Hit]) -> Answer:
        """The decision for ``question`` given its ranked ``hits``: show the best, or decline."""
        policy = self.policy
        ranked = tuple(hits)
        best = hits[0] if hits else None
        # A search ("troops") shows the sentences holding all its words (index/decline.py); their
        # stemmed words are in the row cache already, filled by the ranking.
        wanted = search_terms(question, self._tokenizer)
        words = self._candidate_rows([h.row for h in hits[: policy.max_shown]], self._tokenizer) if wanted else {}

        def holds_search(hit: Hit) -> bool:
            return bool(wanted) and wanted <= words[hit.row][1]

        decision = decide(
            question,
            best.score if best else None,
            self._lexical if policy.hybrid else None,
            self._tokenizer,
            min_score=policy.min_score,
            check_words=policy.check_words,
            best_holds_search=best is not None and holds_search(best),
        )
        if decision.declined or best is None:
            return Answer(question, (), declined=True, reason=decision.reason, nearest=best, ranked=ranked)
        shown = [h for h in hits[: policy.max_shown] if h.score >= best.score - policy.margin or holds_search(h)]
        return Answer(question, tuple(shown), reason=decision.reason, nearest=best, ranked=ranked)

    def _mentions_answer(
        self, question: str, vector: np.ndarray, speech: SpeechQuery, ranked: Sequence[Hit]
    ) -> Answer | None:
        """ "What did X say?" when no sentence is attributed to X: the sentences that mention X,
        best first, under a note saying that they only mention X (None when none does).
        ``ranked``: the question's ordinary ranking, which the mentions are taken from first.

        Shown as an ordinary answer would be, they would pass off a sentence such as "Biden and
        Putin held two phone calls" as what Biden said.
        """
        tokenizer = self._tokenizer
        name = frozenset(tokenizer.tokens(speech.name))
        if not name:
            return None
        # The ordinary ranking, ``ranked`` (its rows' words are cached by the search itself) ...
        words = self._candidate_rows([h.row for h in ranked], tokenizer)
        hits = [h for h in ranked if name <= words[h.row][1]]
        if len(hits) < self.policy.max_shown:
            # ... and, when it holds too few of them, the name alone finds the mentions it passed over.
            scores = self._lexical.scores(tokenizer.query_terms(speech.name))
            seen = {h.row for h in ranked}
            rows = [int(r) for r in best_rows(scores, CANDIDATES) if int(r) not in seen]
            found = self._candidate_rows(rows, tokenizer)
            rows = [r for r in rows if name <= found[r][1]]
            if rows:
                relevance = (np.asarray(self._vectors[np.asarray(rows, dtype=np.int64)]) @ vector).tolist()
                articles = self._articles_of(found[r][0] for r in rows)
                extra = [_hit(found[r][0], score, r, articles) for r, score in zip(rows, relevance, strict=True)]
                hits += sorted(extra, key=lambda h: (-h.score, h.row))
        if not hits:
            return None
        shown = tuple(hits[: self.policy.max_shown])
        theirs = {h.row for h in hits}
        these = "this sentence mentions" if len(shown) == 1 else "these sentences mention"
        return Answer(
            question,
            shown,
            reason=f"No sentence is attributed to {speech.name}; {len(hits)} sentence(s) mention them.",
            nearest=shown[0],
            ranked=tuple(hits) + tuple(h for h in ranked if h.row not in theirs),
            note=f"I found no quote attributed to {speech.name}; {these} {speech.name}:",
        )

    def _speech_answer(self, question: str, vector: np.ndarray, speech: SpeechQuery, speakers: list[str]) -> Answer:
        """Every sentence attributed to ``speakers``, ordered as the module docstring says."""
        stored = self._quotes.get_or_compute(
            tuple(speakers), lambda _: self._index.metadata.sentences_by_speakers(speakers)
        )
        if not stored:
            return Answer(question, (), declined=True, reason=f"No sentence quotes {speech.name}.")
        rows = np.asarray([s.row for s in stored], dtype=np.int64)
        relevance = np.asarray(self._vectors[rows]) @ vector
        if speech.topic:
            lexical = self._lexical.scores(self._tokenizer.query_terms(speech.topic))[rows]
            if lexical.max() > 0:
                relevance = relevance + self.policy.weights.lexical * lexical / lexical.max()
        articles = self._articles_of(s.sentence for s in stored)
        order = _speech_order(stored, relevance, speech, articles)
        hits = _fold_duplicates([_hit(stored[i].sentence, float(relevance[i]), stored[i].row, articles) for i in order])
        # Shown: the speaker's sentences only. Behind them in the ranking (for "More"): the
        # sentences an ordinary search finds, such as ones that mention the speaker.
        theirs = {h.sentence for h in hits}
        scores, rows = self._index.search(vector[None, :], CANDIDATES)
        others = self._hybrid_hits(question, vector, scores[0], rows[0], 10)
        who = " and ".join(speakers)
        return Answer(
            question,
            tuple(hits),
            reason=f"{len(hits)} sentence(s) attributed to {who}.",
            nearest=hits[0],
            ranked=tuple(hits) + tuple(h for h in others if h.sentence not in theirs),
        )


_NO_ARTICLE = StoredArticle("", "", None, None, "", 0)
_UNKNOWN = StoredArticle("", "", None, None, "", -1)  # not looked up yet (None means: no such article)


def _speech_order(
    stored: Sequence[StoredSentence],
    relevance: np.ndarray,
    speech: SpeechQuery,
    articles: dict[str, StoredArticle | None],
) -> list[int]:
    """Indices into ``stored``: the asked verb's sentences first; the best first, then article order.

    With a topic every group is ordered by relevance to it; without one, only the best sentence
    of the first group jumps ahead and the rest keep the order they were written in. Articles
    go newest first (undated ones last), then by id; sentences by position in their article.
    """

    def article_key(i: int) -> tuple:
        sentence = stored[i].sentence
        published = (articles.get(sentence.article_id) or _NO_ARTICLE).published or ""
        # Newest first: invert the date's characters so that a plain ascending sort works.
        return (published == "", tuple(-ord(c) for c in published), sentence.article_id, sentence.position)

    everything = list(range(len(stored)))
    if speech.verb in _ANY_SPEECH:
        groups = [everything]
    else:
        matching = [i for i in everything if stored[i].sentence.verb == speech.verb]
        groups = [matching, [i for i in everything if i not in set(matching)]] if matching else [everything]
    ordered: list[int] = []
    for n, group in enumerate(groups):
        if speech.topic:
            ordered.extend(sorted(group, key=lambda i: (-relevance[i], article_key(i))))
            continue
        rest = sorted(group, key=article_key)
        if n == 0 and rest:
            best = max(rest, key=lambda i: relevance[i])
            rest = [best] + [i for i in rest if i != best]
        ordered.extend(rest)
    return ordered


def _hit(sentence: Sentence, score: float, row: int, articles: dict[str, StoredArticle | None]) -> Hit:
    article = articles.get(sentence.article_id)
    title = article.title if article else sentence.article_id
    url = article.url if article else None
    published = article.published if article else None
    return Hit(
        sentence=sentence.text,
        score=score,
        article_id=sentence.article_id,
        title=title,
        url=url,
        published=published,
        paragraph=sentence.paragraph,
        position=sentence.position,
        start=sentence.start,
        end=sentence.end,
        row=row,
        speaker=sentence.speaker,
        sources=(Source(sentence.article_id, title, url, published),),
    )


def _top_hits(
    ranked: Sequence[tuple[Sentence, float, int]], articles: dict[str, StoredArticle | None], k: int
) -> list[Hit]:
    """``_fold_duplicates`` of the ranked sentences cut to ``k``, making only the hits it keeps."""
    groups: dict[str, list[int]] = {}
    for i, (sentence, _, _) in enumerate(ranked):
        groups.setdefault(_same_sentence_key(sentence.text), []).append(i)
    best = list(groups.values())[:k]  # a dict keeps first-seen order: best first
    return [_fold_duplicates([_hit(*ranked[i], articles) for i in members])[0] for members in best]


def _same_sentence_key(text: str) -> str:
    """Equal for the same sentence however it is spaced or capitalised."""
    return " ".join(text.split()).casefold()


def _fold_duplicates(hits: Sequence[Hit]) -> list[Hit]:
    """The same sentence in several articles is one hit listing every source, best first."""
    folded: dict[str, Hit] = {}
    for hit in hits:
        key = _same_sentence_key(hit.sentence)
        if key in folded:
            kept = folded[key]
            if hit.article_id not in {s.article_id for s in kept.sources}:
                folded[key] = replace(kept, sources=kept.sources + hit.sources)
        else:
            folded[key] = hit
    return list(folded.values())
