"""Verbatim's Telegram side: settings, replies, handlers, the application and the terminal chat."""
