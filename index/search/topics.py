"""Questions that name a topic and ask for nothing in particular about it: pure functions.

"What happened in Geneva?", "Tell me about Peskov", "What is the latest on Ukraine?", "What are
the talks about?" ask for what the articles say about Geneva, Peskov, Ukraine, the talks. No
one sentence is *the* answer: the reranker, trained on questions whose answer is a figure, a
date or a name, found every sentence of the sample article under 17% likely to answer them, and
each was declined though the article is about little else. Such a question is a search for its
topic (query.py reads it as one): the sentences holding the topic's words, best by the ranking,
as for "Geneva" typed alone; a topic no article mentions is still declined ("What happened in
Paris?").
"""

from __future__ import annotations

import re

_ON = r"(?:in|at|to|with|on|during|over|inside|between|regarding|about|from)"
_TOPIC = r"(?P<topic>[^?!.]+?)"
_END = r"\s*[?!.]*$"
_PATTERNS = tuple(
    re.compile(pattern + _END, re.IGNORECASE)
    for pattern in (
        # "What happened in Geneva?", "What's going on with NATO?", "What has happened to Navalny?"
        rf"^what(?:'s|’s|s|\s+is|\s+was|\s+has|\s+had)?\s+(?:happened|happening|happens|going\s+on|been\s+going\s+on)\s+{_ON}\s+{_TOPIC}",
        # "Tell me about Peskov", "Tell me more about the talks", "Show me about ..."
        rf"^(?:please\s+)?(?:tell|show)\s+me\s+(?:more\s+|something\s+|everything\s+)?about\s+{_TOPIC}",
        # "What about Ryabkov?", "And what about Ukraine?"
        rf"^(?:and\s+|so\s+)?what\s+about\s+{_TOPIC}",
        # "What do you know about Peskov?", "What do the articles say about the talks?"
        rf"^what\s+do\s+(?:you|we|the\s+articles|the\s+stories|the\s+news)\s+(?:know|have|say|tell)\s+(?:me\s+)?about\s+{_TOPIC}",
        # "What is the latest on Ukraine?", "Any news on the talks?", "What's new with NATO?"
        rf"^(?:any|what(?:'s|’s|s|\s+is|\s+are)?(?:\s+the)?)\s+(?:news|latest|new|updates?)\s+{_ON}\s+{_TOPIC}",
        # "What are the talks about?", "What was the meeting about?"
        rf"^what\s+(?:is|are|was|were)\s+{_TOPIC}\s+about",
    )
)
# The most words a topic has ("the NATO-Russia Council talks in Brussels"): a longer one is a
# question of its own ("What about the troops Russia has massed near the border since November?").
MAX_TOPIC_WORDS = 6


def topic_of(question: str) -> str | None:
    """The topic ``question`` asks about when it asks for nothing in particular about it ("What
    happened in Geneva?" -> "Geneva"), else None."""
    text = " ".join(question.split())
    for pattern in _PATTERNS:
        if (match := pattern.match(text)) is not None:
            topic = match.group("topic").strip(" ,;:'\"“”‘’")
            if topic and len(topic.split()) <= MAX_TOPIC_WORDS:
                return topic
    return None
