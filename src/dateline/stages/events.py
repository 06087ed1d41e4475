"""Events stage: PLOVER-typed event mentions with actors, targets, place, date and source.

Two variants (``events.variant``):

- ``trained`` (default): (1) candidates are every content verb, event noun and lexicon
  adjective (``_event_features.py``; reporting verbs only as lexicon acts); (2) the shipped
  classifier (``_event_model.py``) scores each in its clause; (3) a candidate the lexicon
  matches is an event at ``threshold`` and keeps the lexicon's type, any other at
  ``open_threshold`` with the classifier's type (the classifier decides "event or not"
  and, with a second head trained on events only, the type); (4) a light verb outside
  the lexicon gives way to the nominal event it carries, or, when it stays the event,
  takes the type of the lexicon noun it has as object ("launched an attack"); (5) the
  clause rules below merge what remains.
- ``lexicon``: the hand-written trigger lexicon alone, as described next (the previous
  design, kept as a baseline).

Disasters, accidents and deaths without an actor are type OTHER with context
``disasters`` and no actor; PLOVER ``mode`` and ``context`` come from cue words of the
clause (``_event_modes.py``).

In the lexicon variant, a trigger is a verb, a nominalisation or an adjective predicate
found in the trigger lexicon (``data/events/triggers.tsv``); reporting verbs are in it
only negated ("did not say when": a refusal), otherwise they are attribution, handled by
the claims stage. Each trigger becomes one ``Event`` whose arguments come from the
dependency parse and from the records of earlier stages.

Which triggers become events:

1. Verbal triggers, unless they only describe a participant (relative clauses,
   participles modifying a noun, gerunds after a preposition), are a condition
   ("if they withdraw"), or are an infinitive that is not governed by a verb of
   trying, starting, deciding, intending, ordering and the like ("his task is to
   push", "able to conquer" are not events). A past-tense relative clause whose
   subject is the relative pronoun ("youths who had reportedly set fire to") is an
   event of the described participant.
2. A purpose clause of an event ("convened ... to discuss") and the complement of a
   trigger verb ("threatened to impose", "agreed to hold talks") are part of that
   event: one clause, one event.
3. Nominal triggers ("an attack by X", "the withdrawal of troops") need a stated
   participant (by-phrase, possessive, "of" actor, or a "with" partner for a
   meeting), or must be the definite or partnered subject of a verb that only
   places them in time ("the hearing would open on June 3", "are expected to
   resume"); they must sit in a clause with a verb (not a heading) and must not lie
   inside an event already found (they then lend it their agent).
4. A casualty verb coordinated with an event ("killed 13 and wounded 56") is that
   event's toll, not another event.

Arguments, each with a fallback order:

- actor: (1) passive by-agent, or the subject; (2) for an infinitive, the object of
  an ordering verb ("ordered the military to push") or else the subject of the
  governing clause; (3) the first conjunct's subject; (4) for a passive without
  agent, the agent of a nominal event inside the clause; (5) for a participle
  modifying a noun, that noun ("youths clashing with police"; a passive participle
  makes it a target); (6) for an act someone is accused, charged or convicted of, the
  accused. A relative pronoun subject is the noun its clause describes. A nominal
  event's agent is its possessor, by-phrase, "of" actor, the subject of the light verb
  carrying it ("the militia unleashed an attack"), or a named group or nationality
  modifying it ("a PKK attack"). Pronouns resolve to (1) the subject of
  the reporting clause; (2) the more recent of the last entity mention of a fitting
  type and the nearest earlier common-noun subject of the same number (in the
  sentence, else the previous sentence's main clause).
- target: the object or passive subject (not a bare object the lexicon pattern names,
  "opened fire"), "on"/"against" objects, "with" partners and "to"/"behind" recipients
  by type; then what an instrument object is aimed at ("fired shells at a station"),
  the party of a nominal event the verb is about ("urged the mayor's removal");
  relative pronouns stand for their noun; failing all, the other conjuncts of a
  reciprocal subject ("police and rioters clashed") or the party an "anti-"
  modifier of the actor names. An ASSAULT aimed at a natural force ("fought the
  blaze") is a disaster response: OTHER, context ``disasters``.
- date: (1) a timex inside the event's clause; (2) a timex in its sentence; (3) the
  narrative reference date, the latest day-precise timex before the event that is not
  after publication; none for a narrative date of an intended, ordered, predicted or
  hypothetical event.
  Deadline timexes ("by October 1") go to ``deadline`` only. An event is dated to the
  day: a time of day stays with the timex the date points to.
- location: (1) a place mentioned in the clause; (2) in the sentence; (3) the latest
  place mentioned earlier in the paragraph; (4) earlier in the article. Places inside
  the actor phrase, after "from" (unless the event is a withdrawal from there) or
  inside an organisation's name (the entity records) are skipped; finer places (towns)
  beat regions, regions beat countries.
- attribution, modality, polarity: copied from the smallest Claim covering the
  trigger; without one, or when it is the outlet's own voice with no cue, local cues
  (negation of the trigger or a governing verb, "allegedly", intention and ordering
  verbs, "would" in a reported clause = predicted, other modal verbs) else
  ``asserted``.
"""

from __future__ import annotations

import bisect
import datetime
import itertools
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

import numpy
from spacy.tokens import Doc, Token

from dateline.config import EventSettings
from dateline.data import load_rows, load_words
from dateline.records import (
    Argument,
    Article,
    Attribution,
    Claim,
    Entity,
    Event,
    EventDate,
    Place,
    PlaceRef,
    Quantity,
    Sentence,
    Timex,
)
from dateline.stages._event_features import (
    NATURAL_FORCES,
    Lookups,
    candidates,
    event_nouns,
    features,
    framing_verbs,
    sentence_layout,
    token_indexes,
)
from dateline.stages._event_model import NO_EVENT, load_model
from dateline.stages._event_modes import DISASTERS, contexts_of, mode_of
from dateline.stages._intervals import Intervals
from dateline.stages._tokens import tokens_of
from dateline.stages._triggers import Entry, demonyms, is_passive, lexicon, match_trigger

NAME = "events"
VERSION = 1
STAGE = f"{NAME}@{VERSION}"

logger = logging.getLogger(__name__)

# Verbs whose infinitive or gerund complement is reported as an event of its own.
CONTROL_VERBS = load_words("event_verbs", "control")
# Verbs whose object is the subject of their complement: "ordered the military to push".
DIRECTIVE_VERBS = load_words("directive_verbs", "control")
# Directive verbs whose complement happened when they did ("forced villagers to flee").
IMPLICATIVE_VERBS = load_words("directive_verbs", "implicative")
INTENT_VERBS = load_words("event_verbs", "intent")
HEDGES = load_words("event_function_words", "hedge")
HYPOTHETICAL_AUX = load_words("event_function_words", "hypothetical")
FUTURE_AUX = load_words("event_function_words", "future")
OBLIGATION_AUX = load_words("event_function_words", "obligation")
# Children that are separate clauses (not part of an event's own clause).
_SEPARATE_DEPS = frozenset({"conj", "cc", "ccomp", "parataxis", "punct"})
# Dependents that make a trigger a description of a participant, not an event.
_DESCRIPTIVE_DEPS = frozenset({"relcl", "acl", "amod", "compound", "pcomp", "csubj", "nmod"})
# Argument-phrase children dropped: clauses, appositions, locative/temporal phrases.
_ARG_DROP_DEPS = frozenset({"relcl", "acl", "appos", "punct", "cc", "advcl", "parataxis"})
_ARG_DROP_PREPS = load_words("event_function_words", "arg_drop")
_SUBJ_DEPS = ("nsubj", "nsubjpass", "csubj")
_POSSESSIVE_END = re.compile(r"(?<=\w)(?:'s|\u2019s|'|\u2019)$")
# Modalities of events that have not (yet) taken place.
_UNREALISED = frozenset({"intended", "predicted", "hypothetical", "ordered"})
# Relative pronouns that, as a relative clause's subject, stand for the noun it describes.
_RELATIVE_SUBJECTS = frozenset({"who", "which", "that"})
_QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d", "``", "''"})
_FIRST_PERSON = frozenset({"i", "we"})
# Event types a speaker's own quoted "we ask / we demand" describes as a wish.
_WISH_TYPES = frozenset({"REQUEST", "DEMAND"})
# Prepositions naming what an instrument is aimed at ("fired shells at", "drove into").
_AIM_PREPS = load_words("event_function_words", "aim")
# Common nouns that name parties (and people's titles), so an object headed by one is not
# an instrument.
_PARTY_NOUNS = frozenset(row[0] for row in load_rows("party_nouns")) | load_words("titles", "title")
# Prepositions that name what a nominal event is aimed at ("an attack on the port").
_NOMINAL_TARGET_PREPS = frozenset({"on", "against"})
# Prepositions of a purpose clause that name whom its act is aimed at ("to vent their fury
# at the police").
_PURPOSE_TARGET_PREPS = frozenset({"at", "against", "on"})
# Prepositions of "in protest of/against" naming what is protested.
_PROTESTED_PREPS = frozenset({"of", "against", "at", "over"})
# Nouns of an "in protest of" phrase naming what an event opposes.
_STANCE_NOUNS = frozenset({"protest", "defiance", "opposition"})
# Prepositions naming what an idiom's event is aimed at ("set fire to", "lay siege to").
_IDIOM_TARGET_PREPS = frozenset({"to"})
# Head words of organisations ("the Lincoln administration", "the energy ministry").
_ORGANISATION_HEADS = load_words("organisation_words", "head")
# Prepositions whose object, when a party, is who a nominal event is with or from.
_NOMINAL_PARTY_PREPS = frozenset({"with", "between", "from", "of"})
# Prepositions that name who a thing is given or sent to.
_GIVEN_TO_PREPS = frozenset({"to"})
# Nouns for a plan or move whose possessor is the party opposed or demanded of.
_PLAN_NOUNS = load_words("event_nouns_by_role", "plan")
_DOCUMENT_NOUNS = load_words("event_nouns_by_role", "document")
_UNDERTAKING_NOUNS = load_words("event_nouns_by_role", "undertaking")
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})
# Verbs that only locate a nominal event in time ("the hearing would open on June 3").
ASPECTUAL_VERBS = load_words("event_verbs", "aspectual")
# Verbs that carry a nominal event rather than name one ("held talks", "staged a protest").
CARRIER_VERBS = load_words("event_verbs", "carrier")
# Verbs that perform the event their object names ("waged a campaign", "lodged a protest").
LIGHT_VERBS = load_words("event_verbs", "light")
# Aspectual verbs that need a particle or object: "take place", "go ahead", "break down".
_ASPECTUAL_PARTICLES = {
    row[0]: frozenset(row[1].split(",")) for row in load_rows("event_aspectual_particles")
}
# Verbs that schedule their subject's complement ("the talks are expected to resume").
_SCHEDULING_VERBS = load_words("event_verbs", "scheduling")
_FEATURE_RANK = {
    "landmark": 0,
    "water": 0,
    "district": 0,
    "city": 0,
    "region": 1,
    "other": 2,
    "country": 3,
    "continent": 4,
}
# Verbs of dying: their subject is the victim, not an actor.
DEATH_VERBS = load_words("event_verbs", "death")
# Mishaps: what befalls a thing ("the tank exploded", "an explosion"); of them, explosions
# are attacks when a weapon is in them ("a car bomb exploded"), and a weapon is no actor.
MISHAP_VERBS = load_words("event_verbs", "mishap")
MISHAP_NOUNS = load_words("event_nouns_by_role", "mishap")
EXPLOSIONS = load_words("event_verbs", "explosion") | load_words("event_nouns_by_role", "explosion")
WEAPONS = load_words("event_nouns_by_role", "weapon")
# Where a Doc keeps whether its article names a weapon.
_WEAPON_NAMED_KEY = "dateline.events.weapon_named"
# Prepositions of what a casualty was caused by ("killed in the flood", "by a blast").
_CAUSE_PREPS = frozenset({"in", "by", "during"})
_OF = frozenset({"of"})
# Nouns that name a physical thing (WordNet), which a mishap befalls rather than does.
_THING_NOUNS = frozenset(row[0] for row in load_rows("thing_nouns"))
# Verbs that only mark a phase of their verbal complement ("began distributing food").
PHASE_VERBS = load_words("event_verbs", "phase")
# Verbs that stop or cut what their object names, and verbs that keep it from happening.
_HALTING_VERBS = load_words("event_verbs", "halting")
_SUPPRESSING_VERBS = load_words("event_verbs", "suppressing")
_RESOURCE_NOUNS = load_words("event_nouns_by_role", "resource")
# What halting or suppressing an event of each kind is: cutting a tie is a sanction,
# stopping one's own hostilities a concession, keeping a protest from happening coercion.
_COOPERATIVE_TYPES = frozenset({"AID", "CONSULT", "COOPERATE", "AGREE", "SUPPORT"})
_HOSTILE_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "THREATEN", "MOBILIZE"})
_REVERSAL_PARTY_PREPS = frozenset({"to", "for", "with"})
_READINESS = load_words("event_verbs", "readiness")
_INTRANSITIVE_VERBS = load_words("event_verbs", "intransitive")
# Acts whose announced readiness or condition makes a threat ("is ready to declare a
# curfew", "may halt aid if ...").
_THREATENED_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"})
# Organisations whose protest is an official complaint.
_AUTHORITY_KINDS = frozenset({"government", "international"})
# How many sentences after a dated one an undated event may still take its day.
NARRATIVE_REACH = 3
# Verbs that count the toll of an attack or disaster ("killed 12 and wounded 40").
CASUALTY_VERBS = load_words("event_verbs", "casualty")
# Types whose "with" phrase names the other party, and whose "to"/"behind" phrase names the
# recipient of what the object gives.
_PARTNER_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE", "ASSAULT", "REJECT", "DISAPPROVE"})
_RECIPIENT_TYPES = frozenset({"SUPPORT", "AID", "REQUEST", "DEMAND", "CONCEDE", "AGREE"})
# Types whose unnamed target is the place they are done to or in, standing for its people
# or authorities (PLOVER coding).
_POLITY_TARGET_TYPES = frozenset(
    {"RETREAT", "COERCE", "THREATEN", "PROTEST", "MOBILIZE", "REJECT", "SANCTION", "ASSAULT"}
)
# Types whose that-clause's subject is who the act is aimed at ("demanded that X go").
_DIRECTIVE_TYPES = frozenset({"DEMAND", "REQUEST"})
# Prepositions that place an event at a venue ("outside the court", "at the port").
_VENUE_PREPS = frozenset({"at", "in", "inside", "outside", "near", "off", "aboard"})
# A nominal candidate this likely to be an event needs no stated participant.
SURE_NOMINAL = 0.8
# A runner-up type this likely is reported as ``alt_type``.
_ALT_TYPE_MIN = 0.2
# PLOVER's residual type, and how likely (relative to it) a specific type must be to be
# preferred to it; chosen by cross-validated type accuracy on events and PLOVER dev.
RESIDUAL_TYPE = "OTHER"
_SPECIFIC_OVER_RESIDUAL = 0.4
_ISO = re.compile(r"^\d{4}")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-W(\d{2}))?$")


