"""Unit tests: one module or path in-process, with real FAISS indexes and the real model; no HTTP."""
