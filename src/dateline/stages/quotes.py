"""Quotes stage: direct, mixed and indirect speech with its speaker.

Direct quotes come from quotation marks (straight, curly, ``...'' and mixed pairs),
indirect ones from reporting verbs with a complement clause and from "according to
X". A quote is kept only when a speaker is attributable: titles of works, slogans and
scare quotes with no reporting verb yield nothing.
"""

from __future__ import annotations

import bisect
import itertools
import logging
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dateline.config import QuoteSettings
from dateline.records import Article, Entity, Quote, QuoteKind, Sentence
from dateline.stages._speakers import Resolved, Resolver
from dateline.stages._speech import lexicon
from dateline.stages._speech_cues import Cue, find_cues
from dateline.stages._speech_marks import is_title, quote_marks, trim

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


@dataclass
class _Draft:
    start: int
    end: int
    kind: QuoteKind
    cue: Cue | None
    parts: list[tuple[int, int]]


def extract_quotes(
    *,
    article: Article,
    doc: Doc,
    sentences: list[Sentence],
    entities: list[Entity],
    settings: QuoteSettings,
) -> list[Quote]:
    """Return the quotes of one article, in text order.

    Steps:
      1. Pair quotation marks into direct-quote spans (nested quotes stay inside).
      2. Find reporting cues outside quotes (reporting verb + subject + complement clause;
         "according to X") and resolve their sources in text order.
      3. Attach each direct quote to a cue: a reporting verb governing the quote, else a cue
         right after the closing mark, else a cue right before the opening mark; a quote
         with none is dropped, as is one right after a split-quote reporting clause that
         continues the previous quote (merged into it).
      4. Each cue's complement clause: absorbed by a direct quote it lies in, or a mixed quote
         when it holds a direct quote (a quoted label with its own cue, "what she called
         "..."", stays a direct quote of its own), else an indirect quote when it is
         reported speech (see ``_is_speech``; every attribution when
         ``settings.indirect_speakers == "any"``).
    """
    text = article.text
    marks = [
        m
        for m in quote_marks(text)
        if len(_WORD.findall(text[m[0] : m[1]])) >= max(1, settings.min_direct_words)
    ]
    cues, speakers = _cues_and_speakers(doc, text, marks, entities)
    drafts = _attach_direct(doc, text, marks, cues)
    drafts = _merge_split(text, drafts)
    drafts.extend(_indirect(doc, text, cues, drafts, speakers, settings))
    drafts.sort(key=lambda d: (d.start, d.end))
    quotes = _quotes_from_drafts(article, drafts, speakers, settings)
    logger.debug(
        "article %s: %d quotes from %d quote marks and %d cues",
        article.id,
        len(quotes),
        len(marks),
        len(cues),
    )
    return quotes


def _cues_and_speakers(
    doc: Doc, text: str, marks: list[tuple[int, int]], entities: list[Entity]
) -> tuple[list[Cue], dict[int, Resolved | None]]:
    """The reporting cues outside quotation marks (and dash attributions), in text order,
    and each one's resolved speaker by cue token index."""
    in_marks = _Spans(marks)
    cues = [c for c in find_cues(doc) if not in_marks.holds(c.token.idx)]
    cues.extend(_dash_cues(doc, text, marks))
    cues.sort(key=lambda c: c.token.i)
    resolver = Resolver(doc, entities, marks)
    speakers: dict[int, Resolved | None] = {}
    for cue in cues:
        speakers[cue.token.i] = _resolve_cue(resolver, cue)
    return cues, speakers


def _quotes_from_drafts(
    article: Article,
    drafts: list[_Draft],
    speakers: dict[int, Resolved | None],
    settings: QuoteSettings,
) -> list[Quote]:
    """Quote records for the drafts that have a speaker (or are indirect and any
    attribution is wanted)."""
    text = article.text
    quotes: list[Quote] = []
    for draft in drafts:
        resolved = speakers.get(draft.cue.token.i) if draft.cue else None
        if resolved is None and draft.kind != "indirect":
            continue
        if draft.kind == "indirect" and resolved is None and settings.indirect_speakers != "any":
            continue
        cue_token = draft.cue.token if draft.cue else None
        cue_span = None if cue_token is None else (cue_token.idx, cue_token.idx + len(cue_token))
        quotes.append(
            Quote(
                id=f"Q{len(quotes) + 1}",
                article_id=article.id,
                span=(draft.start, draft.end),
                stage=STAGE,
                text=_quote_text(text, draft),
                kind=draft.kind,
                speaker=resolved.ref if resolved else None,
                cue=_cue_text(cue_token) if cue_token is not None else None,
                cue_span=cue_span,
            )
        )
    return quotes


