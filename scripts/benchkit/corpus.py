"""Reproducible synthetic corpora for the bench: real sentences recombined, and vectors for them.

The pool of real sentences is the sample corpus, plus TrecQA's news sentences (detokenised)
when ``../shared`` is here. A synthetic sentence joins the first part of one pool sentence to
the second part of another (a *splice*), so words, lengths and punctuation are real while each
text is new; the same seed always gives the same corpus.

Splices keep no attribution (the bench writes their sentences without running the attribution
over them), so ``with_speakers`` gives a corpus a reproducible cast of invented speakers: one
distinct speaker per ``SENTENCES_PER_SPEAKER`` sentences and one attributed sentence per
``SENTENCES_PER_QUOTE`` (about what attribution finds in real splices: 1,010 attributed
sentences and 410 speakers in 10^4), a few speakers quoted often and most once or twice.

Encoding 10^6 sentences would take hours on a small machine, so for the large sizes the bench
gives each splice an *approximate vector* instead: the normalised sum of its two parents' real
embeddings plus noise drawn from the pool embeddings' own covariance (so the noise stays in the
directions real sentences vary in), renormalised. Every vector is distinct and the corpus keeps
the cluster structure of real embeddings, which is what makes an ANN recall figure meaningful.
"""

from __future__ import annotations

import csv
import itertools
import json
import random
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from index.ingest.loaders import load_articles
from index.search.speakers import SpeakerIndex
from index.text.sentences import split_article
from index.types import PARAGRAPH_SEPARATOR, Article, Sentence

# Scale of the covariance noise added to approximate vectors. Calibrated once against real
# encodings of 2,000 splices: with it, an approximate vector sits as far from its parents' mean
# as a real encoding of the same splice does (mean cosine to that mean: about 0.73 for both).
NOISE_SCALE = 0.95
# TrecQA writes every number as <num>; these stand in for them, in turn.
_NUMBERS = ("12", "3", "1994", "40", "7.5", "250", "2", "18")

_DETOKENISE = (
    (re.compile(r"-LRB-\s*"), "("),
    (re.compile(r"\s*-RRB-"), ")"),
    (re.compile(r"-LSB-\s*"), "["),
    (re.compile(r"\s*-RSB-"), "]"),
    (re.compile(r"``\s*"), "“"),
    (re.compile(r"\s*''"), "”"),
    (re.compile(r"\s+([,.;:?!%])"), r"\1"),
    (re.compile(r"\s+(n't|'s|'re|'ve|'ll|'d|'m)\b"), r"\1"),
    (re.compile(r"\$\s+"), "$"),
)


def detokenise(text: str) -> str:
    """TrecQA's tokenised text (``-LRB-``, `` `` ``, ``<num>``, spaces before commas) as prose."""
    numbers = itertools.cycle(_NUMBERS)
    text = re.sub(r"<num>", lambda _: next(numbers), text)
    for pattern, replacement in _DETOKENISE:
        text = pattern.sub(replacement, text)
    return " ".join(text.split())


@dataclass(frozen=True)
class Pool:
    """The real sentences and questions every synthetic corpus is made from."""

    sentences: tuple[str, ...]
    questions: tuple[str, ...]
    source: str  # where they came from, for the bench's notes


def load_pool(sample_corpus: Path, shared: Path | None) -> Pool:
    """Sentences of the sample corpus (+ TrecQA's when ``shared`` holds it) and real questions."""
    sentences: dict[str, None] = {}
    for article in load_articles(sample_corpus).articles:
        for sentence in split_article(article):
            sentences.setdefault(sentence.text)
    questions: dict[str, None] = {}
    source = f"{len(sentences)} sentences of {sample_corpus.name}"
    seed_dev = shared / "eval" / "seed_dev.jsonl" if shared else None
    if seed_dev is not None and seed_dev.is_file():
        for line in seed_dev.read_text(encoding="utf-8").splitlines():
            if line.strip():
                questions.setdefault(json.loads(line)["question"])
    trecqa = shared / "eval" / "trecqa" if shared else None
    if trecqa is not None and trecqa.is_dir():
        before = len(sentences)
        for split in ("train", "dev"):
            path = trecqa / f"{split}.csv"
            if not path.is_file():
                continue
            with open(path, newline="", encoding="utf-8") as handle:
                for row in csv.DictReader(handle):
                    text = detokenise(row["atext"])
                    if len(text.split()) >= 6:
                        sentences.setdefault(text)
                    questions.setdefault(detokenise(row["qtext"]))
        source += f" + {len(sentences) - before} TrecQA news sentences"
    else:
        source += " (../shared/eval/trecqa is absent: a small pool, so splices repeat parents more often)"
    if not questions:
        questions.update(dict.fromkeys(_FALLBACK_QUESTIONS))
    return Pool(tuple(sentences), tuple(questions), source)


