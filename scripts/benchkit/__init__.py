"""The pieces behind ``scripts/bench.py``: synthetic corpora, measurements, the bot under load.

Not part of the installed product: ``scripts/bench.py`` puts the project root on ``sys.path``
and imports it as ``scripts.benchkit``, as the tests do.
"""
