"""The pieces behind ``scripts/bench.py``: synthetic corpora, measurements, the bot under load.

Not part of the installed product: the bench script puts the project root on ``sys.path``.
"""
