"""Places stage: toponyms found in the text and resolved to coordinates, offline.

Steps:
    1. Mentions, from three sources. Names are read from the entities stage's corrected
       records (people, organisations, political entities, nationalities: its types,
       never the model's ``doc.ents``) on every token they cover; where no record lies,
       from the parse's joined names (labels that stage never reports: LOC, FAC, dates,
       numbers; and names it left out of its report):
       a. the entities stage's GPE mentions and the parse's LOC names (nationalities too
          when ``settings.demonyms``), a leading "the" and a trailing possessive stripped;
       b. capitalised token runs that match a gazetteer name (longest match first), kept
          when a locative cue precedes them ("in", "near", "towards"...), when a
          qualifier follows ("Paris, Texas"), when the tagger calls them proper nouns
          and they name a place of some size (``[toponyms]`` thresholds, one set shared
          with the entities stage: ``_toponyms.KnownPlaces``), when they open a news dateline
          ("CHATTANOOGA (AP) -"), when they are a coordinated conjunct of a toponym, or
          when they sit inside an organisation's name as a country/region or as its
          leading modifier ("Minnesota Department of ...", "Bank of Canada"); a lone
          PERSON named like a big city is taken as the city;
       c. patterns: "X region/oblast/province/state..." (the region whose town X is, or
          the region named X; "X County" is the county, else its namesake town),
          "the X direction/axis" and "X-based" (X is a place).
       Lower-case words are never toponyms, so common words that are also town names
       ("bath", "mobile") yield nothing; capitalised generic words ("Central", "West")
       listed in ``generic_words.txt`` are not matched on their own either.
       d. joined names: a run may hold hyphens and lower-case particles ("Viana do
          Castelo", "Emilia-Romagna", "Frankfurt am Main") when the whole name is in the
          gazetteer. Names the tokenizer cut are joined before this stage (the parse and
          the entities stage's ``joined_names`` pass), not here again.
       Then dropped: a place name inside a newspaper's, agency's or broadcaster's name
       ("The Washington Post", "Times of India"; words in ``media_words.txt``, and the
       media organisations of the entities stage), an organisation's acronym ("BA" for
       "British Airways"), the short form of a person the entities stage named in full
       ("wrote to Obama" after "Barack Obama") unless a cue that takes no people precedes
       it ("in", "near"...), and a name that is part of a person's full name in the
       article ("Montenegro" after "Luis Montenegro") unless a strong locative cue
       precedes it ("in/to/from Montenegro").
    2. Candidates: the gazetteer entries whose name or alternate name has the mention's
       key (case, accents, apostrophes, hyphens folded); failing that, its
       transliteration variants ("Kharkov" -> Kharkiv); demonyms resolve to a country.
    3. Scores: population (log scale), feature kind (a country or region beats a town of
       the same name; a region named like its own main town yields to the town), primary
       name over alternate name, the share of the article's country mentions (countries,
       demonyms, places of one country) that the candidate's country has, not counting
       the mention's own name (a name does not vote for its own sense), the share of
       its first-level region among the regions named, an explicit qualifier
       ("Paris, Texas"; "X, Y region"), a bonus for a town of a state that has a county the
       article names ("Decatur" with "DeKalb County"), a bonus for a town of a region the
       article names
       when the rest of the article is about its country ("Palestine" in a story about
       Texas), and closeness to the other places' best guesses.
       One sense per text: every mention with the same key gets the same place (and
       every capitalised occurrence of a name found once is a mention), and a
       short form of a joined name in the article ("Viana" after "Viana do Castelo")
       gets that name's place.
    4. One Place per distinct resolved location, mentions merged; ``name`` is the first
       mention as written, ``aliases`` the other forms seen; candidates keep their scores
       (best first, at most ``settings.max_candidates``).
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from dataclasses import dataclass, field

import numpy
from spacy.tokens import Doc, Span, Token

from dateline.config import PlaceSettings
from dateline.data import load_words
from dateline.records import Article, Entity, Place, PlaceCandidate
from dateline.stages._gazetteer import Gazetteer, distances_km, load_gazetteer, name_key
from dateline.stages._intervals import Intervals
from dateline.stages._name_joins import names_of
from dateline.stages._tokens import tokens_of
from dateline.stages._toponyms import KnownPlaces

NAME = "places"
VERSION = 1
STAGE = f"{NAME}@{VERSION}"

logger = logging.getLogger(__name__)

_PLACE_LABELS = frozenset({"GPE", "LOC"})
# Entities that are never toponyms (a month is not the town of August).
_NON_PLACE_LABELS = frozenset(
    {
        "DATE",
        "TIME",
        "PERCENT",
        "MONEY",
        "QUANTITY",
        "ORDINAL",
        "CARDINAL",
        "LANGUAGE",
        "LAW",
    }
)
_PERSON_LABELS = frozenset({"PERSON"})
_ORG_LABELS = frozenset({"ORG", "FAC"})
# A city of the same name this big elsewhere in the country: a region's bare name is the city.
_BIG_NAMESAKE = 500_000
_REGION_WORDS = frozenset(
    {
        "region",
        "oblast",
        "province",
        "state",
        "krai",
        "kray",
        "governorate",
        "prefecture",
        "district",
        "county",
        "territory",
        "republic",
        "voivodeship",
        "canton",
        "parish",
    }
)
_SETTLEMENT_WORDS = frozenset({"city", "town", "village", "township", "borough"})
_SUBREGION_WORDS = frozenset({"county", "district", "parish"})
# Head words of organisations: a name modifying one is the organisation's ("the Lincoln
# administration"), not a place.
_ORGANISATION_HEADS = load_words("organisation_words", "head")
_DIRECTION_WORDS = frozenset({"direction", "axis", "sector"})
_LOCATIVE_CUES = frozenset(
    {
        "in",
        "near",
        "at",
        "from",
        "to",
        "towards",
        "toward",
        "outside",
        "around",
        "into",
        "across",
        "through",
        "via",
        "between",
        "inside",
        "within",
        "of",
        "nearby",
        "beyond",
        "north",
        "south",
        "east",
        "west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "captured",
        "liberated",
        "shelled",
        "entered",
        "visited",
        "left",
        "reached",
    }
)
_MAX_RUN = 6
# Lower-case particles inside multi-word place names ("Viana do Castelo", "Stratford upon
# Avon", "Frankfurt am Main"); a run with one is a name only when whole in the gazetteer.
_PARTICLES = frozenset(
    {
        "do",
        "da",
        "de",
        "del",
        "della",
        "di",
        "dos",
        "das",
        "von",
        "van",
        "upon",
        "on",
        "le",
        "la",
        "sur",
        "am",
    }
)
_JOINERS = _PARTICLES | {"-", "of"}
# Cues strong enough for a name that is also a person's name in the article ("in Jordan").
_STRICT_CUES = frozenset(
    {
        "in",
        "into",
        "to",
        "from",
        "at",
        "near",
        "across",
        "towards",
        "toward",
        "outside",
        "inside",
        "throughout",
    }
)
# Cues that take places but not people ("wrote to X", "a letter from X" take people).
_PLACE_ONLY_CUES = frozenset(
    {"in", "into", "near", "across", "inside", "outside", "throughout", "within", "towards"}
)
_BASED = re.compile(r"^-?based$", re.IGNORECASE)

# Score weights (tuned on the geoparsing dev split).
_W_POPULATION = 0.25
# A landmark or a water body has no population: its kind weight lets it outrank a small
# namesake town.
_W_KIND = {
    "country": 1.2,
    "continent": 1.2,
    "region": 0.6,
    "district": 0.2,
    "city": 0.0,
    "landmark": 1.5,
    "water": 1.5,
}
_W_PRIMARY = 0.3
_W_COUNTRY = 1.5
_W_QUALIFIER = 3.0
_W_REGION = 0.5
_W_LOCAL = 0.5
_W_COUNTY = 0.5
_W_NEAR = 0.8
_NEAR_KM = 150.0
# Kinds whose candidates gain from closeness to the article's other places, and anchor it.
_LOCAL_KINDS = ("city", "district", "region", "landmark")


@dataclass
class _Mention:
    start: int  # token indexes
    end: int
    text: str
    key: str
    source: str  # "ner", "gazetteer", "region", "demonym"
    region: bool = False
    candidates: list[int] = field(default_factory=list)


def extract_places(
    *, article: Article, doc: Doc, entities: list[Entity], settings: PlaceSettings
) -> list[Place]:
    """Find the toponyms of an article and resolve each to a gazetteer place.

    Args:
        article: the article (for its id and text).
        doc: the parsed spaCy Doc of ``article.text``.
        entities: records of the entities stage: its places, and the people, organisations
            and media whose names are not places.
        settings: the ``places`` config section.

    Returns:
        One Place per resolved location, ordered by first mention, ids "P1", "P2"...
    """
    gaz = load_gazetteer()
    mentions, demonym_codes = _find_mentions(doc, article.text, gaz, settings, entities)
    if not mentions:
        return []
    chosen = _resolve(doc, mentions, gaz, demonym_codes)
    places = _build_places(article, doc, mentions, chosen, gaz, settings)
    logger.debug(
        "places: %d mentions, %d places for article %s", len(mentions), len(places), article.id
    )
    return places


# --------------------------------------------------------------------------- mentions


def _strip(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop a leading article and a trailing possessive or punctuation from a token range."""
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and (
        doc[end - 1].lower_ in ("'s", "\u2019s", "'", "\u2019") or doc[end - 1].is_punct
    ):
        end -= 1
    return start, end


