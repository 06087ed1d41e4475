"""The record model: the typed contract every pipeline stage reads and writes.

All records are frozen pydantic v2 models. Every record a stage extracts from an
article carries its provenance: ``article_id``, a ``span`` of ``[start, end)``
character offsets into ``Article.text``, and ``stage`` (``"name@version"``).

Cross-references between records use the local ``id`` of the referenced record
(``"E3"`` for an entity, ``"P1"`` for a place, ``"T4"`` for a timex...) plus a
human-readable ``name`` copied next to it, so the JSON reads well on its own.

Record map::

    Article ─┬─ Sentence          (parse)
             ├─ Timex             (timexes)
             ├─ Quantity          (quantities)
             ├─ Entity ── Role    (entities)
             ├─ Place ── PlaceCandidate           (places)
             ├─ QuoteMark, SpeechCue ── Speaker   (marks, speech: working records)
             ├─ Quote ── SpeakerRef               (quotes)
             ├─ Claim ── Attribution ── Source    (claims)
             └─ Event ── Argument, EventDate, PlaceRef, Attribution   (events)
    Extraction = one article with all of the above; Rejection = an input we refused.
    EventMention  (one event flattened with its article's metadata, for linking and timelines)
    Timeline ─┬─ TimelineEntry ── TimelineDate, TimelineMention, Corroboration
              ├─ Contradiction
              └─ FigureSeries ── FigurePoint       (timelines across articles)
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Day = date  # an alias for records whose own field is called ``date``

Span = Annotated[
    tuple[int, int], Field(description="[start, end) character offsets into the article text")
]

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
TimexRole = Literal["point", "since", "until", "deadline"]
AnchorSource = Literal["publication", "narrative", "none"]
EntityType = Literal["PERSON", "ORG", "GPE", "NORP", "OTHER"]
OrgKind = Literal[
    "media", "government", "armed_force", "company", "party", "international", "other"
]
FeatureKind = Literal[
    "country", "region", "city", "district", "landmark", "water", "continent", "other"
]
QuoteKind = Literal["direct", "indirect", "mixed"]
SourceKind = Literal["named", "anonymous", "outlet", "pronoun"]
Modality = Literal[
    "asserted", "reported", "alleged", "negated", "intended", "ordered", "hypothetical", "predicted"
]
Polarity = Literal["positive", "negative"]
SpeakerCategory = Literal["person", "org", "anonymous", "pronoun", "other"]
CueKind = Literal["verb", "noun", "according", "known", "signature"]
ContentKind = Literal["clause", "appeal", "object"]
DateSource = Literal["clause", "sentence", "narrative", "publication", "none"]

MODALITIES: tuple[str, ...] = Modality.__args__  # type: ignore[attr-defined]

# PLOVER event types (Halterman et al., "PLOVER and POLECAT", 2023), in the ontology's order.
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
    "DEMAND",
    "DISAPPROVE",
    "OTHER",
)


class Record(BaseModel):
    """Base of every record: frozen, strict about unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Extracted(Record):
    """Base of every record a stage extracts from one article."""

    id: str = Field(description="Id local to the article, e.g. 'T1', 'E3'")
    article_id: str
    span: Span
    stage: str = Field(description="Producing stage as 'name@version'")

    @field_validator("span")
    @classmethod
    def _span_is_ordered(cls, span: tuple[int, int]) -> tuple[int, int]:
        start, end = span
        if start < 0 or end < start:
            raise ValueError(f"span {list(span)} must satisfy 0 <= start <= end")
        return span


# --------------------------------------------------------------------------- article


