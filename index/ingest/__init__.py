"""Articles in: loaders for .txt/.md/.html/.jsonl, with web page leftovers dropped."""
