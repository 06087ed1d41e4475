"""One list of a Doc's tokens, shared by the stages (not stable API).

spaCy builds a new ``Token`` object each time a ``Doc`` is indexed (``doc[i]``) or iterated.
The stages walk the same Doc many times, and on short news building those objects again and
again was about a third of their time. ``tokens_of`` builds the list once per Doc, on first
use, and keeps it in the Doc's ``user_data``; ``release_tokens`` drops it once the stages
are done (each Token refers back to its Doc, so the list would keep the Doc alive until the
next garbage collection).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

_KEY = "dateline.tokens"


def tokens_of(doc: Doc) -> list[Token]:
    """The tokens of ``doc`` in order, as one list built once per Doc."""
    tokens = doc.user_data.get(_KEY)
    if tokens is None:
        tokens = doc.user_data[_KEY] = list(doc)
    return tokens


def release_tokens(doc: Doc) -> None:
    """Drop the list ``tokens_of`` kept on ``doc``."""
    doc.user_data.pop(_KEY, None)
