"""``Searcher``: the facade the bot, the scripts and the tests use to ask an index questions.

``open`` an index directory, ``search`` for ranked hits, ``answer`` for what to show (or an
honest decline), plus the index's metadata the bot shows (articles, speakers, article texts).
The work is done behind it, one job a module:

* query.py: each question read once into a ``Query`` that every stage reads;
* retrieval.py: dense and BM25 candidates, ranked by ranking.py, duplicates folded (hits.py);
* answering.py: the speech route or the ranking (scored by the feature reranker, feature_rerank.py,
  or reordered by a cross-encoder, reranking.py),
  then show or decline (decline.py);
* speech_answer.py: "what did X say?" questions, answered by the speakers' own sentences.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import numpy as np

from index.cpu import available_cores
from index.embedding.loader import load_embedder
from index.embedding.models import Embedder, canonical_model_name
from index.pipeline import pipeline_version
from index.rerank.model import AnyReranker, load_reranker
from index.search.answering import Answerer
from index.search.casing import writes_no_names
from index.search.decline import unknown_names
from index.search.policy import AnswerPolicy
from index.search.query import Query, Tokenizers, parse_query
from index.search.retrieval import Retriever
from index.search.speakers import SpeakerIndex
from index.search.speech_answer import SpeechRoute
from index.search.spelling import (
    lowercase_respellings,
    respelled_note,
    respelled_text,
    respellings,
    suggestions,
)
from index.store.generation import LoadedIndex, open_index
from index.store.locations import parse_store
from index.store.manifest import Manifest, read_manifest
from index.store.metadata import StoredArticle
from index.types import Answer, Hit, Sentence

__all__ = ["ROW_CACHE", "AnswerPolicy", "Searcher"]

logger = logging.getLogger(__name__)

# Sentences whose ranking features a searcher keeps between questions (about 1 KB each).
ROW_CACHE = 50_000


class Searcher:
    """Answers questions from one open index with one embedder. Safe to share between threads."""

    def __init__(
        self,
        loaded: LoadedIndex,
        embedder: Embedder,
        policy: AnswerPolicy | None = None,
        reranker: AnyReranker | None = None,
    ) -> None:
        self._index = loaded
        self._embedder = embedder
        self.policy = policy or AnswerPolicy()
        self._tokenizers = Tokenizers()
        self._retriever = Retriever(loaded, self.policy, self._tokenizers, ROW_CACHE)
        self._speech = SpeechRoute(loaded.metadata, self._retriever, self.policy.weights, ROW_CACHE)
        self._answerer = Answerer(
            self._retriever,
            self._speech,
            self.policy,
            reranker if self.policy.rerank else None,
            self._tokenizers,
            ROW_CACHE,
        )
        # The questions of one answer_many call are answered side by side, one per core: the
        # cross-encoder and FAISS run without the GIL, so one question's model runs while another's
        # features are read (docs/RERANKER.md, "Speed").
        cores = available_cores()
        self._workers = ThreadPoolExecutor(cores, "verbatim-answer") if cores > 1 else None

    @classmethod
    def open(
        cls,
        index_dir: str | Path,
        *,
        model: str | None = None,
        backend: str = "torch",
        embedder: Embedder | None = None,
        policy: AnswerPolicy | None = None,
        store: str | None = None,
        reranker: AnyReranker | None = None,
        rerank_model: str | Path | None = None,
    ) -> Searcher:
        """Open ``index_dir`` with the model it was built with (or refuse a different ``model``).

        ``store`` (VERBATIM_STORE) is the address of the index's Qdrant collection when it differs
        from the one it was built with; None: as the manifest says.

        The searcher is ready to answer when this returns: its speaker index is built here, and
        its reranker loaded (``reranker``, one already loaded, or the model in ``rerank_model``,
        default the bundled one; none when ``policy.rerank`` is off or the model is missing).
        """
        index_dir = Path(index_dir)
        manifest = read_manifest(index_dir)
        warn_if_built_by_another_pipeline(manifest, index_dir)
        wanted = canonical_model_name(model) if model else manifest.model
        if embedder is None:
            if wanted != manifest.model:
                # Let open_index give the clear mismatch message before loading a model.
                open_index(index_dir, expected_model=wanted, verify=False, search=False)
            embedder = load_embedder(wanted, backend)
        policy = policy or AnswerPolicy()
        if reranker is None and policy.rerank and policy.hybrid:
            reranker = load_reranker(rerank_model)
        loaded = open_index(
            index_dir,
            expected_model=embedder.name,
            expected_dimension=embedder.dim,
            store=parse_store(store) if store else None,
        )
        try:
            return cls(loaded, embedder, policy, reranker)
        except BaseException:
            loaded.close()
            raise

    def close(self) -> None:
        if self._workers is not None:
            self._workers.shutdown()
        self._index.close()

    # -- what the index is ------------------------------------------------------------------------

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
    def reranker(self) -> AnyReranker | None:
        """The reranker this searcher reranks with (None: the ranking alone)."""
        return self._answerer.reranker

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
        return self._retriever.hits_at(rows)

    # -- questions --------------------------------------------------------------------------------

    def sentences_before(self, hits: Sequence[Hit]) -> list[str]:
        """The sentence before each hit in its article ("" for an article's first)."""
        return self._retriever.sentences_before([h.row for h in hits])

    def read_question(self, question: str) -> str:
        """``question`` as the answer path reads it: a chatty opener and closer left out, a
        question word run together with its verb written out, its question mark, and, typed
        without capitals, the articles' capitals ("who is peskov thanks" -> "who is Peskov?")."""
        return self._parse([question])[0].text

    def search(self, question: str, k: int = 10) -> list[Hit]:
        """The ``k`` best sentences for ``question``, best first, each sentence text once."""
        return self.search_many([question], k)[0]

    def search_many(self, questions: Sequence[str], k: int = 10) -> list[list[Hit]]:
        """``search`` for several questions with one encode call (used to batch chats)."""
        queries = self._parse(questions)
        return self._retriever.search(queries, self._embedder.encode_queries([q.text for q in queries]), k)

    def answer(self, question: str) -> Answer:
        """What to show for ``question``: the best sentences, or a decline with the nearest."""
        return self.answer_many([question])[0]

    def answer_many(self, questions: Sequence[str]) -> list[Answer]:
        """``answer`` for several questions with one encode call, answered side by side (used to
        batch chats)."""
        queries = self._parse(questions)
        vectors = self._embedder.encode_queries([q.text for q in queries])
        index_hash = self.manifest.content_hash

        def answer(asked: tuple[Query, np.ndarray]) -> Answer:
            answered = replace(self._answerer.answer(*asked), index_hash=index_hash)
            if answered.declined and asked[0].suggested:  # "Did you mean “Smith” or “Smyth”?"
                answered = replace(answered, suggestions=asked[0].suggested)
            if asked[0].respelled:  # say what was read: "Read “Smtih” as “Smith”."
                note = respelled_note(asked[0].respelled)
                answered = replace(answered, note=f"{note} {answered.note}" if answered.note else note)
            return answered

        asked = list(zip(queries, vectors, strict=True))
        if self._workers is None or len(asked) < 2:
            return [answer(a) for a in asked]
        return list(self._workers.map(answer, asked))

    def candidates(self, question: str, depth: int) -> tuple[list[Hit], np.ndarray]:
        """The ranking's best ``depth`` hits for ``question`` and the feature reranker's features
        of each: what scripts/train_ltr.py learns from."""
        query = self._parse([question])[0]
        vector = self._embedder.encode_queries([query.text])[0]
        return self._answerer.candidates(query, vector, depth)

    def reranks(self, question: str) -> bool:
        """Whether answering ``question`` runs the reranker (see ``Answerer.reranks``); the bench
        loads the bot with such questions to measure what the reranker costs."""
        return self._answerer.reranks(self._parse([question])[0])

    def speakers_asked(self, question: str) -> list[str]:
        """The attributed speakers a "what did X say?" question asks about ([] for other questions)."""
        return self._speech.asked(self._parse([question])[0])[1]

    def speaker_index(self) -> SpeakerIndex:
        """Every attributed speaker of the index, as "what did X say?" questions match them (built at open)."""
        return self._speech.speakers

    def _parse(self, questions: Sequence[str]) -> list[Query]:
        """Each question read once for every stage (all of them first: a blank one raises before any
        work), a name typed with a typo read as the name the articles write (``_respelled``)."""
        tokenizer = self._tokenizers.get()
        return [self._respelled(parse_query(q, tokenizer, self._retriever.written_form), q) for q in questions]

    def _respelled(self, query: Query, question: str) -> Query:
        """``query`` read again with its names that no article holds written as the names they are
        typos of (spelling.py: every one of them, or none), and, in a question typed without
        capitals, each word neither an article nor the dictionary holds that is a typo of a name
        ("shermn"); remembering what was read. ``query`` itself when there is none to read."""
        if not (self.policy.hybrid and self.policy.check_words):
            return query
        retriever = self._retriever
        respelled: dict[str, str] = {}
        suggested: tuple[str, ...] = ()
        if query.names:
            names = unknown_names(query, retriever.lexical, lambda acronym: retriever.spelled_out(acronym, query))
            respelled = respellings(names, retriever.name_like)
            if names and not respelled:
                suggested = suggestions(names, retriever.names_close)
        if writes_no_names(question):
            vocabulary = retriever.lexical.vocabulary
            typed = [
                w.text
                for w in query.words
                if w.text.isalpha()
                and w.text.islower()
                and w.stem not in vocabulary
                and not retriever.is_dictionary_word(w.text)
            ]
            lowercase = lowercase_respellings(typed, retriever.name_like)
            if typed and not lowercase and not suggested:
                suggested = suggestions(typed, retriever.names_close)  # "who is smoth"
            respelled |= lowercase
        if not respelled:
            return replace(query, suggested=suggested) if suggested else query
        read = parse_query(respelled_text(query.text, respelled), self._tokenizers.get(), retriever.written_form)
        return replace(read, respelled=tuple(respelled.items()))


def warn_if_built_by_another_pipeline(manifest: Manifest, index_dir: Path) -> None:
    """Say so (a WARNING) when another version of the code split the index's articles.

    Its sentences, their speakers and their counted words are that version's until a rebuild
    (a question's words are this one's: "laid" meets "lay", "defence" "defense" only when both
    sides were counted by the same code). An index that records no pipeline (sentences written
    by ``build.write_index``, as the benchmark does) claims none and is not judged.
    """
    current = pipeline_version()
    if manifest.pipeline and manifest.pipeline != current:
        logger.warning(
            "The index at %s was built by another version of Verbatim (pipeline %s; this one is %s): "
            "its sentences, speakers and words stay that version's until it is rebuilt, "
            "e.g. verbatim-index --articles PATH --index %s (unchanged sentences keep their embeddings).",
            index_dir,
            manifest.pipeline,
            current,
            index_dir,
        )