def _is_cap(token: Token) -> bool:
    text = token.text
    return bool(text) and text[0].isupper() and any(ch.isalpha() for ch in text)


def _cued(doc: Doc, start: int) -> bool:
    """A locative cue right before the span (skipping "the")."""
    i = start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return i >= 0 and doc[i].lower_ in _LOCATIVE_CUES


def _region_suffix(doc: Doc, end: int) -> int:
    """Index past a region word following token ``end - 1`` ("Kharkiv region"), else ``end``."""
    if end < len(doc) and doc[end].lower_ in _REGION_WORDS:
        return end + 1
    return end


@dataclass
class _Names:
    """The article's names as places reads them, by token range (not stable API).

    The entities stage's corrected records decide every token they cover (their types,
    not the model's). Where no record lies, the parse's joined names
    (``_name_joins.names_of``) tell what the words are: the labels that stage never
    reports (LOC, FAC, dates, numbers...) and the names it left out of its report (a
    nationality word of no country the text names).
    """

    spans: list[tuple[int, int, str]]
    person_spans: set[tuple[int, int]]
    # Short forms of a person named in full ("Obama" for "Barack Obama"), by the entities
    # stage's merging of mentions.
    short_person_spans: set[tuple[int, int]]
    # Acronyms of an organisation named in full ("BA" for "British Airways").
    org_acronym_spans: set[tuple[int, int]]
    label: list[str]  # per token: the label of the name covering it, "" if none
    bounds: list[tuple[int, int]]  # per token: that name's range


def _names(doc: Doc, text: str, entities: list[Entity]) -> _Names:
    spans = _entity_spans(doc, entities)
    covered = [False] * len(doc)
    for start, end, _ in spans:
        covered[start:end] = [True] * (end - start)
    for start, end, label in names_of(doc):
        spans.extend((s, e, label) for s, e in _uncovered_runs(covered, start, end))
    spans.sort()
    label = [""] * len(doc)
    bounds = [(-1, -1)] * len(doc)
    for start, end, name_label in spans:
        for i in range(start, end):
            label[i], bounds[i] = name_label, (start, end)
    people = {(s, e) for s, e, name_label in spans if name_label == "PERSON"}
    return _Names(
        spans,
        people,
        _short_person_spans(doc, entities),
        _org_acronym_spans(doc, text, entities),
        label,
        bounds,
    )


def _uncovered_runs(covered: list[bool], start: int, end: int) -> list[tuple[int, int]]:
    """The longest runs of ``[start, end)`` that no entity record covers."""
    runs: list[tuple[int, int]] = []
    i = start
    while i < end:
        if covered[i]:
            i += 1
            continue
        j = i
        while j < end and not covered[j]:
            j += 1
        runs.append((i, j))
        i = j
    return runs


