"""The live searcher: batching questions, reloading a rebuilt index."""
