"""Verbatim's index: articles -> sentences -> embeddings -> a FAISS store you can search."""