def _org_acronym_spans(doc: Doc, text: str, entities: list[Entity]) -> set[tuple[int, int]]:
    """Token ranges of the mentions of organisations written as their acronym."""
    spans = set()
    for entity in entities:
        if entity.type != "ORG":
            continue
        acronyms = {a for a in entity.aliases if a.isupper() and " " not in a}
        for char_start, char_end in entity.mentions:
            if text[char_start:char_end] in acronyms:
                span = doc.char_span(char_start, char_end, alignment_mode="expand")
                if span is not None:
                    spans.add((span.start, span.end))
    return spans


def _short_person_spans(doc: Doc, entities: list[Entity]) -> set[tuple[int, int]]:
    """Token ranges of the one-word mentions of people whose name has several words."""
    spans = set()
    for entity in entities:
        if entity.type != "PERSON" or len(entity.name.split()) < 2:
            continue
        for char_start, char_end in entity.mentions:
            span = doc.char_span(char_start, char_end, alignment_mode="expand")
            if span is not None and len(span) == 1:
                spans.add((span.start, span.end))
    return spans


def _entity_spans(doc: Doc, entities: list[Entity]) -> list[tuple[int, int, str]]:
    """Token ranges of every mention of the entity records, labelled with their type."""
    spans: dict[tuple[int, int], str] = {}
    for entity in entities:
        for char_start, char_end in entity.mentions:
            span = doc.char_span(char_start, char_end, alignment_mode="expand")
            if span is not None and len(span):
                spans.setdefault((span.start, span.end), entity.type)
    return [(start, end, label) for (start, end), label in spans.items()]


def _person_names(doc: Doc, names: _Names, entities: list[Entity]) -> tuple[set[str], list[bool]]:
    """Name keys of the words of the people's full names in the article, and per token
    whether it lies inside such a name ("Luis Montenegro")."""
    words: set[str] = set()
    inside = [False] * len(doc)
    for start, end in names.person_spans:
        span = doc[start:end]
        if len(span) > 1 and not _gazetteer_name(span) and all(t.pos_ == "PROPN" for t in span):
            words.update(name_key(t.text) for t in span if _is_cap(t))
            inside[start:end] = [True] * (end - start)
    for entity in entities:
        if entity.type != "PERSON":
            continue
        for form in [entity.name, *entity.aliases]:
            parts = form.split()
            if len(parts) > 1:
                words.update(name_key(w) for w in parts if w[:1].isupper())
    words.discard("")
    return words, inside


def _gazetteer_name(span: Span) -> bool:
    """A "person" that is a joined place name as a whole ("Emilia-Romagna")."""
    return any(t.text in _JOINERS for t in span[1:-1]) and bool(
        load_gazetteer().lookup(name_key(span.text))
    )


def _media_spans(entities: list[Entity]) -> list[tuple[int, int]]:
    """Character spans of the media organisations the entities stage found."""
    return [
        span
        for entity in entities
        if entity.type == "ORG" and entity.kind == "media"
        for span in entity.mentions
    ]


def _in_media_name(doc: Doc, start: int, end: int, media_words: frozenset[str]) -> bool:
    """A place name inside a newspaper's, agency's or broadcaster's name: "The Washington
    Post", "New York Daily News", "Times of India"."""
    j = end
    while j < len(doc) and j < end + 3 and (_is_cap(doc[j]) or doc[j].text == "-"):
        if doc[j].lower_ in media_words:
            return True
        j += 1
    return (
        start >= 2
        and doc[start - 1].lower_ == "of"
        and doc[start - 2].lower_ in media_words
        and _is_cap(doc[start - 2])
    )


def _strictly_cued(doc: Doc, start: int) -> bool:
    return _cue_before(doc, start, _STRICT_CUES)


def _cue_before(doc: Doc, start: int, cues: frozenset[str]) -> bool:
    """One of ``cues`` right before token ``start`` (skipping "the")."""
    i = start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return i >= 0 and doc[i].lower_ in cues


def _particle_name(doc: Doc, start: int, end: int, gaz: Gazetteer) -> tuple[int, int]:
    """Widen a place name to the longest gazetteer name around it joined by a lower-case
    particle ("Frankfurt" -> "Frankfurt am Main", "Stratford" -> "Stratford upon Avon").

    A gazetteer match, not a tokenization repair: hyphens were joined by the parse, and
    names the model cut at a particle by the entities stage; this finds the place names
    whose particle no name list knows ("am", "upon").
    """
    best = (start, end)
    for s in range(start, max(-1, start - 4), -1):
        for e in range(end, min(len(doc), end + 4) + 1):
            if e - s <= best[1] - best[0] or not _particle_run(doc, s, e):
                continue
            if gaz.lookup(name_key(doc[s:e].text)):
                best = (s, e)
    return best


def _particle_run(doc: Doc, start: int, end: int) -> bool:
    """Capitalised words joined by at least one lower-case particle, on one line."""
    tokens = tokens_of(doc)[start:end]
    return (
        _is_cap(tokens[0])
        and _is_cap(tokens[-1])
        and any(t.text in _PARTICLES for t in tokens)
        and all(_is_cap(t) or t.text in _JOINERS for t in tokens)
        and not any("\n" in t.whitespace_ for t in tokens[:-1])
    )


def _find_mentions(
    doc: Doc, text: str, gaz: Gazetteer, settings: PlaceSettings, entities: list[Entity]
) -> tuple[list[_Mention], list[str]]:
    """Return the toponym mentions and the country codes of the demonyms seen."""
    finder = _MentionFinder(doc, text, gaz, settings, entities)
    finder.add_named_places()
    finder.add_gazetteer_runs()
    finder.add_conjuncts()
    finder.add_repeats()
    finder.mentions.sort(key=lambda m: m.start)
    return finder.mentions, finder.demonym_codes


