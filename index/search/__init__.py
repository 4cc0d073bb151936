"""Questions in, sentences out: retrieval, ranking, speech questions, speakers, declining, the Searcher facade."""
