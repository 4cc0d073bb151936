"""What a build computes for each article, and which version of that code computed it.

For each article: its sentences (sentences.py), who said them (attribution), the text matched
for each (context.py) and that text's BM25 words (lexical.py). A big build shares the articles
out to one worker process per core.

``PIPELINE_VERSION`` names what this code computes. A rebuild carries an unchanged article's
stored sentences, speakers and word counts over only when the live index was built with the same
version (and the same pysbd), so **bump it whenever a change alters any of those outputs**; a
change that alters none (a comment, a refactoring, a speed-up) keeps it, and the next rebuild
splits nothing again. tests/unit/test_build.py records what the sample article gives under the
current version and fails when the output changes without a new version.
"""

from __future__ import annotations

import multiprocessing
import re
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor

import pysbd

from index.attribution import attribute_article
from index.cpu import available_cores
from index.store.lexical import Tokenizer
from index.text.context import matching_texts
from index.text.sentences import split_article
from index.types import Article, Sentence

PIPELINE_VERSION = 179
# From this many new articles on, splitting is shared out to one worker process per core.
PARALLEL_SPLIT_ARTICLES = 400
SPLIT_CHUNKS_PER_WORKER = 8  # small enough pieces that the workers finish together
REGEX_CACHE_ENTRIES = 8192  # pysbd compiles about 2,300 distinct patterns on news text

# One article's sentences, their matching texts and those texts' BM25 tokens.
Splitting = tuple[list[Sentence], list[str], list[list[str]]]


def pipeline_version() -> str:
    """What an index's manifest records as the ``pipeline`` that split its articles."""
    return f"{PIPELINE_VERSION}+pysbd-{pysbd.__version__}"


def split_articles(articles: Sequence[Article], *, workers: int = 1) -> list[Splitting]:
    """(sentences, embedded texts, their BM25 tokens) of each article, in order, by ``workers`` processes.

    Splitting is pure Python: it holds the GIL, so threads cannot share it out; worker processes
    can, and they finish before the model starts (which wants every core to itself).
    """
    if workers < 2 or len(articles) < 2:
        return _split_chunk(articles)
    size = max(1, -(-len(articles) // (workers * SPLIT_CHUNKS_PER_WORKER)))
    chunks = [articles[i : i + size] for i in range(0, len(articles), size)]
    # fork where there is one: the children start at once and need no main-module guard in the
    # caller's script; they only run the splitter, never the model whose threads fork leaves behind.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_roomy_regex_cache) as pool:
        return [split for chunk in pool.map(_split_chunk, chunks) for split in chunk]


def split_workers(articles: int) -> int:
    """Worker processes worth starting for ``articles`` articles (1: split in this process)."""
    return 1 if articles < PARALLEL_SPLIT_ARTICLES else available_cores()


def _roomy_regex_cache() -> None:
    """Let a split worker keep every regex pysbd compiles.

    pysbd builds one pattern per abbreviation it meets and passes it to ``re`` as a string;
    there are more of them than ``re``'s 512-entry cache holds, so the worker spent over a third
    of its time recompiling them. A split worker is a process of its own that only splits, so
    widening its cache touches nothing else (the attribute is private; without it, nothing changes).
    """
    if isinstance(getattr(re, "_MAXCACHE", None), int):
        re._MAXCACHE = max(re._MAXCACHE, REGEX_CACHE_ENTRIES)  # type: ignore[attr-defined]


def _split_chunk(articles: Sequence[Article]) -> list[Splitting]:
    tokenizer = Tokenizer()
    out = []
    for article in articles:
        sentences = attribute_article(split_article(article), title=article.title, author=article.author)
        texts = matching_texts(sentences)
        out.append((sentences, texts, [tokenizer.tokens(t) for t in texts]))
    return out
