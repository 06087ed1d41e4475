"""Entity timelines: what one named entity did or underwent, across articles, in date order.

A timeline of an entity ("Airbus", "Steve Jobs") lists every happening it takes part in, as
news reports it, dated and ordered. Its notion of a happening is broader than the PLOVER
events of the events stage: any verb or event noun ("sales", "launch", "rose", "said") whose
participants include the entity. Two steps:

1. ``find_event_words(extraction, doc)`` and ``find_anaphors(extraction, doc)`` read one
   parsed article and return plain records: its candidate event words (``EventWord``: each
   verb and event noun with its participants as character spans, tense, whether it is
   stated as fact, and the date of the temporal expression its clause governs) and its
   pronouns (``Anaphor``). These are the only functions that see the spaCy ``Doc``.
2. ``build_entity_timeline(extractions, words, target, anaphors=...)`` is a pure function
   over those records: it finds the entity's mentions in each article (names, then
   pronouns), keeps the words the entity takes part in (``timeline_candidates``; two
   trained components may narrow them, both off by default: the event-mention filter
   and the inclusion scorer), dates them, groups the mentions of one happening across
   articles into one row (same date, same cluster of the cross-article event linker)
   and orders the rows by date.

Not stable API yet.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from importlib import resources
from typing import Literal

from pydantic import Field
from spacy.tokens import Doc, Token

from dateline.config import LinkingSettings, Settings
from dateline.errors import InputError, PipelineError
from dateline.linker import link_mentions
from dateline.records import Argument, Article, Entity, EventMention, Extraction, Record, Span
from dateline.stages._event_model import EventModel, load_model

ParticipantRole = Literal["subject", "object", "oblique", "possessor", "modifier"]
WordDateSource = Literal["clause", "governor", "narrative", "publication", "none"]
Tense = Literal["past", "present", "perfect", "past_perfect", "future", "nonfinite", "nominal"]

# Dependency labels of a verb's nominal arguments, by participant role.
_VERB_ROLES: dict[str, ParticipantRole] = {
    "nsubj": "subject",
    "nsubjpass": "subject",
    "csubj": "subject",
    "agent": "subject",
    "expl": "subject",
    "dobj": "object",
    "dative": "object",
    "attr": "object",
    "oprd": "object",
    "prep": "oblique",
}
# Dependency labels of an event noun's arguments.
_NOUN_ROLES: dict[str, ParticipantRole] = {
    "poss": "possessor",
    "compound": "modifier",
    "amod": "modifier",
    "nmod": "modifier",
    "prep": "oblique",
}
# Clauses below an argument describe something else: they are cut from its phrase.
_CLAUSE_LABELS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "appos"})
# Verbs that carry tense or copula only, never a happening of their own.
_LIGHT_LEMMAS = frozenset({"be", "do", "get", "become", "seem", "appear"})
_MODALS = frozenset({"would", "could", "might", "may", "should", "must", "can"})
_CONDITIONALS = frozenset({"if", "unless", "whether"})
_NOMINAL_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
_NOMINALS = frozenset({"NOUN", "PROPN", "PRON"})
# Dependency labels of an untensed verb that extends its governor's happening, and the
# governor's tenses it takes on.
_EXTENDING_DEPS = frozenset({"advcl", "xcomp", "conj"})
_GOVERNED_TENSES = frozenset({"past"})
# Relative pronouns ("which", "who", "that") by their Penn tags.
_RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})
# Links along which a verb without a subject shares its governor's: conjuncts,
# complements, adverbial clauses and a complement of a predicate adjective.
_SUBJECT_SHARING = frozenset({"conj", "xcomp", "advcl", "acomp"})
_PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her"})
_THING_PRONOUNS = frozenset({"it", "its", "they", "them", "their"})
EVENT_NOUNS_FILE = "data/timeline/event_nouns.txt"
# The event-mention filter (``python -m dateline.training.timeml_events``) and its label
# for an event.
EVENT_FILTER_FILE = "data/timeline/event_filter/event-filter.npz"
IS_EVENT = "EVENT"
# The inclusion scorer (``python -m dateline.training.timeline_inclusion``) and its label
# for a candidate on the entity's timeline.
INCLUSION_FILE = "data/timeline/inclusion/inclusion-scorer.npz"
INCLUDED = "INCLUDED"
# Verbs that often only carry a noun's event ("make a decision", "have talks").
_SUPPORT_LEMMAS = frozenset({"have", "make", "take", "give", "hold", "do", "get", "go", "come"})
_NOUN_SUFFIXES = ("tion", "sion", "ment", "ance", "ence", "ure", "al", "ing", "age", "ery")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(0[1-9]|[1-4]\d|5[0-3])$")
_YEAR_PART = re.compile(r"^(\d{4})(?:-(?:Q\d|H\d|W\d{2}|SP|SU|FA|WI))?$")


class Participant(Record):
    """A phrase taking part in an event word, with its role."""

    role: ParticipantRole
    span: Span


class EventWord(Record):
    """A candidate event mention: one verb or event noun of an article, with its participants.

    ``date`` is the TIMEX3 value of the date expression the word's clause governs (or its
    governing event's), None when the text gives none; ``factual`` is False for negated,
    modal and conditional mentions; ``tense`` is the verb's tense and aspect ("nominal" for
    a noun).
    """

    article_id: str
    span: Span
    text: str
    lemma: str
    pos: Literal["VERB", "NOUN"]
    sentence: Span
    participants: list[Participant] = Field(default_factory=list)
    date: str | None = None
    date_source: WordDateSource = "none"
    factual: bool = True
    tense: Tense = "nominal"
    event_probability: float = Field(
        default=1.0, description="The event-mention filter's probability that the word is an event"
    )


class Anaphor(Record):
    """A pronoun that may stand for a named entity ("he", "its"); ``person`` says whether
    it can only refer to a person."""

    article_id: str
    span: Span
    text: str
    person: bool


class TimelineMention(Record):
    """One mention of a happening on an entity's timeline."""

    article_id: str
    span: Span
    text: str
    lemma: str
    published: date | None = None
    date_source: WordDateSource = "none"
    cluster: str | None = Field(
        default=None, description="Cross-article cluster id from the event linker"
    )


