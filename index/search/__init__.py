"""Questions in, sentences out. One job a module:

* searcher.py: ``Searcher``, the facade (open an index, search, answer, the metadata the bot shows);
* query.py: a question parsed once into a ``Query`` every stage reads;
* retrieval.py: dense (FAISS) and BM25 candidates scored together, row and article caches;
* ranking.py: the fused score of a candidate sentence (``Weights``);
* hits.py: stored sentences made into ``Hit``s, the same (or a nearly the same) sentence in several articles folded;
* feature_rerank.py: an ordinary question's best hits scored by the feature reranker (index/rerank/);
* rerank_features.py: what the feature reranker reads about each hit (pure functions);
* reranking.py: an ordinary question's best hits reordered by a cross-encoder (index/rerank/);
* answering.py: the speech route or the ranking, then show or decline; the mentions fallback;
* decline.py: when the articles do not cover a question (and the threshold's calibration);
* speech_answer.py: "what did X say?": the speakers asked about, their quotes, their order;
* speech.py: reading the "what did X say?" form of a question;
* speakers.py: which attributed speakers a name means (typos, titles);
* policy.py: ``AnswerPolicy``, how many hits to show and when to decline;
* memo.py: ``BoundedMemo``, what a searcher remembers about an index that never changes.
"""
