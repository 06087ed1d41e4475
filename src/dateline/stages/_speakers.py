"""Speaker resolution: who the source of a reporting cue is (not stable API).

An ``Entity`` of the entities stage where one matches, else the words of the subject noun
phrase (``Resolver``, fallback order in its docstring). Names come from the corrected
entity records only, never from spaCy's raw ``doc.ents``: a correction the entities stage
made (a retyped, merged or dropped name) holds for speakers too.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from dateline.records import Entity, SpeakerRef
from dateline.records import SpeakerCategory as Category
from dateline.stages._intervals import Enclosures
from dateline.stages._speech import lexicon
from dateline.stages._speech_cues import mention_range

# --------------------------------------------------------------------------- resolution


@dataclass
class Resolved:
    """A resolved source: the reference, its category, and its head token's char offset."""

    ref: SpeakerRef
    category: Category


_NAME_TOKEN = re.compile(r"\w+")


class Resolver:
    """Resolve source noun phrases to entities, in document order.

    Fallback order:
      1. an Entity whose mention spans hold the head token;
      2. an Entity whose name or alias the phrase contains, or whose last name token the
         phrase's last proper noun equals;
      3. a pronoun or a title-only phrase: a PERSON named earlier in the same sentence
         (outside quotes), else the last person resolved as a speaker, else the most recent
         PERSON entity named in the text;
      4. the phrase's own words: a proper name is a person (lengthened to an earlier full
         name with the same last word) unless an organisation word is in it.
    """

    def __init__(
        self, doc: Doc, text: str, entities: list[Entity], quotes: list[tuple[int, int]]
    ) -> None:
        self.doc = doc
        self.text = text
        self.entities = entities
        self.quotes = quotes
        self.speakers: list[tuple[int, Resolved]] = []
        self._mention_index: list[tuple[int, int, Entity]] = sorted(
            ((a, b, e) for e in entities for a, b in (e.mentions or [e.span])), key=lambda m: m[0]
        )
        self._mention_starts = [m[0] for m in self._mention_index]
        self._longest_mention = max((b - a for a, b, _ in self._mention_index), default=0)
        # Lookup tables built once, so each resolution costs the same however long the
        # text: a scan of every entity, quote or spaCy name per call made the stage
        # quadratic in the article's length.
        self._quotes = Enclosures(quotes)
        self._forms = [
            (e, [form.lower() for form in (e.name, *e.aliases) if form]) for e in entities
        ]
        self.persons: list[tuple[int, int, str, str | None]] = []  # start, end, name, entity id
        for a, b, e in self._mention_index:
            if e.type == "PERSON" and not self._in_quote(a):
                self.persons.append((a, b, e.name, e.id))
        self.persons.sort(key=lambda p: (p[0], p[1]))
        self._person_starts = [p[0] for p in self.persons]

    def _in_quote(self, pos: int) -> bool:
        return self._quotes.hold(pos)

    def register(self, pos: int, resolved: Resolved) -> None:
        """Record a resolved speaker so later pronouns and titles can refer to it.

        Speakers named inside quotation marks are not recorded: they are the quoted
        person's words, not the article's."""
        if resolved.category in ("person", "org") and not self._in_quote(pos):
            self.speakers.append((pos, resolved))

    def resolve(self, head: Token) -> Resolved:
        """Resolve the noun phrase headed by ``head``."""
        lex = lexicon()
        start, end = mention_range(head)
        doc = self.doc
        span = doc[start:end]
        mention = _strip_possessive(span.text)
        char_span = (span.start_char, span.start_char + len(mention))
        low = head.lower_
        if (
            head.pos_ == "PRON"
            or low in lex.person_pronouns | lex.group_pronouns | lex.thing_pronouns
        ):
            return self._pronoun(head, mention, char_span)
        appos = _appositive(head)
        if appos is not None and head.pos_ == "NOUN" and appos.pos_ == "PROPN":
            # "Indonesia's trade minister, Jane Roe, said": the name, not the title phrase.
            inner = self.resolve(appos)
            if inner.category in ("person", "org"):
                ref = inner.ref.model_copy(update={"mention": mention, "span": char_span})
                return Resolved(ref, inner.category)
        if (
            appos is not None
            and head.pos_ == "PROPN"
            and appos.pos_ == "NOUN"
            and appos.lemma_.lower() in lex.person_titles
        ):
            # "Jane Roe, head of the agency, said": a person, whatever the name tagger says.
            found = self._resolve_name(head, span, mention, char_span)
            return Resolved(found.ref, "person")
        return self._resolve_name(head, span, mention, char_span)

    def _resolve_name(
        self, head: Token, span: Span, mention: str, char_span: tuple[int, int]
    ) -> Resolved:
        lex = lexicon()
        entity = self._entity_at(head)
        if entity is not None:
            if entity.type != "PERSON" and self._split_entity(span, entity):
                # An organisation's name the entity stage split at "and" or "of".
                return Resolved(SpeakerRef(name=mention, mention=mention, span=char_span), "org")
            return self._from_entity(entity, mention, char_span)
        entity = self._entity_by_name(span, head)
        if entity is not None:
            return self._from_entity(entity, mention, char_span)
        has_propn = any(t.pos_ == "PROPN" for t in span)
        if not has_propn and head.lemma_.lower() in lex.person_titles and _is_definite(span):
            found = self._by_role(head.lemma_.lower()) or self._antecedent(head, person=True)
            if found is not None:
                ref = found.ref.model_copy(update={"mention": mention, "span": char_span})
                return Resolved(ref, "person")
        if not has_propn and (
            head.lower_ in lex.anonymous_heads
            or head.lemma_.lower() in lex.anonymous_heads
            or not _is_definite(span)
        ):
            return Resolved(SpeakerRef(name=mention, mention=mention, span=char_span), "anonymous")
        if (
            head.pos_ == "NOUN"
            and head.lemma_.lower() in lex.human_nouns
            and not _is_definite(span)
            and not any(t.pos_ == "PROPN" for t in span if t.i < head.i)
        ):
            # "Cattle exporters in the north": an unnamed group, whatever names follow it.
            return Resolved(SpeakerRef(name=mention, mention=mention, span=char_span), "anonymous")
        if has_propn and head.pos_ == "PROPN":
            words = {w.lower() for w in _NAME_TOKEN.findall(mention)}
            category: Category = "org" if words & lex.org_words else "person"
            if category == "person":
                name = " ".join(
                    t.text for t in span if t.pos_ == "PROPN" and any(c.isalnum() for c in t.text)
                )
                name = _strip_possessive(name) or mention
                name = self._lengthen(name)
                return Resolved(SpeakerRef(name=name, mention=mention, span=char_span), "person")
            return Resolved(SpeakerRef(name=mention, mention=mention, span=char_span), "org")
        words = {w.lower() for w in _NAME_TOKEN.findall(mention)}
        category = "org" if words & lex.org_words else "other"
        return Resolved(SpeakerRef(name=mention, mention=mention, span=char_span), category)

    # -- helpers

    def _split_entity(self, span: Span, entity: Entity) -> bool:
        """The phrase is one proper name holding the mentions of several entities."""
        if any(t.pos_ not in ("PROPN", "DET", "ADP", "CCONJ", "PART") for t in span):
            return False
        if not any(t.pos_ in ("ADP", "CCONJ") for t in span):
            return False
        a, b = span.start_char, span.end_char
        first = bisect.bisect_left(self._mention_starts, a)
        stop = bisect.bisect_right(self._mention_starts, b)
        return any(
            e is not entity and mb <= b
            for _, mb, e in itertools.islice(self._mention_index, first, stop)
        )

    def _lengthen(self, name: str) -> str:
        last = name.split()[-1]
        for _, _, full, _ in self.persons:
            words = full.split()
            if len(words) > len(name.split()) and words[-1] == last:
                return full
        return name

    def _pronoun(self, head: Token, mention: str, char_span: tuple[int, int]) -> Resolved:
        lex = lexicon()
        low = head.lower_
        found: Resolved | None = None
        if low in lex.person_pronouns:
            found = self._antecedent(head, person=True)
        elif low in lex.thing_pronouns:
            found = self._antecedent(head, person=False)
        if found is None:
            return Resolved(SpeakerRef(name=mention, mention=mention, span=char_span), "pronoun")
        return Resolved(
            found.ref.model_copy(update={"mention": mention, "span": char_span}), found.category
        )

    def _antecedent(self, head: Token, person: bool) -> Resolved | None:
        pos = head.idx
        if person:
            sent = head.sent
            first = bisect.bisect_left(self._person_starts, sent.start_char)
            if first < bisect.bisect_left(self._person_starts, pos):
                a, b, name, eid = self.persons[first]
                return Resolved(
                    SpeakerRef(name=name, mention=self.text[a:b], span=(a, b), entity_id=eid),
                    "person",
                )
        for spos, resolved in reversed(self.speakers):
            if spos < pos and (resolved.category == "person") == person:
                return resolved
        if person:
            before = bisect.bisect_left(self._person_starts, pos)
            if before:
                a, b, name, eid = self.persons[before - 1]
                return Resolved(
                    SpeakerRef(name=name, mention=self.text[a:b], span=(a, b), entity_id=eid),
                    "person",
                )
        return None

    def _by_role(self, noun: str) -> Resolved | None:
        for e in self.entities:
            if e.type == "PERSON" and any(noun in r.text.lower() for r in e.roles):
                return Resolved(SpeakerRef(name=e.name, mention=e.name, entity_id=e.id), "person")
        return None

    def _entity_at(self, head: Token) -> Entity | None:
        pos = head.idx
        # Only mentions starting at most one mention-length before pos can hold it.
        first = bisect.bisect_left(self._mention_starts, pos - self._longest_mention)
        stop = bisect.bisect_right(self._mention_starts, pos)
        for a, b, e in itertools.islice(self._mention_index, first, stop):
            if a <= pos < b:
                return e
        return None

    def _entity_by_name(self, span: Span, head: Token) -> Entity | None:
        """An entity whose name or alias occurs in the phrase over its head word ("the
        authorities of Russia" is not Russia), or whose last name the head is."""
        text = span.text.lower()
        at = head.idx - span.start_char
        best: Entity | None = None
        for e, forms in self._forms:
            for form in forms:
                if form not in text:  # cheap test first: most entities are not in the phrase
                    continue
                if any(m.start() <= at < m.end() for m in _whole_word(form).finditer(text)):
                    if best is None or len(e.name) > len(best.name):
                        best = e
                    break
        if best is None and head.pos_ == "PROPN":
            last = _strip_possessive(head.text)
            for e in self.entities:
                if e.type == "PERSON" and e.name.split() and e.name.split()[-1] == last:
                    return e
        return best

    def _from_entity(self, entity: Entity, mention: str, char_span: tuple[int, int]) -> Resolved:
        category: Category = "person" if entity.type == "PERSON" else "org"
        return Resolved(
            SpeakerRef(name=entity.name, mention=mention, span=char_span, entity_id=entity.id),
            category,
        )


@functools.lru_cache(maxsize=4096)
def _whole_word(form: str) -> re.Pattern[str]:
    """The compiled pattern of ``form`` as a whole word (cached: forms repeat per article)."""
    return re.compile(rf"(?<!\w){re.escape(form)}(?!\w)")


def _appositive(head: Token) -> Token | None:
    """The head of an apposition set off by commas after ``head`` ("X, head of Y,")."""
    for child in head.rights:
        if (
            child.dep_ == "appos"
            and child.left_edge.i > head.i
            and head.doc[child.left_edge.i - 1].text == ","
        ):
            return child
    return None


def _strip_possessive(text: str) -> str:
    text = text.strip()
    for suffix in ("'s", "\u2019s", "'", "\u2019"):
        if text.endswith(suffix):
            return text[: -len(suffix)].rstrip()
    return text


def _is_definite(span: Span) -> bool:
    first = span[0]
    return (
        first.lower_ in ("the", "this", "that", "these", "those")
        or first.dep_ == "poss"
        or first.pos_ == "PROPN"
    )
