"""Trigger lexicon of the events stage: loading and matching (not stable API).

The lexicon lives in ``dateline/data/events/triggers.tsv`` (format in its header);
``match_trigger`` decides whether a spaCy token is an event trigger and returns the
matching entry.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Token

from dateline.data import load_rows, load_words

_POS = {"V": ("VERB",), "N": ("NOUN",), "A": ("ADJ",)}
# Children that may carry a phrasal particle ("push back", "break through", "push ... out").
_PARTICLE_DEPS = frozenset({"prt", "advmod", "prep", "dobj", "npadvmod"})
_OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd", "acomp"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "xcomp", "conj", "parataxis"})
# Verbs that are "re-" and a lexicon verb, meaning the same act again.
_AGAIN_VERBS = load_words("event_verbs", "again")


@dataclass(frozen=True)
class Entry:
    """One lexicon line."""

    lemma: str
    pos: str
    conditions: tuple[tuple[str, frozenset[str]], ...]
    type: str
    alt_type: str | None
    flags: frozenset[str]


@functools.cache
def lexicon() -> dict[tuple[str, str], tuple[Entry, ...]]:
    """Load the trigger lexicon once per process: (lemma, pos letter) -> entries.

    Entries are ordered most specific first (most conditions), then file order.
    """
    text = (
        resources.files("dateline").joinpath("data/events/triggers.tsv").read_text(encoding="utf-8")
    )
    table: dict[tuple[str, str], list[Entry]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lemma, pos, pattern, type_, alt, flags = line.split("\t")
        conditions: list[tuple[str, frozenset[str]]] = []
        if pattern != "-":
            for cond in pattern.split(";"):
                key, _, values = cond.partition("=")
                # "obj!=goal|target": the negated condition, stored as key "obj!".
                conditions.append((key, frozenset(values.split("|")) if values else frozenset()))
        entry = Entry(
            lemma,
            pos,
            tuple(conditions),
            type_,
            None if alt == "-" else alt,
            frozenset() if flags == "-" else frozenset(flags.split(",")),
        )
        table.setdefault((lemma, pos), []).append(entry)
    return {
        key: tuple(sorted(entries, key=lambda e: -len(e.conditions)))
        for key, entries in table.items()
    }


@functools.cache
def demonyms() -> dict[str, str]:
    """Load the demonym table once per process: lower-case form -> ISO country code."""
    return {form.lower(): code for form, code in load_rows("demonyms") if len(code) == 2}


def is_passive(token: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)


def phrase_lemmas(token: Token) -> set[str]:
    """Lemmas of a phrase, without descending into embedded clauses."""
    out: set[str] = set()
    stack = [token]
    while stack:
        tok = stack.pop()
        out.add(tok.lemma_.lower())
        out.add(tok.lower_)
        stack.extend(c for c in tok.children if c.dep_ not in _CLAUSE_DEPS)
    return out


def _temporal(prep: Token) -> bool:
    """A preposition of time ("a strike on Monday"), which no pattern's "on" means."""
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


def _holds(token: Token, key: str, values: frozenset[str]) -> bool:
    if key.endswith("!"):
        return not _holds(token, key[:-1], values)
    children = list(token.children)
    if key == "comp":
        return any(c.dep_ in ("xcomp", "dobj", "ccomp") for c in children)
    if key == "passive":
        return is_passive(token)
    if key == "neg":
        # Only a negation in the verb group ("did not say", "has never said"): a quoted
        # "not" before or after the verb, cut off by punctuation, is what was said.
        doc = token.doc
        return any(
            c.dep_ == "neg"
            and c.i < token.i
            and not any(t.is_punct for t in doc[c.i + 1 : token.i])
            for c in children
        )
    if key == "prt":
        return any(c.dep_ in _PARTICLE_DEPS and c.lower_ in values for c in children)
    if key == "prep":
        return any(
            c.dep_ in ("prep", "prt", "agent") and c.lower_ in values and not _temporal(c)
            for c in children
        )
    if key == "obj":
        phrases = [c for c in children if c.dep_ in _OBJECT_DEPS]
        # "missile, drone and rocket fire": each conjunct is an object.
        phrases += [conj for c in phrases for conj in c.conjuncts]
        # "take control of X": the particle-like object may hang on the verb's preposition.
        return any(values & phrase_lemmas(c) for c in phrases)
    if key == "pobj":
        return any(values & phrase_lemmas(c) for c in children if c.dep_ == "prep")
    if key == "mod":
        # A noun's modifier ("air strike", "drone strike", "Israeli strike").
        return any(
            c.dep_ in ("compound", "amod", "poss", "nmod")
            and (c.lower_ in values or c.lemma_.lower() in values)
            for c in children
        )
    if key == "subj":
        return any(values & phrase_lemmas(c) for c in children if c.dep_ in _SUBJECT_DEPS)
    return False


def match_trigger(token: Token) -> Entry | None:
    """Return the lexicon entry a token triggers, or None.

    A token matches when its lemma and part of speech have entries and the first
    (most specific) entry whose conditions all hold is returned.
    """
    for letter, tags in _POS.items():
        if token.pos_ not in tags:
            continue
        entries = lexicon().get((token.lemma_.lower(), letter))
        if not entries and letter == "N":
            entries = lexicon().get((token.lower_, letter))
        if not entries and letter == "V" and token.lemma_.lower() in _AGAIN_VERBS:
            # "reimposed the blockade" is imposing it again.
            entries = lexicon().get((token.lemma_.lower().removeprefix("re").lstrip("-"), letter))
        for entry in entries or ():
            if all(_holds(token, key, values) for key, values in entry.conditions):
                return entry
    return None