def content_id(text: str) -> str:
    """Return the article id for a text: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class Article(Record):
    """One input article. ``id`` defaults to the content hash of ``text``."""

    id: str = ""
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    text: str
    source: str | None = Field(default=None, description="Where it was read from: path[:line]")

    @model_validator(mode="after")
    def _default_id(self) -> Article:
        if not self.id:
            object.__setattr__(self, "id", content_id(self.text))
        return self


class Sentence(Extracted):
    """A sentence, with the index of the paragraph (blank-line or newline block) it is in."""

    paragraph: int


# --------------------------------------------------------------------------- time


class Timex(Extracted):
    """A temporal expression normalised to a TIMEX3-style value.

    ``value`` is an ISO/TIMEX3 string ("2024-08-07", "2024-08", "2024-W33", "2024-SU",
    "P3M", "PRESENT_REF"...) or None when it needs an anchor that is missing; ``text``
    is always kept. ``anchor`` is the value it was resolved against and
    ``anchor_source`` says where that anchor came from.
    """

    text: str
    type: TimexType
    value: str | None
    mod: str | None = Field(
        default=None, description="TIMEX3 mod: APPROX, START, END, MORE_THAN..."
    )
    role: TimexRole = "point"
    range: tuple[str, str] | None = Field(
        default=None, description="Lower and upper value of a range ('3-4 months': P3M, P4M)"
    )
    anchor: str | None = None
    anchor_source: AnchorSource = "none"
    out_of_range: bool = Field(
        default=False,
        description="The date falls outside years 1-9999 from its anchor; value is null",
    )


# --------------------------------------------------------------------------- quantities


class Quantity(Extracted):
    """A number with its approximator, range, unit and what it counts.

    "over 100 soldiers" -> min=100, approx=True, counted="soldiers";
    "up to 10 km" -> max=10, unit="km"; "60,000-70,000 troops" -> min, max.
    """

    text: str
    value: float | None = None
    min: float | None = None
    max: float | None = None
    approx: bool = False
    unit: str | None = None
    counted: str | None = None


# --------------------------------------------------------------------------- entities


class Role(Record):
    """A role or title of an entity, with the organisation it belongs to where known."""

    text: str
    org: str | None = None
    span: Span | None = None


class Entity(Extracted):
    """One real-world person, organisation or political entity, its mentions merged.

    ``span`` is the first mention; ``mentions`` holds every mention's span.
    """

    name: str
    type: EntityType
    kind: OrgKind | None = None
    aliases: list[str] = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=list)
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2 code")
    mentions: list[Span] = Field(default_factory=list)


# --------------------------------------------------------------------------- places


class PlaceCandidate(Record):
    """One gazetteer candidate considered for a place, with its score."""

    gazetteer_id: str
    name: str
    country: str | None
    lat: float
    lon: float
    feature: FeatureKind
    score: float


class Place(Extracted):
    """A place resolved to coordinates; ``mentions`` holds every mention's span."""

    name: str
    aliases: list[str] = Field(default_factory=list)
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    gazetteer_id: str | None = None
    feature: FeatureKind = "other"
    mentions: list[Span] = Field(default_factory=list)
    candidates: list[PlaceCandidate] = Field(default_factory=list)


# --------------------------------------------------------------------------- attribution


class SpeakerRef(Record):
    """Who a quote or source is: the mention as written and the entity it resolves to."""

    name: str = Field(description="Canonical name (the entity's name when resolved)")
    mention: str = Field(description="The words in the text: 'he', 'the political scientist'")
    span: Span | None = None
    entity_id: str | None = None


class QuoteMark(Extracted):
    """A pair of quotation marks: ``span`` runs from the opening to the closing mark.

    A working record between stages (quotes and speaker resolution read it); it is not
    part of an Extraction.
    """


class Speaker(Record):
    """A resolved source of speech: who it is and what kind of source it is.

    ``category`` is ``person`` or ``org`` for a named source, ``anonymous`` for an unnamed
    one ("officials"), ``pronoun`` for a pronoun with no antecedent, ``other`` for a
    phrase that names neither.
    """

    ref: SpeakerRef
    category: SpeakerCategory


