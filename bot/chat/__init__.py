"""What a message asks: the question in it, small talk, group filters, guards."""
