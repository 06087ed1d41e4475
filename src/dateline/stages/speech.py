"""Speech stage: quotation marks and reporting cues with their speakers, once per article.

Two steps of the pipeline, each a plain function from records to records:

- ``pair_quote_marks`` pairs the quotation marks of the text (``QuoteMark``);
- ``find_speech_cues`` finds every reporting cue, resolves each cue's source to a
  speaker in text order (so a pronoun can refer to an earlier speaker), and says which
  quotation each cue governs (``SpeechCue``).

The quotes and claims stages both read these records: neither finds cues or resolves
speakers again, so one article's cues are found once and every stage sees the same
speakers.
"""

from __future__ import annotations

import logging
import re

from spacy.tokens import Doc, Token

from dateline.records import Article, Entity, QuoteMark, Speaker, SpeechCue
from dateline.stages._intervals import Enclosures
from dateline.stages._speakers import Resolved, Resolver
from dateline.stages._speech_cues import Cue, find_cues
from dateline.stages._speech_marks import quote_marks

NAME = "speech"
VERSION = 1
STAGE = f"{NAME}@{VERSION}"

logger = logging.getLogger(__name__)

# A quotation followed on its line by a dash and a name: '"..." ― Jane Roe'.
_DASH_NAME = re.compile(
    r"[ \t\u00a0]*[\u2015\u2014\u2013][ \t\u00a0]*"
    r"([A-Z][\w.'\u2019-]*(?:[ \t\u00a0]+[A-Z][\w.'\u2019-]*){0,4})"
)
_DASHES = "\u2015\u2014\u2013"
# How many steps up its chain of heads a quoted word looks for the cue governing it.
_GOVERNOR_STEPS = 8


def pair_quote_marks(*, article: Article) -> list[QuoteMark]:
    """Return the outermost quotation-mark pairs of the article, in text order.

    See ``_speech_marks.quote_marks`` for the pairing rules (nesting, straight marks,
    quotes running over several paragraphs).
    """
    return [
        QuoteMark(id=f"M{n}", article_id=article.id, span=span, stage=STAGE)
        for n, span in enumerate(quote_marks(article.text), start=1)
    ]


def find_speech_cues(
    *, article: Article, doc: Doc, entities: list[Entity], marks: list[QuoteMark]
) -> list[SpeechCue]:
    """Return every reporting cue of the article with its speaker, in text order.

    Steps:
      1. Reporting cues from the parse (``_speech_cues.find_cues``), plus signature cues:
         a dash and a name right after a closing quotation mark.
      2. Each cue's source resolved once, in text order, against the corrected entity
         records (``_speakers.Resolver``); cues sharing a word share its speaker. A
         passive "it" ("it was reported that") names no source.
      3. The sources each cue cites ("citing officials"), resolved once every cue's
         speaker is known.
      4. For each quotation, the cue outside quotation marks that governs its words.
    """
    spans = [m.span for m in marks]
    cues = find_cues(doc) + _signature_cues(doc, article.text, spans)
    cues.sort(key=lambda c: c.token.i)
    resolver = Resolver(doc, article.text, entities, spans)
    speakers = _resolve_speakers(resolver, cues)
    quoted = _quoted(cues, spans)
    governs = _governed_marks(doc, spans, cues, quoted)
    records = [
        _record(
            article,
            n,
            cue,
            speakers[cue.token.i],
            [_speaker(resolver.resolve(cited)) for cited in cue.citing],
            quoted=in_quote,
            governs=marks_governed,
        )
        for n, (cue, in_quote, marks_governed) in enumerate(
            zip(cues, quoted, governs, strict=True), start=1
        )
    ]
    logger.debug("article %s: %d speech cues", article.id, len(records))
    return records


def _signature_cues(doc: Doc, text: str, marks: list[tuple[int, int]]) -> list[Cue]:
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
        dashes = [t for t in dash if any(c in t.text for c in _DASHES)]
        names = [t for t in name if t.pos_ == "PROPN"] or [name.root]
        if dashes:
            cues.append(Cue(dashes[0], names[-1], kind="signature"))
    return cues