_FALLBACK_QUESTIONS = (
    "what did Peskov say?",
    "Where is NATO headquartered?",
    "How many troops are near the Ukrainian border?",
    "When is the OSCE meeting?",
    "What did Wendy Sherman say about the talks?",
    "Who leads the U.S. delegation?",
)


@dataclass(frozen=True)
class Splice:
    """A synthetic sentence: the start of pool sentence ``first`` + the end of ``second``."""

    text: str
    first: int
    second: int


def splices(pool: Sequence[str], n: int, seed: int) -> list[Splice]:
    """``n`` distinct splices of ``pool`` sentences, the same for the same ``seed``."""
    words = [s.split() for s in pool]
    usable = [i for i, w in enumerate(words) if len(w) >= 4]
    if len(usable) < 2:
        raise ValueError("the sentence pool is too small to make synthetic sentences")
    rng = random.Random(seed)
    seen: set[str] = set()
    out: list[Splice] = []
    attempts = 0
    while len(out) < n:
        attempts += 1
        if attempts > 20 * n + 1000:
            raise ValueError(f"cannot make {n} distinct sentences from a pool of {len(usable)}")
        a, b = rng.choice(usable), rng.choice(usable)
        head, tail = words[a], words[b]
        cut_a = max(2, min(len(head) - 1, len(head) // 2 + rng.randint(-2, 2)))
        cut_b = max(1, min(len(tail) - 2, len(tail) // 2 + rng.randint(-2, 2)))
        joined = head[:cut_a] + tail[cut_b:]
        text = " ".join(joined)
        text = text[0].upper() + text[1:]
        if text[-1] not in ".!?”\"'":
            text += "."
        if text in seen:
            continue
        seen.add(text)
        out.append(Splice(text, a, b))
    return out


@dataclass(frozen=True)
class SyntheticCorpus:
    """Articles made of splices, and the sentences they hold (row order = splice order)."""

    articles: tuple[Article, ...]
    sentences: tuple[Sentence, ...]


def synthetic_corpus(parts: Sequence[Splice], seed: int, prefix: str = "syn") -> SyntheticCorpus:
    """Group splices into articles of 3-7 sentences, paragraphs of 1-2 sentences.

    ``sentences`` are what a perfect splitter would return (one per splice, exact offsets), so a
    corpus can be indexed without running the splitter over a million sentences.
    """
    rng = random.Random(seed)
    articles: list[Article] = []
    sentences: list[Sentence] = []
    cursor = 0
    number = 0
    while cursor < len(parts):
        size = min(rng.randint(3, 7), len(parts) - cursor)
        chunk = parts[cursor : cursor + size]
        cursor += size
        article_id = f"{prefix}-{number:07d}"
        number += 1
        paragraphs: list[list[str]] = []
        for part in chunk:
            if paragraphs and len(paragraphs[-1]) < 2 and rng.random() < 0.4:
                paragraphs[-1].append(part.text)
            else:
                paragraphs.append([part.text])
        offset = 0
        position = 0
        for p_index, paragraph in enumerate(paragraphs):
            start = offset
            for text in paragraph:
                sentences.append(Sentence(article_id, p_index, position, start, start + len(text), text))
                position += 1
                start += len(text) + 1
            offset += len(" ".join(paragraph)) + len(PARAGRAPH_SEPARATOR)
        title = " ".join(chunk[0].text.split()[:7]).rstrip(",;:")
        articles.append(
            Article(
                id=article_id,
                title=f"{title} ({article_id})",
                paragraphs=tuple(" ".join(p) for p in paragraphs),
                source=f"synthetic:{article_id}",
                url=f"https://example.org/{article_id}",
                published="2022-01-12",
            )
        )
    return SyntheticCorpus(tuple(articles), tuple(sentences))


def write_txt_folder(articles: Sequence[Article], folder: Path) -> None:
    """One ``ID.txt`` per article (title line, then blank-line-separated paragraphs)."""
    folder.mkdir(parents=True, exist_ok=True)
    for article in articles:
        (folder / f"{article.id}.txt").write_text(article_text_file(article), encoding="utf-8")


def article_text_file(article: Article) -> str:
    return article.title + "\n\n" + PARAGRAPH_SEPARATOR.join(article.paragraphs) + "\n"


def covariance_factor(pool_vectors: np.ndarray) -> np.ndarray:
    """``L`` with ``L @ L.T`` = the covariance of the pool embeddings (d x d)."""
    centred = pool_vectors - pool_vectors.mean(axis=0, keepdims=True)
    covariance = centred.T @ centred / max(1, len(pool_vectors) - 1)
    values, vectors = np.linalg.eigh(covariance.astype(np.float64))
    return (vectors * np.sqrt(np.clip(values, 0.0, None))).astype(np.float32)


def approximate_vectors(
    parts: Sequence[Splice], pool_vectors: np.ndarray, seed: int, noise: float = NOISE_SCALE, chunk: int = 65_536
) -> Iterator[np.ndarray]:
    """Approximate embeddings of ``parts``, in chunks of rows (unit length, float32)."""
    factor = covariance_factor(pool_vectors)
    dim = pool_vectors.shape[1]
    rng = np.random.default_rng(seed)
    for start in range(0, len(parts), chunk):
        block = parts[start : start + chunk]
        first = np.fromiter((p.first for p in block), dtype=np.int64, count=len(block))
        second = np.fromiter((p.second for p in block), dtype=np.int64, count=len(block))
        mean = pool_vectors[first] + pool_vectors[second]
        mean /= np.linalg.norm(mean, axis=1, keepdims=True) + 1e-12
        jitter = rng.standard_normal((len(block), dim), dtype=np.float32) @ factor.T
        rows = mean + noise * jitter
        rows /= np.linalg.norm(rows, axis=1, keepdims=True) + 1e-12
        yield rows.astype(np.float32, copy=False)


# One distinct speaker per this many sentences, one attributed sentence per that many: at 10^6
# sentences, 50,000 speakers and 100,000 quotes, as a large news corpus has.
SENTENCES_PER_SPEAKER = 20
SENTENCES_PER_QUOTE = 10
_FIRST_NAMES = (
    "Anna",
    "Dmitry",
    "Julianne",
    "Wendy",
    "Sergei",
    "Olena",
    "Maria",
    "José",
    "Li",
    "Jens",
    "Fatima",
    "Ahmed",
    "Emmanuel",
    "Ursula",
    "Kaja",
    "Antony",
    "Yuki",
    "Priya",
    "Olaf",
    "Mette",
    "Andrzej",
    "Zoran",
    "Ines",
    "Tomás",
    "Hannah",
    "Omar",
    "Giorgia",
    "Mark",
    "Nadia",
    "Viktor",
    "Chen",
    "Amara",
    "Pedro",
    "Elena",
    "Kwame",
    "Sanna",
)
_SYLLABLES = (
    "ko",
    "va",
    "len",
    "mir",
    "sa",
    "dor",
    "bek",
    "ta",
    "rin",
    "go",
    "lo",
    "vich",
    "ber",
    "ga",
    "ni",
    "mon",
    "ska",
    "tel",
    "ra",
    "dan",
    "ho",
    "wel",
    "zu",
    "ki",
    "ler",
    "an",
    "son",
    "ma",
    "ru",
    "pet",
    "sky",
    "lin",
    "ov",
    "ez",
)
_BODIES = ("Foreign Ministry", "Defence Ministry", "Health Ministry", "Interior Ministry", "Central Bank", "Army")


def speaker_names(count: int, seed: int, avoid: Iterable[str] = ()) -> list[str]:
    """``count`` distinct invented speakers (people, a few institutions), the same for ``seed``.

    None of them is what a name in ``avoid`` would match (``SpeakerIndex`` rules), so that the
    bench's own "what did X say?" questions about real people are answered as before.
    """
    rng = random.Random(seed)
    avoid = [name for name in avoid if name]
    names: dict[str, None] = {}
    while len(names) < count:
        while len(names) < count:
            surname = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
            roll = rng.random()
            if roll < 0.85:
                names.setdefault(f"{rng.choice(_FIRST_NAMES)} {surname}")
            elif roll < 0.95:
                names.setdefault(f"{rng.choice(_FIRST_NAMES)} {rng.choice(_FIRST_NAMES)} {surname}")
            else:
                names.setdefault(f"{surname}’s {rng.choice(_BODIES)}")
        index = SpeakerIndex(names)
        for name in avoid:
            for taken in index.match(name):
                del names[taken]
    return list(names)


def with_speakers(corpus: SyntheticCorpus, seed: int, avoid: Iterable[str] = ()) -> SyntheticCorpus:
    """``corpus`` with invented speakers on some sentences (rates above), the same for ``seed``.

    Every speaker has at least one sentence; the other quotes go to speakers with Zipf-like
    odds (the k-th speaker 1/k), so a few are quoted often. Texts are unchanged.
    """
    total = len(corpus.sentences)
    cast = speaker_names(max(1, total // SENTENCES_PER_SPEAKER), seed, avoid) if total else []
    quoted = min(total, max(len(cast), total // SENTENCES_PER_QUOTE))
    rng = random.Random(seed)
    rows = rng.sample(range(total), quoted)
    popular = rng.choices(
        range(len(cast)),
        cum_weights=list(itertools.accumulate(1 / (k + 1) for k in range(len(cast)))),
        k=quoted - len(cast),
    )
    sentences = list(corpus.sentences)
    for row, who in zip(rows, [*range(len(cast)), *popular], strict=False):
        sentences[row] = replace(sentences[row], speaker=cast[who], verb="say")
    return SyntheticCorpus(corpus.articles, tuple(sentences))