class EntityTimelineRow(Record):
    """One happening on an entity's timeline: its date, rank and every mention of it.

    A row's mentions share a date and the event linker's cluster. Rows with equal
    ``position`` share a date (simultaneous); ``date`` is a TIMEX3-style
    day ("2008-03-04"), month ("2008-03-XX") or year ("2008-XX-XX"), or None for an
    undated row (position 0).
    """

    position: int
    date: str | None
    lemma: str = Field(description="Lemma of the row's first mention")
    cluster: str | None = Field(
        default=None, description="The linker's cluster id shared by the row's mentions"
    )
    mentions: list[TimelineMention]


# --------------------------------------------------------------------------- step 1: words


@functools.cache
def event_nouns() -> frozenset[str]:
    """The packaged list of nouns that name a happening (``data/timeline/event_nouns.txt``,
    built from WordNet by ``python -m dateline.data.build_event_nouns``)."""
    text = resources.files("dateline").joinpath(EVENT_NOUNS_FILE).read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line)


def find_event_words(
    extraction: Extraction, doc: Doc, nouns: frozenset[str] | None = None
) -> list[EventWord]:
    """List the candidate event words of one parsed article.

    Candidates are main verbs (not auxiliaries or copulas) and event nouns: nouns one of
    whose most frequent WordNet senses is an act, a communication, an event or a process
    ("deal", "launch", "delivery", "lawsuit").

    Args:
        extraction: the article's extraction (its id and timexes are read).
        doc: the spaCy parse of ``extraction.article.text``.
        nouns: the event nouns; the packaged list (``event_nouns()``) when None.

    Returns:
        The event words in text order, with participants, date, factuality and the
        event-mention filter's probability (``event_probabilities``).

    Raises:
        PipelineError: DL252 when the packaged event filter cannot be loaded.
    """
    nouns = event_nouns() if nouns is None else nouns
    candidates = {token.i: pos for token in doc if (pos := _candidate_pos(token, nouns))}
    dates = _dates_by_governor(extraction, doc, candidates)
    probabilities = event_probabilities([doc[i] for i in sorted(candidates)], nouns)
    probability_of = dict(zip(sorted(candidates), probabilities, strict=True))
    return [
        EventWord(
            article_id=extraction.article.id,
            span=(token.idx, token.idx + len(token.text)),
            text=token.text,
            lemma=token.lemma_.lower(),
            pos=candidates[token.i],
            sentence=(token.sent.start_char, token.sent.end_char),
            participants=_participants(token, candidates[token.i]),
            date=dates.get(token.i, (None, "none"))[0],
            date_source=dates.get(token.i, (None, "none"))[1],
            factual=_is_factual(token),
            tense=_tense(token) if candidates[token.i] == "VERB" else _nominal_tense(token),
            event_probability=probability_of[token.i],
        )
        for token in doc
        if token.i in candidates
    ]


def event_filter(path: str = "") -> EventModel:
    """The packaged event-mention filter, or the archive at ``path``.

    Raises:
        PipelineError: DL252 when the file is missing or not a model archive.
    """
    return _load_timeline_model(path, EVENT_FILTER_FILE, "timeml_events")


def event_probabilities(
    tokens: Sequence[Token], nouns: frozenset[str] | None = None, model: EventModel | None = None
) -> list[float]:
    """The probability that each token is an event mention in the TimeML sense.

    Args:
        tokens: parsed tokens (verbs and nouns).
        nouns: the event nouns; the packaged list when None.
        model: the filter; the packaged one when None.

    Returns:
        One probability per token, in order.
    """
    if not tokens:
        return []
    nouns = event_nouns() if nouns is None else nouns
    model = event_filter() if model is None else model
    column = model.labels.index(IS_EVENT)
    table = model.probabilities([event_features(t, nouns) for t in tokens])
    return [round(float(p), 4) for p in table[:, column]]


def event_features(token: Token, nouns: frozenset[str]) -> list[str]:
    """String features of a token for the event-mention filter: word, part of speech,
    tense and aspect, dependency role, support verbs, negation and modality, event nouns.

    Args:
        token: a parsed token.
        nouns: the event nouns (``event_nouns()``).

    Returns:
        The features, each a "name=value" string.
    """
    lemma = token.lemma_.lower()
    head = token.head
    features = [
        "bias",
        f"lemma={lemma}",
        f"pos={token.pos_}",
        f"tag={token.tag_}",
        f"dep={token.dep_}",
        f"pos_dep={token.pos_}:{token.dep_}",
        f"head_pos={head.pos_ if head.i != token.i else 'ROOT'}",
        f"suffix={lemma[-3:]}",
        f"event_noun={lemma in nouns or _compound_lemma(token) in nouns}",
        f"support={lemma in _SUPPORT_LEMMAS}",
        f"factual={_is_factual(token)}",
    ]
    if token.pos_ in ("VERB", "AUX"):
        features.append(f"tense={_tense(token)}")
        objects = [c for c in token.children if c.dep_ in ("dobj", "attr")]
        features.append(f"has_object={bool(objects)}")
        if objects and lemma in _SUPPORT_LEMMAS:
            event_object = any(o.lemma_.lower() in nouns for o in objects)
            features.append(f"support_event_object={event_object}")
        features.append(f"subject_pos={_subject_pos(token)}")
    else:
        features.append(f"nominal_tense={_nominal_tense(token)}")
        features.append(f"plural={token.tag_ in ('NNS', 'NNPS')}")
        features.append(f"noun_suffix={lemma.endswith(_NOUN_SUFFIXES)}")
        determiners = [c.lower_ for c in token.children if c.dep_ == "det"]
        features.append(f"det={determiners[0] if determiners else 'none'}")
        if head.pos_ == "VERB":
            features.append(f"head_lemma={head.lemma_.lower()}")
    return features


def _subject_pos(token: Token) -> str:
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    if not subjects:
        return "none"
    subject = subjects[0]
    return "PRON_it" if subject.lower_ == "it" else subject.pos_