_R = TypeVar("_R", Entity, Place)


@dataclass
class _Mention(Generic[_R]):
    """One mention (character span) of an entity or place record."""

    start: int
    end: int
    record: _R


@dataclass
class _Context:
    """Per-article lookups built once (not stable API)."""

    article: Article
    doc: Doc
    token_starts: list[int]
    sentences: list[Sentence]
    sentence_starts: list[int]
    timexes: list[Timex]
    entity_mentions: list[_Mention[Entity]]
    place_mentions: list[_Mention[Place]]
    claims: list[Claim]
    quantities: list[Quantity]
    nominal_agents: dict[int, Token] = field(default_factory=dict)
    # Token indexes of the nouns detected as events, before clause logic keeps or drops them.
    nominal_events: set[int] = field(default_factory=set)
    index: _Indexes = field(init=False)

    def __post_init__(self) -> None:
        self.index = _indexes(self)

    def token_at(self, char: int) -> Token:
        i = max(0, bisect.bisect_right(self.token_starts, char) - 1)
        return self.doc[i]

    def tokens_in(self, start: int, end: int) -> list[Token]:
        first = self.token_at(start).i
        return list(itertools.takewhile(lambda t: t.idx < end, self.doc[first:]))

    def sentence_of(self, char: int) -> Sentence | None:
        i = bisect.bisect_right(self.sentence_starts, char) - 1
        return self.sentences[i] if i >= 0 else None


@dataclass
class _Indexes:
    """The context's records as intervals, so each event queries only its neighbourhood."""

    timexes: Intervals
    usable_timexes: Intervals
    narrative_timexes: Intervals
    dated_timexes: Intervals
    entities: Intervals
    places: Intervals
    settings: Intervals
    finer_places: dict[str | None, Intervals]
    claims: Intervals
    quantities: Intervals
    typed_entities: dict[frozenset[str], Intervals] = field(default_factory=dict)


def _spans(records: Iterable[Any]) -> Intervals:
    return Intervals([(r.span[0], r.span[1], r) for r in records])


def _mention_spans(mentions: Iterable[_Mention[Any]]) -> Intervals:
    return Intervals([(m.start, m.end, m) for m in mentions])


def _indexes(ctx: _Context) -> _Indexes:
    finer: dict[str | None, list[_Mention[Place]]] = {}
    for m in ctx.place_mentions:
        if _place_rank(m) < _FEATURE_RANK["country"]:
            finer.setdefault(getattr(m.record, "country", None), []).append(m)
    return _Indexes(
        timexes=_spans(ctx.timexes),
        usable_timexes=_spans(t for t in ctx.timexes if _usable_date(t)),
        narrative_timexes=_spans(t for t in ctx.timexes if _narrative_date(ctx, t)),
        dated_timexes=_spans(t for t in ctx.timexes if t.type in ("DATE", "TIME")),
        entities=_mention_spans(ctx.entity_mentions),
        places=_mention_spans(ctx.place_mentions),
        settings=_mention_spans(m for m in ctx.place_mentions if _where_said(ctx, m) is None),
        finer_places={country: _mention_spans(ms) for country, ms in finer.items()},
        claims=_spans(ctx.claims),
        quantities=_spans(ctx.quantities),
    )


def _typed_entities(ctx: _Context, types: frozenset[str]) -> Intervals:
    """Entity mentions of the given types, indexed once per set of types."""
    index = ctx.index.typed_entities.get(types)
    if index is None:
        index = _mention_spans(
            m for m in ctx.entity_mentions if getattr(m.record, "type", None) in types
        )
        ctx.index.typed_entities[types] = index
    return index


def extract_events(
    *,
    article: Article,
    doc: Doc,
    sentences: list[Sentence],
    timexes: list[Timex],
    quantities: list[Quantity],
    entities: list[Entity],
    places: list[Place],
    claims: list[Claim],
    settings: EventSettings,
) -> list[Event]:
    """Find PLOVER event mentions and fill their arguments.

    Args:
        article: the article (its text is what spans index).
        doc: the parsed article.
        sentences, timexes, quantities, entities, places, claims: earlier stages' records.
        settings: the ``events`` config section.

    Returns:
        One Event per trigger, in text order.
    """
    ctx = _context(article, doc, sentences, timexes, quantities, entities, places, claims)
    if settings.variant == "lexicon":
        mentions = _lexicon_mentions(ctx)
    else:
        mentions = _trained_mentions(ctx, settings)
    events: list[Event] = []
    for tok, entry, is_nominal, host in mentions:
        events.append(_build_event(ctx, tok, entry, is_nominal, len(events) + 1, host))
    logger.debug("article %s: %d events (%s)", article.id, len(events), settings.variant)
    return events


_Mention4 = tuple[Token, Entry, bool, Token | None]


def _lexicon_mentions(ctx: _Context) -> list[_Mention4]:
    """Triggers of the hand-written lexicon (the ``lexicon`` variant)."""
    verbal: list[tuple[Token, Entry]] = []
    nominal: list[tuple[Token, Entry]] = []
    for sent in ctx.doc.sents:
        has_verb = any(t.pos_ in ("VERB", "AUX") for t in sent)
        for tok in sent:
            entry = match_trigger(tok)
            if entry is None:
                continue
            if entry.type in _WISH_TYPES and _first_person_quote(tok):
                continue
            if entry.pos == "N":
                if has_verb:
                    nominal.append((tok, entry))
            elif _verbal_is_event(tok):
                verbal.append((tok, entry))
    return _one_event_per_clause(ctx, verbal, nominal, exempt=set())


def _trained_mentions(ctx: _Context, settings: EventSettings) -> list[_Mention4]:
    """Candidates the trained classifier types as events (the ``trained`` variant)."""
    cands, feats = _featurise(ctx)
    if not cands:
        return []
    model = load_model(settings.model)
    probs = model.probabilities(feats)
    none_col = model.labels.index(NO_EVENT)
    verbal: list[tuple[Token, Entry]] = []
    nominal: list[tuple[Token, Entry]] = []
    sure: set[int] = set()
    for tok, row in zip(cands, probs, strict=True):
        lexical = match_trigger(tok)
        needed = settings.threshold if lexical is not None else settings.open_threshold
        # A mishap is always an event a coder logs ("the tank exploded"), however rare in
        # the training data.
        if 1.0 - row[none_col] < needed and not _mishap(tok):
            continue
        if 1.0 - row[none_col] >= SURE_NOMINAL:
            sure.add(tok.i)
        entry = _predicted_entry(tok, lexical, model.labels, row, none_col)
        if entry.type in _WISH_TYPES and _first_person_quote(tok):
            continue
        (nominal if tok.pos_ == "NOUN" else verbal).append((tok, entry))
    nominal_ids = {tok.i for tok, _ in nominal}
    verbal = [(tok, e) for tok, e in verbal if not _carries_nominal(tok, nominal_ids)]
    verbal = _typed_by_object(verbal)
    return _one_event_per_clause(ctx, verbal, nominal, exempt=sure)


def _typed_by_object(verbal: list[tuple[Token, Entry]]) -> list[tuple[Token, Entry]]:
    """A verb outside the lexicon whose object is a nominal event of the lexicon takes the
    noun's type ("launched an attack", "lodged a protest", "threw its support behind"):
    the noun names the event, the verb only performs it. The verb's own guess becomes
    ``alt_type``."""
    out = []
    for tok, entry in verbal:
        objects = [c for c in tok.children if c.dep_ == "dobj"]
        nouns = [_event_noun(o) for o in objects if _performed_event(tok, o)]
        reversal = _reversal_type(tok)
        if reversal is not None:
            alt = entry.type if entry.type != reversal else entry.alt_type
            entry = Entry(entry.lemma, entry.pos, entry.conditions, reversal, alt, entry.flags)
        elif nouns:
            noun = nouns[0]
            alt = entry.type if entry.type != noun.type else entry.alt_type
            entry = Entry(entry.lemma, entry.pos, entry.conditions, noun.type, alt, entry.flags)
        out.append((tok, entry))
    return out


def _reversal_type(verb: Token) -> str | None:
    """The type of stopping or preventing the event or the supply a verb's object names
    ("halted aid", "cancelled a visit": SANCTION; "called off the strike", "halted the
    offensive": CONCEDE; "prevented the rally": COERCE), None for other verbs."""
    lemma = _phrasal_lemma(verb)
    halting, suppressing = lemma in _HALTING_VERBS, lemma in _SUPPRESSING_VERBS
    if not (halting or suppressing):
        return None
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "NOUN"]
    for obj in objects:
        kind = _named_kind(obj)
        if kind in _COOPERATIVE_TYPES:
            return "SANCTION"
        if kind == "PROTEST":
            return "COERCE" if suppressing else "CONCEDE"
        if kind in _HOSTILE_TYPES and halting:
            return "CONCEDE"
    return None


def _phrasal_lemma(verb: Token, listed: frozenset[str] | None = None) -> str:
    """The phrasal verb ("call off", "blow up") when ``listed`` holds it (by default the
    halting and suppressing verbs), else the lemma."""
    lemma = verb.lemma_.lower()
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    phrasal = f"{lemma} {particle}"
    known = _HALTING_VERBS | _SUPPRESSING_VERBS if listed is None else listed
    if particle is not None and phrasal in known:
        return phrasal
    return lemma


def _reversed_parties(ctx: _Context, verb: Token, obj: Token) -> list[Token]:
    """The parties of a stopped event or supply: who it goes to or is with ("aid to",
    "a visit to", "talks with"), else who holds it ("their strike", "the rally staged by
    students")."""
    given = [
        p
        for p in _prepositional_objects([obj, verb], _REVERSAL_PARTY_PREPS)
        if _party_phrase(ctx, p) or p.pos_ in ("NOUN", "PROPN") and not _counted(p)
    ]
    if given:
        return given
    holder = _party_behind(ctx, obj)
    if holder is not None and holder is not obj:
        return [holder]
    agents = [_agent(c) for c in obj.children if c.dep_ == "acl"]
    return [a for a in agents if a is not None]


def _counted(tok: Token) -> bool:
    """A figure or a counted amount ("to 100 tonnes"), not a party or a place."""
    return tok.like_num or any(c.dep_ == "nummod" for c in tok.children)


def _named_kind(noun: Token) -> str | None:
    """The event type a noun names (the lexicon's), or AID for a supply ("food supplies");
    for a noun of neither kind, its modifier's ("mediation efforts", "aid convoys")."""
    entry = match_trigger(noun)
    if entry is not None:
        return entry.type
    if noun.lemma_.lower() in _RESOURCE_NOUNS:
        return "AID"
    return next((k for k in map(_named_kind, _noun_modifiers(noun)) if k is not None), None)


def _noun_modifiers(noun: Token) -> list[Token]:
    """The nouns compounded before a noun ("mediation" of "mediation efforts")."""
    return [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "NOUN"]


def _performed_event(verb: Token, obj: Token) -> bool:
    """Whether a verb outside the lexicon only performs the lexicon's nominal event its
    object names ("lodged a protest"); the verb then takes the noun's type."""
    return obj.pos_ == "NOUN" and match_trigger(verb) is None and _event_noun(obj) is not None


def _event_noun(obj: Token) -> Entry | None:
    """The lexicon's entry for a noun, or for its modifier when the noun only says what
    kind of undertaking it is ("a mediation mission", "a rescue operation", where the
    modifier wins over "operation" as an armed one)."""
    if obj.lemma_.lower() in _UNDERTAKING_NOUNS:
        named = next((e for e in map(match_trigger, _noun_modifiers(obj)) if e is not None), None)
        if named is not None:
            return named
    return match_trigger(obj)


