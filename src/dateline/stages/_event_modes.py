"""PLOVER mode and context of an event from cue words of its clause (not stable API).

The cue table is ``data/events/modes.tsv`` (format in its header). A mode or context is
only given when one of its cue lemmas is in the text of the event's clause: the stage
never guesses one from the type alone.
"""

from __future__ import annotations

import functools
from importlib import resources

DISASTERS = "disasters"


@functools.cache
def _table() -> tuple[list[tuple[str, frozenset[str], str]], list[tuple[frozenset[str], str]]]:
    text = resources.files("dateline").joinpath("data/events/modes.tsv").read_text("utf-8")
    modes: list[tuple[str, frozenset[str], str]] = []
    contexts: list[tuple[frozenset[str], str]] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, type_, cues, value = line.split("\t")
        words = frozenset(cues.split("|"))
        if kind == "mode":
            modes.append((type_, words, value))
        else:
            contexts.append((words, value))
    return modes, contexts


def mode_of(event_type: str, trigger: str, clause: set[str]) -> str | None:
    """The PLOVER mode of an event: the trigger lemma is tried first, then the clause."""
    modes, _ = _table()
    for words in ({trigger}, clause):
        for type_, cues, value in modes:
            if type_ == event_type and cues & words:
                return value
    return None


def contexts_of(clause: set[str]) -> list[str]:
    """PLOVER contexts whose cue lemmas occur in the clause, in table order."""
    _, contexts = _table()
    return [value for cues, value in contexts if cues & clause]