def _resolve_speakers(resolver: Resolver, cues: list[Cue]) -> dict[int, Speaker | None]:
    """Each cue word's speaker, resolved in text order; a resolved speaker is registered
    so that later pronouns and titles can refer to it."""
    speakers: dict[int, Speaker | None] = {}
    for cue in cues:
        if cue.token.i in speakers:
            continue  # one cue word with several contents: one source
        if cue.source is None or (cue.passive and cue.source.lower_ == "it"):
            speakers[cue.token.i] = None
            continue
        resolved = resolver.resolve(cue.source)
        resolver.register(cue.token.idx, resolved)
        speakers[cue.token.i] = _speaker(resolved)
    return speakers


def _speaker(resolved: Resolved) -> Speaker:
    return Speaker(ref=resolved.ref, category=resolved.category)


def _quoted(cues: list[Cue], marks: list[tuple[int, int]]) -> list[bool]:
    """For each cue, whether its word lies strictly inside a pair of quotation marks."""
    inside = Enclosures(marks)
    return [inside.hold(c.token.idx) for c in cues]


def _governed_marks(
    doc: Doc, marks: list[tuple[int, int]], cues: list[Cue], quoted: list[bool]
) -> list[list[tuple[int, int]]]:
    """For each cue, the quotation-mark spans it governs.

    A quotation's governor is the first cue found walking up from each of its words (in
    text order) through at most ``_GOVERNOR_STEPS`` heads outside the quotation; of
    several cues on one word ("said that A, and that B"), the last. A cue inside
    quotation marks is the quoted person's words and governs no quotation.
    """
    by_token = {
        cue.token.i: n for n, cue in enumerate(cues) if cue.kind == "signature" or not quoted[n]
    }
    governs: list[list[tuple[int, int]]] = [[] for _ in cues]
    for a, b in marks:
        n = _governing_cue(doc, a, b, by_token)
        if n is not None:
            governs[n].append((a, b))
    return governs


def _governing_cue(doc: Doc, a: int, b: int, by_token: dict[int, int]) -> int | None:
    """The number of the cue governing the quotation ``[a, b)``, if one does."""
    span = doc.char_span(a, b, alignment_mode="expand")
    if span is None:
        return None
    inside = range(span.start, span.end)
    for token in span:
        head = token.head
        steps = 0
        while head.i not in inside and steps < _GOVERNOR_STEPS:
            if head.i in by_token:
                return by_token[head.i]
            if head.head.i == head.i:
                break
            head = head.head
            steps += 1
    return None


def _record(
    article: Article,
    number: int,
    cue: Cue,
    speaker: Speaker | None,
    citing: list[Speaker],
    *,
    quoted: bool,
    governs: list[tuple[int, int]],
) -> SpeechCue:
    token = cue.token
    content = None
    if cue.content is not None:
        first, last = cue.content
        content = (token.doc[first].idx, _end(token.doc[last - 1]))
    source = cue.source
    return SpeechCue(
        id=f"S{number}",
        article_id=article.id,
        span=(token.idx, _end(token)),
        stage=STAGE,
        text=token.text,
        lemma=token.lemma_.lower(),
        phrase=_phrase(token),
        kind=cue.kind,
        passive=cue.passive,
        negated=cue.negated,
        content=content,
        content_kind=cue.content_kind,
        source=None if source is None else (source.idx, _end(source)),
        source_word=None if source is None else source.lower_,
        source_lemma=None if source is None else source.lemma_.lower(),
        speaker=speaker,
        citing=citing,
        cites_third_party=cue.cites_third_party,
        quoted=quoted,
        governs=governs,
    )


def _end(token: Token) -> int:
    return token.idx + len(token)


def _phrase(token: Token) -> str:
    """The cue as a quote names it: "according to" for the phrase, else the word."""
    if token.lower_ == "according":
        nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
        return "according to" if nxt is not None and nxt.lower_ == "to" else token.text
    return token.text