class SpeechCue(Extracted):
    """A reporting cue with its source and reported content, its speaker resolved.

    ``span`` is the cue word ("said", "according", a signature dash). A working record
    between stages: the speech stage finds every cue of an article once, and quotes and
    claims both read these instead of finding cues and resolving speakers again.
    """

    text: str = Field(description="The cue word as written")
    lemma: str = Field(description="The cue word's lemma, lower case")
    phrase: str = Field(description="The cue as a quote names it: 'said', 'according to'")
    kind: CueKind = Field(
        description="verb: a reporting verb; noun: a reporting noun ('the claim that'); "
        "according: 'according to X'; known: 'it became known that'; signature: a dash and "
        "a name after a quotation"
    )
    passive: bool = False
    negated: bool = Field(False, description="The cue verb is negated ('did not say when')")
    content: Span | None = Field(None, description="The reported content's words, untrimmed")
    content_kind: ContentKind = "clause"
    source: Span | None = Field(None, description="The source phrase's head word")
    source_word: str | None = Field(None, description="That head word, lower case")
    source_lemma: str | None = Field(None, description="That head word's lemma, lower case")
    speaker: Speaker | None = Field(None, description="Who the source is, when one is named")
    citing: list[Speaker] = Field(
        default_factory=list, description="Sources the source cites ('citing officials')"
    )
    cites_third_party: bool = Field(
        False, description="The source cites someone other than itself (not 'its own sources')"
    )
    quoted: bool = Field(False, description="The cue word lies inside quotation marks")
    governs: list[Span] = Field(
        default_factory=list,
        description="Quotation marks whose words this cue governs in the parse (a cue "
        "outside quotation marks, the nearest one up each word's chain of heads)",
    )


class Quote(Extracted):
    """Direct or indirect speech with its speaker and reporting cue."""

    text: str
    kind: QuoteKind
    speaker: SpeakerRef | None = None
    cue: str | None = None
    cue_span: Span | None = None


class Source(Record):
    """One link of an attribution chain."""

    name: str
    kind: SourceKind
    entity_id: str | None = None
    span: Span | None = None
    cue: str | None = None


class Attribution(Record):
    """The chain of sources a claim passes through, outermost first."""

    sources: list[Source] = Field(default_factory=list)


class Claim(Extracted):
    """A clause that carries a claim: who vouches for it and how certain it is."""

    text: str
    attribution: Attribution
    modality: Modality = "asserted"
    polarity: Polarity = "positive"
    cues: list[str] = Field(default_factory=list, description="Words that set modality/polarity")


# --------------------------------------------------------------------------- events


class Argument(Record):
    """An event participant: an entity reference or a plain noun phrase.

    ``name`` is the entity's name when the phrase refers to one ("Olusegun Obasanjo"),
    else the phrase; ``text`` is the phrase as the article words it ("Nigerian President
    Olusegun Obasanjo"), the text of ``span``, when it says more than ``name``.
    """

    name: str
    span: Span
    entity_id: str | None = None
    country: str | None = None
    text: str | None = None


class PlaceRef(Record):
    """Where an event happened: a reference to a resolved Place.

    ``text`` is the venue as the article words it when the event's clause names one
    through a locative preposition ("outside <a named hotel> in <region>", "in a <city>
    court"): a building, a body of water or a site the gazetteer does not hold.
    """

    name: str
    span: Span | None = None
    place_id: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    text: str | None = None


class EventDate(Record):
    """When an event happened, and where that date came from."""

    value: str | None
    text: str | None = None
    span: Span | None = None
    timex_id: str | None = None
    source: DateSource = "none"


