"""Training the answer-sentence reranker for index/rerank_model/ (scripts/train_reranker.py)."""
