# Verbatim: `make run` (the bot, or the terminal chat without TELEGRAM_BOT_TOKEN) and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --quiet --disable-pip-version-check
STAMP := $(VENV)/.installed
ARTICLES ?= data/corpus
INDEX ?= $(or $(VERBATIM_INDEX),data/index)

.PHONY: run test install index rebuild eval bench soak lint clean train-reranker train-ltr retrain first-names

# torch goes first, pinned: 2.13.0 is the CPU build; anything else pulls a multi-GB CUDA build.
$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install torch==2.13.0
	$(PIP) install -e '.[dev,qdrant]'
	@touch $@

install: $(STAMP)

# Build the index of the bundled corpus when it is missing, the corpus changed or the indexing
# code did (an upgraded checkout): unchanged sentences keep their embeddings, so it is quick.
$(INDEX)/manifest.json: $(STAMP) $(wildcard $(ARTICLES)/*) $(wildcard index/*.py index/*/*.py)
	$(PY) scripts/build_index.py --articles $(ARTICLES) --index $(INDEX)

index: $(INDEX)/manifest.json

rebuild: $(STAMP)
	$(PY) scripts/build_index.py --articles $(ARTICLES) --index $(INDEX)

run: $(INDEX)/manifest.json
	VERBATIM_INDEX=$(INDEX) $(PY) -m bot

test: lint
	$(PY) -m pytest

# ruff (format and lint) and mypy; `make test` runs it first, so CI enforces it.
lint: $(STAMP)
	$(VENV)/bin/ruff format --check bot index scripts tests
	$(VENV)/bin/ruff check bot index scripts tests
	$(VENV)/bin/mypy

eval: $(INDEX)/manifest.json
	$(PY) scripts/evaluate.py --index $(INDEX) --qa ../shared/eval/seed_dev.jsonl

bench: $(STAMP)
	$(PY) scripts/bench.py

# Retrain the reranker in index/rerank_model/ (docs/RERANKER.md). RERANK_PAIRS: the
# folder of prepared pairs the card describes (fetched data, kept outside the repository).
RERANK_PAIRS ?= ../rerank-lab/data/pairs
TRAIN_STAMP := $(VENV)/.installed-train
$(TRAIN_STAMP): $(STAMP)
	$(PIP) install -e '.[dev,train]'
	@touch $@

# The cross-encoder the feature reranker reads (index/rerank_model/cross_encoder/): 40 to 60
# minutes on two otherwise idle cores (beside an index build a step takes four times as long, stop
# 42). Retrain the feature reranker after it (`make retrain` does both).
train-reranker: $(TRAIN_STAMP)
	HF_HUB_OFFLINE=1 nice -n 10 $(PY) scripts/train_reranker.py --extra $(RERANK_PAIRS) --out index/rerank_model/cross_encoder $(CE_ARGS)

# Retrain the feature reranker that ships (index/rerank_model/ltr.json, docs/RERANKER.md) from the
# same pairs folder; LTR_WORK keeps the corpora made of them, their indexes and candidate lists
# between runs (fetched data, kept outside the repository). About 20 minutes the first time.
LTR_WORK ?= ../data-ltr
train-ltr: $(TRAIN_STAMP)
	HF_HUB_OFFLINE=1 nice -n 10 $(PY) scripts/train_ltr.py --pairs $(RERANK_PAIRS) --work $(LTR_WORK) --out index/rerank_model --cross-encoder index/rerank_model/cross_encoder $(TRAIN_ARGS)

# Both models that ship, in order: the cross-encoder, then the feature reranker fitted to its scores.
retrain:
	$(MAKE) train-reranker
	$(MAKE) train-ltr

# The common American first names attribution knows (index/lexicon_data/census_first_names.tsv),
# rewritten from the US Census Bureau's 1990 lists that the `names` package (MIT) ships.
CENSUS_DIR ?= /tmp/verbatim-census
first-names: $(STAMP)
	rm -rf $(CENSUS_DIR) && mkdir -p $(CENSUS_DIR)
	$(PIP) download names==0.3.0 --no-deps --no-binary :all: -d $(CENSUS_DIR)
	tar -xzf $(CENSUS_DIR)/names-0.3.0.tar.gz -C $(CENSUS_DIR)
	$(PY) scripts/make_first_names.py --census $(CENSUS_DIR)/names-0.3.0/names

soak: $(STAMP)
	$(PY) -m pytest -m slow

clean:
	rm -rf $(VENV) data/index data/index.web-cache .pytest_cache
