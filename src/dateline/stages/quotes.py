"""Quotes stage: direct, mixed and indirect speech with its speaker.

Direct quotes come from quotation marks (straight, curly, ``...'' and mixed pairs),
indirect ones from reporting verbs with a complement clause and from "according to
X". A quote is kept only when a speaker is attributable: titles of works, slogans and
scare quotes with no reporting verb yield nothing.
"""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass

from dateline.config import QuoteSettings
from dateline.records import Article, Quote, QuoteKind, QuoteMark, SpeechCue
from dateline.stages._speech import lexicon
from dateline.stages._speech_marks import is_title, trim

NAME = "quotes"
VERSION = 1
STAGE = f"{NAME}@{VERSION}"

logger = logging.getLogger(__name__)

_WORD = re.compile(r"\w+")
# A cue this far after a closing mark, with no line break, introduces the quote ("," he said).
_TRAILING_CUE_CHARS = 60
# A cue this far before an opening mark ("X said: "...") introduces it.
_LEADING_CUE_CHARS = 160
# A split quote: "...," he said. "..." with at most this much text between the parts.
_SPLIT_GAP_CHARS = 80
_MARK_CHARS = "\"'`\u201c\u201d\u201e\u00ab\u00bb"
# Content words outside the quotation marks for a complement clause to count as mixed.
_MIXED_MIN_WORDS = 2
_DASHES = "\u2015\u2014\u2013"


@dataclass
class _Draft:
    start: int
    end: int
    kind: QuoteKind
    cue: SpeechCue | None
    parts: list[tuple[int, int]]


def extract_quotes(
    *,
    article: Article,
    marks: list[QuoteMark],
    cues: list[SpeechCue],
    settings: QuoteSettings,
) -> list[Quote]:
    """Return the quotes of one article, in text order.

    Reads the speech stage's records: the quotation marks, and the reporting cues with
    their resolved speakers. Steps:
      1. Keep the quotation-mark pairs holding at least ``settings.min_direct_words``
         words as direct-quote spans.
      2. Keep the reporting cues outside quotation marks (a cue inside is the quoted
         person's words) and the signature cues ('"..." ― Jane Roe').
      3. Attach each direct quote to a cue: a signature right after it, a reporting verb
         governing the quote, else a cue right after the closing mark, else a cue right
         before the opening mark; a quote with none is dropped, as is one right after a
         split-quote reporting clause that continues the previous quote (merged into it).
      4. Each cue's complement clause: absorbed by a direct quote it lies in, or a mixed quote
         when it holds a direct quote (a quoted label with its own cue, "what she called
         "..."", stays a direct quote of its own), else an indirect quote when it is
         reported speech (see ``_is_speech``; every attribution when
         ``settings.indirect_speakers == "any"``).
    """
    text = article.text
    spans = [
        m.span
        for m in marks
        if len(_WORD.findall(text[m.span[0] : m.span[1]])) >= max(1, settings.min_direct_words)
    ]
    outside = [c for c in cues if c.kind == "signature" or not c.quoted]
    drafts = _attach_direct(text, spans, outside)
    drafts = _merge_split(text, drafts)
    drafts.extend(_indirect(text, outside, drafts, settings))
    drafts.sort(key=lambda d: (d.start, d.end))
    quotes = _quotes_from_drafts(article, drafts, settings)
    logger.debug(
        "article %s: %d quotes from %d quote marks and %d cues",
        article.id,
        len(quotes),
        len(spans),
        len(outside),
    )
    return quotes


def _quotes_from_drafts(
    article: Article, drafts: list[_Draft], settings: QuoteSettings
) -> list[Quote]:
    """Quote records for the drafts that have a speaker (or are indirect and any
    attribution is wanted)."""
    text = article.text
    quotes: list[Quote] = []
    for draft in drafts:
        speaker = draft.cue.speaker if draft.cue else None
        if speaker is None and draft.kind != "indirect":
            continue
        if draft.kind == "indirect" and speaker is None and settings.indirect_speakers != "any":
            continue
        quotes.append(
            Quote(
                id=f"Q{len(quotes) + 1}",
                article_id=article.id,
                span=(draft.start, draft.end),
                stage=STAGE,
                text=_quote_text(text, draft),
                kind=draft.kind,
                speaker=speaker.ref if speaker else None,
                cue=draft.cue.phrase if draft.cue else None,
                cue_span=draft.cue.span if draft.cue else None,
            )
        )
    return quotes


