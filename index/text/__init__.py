"""Text into sentences: splitting with character offsets, context for sentences that cannot stand alone."""
