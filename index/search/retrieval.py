"""Finding and ranking candidate sentences: dense (FAISS) and lexical (BM25) candidates, scored
together by ranking.py, the same sentence in several articles folded into one hit.

A ``Retriever`` also remembers what ranking reads about a row (its sentence and stemmed words,
its article's header and title words): an open index never changes, and popular sentences come
back question after question (memo.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np

from index.errors import IndexLoadError
from index.rerank.model import BUNDLED_MODEL
from index.search.casing import forms_in, opening_forms, stem_forms, usual_form
from index.search.hits import fold_duplicates, make_hit, top_hits
from index.search.memo import BoundedMemo
from index.search.naming import named_first, names_asked
from index.search.neighbourhood import Neighbourhoods
from index.search.persons import surnames_in
from index.search.policy import AnswerPolicy
from index.search.query import Query, Tokenizers
from index.search.ranking import CANDIDATES, Candidate, TextTests, ranking_signals, weight_vector
from index.search.speakers import typo_distance, typos_allowed
from index.search.spelling import (
    StemBuckets,
    dictionary_words,
    most_likely_name,
    nearest_stems,
    stem_buckets,
    stems_heading,
)
from index.search.whose_figure import spells_out
from index.store.generation import LoadedIndex
from index.store.lexical import LEXICAL_ARRAYS, LexicalIndex, QueryWord, best_rows, load_lexical, opens_sentence
from index.store.metadata import StoredArticle
from index.types import Hit, Sentence

# Not looked up yet (None in the header memo means: no such article).
_UNKNOWN = StoredArticle("", "", None, None, "", -1)


# Sentences whose articles are read for an acronym's words in full (``Retriever.spelled_out``).
SPELLING_ROWS = 50
# Sentences read for how the articles write a word a question typed in lower case
# (``Retriever.written_form``): a hundred at a time until ``CASING_FORMS`` uses of the word are
# seen or ``CASING_MAX_ROWS`` are read. A stem may be another word's far more often: "feder" is
# "federal" in most of the sentences holding it, "Federation" in a few.
CASING_ROWS = 100
CASING_FORMS = 5
CASING_MAX_ROWS = 1_000
# The bundled tokenizer's vocabulary, whose whole words are the common English words a word typed
# in lower case is no typo of (spelling.py): shipped with the package, whether the reranker runs
# or not.
WORDPIECE_VOCABULARY = BUNDLED_MODEL / "cross_encoder" / "tokenizer.json"
# How much of an article is read for the surnames it gives (persons.surnames_in): a long one's
# people are named in full near its start.
ARTICLE_CHARS = 20_000


class Retriever:
    """Ranked hits for questions from one open index. Safe to share between threads."""

    def __init__(self, loaded: LoadedIndex, policy: AnswerPolicy, tokenizers: Tokenizers, cache_size: int) -> None:
        if LEXICAL_ARRAYS not in loaded.manifest.files:
            raise IndexLoadError(
                f"The index at {loaded.directory} was built by an older Verbatim without a lexical index; "
                f"rebuild it: verbatim-index --articles PATH --index {loaded.directory}"
            )
        self._index = loaded
        self._policy = policy
        self.lexical: LexicalIndex = load_lexical(loaded.generation_dir, loaded.manifest.sentences)
        self._neighbourhoods = Neighbourhoods(self.lexical, loaded.metadata.article_runs())
        self._vectors = loaded.vectors()  # memory-mapped: dense scores of BM25-only candidates
        self._tokenizers = tokenizers
        self._rows: BoundedMemo[int, tuple[Sentence, frozenset[str]]] = BoundedMemo(cache_size)
        self._text_tests = TextTests(cache_size)
        self._weight_vector = weight_vector(policy.weights)  # score_candidates' weights, made once
        self._headers: BoundedMemo[str, StoredArticle | None] = BoundedMemo(cache_size)
        self._titles: BoundedMemo[str, frozenset[str]] = BoundedMemo(cache_size)
        # (acronym, question) -> spelled out: asked by each stage that reads the question's words.
        self._spelled: BoundedMemo[tuple[str, str], bool] = BoundedMemo(cache_size)
        # article id -> the surnames it gives people (persons.surnames_in).
        self._surnames: BoundedMemo[str, frozenset[str]] = BoundedMemo(cache_size)
        # lower-case word -> its usual form in the articles, None when that is lower case (casing.py).
        self._forms: BoundedMemo[str, str | None] = BoundedMemo(cache_size)
        # typed word no article holds -> the names the articles write fewest typos from it (spelling.py).
        self._names_like: BoundedMemo[str, tuple[tuple[str, int], ...]] = BoundedMemo(cache_size)
        self._buckets: StemBuckets | None = None  # the vocabulary grouped for spelling.py, when first asked
        self._dictionary: frozenset[str] | None = None  # common English words (spelling.py), when first asked

    def search(self, queries: Sequence[Query], vectors: np.ndarray, k: int) -> list[list[Hit]]:
        """The ``k`` best hits for each query, whose vectors are already encoded."""
        depth = max(k * 2 + 5, CANDIDATES if self._policy.hybrid else 0)
        scores, rows = self._index.search(vectors, depth)
        if not self._policy.hybrid:
            return [self._dense_hits(score_row, row_row, k) for score_row, row_row in zip(scores, rows, strict=True)]
        return [
            self._hybrid_hits(query, vector, score_row, row_row, k)
            for query, vector, score_row, row_row in zip(queries, vectors, scores, rows, strict=True)
        ]

    def _dense_hits(self, scores: np.ndarray, rows: np.ndarray, k: int) -> list[Hit]:
        found = [(int(r), float(s)) for s, r in zip(scores, rows, strict=True) if r >= 0]
        sentences = self._index.metadata.sentences(r for r, _ in found)
        articles = self.articles_of(sentences.values())
        return fold_duplicates([make_hit(sentences[r], s, r, articles) for r, s in found if r in sentences])[:k]

    def _hybrid_hits(self, query: Query, vector: np.ndarray, scores: np.ndarray, rows: np.ndarray, k: int) -> list[Hit]:
        terms = query.terms(self._policy.weights.names)
        lexical_scores = self.lexical.scores(terms)
        dense = {r: s for s, r in zip(scores.tolist(), rows.tolist(), strict=True) if r >= 0}
        # The BM25 top rows the dense search missed (none when it found every row: a small index).
        if len(dense) < self.lexical.n_rows:
            extra = [r for r in best_rows(lexical_scores, CANDIDATES).tolist() if r not in dense]
            if extra:
                dense.update(zip(extra, self.relevance(extra, vector).tolist(), strict=True))
        candidates, found, articles = self._candidates(query, dense, lexical_scores)
        # The candidates' facts, read once: by the ranking, then their keys by top_hits.
        facts = self._text_tests.facts_of([c.text for c in candidates])
        signals = ranking_signals(query, candidates, self._policy.weights, self._text_tests, facts=facts)
        fused = (signals @ self._weight_vector).tolist()
        # By score, then row (rows are distinct): the (-score, row) pairs sort as the candidates.
        keys = zip([-f for f in fused], [c.row for c in candidates], range(len(fused)), strict=True)
        order = [i for _, _, i in sorted(keys)]
        asked = names_asked(query)
        if asked:
            named = self._neighbourhoods.articles_holding(
                asked, [candidates[i].row for i in order], [candidates[i].title_terms for i in order]
            )
            order = named_first(order, named.tolist())
        ranked = [(found[candidates[i].row][0], fused[i], candidates[i].row) for i in order]
        return top_hits(ranked, articles, k, [facts[i].key for i in order])

    def _candidates(
        self, query: Query, dense: dict[int, float], lexical_scores: np.ndarray
    ) -> tuple[list[Candidate], dict[int, tuple[Sentence, frozenset[str]]], dict[str, StoredArticle | None]]:
        """What ranking reads about each of the rows in ``dense`` (row -> its cosine) for
        ``query``, their sentences and stemmed words (``rows``) and their articles' headers."""
        found = self.rows(dense)
        articles = self.articles_of(sentence for sentence, _ in found.values())
        rows = list(found)
        titles = self._titles_of([sentence for sentence, _ in found.values()], articles)
        published = {a: header.published for a, header in articles.items() if header}
        # Whole columns to Python floats at once (a numpy scalar read costs as much as a Candidate).
        lexical = lexical_scores[rows].tolist()
        context = self._neighbourhoods.coverage(query.stems, rows, titles).tolist()
        candidates = [
            # In Candidate's order: row, text, dense, lexical, terms, title_terms, published, context.
            Candidate(row, sentence.text, dense[row], bm25, row_terms, title, published.get(sentence.article_id), near)
            for (row, (sentence, row_terms)), bm25, title, near in zip(
                found.items(), lexical, titles, context, strict=True
            )
        ]
        return candidates, found, articles

    def query_words(self, text: str) -> list[QueryWord]:
        """The words of ``text`` as a question's are read (stemmed, names marked)."""
        return self._tokenizers.get().query_words(text)

    def named_first(self, query: Query, hits: Sequence[Hit]) -> list[Hit]:
        """``hits`` from articles naming what ``query`` names first, each group in the order given
        (naming.py); as given when it names nothing."""
        asked = names_asked(query)
        if not asked or not hits:
            return list(hits)
        rows = [h.row for h in hits]
        return named_first(hits, self._neighbourhoods.articles_holding(asked, rows, self.row_titles(rows)).tolist())

    def spelled_out(self, acronym: str, query: Query) -> bool:
        """Whether an article holding one of the sentences that share the most words with
        ``query`` (``SPELLING_ROWS`` of them, by BM25, a name weighing as any word: "Paul Ryan"
        alone would lead to every story about him) writes ``acronym``'s words in full: "the
        National Republican Congressional Committee" for "NRCC" (whose_figure.spells_out).
        Remembered: declining asks it once per stage that reads the question's words."""

        def compute(_: tuple[str, str]) -> bool:
            rows = best_rows(self.lexical.scores(query.terms(name_weight=1.0)), SPELLING_ROWS).tolist()
            found = self.rows(rows)
            metadata = self._index.metadata
            articles = dict.fromkeys(found[row][0].article_id for row in rows if row in found)
            return any(spells_out(acronym, metadata.article_text(a) or "") for a in articles)

        return self._spelled.get_or_compute((acronym, query.text), compute)

    def written_form(self, word: str) -> str | None:
        """How the articles usually write ``word`` (typed in lower case) in the middle of a
        sentence when that is with a capital ("peskov": "Peskov", "nato": "NATO"), else None
        (casing.usual_form, over its uses in the first sentences holding its stem: see
        ``CASING_ROWS``). Remembered: a word asked once is asked again."""

        def compute(typed: str) -> str | None:
            # The rarest of its stems: "wealth-x" is looked for among the sentences holding "x".
            known = [stem for stem in self._tokenizers.get().tokens(typed) if stem in self.lexical.vocabulary]
            if not known:
                return None
            holding = self.lexical.rows_holding(min(known, key=self.lexical.frequency))[:CASING_MAX_ROWS]
            forms: list[str] = []
            openings: list[str] = []  # "Florent" of "Florent Groberg is ...", a name only ever opening a sentence
            for start in range(0, len(holding), CASING_ROWS):
                texts = self._texts(holding[start : start + CASING_ROWS])
                if not forms:  # read only while no sentence writes it elsewhere
                    openings.extend(opening_forms(typed, texts, opens_sentence))
                forms.extend(forms_in(typed, texts, opens_sentence))
                if len(forms) >= CASING_FORMS:
                    break
            return usual_form(forms or openings)

        return self._forms.get_or_compute(word, compute)

    def name_like(self, word: str) -> str | None:
        """The name the articles write that ``word`` (which no indexed sentence holds) is a typo
        of, as they write it ("Smtih": "Smith"), when one is within the typos its length forgives
        and far more often written than any other that is (spelling.py, ``most_likely_name``:
        "Clintn" is "Clinton", not "Clint"); None for a word some sentence holds, or with no such
        name or two as likely."""
        return most_likely_name(dict(self.names_close(word)))

    def names_close(self, word: str) -> tuple[tuple[str, int], ...]:
        """The names the articles write (as they write them) that are fewest typos from ``word``
        (which no indexed sentence holds), within the typos its length forgives, each with how
        many sentences hold it, most written first: ``name_like`` reads a typo as the first when
        it is far more written than the others; a decline offers them all ("Did you mean Smith
        or Smyth?"). Empty for a word some sentence holds or no name near it.
        Remembered: a word asked once is asked again."""

        def compute(typed: str) -> tuple[tuple[str, int], ...]:
            stems = self._tokenizers.get().tokens(typed)
            if len(stems) != 1 or stems[0] in self.lexical.vocabulary:
                return ()
            if self._buckets is None:
                self._buckets = stem_buckets(self.lexical.vocabulary)
            limit = typos_allowed(typed)
            typos: dict[str, int] = {}  # name -> its typos from ``typed``
            written: Counter[str] = Counter()  # name -> how many sentences hold its stems
            for near in (
                lambda: nearest_stems(stems[0], self._buckets, limit),
                lambda: stems_heading(typed.casefold(), self._buckets, limit),
            ):
                for stem in near():
                    if (found := self._name_of(stem, typed, limit)) is not None:
                        name, distance = found
                        typos[name] = distance
                        written[name] += self.lexical.frequency(stem)
                if typos:
                    break
            fewest = min(typos.values(), default=0)
            closest = [(name, written[name]) for name in typos if typos[name] == fewest]
            return tuple(sorted(closest, key=lambda item: (-item[1], item[0])))

        return self._names_like.get_or_compute(word, compute)

    def is_dictionary_word(self, word: str) -> bool:
        """Whether ``word`` (in lower case) is a common English word: a whole word of the bundled
        tokenizer's vocabulary (spelling.py, ``dictionary_words``), read when first asked."""
        if self._dictionary is None:
            self._dictionary = dictionary_words(WORDPIECE_VOCABULARY.read_text(encoding="utf-8"))
        return word in self._dictionary

    def _name_of(self, stem: str, typed: str, limit: int) -> tuple[str, int] | None:
        """The capitalised form the articles write a word of ``stem`` in that is at most ``limit``
        typos from ``typed``, and its typos (the closest, then the most common, in the first
        ``CASING_ROWS`` sentences holding it, away from a sentence's start when any is: "Flight"
        of "Lion Air Flight 610" for "Flgiht", though most sentences write "the flight"), or None
        when they write none so ("widen")."""
        texts = self._texts(self.lexical.rows_holding(stem)[:CASING_ROWS])
        stem_of = self._tokenizers.get().stem
        # A name a story writes only where a sentence opens ("Florent Groberg is ...") is read
        # there, when no sentence writes the word elsewhere: it tells nothing else of its case.
        written = stem_forms(stem, texts, stem_of, opens_sentence) or stem_forms(
            stem, texts, stem_of, lambda text, start: False
        )
        forms = Counter(form for form in written if form[:1].isupper())
        folded = typed.casefold()
        typos = {form: typo_distance(form.casefold(), folded, limit) for form in forms}
        near = [form for form in forms if typos[form] <= limit]
        if not near:
            return None
        form = min(near, key=lambda form: (typos[form], -forms[form], form))
        return form, typos[form]

    def _texts(self, rows: np.ndarray) -> list[str]:
        """The texts of the sentences at ``rows``, read from the metadata (not kept in the row memo)."""
        return [s.text for s in self._index.metadata.sentences(rows.tolist()).values()]

    def article_holds(self, stem: str, row: int) -> bool:
        """Whether any sentence of ``row``'s article, or its title, holds ``stem`` (naming.py)."""
        return bool(self._neighbourhoods.articles_holding((stem,), [row], self.row_titles([row]))[0])

    def surnames(self, article_id: str) -> frozenset[str]:
        """The surnames ``article_id``'s text gives people (persons.surnames_in), remembered: a
        "who" question's hits read them (persons.person_first)."""

        def compute(article: str) -> frozenset[str]:
            return surnames_in((self._index.metadata.article_text(article) or "")[:ARTICLE_CHARS])

        return self._surnames.get_or_compute(article_id, compute)

    def story_coverage(self, stems: Iterable[str], rows: Sequence[int]) -> np.ndarray:
        """For each of ``rows``, the IDF-weighted share of ``stems`` in it, the sentences around it
        or its article's title (neighbourhood.py), as the ranking's context signal reads it."""
        return self._neighbourhoods.coverage(stems, rows, self.row_titles(rows))

    def row_titles(self, rows: Sequence[int]) -> list[frozenset[str]]:
        """The stemmed title words of each of ``rows``' articles (``_titles_of``)."""
        found = self.rows(rows)
        articles = self.articles_of(sentence for sentence, _ in found.values())
        return self._titles_of([found[row][0] if row in found else None for row in rows], articles)

    def _titles_of(
        self, sentences: Sequence[Sentence | None], articles: dict[str, StoredArticle | None]
    ) -> list[frozenset[str]]:
        """The stemmed words of each sentence's article title (none for an untitled article, one
        whose title is its id, or no sentence), as the neighbourhood signal reads them."""
        terms = {a: self._title_terms(s) for a, s in articles.items() if s and s.title != a}
        untitled: frozenset[str] = frozenset()
        return [terms.get(s.article_id, untitled) if s is not None else untitled for s in sentences]

    def signals(self, query: Query, vector: np.ndarray, rows: Sequence[int]) -> np.ndarray:
        """The ranking's signals of the sentences at ``rows`` for ``query`` (ranking.py's
        ``ranking_signals``: one row each, in the order given), as the ranking saw them."""
        lexical_scores = self.lexical.scores(query.terms(self._policy.weights.names))
        dense = dict(zip((int(r) for r in rows), self.relevance(rows, vector).tolist(), strict=True))
        candidates = {c.row: c for c in self._candidates(query, dense, lexical_scores)[0]}
        # The ranking's lexical signal is a share of the question's best BM25 score, which its
        # candidates (the BM25 top rows among them) always hold.
        best = float(lexical_scores.max()) if len(lexical_scores) else 0.0
        ordered = [candidates[int(r)] for r in rows]
        return ranking_signals(query, ordered, self._policy.weights, self._text_tests, best_lexical=best)

    @property
    def text_tests(self) -> TextTests:
        """The regex tests of sentences this retriever remembers (ranking.py)."""
        return self._text_tests

    def relevance(self, rows: Sequence[int] | np.ndarray, vector: np.ndarray) -> np.ndarray:
        """The dense score (cosine) of each of ``rows`` for the question ``vector``."""
        return np.asarray(self._vectors[np.asarray(rows, dtype=np.int64)]) @ vector

    def rows(self, rows: Iterable[int]) -> dict[int, tuple[Sentence, frozenset[str]]]:
        """Each row's sentence and stemmed words, from the cache or one SQLite query for the rest."""
        asked = list(rows)
        cached = self._rows.get_many(asked)
        found = {row: hit for row, hit in zip(asked, cached, strict=True) if hit is not None}
        missing = (
            [row for row, hit in zip(asked, cached, strict=True) if hit is None] if len(found) < len(asked) else []
        )
        if missing:
            tokenizer = self._tokenizers.get()
            fetched = {
                row: (sentence, frozenset(tokenizer.tokens(sentence.text)))
                for row, sentence in self._index.metadata.sentences(missing).items()
            }
            self._rows.put_many(fetched)
            found.update(fetched)
        return found

    def articles_of(self, sentences: Iterable[Sentence]) -> dict[str, StoredArticle | None]:
        """The header of each sentence's article (None: no such article), cached."""
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

    def sentences_before(self, rows: Sequence[int]) -> list[str]:
        """The sentence before each of ``rows`` in its article ("" for an article's first), which a
        cross-encoder that reads context is given with it (index/rerank/cross_encoder.passage)."""
        previous = self._neighbourhoods.previous(rows)
        found = self.rows(row for row in previous if row is not None)
        return ["" if row is None or row not in found else found[row][0].text for row in previous]

    def hits_at(self, rows: Sequence[int]) -> list[Hit]:
        """The sentences at index ``rows`` as hits (score 0), in the order asked; unknown rows are left out."""
        sentences = self._index.metadata.sentences(rows)
        articles = self.articles_of(sentences.values())
        return [make_hit(sentences[r], 0.0, r, articles) for r in rows if r in sentences]

    def _title_terms(self, article: StoredArticle) -> frozenset[str]:
        return self._titles.get_or_compute(
            article.id, lambda _: frozenset(self._tokenizers.get().tokens(article.title))
        )
