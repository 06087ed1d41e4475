"""Is a text English? A light offline check, not stable API.

dateline's models and lexicons read English only; other languages come out as junk
entities and events. The check counts how many of a text's words are English
function words (spaCy's own English stop list): running English prose has roughly
two in five, other languages far fewer. Text mostly in another script (Cyrillic,
Arabic, Chinese...) is caught sooner, from a handful of words. No model, no download.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

# Below this share of stop words a text of at least MIN_WORDS words is not English.
# English news sits near 0.40 (terse wire briefs of 25-40 words dip to 0.08); French,
# German, Spanish, Dutch and Italian news near 0.02-0.11 (shared forms: "a", "in", "me").
MIN_SHARE = 0.15
MIN_WORDS = 40
# A text of at least MIN_SCRIPT_WORDS words, most of them not in Latin letters.
MIN_SCRIPT_WORDS = 5
MIN_LATIN_SHARE = 0.5
_SAMPLE_CHARS = 20_000
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")


def english_share(text: str) -> tuple[float, float, int]:
    """Shares of English stop words and of Latin-letter words in a text sample, and its word count.

    Only the first 20,000 characters are read: enough to judge, and constant cost.
    """
    found = _WORD.findall(text[:_SAMPLE_CHARS])
    if not found:
        return 0.0, 0.0, 0
    hits = sum(1 for word in found if word.lower() in STOP_WORDS)
    latin = sum(1 for word in found if _is_latin(word))
    return hits / len(found), latin / len(found), len(found)


def looks_english(text: str) -> tuple[bool, float]:
    """Whether a text reads as English, and its stop-word share.

    Texts too short to judge count as English: a headline or a one-line brief in
    Latin letters is given the benefit of the doubt.
    """
    share, latin, count = english_share(text)
    if count >= MIN_SCRIPT_WORDS and latin < MIN_LATIN_SHARE:
        return False, share
    return count < MIN_WORDS or share >= MIN_SHARE, share


def _is_latin(word: str) -> bool:
    # Basic and extended Latin letters (José, Müller, Łódź) end below U+0250.
    return all(ord(ch) < 0x250 for ch in word)
