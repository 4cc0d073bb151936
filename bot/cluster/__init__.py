"""State webhook replicas share in Redis: the update stream, rate limits, the sending budget."""
