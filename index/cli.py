"""``verbatim-index`` / ``scripts/build_index.py``: build or rebuild an index from articles."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from index.build import BuildReport, build_index
from index.embedding.loader import load_embedder, quiet_model_loading
from index.embedding.models import BACKENDS, DEFAULT_MODEL, resolve_backend
from index.errors import VerbatimError
from index.store.faiss_index import INDEX_TYPES
from index.store.locations import EXAMPLES, parse_store
from index.store.manifest import DEFAULT_INDEX
from index.web.fetch import FetchError, check_scheme
from index.web.sources import WebSources


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="verbatim-index",
        description="Build (or rebuild) a Verbatim index from a file or folder of articles "
        "(.txt, .md, .html, .jsonl), web pages and RSS/Atom feeds. Unchanged sentences keep their embeddings; "
        "fetched pages are cached beside the index and fetched again only when they changed.",
    )
    p.add_argument("--articles", type=Path, help="a file or folder of articles (optional with --url/--urls/--feed)")
    p.add_argument(
        "--url", action="append", default=[], type=web_address, metavar="URL", help="a web page to index (repeatable)"
    )
    p.add_argument(
        "--urls",
        type=Path,
        metavar="FILE",
        help="a file of web page URLs, one a line (# comments and blank lines ignored)",
    )
    p.add_argument(
        "--feed",
        action="append",
        default=[],
        type=web_address,
        metavar="URL",
        help="an RSS or Atom feed whose entries' pages to index (repeatable)",
    )
    p.add_argument(
        "--index",
        type=Path,
        default=Path(os.environ.get("VERBATIM_INDEX") or DEFAULT_INDEX),
        help="the index directory to write (default: $VERBATIM_INDEX or %(default)s)",
    )
    p.add_argument(
        "--model",
        default=os.environ.get("VERBATIM_MODEL") or DEFAULT_MODEL,
        help="any sentence-transformers model name or local path (default: $VERBATIM_MODEL or the bundled all-MiniLM-L6-v2)",
    )
    p.add_argument(
        "--backend",
        choices=BACKENDS,
        default=os.environ.get("VERBATIM_BACKEND", "auto"),
        help="encoder: auto (the default: the int8 ONNX model for the bundled model when installed, else torch), "
        "torch (sentence-transformers) or onnx ($VERBATIM_BACKEND)",
    )
    p.add_argument("--index-type", choices=INDEX_TYPES, default="auto", help="FAISS index kind (default: by size)")
    p.add_argument(
        "--store",
        default=os.environ.get("VERBATIM_STORE", ""),
        help=f"where the vectors are searched: unset for FAISS in the index directory, or {EXAMPLES} "
        "(default: $VERBATIM_STORE)",
    )
    p.add_argument("--full", action="store_true", help="re-embed every sentence instead of reusing unchanged ones")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    return p


def web_address(text: str) -> str:
    """An http(s) URL from the command line, or an argparse error saying what is wrong."""
    url = text.strip()
    try:
        check_scheme(url)
    except FetchError as exc:
        raise argparse.ArgumentTypeError(f"{text!r}: {exc}") from None
    return url


def read_url_file(path: Path) -> tuple[str, ...]:
    """The URLs of a --urls file: one a line, blank lines and # comments ignored."""
    urls = []
    for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):  # only whole-line comments: a URL may hold a #fragment
            continue
        try:
            urls.append(web_address(line))
        except argparse.ArgumentTypeError as exc:
            raise argparse.ArgumentTypeError(f"{path} line {number}: {exc}") from None
    return tuple(urls)


def summary(report: BuildReport, index_dir: Path) -> str:
    web = f"; {report.fetched} pages fetched, {report.cached} from the cache" if report.fetched or report.cached else ""
    return (
        f"Indexed {report.articles} article{'s' * (report.articles != 1)}, "
        f"{report.sentences} sentences in {report.seconds:.1f} s "
        f"({report.sentences_per_second:.0f} sentences/s); "
        f"{report.encoded} embedded, {report.reused} reused{web}; "
        f"{report.manifest.index_type} index at {index_dir}" + _store_summary(report.manifest.params) + _resplit(report)
    )


def _resplit(report: BuildReport) -> str:
    """Why every article was split again, when the index replaced was split by other code."""
    if report.previous_pipeline is None:
        return ""
    built_by = f"pipeline {report.previous_pipeline}" if report.previous_pipeline else "no recorded pipeline"
    return (
        f"; every article split again: the index was built by another version of Verbatim ({built_by}; "
        f"this one is {report.manifest.pipeline})"
    )


def _store_summary(params: dict[str, object]) -> str:
    """For a Qdrant store: where, and how many points this build wrote and hid."""
    if "store" not in params:
        return ""
    return f" ({params['store']}: {params.get('written', 0)} points written, {params.get('hidden', 0)} hidden)"


def main(argv: Sequence[str] | None = None) -> int:
    p = parser()
    args = p.parse_args(argv)
    urls = list(args.url)
    if args.urls is not None:
        try:
            urls.extend(read_url_file(args.urls))
        except OSError as exc:
            p.error(f"--urls {args.urls}: cannot be read ({exc.strerror or exc})")
        except argparse.ArgumentTypeError as exc:
            p.error(f"--urls {exc}")
    web = WebSources(urls=tuple(urls), feeds=tuple(args.feed))
    if args.articles is None and web.empty:
        p.error("nothing to index: give --articles PATH, --url URL, --urls FILE or --feed URL")
    if not web.empty and not logging.getLogger().handlers:
        # Fetch warnings (a page kept from the cache) and progress lines go to stderr.
        logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
        logging.getLogger("httpx").setLevel(logging.WARNING)
    backend = resolve_backend(args.model, args.backend)
    if (args.quiet or not sys.stderr.isatty()) and backend == "torch":  # onnx never imports transformers
        quiet_model_loading()
    try:
        store = parse_store(args.store)
        embedder = load_embedder(args.model, backend)
        report = build_index(
            args.articles,
            args.index,
            embedder,
            web=None if web.empty else web,
            full=args.full,
            index_type=args.index_type,
            progress=not args.quiet and sys.stderr.isatty(),
            store=store,
        )
    except VerbatimError as exc:
        print(f"verbatim-index: {exc}", file=sys.stderr)
        return 1
    for problem in report.problems:
        print(f"skipped {problem.path}: {problem.message}", file=sys.stderr)
    for path in report.skipped:
        print(f"ignored {path}: not a .txt, .md, .html or .jsonl file", file=sys.stderr)
    for feed in report.feeds:
        state = f"error: {feed.error}" if feed.error else "read"
        print(f"feed {feed.url}: {feed.articles} articles indexed ({state})", file=sys.stderr)
    print(summary(report, args.index))
    return 0


if __name__ == "__main__":
    sys.exit(main())
