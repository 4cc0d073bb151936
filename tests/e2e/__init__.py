"""Bot tests: the real Application in this process against the fake Bot API on 127.0.0.1."""
