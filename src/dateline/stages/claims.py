"""Claims stage: clauses that carry a claim, their attribution chain, modality and polarity.

One Claim per finite clause (every sentence's main clause, conjoined, adverbial and
relative clauses with their own verb, and every reported complement clause). Claims
nest: a reported complement lies inside the claim of its reporting clause, and the
innermost claim covering a word is the one that governs it.
"""

from __future__ import annotations

import functools
import logging
import tomllib
from dataclasses import dataclass
from typing import Any

from spacy.attrs import HEAD
from spacy.tokens import Doc, Token

from dateline.config import ClaimSettings
from dateline.data import load_table
from dateline.records import Article, Attribution, Claim, Quote, Source, Speaker, SpeechCue
from dateline.stages._intervals import Intervals as _Intervals
from dateline.stages._speech import lexicon
from dateline.stages._speech_marks import trim
from dateline.stages._tokens import tokens_of

NAME = "claims"
VERSION = 1
STAGE = f"{NAME}@{VERSION}"

logger = logging.getLogger(__name__)

_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "conj", "advcl", "relcl", "parataxis"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_OUTLET = "the article"


@dataclass(frozen=True)
class ModalityLexicon:
    """The cue lists of ``data/claims/modality.toml``."""

    precedence: tuple[str, ...]
    cues: dict[str, tuple[tuple[str, ...], ...]]
    negative: frozenset[tuple[str, ...]]
    modal_only: frozenset[str]
    by_first: dict[str, tuple[tuple[str, tuple[str, ...]], ...]]


@functools.cache
def modality_lexicon() -> ModalityLexicon:
    """Load the modality lexicon once per process."""
    raw = tomllib.loads(load_table("modality"))
    cues = {
        name: tuple(tuple(p.lower().split()) for p in phrases)
        for name, phrases in raw["cues"].items()
    }
    negative = frozenset(tuple(p.lower().split()) for p in raw["polarity"]["negative"])
    # Index every phrase by its first word so each token looks up only its candidates;
    # "" names a polarity cue.
    by_first: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for name, phrases in cues.items():
        for phrase in phrases:
            by_first.setdefault(phrase[0], []).append((name, phrase))
    for phrase in negative:
        by_first.setdefault(phrase[0], []).append(("", phrase))
    return ModalityLexicon(
        precedence=tuple(raw["precedence"]),
        cues=cues,
        negative=negative,
        modal_only=frozenset(raw["tags"]["modal_only"]),
        by_first={k: tuple(v) for k, v in by_first.items()},
    )


def extract_claims(
    *,
    article: Article,
    doc: Doc,
    cues: list[SpeechCue],
    quotes: list[Quote],
    settings: ClaimSettings,
) -> list[Claim]:
    """Return one Claim per claim-carrying clause, in text order.

    Reads the clauses from the parse, and the reporting cues with their resolved
    speakers from the speech stage (signature cues carry no clause and are not read).
    Attribution, outermost source first:
      1. reporting cues whose reported clause holds this clause ("X said that Y reported
         that ..." -> X, Y), each followed by its "citing Z" sources;
      2. "according to X" attached to the clause or a clause above it;
      3. the speaker of a direct quote the clause lies in;
      4. else the article itself (kind "outlet", name = article.outlet or "the article").
    Modality: cues of the clause's own words (not those of clauses nested in it) from the
    lexicon, plus "alleged" from a hedging reporting verb ("claimed that") and "reported"
    when a source other than the article vouches for it; the lexicon's precedence decides.
    """
    text = article.text
    outlet = Source(name=article.outlet or _OUTLET, kind="outlet")
    cue_index, quote_index = _cue_intervals(doc, cues), _quote_intervals(quotes)
    tokens = tokens_of(doc)
    heads = [t for t in tokens if _is_clause_head(t)]
    head_set = {t.i for t in heads}
    children = _children_index(doc)
    found: list[dict[str, Any]] = []
    for head in heads:
        own = [tokens[i] for i in _own_indexes(head.i, head_set, children)]
        if not own:
            continue
        start, end = trim(text, head.left_edge.idx, head.right_edge.idx + len(head.right_edge))
        if end <= start:
            continue
        chain = _chain(head, cue_index, quote_index)
        modality, polarity, words = _modality(doc, own, chain)
        found.append(
            {
                "article_id": article.id,
                "span": (start, end),
                "stage": STAGE,
                "text": text[start:end],
                "attribution": Attribution(sources=chain or [outlet]),
                "modality": modality,
                "polarity": polarity,
                "cues": words,
            }
        )
    # Numbered in text order, so the records are built once, after sorting.
    found.sort(key=lambda c: (c["span"][0], -c["span"][1]))
    claims = [Claim(id=f"C{i}", **fields) for i, fields in enumerate(found, 1)]
    logger.debug("article %s: %d claims", article.id, len(claims))
    return claims


def _is_clause_head(token: Token) -> bool:
    if token.lower_ == "according" or token.dep_ not in _CLAUSE_DEPS:
        return False
    if token.pos_ not in ("VERB", "AUX"):
        return (
            token.dep_ == "ROOT"
            and token.pos_ in ("NOUN", "PROPN", "ADJ")
            and any(c.dep_ in _SUBJECT_DEPS for c in token.children)
        )
    if token.dep_ == "ROOT":
        return True
    has_subject = any(c.dep_ in _SUBJECT_DEPS for c in token.children)
    finite = token.tag_ in _FINITE_TAGS or any(
        c.tag_ in _FINITE_TAGS for c in token.children if c.dep_ in ("aux", "auxpass")
    )
    if token.dep_ == "conj":
        return has_subject or finite
    return has_subject and (finite or token.dep_ == "ccomp")


