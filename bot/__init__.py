"""Verbatim's chat side: the Telegram bot and the terminal chat, answering from ``index``.

Subpackages: ``telegram`` (the Application and its handlers), ``render`` (pure rendering),
``chat`` (what a message asks, and who may ask), ``runtime`` (the live searcher), ``delivery``
(every update answered once, every reply delivered). At the top: settings, logging, the
terminal chat, exit statuses and ``python -m bot``.
"""
