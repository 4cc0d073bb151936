"""Who said what: speech verbs, quotation spans, per-sentence claims, per-article speakers."""

from index.attribution.core import attribute

__all__ = ["attribute"]
