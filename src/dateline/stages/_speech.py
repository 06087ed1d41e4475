"""Shared speech helpers for the quotes and claims stages (not stable API).

Finds quotation-mark spans, reporting cues (a reporting verb with its subject, or
"according to X") and resolves who a cue's source is: an ``Entity`` of the
entities stage where one matches, else spaCy's named entities, else the words of
the subject noun phrase.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import json
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Literal

from spacy.tokens import Doc, Span, Token

from dateline.records import Entity, SpeakerRef

Category = Literal["person", "org", "anonymous", "pronoun", "other", "none"]
ContentKind = Literal["clause", "appeal", "object"]

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_NP_RIGHT_DEPS = frozenset({"prep", "pobj", "compound", "flat", "nummod", "case", "poss"})
_EDGE_PUNCT = " \t\r\n,.;:!?-\u2014\u2013()[]"
_CITE_DEPS = frozenset({"advcl", "xcomp", "acl", "conj", "dep"})
_QUOTE_CHARS = "\"\u201c\u201d\u201e\u00ab\u00bb`'"


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
    raw = json.loads(
        resources.files("dateline").joinpath("data/quotes/speech.json").read_text(encoding="utf-8")
    )
    return Lexicon(
        **{name: frozenset(w.lower() for w in raw[name]) for name in Lexicon.__dataclass_fields__}
    )


# --------------------------------------------------------------------------- quotation marks

# Opening/closing marks: curly and straight double quotes and TeX-style ``...''.
_MARK = re.compile(r"``|''|[\"\u201c\u201d\u201e\u00ab\u00bb]")
_OPENERS = frozenset({"\u201c", "\u201e", "\u00ab", "``"})
_CLOSERS = frozenset({"\u201d", "\u00bb", "''"})


def quote_marks(text: str) -> list[tuple[int, int]]:
    """Return the outermost quotation spans ``[open mark, close mark]`` (marks included).

    Marks are paired with a depth counter per paragraph, so nested quotes stay inside
    their outer quote. A straight ``"`` opens after whitespace or an opening bracket and
    closes otherwise. A paragraph that ends inside a quote continues it when the next
    paragraph opens with a quotation mark (the multi-paragraph convention); otherwise the
    quote ends with its paragraph.
    """
    spans: list[tuple[int, int]] = []
    depth = 0
    start = -1
    checked = 0  # the paragraph test looks at the text after the previous mark
    for match in _MARK.finditer(text):
        mark, pos = match.group(), match.start()
        if depth and "\n" in text[checked:pos]:
            if not text[text.index("\n", checked) : pos].strip() and _is_opener(text, pos, mark):
                depth = 1  # the quote goes on in a new paragraph
                checked = match.end()
                continue
            spans.append((start, _trim_end(text, start, text.index("\n", checked))))
            depth = 0
        checked = match.end()
        if depth == 0:
            if _is_opener(text, pos, mark):
                start, depth = pos, 1
            continue
        if mark in _OPENERS or (mark == '"' and _opens(text, pos) and not _closes(text, pos)):
            depth += 1
            continue
        depth -= 1
        if depth == 0:
            spans.append((start, match.end()))
    if depth:
        end = text.find("\n", checked)
        spans.append((start, _trim_end(text, start, len(text) if end < 0 else end)))
    return [s for s in spans if s[1] - s[0] > 2]


def _opens(text: str, pos: int) -> bool:
    return pos == 0 or text[pos - 1].isspace() or text[pos - 1] in "([{\u2014\u2013-/"


def _closes(text: str, pos: int) -> bool:
    nxt = text[pos + 1] if pos + 1 < len(text) else " "
    return nxt.isspace() or nxt in ",.;:!?)]}\u2014\u2013-'\u2019"


def _is_opener(text: str, pos: int, mark: str) -> bool:
    if mark in _OPENERS:
        return True
    if mark in _CLOSERS:
        # A closing mark typed at the start of a paragraph opens a quote.
        return mark == "\u201d" and not text[text.rfind("\n", 0, pos) + 1 : pos].strip()
    return _opens(text, pos) or not _closes(text, pos)


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def trim(text: str, start: int, end: int, quotes: bool = False) -> tuple[int, int]:
    """Shrink ``[start, end)`` past edge whitespace and punctuation (and quote marks)."""
    chars = _EDGE_PUNCT + (_QUOTE_CHARS if quotes else "")
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


# --------------------------------------------------------------------------- cues


@dataclass
class Cue:
    """A reporting cue: the cue token, its source noun phrase and the reported content.

    ``content`` is the token range ``[start, end)`` of the reported clause, or None when the
    cue carries no clause ("said this in an interview"). ``content_kind`` says what the
    content is: a reported ``clause``, an ``appeal`` (object plus to-infinitive: "urged
    voters to stay home") or an ``object`` noun phrase ("called for talks", "cited the
    figures").
    """

    token: Token
    source: Token | None
    content: tuple[int, int] | None = None
    passive: bool = False
    citing: list[Token] = field(default_factory=list)
    according: bool = False
    content_kind: ContentKind = "clause"

    @property
    def negated(self) -> bool:
        """The cue verb is negated ("did not say when ...", "never confirmed that ...")."""
        return any(c.dep_ == "neg" for c in self.token.children)

    @property
    def cites_third_party(self) -> bool:
        """The source cites someone other than itself ("citing a source in the ministry";
        not "citing its own sources", which is the outlet's own reporting)."""
        return any(
            not any(c.lower_ == "own" or c.dep_ == "poss" for c in cited.children)
            for cited in self.citing
        )


def is_reporting(token: Token) -> bool:
    """A verb whose lemma is in the reporting-verb lexicon."""
    lex = lexicon()
    lemma = token.lemma_.lower()
    return token.pos_ in ("VERB", "AUX") and (
        lemma in lex.reporting_verbs or lemma in lex.content_optional_verbs
    )


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb: nsubj, passive agent, a conjunct's or relative clause's head."""
    for child in verb.children:
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    for child in verb.children:
        if child.dep_ in _SUBJECT_DEPS:
            if child.lower_ in lexicon().relative_pronouns and verb.dep_ == "relcl":
                return verb.head
            return child
    if (
        _participle_cue(verb)
        and verb.head.dep_ == "ccomp"
        and verb.head.head.i != verb.head.i
        and is_reporting(verb.head.head)
    ):
        return subject_of(verb.head.head)  # "X said that Y would appeal, adding that ..."
    if (
        verb.dep_ in ("conj", "advcl", "xcomp", "pcomp")
        and verb.head.pos_ in ("VERB", "AUX")
        and verb.head.i != verb.i
    ):
        return subject_of(verb.head)  # "..., saying that", "went on to add"
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head  # "a letter saying ...", "X, asking ..."
    return None


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


_CITE_LEMMAS = frozenset({"cite", "quote"})


def _citing(verb: Token) -> list[Token]:
    """Sources of "X, citing Y, reported" (or "quoting Y"): the objects of the participle."""
    found = []
    for child in verb.children:
        if child.lemma_.lower() in _CITE_LEMMAS and child.dep_ in _CITE_DEPS:
            found.extend(c for c in child.children if c.dep_ in ("dobj", "obj", "pobj"))
    subj = subject_of(verb)
    if subj is not None and subj.i < verb.i:
        for child in subj.children:
            if child.lemma_.lower() in _CITE_LEMMAS and \
                    child.dep_ in ("acl", "advcl", "appos", "relcl"):
                found.extend(c for c in child.children if c.dep_ in ("dobj", "obj", "pobj"))
    return found


def find_cues(doc: Doc) -> list[Cue]:
    """Every reporting cue of the doc in document order.

    1. A reporting verb with a clausal complement (ccomp) or, failing that, a verb whose
       complement precedes it ("<clause>, X noted": the verb hangs off the clause's root).
    2. A reporting verb with no clause (kept: it names a speaker for later pronouns).
    3. "according to X": the clause the phrase attaches to.
    """
    cues: list[Cue] = []
    for token in doc:
        if token.lower_ == "according" and token.dep_ in ("prep", "advmod", "dep", "mark"):
            obj = _according_object(token)
            if obj is not None:
                head = token.head
                cues.append(Cue(token, obj, _according_content(head, token), according=True))
            continue
        known = [c for c in token.children if c.dep_ == "acomp" and c.lower_ == "known"]
        if token.lemma_.lower() == "become" and known:
            # "it became known that ...": content with no named source
            for content, _ in _contents(token) + _contents(known[0]):
                cues.append(Cue(token, None, content, passive=True))
            continue
        if token.pos_ == "NOUN" and token.lemma_.lower() in lexicon().reporting_nouns:
            poss = next((c for c in token.children if c.dep_ == "poss"), None)
            for child in token.children:
                if child.dep_ in ("acl", "ccomp") and any(
                    c.dep_ == "mark" and c.lower_ == "that" for c in child.children
                ):
                    cues.append(Cue(token, poss, _clause_range(child)))
            continue
        if not is_reporting(token):
            continue
        cue = Cue(token, subject_of(token), None, is_passive(token), _citing(token))
        cited_as = _cited_as_saying(token)
        if cited_as is not None:
            cue.source, cue.citing = cited_as
        contents = _contents(token)
        if not contents:
            cues.append(cue)
        for content, kind in contents:
            cues.append(Cue(cue.token, cue.source, content, cue.passive, cue.citing,
                            content_kind=kind))
    return cues


def _cited_as_saying(verb: Token) -> tuple[Token | None, list[Token]] | None:
    """"X cited/quoted Y as saying that ...": the source X and the cited Y of 'saying'."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ != "as" or prep.head.lemma_.lower() not in _CITE_LEMMAS:
        return None
    cite = prep.head
    return subject_of(cite), [c for c in cite.children if c.dep_ in ("dobj", "obj")]


def _participle_cue(token: Token) -> bool:
    """A reporting participle that continues its clause's report (", adding that ...")."""
    return token.tag_ == "VBG" and token.dep_ in ("advcl", "xcomp", "conj") and is_reporting(token)


def _contents(verb: Token) -> list[tuple[tuple[int, int], ContentKind]]:
    """The contents a reporting verb reports, each with its kind (see ``Cue``): its
    ccomp children, an object and to-infinitive or 'for' object of a directive verb, the
    object of a finite 'cite', a subject-bearing
    clause fronted before it ("<clause>, X noted"), or the root clause it hangs off."""
    found = []
    for child in verb.children:
        if child.dep_ == "ccomp":
            start, end = _clause_range(child)
            # "said that X, adding that Y": the participle's report is not part of X.
            for sub in child.children:
                if _participle_cue(sub) and sub.i > child.i and sub.left_edge.i < end:
                    end = sub.left_edge.i
                    while end > start and verb.doc[end - 1].is_punct:
                        end -= 1
            found.append((start, end))
        elif (
            child.dep_ == "conj"
            and found
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)
        ):
            # "said that X, but that Y" parsed with Y conjoined to the verb: one report.
            start, end = _clause_range(child)
            if found[-1][1] <= start:
                found[-1] = (found[-1][0], end)
    appeals: list[tuple[int, int]] = []
    objects: list[tuple[int, int]] = []
    if not found and verb.lemma_.lower() in lexicon().directive_verbs:
        # "urged voters to stay home": the object and its to-infinitive
        for child in verb.children:
            if child.dep_ == "xcomp" and child.i > verb.i:
                start = min(
                    [child.left_edge.i]
                    + [
                        c.left_edge.i
                        for c in verb.children
                        if c.dep_ in ("dobj", "dative", "prep") and verb.i < c.i < child.i
                    ]
                )
                appeals.append((start, child.right_edge.i + 1))
        if not appeals:
            # "called for a moratorium", "pressed for new talks": the object of 'for'
            for child in verb.children:
                if child.dep_ == "prep" and child.lower_ == "for" and child.i > verb.i:
                    objects.extend(
                        (obj.left_edge.i, obj.right_edge.i + 1)
                        for obj in child.children
                        if obj.dep_ in ("pobj", "pcomp")
                    )
    if not found and not appeals and verb.lemma_.lower() == "cite" and verb.tag_ != "VBG":
        # "X cited the figures": what a finite 'cite' puts forward ("citing Y" names a source)
        objects.extend(
            (obj.left_edge.i, obj.right_edge.i + 1) for obj in verb.children if obj.dep_ == "dobj"
        )
    for child in verb.children:
        if (
            child.dep_ in ("advcl", "parataxis")
            and child.i < verb.i
            and child.pos_ in ("VERB", "AUX")
            and any(c.dep_ in _SUBJECT_DEPS for c in child.children)
            and not any(c.dep_ == "mark" for c in child.children)
        ):
            found.append(_clause_range(child))
    first = _subtree_min(verb)
    if (
        not found
        and not appeals
        and not objects
        and verb.dep_ in ("parataxis", "ccomp", "advcl")
        and verb.head.i < verb.i
        and verb.head.pos_ in ("VERB", "AUX")
        and verb.head.dep_ == "ROOT"
        and subject_of(verb) is not None
        and first > 0
        and verb.doc[first - 1].text == ","
        and not any(c.dep_ == "mark" for c in verb.children)
    ):
        if first > verb.head.left_edge.i:
            found.append((verb.head.left_edge.i, first))
    kinds: list[tuple[list[tuple[int, int]], ContentKind]] = [
        (found, "clause"), (appeals, "appeal"), (objects, "object")
    ]
    return [(c, kind) for ranges, kind in kinds for c in ranges if c[1] > c[0]]


def _subtree_min(token: Token) -> int:
    # The parse is projective, so the subtree's first token is its left edge; walking
    # ``token.subtree`` instead cost time quadratic in a long chain of clauses.
    return token.left_edge.i


def _according_object(token: Token) -> Token | None:
    for child in token.children:
        if child.lower_ == "to":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
        if child.dep_ == "pobj":
            return child
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is not None and nxt.lower_ == "to":
        for obj in nxt.children:
            if obj.dep_ == "pobj":
                return obj
    return None


def _according_content(head: Token, according: Token) -> tuple[int, int] | None:
    """The clause 'according to X' attaches to, without the phrase itself.

    A phrase opening or closing the sentence covers every conjoined clause ("According to
    X, A happened and B happened"), not only the conjunct the parser hung it on.
    """
    sent = head.sent
    if head.pos_ not in ("VERB", "AUX"):
        head = sent.root
    skip = {t.i for t in according.subtree}
    nxt = according.i + 1
    if nxt < len(according.doc) and according.doc[nxt].lower_ == "to":
        skip.update(t.i for t in according.doc[nxt].subtree)
    edge = _according_edge(according, sent)
    if edge is not None:
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
        if edge == "start":
            comma = next((t.i for t in sent if t.i > according.i and t.text == ","), None)
            floor = max(max(skip), comma if comma is not None else max(skip))
            idx = [t.i for t in sent if t.i > floor and not t.is_punct]
        else:
            idx = [t.i for t in sent if t.i < according.i and not t.is_punct]
        if idx:
            return (idx[0], idx[-1] + 1)
    idx = [t.i for t in head.subtree if t.i not in skip and not t.is_punct]
    if not idx:
        return None
    if according.i < idx[0] or according.i > idx[-1]:
        return (idx[0], idx[-1] + 1)
    # The phrase sits inside: keep the part after it when it opens the clause.
    after = [i for i in idx if i > max(skip)]
    before = [i for i in idx if i < min(skip)]
    if after and len(after) >= len(before):
        return (after[0], after[-1] + 1)
    return (idx[0], idx[-1] + 1)


def _according_edge(according: Token, sent: Span) -> str | None:
    """'start' when 'according to X,' opens the sentence, 'end' when ', according to X'
    closes it (only its object and an apposition follow), else None."""
    before = [t for t in sent if t.i < according.i and not t.is_punct]
    if not before:
        return "start"
    doc = according.doc
    if according.i > sent.start and doc[according.i - 1].text == ",":
        after = [t for t in sent if t.i > according.i and not t.is_punct]
        if not any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("acl", "relcl", "advcl", "amod")
                   for t in after):
            return "end"
    return None


def _clause_range(head: Token) -> tuple[int, int]:
    """Token range of a complement clause, without a leading complementizer 'that'."""
    start, end = head.left_edge.i, head.right_edge.i + 1
    doc = head.doc
    while start < end and (
        doc[start].dep_ == "mark"
        and doc[start].lower_ == "that"
        or doc[start].is_punct
        and doc[start].text not in _QUOTE_CHARS
    ):
        start += 1
    while (
        end > start
        and doc[end - 1].is_punct
        and doc[end - 1].text not in _QUOTE_CHARS
        and doc[end - 1].text not in ".!?"
    ):
        end -= 1
    return start, end


# --------------------------------------------------------------------------- noun phrases


def mention_range(token: Token) -> tuple[int, int]:
    """Token range of the noun phrase headed by ``token``: left modifiers and 'of/in' PPs,
    without appositions or relative clauses."""
    start = token.i
    for child in token.lefts:
        if child.dep_ in ("punct", "appos", "cc", "conj", "relcl", "acl"):
            continue
        start = min(start, child.left_edge.i)
    end = token.i + 1
    for child in token.rights:
        if child.dep_ in ("prep",) and child.lower_ in ("of", "in", "at", "from", "for", "with"):
            end = max(end, child.right_edge.i + 1)
        elif child.dep_ in ("compound", "flat", "nummod") and child.i == end:
            end = child.right_edge.i + 1
        else:
            break
    doc = token.doc
    while start < token.i and (
        doc[start].is_punct
        or doc[start].dep_ == "cc"
        or not any(c.isalnum() for c in doc[start].text)
    ):
        start += 1
    return start, end


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
         PERSON named in the text (entities, then spaCy's PERSON names);
      4. spaCy's named entity on the head (PERSON names are lengthened to an earlier full
         name with the same last word);
      5. the phrase's own words.
    """

    def __init__(self, doc: Doc, entities: list[Entity], quotes: list[tuple[int, int]]) -> None:
        self.doc = doc
        self.text = doc.text
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
        ordered = sorted(quotes)
        self._quote_starts = [a for a, _ in ordered]
        self._quote_reach = list(itertools.accumulate((b for _, b in ordered), max))
        self._ents = list(doc.ents)
        self._ent_of_token = {i: ent for ent in self._ents for i in range(ent.start, ent.end)}
        self._forms = [
            (e, [form.lower() for form in (e.name, *e.aliases) if form]) for e in entities
        ]
        self._person_names: dict[str, str] = {}
        for e in entities:
            if e.type == "PERSON":
                for form in (*e.aliases, e.name):
                    self._person_names.setdefault(form, e.name)
        self._persons_by_last = self._index_persons_by_last_word()
        self.persons: list[tuple[int, int, str, str | None]] = []  # start, end, name, entity id
        for a, b, e in self._mention_index:
            if e.type == "PERSON" and not self._in_quote(a):
                self.persons.append((a, b, e.name, e.id))
        for ent in self._ents:
            if ent.label_ == "PERSON" and not self._in_quote(ent.start_char):
                self.persons.append((ent.start_char, ent.end_char, self._full_name(ent), None))
        self.persons.sort(key=lambda p: (p[0], p[1]))

    def _in_quote(self, pos: int) -> bool:
        # Among quotes opening before pos, does any close after it? (prefix max of ends)
        index = bisect.bisect_left(self._quote_starts, pos) - 1
        return index >= 0 and self._quote_reach[index] > pos

    def _index_persons_by_last_word(self) -> dict[str, dict[int, tuple[int, str]]]:
        """For each last word: word count -> (start, name) of the first PERSON name that long."""
        index: dict[str, dict[int, tuple[int, str]]] = {}
        for ent in self._ents:
            words = _strip_possessive(ent.text).split()
            if ent.label_ == "PERSON" and words:
                index.setdefault(words[-1], {}).setdefault(
                    len(words), (ent.start_char, " ".join(words))
                )
        return index

    def _full_name(self, ent: Span) -> str:
        name = _strip_possessive(ent.text)
        last = name.split()[-1] if name.split() else name
        if name in self._person_names:
            return self._person_names[name]
        longer = [
            found
            for count, found in self._persons_by_last.get(last, {}).items()
            if count > len(name.split()) and found[0] < ent.start_char
        ]
        return min(longer)[1] if longer else name

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
                return Resolved(
                    SpeakerRef(name=mention, mention=mention, span=char_span), "org"
                )
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
        ent = self._ent_on(head)
        if ent is not None:
            if ent.label_ == "PERSON":
                name = self._full_name(ent)
                return Resolved(SpeakerRef(name=name, mention=mention, span=char_span), "person")
            if ent.label_ == "ORG" and _person_like(ent):
                # The small model often labels unfamiliar surnames ORG; a short title-case
                # name with no organisation word and no acronym is taken for a person.
                return Resolved(
                    SpeakerRef(
                        name=self._lengthen(_strip_possessive(ent.text)),
                        mention=mention,
                        span=char_span,
                    ),
                    "person",
                )
            if ent.label_ in ("ORG", "GPE", "NORP", "FAC", "WORK_OF_ART", "LOC"):
                return Resolved(SpeakerRef(name=mention, mention=mention, span=char_span), "org")
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
        return any(
            e is not entity and a <= ma and mb <= b for ma, mb, e in self._mention_index
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
            same = [p for p in self.persons if sent.start_char <= p[0] < pos]
            if same:
                a, b, name, eid = same[0]
                return Resolved(
                    SpeakerRef(name=name, mention=self.text[a:b], span=(a, b), entity_id=eid),
                    "person",
                )
        for spos, resolved in reversed(self.speakers):
            if spos < pos and (resolved.category == "person") == person:
                return resolved
        if person:
            before = [p for p in self.persons if p[0] < pos]
            if before:
                a, b, name, eid = before[-1]
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

    def _ent_on(self, head: Token) -> Span | None:
        return self._ent_of_token.get(head.i) if head.ent_type_ else None


@functools.lru_cache(maxsize=4096)
def _whole_word(form: str) -> re.Pattern[str]:
    """The compiled pattern of ``form`` as a whole word (cached: forms repeat per article)."""
    return re.compile(rf"(?<!\w){re.escape(form)}(?!\w)")


def _appositive(head: Token) -> Token | None:
    """The head of an apposition set off by commas after ``head`` ("X, head of Y,")."""
    for child in head.rights:
        if child.dep_ == "appos" and child.left_edge.i > head.i and \
                head.doc[child.left_edge.i - 1].text == ",":
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


def _person_like(ent: Span) -> bool:
    words = [t for t in ent if not t.is_punct and t.lower_ not in ("'s", "\u2019s")]
    if not 1 <= len(words) <= 3 or any(t.pos_ != "PROPN" for t in words):
        return False
    if any(t.text.isupper() or not t.text[:1].isupper() for t in words):
        return False
    return not {t.lower_ for t in words} & lexicon().org_words


def is_title(text: str) -> bool:
    """A short quotation in title case ("Fox News Sunday", "War and Peace"): a name of a
    work or programme rather than speech."""
    words = _NAME_TOKEN.findall(text)
    if not 1 <= len(words) <= 6:
        return False
    small = lexicon().title_small_words
    content = [w for w in words if w.lower() not in small or w is words[0]]
    return all(w[:1].isupper() or w[:1].isdigit() for w in content)
