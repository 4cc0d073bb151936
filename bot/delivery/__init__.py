"""Every update answered once: the state file, redelivery, the retrying transport."""
