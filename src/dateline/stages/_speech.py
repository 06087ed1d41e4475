"""Shared speech vocabulary for the quotes and claims stages (not stable API).

The speech helpers are three modules, each with one job:
    ``_speech_marks``  quotation-mark pairing, edge trimming, title-like quotations;
    ``_speech_cues``   reporting cues (a reporting verb with its subject and content, or
                       "according to X") and the noun phrase of a source;
    ``_speakers``      who a cue's source is (``Resolver``).
The speech stage (``speech``) runs them once per article and hands their results to the
quotes and claims stages as records. This module holds what they share: the word lists
of ``data/quotes/speech.json`` and the quotation characters.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass

from dateline.data import load_table, load_words

QUOTE_CHARS = "\"\u201c\u201d\u201e\u00ab\u00bb`'"


@dataclass(frozen=True)
class Lexicon:
    """The speech word lists of ``data/quotes/speech.json``."""

    reporting_verbs: frozenset[str]
    content_optional_verbs: frozenset[str]
    person_titles: frozenset[str]
    anonymous_heads: frozenset[str]
    org_words: frozenset[str]
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    thing_pronouns: frozenset[str]
    relative_pronouns: frozenset[str]
    reporting_nouns: frozenset[str]
    directive_verbs: frozenset[str]
    title_small_words: frozenset[str]
    human_nouns: frozenset[str]
    org_speech_verbs: frozenset[str]
    cognition_verbs: frozenset[str]


@functools.cache
def lexicon() -> Lexicon:
    """Load the speech lexicon once per process."""
    raw = json.loads(load_table("speech_words"))
    return Lexicon(
        **{name: frozenset(w.lower() for w in words) for name, words in raw.items()},
        reporting_verbs=load_words("reporting_verbs", "cue"),
        person_titles=load_words("titles", "source"),
        org_words=load_words("organisation_words", "speaker"),
        directive_verbs=load_words("directive_verbs", "appeal"),
    )