class _MentionFinder:
    """Collects the toponym mentions of one article, source by source (module docstring,
    step 1); a token belongs to one mention at most."""

    def __init__(
        self,
        doc: Doc,
        text: str,
        gaz: Gazetteer,
        settings: PlaceSettings,
        entities: list[Entity],
    ) -> None:
        self.doc, self.text, self.gaz, self.settings = doc, text, gaz, settings
        self.known = KnownPlaces(settings.toponyms)
        self.names = _names(doc, text, entities)
        self.mentions: list[_Mention] = []
        self.demonym_codes: list[str] = []
        self.taken = [False] * len(doc)
        # Labels of the names that are not places (people, organisations, dates...).
        self.other_ent = [lab if not self._is_place_label(lab) else "" for lab in self.names.label]
        self.person_words = {
            doc[i].lower_ for s, e in self.names.person_spans if e - s > 1 for i in range(s, e)
        }
        self.person_keys, self.in_person = _person_names(doc, self.names, entities)
        self.media = Intervals([(a, b, None) for a, b in _media_spans(entities)])
        tokens = self.tokens = tokens_of(doc)
        self.cap = [_is_cap(t) for t in tokens]
        self.in_run = [cap or t.text in _JOINERS for cap, t in zip(self.cap, tokens, strict=True)]

    def _span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text``, cut from the text without building a Span."""
        last = self.tokens[end - 1]
        return self.text[self.tokens[start].idx : last.idx + len(last.text)]

    def _is_place_label(self, label: str) -> bool:
        return label in _PLACE_LABELS or (self.settings.demonyms and label == "NORP")

    def add(self, start: int, end: int, source: str, region: bool = False) -> None:
        """Record ``doc[start:end]`` as a mention unless taken, a media name or a person's."""
        doc = self.doc
        if start >= end or any(self.taken[start:end]):
            return
        char_start = doc[start].idx
        if self.media.containing(char_start) or (
            not region and _in_media_name(doc, start, end, self.gaz.media_words)
        ):
            return  # a newspaper's or agency's name is not a place mention
        if source != "demonym" and self._a_persons_name(start, end):
            return
        if (start, end) in self.names.org_acronym_spans:
            return  # "BA" for "British Airways", not the town of Ba
        text = doc[start:end].text
        self.mentions.append(_Mention(start, end, text, name_key(text), source, region))
        self.taken[start:end] = [True] * (end - start)

    def _a_persons_name(self, start: int, end: int) -> bool:
        """The entities stage took this very span for the short form of a person named in
        full ("wrote to Obama" after "Barack Obama") and only a cue that also takes people
        precedes it ("to", "from", "at"), or it is part of a person's name in the article
        ("Montenegro" for "Luis Montenegro") and no strong locative cue says otherwise
        ("in Montenegro")."""
        if (start, end) in self.names.short_person_spans and not _cue_before(
            self.doc, start, _PLACE_ONLY_CUES
        ):
            return True
        key = name_key(self.doc[start:end].text)
        return (key in self.person_keys or all(self.in_person[start:end])) and not _strictly_cued(
            self.doc, start
        )

    def add_named_places(self) -> None:
        """1a. Names the entities stage calls places (GPE), and the parse's LOC names;
        nationality words give their country's vote (and are places with ``demonyms``)."""
        doc, gaz = self.doc, self.gaz
        for start, end, label in self.names.spans:
            if not self._is_place_label(label):
                continue
            start, end = _strip(doc, start, end)
            if start >= end or not any(_is_cap(t) for t in doc[start:end]):
                continue
            key = name_key(doc[start:end].text)
            if label == "NORP" or key in gaz.demonyms:
                self._add_demonym(start, end, key)
                continue
            self._add_named_place(*_particle_name(doc, start, end, gaz))

    def _add_demonym(self, start: int, end: int, key: str) -> None:
        code = self.gaz.demonyms.get(key)
        if code:
            self.demonym_codes.append(code)
        if self.settings.demonyms:
            self.add(start, end, "demonym")

    def _add_named_place(self, start: int, end: int) -> None:
        doc, gaz = self.doc, self.gaz
        if name_key(doc[start:end].text) in gaz.generic and _region_suffix(doc, end) == end:
            return  # "Earth", "Central": generic words even when tagged as places
        if (
            end - start > 1
            and doc[end - 1].lower_ in _SETTLEMENT_WORDS
            and not gaz.lookup(name_key(doc[start:end].text))
        ):
            end -= 1  # "Fargo city", "Lansing Township": the place is the town
        region_end = _region_suffix(doc, end)
        if region_end > end:
            self.add(start, region_end, "region", region=True)
        elif doc[end - 1].lower_ in _REGION_WORDS and end - start > 1:
            self.add(start, end, "region", region=True)
        else:
            self.add(start, end, "ner")

    def add_gazetteer_runs(self) -> None:
        """1b/1c. Capitalised runs that match the gazetteer, longest first."""
        i, n = 0, len(self.doc)
        while i < n:
            if self.taken[i] or not self.cap[i]:
                i += 1
                continue
            i = self._match_run(i) or i + 1

    def _run_limit(self, i: int) -> int:
        """The longest run from token ``i`` of free capitalised words and joiners."""
        limit = min(_MAX_RUN, len(self.doc) - i)
        for length in range(limit):
            if self.taken[i + length] or not self.in_run[i + length]:
                return length
        return limit

    def _match_run(self, i: int) -> int:
        """Try the runs from token ``i``, longest first; the index after a match, else 0."""
        doc, gaz = self.doc, self.gaz
        for length in range(self._run_limit(i), 0, -1):
            end = i + length
            if not self.cap[end - 1]:
                continue
            key = name_key(self._span_text(i, end))
            if (
                self.settings.demonyms
                and key in gaz.demonyms
                and self.other_ent[i] not in _NON_PLACE_LABELS
            ):
                # A nationality word outside the NORP names ("Russian Foreign Ministry").
                self.add(i, end, "demonym")
                return end
            ids = gaz.lookup(key)
            if not ids or key in gaz.generic:
                continue
            region_end = _region_suffix(doc, end)
            if region_end > end:
                self.add(i, region_end, "region", region=True)
                return region_end
            if self._run_is_place(i, end, ids):
                self.add(i, end, "gazetteer")
                return region_end
            return 0
        return 0

    def _run_is_place(self, start: int, end: int, ids: tuple[int, ...]) -> bool:
        doc, gaz, other_ent = self.doc, self.gaz, self.other_ent
        bounds = self.names.bounds
        accepted = _accept_run(doc, start, end, ids, gaz, other_ent, self.person_words, self.known)
        if accepted and (
            not other_ent[start] or bounds[start] == (start, end) or other_ent[start] == "PERSON"
        ):
            return True
        return (
            _in_org_name(doc, start, end, ids, gaz, other_ent, bounds)
            or _is_dateline(doc, start, end)
            or (
                # the qualifier of a place just found: "Vancouver, BC"
                start >= 2
                and doc[start - 1].text == ","
                and self.taken[start - 2]
                and other_ent[start] not in _NON_PLACE_LABELS
                and any(gaz.entries[x].kind in ("region", "country") for x in ids)
            )
        )

    def add_conjuncts(self) -> None:
        """Coordination: "Lviv or Lutsk": a conjunct of a toponym is one too."""
        gaz = self.gaz
        for m in list(self.mentions):
            for tok in self.doc[m.start : m.end]:
                for other in tok.conjuncts:
                    j = other.i
                    if self.taken[j] or not _is_cap(other) or other.pos_ != "PROPN":
                        continue
                    if self.other_ent[j] in _NON_PLACE_LABELS or other.lower_ in self.person_words:
                        continue
                    key = name_key(other.text)
                    if gaz.lookup(key) and key not in gaz.demonyms:
                        self.add(j, j + 1, "gazetteer")

    def add_repeats(self) -> None:
        """One sense per text: a name taken as a place once is a place at its other
        capitalised occurrences too ("Fargo raised its goal" at a sentence start)."""
        firsts: dict[str, set[int]] = {}
        for m in self.mentions:
            if m.source in ("ner", "gazetteer") and not m.region and m.key not in self.gaz.generic:
                firsts.setdefault(self.doc[m.start].lower_, set()).add(m.end - m.start)
        found = {m.key for m in self.mentions if m.source in ("ner", "gazetteer")}
        for i, tok in enumerate(self.tokens):
            if self.taken[i] or tok.lower_ not in firsts or not _is_cap(tok):
                continue
            for length in sorted(firsts[tok.lower_], reverse=True):
                if self._add_repeat(i, i + length, found):
                    break

    def _add_repeat(self, start: int, end: int, found: set[str]) -> bool:
        doc = self.doc
        if (
            end > len(doc)
            or any(self.taken[start:end])
            or any(self.other_ent[j] in _NON_PLACE_LABELS for j in range(start, end))
        ):
            return False
        if end < len(doc) and _is_cap(doc[end]) and not self.other_ent[start]:
            return False  # the start of a longer name the model did not tag
        if name_key(doc[start:end].text) not in found:
            return False
        self.add(start, end, "gazetteer")
        return True