def _children_index(doc: Doc) -> list[list[int]]:
    """Each token's dependents, by index, built once (``Token.children`` rescans the
    token's whole subtree on every call)."""
    children: list[list[int]] = [[] for _ in range(len(doc))]
    # HEAD is the offset to the head, stored unsigned: read it back as signed.
    offsets = doc.to_array([HEAD]).astype("int64").ravel().tolist()
    for i, offset in enumerate(offsets):
        if offset:
            children[i + offset].append(i)
    return children


def _own_indexes(head: int, heads: set[int], children: list[list[int]]) -> list[int]:
    """The clause's words (token indexes, in order) without those of clauses nested in it."""
    own: list[int] = []
    stack = [head]
    while stack:
        i = stack.pop()
        own.append(i)
        stack.extend(c for c in children[i] if c not in heads)
    return sorted(own)


def _source(speaker: Speaker | None, cue: SpeechCue) -> Source:
    word = cue.text if cue.kind != "according" else "according to"
    if speaker is None:
        return Source(name="unnamed source", kind="anonymous", cue=word)
    ref = speaker.ref
    kind = {
        "person": "named",
        "org": "named",
        "other": "named",
        "anonymous": "anonymous",
        "pronoun": "pronoun",
    }.get(speaker.category, "named")
    return Source(name=ref.name, kind=kind, entity_id=ref.entity_id, span=ref.span, cue=word)


def _cited(speaker: Speaker) -> Source:
    """A source the cue's source cites ("citing officials")."""
    kind = "anonymous" if speaker.category in ("anonymous", "other") else "named"
    ref = speaker.ref
    return Source(name=ref.name, kind=kind, entity_id=ref.entity_id, span=ref.span, cue="citing")


def _cue_intervals(doc: Doc, cues: list[SpeechCue]) -> _Intervals:
    """The cues by the token range of their reported clause, each with that range's
    length in tokens (the widest holding a clause is the outermost)."""
    # An object content ("called for talks that ...") is a noun phrase, not a reported clause.
    ranges = []
    for cue in cues:
        if cue.content is None or cue.content_kind == "object" or cue.kind == "signature":
            continue
        words = doc.char_span(*cue.content)
        if words is not None:
            ranges.append((words.start, words.end, (words.end - words.start, cue)))
    return _Intervals(ranges)


def _quote_intervals(quotes: list[Quote]) -> _Intervals:
    return _Intervals(
        [(q.span[0], q.span[1], q) for q in quotes if q.kind == "direct" and q.speaker]
    )


def _chain(head: Token, cues: _Intervals, quotes: _Intervals) -> list[Source]:
    """The sources vouching for the clause at ``head``, outermost first (see
    ``extract_claims``), with a source repeated right after itself dropped."""
    widths = [(w, c) for w, c in cues.containing(head.i) if c.span[0] != head.idx]
    holding = [c for _, c in sorted(widths, key=lambda wc: -wc[0])]  # outermost first
    chain: list[Source] = []
    for quote in quotes.containing(head.idx, open_start=True):
        if quote.speaker and not any(c.span[0] == (quote.cue_span or (-1,))[0] for c in holding):
            speaker = quote.speaker
            chain.append(
                Source(
                    name=speaker.name,
                    kind="named",
                    entity_id=speaker.entity_id,
                    span=speaker.span,
                    cue=quote.cue,
                )
            )
    for cue in holding:
        chain.append(_source(cue.speaker, cue))
        chain.extend(_cited(cited) for cited in cue.citing)
    deduped: list[Source] = []
    for source in chain:
        if not deduped or (deduped[-1].name, deduped[-1].kind) != (source.name, source.kind):
            deduped.append(source)
    return deduped


def _modality(doc: Doc, own: list[Token], chain: list[Source]) -> tuple[str, str, list[str]]:
    lex = modality_lexicon()
    found: dict[str, list[str]] = {}
    negative: list[str] = []
    own_set = {t.i for t in own}
    reporting = lexicon().reporting_verbs
    for token in own:
        for name, phrase in lex.by_first.get(token.lower_, ()):
            if name == "alleged" and token.lemma_.lower() in reporting:
                continue  # "X claimed that ...": the hedge is on the reported clause
            if _matches(doc, token.i, phrase, own_set, lex.modal_only):
                if name:
                    found.setdefault(name, []).append(" ".join(phrase))
                else:
                    negative.append(" ".join(phrase))
    hedges = {p[0] for p in lex.cues["alleged"] if len(p) == 1}
    for source in chain:
        if source.cue and source.cue.lower() in hedges:
            found.setdefault("alleged", []).append(source.cue.lower())
    if any(s.kind != "outlet" for s in chain):
        found.setdefault("reported", []).append(chain[-1].cue or "reported")
    if not negative:
        found.pop("negated", None)  # modality and polarity agree: negated means negative
    modality = next((m for m in lex.precedence if m in found), "asserted")
    polarity = "negative" if negative else "positive"
    words = list(dict.fromkeys(found.get(modality, []) + negative))
    return modality, polarity, words


def _matches(
    doc: Doc, i: int, phrase: tuple[str, ...], own: set[int], modal_only: frozenset[str]
) -> bool:
    if i + len(phrase) > len(doc):
        return False
    for k, word in enumerate(phrase):
        token = doc[i + k]
        if token.lower_ != word or (k == 0 and token.i not in own):
            return False
    return not (len(phrase) == 1 and phrase[0] in modal_only and doc[i].tag_ != "MD")
