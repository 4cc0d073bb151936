"""Public answer-sentence data → question-sentence pairs (what scripts/prepare_rerank_pairs.py writes).

Each reader yields plain dict rows {"question", "sentence", "label", "qid", "source",
"answerable", "hard", "before"}: "before" is the sentence before it in its paragraph or section
("" for the first; TrecQA's sentences have none), which a cross-encoder trained with
``train_reranker.py --context`` reads with it. Reading-comprehension paragraphs (SQuAD 2.0,
XQuAD) are split with pysbd, the splitter the index uses, so training sentences look like the
ones the reranker will see; the sentence where a gold answer starts is the positive. "hard" marks
the sentence holding a SQuAD 2.0 *plausible* answer to an unanswerable question: the on-topic
non-answer a reranker must learn to score low, and that declining depends on.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pysbd

from index.store.lexical import STOP_WORDS

Row = dict[str, Any]
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")

# Penn Treebank tokens in TREC's tokenised text, back to running text
_PTB = [
    (r"-LRB-", "("),
    (r"-RRB-", ")"),
    (r"-LSB-", "["),
    (r"-RSB-", "]"),
    (r"``", '"'),
    (r"''", '"'),
    (r" ([.,;:?!%)\]'])", r"\1"),
    (r"([(\[$]) ", r"\1"),
    (r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1"),
]


def normalise_question(text: str) -> str:
    """Lower case, punctuation to spaces: how questions are matched across datasets."""
    return re.sub(r"\W+", " ", text.lower()).strip()


def _read_json(path: Path) -> Any:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return json.load(f)


def sentence_spans(paragraph: str, segmenter: pysbd.Segmenter) -> list[tuple[int, int]]:
    """(start, end) of each sentence in order, found again in the paragraph (pysbd's offsets drift)."""
    spans, cursor = [], 0
    for segment in segmenter.segment(paragraph):
        text = segment.sent.strip()
        start = paragraph.find(text, cursor) if text else -1
        if start >= 0:
            spans.append((start, start + len(text)))
            cursor = start + len(text)
    return spans


def sentence_at(spans: list[tuple[int, int]], offset: int) -> int | None:
    """The sentence an answer starting at ``offset`` is in (or, between sentences, the next one)."""
    for i, (start, end) in enumerate(spans):
        if start <= offset < end or (i == 0 and offset < start):
            return i
    return next((i for i, (start, _) in enumerate(spans) if start >= offset), None)


def squad_pairs(path: Path, source: str) -> Iterator[Row]:
    """SQuAD-format JSON (SQuAD 2.0, XQuAD): every sentence of the paragraph, per question."""
    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    for article in _read_json(path)["data"]:
        for paragraph in article["paragraphs"]:
            context = paragraph["context"]
            spans = sentence_spans(context, segmenter)
            for qa in paragraph["qas"]:
                impossible = bool(qa.get("is_impossible", False))
                gold = {sentence_at(spans, a["answer_start"]) for a in qa.get("answers", [])} - {None}
                plausible = {sentence_at(spans, a["answer_start"]) for a in qa.get("plausible_answers", [])}
                if not impossible and not gold:
                    continue
                for i, (start, end) in enumerate(spans):
                    yield {
                        "question": qa["question"].strip(),
                        "sentence": context[start:end],
                        "label": int(i in gold),
                        "qid": f"{source}:{qa['id']}",
                        "source": source,
                        "answerable": not impossible,
                        "hard": impossible and i in plausible,
                        "before": context[spans[i - 1][0] : spans[i - 1][1]] if i else "",
                    }


def content_words(text: str) -> frozenset[str]:
    """The lower-cased words of ``text`` that are not stop words."""
    return frozenset(w for w in _WORD.findall(text.casefold()) if w not in STOP_WORDS)


def squad_article_negatives(path: Path, source: str, per_question: int = 2, least: int = 2) -> Iterator[Row]:
    """For each answerable question of SQuAD-format JSON, the ``per_question`` sentences of the
    *other* paragraphs of its article that share the most words with it (at least ``least``) and
    hold none of its answers: negatives marked "hard", under the question's own qid.

    They are what a news collection is full of and a paragraph's other sentences seldom are: a
    sentence about the very thing asked, in the question's words, without what is asked (a
    story's lede restating its event). Unanswerable questions get none (their answer may stand in
    another paragraph)."""
    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    for article in _read_json(path)["data"]:
        paragraphs = [
            [p["context"][a:b] for a, b in sentence_spans(p["context"], segmenter)] for p in article["paragraphs"]
        ]
        # Each sentence read once per article, not once per question: (paragraph, position,
        # text, folded text, content words).
        read = [
            (n, i, sentence, sentence.casefold(), content_words(sentence))
            for n, sentences in enumerate(paragraphs)
            for i, sentence in enumerate(sentences)
        ]
        for at, paragraph in enumerate(article["paragraphs"]):
            for qa in paragraph["qas"]:
                answers = [a["text"].casefold() for a in qa.get("answers", []) if a["text"].strip()]
                if qa.get("is_impossible", False) or not answers:
                    continue
                asked = content_words(qa["question"])
                scored = [
                    (len(asked & words), n, i, sentence)
                    for n, i, sentence, folded, words in read
                    if n != at and not any(answer in folded for answer in answers)
                ]
                scored.sort(key=lambda row: (-row[0], row[1], row[2]))
                for shared, n, i, sentence in scored[:per_question]:
                    if shared < least:
                        break
                    yield {
                        "question": qa["question"].strip(),
                        "sentence": sentence,
                        "label": 0,
                        "qid": f"{source}:{qa['id']}",
                        "source": source,
                        "answerable": True,
                        "hard": True,
                        "before": paragraphs[n][i - 1] if i else "",
                    }


def selqa_pairs(path: Path, source: str) -> Iterator[Row]:
    """SelQA answer-sentence selection JSON: candidates and the indexes of the answering ones."""
    for n, q in enumerate(_read_json(path)):
        answers = set(q["answers"])
        candidates = q["candidates"]  # the sentences of one section, in order
        for i, sentence in enumerate(candidates):
            yield {
                "question": q["question"].strip(),
                "sentence": sentence.strip(),
                "label": int(i in answers),
                "qid": f"{source}:{n}",
                "source": source,
                "answerable": bool(answers),
                "hard": False,
                "before": candidates[i - 1].strip() if i else "",
            }


def detokenise(text: str) -> str:
    for pattern, replacement in _PTB:
        text = re.sub(pattern, replacement, text)
    return text.strip()


def _tagged_blocks(path: Path, tag: str) -> dict[int, list[str]]:
    """jacana's POSInput files: ``<Q 12 >`` ... ``</Q>`` blocks of one question or sentence a line."""
    blocks: dict[int, list[str]] = {}
    current: int | None = None
    with gzip.open(path, "rt", encoding="utf-8", errors="replace") as f:
        for raw in f:
            line = raw.rstrip("\n")
            opening = re.match(rf"<{tag} (\d+) >", line)
            if opening:
                current = int(opening.group(1))
                blocks[current] = []
            elif line.startswith(f"</{tag}>"):
                current = None
            elif current is not None and line.strip():
                blocks[current].append(line)
    return blocks


# The SQuAD-format files: SQuAD 2.0 dev (CS224N's copy) and XQuAD's English half, read by
# prepare_rerank_pairs.py for pairs and by scripts/ltrkit/articles.py for article corpora.
SQUAD2_FILE = "squad2_cs224n_dev.json.gz"
XQUAD_FILE = "xquad_en.json.gz"


# The three jacana POSInput files of TrecQA TRAIN-ALL that ``trecqa_trainall_pairs`` reads from RAW.
TRECQA_TRAINALL_FILES = (
    "trecqa_trainall_Question.POSInput.gz",
    "trecqa_trainall_Positive-M.POSInput.gz",
    "trecqa_trainall_Negative-M.POSInput.gz",
)


def trecqa_trainall_pairs(raw: Path, source: str, held_out: set[str]) -> Iterator[Row]:
    """TrecQA train-all (jacana's Train1-2393): questions with both a positive and a negative, not held out."""
    question_file, positive_file, negative_file = TRECQA_TRAINALL_FILES
    questions = _tagged_blocks(raw / question_file, "Q")
    positives = _tagged_blocks(raw / positive_file, "A")
    negatives = _tagged_blocks(raw / negative_file, "A")
    for n, lines in questions.items():
        question = detokenise(" ".join(lines))
        if normalise_question(question) in held_out or not positives.get(n) or not negatives.get(n):
            continue
        for label, block in ((1, positives[n]), (0, negatives[n])):
            for sentence in block:
                yield {
                    "question": question,
                    "sentence": detokenise(sentence),
                    "label": label,
                    "qid": f"{source}:{n}",
                    "source": source,
                    "answerable": True,
                    "hard": False,
                }