def _in_org_name(
    doc: Doc,
    start: int,
    end: int,
    ids: tuple[int, ...],
    gaz: Gazetteer,
    other_ent: list[str],
    ent_bounds: list[tuple[int, int]],
) -> bool:
    """A place named inside an organisation's name: "Minnesota Department of
    Transportation", "Bank of Canada", "Lansing City Council"."""
    if other_ent[start] not in _ORG_LABELS or ent_bounds[start] == (start, end):
        return False
    if name_key(doc[start:end].text) in gaz.demonyms:
        return False
    ent_start, ent_end = ent_bounds[start]
    if any(t.text == "&" for t in doc[ent_start:ent_end]) or (
        end < ent_end and not doc[end - 1].whitespace_ and doc[end].text == "-"
    ):
        # A firm named after people ("Stevens & Wilkinson") or one hyphenated word
        # ("Wal-Mart"), not a place in an organisation's name.
        return False
    if ent_end < end:
        return False
    kinds = {gaz.entries[x].kind for x in ids}
    if kinds & {"country", "region", "continent"}:
        return True
    if _acronym(doc, start, end):
        return False  # "IRA ceasefire": an acronym leading a name is the organisation's own
    # A town only as the leading modifier or after "of" ("University of X").
    leading = start == ent_start or (start == ent_start + 1 and doc[ent_start].lower_ == "the")
    after_of = start > ent_start and doc[start - 1].lower_ == "of" and end == ent_end
    return (leading and end < ent_end) or after_of


def _is_dateline(doc: Doc, start: int, end: int) -> bool:
    """A news dateline: "CHATTANOOGA (AP) -", "FREMONT --", "KYIV, Ukraine --"."""
    text = doc[start:end].text
    if not (text.isupper() and len(text) >= 3):
        return False
    if start > 0 and "\n" not in doc[start - 1].text_with_ws and not doc[start].is_sent_start:
        return False
    nxt = doc[end].text if end < len(doc) else ""
    return nxt in ("(", "\u2014", "\u2013", "-", "--", ",", ":")


def _accept_run(
    doc: Doc,
    start: int,
    end: int,
    ids: tuple[int, ...],
    gaz: Gazetteer,
    other_ent: list[str],
    person_words: set[str],
    known: KnownPlaces,
) -> bool:
    """Decide whether a capitalised gazetteer match outside the place entities is a toponym."""
    labels = set(other_ent[start:end]) - {""}
    if labels & _NON_PLACE_LABELS or name_key(doc[start:end].text) in gaz.demonyms:
        return False
    biggest = max(gaz.entries[x].population for x in ids)
    wide = any(gaz.entries[x].kind in ("region", "country") for x in ids)
    if labels <= _PERSON_LABELS and _person_tagged_place(
        doc, start, end, bool(labels), (biggest, wide), person_words, known
    ):
        return True
    if _place_suffix(doc, end):
        return True
    if labels == {"FAC"} and end - start > 1 and wide:
        return True  # the small model calls some regions facilities ("Lower Saxony")
    if labels:
        # The model took it for a person or an organisation: only a locative cue overrides,
        # and not when the name only modifies the cued noun ("in the Lincoln administration")
        # or is an acronym ("angry at the IRA's ceasefire").
        return (
            _cued(doc, start)
            and all(t.pos_ == "PROPN" for t in doc[start:end])
            and not _modifies_an_organisation(doc, end)
            and not (_acronym(doc, start, end) and not wide)
        )
    return _untagged_run_is_place(doc, start, end, gaz, (biggest, wide), known)