# A quotation followed on its line by a dash and a name: '"..." ― Jane Roe'.
_DASH_NAME = re.compile(
    r"[ \t\u00a0]*[\u2015\u2014\u2013][ \t\u00a0]*"
    r"([A-Z][\w.'\u2019-]*(?:[ \t\u00a0]+[A-Z][\w.'\u2019-]*){0,4})"
)


def _dash_cues(doc: Doc, text: str, marks: list[tuple[int, int]]) -> list[Cue]:
    """Cues of quotations signed with a dash and a name on the same line."""
    cues: list[Cue] = []
    for _, end in marks:
        match = _DASH_NAME.match(text, end)
        if match is None:
            continue
        dash = doc.char_span(end, match.start(1), alignment_mode="expand")
        name = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        if dash is None or name is None:
            continue
        marks_ = [t for t in dash if any(c in t.text for c in "\u2015\u2014\u2013")]
        names = [t for t in name if t.pos_ == "PROPN"] or [name.root]
        if marks_:
            cues.append(Cue(marks_[0], names[-1]))
    return cues


def _resolve_cue(resolver: Resolver, cue: Cue) -> Resolved | None:
    source = cue.source
    if source is None:
        return None
    if cue.passive and source.lower_ == "it":
        return None  # "it was reported that": no source named
    resolved = resolver.resolve(source)
    resolver.register(cue.token.idx, resolved)
    return resolved