def _cues_between(cues: list[SpeechCue], starts: list[int], low: int, high: int) -> list[SpeechCue]:
    """The cues (sorted by position, ``starts`` their offsets) at offsets in [low, high]."""
    return cues[bisect.bisect_left(starts, low) : bisect.bisect_right(starts, high)]


def _attach_direct(text: str, marks: list[tuple[int, int]], cues: list[SpeechCue]) -> list[_Draft]:
    governing = {span: cue for cue in cues for span in cue.governs}
    starts = [c.span[0] for c in cues]  # cues come in text order
    drafts: list[_Draft] = []
    for a, b in marks:
        cue = (
            _signed_cue(b, _cues_between(cues, starts, b, b + 3))
            or governing.get((a, b))
            or _trailing_cue(text, b, _cues_between(cues, starts, b, b + _TRAILING_CUE_CHARS))
            or _leading_cue(text, a, _cues_between(cues, starts, a - _LEADING_CUE_CHARS, a - 1))
        )
        if (
            cue is not None
            and is_title(text[a:b])
            and cue.lemma not in lexicon().content_optional_verbs
        ):
            cue = None  # 'told "Morning Joe"': a programme's or work's title, not speech
        drafts.append(_Draft(a, b, "direct", cue, [(a, b)]))
    return drafts


def _signed_cue(b: int, cues: list[SpeechCue]) -> SpeechCue | None:
    for cue in cues:
        if (
            cue.source is not None
            and cue.source[0] > b
            and cue.span[0] >= b
            and any(c in cue.text for c in _DASHES)
            and cue.span[0] - b <= 3
        ):
            return cue
    return None


def _trailing_cue(text: str, b: int, cues: list[SpeechCue]) -> SpeechCue | None:
    for cue in cues:
        pos = cue.span[0]
        if b <= pos <= b + _TRAILING_CUE_CHARS:
            gap = text[b:pos]
            if "\n" not in gap and not re.search(r"[.!?]\s", gap) and cue.source is not None:
                return cue
        elif pos > b + _TRAILING_CUE_CHARS:
            break
    return None


def _leading_cue(text: str, a: int, cues: list[SpeechCue]) -> SpeechCue | None:
    best: SpeechCue | None = None
    for cue in cues:
        pos = cue.span[0]
        if pos >= a:
            break
        if pos < a - _LEADING_CUE_CHARS or cue.source is None:
            continue
        gap = text[pos:a]
        if re.search(r"[.!?][\"'\u201d\u2019]?\s", gap):
            continue
        if "\n" in gap and not gap.rstrip().endswith(":"):
            continue
        best = cue
    return best


def _merge_split(text: str, drafts: list[_Draft]) -> list[_Draft]:
    """Join "...," he said. "..." into one quote, and give a quote-only paragraph that
    follows an attributed quote the same cue."""
    out: list[_Draft] = []
    for draft in drafts:
        prev = out[-1] if out else None
        same_cue = draft.cue is None or (prev is not None and draft.cue is prev.cue)
        if prev is not None and prev.cue is not None and same_cue:
            gap = text[prev.end : draft.start]
            if (
                "\n" not in gap
                and len(gap) <= _SPLIT_GAP_CHARS
                and prev.end <= prev.cue.span[0] < draft.start
            ):
                prev.end = draft.end
                prev.parts.append((draft.start, draft.end))
                continue
            if draft.cue is None and not gap.strip():
                draft.cue = prev.cue  # a follow-on quote paragraph by the same speaker
        out.append(draft)
    return [d for d in out if d.cue is not None]


