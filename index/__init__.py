"""Verbatim's index: articles in, sentences with their sources out.

The names below are the package's public face, the only ones ``bot/`` imports. Inside
``index/`` modules import each other by their full paths (never from this file).
"""

from index.build import BuildReport, build_index
from index.embedding.loader import load_embedder, quiet_model_loading
from index.embedding.models import BACKENDS, Embedder, canonical_model_name
from index.errors import EmptyQuestionError, VerbatimError
from index.search.searcher import AnswerPolicy, Searcher
from index.store.durable import write_atomically
from index.store.manifest import DEFAULT_INDEX, Manifest, manifest_stamp, read_manifest
from index.store.metadata import StoredArticle
from index.types import PARAGRAPH_SEPARATOR, Answer, Article, Hit, Sentence, Source
from index.web.cache import default_cache_dir
from index.web.sources import FeedStatus, WebSources

__all__ = [
    "BACKENDS",
    "DEFAULT_INDEX",
    "PARAGRAPH_SEPARATOR",
    "Answer",
    "AnswerPolicy",
    "Article",
    "BuildReport",
    "Embedder",
    "EmptyQuestionError",
    "FeedStatus",
    "Hit",
    "Manifest",
    "Searcher",
    "Sentence",
    "Source",
    "StoredArticle",
    "VerbatimError",
    "WebSources",
    "build_index",
    "canonical_model_name",
    "default_cache_dir",
    "load_embedder",
    "manifest_stamp",
    "quiet_model_loading",
    "read_manifest",
    "write_atomically",
]
