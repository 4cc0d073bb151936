"""The index on disk: manifest and generations, FAISS, SQLite metadata, BM25 files, crash-safe writes."""
