"""Process tests: real processes (the bot, builds, scripts), killed, restarted and timed out."""
