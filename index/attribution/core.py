"""The old import path of ``attribute``; new code imports from ``index.attribution``."""

from index.attribution import attribute, speech_lemma

__all__ = ["attribute", "speech_lemma"]
