"""Articles from the web: polite fetching, a disk cache with conditional requests, RSS/Atom feeds.

``gather_web`` (gather.py) turns ``WebSources`` into articles for a build; it never imports
``telegram`` and reaches the network only through fetch.py.
"""