class _Spans:
    """Character spans answering "is this position strictly inside one?" in log time
    (a scan of every quotation per cue made long articles quadratic)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [a for a, _ in ordered]
        self._reach = list(itertools.accumulate((b for _, b in ordered), max))

    def holds(self, pos: int) -> bool:
        index = bisect.bisect_left(self._starts, pos) - 1
        return index >= 0 and self._reach[index] > pos


def _cues_between(cues: list[Cue], starts: list[int], low: int, high: int) -> list[Cue]:
    """The cues (sorted by position, ``starts`` their offsets) at offsets in [low, high]."""
    return cues[bisect.bisect_left(starts, low) : bisect.bisect_right(starts, high)]


def _attach_direct(
    doc: Doc, text: str, marks: list[tuple[int, int]], cues: list[Cue]
) -> list[_Draft]:
    by_token = {c.token.i: c for c in cues}
    starts = [c.token.idx for c in cues]  # cues come sorted by token, so by offset too
    drafts: list[_Draft] = []
    for a, b in marks:
        cue = (
            _signed_cue(b, _cues_between(cues, starts, b, b + 3))
            or _governing_cue(doc, a, b, by_token)
            or _trailing_cue(text, b, _cues_between(cues, starts, b, b + _TRAILING_CUE_CHARS))
            or _leading_cue(text, a, _cues_between(cues, starts, a - _LEADING_CUE_CHARS, a - 1))
        )
        if (
            cue is not None
            and is_title(text[a:b])
            and cue.token.lemma_.lower() not in lexicon().content_optional_verbs
        ):
            cue = None  # 'told "Morning Joe"': a programme's or work's title, not speech
        drafts.append(_Draft(a, b, "direct", cue, [(a, b)]))
    return drafts


def _signed_cue(b: int, cues: list[Cue]) -> Cue | None:
    for cue in cues:
        if (
            cue.source is not None
            and cue.source.idx > b
            and cue.token.idx >= b
            and any(c in cue.token.text for c in "\u2015\u2014\u2013")
            and cue.token.idx - b <= 3
        ):
            return cue
    return None


def _governing_cue(doc: Doc, a: int, b: int, by_token: dict[int, Cue]) -> Cue | None:
    span = doc.char_span(a, b, alignment_mode="expand")
    if span is None:
        return None
    inside = range(span.start, span.end)
    for token in span:
        head = token.head
        steps = 0
        while head.i not in inside and steps < 8:
            if head.i in by_token:
                return by_token[head.i]
            if head.head.i == head.i:
                break
            head = head.head
            steps += 1
    return None


def _trailing_cue(text: str, b: int, cues: list[Cue]) -> Cue | None:
    for cue in cues:
        pos = cue.token.idx
        if b <= pos <= b + _TRAILING_CUE_CHARS:
            gap = text[b:pos]
            if "\n" not in gap and not re.search(r"[.!?]\s", gap) and cue.source is not None:
                return cue
        elif pos > b + _TRAILING_CUE_CHARS:
            break
    return None


def _leading_cue(text: str, a: int, cues: list[Cue]) -> Cue | None:
    best: Cue | None = None
    for cue in cues:
        pos = cue.token.idx
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
                and prev.end <= prev.cue.token.idx < draft.start
            ):
                prev.end = draft.end
                prev.parts.append((draft.start, draft.end))
                continue
            if draft.cue is None and not gap.strip():
                draft.cue = prev.cue  # a follow-on quote paragraph by the same speaker
        out.append(draft)
    return [d for d in out if d.cue is not None]


def _indirect(
    doc: Doc,
    text: str,
    cues: list[Cue],
    drafts: list[_Draft],
    speakers: dict[int, Resolved | None],
    settings: QuoteSettings,
) -> list[_Draft]:
    found: list[_Draft] = []
    index = _DraftIndex(drafts)
    for cue in cues:
        if cue.content is None:
            continue
        first, last = cue.content
        cs, ce = trim(text, doc[first].idx, doc[last - 1].idx + len(doc[last - 1]))
        if ce - cs < 2 or len(_WORD.findall(text[cs:ce])) < 2:
            continue
        overlapping = [d for d in index.overlapping(cs, ce) if not _labelled(d, cue)]
        if not overlapping:
            if _is_speech(cue, speakers.get(cue.token.i), settings):
                found.append(_Draft(cs, ce, "indirect", cue, [(cs, ce)]))
            continue
        inner = [d for d in overlapping if d.start >= cs - 1 and d.end <= ce + 2]
        if len(inner) == len(overlapping):
            outside = [
                m
                for m in _WORD.finditer(text, cs, ce)
                if not any(d.start <= m.start() < d.end for d in inner)
            ]
            if len(outside) >= _MIXED_MIN_WORDS:
                end = max(ce, *(d.end for d in inner))
                for d in inner:
                    drafts.remove(d)
                index = _DraftIndex(drafts)
                found.append(_Draft(cs, end, "mixed", cue, [(cs, end)]))
                continue
        for d in overlapping:
            if d.cue is None:
                d.cue = cue
    return found


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


def _labelled(draft: _Draft, cue: Cue) -> bool:
    """A quoted label with its own labelling cue inside the clause ("what she called
    "unfair treatment""): a direct quote of its own, not part of a mixed quote."""
    own = draft.cue
    return (
        own is not None
        and own is not cue
        and own.content is None
        and own.source is not None
        and own.token.lemma_.lower() in lexicon().content_optional_verbs
        and cue.content is not None
        and cue.content[0] <= own.token.i < cue.content[1]
    )


def _is_speech(cue: Cue, resolved: Resolved | None, settings: QuoteSettings) -> bool:
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
    if cue.negated or cue.content_kind != "clause" or resolved is None:
        return False
    if resolved.category == "person":
        return True
    lex = lexicon()
    if (
        resolved.category in ("anonymous", "other")
        and cue.source is not None
        and cue.source.lemma_.lower() in lex.human_nouns | lex.person_titles
    ):
        # A group speaks ("warned that"); its beliefs ("feared that") are not quotes.
        return cue.token.lemma_.lower() not in lex.cognition_verbs
    org_like = (
        resolved.category in ("anonymous", "other")
        and cue.source is not None
        and cue.source.lower_ in lex.org_words
    )  # "Police said ..."
    if resolved.category == "org" or org_like:
        return (
            cue.token.lemma_.lower() in lex.org_speech_verbs
            or cue.cites_third_party
            or cue.according
        )
    return False


def _quote_text(text: str, draft: _Draft) -> str:
    if draft.kind != "direct":
        return text[draft.start : draft.end]
    parts = [text[a:b].strip().strip(_MARK_CHARS).strip() for a, b in draft.parts]
    return " ".join(p for p in parts if p)


def _cue_text(token: Token) -> str:
    if token.lower_ == "according":
        nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
        return "according to" if nxt is not None and nxt.lower_ == "to" else token.text
    return token.text