def _person_tagged_place(
    doc: Doc,
    start: int,
    end: int,
    tagged: bool,
    size: tuple[int, bool],
    person_words: set[str],
    known: KnownPlaces,
) -> bool:
    """A run tagged as people (or untagged) that is a place all the same.

    1. A joined name whole in the gazetteer ("Viana do Castelo", "Emilia-Romagna"), even
       when the model split it into people.
    2. A lone "person" named like a big city and never part of a full personal name is
       the city: the small model tags unfamiliar toponyms as PERSON.
    """
    biggest, wide = size
    if (
        end - start > 2
        and any(t.text in _PARTICLES or t.text == "-" for t in doc[start + 1 : end - 1])
        and (known.joined_name(biggest) or wide)
    ):
        return True
    return (
        tagged
        and end - start == 1
        and known.lone_name(biggest)
        and doc[start].lower_ not in person_words
        and not doc[start].dep_.startswith("nsubj")
    )


def _place_suffix(doc: Doc, end: int) -> bool:
    """A word after the run that only follows places: "the X direction", "X-based"."""
    after = doc[end] if end < len(doc) else None
    nxt = doc[end + 1] if end + 1 < len(doc) else None
    if after is None:
        return False
    if after.lower_ in _DIRECTION_WORDS or _BASED.match(after.text):
        return True
    return after.text == "-" and nxt is not None and nxt.lower_ == "based"


def _untagged_run_is_place(
    doc: Doc,
    start: int,
    end: int,
    gaz: Gazetteer,
    size: tuple[int, bool],
    known: KnownPlaces,
) -> bool:
    """A run no name covers: proper nouns (a region may open with an adjective: "Lower
    Saxony", "Western Cape") after a locative cue, before ", <region or country>", or,
    not at a sentence start, naming a place of ``lone_name_population`` people."""
    biggest, wide = size
    if not all(t.pos_ == "PROPN" for t in doc[start:end]) and not (
        end - start > 1 and doc[end - 1].pos_ == "PROPN" and wide
    ):
        return False
    if _modifying_acronym(doc, start, end, wide) or _eponym(doc, end, wide, plural=True):
        return False
    if _cued(doc, start):
        return True
    after = doc[end] if end < len(doc) else None
    nxt = doc[end + 1] if end + 1 < len(doc) else None
    if after is not None and after.text == "," and nxt is not None and _is_cap(nxt):
        qual = gaz.lookup(name_key(nxt.text))
        if any(gaz.entries[q].kind in ("country", "region") for q in qual):
            return True
    if doc[start].is_sent_start or _eponym(doc, end, wide):
        return False
    return known.lone_name(biggest)


def _acronym(doc: Doc, start: int, end: int) -> bool:
    text = doc[start].text
    return end - start == 1 and len(text) > 1 and text.isupper()


def _modifying_acronym(doc: Doc, start: int, end: int, wide: bool) -> bool:
    """An untagged acronym modifying another word ("near an IRA-backed club"):
    acronyms name organisations far more often than towns, and a locative cue before the
    phrase is about its head. Countries and regions are exempt."""
    tok = doc[start]
    return (
        not wide
        and _acronym(doc, start, end)
        and tok.dep_ not in ("pobj", "ROOT")
        and tok.head.i != tok.i
    )


def _modified_noun(doc: Doc, end: int) -> Token | None:
    """The word right after a name that the name modifies as a compound ("the Lincoln
    administration", "Kalashnikov rifles")."""
    last = doc[end - 1]
    return last.head if last.dep_ == "compound" and last.head.i == end else None


def _modifies_an_organisation(doc: Doc, end: int) -> bool:
    """A name modifying an organisation's head noun ("the Lincoln administration")."""
    noun = _modified_noun(doc, end)
    return noun is not None and noun.lower_ in _ORGANISATION_HEADS


def _eponym(doc: Doc, end: int, wide: bool, plural: bool = False) -> bool:
    """A name modifying a common noun ("Kalashnikov rifles"): a kind of thing named after
    someone or somewhere, not the place itself. With ``plural`` only a plural noun counts:
    then a locative cue before the phrase is about the things ("in Molotov cocktails"),
    while "near Dnipro airport" stays a place."""
    noun = _modified_noun(doc, end)
    return (
        not wide and noun is not None and noun.pos_ == "NOUN" and (not plural or noun.tag_ == "NNS")
    )


# --------------------------------------------------------------------------- candidates


def _candidates(mention: _Mention, gaz: Gazetteer) -> list[int]:
    if mention.source == "demonym":
        code = gaz.demonyms.get(mention.key)
        idx = gaz.country_of(code) if code else None
        if idx is None:
            hits = gaz.lookup(mention.key)
            return [h for h in hits if gaz.entries[h].kind in ("country", "continent")]
        return [idx]
    if mention.region:
        words = mention.key.split()
        base = " ".join(words[:-1]) if len(words) > 1 else mention.key
        out = [h for h in gaz.lookup(mention.key) if gaz.entries[h].kind in ("region", "district")]
        hits = gaz.lookup_fuzzy(base)
        if words[-1] in _SUBREGION_WORDS:
            # "X County": the county itself, else the town it is usually named after.
            if not out:
                out.extend(h for h in hits if gaz.entries[h].kind in ("district", "city"))
            return list(dict.fromkeys(out))
        for h in hits:
            entry = gaz.entries[h]
            if entry.kind in ("region", "district"):
                out.append(h)
            elif entry.kind == "city":
                region = gaz.region_of(h)
                if region is not None:
                    out.append(region)
        if not out:
            out = list(hits)
        return list(dict.fromkeys(out))
    hits = gaz.lookup(mention.key)
    if not hits and mention.key.startswith("the "):
        hits = gaz.lookup(mention.key[4:])
    if not hits:
        hits = gaz.lookup_fuzzy(mention.key)
    if not hits and mention.key in gaz.demonyms:
        idx = gaz.country_of(gaz.demonyms[mention.key])
        hits = (idx,) if idx is not None else ()
    return list(hits)