def _names_performed_event(ctx: _Context, verb: Token, obj: Token, pattern_words: set[str]) -> bool:
    """Whether the object names the event its verb performs, so it is no target: a noun
    detected as an event under a verb outside the lexicon ("began a rally", "reached a
    deal") or one the verb's lexicon pattern names ("launched an attack")."""
    if obj.lemma_.lower() in pattern_words:
        return obj.i in ctx.nominal_events or match_trigger(obj) is not None
    return (obj.i in ctx.nominal_events or _performed_event(verb, obj)) and match_trigger(
        verb
    ) is None


def _nominal_event_targets(ctx: _Context, noun: Token) -> list[Token]:
    """What a nominal event is aimed at ("an attack on the port"), and the party it is
    with, between, from or of ("a complaint with Peru", "a meeting between A and B",
    "demands from the rebels", "the process of laying off workers": the workers)."""
    out = list(_prepositional_objects([noun], _NOMINAL_TARGET_PREPS))
    for child in noun.children:
        if child.dep_ != "prep" or child.lower_ not in _NOMINAL_PARTY_PREPS:
            continue
        for grand in child.children:
            if grand.dep_ == "pobj" and _party_phrase(ctx, grand):
                out.append(grand)
            elif grand.dep_ == "pcomp" and child.lower_ == "of":
                out += [c for c in grand.children if c.dep_ == "dobj"]
    return out


def _carries_nominal(verb: Token, nominal_ids: set[int]) -> bool:
    """A light or aspectual verb outside the lexicon whose subject, object or
    prepositional object is a nominal event ("the strike began", "set off on a march",
    "held talks"): the noun names the event, the verb only carries it."""
    if verb.lemma_.lower() not in CARRIER_VERBS or match_trigger(verb) is not None:
        return False
    args = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    args += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return any(a.i in nominal_ids for a in args)


def _predicted_entry(
    tok: Token, lexical: Entry | None, labels: tuple[str, ...], row: numpy.ndarray, none_col: int
) -> Entry:
    """The entry of a classified candidate.

    The lexicon's entry, when it matches, keeps its type and argument flags (its patterns
    were written per sense) and takes the classifier's best type as ``alt_type``; other
    candidates take the classifier's best type and, as ``alt_type``, its runner-up when
    that is likely too.
    """
    order = _type_order(labels, row, none_col)
    best = labels[order[0]]
    if lexical is not None:
        alt = lexical.alt_type or (best if best != lexical.type else None)
        return Entry(
            lexical.lemma, lexical.pos, lexical.conditions, lexical.type, alt, lexical.flags
        )
    alt = labels[order[1]] if len(order) > 1 and row[order[1]] >= _ALT_TYPE_MIN else None
    letter = "N" if tok.pos_ == "NOUN" else "A" if tok.pos_ == "ADJ" else "V"
    same = [e for e in lexicon().get((tok.lemma_.lower(), letter), ()) if e.type == best]
    flags = same[0].flags if same else frozenset()
    return Entry(tok.lemma_.lower(), letter, (), best, alt, flags)


def _type_order(labels: tuple[str, ...], row: numpy.ndarray, none_col: int) -> list[int]:
    """The classifier's types, likeliest first, with the residual type ``OTHER`` put after
    a specific type nearly as likely (at least ``_SPECIFIC_OVER_RESIDUAL`` of its
    probability): PLOVER codes ``OTHER`` only when no category fits, while the typing head,
    with few examples of each specific type, leans towards the residual one."""
    order = [i for i in numpy.argsort(-row) if i != none_col]
    if (
        len(order) > 1
        and labels[order[0]] == RESIDUAL_TYPE
        and row[order[1]] >= _SPECIFIC_OVER_RESIDUAL * row[order[0]]
    ):
        order[0], order[1] = order[1], order[0]
    return order


def featurise_candidates(
    *,
    article: Article,
    doc: Doc,
    sentences: list[Sentence],
    timexes: list[Timex],
    quantities: list[Quantity],
    entities: list[Entity],
    places: list[Place],
    claims: list[Claim],
) -> tuple[list[Token], list[list[str]]]:
    """The classifier's view of an article, for training (not stable API).

    Takes the same records as ``extract_events``.

    Returns:
        The candidate tokens and their features.
    """
    return _featurise(
        _context(article, doc, sentences, timexes, quantities, entities, places, claims)
    )


def _featurise(ctx: _Context) -> tuple[list[Token], list[list[str]]]:
    cands = candidates(ctx.doc)
    lookups = _lookups(ctx)
    return cands, [features(tok, lookups) for tok in cands]


def _one_event_per_clause(
    ctx: _Context,
    verbal: list[tuple[Token, Entry]],
    nominal: list[tuple[Token, Entry]],
    exempt: set[int],
) -> list[_Mention4]:
    """Merge triggers of one clause into one event and order the mentions.

    A verbal trigger that is the complement or purpose clause of another is absorbed by
    it; a nominal trigger inside a verbal event lends it its agent instead of becoming an
    event. A nominal trigger on its own needs a stated participant, an aspectual host
    verb or a meeting partner ("the invasion" in passing is background, not a reported
    occurrence), unless its token index is in ``exempt`` (the classifier is sure).
    """
    ctx.nominal_events.update(tok.i for tok, _ in nominal)
    emitted = {tok.i for tok, _ in verbal}
    verbal = [(tok, e) for tok, e in verbal if not _is_phase_of(tok, emitted)]
    emitted = {tok.i for tok, _ in verbal}
    verbal = [
        (tok, e)
        for tok, e in verbal
        if not _is_absorbed(tok, emitted) and not _is_toll(tok, emitted)
    ]
    emitted = {tok.i for tok, _ in verbal}
    kept_nominal: list[tuple[Token, Entry, Token | None]] = []
    for tok, entry in nominal:
        host = _emitted_ancestor(tok, emitted)
        agent = _nominal_agent(tok, entry, ctx)
        if host is not None:
            if agent is not None:
                ctx.nominal_agents.setdefault(host.i, agent)
            continue
        aspectual = _aspectual_host(tok)
        if (
            tok.i in exempt
            or _told_happening(tok)
            or agent is not None
            or aspectual is not None
            or _consult_partner(tok, entry)
        ):
            kept_nominal.append((tok, entry, aspectual))
    mentions: list[_Mention4] = [(tok, entry, False, None) for tok, entry in verbal]
    mentions += [(tok, entry, True, host) for tok, entry, host in kept_nominal]
    mentions.sort(key=lambda m: m[0].i)
    return mentions


def _lookups(ctx: _Context) -> Lookups:
    """What the classifier's features need from the earlier stages' records."""
    entity_types: dict[int, str] = {}
    spans = [(m.start, m.end) for m in ctx.entity_mentions]
    for mention, indexes in zip(
        ctx.entity_mentions, token_indexes(ctx.token_starts, spans), strict=True
    ):
        kind = getattr(mention.record, "type", None)
        if kind:
            for i in indexes:
                entity_types.setdefault(i, kind)

    def claim_cues(char: int) -> tuple[str, str] | None:
        claim = _covering_claim(ctx, char)
        return (claim.modality, claim.polarity) if claim is not None else None

    sentence_start, quoted = sentence_layout(ctx.doc)
    return Lookups(
        entity_types=entity_types,
        claim_cues=claim_cues,
        timex_sentences=frozenset(sentence_start[ctx.token_at(t.span[0]).i] for t in ctx.timexes),
        place_sentences=frozenset(
            sentence_start[ctx.token_at(m.start).i] for m in ctx.place_mentions
        ),
        sentence_start=sentence_start,
        quoted=quoted,
    )


# --------------------------------------------------------------------------- context


def _context(
    article: Article,
    doc: Doc,
    sentences: list[Sentence],
    timexes: list[Timex],
    quantities: list[Quantity],
    entities: list[Entity],
    places: list[Place],
    claims: list[Claim],
) -> _Context:
    entity_mentions = [
        _Mention(s, e, ent) for ent in entities for s, e in (ent.mentions or [ent.span])
    ]
    person_spans = [
        m for m in entity_mentions if m.record.type == "PERSON" and len(m.record.name.split()) > 1
    ]
    # A place mention that is a known person's name ("Clinton said", of "Hillary Clinton")
    # is not a setting; a lone one-word "person" may be a mislabelled town.
    # A place inside an organisation's or outlet's name ("Agence France-Presse", "Columbia
    # University") names the organisation, not where anything happened.
    org_spans = [(m.start, m.end) for m in entity_mentions if m.record.type == "ORG"]
    persons = _mention_spans(person_spans)
    orgs = Intervals([(a, b, (a, b)) for a, b in org_spans])
    place_mentions = [
        _Mention(s, e, pl)
        for pl in places
        for s, e in (pl.mentions or [pl.span])
        if not persons.overlapping(s, e)
        and not any(e <= b and (a, b) != (s, e) for a, b in orgs.containing(s))
    ]
    sents = sorted(sentences, key=lambda s: s.span[0])
    return _Context(
        article=article,
        doc=doc,
        token_starts=[t.idx for t in tokens_of(doc)],
        sentences=sents,
        sentence_starts=[s.span[0] for s in sents],
        timexes=sorted(timexes, key=lambda t: t.span[0]),
        entity_mentions=sorted(entity_mentions, key=lambda m: m.start),
        place_mentions=sorted(place_mentions, key=lambda m: m.start),
        claims=claims,
        quantities=quantities,
    )


# --------------------------------------------------------------------------- selection


def _first_person_quote(tok: Token) -> bool:
    """A trigger inside a direct quotation whose clause has a first-person subject ("we
    are not asking for luxuries"): the speaker describing their own wishes, not a request
    made to someone."""
    sent = tok.sent
    marks = sum(1 for t in sent[: tok.i - sent.start] if t.lower_ in _QUOTE_MARKS)
    if marks % 2 == 0:
        return False
    subject = _subject(_first_conjunct(tok))
    return subject is not None and subject.lower_ in _FIRST_PERSON


def _first_conjunct(tok: Token) -> Token:
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _has_to(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _is_complement(tok: Token) -> bool:
    """An infinitive or gerund complement ("tried to break", "started forming")."""
    return tok.dep_ == "xcomp" or (tok.dep_ in ("ccomp", "advcl") and _has_to(tok))


def _relative_subject(tok: Token) -> Token | None:
    """The relative pronoun subject of a relative clause ("men who had broken into")."""
    if tok.dep_ != "relcl":
        return None
    return next(
        (c for c in tok.children if c.dep_ == "nsubj" and c.lower_ in _RELATIVE_SUBJECTS), None
    )


def _is_condition(tok: Token) -> bool:
    """A conditional clause ("if Australia drops its plan"): a premise, not an event."""
    return tok.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children
    )


def _verbal_is_event(tok: Token) -> bool:
    first = _first_conjunct(tok)
    if _is_condition(first):
        return False
    if (
        first.dep_ == "relcl"
        and tok.pos_ == "VERB"
        and tok.tag_ in ("VBD", "VBN")
        and _relative_subject(first) is not None
    ):
        # "arrested two youths who had reportedly set fire to cars": what the described
        # participant did is an event of its own; a present tense ("who are fighting as
        # part of the army") only describes the participant.
        return True
    if first.dep_ in _DESCRIPTIVE_DEPS:
        return False
    if tok.pos_ == "ADJ":
        return first.dep_ in ("acomp", "ROOT", "ccomp", "conj")
    if first.dep_ == "advcl" and _has_to(first):
        return first.head.pos_ == "VERB" and first.head.lemma_ != "be"
    if _is_complement(first):
        head = first.head
        if head.pos_ != "VERB" or head.lemma_ == "be":
            return False
        return head.lemma_.lower() in CONTROL_VERBS or match_trigger(head) is not None
    return True


def _is_phase_of(tok: Token, emitted: set[int]) -> bool:
    """A phase verb whose complement is itself a trigger ("began distributing food",
    "resumed shelling the town"): the complement names the event and gives its type."""
    return tok.lemma_.lower() in PHASE_VERBS and any(
        c.dep_ == "xcomp" and c.i in emitted for c in tok.children
    )


def _is_absorbed(tok: Token, emitted: set[int]) -> bool:
    """A purpose clause ("to discuss") under an event, or the complement of a trigger verb
    ("threatened to impose", "agreed to hold talks", "ordered X to push"), is part of
    that event: one clause, one event."""
    first = _first_conjunct(tok)
    if first.dep_ == "advcl" and _has_to(first) and _emitted_ancestor(first, emitted) is not None:
        return True
    return _is_complement(first) and first.head.i in emitted


def _is_toll(tok: Token, emitted: set[int]) -> bool:
    """A casualty verb coordinated with an event of the same clause ("killed 13 soldiers
    and wounded 56", "wounding two and killing one"): the toll of that one event, not
    another event."""
    if tok.lemma_.lower() not in CASUALTY_VERBS or tok.dep_ != "conj":
        return False
    first = _first_conjunct(tok)
    return first.i != tok.i and first.i in emitted and _subject(tok) is None