def find_anaphors(extraction: Extraction, doc: Doc) -> list[Anaphor]:
    """List the pronouns of one parsed article that may stand for a named entity.

    "he", "him", "his", "she" and "her" may refer to a person; "it" and "its" (unless
    the parser marks "it" as a dummy subject: "it is expected that") to anything else,
    and so may "they", "them" and "their" (an organisation: "Airbus have said they").
    Definite descriptions ("the airline") are left out: on the TimeLine dev split they
    added only wrong mentions.

    Args:
        extraction: the article's extraction (its id is read).
        doc: the spaCy parse of ``extraction.article.text``.

    Returns:
        The anaphors in text order.
    """
    found = []
    for token in doc:
        lower = token.lower_
        if token.pos_ != "PRON" or token.dep_ == "expl":
            continue
        if lower in _PERSON_PRONOUNS or lower in _THING_PRONOUNS:
            found.append(
                Anaphor(
                    article_id=extraction.article.id,
                    span=(token.idx, token.idx + len(token.text)),
                    text=token.text,
                    person=lower in _PERSON_PRONOUNS,
                )
            )
    return found


def _candidate_pos(token: Token, nouns: frozenset[str]) -> Literal["VERB", "NOUN"] | None:
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and token.dep_ not in ("aux", "auxpass"):
        return None if lemma in _LIGHT_LEMMAS else "VERB"
    if token.pos_ == "NOUN" and (lemma in nouns or _compound_lemma(token) in nouns):
        return "NOUN"
    return None


def _compound_lemma(token: Token) -> str:
    """WordNet's spelling of a noun with its compound modifier: "court_case", "job_cut"."""
    modifiers = [c for c in token.children if c.dep_ == "compound" and c.i == token.i - 1]
    return f"{modifiers[0].lower_}_{token.lemma_.lower()}" if modifiers else ""


def _phrase(token: Token, core: bool = True) -> Span:
    """Character span of ``token``'s phrase, without the clauses that hang below it.

    With ``core``, the head's own modifiers (possessors, prepositional phrases, adjectives
    and common-noun compounds) are cut too: in "USAF officials said" the officials speak,
    not the USAF; the parts of a name stay ("Steve Jobs", "Boeing 787").
    """
    tokens, stack = [], [token]
    while stack:
        current = stack.pop()
        tokens.append(current)
        stack.extend(
            c
            for c in current.children
            if c.dep_ not in _CLAUSE_LABELS and not (core and current.i == token.i and _modifier(c))
        )
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return (start, end)


def _modifier(child: Token) -> bool:
    """Whether a child of a phrase's head modifies it rather than being part of its name."""
    if child.dep_ in ("poss", "amod", "nmod", "prep"):
        return True
    name_part = child.pos_ == "PROPN" and child.head.pos_ in ("PROPN", "NUM")
    return child.dep_ == "compound" and not name_part


def _participants(token: Token, pos: str) -> list[Participant]:
    """The phrases taking part in an event word, following the fallbacks below.

    1. its own arguments (subject, object, prepositional objects; for a noun its
       possessor, modifiers and prepositional objects);
    2. for a verb without subject: the subject of the verb it is conjoined with or is
       the complement of, or the noun a relative or participle clause describes;
    3. for a noun that is a verb's object: that verb's subject (as ``oblique``).
    """
    roles = _VERB_ROLES if pos == "VERB" else _NOUN_ROLES
    found: list[Participant] = []
    for child in token.children:
        role = roles.get(child.dep_)
        if role is None:
            continue
        heads = (
            [g for g in child.children if g.dep_ == "pobj"]
            if child.dep_ in ("prep", "agent")
            else [child]
        )
        found.extend(Participant(role=role, span=_phrase(_antecedent(h))) for h in heads)
    if pos == "VERB" and not any(p.role == "subject" for p in found):
        found.extend(_inherited_subjects(token))
    if pos == "NOUN" and token.dep_ in ("dobj", "pobj") and token.head.pos_ in ("VERB", "ADP"):
        verb = token.head if token.head.pos_ == "VERB" else token.head.head
        found.extend(
            Participant(role="oblique", span=_phrase(c))
            for c in verb.children
            if c.dep_ in ("nsubj", "nsubjpass")
        )
    return found


def _antecedent(token: Token) -> Token:
    """The noun a relative pronoun stands for ("the store, which sells": the store); any
    other token is itself."""
    clause = token.head
    if token.tag_ in _RELATIVE_TAGS and clause.dep_ == "relcl" and clause.head.pos_ in _NOMINALS:
        return clause.head
    return token