def _qualifier(doc: Doc, mention: _Mention, by_start: dict[int, _Mention]) -> _Mention | None:
    """The mention right after "X, " when it is one ("Paris, Texas")."""
    if mention.end < len(doc) and doc[mention.end].text == ",":
        return by_start.get(mention.end + 1)
    return None


@dataclass
class _Context:
    """What the article's other mentions say about where it is (scores of step 3)."""

    votes: Counter[str]  # country -> votes of every mention
    own_votes: dict[str, Counter[str]]  # mention key -> the votes it cast itself
    total: float
    region_votes: Counter[tuple[str, str]]  # (country, admin1) -> regions named outright
    region_total: float
    county_states: dict[str, set[tuple[str, str]]]  # "X county" -> states that have one
    qualifiers: dict[str, set[tuple[str, str]]]  # key -> (country, admin1) of "X, Y"


def _resolve(
    doc: Doc, mentions: list[_Mention], gaz: Gazetteer, demonym_codes: list[str]
) -> dict[str, list[tuple[int, float]]]:
    """Score every candidate of every distinct mention key; return them best first."""
    for m in mentions:
        m.candidates = _candidates(m, gaz)
    votes, own_votes = _country_votes(mentions, gaz, demonym_codes)
    region_votes = _region_votes(mentions, gaz)
    context = _Context(
        votes=votes,
        own_votes=own_votes,
        total=sum(votes.values()) or 1.0,
        region_votes=region_votes,
        region_total=sum(region_votes.values()) or 1.0,
        county_states=_county_states(mentions, gaz),
        qualifiers=_qualifiers(doc, mentions, gaz),
    )
    base: dict[str, list[tuple[int, float]]] = {}
    for m in mentions:
        if (m.key in base and not m.region) or _sense_key(m) in base:
            continue
        base[_sense_key(m)] = _scored(m, gaz, context)
    result = _by_closeness(base, gaz)
    _share_short_forms(mentions, result)
    return result


def _country_votes(
    mentions: list[_Mention], gaz: Gazetteer, demonym_codes: list[str]
) -> tuple[Counter[str], dict[str, Counter[str]]]:
    """Country context: countries named outright, demonyms, and places with one country
    only. A country counts once per mention; any other place once per distinct name.
    Also each name's own votes (a name does not vote for its own sense)."""
    votes: Counter[str] = Counter(c for c in demonym_codes if not c.startswith("cont:"))
    seen_keys: set[str] = set()
    own_votes: dict[str, Counter[str]] = {}
    for m in mentions:
        entries = [gaz.entries[c] for c in m.candidates]
        countries = {e.country for e in entries if e.country}
        own = own_votes.setdefault(m.key, Counter())
        if any(e.kind == "country" for e in entries[:1]):
            # A name shared with a region elsewhere ("Georgia") does not vote.
            if not any(
                gaz.entries[c].kind == "region"
                and gaz.is_primary(m.key, c)
                and gaz.entries[c].country != entries[0].country
                for c in m.candidates
            ):
                votes[entries[0].country] += 1.0
                own[entries[0].country] += 1.0
        elif len(countries) == 1 and m.key not in seen_keys:
            votes[next(iter(countries))] += 0.5
            own[next(iter(countries))] += 0.5
        seen_keys.add(m.key)
    return votes, own_votes


def _region_votes(mentions: list[_Mention], gaz: Gazetteer) -> Counter[tuple[str, str]]:
    """Region context: first-level regions named outright ("Kentucky", "Ky.")."""
    region_votes: Counter[tuple[str, str]] = Counter()
    for m in mentions:
        regions = [c for c in m.candidates if gaz.entries[c].kind == "region"]
        if len(regions) == 1 and (
            m.region or gaz.is_primary(m.key, regions[0]) or len(m.candidates) == 1
        ):
            entry = gaz.entries[regions[0]]
            region_votes[(entry.country, entry.admin1)] += 1.0
    return region_votes


def _county_states(mentions: list[_Mention], gaz: Gazetteer) -> dict[str, set[tuple[str, str]]]:
    """County context: the states that have a county of each county name in the article."""
    return {
        m.key: {
            (gaz.entries[c].country, gaz.entries[c].admin1)
            for c in m.candidates
            if gaz.entries[c].kind == "district"
        }
        for m in mentions
        if m.region and m.key.split()[-1] in _SUBREGION_WORDS
    }


def _qualifiers(
    doc: Doc, mentions: list[_Mention], gaz: Gazetteer
) -> dict[str, set[tuple[str, str]]]:
    """Qualifiers: "X, Y" where Y is a region or country constrains X."""
    by_start = {m.start: m for m in mentions}
    qualifiers: dict[str, set[tuple[str, str]]] = {}
    for m in mentions:
        q = _qualifier(doc, m, by_start)
        if q is None:
            continue
        for c in q.candidates:
            entry = gaz.entries[c]
            if entry.kind == "country":
                qualifiers.setdefault(m.key, set()).add((entry.country, ""))
            elif entry.kind in ("region", "district"):
                qualifiers.setdefault(m.key, set()).add((entry.country, entry.admin1))
    return qualifiers


def _scored(m: _Mention, gaz: Gazetteer, context: _Context) -> list[tuple[int, float]]:
    """The candidates of ``m`` with their scores (module docstring, step 3), best first."""
    primary_cities = [
        gaz.entries[c]
        for c in m.candidates
        if gaz.entries[c].kind == "city" and gaz.is_primary(m.key, c)
    ]
    city_regions = {(e.country, e.admin1) for e in primary_cities}
    # A big city of the same name elsewhere in the country ("Washington").
    big_cities = {e.country for e in primary_cities if e.population >= _BIG_NAMESAKE}
    scored = []
    for c in m.candidates:
        entry = gaz.entries[c]
        score = _W_POPULATION * math.log10(entry.population + 10)
        score += _W_KIND.get(entry.kind, 0.0)
        if (
            entry.kind == "region"
            and not m.region
            and ((entry.country, entry.admin1) in city_regions or entry.country in big_cities)
        ):
            # A region named after its main city ("Vilnius"): the bare name means the city.
            score -= 2 * _W_KIND["region"]
        if gaz.is_primary(m.key, c):
            score += _W_PRIMARY
        score += _context_score(m, c, gaz, context)
        scored.append((c, score))
    scored.sort(key=lambda cs: -cs[1])
    return scored


