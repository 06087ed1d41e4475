"""Reporting cues and the noun phrase of their source (not stable API)."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from dateline.records import ContentKind, CueKind
from dateline.stages._speech import QUOTE_CHARS, lexicon
from dateline.stages._tokens import tokens_of

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_CITE_DEPS = frozenset({"advcl", "xcomp", "acl", "conj", "dep"})

# --------------------------------------------------------------------------- cues


@dataclass
class Cue:
    """A reporting cue: the cue token, its source noun phrase and the reported content.

    ``content`` is the token range ``[start, end)`` of the reported clause, or None when the
    cue carries no clause ("said this in an interview"). ``content_kind`` says what the
    content is: a reported ``clause``, an ``appeal`` (object plus to-infinitive: "urged
    voters to stay home") or an ``object`` noun phrase ("called for talks", "cited the
    figures"). ``kind`` says what the cue is (see ``records.SpeechCue``).
    """

    token: Token
    source: Token | None
    content: tuple[int, int] | None = None
    passive: bool = False
    citing: list[Token] = field(default_factory=list)
    kind: CueKind = "verb"
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
            if child.lemma_.lower() in _CITE_LEMMAS and child.dep_ in (
                "acl",
                "advcl",
                "appos",
                "relcl",
            ):
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
    for token in tokens_of(doc):
        if token.lower_ == "according" and token.dep_ in ("prep", "advmod", "dep", "mark"):
            obj = _according_object(token)
            if obj is not None:
                head = token.head
                cues.append(Cue(token, obj, _according_content(head, token), kind="according"))
            continue
        lemma = token.lemma_.lower()
        known = (
            [c for c in token.children if c.dep_ == "acomp" and c.lower_ == "known"]
            if lemma == "become"
            else []
        )
        if known:
            # "it became known that ...": content with no named source
            for content, _ in _contents(token) + _contents(known[0]):
                cues.append(Cue(token, None, content, passive=True, kind="known"))
            continue
        if token.pos_ == "NOUN" and lemma in lexicon().reporting_nouns:
            poss = next((c for c in token.children if c.dep_ == "poss"), None)
            for child in token.children:
                if child.dep_ in ("acl", "ccomp") and any(
                    c.dep_ == "mark" and c.lower_ == "that" for c in child.children
                ):
                    cues.append(Cue(token, poss, _clause_range(child), kind="noun"))
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
            cues.append(
                Cue(cue.token, cue.source, content, cue.passive, cue.citing, content_kind=kind)
            )
    return cues


def _cited_as_saying(verb: Token) -> tuple[Token | None, list[Token]] | None:
    """ "X cited/quoted Y as saying that ...": the source X and the cited Y of 'saying'."""
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
    found = _reported_clauses(verb)
    appeals: list[tuple[int, int]] = []
    objects: list[tuple[int, int]] = []
    if not found and verb.lemma_.lower() in lexicon().directive_verbs:
        appeals, objects = _directive_contents(verb)
    if not found and not appeals and verb.lemma_.lower() == "cite" and verb.tag_ != "VBG":
        # "X cited the figures": what a finite 'cite' puts forward ("citing Y" names a source)
        objects.extend(
            (obj.left_edge.i, obj.right_edge.i + 1) for obj in verb.children if obj.dep_ == "dobj"
        )
    found.extend(_fronted_clauses(verb))
    if not found and not appeals and not objects:
        found.extend(_host_clause(verb))
    kinds: list[tuple[list[tuple[int, int]], ContentKind]] = [
        (found, "clause"),
        (appeals, "appeal"),
        (objects, "object"),
    ]
    return [(c, kind) for ranges, kind in kinds for c in ranges if c[1] > c[0]]


def _reported_clauses(verb: Token) -> list[tuple[int, int]]:
    """The verb's ccomp clauses ("said that X"), a conjoined "but that Y" joined to X."""
    found: list[tuple[int, int]] = []
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
    return found


def _directive_contents(verb: Token) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """A directive verb's appeals (object plus to-infinitive: "urged voters to stay home")
    or, failing those, the objects of its 'for' ("called for a moratorium")."""
    appeals: list[tuple[int, int]] = []
    objects: list[tuple[int, int]] = []
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
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "for" and child.i > verb.i:
                objects.extend(
                    (obj.left_edge.i, obj.right_edge.i + 1)
                    for obj in child.children
                    if obj.dep_ in ("pobj", "pcomp")
                )
    return appeals, objects


def _fronted_clauses(verb: Token) -> list[tuple[int, int]]:
    """Subject-bearing clauses before the verb with no subordinator ("<clause>, X noted")."""
    return [
        _clause_range(child)
        for child in verb.children
        if child.dep_ in ("advcl", "parataxis")
        and child.i < verb.i
        and child.pos_ in ("VERB", "AUX")
        and any(c.dep_ in _SUBJECT_DEPS for c in child.children)
        and not any(c.dep_ == "mark" for c in child.children)
    ]


def _host_clause(verb: Token) -> list[tuple[int, int]]:
    """The root clause a comma-set reporting clause hangs off ("X is closed, Y said"),
    from its start to the comma before the reporting clause."""
    first = _subtree_min(verb)
    if (
        verb.dep_ in ("parataxis", "ccomp", "advcl")
        and verb.head.i < verb.i
        and verb.head.pos_ in ("VERB", "AUX")
        and verb.head.dep_ == "ROOT"
        # its own subject: a participle sharing the host's ("sought X, calling it Y")
        # reports its complement, not the host clause
        and any(c.dep_ in _SUBJECT_DEPS or c.dep_ == "agent" for c in verb.children)
        and first > 0
        and verb.doc[first - 1].text == ","
        and not any(c.dep_ == "mark" for c in verb.children)
        and first > verb.head.left_edge.i
    ):
        return [(verb.head.left_edge.i, first)]
    return []


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
        if not any(
            t.pos_ in ("VERB", "AUX") and t.dep_ not in ("acl", "relcl", "advcl", "amod")
            for t in after
        ):
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
        and doc[start].text not in QUOTE_CHARS
    ):
        start += 1
    while (
        end > start
        and doc[end - 1].is_punct
        and doc[end - 1].text not in QUOTE_CHARS
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