def _inherited_subjects(token: Token) -> list[Participant]:
    """The subject a verb without one shares with the verb it depends on.

    Conjuncts, complements and adverbial clauses take the subject of their governing
    verb; a complement of an adjective ("willing to pay") that of the adjective's verb;
    a complement of a verb with an object ("asked the board to approve") that object
    (object control).
    Relative and participle clauses take the noun they describe.
    """
    current = token
    for _ in range(5):  # a short chain of conjuncts and complements is enough
        if current.dep_ in ("relcl", "acl") and current.head.pos_ in _NOMINALS:
            role: ParticipantRole = "subject" if current.dep_ == "relcl" else "object"
            return [Participant(role=role, span=_phrase(current.head))]
        if current.dep_ not in _SUBJECT_SHARING or current.head.i == current.i:
            return []
        dep, current = current.dep_, current.head
        if dep == "xcomp":
            controllers = [c for c in current.children if c.dep_ == "dobj"]
            if controllers:
                return [Participant(role="subject", span=_phrase(c)) for c in controllers]
        subjects = [c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return [Participant(role="subject", span=_phrase(_antecedent(s))) for s in subjects]
    return []


def _is_factual(token: Token) -> bool:
    """False when the word is negated, under a modal verb, or in a condition."""
    for node in (token, token.head) if token.dep_ in ("xcomp", "conj") else (token,):
        for child in node.children:
            if child.dep_ == "neg" or child.lower_ in _MODALS:
                return False
            if child.dep_ == "mark" and child.lower_ in _CONDITIONALS:
                return False
    return True


def _nominal_tense(token: Token) -> Tense:
    """A noun takes the tense of the verb whose argument it is ("made its maiden flight" is
    past); a noun with no governing verb is "nominal"."""
    current = token
    for _ in range(3):  # noun -> (preposition ->) verb
        if current.dep_ not in _NOMINAL_ARGUMENT_DEPS or current.head.i == current.i:
            return "nominal"
        current = current.head
        if current.pos_ == "VERB":
            tense = _tense(current)
            return tense if tense in ("past", "present", "perfect") else "nominal"
    return "nominal"


def _tense(token: Token) -> Tense:
    """Tense and aspect of a verb from its tag and auxiliaries (a bare conjunct or
    complement shares those of the verb it depends on)."""
    auxiliaries = [c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")]
    if not auxiliaries and token.dep_ in ("xcomp", "conj") and token.tag_ in ("VB", "VBN"):
        auxiliaries = [c.lower_ for c in token.head.children if c.dep_ in ("aux", "auxpass")]
    if any(a in ("will", "'ll", "wo", "shall") for a in auxiliaries):
        return "future"
    if token.tag_ == "VBN" and "had" in auxiliaries:
        return "past_perfect"
    if token.tag_ == "VBN" and any(a in ("has", "have", "'ve") for a in auxiliaries):
        return "perfect"
    if token.tag_ == "VBD" or (
        token.tag_ == "VBN" and any(a in ("was", "were") for a in auxiliaries)
    ):
        return "past"
    if token.tag_ in ("VBZ", "VBP") or any(a in ("is", "are", "am") for a in auxiliaries):
        return "present"
    return _governed_tense(token)


def _governed_tense(token: Token) -> Tense:
    """The tense of an untensed verb: a participle or infinitive that extends a verb
    ("announced it, saying", "returned to reveal") happens with it, so takes its tense
    when that is a simple past; any other is "nonfinite"."""
    head = token.head
    if token.dep_ in _EXTENDING_DEPS and head.pos_ == "VERB" and head.i != token.i:
        tense = _tense(head)
        if tense in _GOVERNED_TENSES:
            return tense
    return "nonfinite"


def _dates_by_governor(
    extraction: Extraction, doc: Doc, candidates: dict[int, str]
) -> dict[int, tuple[str, WordDateSource]]:
    """Date value per candidate token index: a timex its clause governs, else its governor's.

    1. A DATE or TIME timex belongs to the nearest candidate word above it in the parse.
    2. A word with no timex of its own takes the date of the event word it is the
       conjunct, complement or argument of (``governor``).
    """
    own: dict[int, str] = {}
    for timex in extraction.timexes:
        if timex.type not in ("DATE", "TIME") or timex_to_date(timex.value, None) is None:
            continue
        span = doc.char_span(*timex.span, alignment_mode="expand")
        if span is None:
            continue
        holder = _governing_candidate(span.root, candidates)
        if holder is not None:
            own.setdefault(holder, timex.value)
    dated: dict[int, tuple[str, WordDateSource]] = {i: (v, "clause") for i, v in own.items()}
    for index in candidates:
        if index in dated:
            continue
        governor = _governing_candidate(
            doc[index], candidates, skip_self=True, through_clauses=False
        )
        if governor is not None and governor in own:
            dated[index] = (own[governor], "governor")
    return dated


def _governing_candidate(
    token: Token, candidates: dict[int, str], skip_self: bool = False, through_clauses: bool = True
) -> int | None:
    current = token.head if skip_self else token
    previous = token
    while True:
        if current.i in candidates and (current.i != token.i or not skip_self):
            return current.i
        if not through_clauses and previous.dep_ in ("ccomp", "relcl", "acl", "parataxis"):
            return None
        if current.head.i == current.i:
            return None
        previous, current = current, current.head


def timex_to_date(value: str | None, published: date | None) -> str | None:
    """A timex value as a timeline date: day, "YYYY-MM-XX" or "YYYY-XX-XX"; else None.

    Args:
        value: a TIMEX3 value ("2008-03-04", "2008-03", "2008-W10", "2008", "2008-Q1",
            "PRESENT_REF"); a week is dated by the month of its Thursday.
        published: the publication date, which "PRESENT_REF" stands for.

    Returns:
        The date string, or None for values a timeline cannot place (durations, past refs).
    """
    if value is None:
        return None
    if _DAY.match(value):
        return value
    if month := _MONTH.match(value):
        return f"{month.group(1)}-{month.group(2)}-XX"
    if (week := _WEEK.match(value)) and (month_of_week := _month_of_week(week)) is not None:
        return month_of_week
    if year := _YEAR_PART.match(value):
        return f"{year.group(1)}-XX-XX"
    if value == "PRESENT_REF":
        return published.isoformat() if published else "PRESENT_REF"
    return None


def _month_of_week(week: re.Match[str]) -> str | None:
    """The month of an ISO week, that of its Thursday; None for a week the year lacks."""
    try:
        thursday = date.fromisocalendar(int(week.group(1)), int(week.group(2)), 4)
    except ValueError:
        return None
    return f"{thursday.year:04d}-{thursday.month:02d}-XX"


# --------------------------------------------------------------------------- step 2: timeline

# Tenses whose mentions stay undated (position 0) without a date of their own: what a
# report says will happen, had happened before its story, and the untensed mentions
# (nouns, infinitives, participles, gerunds) give no day to anchor on.
UNDATED_TENSES: frozenset[str] = frozenset({"future", "past_perfect", "nonfinite", "nominal"})
# Event words below this filter probability are left out (chosen on the TimeLine dev split).
MIN_EVENT_PROBABILITY = 0.0
# Candidates below this inclusion-scorer probability are left out; 0 keeps every one.
MIN_INCLUSION = 0.0
# Participant roles that make an event word part of the entity's timeline.
TIMELINE_ROLES: frozenset[str] = frozenset(
    {"subject", "object", "oblique", "possessor", "modifier"}
)


def build_entity_timeline(
    extractions: Sequence[Extraction],
    words: Iterable[EventWord],
    target: str,
    *,
    aliases: Sequence[str] = (),
    anaphors: Iterable[Anaphor] = (),
    roles: frozenset[str] = TIMELINE_ROLES,
    undated: frozenset[str] = UNDATED_TENSES,
    linking: LinkingSettings | None = None,
    min_event_probability: float = MIN_EVENT_PROBABILITY,
    inclusion: EventModel | None = None,
    min_inclusion: float = MIN_INCLUSION,
    sentence_mates: bool = False,
) -> list[EntityTimelineRow]:
    """Build the timeline of one entity from extracted articles and their event words.

    1. The entity's mentions in each article: its entity records whose name or alias
       matches ``target`` or an alias, every occurrence of a distinctive part of the
       name (see ``name_variants``), and the anaphors that refer to it
       (``resolve_anaphors``).
    2. The event words the entity takes part in: stated as fact, with a participant of
       one of ``roles`` covering one of its mentions, not part of its name, and the
       innermost such word around the mention (``_words_taking_part``).
    3. Each word's date: (1) the date expression of its clause or of the event it depends
       on (day, month or year precision); (2) none for the ``undated`` tenses (future,
       past perfect, untensed words, nouns that are no verb's subject or object);
       (3) for a simple past, the narrative date: the latest day written before it that
       is not after publication; (4) for a verb, the publication date of its article
       (a noun stays undated).
    4. One row per date and linked event: the cross-article event linker
       (``dateline.linker.link_mentions``) clusters the mentions of one happening across
       articles; a row holds the mentions of one cluster on one date. Rows share a
       position when they share a date, positions follow the dates; undated rows come
       first, at position 0.

    Args:
        extractions: the articles (their publication dates, entities and texts are read).
        words: event words of those articles (``find_event_words``).
        target: the entity's name, e.g. "Airbus" or "Steve Jobs".
        aliases: other names of the entity.
        anaphors: pronouns of those articles (``find_anaphors``).
        roles: participant roles that count as taking part.
        undated: tenses left undated when their clause has no date.
        linking: settings of the cross-article event linker; defaults when None.
        min_event_probability: words below this probability of the event-mention filter
            (``EventWord.event_probability``) are left out; 0 keeps every word.
        inclusion: the inclusion scorer (``inclusion_probabilities``); the packaged one
            when None.
        min_inclusion: candidates below this inclusion probability are left out; 0 (the
            default) keeps every candidate and never loads the scorer.
        sentence_mates: also give the scorer the words that share a sentence with the
            entity without holding it (``timeline_candidates``); with ``min_inclusion`` 0
            they all join the timeline.

    Returns:
        Rows in date order; empty when no article mentions the entity.

    Raises:
        InputError: the target name is empty (DL251).
        PipelineError: DL252 when the inclusion scorer is needed and cannot be loaded.
    """
    if not target.strip():
        raise InputError("DL251", target=target)
    candidates = timeline_candidates(
        extractions,
        words,
        target,
        aliases=aliases,
        anaphors=anaphors,
        roles=roles,
        undated=undated,
        min_event_probability=min_event_probability,
        sentence_mates=sentence_mates,
    )
    by_article = {x.article.id: x for x in extractions}
    if min_inclusion > 0:
        probabilities = inclusion_probabilities(candidates, by_article, inclusion)
        candidates = [
            c for c, p in zip(candidates, probabilities, strict=True) if p >= min_inclusion
        ]
    dated = [
        (
            c.date,
            c.date_source,
            c.word,
            _event_mention(
                c.word, by_article[c.word.article_id], c.date, Argument(name=target, span=c.mention)
            ),
        )
        for c in candidates
    ]
    linked = link_mentions([event for *_, event in dated], settings=linking).mentions
    cluster_of = {m.mention_id: m.cluster or m.mention_id for m in linked}
    mentions = [
        (
            when,
            TimelineMention(
                article_id=word.article_id,
                span=word.span,
                text=word.text,
                lemma=word.lemma,
                published=event.published,
                date_source=source,
                cluster=cluster_of[event.mention_id],
            ),
        )
        for when, source, word, event in dated
    ]
    return _rows(mentions)


class TimelineCandidate(Record):
    """An event word the entity takes part in, before the inclusion scorer decides on it:
    the entity's mention it holds, in which role, and the word's timeline date."""

    word: EventWord
    mention: Span
    role: ParticipantRole | Literal["none"] = Field(
        description="The participant role holding the mention; none for a word that only "
        "shares a sentence with it"
    )
    pronoun: bool = Field(description="Whether the held mention is a pronoun")
    date: str | None = None
    date_source: WordDateSource = "none"


def timeline_candidates(
    extractions: Sequence[Extraction],
    words: Iterable[EventWord],
    target: str,
    *,
    aliases: Sequence[str] = (),
    anaphors: Iterable[Anaphor] = (),
    roles: frozenset[str] = TIMELINE_ROLES,
    undated: frozenset[str] = UNDATED_TENSES,
    min_event_probability: float = MIN_EVENT_PROBABILITY,
    sentence_mates: bool = False,
) -> list[TimelineCandidate]:
    """The dated event words the entity takes part in (``build_entity_timeline`` steps 1
    to 3), in article and text order.

    Args:
        extractions: the articles.
        words: their event words (``find_event_words``).
        target: the entity's name.
        aliases: other names of the entity.
        anaphors: pronouns of those articles (``find_anaphors``).
        roles: participant roles that count as taking part.
        undated: tenses left undated when their clause has no date.
        min_event_probability: words below this event-filter probability are left out.
        sentence_mates: also list the factual words of a sentence that mentions the entity
            but holds it in no participant (role "none", the nearest mention before or
            after), for the inclusion scorer to judge.

    Returns:
        One candidate per event word, those holding a mention first.
    """
    by_article = {x.article.id: x for x in extractions}
    spans = entity_spans(extractions, target, aliases=aliases, anaphors=anaphors)
    words_by_article: dict[str, list[EventWord]] = defaultdict(list)
    for word in words:
        if word.event_probability >= min_event_probability:
            words_by_article[word.article_id].append(word)
    pronouns = _PERSON_PRONOUNS | _THING_PRONOUNS
    candidates = []
    for article_id, article_words in words_by_article.items():
        extraction = by_article.get(article_id)
        if extraction is None:
            continue
        text = extraction.article.text
        taking_part = _words_taking_part(article_words, spans[article_id], roles)
        pairs = [(w, held, _holding_role(w, held, roles)) for w, held in taking_part]
        if sentence_mates:
            pairs += _sentence_mates(article_words, spans[article_id], taking_part)
        for word, held, role in pairs:
            when, source = _date_of(word, extraction, undated)
            candidates.append(
                TimelineCandidate(
                    word=word,
                    mention=held,
                    role=role,
                    pronoun=text[held[0] : held[1]].lower() in pronouns,
                    date=when,
                    date_source=source,
                )
            )
    return candidates


def _sentence_mates(
    words: list[EventWord], mentions: list[Span], taking_part: list[tuple[EventWord, Span]]
) -> list[tuple[EventWord, Span, Literal["none"]]]:
    """The factual words sharing a sentence with a mention without holding one, each with
    the nearest mention of their sentence."""
    held = {word.span for word, _ in taking_part}
    found: list[tuple[EventWord, Span, Literal["none"]]] = []
    for word in words:
        if word.span in held or not word.factual:
            continue
        start, end = word.sentence
        near = [m for m in mentions if start <= m[0] < end and not _overlaps(m, word.span)]
        if near:
            nearest = min(near, key=lambda m: abs(m[0] - word.span[0]))
            found.append((word, nearest, "none"))
    return found


def inclusion_features(candidate: TimelineCandidate, extraction: Extraction) -> list[str]:
    """String features of a candidate for the inclusion scorer: the entity's role and how
    it is named, the word's kind, tense, event-filter probability and date, its distance
    from the mention and its place in the article.

    Args:
        candidate: the candidate (``timeline_candidates``).
        extraction: its article.

    Returns:
        The features, each a "name=value" string.
    """
    word = candidate.word
    gap = max(word.span[0] - candidate.mention[1], candidate.mention[0] - word.span[1], 0)
    starts = [s.span[0] for s in extraction.sentences]
    sentence = bisect.bisect_right(starts, word.span[0]) - 1
    precision = _precision(candidate.date)
    return [
        "bias",
        f"role={candidate.role}",
        f"role_pos={candidate.role}:{word.pos}",
        f"pronoun={candidate.pronoun}",
        f"pos={word.pos}",
        f"tense={word.tense}",
        f"date_source={candidate.date_source}",
        f"date_precision={precision}",
        f"tense_date={word.tense}:{precision}",
        f"event={_bin(word.event_probability, (0.2, 0.4, 0.6, 0.8))}",
        f"support={word.lemma in _SUPPORT_LEMMAS}",
        f"participants={_bin(len(word.participants), (1, 2, 3))}",
        f"gap={_bin(gap, (1, 20, 60, 150))}",
        f"mention_first={candidate.mention[0] < word.span[0]}",
        f"sentence={_bin(sentence, (1, 3, 6, 10))}",
    ]


def inclusion_probabilities(
    candidates: Sequence[TimelineCandidate],
    by_article: dict[str, Extraction],
    model: EventModel | None = None,
) -> list[float]:
    """The inclusion scorer's probability that each candidate is on the entity's timeline.

    Args:
        candidates: the candidates (``timeline_candidates``).
        by_article: their articles by id.
        model: the scorer; the packaged one when None.

    Returns:
        One probability per candidate, in order.
    """
    if not candidates:
        return []
    model = inclusion_scorer() if model is None else model
    column = model.labels.index(INCLUDED)
    features = [inclusion_features(c, by_article[c.word.article_id]) for c in candidates]
    return [float(p) for p in model.probabilities(features)[:, column]]


def inclusion_scorer(path: str = "") -> EventModel:
    """The packaged inclusion scorer, or the archive at ``path``.

    Raises:
        PipelineError: DL252 when the file is missing or not a model archive.
    """
    return _load_timeline_model(path, INCLUSION_FILE, "timeline_inclusion")


def _load_timeline_model(path: str, packaged: str, command: str) -> EventModel:
    source = path or str(resources.files("dateline").joinpath(packaged))
    try:
        return load_model(source)
    except PipelineError as exc:
        raise PipelineError(
            "DL252", path=source, reason=str(exc.values.get("reason", exc)), command=command
        ) from None


def _holding_role(word: EventWord, mention: Span, roles: frozenset[str]) -> ParticipantRole:
    """The role of the participant holding ``mention`` (``_words_taking_part`` found one)."""
    for participant in word.participants:
        if participant.role in roles and _inside(mention, participant.span):
            return participant.role
    raise ValueError(f"no participant of {word.text!r} holds {mention}")


def _precision(when: str | None) -> str:
    if when is None:
        return "none"
    if when.endswith("-XX-XX"):
        return "year"
    return "month" if when.endswith("-XX") else "day"


def _bin(value: float, edges: tuple[float, ...]) -> int:
    """The index of the first edge above ``value`` (len(edges) when none is)."""
    return bisect.bisect_right(edges, value)


def entity_spans(
    extractions: Sequence[Extraction],
    target: str,
    *,
    aliases: Sequence[str] = (),
    anaphors: Iterable[Anaphor] = (),
) -> dict[str, list[Span]]:
    """Where each article mentions the entity: by name, by a defined abbreviation, as the
    speaker of a quote, or by a pronoun (``build_entity_timeline`` step 1).

    Args:
        extractions: the articles.
        target: the entity's name.
        aliases: other names of the entity.
        anaphors: pronouns of those articles (``find_anaphors``).

    Returns:
        The sorted mention spans, by article id (an empty list for an article that does
        not mention the entity).
    """
    person = _is_person(extractions, target)
    names = name_variants(target, aliases, person=person)
    names = name_variants(
        target, [*aliases, *defined_abbreviations(extractions, names)], person=person
    )
    by_article_anaphors: dict[str, list[Anaphor]] = defaultdict(list)
    for anaphor in anaphors:
        if anaphor.person == person:
            by_article_anaphors[anaphor.article_id].append(anaphor)
    return {
        x.article.id: resolve_anaphors(
            x, entity_mentions(x, target, names), by_article_anaphors[x.article.id], person
        )
        for x in extractions
    }


def _event_mention(
    word: EventWord, extraction: Extraction, when: str | None, participant: Argument
) -> EventMention:
    """The word as the cross-article linker reads an event mention (type OTHER: a timeline's
    happenings are not PLOVER-typed)."""
    article = extraction.article
    start, end = word.sentence
    return EventMention(
        mention_id=f"{article.id}/W{word.span[0]}",
        article_id=article.id,
        event_id=f"W{word.span[0]}",
        outlet=article.outlet,
        published=article.published,
        title=article.title,
        type="OTHER",
        trigger=word.text,
        text=article.text[start:end],
        span=word.span,
        date=when.replace("-XX", "") if when else None,
        date_source="clause" if when else "none",
        actors=[participant],
    )


def _date_of(
    word: EventWord, extraction: Extraction, undated: frozenset[str]
) -> tuple[str | None, WordDateSource]:
    """A word's timeline date, following the fallbacks of ``build_entity_timeline`` step 3."""
    published = extraction.article.published
    own = timex_to_date(word.date, published) if word.date else None
    if own is not None and own != "PRESENT_REF":
        return own, word.date_source
    if word.tense in undated:
        return None, "none"
    if word.tense == "past":
        narrative = _narrative_date(extraction, word.span[0])
        if narrative is not None:
            return narrative, "narrative"
    if published is None or word.pos == "NOUN":
        # a noun names a happening without placing it in time: the day it was reported
        # says little about when it happened
        return None, "none"
    return published.isoformat(), "publication"


def _narrative_date(extraction: Extraction, before: int) -> str | None:
    """The latest day-precise date written before ``before`` that is not after publication."""
    published = extraction.article.published
    latest = None
    for timex in extraction.timexes:
        if timex.span[1] > before or timex.type not in ("DATE", "TIME") or not timex.value:
            continue
        day = timex.value[:10]
        if _DAY.match(day) and (published is None or day <= published.isoformat()):
            latest = day
    return latest


def _words_taking_part(
    words: list[EventWord], mentions: list[Span], roles: frozenset[str]
) -> list[tuple[EventWord, Span]]:
    """The factual words with a participant of ``roles`` holding one of the mentions, each
    with the (first) mention it holds.

    A mention takes part in the innermost event words around it only: in "Aeroflot
    negotiated the purchase of 22 Boeing 787s" the 787s take part in the purchase, not in
    the negotiation, although the negotiation's object phrase holds them.
    """
    if not mentions:
        return []
    holders: dict[Span, list[tuple[EventWord, Span]]] = defaultdict(list)
    for word in words:
        if not word.factual or any(_overlaps(word.span, m) for m in mentions):
            continue
        for mention in mentions:
            phrase = _holding_phrase(word, mention, roles)
            if phrase is not None:
                holders[mention].append((word, phrase))
    kept: dict[Span, tuple[EventWord, Span]] = {}
    for mention in sorted(holders):
        held = holders[mention]
        for word, phrase in held:
            inner = any(other is not word and _inside(other.span, phrase) for other, _ in held)
            if not inner:
                kept.setdefault(word.span, (word, mention))
    return [kept[span] for span in sorted(kept)]


def _holding_phrase(word: EventWord, mention: Span, roles: frozenset[str]) -> Span | None:
    for participant in word.participants:
        if participant.role in roles and _inside(mention, participant.span):
            return participant.span
    return None


def _inside(inner: Span, outer: Span) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _rows(mentions: list[tuple[str | None, TimelineMention]]) -> list[EntityTimelineRow]:
    grouped: dict[tuple[str | None, str], list[TimelineMention]] = defaultdict(list)
    for when, mention in mentions:
        grouped[(when, mention.cluster or mention.lemma)].append(mention)
    dates = sorted({d for d, _ in grouped if d is not None}, key=date_sort_key)
    ranks: dict[str | None, int] = {d: i for i, d in enumerate(dates, 1)}
    ranks[None] = 0
    rows = []
    for (when, cluster), members in grouped.items():
        ordered = sorted(members, key=_mention_order)
        rows.append(
            EntityTimelineRow(
                position=ranks[when],
                date=when,
                lemma=ordered[0].lemma,
                cluster=cluster,
                mentions=ordered,
            )
        )
    return sorted(rows, key=lambda r: (r.position, _mention_order(r.mentions[0])))


def _mention_order(mention: TimelineMention) -> tuple[date, str, Span]:
    return (mention.published or date.min, mention.article_id, mention.span)


def date_sort_key(value: str) -> tuple[int, int, int]:
    """Order timeline dates: a year before its months, a month before its days."""
    parts = value.split("-")
    numbers = [int(p) if p.isdigit() else 0 for p in parts[:3]]
    return (numbers + [0, 0, 0])[0], (numbers + [0, 0, 0])[1], (numbers + [0, 0, 0])[2]


# --------------------------------------------------------------------------- names


def name_variants(target: str, aliases: Sequence[str] = (), *, person: bool = False) -> list[str]:
    """The strings that name an entity in text: its names and their distinctive parts.

    A part is distinctive when it spans several words, carries a digit ("A380"), is an
    acronym ("EADS") or a brand written with an inner capital ("iTunes"), and, in a name
    with a model number, includes the number ("A380" of "Airbus A380"); for a person
    the first and last of two or three names count too ("Steve", "Jobs"); the initials of
    a name of three words or more ("USAF") count.

    Args:
        target: the entity's name.
        aliases: other names.
        person: whether the entity is a person.

    Returns:
        Variants, longest first, without duplicates.
    """
    variants: set[str] = set()
    for name in (target, *aliases):
        tokens = name.split()
        if not tokens:
            continue
        variants.add(name)
        # a model number tells one product from its family ("iPhone 4" is not "iPhone")
        numbered = any(any(c.isdigit() for c in t) for t in tokens)
        for i in range(len(tokens)):
            for j in range(i + 1, len(tokens) + 1):
                part = tokens[i:j]
                if numbered and not any(any(c.isdigit() for c in t) for t in part):
                    continue
                # a name's head word is its last: "Air Force" names the United States Air
                # Force, "United States" does not
                if (len(part) > 1 and j == len(tokens)) or _distinctive(part[0]):
                    variants.add(" ".join(part))
        capitalised = [t for t in tokens if t[:1].isupper()]
        if person and len(capitalised) == len(tokens) and len(tokens) in (2, 3):
            variants.update((tokens[0], tokens[-1]))
        if len(capitalised) >= 3:
            variants.add("".join(t[0] for t in capitalised))
    return sorted(variants, key=lambda v: (-len(v), v))


def defined_abbreviations(extractions: Iterable[Extraction], names: Sequence[str]) -> list[str]:
    """The abbreviations the articles define for a name: "Singapore Airlines (SIA)".

    Args:
        extractions: the articles whose texts are searched.
        names: the entity's name variants (``name_variants``).

    Returns:
        Each abbreviation written in parentheses right after one of the names, once.
    """
    if not names:
        return []
    alternatives = "|".join(re.escape(n) for n in names)
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})\s*\(\s*([A-Z][A-Za-z0-9&.\-]{{1,9}})\s*\)")
    found: dict[str, None] = {}
    for extraction in extractions:
        for match in pattern.finditer(extraction.article.text):
            abbreviation = match.group(1)
            name = match.group(0)[: match.start(1) - match.start(0)].rstrip(" (")
            if _abbreviates(abbreviation, name):
                found.setdefault(abbreviation)
    return list(found)


