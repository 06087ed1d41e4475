"""Event candidates and their features for the trained events classifier (not stable API).

Candidates are broad: every content verb, every noun whose lemma is in the event-noun list
(``data/events/event_nouns.txt``, derived as its header says) or in the trigger lexicon, and
the lexicon's adjective predicates. Each candidate is described by sparse string features
of its clause (lemma, syntax, arguments and their entity types, negation, modal and
conditional cues, the covering claim's modality). The same function serves training and run
time, so the two can never drift apart. (The parser's 96-d token vectors were tried as dense
features: no gain in cross-validation, and slower.)
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Doc, Token

from dateline.data import load_words
from dateline.stages._speech import lexicon as speech_lexicon
from dateline.stages._tokens import tokens_of
from dateline.stages._triggers import is_passive, lexicon, match_trigger

# Verbs that only carry tense, voice or a light meaning on their own.
_NON_EVENT_VERBS = frozenset({"be", "have", "do", "'s", "'re", "'m", "'ve", "'d"})
_SUBJ_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_OBJ_DEPS = frozenset({"dobj", "attr", "oprd"})
_CLAUSE_LINKS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis"})
_QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d", "``", "''"})
# Sources whose force is nature or chance, not an actor: "the quake killed", "a fire destroyed".
NATURAL_FORCES = load_words("event_nouns_by_role", "natural_force")


@dataclass(frozen=True)
class Lookups:
    """What the features need from the earlier stages' records (not stable API).

    Attributes:
        entity_types: token index -> type ("PERSON", "ORG", "GPE", "NORP"...) of the entity
            mention covering the token.
        claim_cues: (modality, polarity) of the smallest claim covering a character offset,
            or None.
        timex_sentences: start token indexes of sentences holding a date or time expression.
        place_sentences: start token indexes of sentences holding a place mention.
        sentence_start: token index -> start token index of its sentence.
        quoted: token index -> whether an odd number of quotation marks precede it in its
            sentence.
    """

    entity_types: dict[int, str]
    claim_cues: Callable[[int], tuple[str, str] | None]
    timex_sentences: frozenset[int]
    place_sentences: frozenset[int]
    sentence_start: list[int]
    quoted: list[bool]


def sentence_layout(doc: Doc) -> tuple[list[int], list[bool]]:
    """Each token's sentence start and whether it stands inside quotation marks, in one
    pass (``Token.sent`` rebuilds the sentence span on every call)."""
    starts = [0] * len(doc)
    quoted = [False] * len(doc)
    tokens = tokens_of(doc)
    for sent in doc.sents:
        inside = False
        for tok in tokens[sent.start : sent.end]:
            starts[tok.i] = sent.start
            quoted[tok.i] = inside
            if tok.lower_ in _QUOTE_MARKS:
                inside = not inside
    return starts, quoted


def token_indexes(starts: list[int], spans: list[tuple[int, int]]) -> list[list[int]]:
    """For each character span, the indexes of the tokens that start inside it.

    Args:
        starts: the character offset of every token of the document, in order.
        spans: character spans.
    """
    out = []
    for start, end in spans:
        i = bisect.bisect_left(starts, start)
        j = bisect.bisect_left(starts, end)
        out.append(list(range(i, j)))
    return out


@functools.cache
def event_nouns() -> frozenset[str]:
    """Lemmas of nouns that can name an event (packaged list plus the lexicon's nouns)."""
    text = (
        resources.files("dateline")
        .joinpath("data/events/event_nouns.txt")
        .read_text(encoding="utf-8")
    )
    listed = {w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")}
    return frozenset(listed | {lemma for lemma, pos in lexicon() if pos == "N"})


def _lexicon_senses(lemma: str, pos: str, matched: object) -> list[str]:
    """The lexicon's types for the lemma (``lexany``), and ``lexmiss`` for each sense whose
    pattern does not hold here (the lemma of "open fire" opening a school is no attack)."""
    out = set()
    for e in lexicon().get((lemma, pos), ()):
        out.add(f"lexany={e.type}")
        if e.conditions and e != matched:
            out.add(f"lexmiss={e.type}")
    return sorted(out)


@functools.cache
def framing_verbs() -> frozenset[str]:
    """Reporting and cognition verb lemmas ("say", "tell", "fear"): they frame what they report."""
    speech = speech_lexicon()
    return speech.reporting_verbs | speech.cognition_verbs


def is_candidate(tok: Token) -> bool:
    """Whether a token may be an event trigger (verb, event noun or lexicon adjective).

    Reporting and cognition verbs ("said", "announced", "feared") frame what they report;
    they are candidates only where the trigger lexicon makes them acts of their own
    ("accused", "denied", "did not say when").
    """
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB":
        if lemma in framing_verbs():
            return match_trigger(tok) is not None
        return lemma not in _NON_EVENT_VERBS and tok.is_alpha
    if tok.pos_ == "NOUN":
        return lemma in event_nouns() or tok.lower_ in event_nouns()
    if tok.pos_ == "ADJ":
        return (lemma, "A") in lexicon()
    return False


def candidates(doc: Doc) -> list[Token]:
    """Every candidate trigger of a document, in text order."""
    return [tok for tok in tokens_of(doc) if is_candidate(tok)]


def _first_conjunct(tok: Token) -> Token:
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _argument_features(prefix: str, arg: Token, lookups: Lookups) -> list[str]:
    lemma = arg.lemma_.lower()
    kind = lookups.entity_types.get(arg.i) or (arg.ent_type_ and f"sp_{arg.ent_type_}") or "none"
    feats = [f"{prefix}_lem={lemma}", f"{prefix}_pos={arg.pos_}", f"{prefix}_ent={kind}"]
    if lemma in NATURAL_FORCES:
        feats.append(f"{prefix}_natural")
    if arg.like_num or arg.ent_type_ in ("MONEY", "PERCENT", "CARDINAL", "QUANTITY"):
        feats.append(f"{prefix}_number")
    return feats


def features(tok: Token, lookups: Lookups) -> list[str]:
    """Sparse string features of one candidate in its clause."""
    lemma = tok.lemma_.lower()
    first = _first_conjunct(tok)
    feats = _word_features(tok, lemma, first, lookups)
    child_feats, subject, object_ = _child_features(tok, lemma)
    feats += child_feats
    if first.i != tok.i:
        feats += [f"f_mark={c.lower_}" for c in first.children if c.dep_ == "mark"]
        feats += [f"f_aux={c.lower_}" for c in first.children if c.dep_ == "aux"]
        if subject is None:
            subject = next((c for c in first.children if c.dep_ in _SUBJ_DEPS), None)
    feats += _governor_features(first)
    feats += _participant_features(lemma, subject, object_, lookups)
    feats += _setting_features(tok, lookups)
    return feats


def _word_features(tok: Token, lemma: str, first: Token, lookups: Lookups) -> list[str]:
    """The candidate word itself, its head, and what the trigger lexicon says of it."""
    letter = {"VERB": "V", "NOUN": "N", "ADJ": "A"}.get(tok.pos_, "X")
    head = first.head
    entry = match_trigger(tok)
    feats = [
        "bias",
        f"lem={lemma}",
        f"low={tok.lower_}",
        f"pos={tok.pos_}",
        f"tag={tok.tag_}",
        f"dep={tok.dep_}",
        f"fdep={first.dep_}",
        f"suf={lemma[-3:]}",
        f"hlem={head.lemma_.lower()}",
        f"hpos={head.pos_}",
        f"fdep|hlem={first.dep_}|{head.lemma_.lower()}",
        f"lex={entry.type if entry is not None else 'NONE'}",
        f"lex|pos={entry.type if entry is not None else 'NONE'}|{letter}",
    ]
    feats += _lexicon_senses(lemma, letter, entry)
    if entry is not None and entry.flags:
        feats += [f"lexflag={f}" for f in sorted(entry.flags)]
    sentence_start = lookups.sentence_start[tok.i]
    if tok.i == sentence_start or sentence_start == 0:
        feats.append("first_sentence" if sentence_start == 0 else "sentence_start")
    if lookups.quoted[tok.i]:
        feats.append("in_quote")
    if is_passive(tok):
        feats.append("passive")
    return feats


def _child_features(tok: Token, lemma: str) -> tuple[list[str], Token | None, Token | None]:
    """Features of the candidate's dependents, with its first subject and first object."""
    feats: list[str] = []
    subject = object_ = None
    for child in tok.children:
        dep = child.dep_
        feats.append(f"cdep={dep}")
        if dep in _SUBJ_DEPS and subject is None:
            subject = child
        elif dep in _OBJ_DEPS and object_ is None:
            object_ = child
        else:
            feats += _dependent_features(dep, child, lemma)
    return feats, subject, object_


def _dependent_features(dep: str, child: Token, lemma: str) -> list[str]:
    """Features of one dependent that is neither the subject nor the object."""
    word = child.lower_
    if dep == "neg":
        return ["neg"]
    if dep in ("aux", "auxpass"):
        return [f"aux={word}"]
    if dep == "mark":
        return [f"mark={word}"]
    if dep == "prt":
        return [f"prt={word}", f"lem|prt={lemma}|{word}"]
    if dep in ("prep", "agent"):
        return [f"prep={word}", f"lem|prep={lemma}|{word}"]
    if dep == "det":
        return [f"det={word}"]
    if dep == "poss":
        return ["poss"]
    if dep in ("amod", "compound", "advmod"):
        return [f"mod={child.lemma_.lower()}"]
    return []


def _governor_features(first: Token) -> list[str]:
    """The verb governing a complement or adverbial clause, with its negation and auxiliaries."""
    head = first.head
    if first.dep_ not in ("xcomp", "ccomp", "advcl") or head.i == first.i:
        return []
    feats = [f"gov={head.lemma_.lower()}"]
    feats += ["gov_neg" for c in head.children if c.dep_ == "neg"]
    feats += [f"gov_aux={c.lower_}" for c in head.children if c.dep_ == "aux"]
    return feats


def _participant_features(
    lemma: str, subject: Token | None, object_: Token | None, lookups: Lookups
) -> list[str]:
    """Features of the subject and the object, paired with the candidate's lemma."""
    feats: list[str] = []
    if subject is not None:
        feats += _argument_features("subj", subject, lookups)
        feats.append(f"lem|subj_ent={lemma}|{feats[-1].split('=')[-1]}")
    else:
        feats.append("no_subj")
    if object_ is not None:
        feats += _argument_features("obj", object_, lookups)
        feats.append(f"lem|obj={lemma}|{object_.lemma_.lower()}")
        named = match_trigger(object_) if object_.pos_ == "NOUN" else None
        if named is not None:
            # "launched an attack": the object names the event the verb performs.
            feats.append(f"obj_lex={named.type}")
    return feats


def _setting_features(tok: Token, lookups: Lookups) -> list[str]:
    """Where the candidate stands: a noun's preposition, the sentence's dates and places, and
    the claim that carries it."""
    feats: list[str] = []
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj":
        feats.append(f"in_prep={tok.head.lower_}")
        feats.append(f"in_prep_of={tok.head.head.lemma_.lower()}")
    sentence_start = lookups.sentence_start[tok.i]
    if sentence_start in lookups.timex_sentences:
        feats.append("sent_timex")
    if sentence_start in lookups.place_sentences:
        feats.append("sent_place")
    claim = lookups.claim_cues(tok.idx)
    if claim is not None:
        feats += [f"claim_mod={claim[0]}", f"claim_pol={claim[1]}"]
    return feats