def _indirect(
    text: str, cues: list[SpeechCue], drafts: list[_Draft], settings: QuoteSettings
) -> list[_Draft]:
    """Indirect and mixed quotes from the cues' contents; a content lying in a direct
    quote gives that quote its cue when it has none (see ``extract_quotes`` step 4)."""
    found: list[_Draft] = []
    index = _DraftIndex(drafts)
    for cue in cues:
        if cue.content is None:
            continue
        cs, ce = trim(text, *cue.content)
        if ce - cs < 2 or len(_WORD.findall(text[cs:ce])) < 2:
            continue
        overlapping = [d for d in index.overlapping(cs, ce) if not _labelled(d, cue)]
        if not overlapping:
            if _is_speech(cue, settings):
                found.append(_Draft(cs, ce, "indirect", cue, [(cs, ce)]))
            continue
        mixed = _mixed(text, cs, ce, overlapping)
        if mixed is not None:
            for d in overlapping:
                drafts.remove(d)
            index = _DraftIndex(drafts)
            found.append(_Draft(cs, mixed, "mixed", cue, [(cs, mixed)]))
            continue
        for d in overlapping:
            if d.cue is None:
                d.cue = cue
    return found


def _mixed(text: str, cs: int, ce: int, overlapping: list[_Draft]) -> int | None:
    """The end of a mixed quote over the content ``[cs, ce)`` when every direct quote it
    overlaps lies inside it and enough of its words are outside them; else None."""
    inner = [d for d in overlapping if d.start >= cs - 1 and d.end <= ce + 2]
    if len(inner) != len(overlapping):
        return None
    outside = [
        m
        for m in _WORD.finditer(text, cs, ce)
        if not any(d.start <= m.start() < d.end for d in inner)
    ]
    if len(outside) < _MIXED_MIN_WORDS:
        return None
    return max(ce, *(d.end for d in inner))


class _DraftIndex:
    """Direct-quote drafts by start offset, for overlap queries that do not scan them all."""

    def __init__(self, drafts: list[_Draft]) -> None:
        self._drafts = sorted(drafts, key=lambda d: (d.start, d.end))
        self._starts = [d.start for d in self._drafts]
        self._longest = max((d.end - d.start for d in self._drafts), default=0)

    def overlapping(self, start: int, end: int) -> list[_Draft]:
        """Drafts overlapping [start, end), in the order of the draft list."""
        low = bisect.bisect_left(self._starts, start - self._longest)
        high = bisect.bisect_left(self._starts, end)
        return [d for d in self._drafts[low:high] if start < d.end]


def _labelled(draft: _Draft, cue: SpeechCue) -> bool:
    """A quoted label with its own labelling cue inside the clause ("what she called
    "unfair treatment""): a direct quote of its own, not part of a mixed quote."""
    own = draft.cue
    return (
        own is not None
        and own is not cue
        and own.content is None
        and own.source is not None
        and own.lemma in lexicon().content_optional_verbs
        and cue.content is not None
        and cue.content[0] <= own.span[0] < cue.content[1]
    )


def _is_speech(cue: SpeechCue, settings: QuoteSettings) -> bool:
    """Whether a cue's complement clause is reported speech worth a Quote.

    With ``indirect_speakers == "any"`` every attribution counts. Otherwise the cue must not
    be negated ("did not say when ..."), its content must be a clause (an appeal, "called on
    X to ...", or an object, "called for talks", is not reported speech), and the clause
    must be a person's, a group of people's speech ("exporters warned that"; not "workers
    feared that"), an organisation's statement ("the federation said that", "according to
    the federation") or a report citing a third party ("the paper, citing two officials,
    reported that").
    """
    if settings.indirect_speakers == "any":
        return True
    speaker = cue.speaker
    if cue.negated or cue.content_kind != "clause" or speaker is None:
        return False
    if speaker.category == "person":
        return True
    lex = lexicon()
    unnamed = speaker.category in ("anonymous", "other")
    if unnamed and cue.source_lemma in lex.human_nouns | lex.person_titles:
        # A group speaks ("warned that"); its beliefs ("feared that") are not quotes.
        return cue.lemma not in lex.cognition_verbs
    org_like = unnamed and cue.source_word in lex.org_words  # "Police said ..."
    if speaker.category == "org" or org_like:
        return cue.lemma in lex.org_speech_verbs or cue.cites_third_party or cue.kind == "according"
    return False


def _quote_text(text: str, draft: _Draft) -> str:
    if draft.kind != "direct":
        return text[draft.start : draft.end]
    parts = [text[a:b].strip().strip(_MARK_CHARS).strip() for a, b in draft.parts]
    return " ".join(p for p in parts if p)