def _abbreviates(abbreviation: str, name: str) -> bool:
    """Whether a short form abbreviates a name (Schwartz and Hearst 2003): two capitals at
    least, the first letter the name's, and every letter found in order in the name."""
    letters = [c.lower() for c in abbreviation if c.isalnum()]
    if sum(c.isupper() for c in abbreviation) < 2 or letters[0] != name[:1].lower():
        return False
    rest = iter(name.lower())
    return all(letter in rest for letter in letters)


def _distinctive(word: str) -> bool:
    has_digit = any(c.isdigit() for c in word)
    acronym = len(word) > 1 and word.isupper()
    inner_capital = any(c.isupper() for c in word[1:]) and any(c.islower() for c in word)
    return has_digit or acronym or inner_capital


def entity_mentions(extraction: Extraction, target: str, names: Sequence[str]) -> list[Span]:
    """Character spans where an article mentions the entity.

    Args:
        extraction: the article with its entity records.
        target: the entity's name.
        names: its name variants (``name_variants``).

    Returns:
        Sorted spans: the mentions of matching entity records, the name variants found in
        the text as whole words (case-sensitive), and the speaker mentions of the quotes
        the quotes stage attributes to the entity.
    """
    text = extraction.article.text
    found: set[Span] = set()
    matching: set[str] = set()
    for entity in extraction.entities:
        if _entity_matches(entity, target, names):
            matching.add(entity.id)
            found.update(tuple(m) for m in (entity.mentions or [entity.span]))
    wanted = {n.lower() for n in names}
    for quote in extraction.quotes:
        # the quotes stage resolves who speaks ("the chief executive said") further than
        # the pronoun rule does
        speaker = quote.speaker
        if speaker is None or speaker.span is None:
            continue
        if speaker.entity_id in matching or speaker.name.lower() in wanted:
            found.add(tuple(speaker.span))
    for name in names:
        # a plural names the entity's instances too ("iPods", "A380s")
        for match in re.finditer(rf"(?<!\w){re.escape(name)}s?(?!\w)", text):
            found.add((match.start(), match.end()))
    return sorted(found)