def _aspectual_host(tok: Token) -> Token | None:
    """The verb a nominal event is the subject of, when that verb only places it in time
    ("the hearing would open on June 3", "the evacuation continued")."""
    head = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass") or head.pos_ not in ("VERB", "AUX"):
        return None
    if head.lemma_.lower() in _SCHEDULING_VERBS:
        # "the talks are expected to resume on Friday": the complement places the event.
        head = next((c for c in head.children if c.dep_ == "xcomp"), head)
    lemma = head.lemma_.lower()
    if lemma not in ASPECTUAL_VERBS or _is_condition(_first_conjunct(head)):
        # "if the strike continued": a premise, not an event.
        return None
    particles = {c.lower_ for c in head.children if c.dep_ in ("prt", "advmod", "dobj")}
    if lemma in _ASPECTUAL_PARTICLES and not particles & _ASPECTUAL_PARTICLES[lemma]:
        return None
    definite = any(
        c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "these", "those", "their", "its")
        for c in tok.children
    )
    partner = any(c.dep_ == "prep" and c.lower_ in ("with", "between") for c in tok.children)
    if not definite and not partner:
        # A known or specific event ("the talks", "negotiations with the union"), not a
        # generic one ("talks often fail").
        return None
    return head


def _emitted_ancestor(tok: Token, emitted: set[int]) -> Token | None:
    """The nearest ancestor that is an event trigger, not crossing a reported clause."""
    node = tok
    while node.head.i != node.i:
        if node.dep_ in ("ccomp", "parataxis", "relcl"):
            return None
        node = node.head
        if node.i in emitted:
            return node
    return None


def _nominal_agent(tok: Token, entry: Entry, ctx: _Context | None = None) -> Token | None:
    """Who does a nominal event: its possessor, its "by" phrase, its "of" phrase where the
    lexicon says so, or a named group or nationality modifying it ("a PKK attack")."""
    for child in tok.children:
        if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN"):
            return child
        if child.dep_ in ("prep", "agent") and child.lower_ == "by":
            pobj = _pobj(child)
            if pobj is not None:
                return pobj
        if child.dep_ == "prep" and child.lower_ == "of" and "of_actor" in entry.flags:
            pobj = _pobj(child)
            if pobj is not None:
                return pobj
    carrier = _carrier_of(tok)
    if carrier is not None:
        # "the militia unleashed an attack", "supporters set off on a march": who performs
        # the light verb does the event.
        subject = _subject(carrier)
        if subject is not None:
            return subject
    if ctx is not None:
        for child in tok.children:
            if child.dep_ in ("compound", "amod") and child.i < tok.i:
                if _entity_type_at(ctx, child.idx) in ("ORG", "NORP", "PERSON"):
                    return child
    return None


def _carrier_of(tok: Token) -> Token | None:
    """The light verb a nominal event is the object of ("unleashed an attack"), or the
    carrier verb it is the prepositional object of ("set off on a march", "went on
    strike")."""
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in LIGHT_VERBS:
        return tok.head
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        verb = tok.head.head
        if verb.pos_ == "VERB" and verb.lemma_.lower() in CARRIER_VERBS:
            return verb
    return None


def _consult_partner(tok: Token, entry: Entry) -> bool:
    """A specific meeting with someone: "a meeting with the president"."""
    if entry.type != "CONSULT":
        return False
    has_det = any(c.dep_ == "det" for c in tok.children)
    return has_det and any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children)


