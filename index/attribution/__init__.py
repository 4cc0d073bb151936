"""Who said what: speech verbs, quotation spans, per-sentence claims, per-article speakers."""