def resolve_anaphors(
    extraction: Extraction, mentions: list[Span], anaphors: Sequence[Anaphor], person: bool
) -> list[Span]:
    """Add to an entity's mentions the anaphors that refer to it.

    An anaphor refers to the entity when the nearest name before it, among the entity's
    mentions and those of the article's other entities of the same kind (people for a
    person, anything else otherwise), is the entity's, in the same or the previous
    sentence; an anaphor so resolved counts as a mention for the next ones.

    Args:
        extraction: the article with its sentences and entity records.
        mentions: the entity's mentions found by name.
        anaphors: the article's anaphors of the entity's kind, in text order.
        person: whether the entity is a person.

    Returns:
        The mentions and the resolved anaphors, sorted.
    """
    if not mentions:
        return mentions
    own = set(mentions)
    others = {
        tuple(m)
        for e in extraction.entities
        if (e.type == "PERSON") == person
        for m in (e.mentions or [e.span])
        if tuple(m) not in own
    }
    starts = [s.span[0] for s in extraction.sentences]
    resolved = list(mentions)
    for anaphor in sorted(anaphors, key=lambda a: a.span):
        before = [(m[1], True) for m in resolved if m[1] <= anaphor.span[0]]
        before += [(m[1], False) for m in others if m[1] <= anaphor.span[0]]
        if not before:
            continue
        end, is_own = max(before)
        near = (
            bisect.bisect_right(starts, anaphor.span[0]) - bisect.bisect_right(starts, end - 1) <= 1
        )
        if is_own and near:
            resolved.append(anaphor.span)
    return sorted(set(resolved))