class Event(Extracted):
    """Who did what to whom, where, when, how many; according to whom, how certain."""

    text: str = Field(description="The clause or sentence text of the mention")
    trigger: str
    trigger_span: Span
    type: str = Field(description="PLOVER type, upper case")
    alt_type: str | None = None
    actors: list[Argument] = Field(default_factory=list)
    targets: list[Argument] = Field(default_factory=list)
    location: PlaceRef | None = None
    date: EventDate | None = None
    deadline: EventDate | None = None
    quantities: list[Quantity] = Field(default_factory=list)
    attribution: Attribution = Field(default_factory=Attribution)
    modality: Modality = "asserted"
    polarity: Polarity = "positive"
    mode: str | None = Field(
        default=None,
        description="PLOVER mode: how the event was carried out (e.g. 'firearms', 'strike')",
    )
    context: list[str] = Field(
        default_factory=list,
        description="PLOVER contexts of the event (e.g. 'disasters', 'military', 'economic')",
    )
    group: str | None = Field(
        default=None,
        description=(
            "Id of the first mention of the same real-world event in this article: headline, "
            "lede and recap restatements share it; equal to ``id`` on the first mention"
        ),
    )


# --------------------------------------------------------------------------- across articles


class EventMention(Record):
    """One event mention as cross-article linking and timelines see it.

    Built from an Extraction by ``dateline.mentions.mentions_from_extraction``; flat enough to
    store in one table row and to block on (type, date, place) without the whole article.
    """

    mention_id: str = Field(description="'article_id/event_id'")
    article_id: str
    event_id: str
    group: str | None = Field(default=None, description="Event.group inside the article")
    cluster: str | None = Field(
        default=None, description="Cross-article cluster id: mentions of one real-world event"
    )
    outlet: str | None = None
    published: Day | None = None
    title: str | None = None
    type: str
    alt_type: str | None = None
    mode: str | None = None
    context: list[str] = Field(default_factory=list)
    trigger: str
    text: str = Field(description="The clause or sentence of the mention")
    span: Span
    date: str | None = Field(default=None, description="TIMEX3 value of the event's date")
    date_source: DateSource = "none"
    actors: list[Argument] = Field(default_factory=list)
    targets: list[Argument] = Field(default_factory=list)
    location: PlaceRef | None = None
    quantities: list[Quantity] = Field(default_factory=list)
    attribution: Attribution = Field(default_factory=Attribution)
    modality: Modality = "asserted"
    polarity: Polarity = "positive"


# --------------------------------------------------------------------------- results


class Notice(Record):
    """A warning about one article (code W###)."""

    code: str
    message: str


class Extraction(Record):
    """Everything dateline extracted from one article."""

    article: Article
    sentences: list[Sentence] = Field(default_factory=list)
    timexes: list[Timex] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    notices: list[Notice] = Field(default_factory=list)


class Rejection(Record):
    """An input that was not processed, with a coded reason."""

    source: str
    code: str
    message: str
    line: int | None = None


# --------------------------------------------------------------------------- timelines

DatePrecision = Literal["day", "month", "year", "range", "unknown"]
DateBasis = Literal["stated", "publication", "none"]
ContradictionKind = Literal["occurrence", "date", "figure"]
OriginKind = Literal["named", "anonymous", "outlet", "pronoun", "own"]


class TimelineDate(Record):
    """When a timeline entry happened and how sure that is.

    ``precision`` is ``day``, ``month`` or ``year`` when the reports agree on one value,
    ``range`` when they give different days (``start``..``end``), ``unknown`` without any date.
    ``basis`` says whether the date was stated in a report or only inferred from when the
    reports were published.
    """

    value: str | None = Field(description="TIMEX3 value ('2025-08-11', '2025-08') or None")
    start: Day | None = Field(default=None, description="First day the date can be")
    end: Day | None = Field(default=None, description="Last day the date can be")
    precision: DatePrecision = "unknown"
    basis: DateBasis = "none"