def _context_score(m: _Mention, c: int, gaz: Gazetteer, context: _Context) -> float:
    """What the rest of the article adds to candidate ``c`` of ``m``: its country's share of
    the other mentions' votes, its region and county, an explicit qualifier."""
    entry = gaz.entries[c]
    own = context.own_votes.get(m.key, Counter())
    rest = context.total - sum(own.values())
    # The other mentions' countries: a name does not vote for its own sense.
    share = 0.0
    if rest > 0:
        share = (context.votes.get(entry.country, 0.0) - own.get(entry.country, 0.0)) / rest
    score = _W_COUNTRY * share
    if entry.kind in ("city", "district"):
        if entry.kind == "city" and any(
            (entry.country, entry.admin1) in states
            for k, states in context.county_states.items()
            if k != m.key
        ):
            # "Decatur" and "DeKalb County": the state that has both.
            score += _W_COUNTY
        local = context.region_votes.get((entry.country, entry.admin1), 0.0)
        score += _W_REGION * local / context.region_total
        if local and gaz.is_primary(m.key, c) and rest > 0 and share >= 0.5:
            # A town of a region the article names, in the country the rest of the
            # article is about, beats a namesake country or city abroad
            # ("Palestine" in a story about Texas).
            score += _W_LOCAL
    for cc, admin1 in context.qualifiers.get(m.key, ()):
        if entry.country == cc and (not admin1 or entry.admin1 == admin1):
            score += _W_QUALIFIER
    return score


def _by_closeness(
    base: dict[str, list[tuple[int, float]]], gaz: Gazetteer
) -> dict[str, list[tuple[int, float]]]:
    """Closeness: a candidate near the best guesses of the other mentions gains."""
    anchors = {k: gaz.entries[v[0][0]] for k, v in base.items() if v}
    local = [(k, a) for k, a in anchors.items() if a.kind in _LOCAL_KINDS]
    # Every candidate against every other mention's anchor, in one array operation per
    # candidate: a long text names hundreds of places.
    lats = numpy.radians([a.lat for _, a in local])
    lons = numpy.radians([a.lon for _, a in local])
    position = {k: n for n, (k, _) in enumerate(local)}
    result: dict[str, list[tuple[int, float]]] = {}
    for key, scored in base.items():
        if len(scored) < 2:
            result[key] = scored
            continue
        own = position.get(key)
        rescored = []
        for c, score in scored:
            entry = gaz.entries[c]
            if len(local) > (own is not None) and entry.kind in _LOCAL_KINDS:
                distances = distances_km(entry.lat, entry.lon, lats, lons)
                if own is not None:
                    distances[own] = numpy.inf
                score += _W_NEAR * math.exp(-float(distances.min()) / _NEAR_KM)
            rescored.append((c, score))
        rescored.sort(key=lambda cs: -cs[1])
        result[key] = rescored
    return result


def _share_short_forms(
    mentions: list[_Mention], result: dict[str, list[tuple[int, float]]]
) -> None:
    """Short forms: "Viana" after "Viana do Castelo" is that place, not a namesake abroad."""
    # The longer names by their first word, in text order: a short form looks only at
    # the names it can begin.
    by_first: dict[str, list[_Mention]] = {}
    for other in mentions:
        first, space, _ = other.key.partition(" ")
        if space and not other.region:
            by_first.setdefault(first, []).append(other)
    for m in mentions:
        if m.region or " " in m.key:
            continue
        for other in by_first.get(m.key, ()):
            if not result.get(other.key) or not _joined_after(other.text, len(m.text)):
                continue
            result[m.key] = result[other.key]
            break


def _joined_after(text: str, cut: int) -> bool:
    """Whether ``text`` goes on after its first ``cut`` characters with a hyphen or a
    lower-case particle ("Viana| do Castelo", "Emilia|-Romagna")."""
    rest = text[cut:]
    if rest.startswith(("-", "\u2011")):
        return True
    words = rest.split()
    return bool(words) and rest[:1].isspace() and words[0] in _PARTICLES


def _sense_key(m: _Mention) -> str:
    return f"{m.key}#region" if m.region else m.key


# --------------------------------------------------------------------------- places


def _build_places(
    article: Article,
    doc: Doc,
    mentions: list[_Mention],
    chosen: dict[str, list[tuple[int, float]]],
    gaz: Gazetteer,
    settings: PlaceSettings,
) -> list[Place]:
    groups: dict[int, dict] = {}
    for m in mentions:
        scored = chosen.get(_sense_key(m)) or []
        if not scored:
            continue
        best = scored[0][0]
        span = (doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1].text))
        group = groups.setdefault(best, {"forms": [], "mentions": [], "scored": scored})
        if m.text not in group["forms"]:
            group["forms"].append(m.text)
        group["mentions"].append(span)
    places: list[Place] = []
    ordered = sorted(groups.items(), key=lambda kv: kv[1]["mentions"][0][0])
    for n, (idx, group) in enumerate(ordered, start=1):
        entry = gaz.entries[idx]
        candidates = [
            PlaceCandidate(
                gazetteer_id=gaz.entries[c].id,
                name=gaz.entries[c].name or group["forms"][0],
                country=gaz.entries[c].country or None,
                lat=gaz.entries[c].lat,
                lon=gaz.entries[c].lon,
                feature=gaz.entries[c].kind,  # type: ignore[arg-type]
                score=round(score, 4),
            )
            for c, score in group["scored"][: settings.max_candidates]
        ]
        places.append(
            Place(
                id=f"P{n}",
                article_id=article.id,
                span=group["mentions"][0],
                stage=STAGE,
                name=group["forms"][0],
                aliases=group["forms"][1:],
                country=entry.country or None,
                lat=entry.lat,
                lon=entry.lon,
                gazetteer_id=entry.id,
                feature=entry.kind,  # type: ignore[arg-type]
                mentions=sorted(group["mentions"]),
                candidates=candidates,
            )
        )
    return places