def _is_person(extractions: Iterable[Extraction], target: str) -> bool:
    """Whether the articles know the target as a person (an entity record of type PERSON)."""
    wanted = target.lower()
    return any(
        e.type == "PERSON" and wanted in {n.lower() for n in (e.name, *e.aliases)}
        for x in extractions
        for e in x.entities
    )


def _entity_matches(entity: Entity, target: str, names: Sequence[str]) -> bool:
    wanted = {n.lower() for n in names} | {target.lower()}
    return any(n.lower() in wanted for n in (entity.name, *entity.aliases))


def extract_timeline_inputs(
    articles: Sequence[Article], settings: Settings | None = None
) -> tuple[list[Extraction], list[EventWord], list[Anaphor]]:
    """Extract every article and list the event words and anaphors of each.

    An article the pipeline rejects is left out, with its event words and anaphors.
    """
    from dateline.api import extract_many
    from dateline.config import load_settings
    from dateline.pipeline import parse_batch

    settings = settings or load_settings()
    extractions = [
        x for x in extract_many(articles, settings=settings) if isinstance(x, Extraction)
    ]
    docs = parse_batch([x.article.text for x in extractions], settings)
    words: list[EventWord] = []
    anaphors: list[Anaphor] = []
    for extraction, doc in zip(extractions, docs, strict=True):
        words.extend(find_event_words(extraction, doc))
        anaphors.extend(find_anaphors(extraction, doc))
    return extractions, words, anaphors