def _pobj(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


# --------------------------------------------------------------------------- building


def _located(
    ctx: _Context, tok: Token, clause: set[int], actor_spans: list[tuple[int, int]], left: bool
) -> PlaceRef | None:
    """The event's resolved place, keeping the venue's wording when it names more."""
    location = _location(ctx, tok, clause, actor_spans, left=left)
    venue = _venue(ctx, tok)
    if location is not None and venue is not None and venue.lower() != location.name.lower():
        location = location.model_copy(update={"text": venue})
    return location


def _place_as_target(
    ctx: _Context, tok: Token, event_type: str, targets: list[Argument], location: PlaceRef | None
) -> list[Argument]:
    """The place an action is done to or in, standing for its people or authorities, when
    no named party is its target ("shelled <a town>", "imposed a curfew in <a city>"), as
    event coders code it. Only a place its own sentence names."""
    if event_type not in _POLITY_TARGET_TYPES or location is None or location.span is None:
        return []
    sentence = ctx.sentence_of(tok.idx)
    if sentence is None or not sentence.span[0] <= location.span[0] < sentence.span[1]:
        return []
    if any(_argument_named(ctx, t) for t in targets):
        return []
    return [Argument(name=location.name, span=location.span, country=location.country)]


def _argument_named(ctx: _Context, argument: Argument) -> bool:
    """Whether an argument's phrase holds a name or an entity mention."""
    start, end = argument.span
    return bool(ctx.index.places.overlapping(start, end)) or _holds_a_name(
        ctx, ctx.tokens_in(start, end)
    )


def _event_quantities(
    ctx: _Context, span: tuple[int, int], actor_spans: list[tuple[int, int]]
) -> list[Quantity]:
    """A quantity inside the event or inside its actor phrase ("between 200 and 300
    farmers"), unless it is part of a date."""
    return [
        q
        for q in _near_quantities(ctx, span, actor_spans)
        if not ctx.index.dated_timexes.overlapping(q.span[0], q.span[1])
    ]


def _build_event(
    ctx: _Context, tok: Token, entry: Entry, is_nominal: bool, n: int, host: Token | None = None
) -> Event:
    """One Event for a trigger; ``host`` is the aspectual verb of a nominal subject."""
    text = ctx.article.text
    trig = _trigger_span(tok, entry)
    if host is not None:
        # "the hearing would open on June 3": the event is the whole clause of its verb.
        span = (tok.left_edge.idx, _event_span(host, False)[1])
        clause = _clause_tokens(host)
    else:
        span = _event_span(tok, is_nominal)
        clause = _clause_tokens(tok)
    cue_tok = host if host is not None else tok
    claim = _covering_claim(ctx, tok.idx)
    event_type, natural, actors, targets = _participants(ctx, tok, entry, is_nominal, clause)
    if "source_actor" in entry.flags:
        actors = _source_actors(ctx, tok, claim, trig)
    actor_spans = [a.span for a in actors]

    date, deadline = _dates(ctx, tok, clause, span)
    location = _located(ctx, tok, clause, actor_spans, left=event_type == "RETREAT")
    targets += _place_as_target(ctx, tok, event_type, targets, location)
    quantities = _event_quantities(ctx, span, actor_spans)
    attribution, modality, polarity = _stance(tok, cue_tok, claim, is_nominal and host is None)
    if actors and not natural and _announced_future(cue_tok, modality):
        modality = "intended"
    if date is not None and date.source == "narrative" and _unrealised(cue_tok, modality):
        # A planned or foreseen event has not happened on the story's latest day.
        date = EventDate(value=None, source="none")
    clause_lemmas = {ctx.doc[i].lemma_.lower() for i in clause}
    contexts = contexts_of(clause_lemmas)
    if natural:
        contexts = [DISASTERS, *[c for c in contexts if c != DISASTERS]]
    event = Event(
        id=f"EV{n}",
        group=f"EV{n}",
        mode=mode_of(event_type, tok.lemma_.lower(), clause_lemmas),
        context=contexts,
        article_id=ctx.article.id,
        span=span,
        stage=STAGE,
        text=text[span[0] : span[1]],
        trigger=text[trig[0] : trig[1]],
        trigger_span=trig,
        type=event_type,
        alt_type=entry.alt_type if entry.alt_type != event_type else None,
        actors=actors,
        targets=targets,
        location=location,
        date=date,
        deadline=deadline,
        quantities=quantities,
        attribution=attribution,
        modality=modality,
        polarity=polarity,
    )
    return _typed_by_convention(ctx, cue_tok, event, clause_lemmas)


def _typed_by_convention(
    ctx: _Context, cue_tok: Token, event: Event, clause_lemmas: set[str]
) -> Event:
    """The type event coders give a statement by what it means between the parties: a
    duty put on another party is the speaker's DEMAND on it, and a hostile act offered on
    a condition or with readiness is a THREATEN. The act's own type becomes ``alt_type``."""
    update: dict[str, object] = {}
    demand = _obliging_speaker(ctx, cue_tok, event.attribution, event.polarity)
    if demand is not None:
        # Its doer is who is asked, and the event's words now include who is asked ("the
        # government should declare ...").
        demander, asked = demand
        start = min(event.span[0], asked.left_edge.idx)
        update = {
            "type": "DEMAND",
            "actors": [demander],
            "targets": event.actors or event.targets,
            "modality": "reported",
            "span": (start, event.span[1]),
            "text": ctx.article.text[start : event.span[1]],
        }
    elif event.actors and event.type in _THREATENED_TYPES and _threatened(cue_tok, event.polarity):
        update = {"type": "THREATEN"}
    if not update:
        return event
    update["alt_type"] = event.type
    update["mode"] = mode_of(str(update["type"]), cue_tok.lemma_.lower(), clause_lemmas)
    return event.model_copy(update=update)


def _participants(
    ctx: _Context, tok: Token, entry: Entry, is_nominal: bool, clause: set[int]
) -> tuple[str, bool, list[Argument], list[Argument]]:
    """The event's type, whether it is a natural event, its actors and its targets."""
    actor_tok, target_toks = _arguments(ctx, tok, entry, is_nominal)
    event_type = entry.type
    natural = _natural_event(tok, actor_tok, clause)
    if natural:
        # A quake, a flood or a death with no one behind it: no actor; the subject of an
        # intransitive death ("two workers died") is what the event befell.
        event_type = "OTHER"
        if actor_tok is not None and (tok.lemma_.lower() in DEATH_VERBS or _mishap(tok)):
            target_toks = [actor_tok, *target_toks]
        actor_tok = None
    elif actor_tok is not None and actor_tok.lemma_.lower() in WEAPONS:
        # "a car bomb exploded": the bomb did not act; whoever set it is not named.
        actor_tok = None
    if event_type == "ASSAULT" and any(t.lemma_.lower() in NATURAL_FORCES for t in target_toks):
        # "fought the blaze", "brought the fire under control": the response to a
        # disaster, not an attack on anyone.
        event_type, natural = "OTHER", True
    if event_type == "ASSAULT":
        # "detonated an explosive device", "fired rockets at the post": the means, not
        # what the attack is aimed at.
        target_toks = [t for t in target_toks if not _names_weapon(t)]
    actors = [_argument(ctx, actor_tok)] if actor_tok is not None else []
    if event_type == "PROTEST" and _lodged_complaint(ctx, tok, actors):
        event_type = "DISAPPROVE"
    return event_type, natural, actors, [_argument(ctx, t) for t in target_toks]


def _lodged_complaint(ctx: _Context, tok: Token, actors: list[Argument]) -> bool:
    """A protest that a state or a government body makes, or one that states what it
    objects to ("protested that ..."), is a complaint, not a demonstration."""
    if any(c.dep_ == "ccomp" for c in tok.children):
        return True
    for actor in actors:
        start, end = actor.span
        # The state itself ("Peru"), not its people ("Peruvians", a demonym's entity).
        if any(m.start <= start and end <= m.end for m in ctx.index.places.overlapping(start, end)):
            return True
        if any(
            m.record.kind in _AUTHORITY_KINDS for m in ctx.index.entities.overlapping(start, end)
        ):
            return True
    return False


def _source_actors(
    ctx: _Context, tok: Token, claim: Claim | None, trig: tuple[int, int]
) -> list[Argument]:
    """For an evaluation ("praised", "condemned" as a source's act): who made it."""
    if claim is not None and claim.attribution.sources:
        src = claim.attribution.sources[0]
        return [Argument(name=src.name, span=src.span or trig, entity_id=src.entity_id)]
    speaker = _reporting_subject(tok)
    return [_argument(ctx, speaker)] if speaker is not None else []


def _stance(
    tok: Token, cue_tok: Token, claim: Claim | None, nominal_alone: bool
) -> tuple[Attribution, str, str]:
    """Attribution, modality and polarity: the covering claim's, corrected by the
    trigger's own clause."""
    # "did not plan to hand over": a negated governing verb negates its complement.
    negated = any(_negated(node) for node in _governors(cue_tok))
    if claim is None:
        return (
            Attribution(),
            _local_modality(cue_tok, negated),
            ("negative" if negated else "positive"),
        )
    attribution, modality, polarity = claim.attribution, claim.modality, claim.polarity
    own_cues = {c.lower() for c in claim.cues} <= {tok.lower_, tok.lemma_.lower()}
    if claim.cues and own_cues or nominal_alone and polarity == "negative" and not negated:
        # The claim's hedge is the trigger itself ("refused" is the REJECT event, not a
        # negation of it), or belongs to the verb governing a nominal event.
        relayed = any(src.cue for src in attribution.sources)
        modality = "reported" if relayed else _local_modality(cue_tok, negated)
        polarity = "negative" if negated else "positive"
    elif not claim.cues and modality == "asserted" and not _relayed(attribution):
        # The outlet's own voice with no cue found: the trigger's clause may still carry
        # one ("intends to", "would", "did not").
        modality = _local_modality(cue_tok, negated)
    if negated:
        polarity = "negative"
        if modality == "asserted":
            modality = "negated"
    return attribution, modality, polarity


def _threatened(cue_tok: Token, polarity: str) -> bool:
    """A hostile act its doer says it is ready to take, or will take on a condition ("is
    ready to declare a curfew", "may cut aid if the talks fail"): event coders code
    it as a threat, not as the act."""
    if polarity == "negative":
        return False
    chain = _predicate_chain(cue_tok)
    if any(node.dep_ == "acomp" and node.lemma_.lower() in _READINESS for node in chain):
        return True
    return any(_is_condition(c) for node in chain for c in node.children)


def _obliging_speaker(
    ctx: _Context, cue_tok: Token, attribution: Attribution, polarity: str
) -> tuple[Argument, Token] | None:
    """Who says that another party must or should act ("the minister said the rebels must
    disarm", a quote "they should release him"), and the party: event coders code that
    statement as the speaker's DEMAND on the party, whatever act it asks for. Not a
    speaker's own duty ("we must"), a negated one, a past one ("should have"), or an
    inverted condition ("should it go ahead")."""
    if polarity == "negative":
        return None
    found = next(
        ((n, aux) for n in _predicate_chain(cue_tok) if (aux := _obligation_aux(n)) is not None),
        None,
    )
    if found is None:
        return None
    modal_clause, modal = found
    subject = _subject(modal_clause)
    if subject is None or subject.lower_ in _FIRST_PERSON:
        return None
    auxes = [c for c in modal_clause.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lemma_ == "have" for a in auxes) or modal.i < subject.i:
        return None
    reporting = _reporting_verb(modal_clause)
    if reporting is not None and match_trigger(reporting) is not None:
        # "agreed that both should cooperate", "demanded that ...": the verb is the act.
        return None
    speaker = _speaker(ctx, cue_tok, attribution)
    return (speaker, subject) if speaker is not None else None


def _reporting_verb(tok: Token) -> Token | None:
    """The verb a clause is reported by ("said" in "said that ..." or after a quote)."""
    node = _first_conjunct(tok)
    return node.head if node.dep_ in ("ccomp", "parataxis") and node.head.i != node.i else None


def _predicate_chain(tok: Token) -> list[Token]:
    """The trigger and the predicates it completes, through "ready to" and "able to"."""
    chain = [tok]
    node = tok
    while (node.dep_ == "acomp" or _is_complement(node)) and node.head.i != node.i:
        node = node.head
        chain.append(node)
    return chain


def _obligation_aux(tok: Token) -> Token | None:
    return next((c for c in tok.children if c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX), None)


def _speaker(ctx: _Context, tok: Token, attribution: Attribution) -> Argument | None:
    """Who a clause is reported from: the innermost source with a reporting cue, else the
    subject of the verb the clause is reported by."""
    relayed = [src for src in attribution.sources if src.cue and src.span is not None]
    if relayed:
        start, end = relayed[-1].span
        head = next((t for t in ctx.tokens_in(start, end) if not start <= t.head.idx < end), None)
        if head is not None:
            return _argument(ctx, head)
    subject = _reporting_subject(tok)
    return _argument(ctx, subject) if subject is not None else None


def _announced_future(cue_tok: Token, modality: str) -> bool:
    """A future action its doer announces ("Russia will close the consulate", "said it
    would challenge the ruling"): intended, as event coders code it, not a forecast. Only
    a bare future auxiliary counts; "is expected to" stays a prediction, and "would" only
    where it is a reported "will" with no condition."""
    if modality not in ("predicted", "hypothetical"):
        return False
    children = [c for node in _governors(cue_tok) for c in node.children]
    auxiliaries = {c.lower_ for c in children if c.dep_ == "aux"}
    if auxiliaries & FUTURE_AUX:
        return modality == "predicted"
    conditional = any(c.dep_ == "mark" and c.lower_ == "if" for c in children) or any(
        _is_condition(c) for c in cue_tok.children
    )
    return "would" in auxiliaries and _in_reported(cue_tok) and not conditional


def _unrealised(cue_tok: Token, modality: str) -> bool:
    """Planned, foreseen or hypothetical: not (yet) happened."""
    return modality in _UNREALISED or any(
        c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX | FUTURE_AUX
        for node in _governors(cue_tok)
        for c in node.children
    )


def _near_quantities(
    ctx: _Context, span: tuple[int, int], actor_spans: list[tuple[int, int]]
) -> list[Quantity]:
    """Quantities inside the event's span or overlapping an actor's, in the stage's order."""
    index = ctx.index.quantities
    inside = [q for q in index.starting_in(span[0], span[1] + 1) if q.span[1] <= span[1]]
    near = {id(q) for q in inside}
    for a in actor_spans:
        near.update(id(q) for q in index.overlapping(a[0], a[1]))
    if len(near) == len(inside):
        return inside
    return [q for q in index.overlapping(*_hull(span, actor_spans)) if id(q) in near]


def _hull(span: tuple[int, int], others: list[tuple[int, int]]) -> tuple[int, int]:
    starts = [span[0], *(o[0] for o in others)]
    ends = [span[1], *(o[1] for o in others)]
    return min(starts), max(ends)


def _natural_event(tok: Token, actor: Token | None, clause: set[int]) -> bool:
    """A disaster, accident or death without an actor: the trigger names a natural force
    ("the earthquake") or is a mishap ("the tank exploded", "an explosion"), the actor is a
    force or a mishap ("the quake killed", "the blast destroyed") or a thing a mishap
    befell ("a tank exploded, killing two"), the trigger is a death verb ("died",
    "drowned") with no agent, or a passive without agent is caused by a natural force or a
    mishap ("were killed in the flood", "were killed when two trains collided"), or counts
    casualties next to a mishap ("A tank exploded. Seven people were killed.")."""
    lemma = tok.lemma_.lower()
    # Only a noun names the force itself: the verb "fired" is an act, the noun "fire" is not.
    names_force = tok.pos_ != "VERB" and _literal_force(tok)
    if names_force or (actor is not None and _literal_force(actor)):
        return True
    if _mishap(tok) or (actor is not None and _befallen(actor)):
        return True
    if lemma in DEATH_VERBS:
        return _agent(tok) is None
    if actor is None and (is_passive(tok) or tok.dep_ == "acl"):
        casualty = lemma in CASUALTY_VERBS and _agent(tok) is None
        return _caused_by_force(tok, clause) or (casualty and _mishap_told_near(tok))
    return False


def _caused_by_force(tok: Token, clause: set[int]) -> bool:
    """The clause says a natural force or a mishap caused it ("in the flood", "by a blast",
    "when two trains collided")."""
    doc = tok.doc
    causes = [
        doc[i] for i in clause if doc[i].dep_ == "pobj" and doc[i].head.lower_ in _CAUSE_PREPS
    ]
    forces = any(t.lemma_.lower() in NATURAL_FORCES or _mishap(t) for t in causes)
    return forces or any(_mishap(c) for c in tok.children if c.dep_ == "advcl")


def _mishap_told_near(tok: Token) -> bool:
    """A mishap is told in the casualty's sentence or the one before ("A tank exploded.
    Seven people were killed.")."""
    tokens = tokens_of(tok.doc)
    sent = tok.sent
    start = tokens[sent.start - 1].sent.start if sent.start > 0 else sent.start
    return any(_mishap(t) for t in tokens[start : sent.end] if t.pos_ in ("NOUN", "VERB"))


def _told_happening(noun: Token) -> bool:
    """A natural force or a mishap that is a clause's subject is told as happening ("an
    explosion tore through the unit", "the flood swept away"), not named in passing; not
    a figure of speech whose of-phrase names no thing ("a flood of refugees", "the collapse
    of the talks")."""
    if noun.dep_ not in _SUBJ_DEPS:
        return False
    return _literal_force(noun) or (_mishap(noun) and _literal(noun))


def _literal_force(noun: Token) -> bool:
    """A natural force named as one, not a figure of speech ("a flood of refugees")."""
    return noun.lemma_.lower() in NATURAL_FORCES and _literal(noun)


def _literal(noun: Token) -> bool:
    """A force or mishap noun whose of-phrase, if any, names a thing or a force ("the
    collapse of the bridge", "an outbreak of cholera"), not a party or an abstraction
    ("the collapse of the talks", "a storm of criticism")."""
    return all(_names_thing(o) for o in _prepositional_objects([noun], _OF))


def _mishap(tok: Token) -> bool:
    """An explosion, collapse, crash or collision that befell a thing rather than a party's
    act: a mishap noun ("an explosion"), or a mishap verb with no object whose subject names
    a thing ("the tank exploded", "two helicopters collided"), unless a weapon made the
    explosion ("a bomb blast", "a car bomb exploded")."""
    if tok.pos_ == "NOUN":
        lemma = tok.lemma_.lower()
        return lemma in MISHAP_NOUNS and not (lemma in EXPLOSIONS and _weapon_made(tok))
    if tok.pos_ != "VERB" or any(c.dep_ == "dobj" for c in tok.children):
        return False
    lemma = _phrasal_lemma(tok, MISHAP_VERBS)
    subject = _subject(tok)
    if lemma not in MISHAP_VERBS or subject is None or not _names_thing(subject):
        return False
    return not (lemma in EXPLOSIONS and _weapon_made(tok))


def _befallen(actor: Token) -> bool:
    """The actor is a mishap ("the blast destroyed") or the thing a mishap befell, as the
    subject of the mishap verb a participle or conjunct shares ("a tank exploded, killing
    two")."""
    return _mishap(actor) or (actor.dep_ in _SUBJ_DEPS and _mishap(actor.head))


def _names_weapon(tok: Token) -> bool:
    """A phrase that names a weapon ("rockets", "an explosive device", "a car bomb")."""
    words = [tok, *(c for c in tok.children if c.dep_ in ("compound", "amod"))]
    return not _is_party(tok) and any(w.lemma_.lower() in WEAPONS for w in words)


def _names_thing(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    things = lemma in _THING_NOUNS or lemma in MISHAP_NOUNS or lemma in NATURAL_FORCES
    return not _is_party(tok) and things


def _weapon_made(tok: Token) -> bool:
    """A weapon made the explosion: the lexicon types the word an attack ("a car bomb
    blast"), or the article names a weapon, in the explosion's own phrase or anywhere else
    (the report of a bombing calls it "the explosion" too)."""
    entry = match_trigger(tok)
    if entry is not None and entry.type == "ASSAULT":
        return True
    return _names_a_weapon(tok.doc)


def _names_a_weapon(doc: Doc) -> bool:
    """Whether the article names a weapon (a common noun: "Shell" the company is none),
    found once per Doc."""
    named = doc.user_data.get(_WEAPON_NAMED_KEY)
    if named is None:
        named = any(t.pos_ != "PROPN" and t.lemma_.lower() in WEAPONS for t in tokens_of(doc))
        doc.user_data[_WEAPON_NAMED_KEY] = named
    return named


def _relayed(attribution: Attribution) -> bool:
    """Whether a claim is relayed from someone (a source with a reporting cue)."""
    return any(src.cue for src in attribution.sources)


def _trim_end(tokens: Iterable[Token]) -> int:
    kept = [t for t in tokens if not t.is_punct and not t.is_space]
    return max(t.idx + len(t.text) for t in kept)


def _event_span(tok: Token, is_nominal: bool) -> tuple[int, int]:
    """From the trigger (or its passive subject / noun phrase start) to the end of its
    complements, leaving out conjoined and reported clauses."""
    if is_nominal:
        tokens = [t for t in tok.subtree]
        tokens = [t for t in tokens if not any(a.dep_ == "relcl" for a in _path(t, tok))]
        return min(t.idx for t in tokens), _trim_end(tokens)
    start = tok.idx
    for child in tok.lefts:
        if child.dep_ in ("aux", "auxpass", "neg", "nsubjpass") or (
            child.dep_ == "advmod" and child.lower_ in HEDGES
        ):
            start = min(start, child.left_edge.idx if child.dep_ == "nsubjpass" else child.idx)
        elif child.dep_ == "nsubj" and (
            _names_an_event(child) or tok.lemma_.lower() in DEATH_VERBS
        ):
            # "the bombings killed 258": the subject names the event the verb tells; "three
            # workers died": the subject is whom it befell, counted with the event.
            start = min(start, child.left_edge.idx)
    tokens = [tok]
    for child in tok.rights:
        if child.dep_ in _SEPARATE_DEPS:
            continue
        if child.dep_ == "advcl" and any(c.dep_ == "mark" for c in child.children):
            continue
        tokens.extend(child.subtree)
    return start, _trim_end(tokens)


def _names_an_event(tok: Token) -> bool:
    """A common noun of the trigger lexicon ("bombing", "strike", "clash")."""
    return tok.pos_ == "NOUN" and match_trigger(tok) is not None


def _path(tok: Token, root: Token) -> list[Token]:
    """Tokens from tok up to (excluding) root."""
    out = []
    while tok.i != root.i and tok.head.i != tok.i:
        out.append(tok)
        tok = tok.head
    return out


def _trigger_span(tok: Token, entry: Entry) -> tuple[int, int]:
    """The trigger word plus the particle or object word its lexicon pattern names
    ("pushed back", "took control")."""
    words = {v for key, values in entry.conditions if key in ("prt", "obj") for v in values}
    end = tok.idx + len(tok.text)
    for child in tok.rights:
        if child.i - tok.i > 2:
            break
        if child.dep_ == "prt" or child.lower_ in words or child.lemma_.lower() in words:
            end = max(end, child.idx + len(child.text))
    return tok.idx, end


def _clause_tokens(tok: Token) -> set[int]:
    """Token indexes of the trigger's own clause (its subtree minus separate clauses)."""
    out: set[int] = {tok.i}
    stack = [c for c in tok.children if c.dep_ not in _SEPARATE_DEPS]
    while stack:
        node = stack.pop()
        out.add(node.i)
        # A relative clause is its own ("employees who walked out in April").
        stack.extend(c for c in node.children if c.dep_ not in ("ccomp", "parataxis", "relcl"))
    return out


# --------------------------------------------------------------------------- arguments


def _subject(tok: Token) -> Token | None:
    return next((c for c in tok.children if c.dep_ in _SUBJ_DEPS), None)


def _agent(tok: Token) -> Token | None:
    for child in tok.children:
        if child.dep_ == "agent" or (
            child.dep_ == "prep" and child.lower_ == "by" and is_passive(tok)
        ):
            pobj = _pobj(child)
            if pobj is not None:
                return pobj
    return None


def _clause_actor(tok: Token, depth: int = 0) -> tuple[Token | None, bool]:
    """The actor of a verbal clause and whether it was inherited as a patient.

    Returns (token, is_patient): is_patient is True when the only candidate is the
    subject of a passive clause (it then belongs among the targets).
    """
    if depth > 6:
        return None, False
    passive = is_passive(tok)
    if passive:
        agent = _agent(tok)
        if agent is not None:
            return agent, False
        subj = _subject(tok)
        if subj is not None:
            return subj, True
    else:
        subj = _subject(tok)
        if subj is not None:
            if tok.dep_ == "relcl" and subj.lower_ in _RELATIVE_SUBJECTS:
                return tok.head, False
            return subj, False
    if tok.dep_ == "conj" and tok.head.i != tok.i:
        shared = _subject(tok.head) if not passive and is_passive(tok.head) else None
        if shared is not None:
            # "was extradited and pleaded guilty": the shared subject does the second act.
            return shared, False
        inherited, patient = _clause_actor(tok.head, depth + 1)
        if inherited is not None and passive and not is_passive(tok.head):
            return inherited, True
        return inherited, patient
    if _is_complement(tok):
        gov = tok.head
        if gov.lemma_.lower() in DIRECTIVE_VERBS:
            obj = next((c for c in gov.children if c.dep_ == "dobj"), None)
            if obj is None:
                prep_on = next(
                    (c for c in gov.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")),
                    None,
                )
                obj = _pobj(prep_on) if prep_on is not None else None
            if obj is not None:
                return obj, False
        return _clause_actor(gov, depth + 1)
    if tok.dep_ == "acomp" and tok.head.i != tok.i:
        # "is willing to withdraw", "were ready to free": an adjective predicate passes its
        # subject on to the act it governs.
        return _clause_actor(tok.head, depth + 1)
    if tok.dep_ == "advcl" and tok.tag_ == "VBG":
        # "A bomb exploded, killing dozens": the participle shares the clause's subject.
        return _clause_actor(tok.head, depth + 1)
    if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"):
        return _participle_actor(tok)
    return _charged_with(tok, depth)


def _participle_actor(tok: Token) -> tuple[Token | None, bool]:
    """The noun a participle modifies, as its doer ("youths clashing with police") or as
    what undergoes it ("envoys expelled from"); a verb that is never passive ("youths
    clashed with police", tagged as a participle) is the noun's act. A statement's issuer
    does what it demands ("issued a statement demanding ...")."""
    issuer = _issuer(tok.head)
    if issuer is not None and tok.tag_ != "VBN":
        return issuer, False
    undergone = tok.tag_ == "VBN" and tok.lemma_.lower() not in _INTRANSITIVE_VERBS
    return tok.head, undergone


def _issuer(noun: Token) -> Token | None:
    """Who issued a document noun: the subject of the verb it is the object of."""
    if noun.lemma_.lower() not in _DOCUMENT_NOUNS or noun.dep_ != "dobj":
        return None
    return _subject(noun.head)


def _charged_with(tok: Token, depth: int) -> tuple[Token | None, bool]:
    """The actor of an act someone is accused, charged or convicted of ("was accused of
    wounding two", "charged X with killing"): the accused."""
    prep = tok.head
    if tok.dep_ != "pcomp" or prep.lower_ not in ("of", "with", "for") or prep.head is prep:
        return None, False
    gov = prep.head
    if gov.pos_ != "VERB" or match_trigger(gov) is None:
        return None, False
    if match_trigger(gov).type not in ("ACCUSE", "COERCE"):
        return None, False
    if is_passive(gov):
        return _subject(gov), False
    obj = next((c for c in gov.children if c.dep_ == "dobj"), None)
    return obj, False


def _arguments(
    ctx: _Context, tok: Token, entry: Entry, is_nominal: bool
) -> tuple[Token | None, list[Token]]:
    if is_nominal:
        return _nominal_arguments(ctx, tok, entry)
    targets: list[Token] = []
    actor, patient = _clause_actor(tok)
    if patient:
        targets.append(actor)
        # "the cuts demanded by the lenders": a participle's by-phrase is its doer.
        actor = _agent(tok) if tok.dep_ == "acl" else None
    if actor is None and is_passive(tok):
        actor = ctx.nominal_agents.get(tok.i)
    object_actor, object_targets = _object_arguments(ctx, tok, entry, targets)
    if object_actor is not None:
        actor = object_actor
    targets += object_targets
    targets += _shared_patient(tok, actor, targets)
    targets += _recipients(ctx, tok, entry.type, targets)
    targets += _aimed_at(tok, targets)
    targets += _nominal_complement_targets(ctx, tok, targets)
    targets = [_relative_antecedent(t) for t in targets]
    if not any(_party_phrase(ctx, t) for t in targets):
        partners = _coordinated_partners(tok, entry.type, actor)
        targets = partners + targets or _complement_subject(ctx, tok, entry.type)
    if not targets:
        targets = _opposed_in(actor)
    if not any(_party_phrase(ctx, t) for t in targets):
        targets = _purpose_object(ctx, tok) + _parties_behind(ctx, targets) + targets
    targets = list({t.i: t for t in _without_containers(ctx, targets)}.values())
    return _resolve_pronoun(ctx, actor), [t for t in targets if not _is_date_phrase(ctx, t)]


def _nominal_arguments(ctx: _Context, tok: Token, entry: Entry) -> tuple[Token | None, list[Token]]:
    """The agent of a nominal event and what it is aimed at ("the attack on the port")."""
    actor = _nominal_agent(tok, entry, ctx)
    if actor is None and entry.type == "CONSULT":
        gov = tok.head.head if tok.dep_ == "pobj" else None
        actor = _subject(gov) if gov is not None and gov.pos_ == "VERB" else None
    words = _NOMINAL_TARGET_PREPS | ({"of"} if "of_target" in entry.flags else frozenset())
    targets = [t for t in _prepositional_objects([tok], words) if not _is_date_phrase(ctx, t)]
    targets = targets or _purpose_object(ctx, tok)
    if not targets and tok.dep_ == "dobj":
        # "began a hunger strike to protest the ban": the purpose hangs on the verb.
        targets = _purpose_object(ctx, tok.head)
    return _resolve_pronoun(ctx, actor), targets


def _object_arguments(
    ctx: _Context, tok: Token, entry: Entry, known: list[Token]
) -> tuple[Token | None, list[Token]]:
    """Targets from a verb's objects and on/against phrases, and the actor when the
    lexicon entry says the object names the participants (``obj_actor``)."""
    actor = None
    targets: list[Token] = []
    pattern_words = _pattern_words(entry)
    reversing = _reversal_type(tok) is not None
    for child in tok.children:
        if child.dep_ == "dobj" and _idiom_object(child, pattern_words):
            # "opened fire": the object is part of the trigger, not what the event is aimed
            # at; "set fire to the bank": the bank is.
            targets += _prepositional_objects([tok], _IDIOM_TARGET_PREPS)
            continue
        if child.dep_ in ("dobj", "nsubjpass") and reversing:
            # "halted aid to <country>", "prevented the march by students": the party
            # whose supply or event is stopped.
            parties = _reversed_parties(ctx, tok, child)
            # What is prevented is aimed at; one's own strike or offensive called off is not.
            own_act = match_trigger(child) is not None and _phrasal_lemma(tok) in _HALTING_VERBS
            targets += parties or ([] if own_act else [child])
            continue
        if child.dep_ == "dobj" and _names_performed_event(ctx, tok, child, pattern_words):
            # "launched an attack on the port", "began a rally": the noun names the event;
            # its target is the noun's.
            targets += _nominal_event_targets(ctx, child)
            continue
        if child.dep_ in ("dobj", "nsubjpass") and child not in known:
            if child.lemma_.lower() == "control":
                for prep in list(child.children) + list(tok.children):
                    if prep.dep_ == "prep" and prep.lower_ == "of" and _pobj(prep) is not None:
                        targets.append(_pobj(prep))
                        break
                continue
            if "obj_actor" in entry.flags:
                actor = child
                continue
            targets.append(child)
        elif child.dep_ == "prep" and child.lower_ in ("on", "against", "upon"):
            pobj = _pobj(child)
            if (
                pobj is not None
                and not _is_date_phrase(ctx, pobj)
                and not _idiom_object(pobj, pattern_words)
            ):
                targets.append(pobj)
    return actor, targets


def _without_containers(ctx: _Context, targets: list[Token]) -> list[Token]:
    """Drop a thing whose phrase holds a party among the targets ("the resignation of the
    minister": the minister is the target, not the resignation)."""
    parties = [t for t in targets if _heads_a_party(ctx, t)]
    out = []
    for t in targets:
        inside = {x.i for x in t.subtree} - {t.i}
        if _is_party(t) or not any(p.i in inside for p in parties):
            out.append(t)
    return out


def _pattern_words(entry: Entry) -> set[str]:
    """The object words a lexicon pattern names ("fire" of "open fire", "set on fire")."""
    return {v for key, values in entry.conditions if key in ("obj", "pobj") for v in values}


def _idiom_object(obj: Token, pattern_words: set[str]) -> bool:
    """A bare singular object the lexicon pattern names ("opened fire"), which is part
    of the trigger; a counted, determined or modified one ("raided two homes", "formed
    operator units") is what the event acts on."""
    bare = obj.tag_ == "NN" and not any(True for _ in obj.children)
    return bare and obj.lemma_.lower() in pattern_words


def _is_party(tok: Token) -> bool:
    return tok.pos_ in ("PROPN", "PRON") or tok.lemma_.lower() in _PARTY_NOUNS


def _aimed_at(tok: Token, targets: list[Token]) -> list[Token]:
    """What a thing is directed at when the object is an instrument, not a party
    ("fired shells at a station", "drove a car into the crowd")."""
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    if not objects or any(_is_party(o) for o in objects):
        return []
    return [p for p in _prepositional_objects([tok], _AIM_PREPS) if p not in targets]


def _nominal_complement_targets(ctx: _Context, tok: Token, targets: list[Token]) -> list[Token]:
    """The party of a nominal event the verb, or the verb it intends, is about ("urged the
    mayor's removal", "vowed to press for the mayor's removal", "objected to the
    firm's plans"). Of any other object noun, a possessor or of-phrase that names a party
    ("renewed the licences of 300 drivers")."""
    heads = [tok, *(c for c in tok.children if c.dep_ == "xcomp" and _has_to(c))]
    nouns = [c for head in heads for c in head.children if c.dep_ == "dobj"]
    nouns += [
        p
        for head in heads
        for c in head.children
        if c.dep_ == "prep" and c.lower_ in ("for", "to", "against", "over")
        for p in c.children
        if p.dep_ == "pobj"
    ]
    out = []
    for noun in nouns:
        eventive = noun.lemma_.lower() in event_nouns() or noun.lemma_.lower() in _PLAN_NOUNS
        for child in noun.children:
            party = child if child.dep_ == "poss" and child.pos_ != "PRON" else None
            if child.dep_ == "prep" and child.lower_ == "of":
                party = _pobj(child)
            if party is None or party in targets or party in out:
                continue
            if eventive or _heads_a_party(ctx, party):
                out.append(party)
    return out


def _party_phrase(ctx: _Context, tok: Token) -> bool:
    """Whether a phrase names a party: its head is a party noun, a name or a pronoun, or
    it holds a name ("three Estonian diplomats")."""
    return _is_party(tok) or _names_a_party(ctx, tok)


def _heads_a_party(ctx: _Context, tok: Token) -> bool:
    """Whether a phrase's head is a party: a name, a pronoun, a party noun or a title, or
    an entity mention."""
    return _is_party(tok) or _entity_type_at(ctx, tok.idx) is not None


def _relative_antecedent(tok: Token) -> Token:
    """The noun a relative pronoun stands for ("envoys who were expelled": the envoys)."""
    if tok.lower_ in _RELATIVE_SUBJECTS and tok.head.dep_ == "relcl":
        return tok.head.head
    return tok


def _coordinated_partners(tok: Token, event_type: str, actor: Token | None) -> list[Token]:
    """The other parties of a reciprocal event with a coordinated subject ("police and
    rioters clashed", "the two leaders and their aides met")."""
    subject = _subject(tok)
    if actor is None or event_type not in _PARTNER_TYPES or subject is None or subject.i != actor.i:
        return []
    return [c for c in actor.conjuncts if c.i > actor.i]


def _complement_subject(ctx: _Context, tok: Token, event_type: str) -> list[Token]:
    """Who a demand or an appeal is made of, as the subject of its that-clause ("demanded
    that the government release them")."""
    if event_type not in _DIRECTIVE_TYPES:
        return []
    for clause in tok.children:
        if clause.dep_ != "ccomp" or _has_to(clause):
            continue
        subject = _subject(clause)
        if subject is not None and _party_phrase(ctx, subject):
            return [subject]
    return []


def _names_a_party(ctx: _Context, tok: Token) -> bool:
    """Whether an argument's phrase holds a name ("three Estonian diplomats", "Oslo's
    mayor"), not only common nouns ("its troops", "a curfew")."""
    return _holds_a_name(ctx, _phrase_tokens(tok))


def _holds_a_name(ctx: _Context, tokens: Iterable[Token]) -> bool:
    return any(t.pos_ == "PROPN" or _entity_type_at(ctx, t.idx) for t in tokens)


def _prepositional_objects(heads: Iterable[Token], words: frozenset[str]) -> Iterator[Token]:
    """The objects of the prepositions in ``words`` attached to ``heads``, in order."""
    for head in heads:
        for child in head.children:
            if child.dep_ in ("prep", "dative") and child.lower_ in words:
                pobj = _pobj(child)
                if pobj is not None:
                    yield pobj


def _opposed_in(actor: Token | None) -> list[Token]:
    """The party an "anti-" modifier of the actor names ("anti-government protesters")."""
    if actor is None:
        return []
    words = list(actor.subtree)
    for a, b, c in zip(words, words[1:], words[2:], strict=False):
        if a.lower_ == "anti" and b.text in ("-", "\u2010", "\u2011") and c.is_alpha:
            return [c]
    return []


def _recipients(ctx: _Context, tok: Token, event_type: str, targets: list[Token]) -> list[Token]:
    """Who an event is directed at through a preposition: the partner of a meeting, deal
    or clash ("met with workers", "clashed with police"), and the recipient of support,
    aid, an appeal or a concession when the object is the thing given, not a party
    ("threw his support behind Cruz"). Whatever the type, a named party or a party noun
    that a thing is sent or given to is the recipient ("sent flowers to the
    bishop", "mailed letters to officials"), also when the preposition hangs on the thing."""
    out = []
    object_is_party = any(t.pos_ == "PROPN" or t.ent_type_ for t in targets)
    things = [c for c in tok.children if c.dep_ == "dobj" and not _is_party(c)]
    for child in tok.children:
        if child.dep_ not in ("prep", "dative"):
            continue
        if child.dep_ == "dative" and child.pos_ in ("NOUN", "PROPN", "PRON"):
            # "gave the city a grant": an indirect object is the recipient
            out.append(child)
            continue
        word = child.lower_
        partner = word == "with" and event_type in _PARTNER_TYPES
        recipient = (
            word in ("to", "behind") and event_type in _RECIPIENT_TYPES and not object_is_party
        )
        pobj = _pobj(child)
        if (partner or recipient) and pobj is not None:
            out.append(pobj)
    if things and not object_is_party and not out:
        for pobj in _prepositional_objects([tok, *things], _GIVEN_TO_PREPS):
            if _party_phrase(ctx, pobj):
                out.append(pobj)
                break
    return out


def _shared_patient(tok: Token, actor: Token | None, targets: list[Token]) -> list[Token]:
    """The subject a passive conjunct shares with the clause before it ("protesters
    marched but were driven back by police": the protesters are driven back)."""
    if tok.dep_ != "conj" or not is_passive(tok) or _subject(tok) is not None:
        return []
    subject = _subject(tok.head)
    if subject is None or subject in targets or (actor is not None and subject.i == actor.i):
        return []
    return [subject]


def _purpose_object(ctx: _Context, tok: Token) -> list[Token]:
    """The party an event is for or against, named in its purpose clause ("rallied to
    support the senator", "gathered to urge him to run") or in an "in protest of/against"
    or "in defiance of" phrase, when the event has no party among its targets. A thing
    protested stands for the party whose it is or who does it ("to protest the
    government's tax", "in protest against the closure of schools by the council")."""
    objects: list[Token] = []
    for child in tok.children:
        if child.dep_ in ("xcomp", "advcl") and _has_to(child):
            found = [c for c in child.children if c.dep_ == "dobj"]
            # "to vent their fury at the police": what the purpose is aimed at
            objects += found + list(_prepositional_objects([child, *found], _PURPOSE_TARGET_PREPS))
        elif child.dep_ == "prep" and child.lower_ == "in":
            stance = _pobj(child)
            if stance is not None and stance.lemma_.lower() in _STANCE_NOUNS:
                objects += _prepositional_objects([stance], _PROTESTED_PREPS)
    for obj in objects:
        party = _party_behind(ctx, obj)
        if party is not None:
            return [party]
    return []


def _parties_behind(ctx: _Context, things: list[Token]) -> list[Token]:
    """The parties whose things or acts the targets name ("denied accusations made by
    the brother", "objected to the company's plan"), when no target is a party."""
    parties = [_party_behind(ctx, t) for t in things]
    return [p for p, t in zip(parties, things, strict=True) if p is not None and p is not t]


def _party_behind(ctx: _Context, tok: Token) -> Token | None:
    """A party phrase itself, else the party whose thing or act it names: its possessor,
    its by-phrase, its of-phrase or its participle's by-phrase ("the government's tax",
    "the closure by the council", "the resignation of the mayor", "claims made by X")."""
    if _party_phrase(ctx, tok):
        return tok
    for child in tok.children:
        if child.dep_ == "poss" and child.pos_ != "PRON" and _party_phrase(ctx, child):
            return child
    for agent in _prepositional_objects([tok], frozenset({"by", "of"})):
        if _party_phrase(ctx, agent):
            return agent
    for clause in tok.children:
        # "accusations made by the brother": the participle's by-phrase.
        agent = _agent(clause) if clause.dep_ == "acl" else None
        if agent is not None and _party_phrase(ctx, agent):
            return agent
    return None


def _is_date_phrase(ctx: _Context, tok: Token) -> bool:
    return tok.ent_type_ in ("DATE", "TIME") or bool(ctx.index.timexes.containing(tok.idx))


def _reporting_subject(tok: Token) -> Token | None:
    """The subject of the verb whose reported clause holds the trigger ("Singh stated that")."""
    node = tok
    while node.head.i != node.i:
        if node.dep_ in ("ccomp", "parataxis"):
            subj = _subject(node.head)
            if subj is not None and subj.pos_ != "PRON":
                return subj
        node = node.head
    return None


_PRONOUN_TYPES: dict[str, frozenset[str]] = {
    **dict.fromkeys(("he", "she", "him", "her", "his"), frozenset({"PERSON"})),
    **dict.fromkeys(("it", "its"), frozenset({"ORG", "GPE", "OTHER"})),
    # A country or city is "it", not "they".
    **dict.fromkeys(("they", "them", "their"), frozenset({"ORG", "NORP", "OTHER"})),
}


def _entity_type_at(ctx: _Context, char: int) -> str | None:
    for m in ctx.index.entities.containing(char):
        return getattr(m.record, "type", None)
    return None


def _resolve_pronoun(ctx: _Context, tok: Token | None) -> Token | None:
    """A pronoun actor: the subject of the reporting clause, else the last entity mention
    of a fitting type (a person for "he"/"she", an organisation or place for "it")."""
    if tok is None or tok.pos_ != "PRON":
        return tok
    fitting = _PRONOUN_TYPES.get(tok.lower_)
    if fitting is None:
        return tok
    node = tok.head
    while node.head.i != node.i:
        if node.dep_ in ("ccomp", "parataxis"):
            subj = _subject(node.head)
            if subj is not None and subj.pos_ != "PRON":
                kind = _entity_type_at(ctx, subj.idx)
                if kind is None or kind in fitting:
                    return subj
        node = node.head
    mention = _typed_entities(ctx, fitting).last_ending_by(tok.idx)
    subject = _previous_subject(tok) if "PERSON" not in fitting else None
    if subject is not None and (
        mention is None
        or subject.idx > mention.start
        or not _is_subject_mention(ctx, mention.start, mention.end)
    ):
        # "The government denied it. It said ...": the last sentence's subject is a more
        # recent antecedent than any named entity, and a more salient one than a name in
        # an adjunct ("Crowds marched, according to <agency>. They called for ...").
        return subject
    if mention is not None:
        return ctx.token_at(mention.start)
    return tok


def _is_subject_mention(ctx: _Context, start: int, end: int) -> bool:
    """Whether the mention at ``start:end`` is (in) a clause's subject."""
    tok = ctx.token_at(start)
    for t in tok.doc[tok.i : ctx.token_at(max(start, end - 1)).i + 1]:
        node = t
        while node.dep_ in ("compound", "amod", "poss", "case", "det", "flat"):
            node = node.head
        if node.dep_ in _SUBJ_DEPS:
            return True
    return False


def _previous_subject(tok: Token) -> Token | None:
    """The nearest common-noun subject before the pronoun in its own sentence, else the
    subject of the main clause of the sentence before, if its number fits."""
    plural = tok.lower_ in ("they", "them", "their")

    def fits(subj: Token | None) -> bool:
        return (
            subj is not None
            and subj.pos_ == "NOUN"
            and subj.dep_ in ("nsubj", "nsubjpass")
            and (subj.tag_ == "NNS") == plural
        )

    sent = tok.sent
    before = [t for t in tok.doc[sent.start : tok.i] if fits(t)]
    if before:
        return before[-1]
    if sent.start == 0:
        return None
    subj = _subject(tok.doc[sent.start - 1].sent.root)
    return subj if fits(subj) else None


def _phrase_tokens(tok: Token, ctx: _Context | None = None) -> list[Token]:
    out = [tok]
    stack = list(tok.children)
    while stack:
        node = stack.pop()
        if node.dep_ in _ARG_DROP_DEPS and not _names_the_head(node, tok):
            continue
        if (
            node.dep_ == "prep"
            and node.lower_ in _ARG_DROP_PREPS
            and not (ctx is not None and _names_the_body(ctx, node, tok))
        ):
            continue
        out.append(node)
        stack.extend(node.children)
    return sorted(out, key=lambda t: t.i)


def _names_the_body(ctx: _Context, prep: Token, head: Token) -> bool:
    """An organisation a common-noun party is in ("officials in the Lincoln
    administration"): it says whose they are, unlike a place or a time."""
    pobj = _pobj(prep)
    return (
        prep.lower_ == "in"
        and head.pos_ == "NOUN"
        and head.lemma_.lower() in _PARTY_NOUNS
        and pobj is not None
        and (_entity_type_at(ctx, pobj.idx) == "ORG" or pobj.lower_ in _ORGANISATION_HEADS)
    )


def _names_the_head(node: Token, head: Token) -> bool:
    """A proper name in apposition to a common-noun head names the participant ("the
    interior minister, <name>"), and a title in apposition to a name says who the person
    is ("<name>, the UN relief coordinator"): both belong to the phrase, unlike other
    appositions."""
    if node.dep_ != "appos" or node.head.i != head.i:
        return False
    if head.pos_ == "NOUN":
        return node.pos_ == "PROPN"
    return head.pos_ == "PROPN" and node.lemma_.lower() in _PARTY_NOUNS


def _argument(ctx: _Context, tok: Token) -> Argument:
    tokens = _phrase_tokens(tok, ctx)
    while len(tokens) > 1 and (
        tokens[0].is_punct
        or tokens[0].dep_ in ("cc", "det")
        and tokens[0].lower_ not in ("the", "a", "an")
    ):
        tokens = tokens[1:]
    start, end = (
        tokens[0].idx,
        _trim_end(tokens) if any(not t.is_punct for t in tokens) else tok.idx + len(tok.text),
    )
    phrase = ctx.article.text[start:end]
    head_char = tok.idx
    overlapping = ctx.index.entities.overlapping(start, end)
    chosen = next((m for m in overlapping if m.start <= head_char < m.end), None)
    if chosen is None or chosen.start <= head_char:
        # "Ukrainian troops", "the Russians": a demonym head or modifier keeps the phrase text.
        for m in overlapping:
            if m.start > head_char:
                continue
            mention = ctx.article.text[m.start : m.end].lower()
            if mention in demonyms():
                ent = m.record
                country = ent.country or demonyms()[mention]
                return Argument(name=phrase, span=(start, end), entity_id=ent.id, country=country)
    if chosen is None and tok.pos_ != "PROPN":
        chosen = _named_after_head(ctx, tok, overlapping)
    country = _demonym_country(tokens)
    if chosen is not None:
        ent = chosen.record
        name = phrase if ent.type == "NORP" else ent.name
        surface = ctx.article.text[chosen.start : chosen.end]
        if (
            tok.pos_ == "PROPN"
            and surface.lower() not in name.lower()
            and name.lower() not in surface.lower()
        ):
            # An alias ("UN" of "United Nations", "Britain" of "UK"): keep the form the
            # article uses next to the entity's name. A description ("the president")
            # is no alias: its wording is the argument's text.
            name = f"{name} ({surface})"
        return Argument(
            name=name,
            span=(start, end),
            entity_id=ent.id,
            country=ent.country or country,
            text=phrase if phrase.lower() != name.lower() else None,
        )
    name = _POSSESSIVE_END.sub("", phrase)
    # "the army's" of "the army's withdrawal": the party is "the army"; the words stay.
    text = phrase if name != phrase else None
    return Argument(name=name, span=(start, end), country=country, text=text)


def _named_after_head(
    ctx: _Context, tok: Token, overlapping: list[_Mention[Entity]]
) -> _Mention[Entity] | None:
    """The group a common-noun party is named by after its head ("terrorists from
    <group>", "fighters of <group>"). Not a person behind a preposition: "aides to
    <name>", "officials in the <name> administration" are not that person ("the
    minister, <name>" is)."""
    after = [
        m
        for m in overlapping
        if m.start > tok.idx
        and ctx.article.text[m.start : m.end].lower() not in demonyms()
        and not (
            getattr(m.record, "type", None) == "PERSON"
            and _behind_preposition(ctx.token_at(m.start), tok)
        )
    ]
    return max(after, key=lambda m: m.end - m.start) if after else None


def _behind_preposition(word: Token, head: Token) -> bool:
    """Whether ``word`` hangs off ``head`` through a preposition."""
    node = word
    while node.head.i != node.i and node.i != head.i:
        if node.dep_ == "prep":
            return True
        node = node.head
    return False


def _demonym_country(tokens: list[Token]) -> str | None:
    table = demonyms()
    for tok in tokens:
        code = table.get(tok.lower_)
        if code is not None:
            return code
    return None


# --------------------------------------------------------------------------- date, place


def _usable_date(timex: Timex) -> bool:
    return (
        timex.type in ("DATE", "TIME") and timex.value is not None and bool(_ISO.match(timex.value))
    )


def _event_date(timex: Timex, source: str) -> EventDate:
    """The event's date from a timex: an event is dated to the day, so a time of day
    ("Monday morning", "at 01:53") is left to the timex the date points to."""
    value = timex.value
    day = _DAY.match(value) if value is not None else None
    if day is not None and value is not None and len(value) > day.end():
        value = day.group(0)
    return EventDate(
        value=value, text=timex.text, span=timex.span, timex_id=timex.id, source=source
    )  # type: ignore[arg-type]


def _dates(
    ctx: _Context, tok: Token, clause: set[int], span: tuple[int, int]
) -> tuple[EventDate | None, EventDate | None]:
    sentence = ctx.sentence_of(tok.idx)
    usable = ctx.index.usable_timexes
    in_clause = [
        t
        for t in usable.starting_in(*_clause_chars(ctx, clause))
        if ctx.token_at(t.span[0]).i in clause
    ]
    in_sentence: list[Timex] = []
    if sentence is not None:
        in_sentence = [
            t
            for t in usable.starting_in(sentence.span[0], sentence.span[1])
            if ctx.token_at(t.span[0]).i not in clause
            and not _in_other_relative(ctx.token_at(t.span[0]), tok)
        ]
    deadline = next((t for t in in_clause + in_sentence if t.role == "deadline"), None)

    def nearest(cands: list[Timex]) -> Timex | None:
        cands = [t for t in cands if t.role != "deadline"]
        return min(cands, key=lambda t: abs(t.span[0] - tok.idx)) if cands else None

    if _past_tense(tok):
        # "rejected the criticism and said an inquiry would start next week", "had gathered
        # where he was due to speak before next Tuesday's vote": a day after publication cannot
        # date a past event.
        in_clause = [t for t in in_clause if not _after_publication(ctx, t.value or "")]
        in_sentence = [t for t in in_sentence if not _after_publication(ctx, t.value or "")]
    date: EventDate | None = None
    for cands, source in ((in_clause, "clause"), (in_sentence, "sentence")):
        best = nearest(cands)
        if best is not None:
            date = _event_date(best, source)
            break
    if date is None:
        before = ctx.index.narrative_timexes.last_ending_by(span[0])
        if before is not None and not _present_tense(tok) and _continues(ctx, before, span[0]):
            date = _event_date(before, "narrative")
        else:
            date = EventDate(value=None, source="none")
    return date, _event_date(deadline, "clause") if deadline is not None else None


def _in_other_relative(word: Token, tok: Token) -> bool:
    """Whether ``word`` lies in a relative clause that does not hold the trigger ("workers
    who walked out in April": April dates the walkout, not the sentence's other events)."""
    node = word
    while node.head.i != node.i:
        if node.dep_ == "relcl":
            return not (node.left_edge.i <= tok.i <= node.right_edge.i)
        node = node.head
    return False


def _continues(ctx: _Context, timex: Timex, char: int) -> bool:
    """Whether an undated event at ``char`` continues the day ``timex`` set: at most
    ``NARRATIVE_REACH`` sentences after it. Further on, a news story has moved to
    reactions, background or other days, and an event coder leaves the date open rather
    than guess."""
    first = bisect.bisect_right(ctx.sentence_starts, timex.span[0]) - 1
    last = bisect.bisect_right(ctx.sentence_starts, char) - 1
    return 0 <= first and last - first <= NARRATIVE_REACH


def _clause_chars(ctx: _Context, clause: set[int]) -> tuple[int, int]:
    """Characters whose token (as ``token_at`` finds it) may be one of the clause's."""
    last = max(clause)
    stop = ctx.doc[last + 1].idx if last + 1 < len(ctx.doc) else len(ctx.article.text) + 1
    return ctx.doc[min(clause)].idx, stop


def _narrative_date(ctx: _Context, timex: Timex) -> bool:
    """A day of the story's narrative: it can date a later event that states none."""
    return (
        timex.role != "deadline"
        and timex.value is not None
        and bool(_DAY.match(timex.value))
        and timex.type in ("DATE", "TIME")
        and not _after_publication(ctx, timex.value)
    )


def _present_tense(tok: Token) -> bool:
    """A verbal trigger in the present, present progressive or present perfect ("demands",
    "is demanding", "has offered"): anchored at publication, not a step of the dated
    narrative."""
    if tok.pos_ != "VERB":
        return False
    if tok.tag_ in _PRESENT_TAGS:
        return True
    # "is demanding", and the present perfect "has offered": anchored at publication.
    aux = [c for c in tok.children if c.dep_ == "aux"]
    return tok.tag_ in ("VBG", "VBN") and bool(aux) and all(c.tag_ in _PRESENT_TAGS for c in aux)


def _past_tense(tok: Token) -> bool:
    """A verbal trigger in a past form ("rejected", "had rejected", "was rejected")."""
    if tok.tag_ == "VBD":
        return True
    aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    return tok.tag_ == "VBN" and any(c.tag_ == "VBD" for c in aux)


def _after_publication(ctx: _Context, value: str) -> bool:
    """A day after the article's date is a foreseen one ("hearing would open on June 3"):
    the story's narrative has not reached it."""
    published = ctx.article.published
    start = _period_start(value)
    return published is not None and start is not None and start > published


def _period_start(value: str) -> datetime.date | None:
    """First day of an ISO date, month, week or year value; None for other values."""
    match = _PERIOD.match(value[:10] if _DAY.match(value) else value)
    if match is None:
        return None
    year, month, day, week = match.groups()
    try:
        if week:
            return datetime.date.fromisocalendar(int(year), int(week), 1)
        return datetime.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None


def _after_from(ctx: _Context, mention: _Mention[Place]) -> bool:
    tok = ctx.token_at(mention.start)
    node = tok
    for _ in range(4):
        if node.dep_ == "pobj":
            return node.head.lower_ == "from"
        if node.head.i == node.i:
            break
        node = node.head
    return False


def _place_ref(mention: _Mention[Place]) -> PlaceRef:
    place = mention.record
    return PlaceRef(
        name=place.name,
        span=(mention.start, mention.end),
        place_id=place.id,
        lat=place.lat,
        lon=place.lon,
        country=place.country,
    )


def _location(
    ctx: _Context,
    tok: Token,
    clause: set[int],
    actor_spans: list[tuple[int, int]],
    left: bool = False,
) -> PlaceRef | None:
    """Where the event happened: a place of its clause, else of its sentence, else the
    setting stated last before it. A place after "from" is where someone came from, not
    where the event happened, unless the event is leaving it (``left``: "withdrew from
    the south")."""
    sentence = ctx.sentence_of(tok.idx)

    def allowed(m: _Mention[Place]) -> bool:
        said = _where_said(ctx, m)
        return (
            not any(_overlap((m.start, m.end), a) for a in actor_spans)
            and (left or not _after_from(ctx, m))
            and (said is None or said == tok)
        )

    def rank(m: _Mention[Place]) -> tuple[int, int]:
        return _place_rank(m), abs(m.start - tok.idx)

    places = ctx.index.places
    in_clause = [
        m
        for m in places.starting_in(*_clause_chars(ctx, clause))
        if ctx.token_at(m.start).i in clause and allowed(m)
    ]
    in_sentence: list[_Mention[Place]] = []
    if sentence is not None:
        in_sentence = [
            m for m in places.starting_in(sentence.span[0], sentence.span[1]) if allowed(m)
        ]
    start = sentence.span[0] if sentence is not None else tok.idx
    best = min(in_clause or in_sentence, key=rank, default=None)
    if best is None:
        # The setting stated last before the sentence. (Paragraphs number the sentences in
        # order, so the last earlier mention is also the last one of the sentence's own
        # paragraph whenever that paragraph has one.) Where a statement was made ("said in
        # the capital") sets no scene for what follows.
        best = ctx.index.settings.last_ending_by(start)
    return _place_ref(_finest_setting(ctx, best, start)) if best is not None else None


def _finest_setting(ctx: _Context, best: _Mention[Place], start: int) -> _Mention[Place]:
    """A country named in passing ("France's national police", "Greece's debt crisis") is
    less telling than a finer setting of the narrative inside that country, stated before."""
    if _place_rank(best) < _FEATURE_RANK["country"]:
        return best
    finer = ctx.index.finer_places.get(getattr(best.record, "country", None))
    last_finer = finer.last_ending_by(start) if finer is not None else None
    return last_finer if last_finer is not None else best


def _venue(ctx: _Context, tok: Token) -> str | None:
    """The named venue of the trigger's clause: the object of a locative preposition of the
    trigger (or of the verb its noun is the object of) that holds a proper name or a place
    ("gathered outside <a named hotel>", "appeared in a <city> court"); None without one.
    Dates ("on Monday") and unnamed objects ("in response") are not venues."""
    heads = [_first_conjunct(tok)]
    if tok.dep_ == "dobj":
        heads.append(tok.head)
    for pobj in _prepositional_objects(heads, _VENUE_PREPS):
        if _is_date_phrase(ctx, pobj):
            continue
        tokens = _phrase_tokens(pobj)
        start, end = tokens[0].idx, _trim_end(tokens)
        if any(t.pos_ == "PROPN" for t in tokens) or ctx.index.places.overlapping(start, end):
            return ctx.article.text[start:end]
    return None


def _where_said(ctx: _Context, m: _Mention[Place]) -> Token | None:
    """The reporting verb whose statement a place mention locates ("told reporters in X"),
    or None when the place is not only where something was said."""
    token = ctx.token_at(m.start)
    while token.dep_ == "compound" and token.head is not token:
        token = token.head
    preposition = token.head
    if token.dep_ != "pobj" or preposition.dep_ != "prep":
        return None
    verb = preposition.head
    if verb.lemma_.lower() not in framing_verbs():
        return None
    # Only a verb that frames a report ("said in X that ...", "..., he said in X") makes X
    # the place of a statement; "declared an emergency in X" is an act done in X.
    frames = verb.dep_ in ("parataxis", "ccomp") or any(
        child.dep_ in ("ccomp", "parataxis") for child in verb.children
    )
    return verb if frames else None


def _place_rank(m: _Mention[Place]) -> int:
    place = m.record
    return _FEATURE_RANK.get(place.feature, 2)


# --------------------------------------------------------------------------- attribution


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _covering_claim(ctx: _Context, char: int) -> Claim | None:
    covering = ctx.index.claims.containing(char)
    return min(covering, key=lambda c: c.span[1] - c.span[0]) if covering else None


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def _governors(tok: Token) -> list[Token]:
    """The trigger and the verbs it is a complement of ("intend" in "intend to fight")."""
    chain = [tok]
    node = _first_conjunct(tok)
    while _is_complement(node) and node.head.i != node.i:
        node = node.head
        chain.append(node)
    return chain


def _in_reported(tok: Token) -> bool:
    """Whether the trigger's clause is the reported clause of a verb ("said that ...")."""
    node = _first_conjunct(tok)
    return node.dep_ in ("ccomp", "parataxis") and node.head.pos_ == "VERB"


def _local_modality(tok: Token, negated: bool) -> str:
    chain = _governors(tok)
    children = [c for node in chain for c in node.children]
    if any(c.lower_ in HEDGES for c in children):
        return "alleged"
    if negated:
        return "negated"
    if any(c.dep_ == "amod" and c.lower_ in ("possible", "potential") for c in children):
        return "hypothetical"
    govs = {node.lemma_.lower() for node in chain[1:]}
    if govs & (DIRECTIVE_VERBS - IMPLICATIVE_VERBS):
        return "ordered"
    if govs & INTENT_VERBS:
        return "intended"
    if any(c.dep_ == "mark" and c.lower_ == "if" for c in children):
        return "hypothetical"
    if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX for c in children) and any(
        _is_condition(c) for c in tok.children
    ):
        # "would call off the walkout only if ...": a conditional outcome, not a forecast.
        return "hypothetical"
    if any(c.dep_ == "aux" and c.lower_ == "would" for c in children) and _in_reported(tok):
        # "said the talks would begin": the future seen from a past report, not a condition.
        return "predicted"
    if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX for c in children):
        return "hypothetical"
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in children):
        return "predicted"
    return "asserted"