class TimelineMention(Record):
    """One report of a timeline entry: which article said it, where, and on whose word."""

    mention_id: str = Field(description="'article_id/event_id'")
    article_id: str
    outlet: str | None = None
    published: Day | None = None
    title: str | None = None
    sentence: str = Field(description="The clause or sentence of the mention")
    span: Span
    date: str | None = Field(default=None, description="The date this report gives, TIMEX3")
    modality: Modality = "asserted"
    polarity: Polarity = "positive"
    sources: list[str] = Field(
        default_factory=list, description="The attribution chain, outermost first"
    )
    origin: str = Field(description="The original source this report rests on")
    denies: bool = Field(default=False, description="The report says it did not happen")


class IndependentSource(Record):
    """One original source, counted once however many outlets relay it."""

    name: str
    kind: OriginKind = Field(description="'own' when an outlet reports on its own account")
    outlets: list[str] = Field(description="Outlets whose reports rest on this source")
    mentions: list[str] = Field(description="mention_id of each report resting on it")


class RelayNote(Record):
    """Outlets that only relay one original source, and so count once between them."""

    source: str
    outlets: list[str]
    note: str


class Corroboration(Record):
    """How many outlets report an entry and how many independent sources they rest on."""

    outlets: list[str] = Field(default_factory=list, description="Distinct outlets, sorted")
    outlet_count: int = 0
    sources: list[IndependentSource] = Field(default_factory=list)
    independent_count: int = Field(
        default=0, description="Distinct original sources: relays of one source count once"
    )
    relays: list[RelayNote] = Field(default_factory=list)
    corroborated: bool = Field(
        default=False, description="At least two independent sources report it happened"
    )


class Contradiction(Record):
    """Reports that cannot all be true: one denies what another reports, or their dates or
    figures for the same counted thing at the same time disagree."""

    id: str = Field(description="'C1', 'C2'... in timeline order")
    kind: ContradictionKind
    explanation: str
    entries: list[str] = Field(description="Ids of the timeline entries involved")
    mentions: list[str] = Field(description="mention_id of each report involved")


class FigurePoint(Record):
    """One reported figure: its value or range, as of when, from whom."""

    date: Day | None = Field(description="The day the figure holds for: stated, else published")
    published: Day | None = Field(default=None, description="When the report was published")
    text: str
    value: float | None = None
    min: float | None = None
    max: float | None = None
    approx: bool = False
    outlet: str | None = None
    source: str = Field(description="The original source the figure rests on")
    mention_id: str
    entry: str = Field(description="Id of the timeline entry the figure belongs to")


class FigureSeries(Record):
    """The same counted thing reported over time, oldest first."""

    id: str = Field(description="'F1', 'F2'... in timeline order")
    label: str = Field(description="What is counted and what happened to it: 'residents evacuated'")
    counted: str
    type: str = Field(description="PLOVER type of the events that report it")
    unit: str | None = None
    points: list[FigurePoint]


class TimelineEntry(Record):
    """One real-world event across articles: when, what, who to whom, where, and how the
    reports of it agree."""

    id: str = Field(description="The cross-article cluster id of its mentions")
    date: TimelineDate
    type: str
    summary: str
    actors: list[str] = Field(default_factory=list)
    action: str = Field(description="The most common trigger, e.g. 'evacuated'")
    targets: list[str] = Field(default_factory=list)
    place: PlaceRef | None = None
    modality: Modality = Field(
        default="asserted",
        description="How the reports put it, most common first: 'hypothetical' when it is only "
        "proposed; denials are not counted here",
    )
    mentions: list[TimelineMention]
    corroboration: Corroboration
    contradictions: list[str] = Field(
        default_factory=list, description="Ids of the contradictions that involve it"
    )
    figures: list[str] = Field(
        default_factory=list, description="Ids of the figure series it contributes to"
    )


class Timeline(Record):
    """Linked events from many articles in date order, with what contradicts what and how
    figures moved."""

    about: str | None = None
    date_from: Day | None = None
    date_to: Day | None = None
    entries: list[TimelineEntry] = Field(default_factory=list)
    contradictions: list[Contradiction] = Field(default_factory=list)
    figures: list[FigureSeries] = Field(default_factory=list)
