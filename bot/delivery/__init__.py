"""Every update answered once, every reply delivered: the state file, redelivery after a kill,
retries of outgoing calls, and the getUpdates transport (saving batches, noticing a revoked token)."""
