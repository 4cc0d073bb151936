"""Whose statement "the statement said" quotes: the one who issued it a few sentences before.

"In Washington, President Obama released a statement Thursday night condemning ... / He said he
had directed his team ... / "We stand in solidarity and partnership with France ...," the
statement said." The statement is Obama's: the last sentence before it (of the three before) that
writes "statement" names the person who released, issued or provided one, right before the verb
("Cook provided a written statement", not the newspaper that reports it; an organisation that
issues one is not read: "the Security Council issued a statement"), or says whose it is as that
sentence's speaker ("Trump, in a statement delivered via the press secretary, announced ...";
"In a statement, the business mogul announced ..."). A sentence no statement was issued in
before stays nobody's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from index.attribution.quotes import Tok

# "the statement said", "the written statement added", "according to the statement"
_STATEMENT_SAYS = re.compile(
    r"\b(?:the|that|this|its|his|her|their)\s+(?:(?:written|joint|brief|short|full|official)\s+)?statement\s+"
    r"(?:also\s+|further\s+)?(?:said|says|added|adds|read|reads|stated|states|noted|notes|continued|continues)\b"
    r"|\baccording\s+to\s+the\s+statement\b",
    re.IGNORECASE,
)
_STATEMENT = re.compile(r"\bstatements?\b", re.IGNORECASE)
# Who issues one: "released a statement", "provided a written statement", "put out a statement".
_ISSUES = re.compile(
    r"\b(?:released|releases|issued|issues|provided|provides|put\s+out|puts\s+out|sent|sends|published|posted)\s+"
    r"(?:a|an|the)\s+(?:\w+\s+)?statement\b",
    re.IGNORECASE,
)
_BACK = 3  # how many sentences back the statement's issuer is looked for
_SUBJECT_GAP = 2  # tokens between the issuer's name and the verb: "Obama on Thursday released" is not read


def statement_speakers(
    texts: Sequence[str],
    speakers: Sequence[str | None],
    mentioned: Sequence[Sequence[tuple[int, str]]],
    toks: Sequence[Sequence[Tok]],
    is_person: Callable[[str], bool],
) -> dict[int, str]:
    """Sentence index -> whose statement it quotes, for each sentence that has no speaker and
    quotes "the statement" (``_STATEMENT_SAYS``). ``texts``: the article's sentences;
    ``speakers``: each one's speaker so far; ``mentioned``: (token index, name) of the people and
    organisations each names; ``toks``: each one's tokens, whose offsets find the name right
    before an issuing verb, a person (``is_person``: not "the government of American Samoa")."""
    found: dict[int, str] = {}
    for i, text in enumerate(texts):
        if speakers[i] is not None or not _STATEMENT_SAYS.search(text[:2_000]):
            continue
        for j in range(i - 1, max(-1, i - 1 - _BACK), -1):
            before = texts[j][:2_000]
            if not _STATEMENT.search(before):
                continue
            issued = _ISSUES.search(before)
            if issued is not None:  # the person named right before the verb issued it
                at = next((k for k, t in enumerate(toks[j]) if t.start >= issued.start()), len(toks[j]))
                names = [name for k, name in mentioned[j] if at - _SUBJECT_GAP <= k < at and is_person(name)]
                who = names[-1] if names else None
            else:
                who = found.get(j) or speakers[j]
            if who:
                found[i] = who
            break
    return found
