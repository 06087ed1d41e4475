"""Entities stage: one record per real-world person or organisation, mentions merged.

Steps:
    1. Mentions from spaCy's named entities (PERSON, ORG, GPE, NORP; a leading "the" and a
       trailing possessive are stripped, titles inside a PERSON span become its role).
    2. NER corrections: the named passes of ``PASSES``, in this order (each one's docstring
       says what it fixes and why; ``[entities] passes`` chooses which run, default all;
       ``_extract(..., corrections=False)`` runs none, for measurement):
       a. ``joined_names``: a name cut at a name particle ("Viana" do "Castelo") or at
          "and" inside a prepositional organisation name is one span; "<Ministry of X>
          and <Ministry of Y>" is two (names cut at a glued hyphen, "Baden" +
          "-Wurttemberg", are joined once for every stage in the parse);
       b. ``span_labels``: a span ending in an organisation head noun, "PMC X", "X Group"
          is ORG; a title word swallowed into an ORG is given back; a one-word PERSON/ORG
          that is a country or a seat of government is GPE (or a government ORG);
       c. ``reporting_subjects``: a capitalised subject of "said" the model missed is a
          PERSON (2-3 proper nouns) or an ORG;
       d. ``titled_names``: two or three proper nouns right after a title are a PERSON;
       e. ``propagated_names``: an untagged repeat of a known surname or one-word name;
       f. ``acronyms``: "Name (ABC)" makes ABC an alias; an untagged acronym of an ORG of
          the text is a mention of it;
       g. ``person_like_orgs``: an ORG written like a personal name with a person signal;
       h. ``named_storms``: "Storm/Hurricane X" and "X" alone are OTHER;
       i. ``surnames_alone``: a one-word GPE/ORG equal to an earlier person's surname;
       j. ``known_places``: a PERSON/ORG with no person evidence that is a known
          populated place where places stand is a GPE;
       k. ``department_words``: "Interior" of "Interior Minister X" is no organisation;
       l. ``particle_names``: "the Diario do Sul newspaper" is one media ORG; a PERSON
          ending in a place after a particle is a place or an organisation;
       m. ``armed_forces``: "Polish troops", "Germany's armed forces" are ORG, kind
          armed_force, with the country.
    3. Country links: demonyms, possessives and "of <country>" on organisations are
       normalised to an ISO 3166 alpha-2 code ("Poland's Armed Forces" and "Polish
       Armed Forces" are both UA + "armed forces").
    4. Roles: a title before the name ("Kremlin spokesman X", "French Foreign Ministry
       spokeswoman X", "acting governor of the Y region X", also before a comma
       apposition: "the country's trade minister, X,") found by walking left over the
       noun phrase the name is a compound/nmod of, and an apposition after it ("X, a
       professor at the University of Vienna"). Titles come from ``data/general/titles.tsv``.
    5. Merge mentions (union-find): same normalised key; surname <-> full name (when only
       one full name has that surname); acronym <-> expansion; organisation prefix/suffix
       ("PMC Redline" / "Redline"); near-duplicate organisation names
       (``_names.similar`` with ``settings.merge_threshold``). Different countries never merge.
    6. One Entity per cluster: name = fullest form, aliases = every other form as written.
    7. Title descriptions: "the president", "the city's new mayor" (a definite noun phrase
       whose head is a title, with no name in it) is another mention of the person named
       last before it, within ``DESCRIPTION_REACH`` sentences, who holds that title.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from dateline.config import EntitySettings
from dateline.records import Article, Entity, Role
from dateline.stages import _names
from dateline.stages._intervals import Intervals
from dateline.stages._name_joins import NAME_LABELS, names_of
from dateline.stages._names import lexicon
from dateline.stages._tokens import tokens_of
from dateline.stages._toponyms import DEFAULT_KNOWN_PLACES, KnownPlaces

NAME = "entities"
VERSION = 1
STAGE = f"{NAME}@{VERSION}"

logger = logging.getLogger(__name__)

_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "NORP": "NORP"}
_WRONG_LABELS = frozenset(
    {
        "DATE",
        "NORP",
        "PRODUCT",
        "CARDINAL",
        "WORK_OF_ART",
        "LOC",
        "FAC",
        "EVENT",
        "LAW",
        "LANGUAGE",
        "TIME",
    }
)
_STOP_LEFT = frozenset({"DATE", "TIME", "CARDINAL", "PERSON", "ORDINAL", "MONEY", "PERCENT"})
_PREP_ORG = frozenset({"at", "of", "with", "for", "in", "from", "to"})
_APOS = ("'s", "\u2019s", "'", "\u2019")
_ORG_END = frozenset({"in", "at", "on", "near", "who", "which", "that", "where"})
_STORMS = frozenset({"storm", "hurricane", "typhoon", "cyclone", "tornado", "tempest"})
_LOCATIVE = frozenset(
    {
        "in", "near", "of", "from", "at", "to", "around", "outside", "across", "into",
        "toward", "towards", "throughout", "between", "inside", "north", "south", "east",
        "west", "via", "through", "off",
    }
)  # fmt: skip
_PERSON_PRONOUNS = frozenset({"he", "she", "i", "we", "you", "they"})
_LIST_JOINERS = frozenset({",", "and", "or", "&"})
# Verbs whose object is typically a place ("visited X", "flooded X").
_PLACE_VERBS = frozenset(
    {
        "visit", "reach", "leave", "enter", "flood", "evacuate", "tour", "bomb", "shell",
        "capture", "seize", "conquer", "recapture", "liberate", "occupy", "encircle",
    }
)  # fmt: skip
# Verbs whose object is a place when a natural force does it ("storms hit X"), and a
# person when a person does ("Y hit X").
_FORCE_VERBS = frozenset(
    {"hit", "strike", "batter", "lash", "ravage", "devastate", "inundate", "engulf"}
)
# Lower-case particles inside personal and place names (Romance, Germanic, Dutch).
_PARTICLES = frozenset(
    {"da", "das", "de", "del", "della", "der", "di", "do", "dos", "du", "van", "von", "den"}
)


@dataclass
class _Mention:
    start: int  # token index
    end: int
    label: str
    written: str  # surface form as written (lower-case "the" dropped)
    core: str  # without any leading "the": the form compared for merging
    country: str | None = None
    rest: str = ""  # the name without its country modifier, for keys
    kind: str | None = None
    roles: list[Role] = field(default_factory=list)
    corrected: bool = False
    head_dep: str = ""
    alias_of: _Mention | None = None  # "(ABC)" right after a name: an alias of that name


def extract_entities(*, article: Article, doc: Doc, settings: EntitySettings) -> list[Entity]:
    """Return one Entity per person, organisation or political entity in the article.

    Args:
        article: the article; spans refer to ``article.text``.
        doc: the spaCy parse of ``article.text``.
        settings: the ``[entities]`` section (``merge_threshold`` for near-duplicates).

    Returns:
        Entities ordered by first mention, ids ``E1``, ``E2``...
    """
    return _extract(article, doc, settings, corrections=True)


def _extract(
    article: Article, doc: Doc, settings: EntitySettings, *, corrections: bool
) -> list[Entity]:
    """The stage with the NER corrections switchable (for the benchmark; not stable API).

    ``corrections=False`` runs none of the passes; otherwise ``settings.passes`` (None:
    all of them) chooses which run, always in the order of ``PASSES``.
    """
    enabled = _enabled_passes(settings) if corrections else frozenset()
    known = KnownPlaces(settings.toponyms)
    mentions = _base_mentions(doc, enabled, known)
    mentions = run_passes(doc, mentions, enabled, known)
    mentions = _with_countries_and_roles(doc, mentions)
    mentions = _drop_unanchored_demonyms(mentions)
    mentions = _drop_places_inside_orgs(mentions)
    clusters = _cluster(mentions, settings.merge_threshold)
    entities = [_entity(article, doc, cluster, i + 1) for i, cluster in enumerate(clusters)]
    if corrections:
        entities = _with_title_descriptions(doc, entities)
    logger.debug("article %s: %d mentions -> %d entities", article.id, len(mentions), len(entities))
    return entities


def _enabled_passes(settings: EntitySettings) -> frozenset[str]:
    return frozenset(PASS_NAMES if settings.passes is None else settings.passes)


def run_passes(
    doc: Doc,
    mentions: list[_Mention],
    enabled: frozenset[str],
    known: KnownPlaces = DEFAULT_KNOWN_PLACES,
) -> list[_Mention]:
    """Run the enabled mention passes of ``PASSES`` in order (not stable API).

    Each pass receives a copy of the mentions, so a pass never changes the list it was
    given: a pass is a function from mentions to mentions, testable on its own. Passes
    that retype places also receive the ``[toponyms]`` test ``known``.
    """
    for entity_pass in PASSES:
        if entity_pass.name not in enabled or entity_pass.run is None:
            continue
        if entity_pass.asks_places:
            mentions = entity_pass.run(doc, _copied(mentions), known)
        else:
            mentions = entity_pass.run(doc, _copied(mentions))
    return sorted(mentions, key=lambda m: m.start)


def _copied(mentions: list[_Mention]) -> list[_Mention]:
    """Fresh mention objects (roles are frozen records: shared), ``alias_of`` re-pointed
    to the copy of its target. Cheaper than ``copy.deepcopy`` by a quarter of the stage."""
    twins = {id(m): _twin(m) for m in mentions}
    for twin in twins.values():
        if twin.alias_of is not None:
            twin.alias_of = twins.get(id(twin.alias_of), twin.alias_of)
    return [twins[id(m)] for m in mentions]


def _twin(m: _Mention) -> _Mention:
    # Field by field through __dict__: dataclasses.replace re-runs __init__ and cost as
    # much as the passes themselves.
    twin = object.__new__(_Mention)
    twin.__dict__.update(m.__dict__)
    twin.roles = list(m.roles)
    return twin


def _with_countries_and_roles(doc: Doc, mentions: list[_Mention]) -> list[_Mention]:
    """Country codes and country-free names on every mention; roles on persons."""
    mentions = _copied(mentions)
    stop_left = frozenset(t.i for e in doc.ents if e.label_ in _STOP_LEFT for t in e)
    for m in mentions:
        _link_country(doc, m)
        if m.label == "PERSON":
            m.roles.extend(_roles(doc, m, stop_left))
    return mentions


def _drop_places_inside_orgs(mentions: list[_Mention]) -> list[_Mention]:
    """ "Poland" in "Poland's Armed Forces" is part of the organisation's mention now."""
    orgs = _Coverage(m for m in mentions if m.label == "ORG")
    return [
        m
        for m in mentions
        if m.label not in ("GPE", "NORP")
        or not any(o.start <= m.start and m.end <= o.end for o in orgs.overlapping(m.start, m.end))
    ]


# --------------------------------------------------------------------------- mentions


def _make(doc: Doc, start: int, end: int, label: str, corrected: bool = False) -> _Mention | None:
    # Drop a leading determiner and a trailing possessive from the token range.
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and (doc[end - 1].text in _APOS or doc[end - 1].is_punct):
        end -= 1
    if start >= end:
        return None
    span = doc[start:end]
    written = span.text
    prev = doc[start - 1] if start > 0 else None
    if prev is not None and prev.text == "The" and label == "ORG" and prev.i != prev.sent.start:
        written = f"The {written}"  # "The New York Times" as written, mid-sentence
    return _Mention(
        start=start,
        end=end,
        label=label,
        written=written,
        core=span.text,
        corrected=corrected,
        head_dep=span.root.dep_,
    )


def _base_mentions(
    doc: Doc, enabled: frozenset[str], known: KnownPlaces = DEFAULT_KNOWN_PLACES
) -> list[_Mention]:
    """Mentions from the model's entity spans, with the two span passes when enabled."""
    surnames = {e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1}
    if "joined_names" in enabled:
        spans = _joined_ents(doc, known)
    else:
        spans = names_of(doc)
    out: list[_Mention] = []
    for start, end, model_label in spans:
        label, corrected = _LABELS.get(model_label), False
        if "span_labels" in enabled:
            start, end, label, corrected = _corrected_span(doc, start, end, model_label, surnames)
        if label is None:
            continue
        if label == "PERSON":
            start = _strip_titles(doc, start, end)
        m = _make(doc, start, end, label, corrected)
        if m is not None:
            out.append(m)
    return out


def _corrected_span(
    doc: Doc, start: int, end: int, model_label: str, surnames: set[str]
) -> tuple[int, int, str | None, bool]:
    """The ``span_labels`` pass on one model span: its corrected bounds and label."""
    lex = lexicon()
    label, corrected = _LABELS.get(model_label), False
    last = doc[end - 1].lower_
    if (
        label != "ORG"
        and (last in lex.head_nouns or _names.stem(last) in lex.head_nouns)
        and model_label != "GPE"
        and end - start > 1
        and _name_like(doc[start:end])
    ):
        label, corrected = "ORG", True
    if start > 0 and doc[start - 1].lower_ in lex.org_prefixes and label is not None:
        start, label, corrected = start - 1, "ORG", True
    if end < len(doc) and doc[end].lower_ in lex.org_suffixes and doc[end].is_title and label:
        end, label, corrected = end + 1, "ORG", True
    if label == "ORG":
        end = _give_back_title(doc, start, end)
    if label in ("PERSON", "ORG") and end - start == 1 and doc[start].text not in surnames:
        code = _names.country_of(doc[start].text)  # "Jordan" alone, not of "Jim Jordan"
        if code is not None:
            metonym = doc[start].lower_ in lex.metonyms
            label, corrected = ("ORG" if metonym else "GPE"), True
    return start, end, label, corrected


def _org_conjunct_end(doc: Doc, start: int, end: int, nxt: tuple[int, int, str] | None) -> int:
    """End of "<Org of X> and <Y ... Head>" when the model cut the name at "and" (0 if not).

    Only a prepositional name ("Federation of X", "Department of X") continues across
    "and", and the conjunct must not begin with a head noun of its own ("Ministry of X and
    Ministry of Y" are two organisations).
    """
    lex = lexicon()
    if end + 1 >= len(doc) or doc[end].lower_ != "and" or not doc[end + 1].text[:1].isupper():
        return 0
    if not any(t.lower_ in ("of", "for") for t in doc[start:end]):
        return 0
    first = doc[end + 1].lower_
    if first in lex.head_nouns or _names.stem(first) in lex.head_nouns:
        return 0
    if nxt is not None and nxt[0] == end + 1 and nxt[2] == "ORG":
        return nxt[1]
    j = end + 1
    while j < len(doc) and j - end <= 4 and doc[j].text[:1].isupper() and not doc[j].ent_type_:
        j += 1
        low = doc[j - 1].lower_
        if low in lex.head_nouns or _names.stem(low) in lex.head_nouns:
            return j
    # "Ministry of Culture and Sport": one or two capitalised words ending the name.
    if j - end - 1 in (1, 2) and (j >= len(doc) or not doc[j].text[:1].isupper()):
        if doc[start].lower_ in lex.head_nouns or _names.stem(doc[start].lower_) in lex.head_nouns:
            return j
    return 0


def _joined_ents(doc: Doc, known: KnownPlaces = DEFAULT_KNOWN_PLACES) -> list[tuple[int, int, str]]:
    """The model's entity spans, re-joined where the tokenizer or the model cut a name.

    (Names cut at a glued hyphen are joined once for every stage, in the parse.)
    1. at a lower-case name particle between two capitalised names ("Viana do Castelo",
       "Ursula von der Leyen");
    2. at "and" inside a prepositional organisation name (``_org_conjunct_end``).
    A joined span containing a GPE part is a GPE.
    """
    ents = names_of(doc)
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(ents):
        start, end, label = ents[i]
        labels = [label]
        while True:
            nxt = ents[i + 1] if i + 1 < len(ents) else None
            if nxt is not None and label in NAME_LABELS and _particle_gap(doc, end, nxt):
                end, i = nxt[1], i + 1
                labels.append(nxt[2])
                continue
            place_end = _place_particle_end(doc, start, end, nxt, known)
            if place_end:
                end = place_end
                labels.append("GPE")
                continue
            if label == "ORG":
                joined = _org_conjunct_end(doc, start, end, nxt)
                if joined:
                    if nxt is not None and nxt[0] < joined:
                        i += 1
                    end = joined
                    continue
            break
        if len(labels) > 1 and "GPE" in labels:
            label = "GPE"
        out.extend(_split_org_pair(doc, start, end, label))
        i += 1
    return out


def _particle_gap(doc: Doc, end: int, nxt: tuple[int, int, str]) -> bool:
    """Only lower-case name particles ("do", "von der") between a name ending at ``end``
    and the capitalised name span ``nxt``."""
    return (
        nxt[2] in NAME_LABELS
        and 0 < nxt[0] - end <= 2
        and all(t.lower_ in _PARTICLES and t.text.islower() for t in doc[end : nxt[0]])
        and doc[nxt[0]].text[:1].isupper()
    )


def _place_particle_end(
    doc: Doc, start: int, end: int, nxt: tuple[int, int, str] | None, known: KnownPlaces
) -> int:
    """End of "<Name> do <Word>" when the words after the particle are untagged and the
    whole is a known populated place ("Mato Grosso do Sul"); 0 if not."""
    if end + 1 >= len(doc) or doc[end].lower_ not in _PARTICLES or not doc[end].text.islower():
        return 0
    j = end + 1
    while j < len(doc) and j - end <= 3 and doc[j].text[:1].isupper() and not doc[j].ent_type_:
        j += 1
    if j == end + 1 or (nxt is not None and nxt[0] < j):
        return 0
    return j if known(doc[start:j].text) else 0


def _split_org_pair(doc: Doc, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """Split an ORG span "<Head of X> and <Head of Y>" the model tagged as one organisation
    ("Ministry of Health and Ministry of Education"): both sides begin with a head noun."""
    lex = lexicon()

    def head(i: int) -> bool:
        low = doc[i].lower_
        return doc[i].text[:1].isupper() and (
            low in lex.head_nouns or _names.stem(low) in lex.head_nouns
        )

    if label == "ORG":
        first = start + 1 if doc[start].lower_ == "the" else start
        for k in range(first + 1, end - 1):
            if doc[k].lower_ == "and" and head(first) and head(k + 1):
                return [(start, k, label), (k + 1, end, label)]
    return [(start, end, label)]


def _name_like(span: Span) -> bool:
    """Every word capitalised (or a stop word) and no clause punctuation: a name."""
    stop = lexicon().stopwords
    return all(
        (t.text[:1].isupper() or t.lower_ in stop or t.text in ("-", "&", "."))
        and t.text not in (":", ";", ",", '"', "\u201c", "\u201d")
        for t in span
    )


def _give_back_title(doc: Doc, start: int, end: int) -> int:
    """Shorten an ORG whose last words begin a title continuing after it."""
    tokens = [t.text for t in doc[start : min(len(doc), end + 4)]]
    for i in range(1, end - start):
        n = _names.title_at(tokens, i)
        if n and start + i + n > end:
            return start + i
    return end


def _strip_titles(doc: Doc, start: int, end: int) -> int:
    """Move titles written inside a PERSON span ("President Joe Biden") out of it."""
    lex = lexicon()
    tokens = [t.text for t in doc[start:end]]
    i = 0
    while i < len(tokens) - 1:
        n = _names.title_at(tokens, i)
        if n == 0 and tokens[i].lower() in lex.role_modifiers:
            n = 1
        if n == 0 or i + n >= len(tokens):
            break
        i += n
    return start + i


class _Coverage:
    """Mentions by the tokens they cover (not stable API).

    Asking which mentions overlap a token range costs the length of the range, not the
    number of mentions: the passes ask once per candidate name, so a scan of every
    mention there made the stage quadratic in the article's length.
    """

    def __init__(self, mentions: Iterable[_Mention] = ()) -> None:
        self._at: dict[int, list[_Mention]] = {}
        for m in mentions:
            self.add(m)

    def add(self, m: _Mention) -> None:
        for i in range(m.start, m.end):
            self._at.setdefault(i, []).append(m)

    def remove(self, m: _Mention) -> None:
        for i in range(m.start, m.end):
            self._at[i] = [other for other in self._at.get(i, []) if other is not m]

    def overlapping(self, start: int, end: int) -> list[_Mention]:
        """The mentions that share a token with ``[start, end)``, each once."""
        found: dict[int, _Mention] = {}
        for i in range(start, end):
            for m in self._at.get(i, ()):
                found.setdefault(id(m), m)
        return list(found.values())


def _overlaps(coverage: _Coverage, start: int, end: int) -> bool:
    return bool(coverage.overlapping(start, end))


def _add_reporting_subjects(doc: Doc, mentions: list[_Mention]) -> list[_Mention]:
    """Capitalised subjects of reporting verbs that the model missed or mislabelled."""
    lex = lexicon()
    out = list(mentions)
    coverage = _Coverage(out)
    for token in tokens_of(doc):
        if token.pos_ != "VERB" or token.lemma_.lower() not in lex.reporting_verbs:
            continue
        for subj in token.children:
            if subj.dep_ not in ("nsubj", "nsubjpass") or subj.pos_ not in ("PROPN", "NOUN"):
                continue
            start = subj.i
            while (
                start > 0
                and doc[start - 1].dep_ in ("compound", "amod")
                and doc[start - 1].head.i >= start
                and _capitalised(doc[start - 1])
            ):
                start -= 1
            end = subj.i + 1
            if not all(_capitalised(t) for t in doc[start:end]):
                continue
            inside = coverage.overlapping(start, end)
            if (
                inside
                and all(m.label == "NORP" and start <= m.start and m.end <= end for m in inside)
                and end - start > 1
            ):
                # "Lithuanian" tagged NORP inside "Lithuanian Volunteer Corps said": the whole
                # subject is the name.
                out = [m for m in out if m not in inside]
                for m in inside:
                    coverage.remove(m)
            elif inside:
                _relabel_speaking_org(coverage.overlapping(subj.i, subj.i + 1), subj)
                continue
            last = doc[end - 1].lower_
            single = end - start == 1
            if (
                single
                and last not in lex.head_nouns
                and (subj.pos_ != "PROPN" or _names.country_of(subj.text))
            ):
                continue
            has_org_word = last in lex.head_nouns or any(
                _names.country_of(t.text) for t in doc[start:end]
            )
            # A lone proper noun that says things is most often a person's surname
            # ("Stumpf said"); an all-capitals one an organisation's acronym.
            label = (
                "ORG"
                if has_org_word or end - start > 3 or _names.is_acronym(subj.text)
                else "PERSON"
            )
            m = _make(doc, start, end, label, corrected=True)
            if m is not None:
                out.append(m)
                coverage.add(m)
    return out


def _relabel_speaking_org(mentions: list[_Mention], subj: Token) -> None:
    """A one-word ORG with no organisation cue that says things is a person ("X said")."""
    for m in mentions:
        if (
            m.start == subj.i
            and m.end == subj.i + 1
            and m.label == "ORG"
            and subj.pos_ == "PROPN"
            and not _names.is_acronym(subj.text)
            and _names.org_kind(subj.text) == "other"
            and subj.lower_ not in lexicon().head_nouns
            and not _names.country_of(subj.text)
        ):
            m.label, m.corrected = "PERSON", True


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper()


def _armed_force_mentions(doc: Doc, mentions: list[_Mention]) -> list[_Mention]:
    """'Polish troops', "Germany's armed forces": the country's armed forces as an ORG."""
    lex = lexicon()
    out: list[_Mention] = []
    named = _Coverage(m for m in mentions if m.label not in ("NORP", "GPE"))
    for token in tokens_of(doc):
        low = token.lower_
        if low not in lex.armed_generic or token.pos_ not in ("NOUN", "PROPN"):
            continue
        if token.dep_ in ("compound", "amod") or (
            token.i + 1 < len(doc) and doc[token.i + 1].pos_ in ("NOUN", "PROPN")
        ):
            continue  # "military leaders": a modifier, not the force itself
        start = token.i
        if start > 0 and doc[start - 1].lower_ == "armed":
            start -= 1
        if start == 0:
            continue
        before = doc[start - 1]
        if before.text in _APOS and start > 1 and _names.country_of_name(doc[start - 2].text):
            first = start - 2
        elif _names.country_of_demonym(before.text):
            first = start - 1
        else:
            continue
        if _overlaps(named, first, token.i + 1):
            continue
        m = _make(doc, first, token.i + 1, "ORG", corrected=True)
        if m is not None:
            m.kind = "armed_force"
            out.append(m)
            named.add(m)
    return out


def _add_titled_names(doc: Doc, mentions: list[_Mention]) -> list[_Mention]:
    """Two or three capitalised proper nouns right after a title word are a PERSON
    ("governor of the X region Alexei Y") when the model tagged nothing there."""
    out = list(mentions)
    coverage = _Coverage(out)
    n = len(doc)
    for token in tokens_of(doc):
        if not _names.title_at([token.text], 0) or token.i + 2 > n:
            continue
        start = token.i + 1
        # Skip "of the X region": the name follows the title's complement.
        j = start
        if j < n and doc[j].lower_ == "of":
            j += 1
            while (
                j < n
                and j - start < 6
                and doc[j].pos_ in ("DET", "PROPN", "NOUN", "ADJ")
                and not (
                    doc[j].pos_ == "PROPN"
                    and doc[j].ent_type_ == ""
                    and j + 1 < n
                    and doc[j + 1].pos_ == "PROPN"
                    and doc[j + 1].ent_type_ == ""
                )
            ):
                j += 1
        end = j
        while end < n and end - j < 3 and doc[end].pos_ == "PROPN" and _capitalised(doc[end]):
            end += 1
        if end - j < 2 or _overlaps(coverage, j, end):
            continue
        if any(t.ent_type_ and t.ent_type_ not in _WRONG_LABELS for t in doc[j:end]):
            continue
        m = _make(doc, j, end, "PERSON", corrected=True)
        if m is not None:
            out.append(m)
            coverage.add(m)
    return out


def _propagate_names(doc: Doc, mentions: list[_Mention]) -> list[_Mention]:
    """A capitalised word equal to a known person's surname, or to a one-word PERSON/ORG
    name, is another mention of it where the model tagged nothing ("Trump took...")."""
    surnames: dict[str, str] = {}
    given: dict[str, str] = {}  # surname -> the word before it in the full name
    for m in mentions:
        if m.label == "PERSON" and m.end - m.start > 1 and m.core[:1].isupper():
            surnames[doc[m.end - 1].text] = "PERSON"
            given[doc[m.end - 1].text] = doc[m.end - 2].text
    for m in mentions:
        if (
            m.label in ("PERSON", "ORG")
            and m.end - m.start == 1
            and len(m.core) > 1
            and m.core[:1].isupper()
        ):
            surnames.setdefault(m.core, m.label)
    if not surnames:
        return mentions
    covered = {i for m in mentions for i in range(m.start, m.end)}
    out = list(mentions)
    for token in tokens_of(doc):
        label = surnames.get(token.text)
        if label is None or token.i in covered or token.pos_ not in ("PROPN", "NOUN"):
            continue
        if token.ent_type_ and token.ent_type_ not in _WRONG_LABELS:
            continue
        start = token.i
        if start > 0 and given.get(token.text) == doc[start - 1].text and start - 1 not in covered:
            start -= 1  # the full name again: "Jane Doe" where only "Doe" was known
        m = _make(doc, start, token.i + 1, label, corrected=True)
        if m is not None:
            out.append(m)
    return out


def _add_acronyms(doc: Doc, mentions: list[_Mention]) -> list[_Mention]:
    """Acronyms of organisations named in the text.

    1. "Name (ABC)": the acronym in parentheses right after a name is an alias of it,
       whatever its letters (``alias_of``);
    2. an untagged all-capitals word that abbreviates a multi-word ORG of the text
       (``_abbreviates``) is a mention of that organisation ("the ABC launched...").
    """
    out = list(mentions)
    by_start = {m.start: m for m in out}
    for m in list(out):
        i = m.end
        if (
            m.label in ("ORG", "PERSON", "OTHER")
            and i + 2 < len(doc)
            and doc[i].text == "("
            and doc[i + 2].text == ")"
            and _names.is_acronym(doc[i + 1].text)
        ):
            acro = by_start.get(i + 1)
            if acro is None:
                acro = _make(doc, i + 1, i + 2, "ORG" if m.label != "OTHER" else "OTHER", True)
                if acro is None:
                    continue
                out.append(acro)
                by_start[acro.start] = acro
            acro.alias_of = m
    orgs = [m for m in out if m.label == "ORG" and m.end - m.start > 1]
    if not orgs:
        return out
    covered = {i for m in out for i in range(m.start, m.end)}
    expands: dict[str, bool] = {}  # an acronym repeats: test it against the names once
    for token in tokens_of(doc):
        if (
            token.i in covered
            or token.pos_ not in ("PROPN", "NOUN")
            or len(token.text) < 3
            or not _names.is_acronym(token.text)
        ):
            continue
        if token.text not in expands:
            expands[token.text] = any(_abbreviates(token.text, o.core) for o in orgs)
        if expands[token.text]:
            m = _make(doc, token.i, token.i + 1, "ORG", corrected=True)
            if m is not None:
                out.append(m)
    return out


def _abbreviates(short: str, long: str) -> bool:
    """``short`` is the acronym of ``long``: all its initials or its content words' initials,
    or (3+ letters) the start of those covering at least half of them (an acronym often
    drops a second conjunct: "Federation of A B and C D Societies" -> "FAB")."""
    if len(long.split()) < 2:
        return False
    bare = short.replace(".", "")
    for full in _names.initials(long):
        if bare == full:
            return True
        if len(bare) >= 3 and full.startswith(bare) and 2 * len(bare) >= len(full):
            return True
    return False


def _person_like_orgs(doc: Doc, mentions: list[_Mention], known: KnownPlaces) -> list[_Mention]:
    """A multi-word ORG that looks like a person's name (``_person_like``) is a PERSON."""
    singles = _single_words(doc, mentions)
    positions: dict[str, list[int]] = {}
    for t in tokens_of(doc):
        positions.setdefault(t.text, []).append(t.i)
    for m in mentions:
        if m.label == "ORG" and _person_like(doc, m, singles, known, positions):
            m.label, m.corrected = "PERSON", True
    return mentions


def _single_words(doc: Doc, mentions: list[_Mention]) -> Counter[str]:
    return Counter(doc[m.start].text for m in mentions if m.end - m.start == 1)


def _named_storms(doc: Doc, mentions: list[_Mention]) -> list[_Mention]:
    """ "Storm/Hurricane X" (or "Storm" right before a PERSON "X") is a named storm
    (OTHER), and so is a one-word PERSON "X" anywhere in the text."""
    storms: set[str] = set()
    for m in mentions:
        if m.label != "PERSON":
            continue
        if doc[m.start].lower_ in _STORMS and m.end - m.start > 1:
            storms.add(doc[m.end - 1].text)
            m.label, m.corrected = "OTHER", True
        elif m.start > 0 and doc[m.start - 1].lower_ in _STORMS:
            storms.add(doc[m.end - 1].text)
            m.start -= 1
            m.written = m.core = doc[m.start : m.end].text
            m.label, m.corrected = "OTHER", True
    for m in mentions:
        if m.end - m.start == 1 and m.label == "PERSON" and doc[m.start].text in storms:
            m.label, m.corrected = "OTHER", True
    return mentions


def _full_name_starts(doc: Doc, mentions: list[_Mention]) -> dict[str, int]:
    """Surname -> start of its first full-name PERSON mention; not a word ending a
    multi-word place of the text ("North X"), nor a mistagged country ("North Korea")."""
    firsts: dict[str, int] = {}
    for m in mentions:
        if (
            m.label == "PERSON"
            and m.end - m.start > 1
            and m.core[:1].isupper()
            and not _names.country_of(m.core)
        ):
            key = doc[m.end - 1].text
            firsts[key] = min(firsts.get(key, m.start), m.start)
    place_ends = {doc[m.end - 1].text for m in mentions if m.label == "GPE" and m.end - m.start > 1}
    for word in place_ends:
        firsts.pop(word, None)
    return firsts


def _surnames_alone(doc: Doc, mentions: list[_Mention]) -> list[_Mention]:
    """A one-word GPE/ORG equal to the surname of a person named in full earlier is that
    person ("Prime Minister Ana Lima ... Lima said"), unless a place preposition governs
    it: the model often tags a surname used alone as a place or an organisation."""
    firsts = _full_name_starts(doc, mentions)
    for m in mentions:
        if (
            m.end - m.start == 1
            and m.label in ("GPE", "ORG")
            and firsts.get(doc[m.start].text, len(doc)) < m.start
            and not _locative(doc[m.start])
        ):
            m.label, m.corrected = "PERSON", True
    return mentions


def _known_places(doc: Doc, mentions: list[_Mention], known: KnownPlaces) -> list[_Mention]:
    """A PERSON/ORG with no person evidence (``_person_evidence``, on any mention of the
    same name) is a GPE when the same name is tagged GPE elsewhere in the text, or when it
    stands where places stand (``_place_context``: "in X", "near X", "visited X", "A, B
    and X" with A a place; not a modifier: "the X family") and is a known populated place.
    The small model tags many towns as people or organisations."""
    singles = _single_words(doc, mentions)
    firsts = _full_name_starts(doc, mentions)
    gpe_cores = {m.core for m in mentions if m.label == "GPE"}
    gpe_tokens = {i for m in mentions if m.label == "GPE" for i in range(m.start, m.end)}
    # Evidence for one mention of a name holds for all its mentions ("Mr. X" ... "X").
    people = {
        m.core
        for m in mentions
        if m.label in ("PERSON", "ORG") and _person_evidence(doc, m, firsts, singles)
    }
    for m in mentions:
        if (
            m.label not in ("PERSON", "ORG")
            or m.core in people
            or _names.is_acronym(m.core)
            or _org_head(doc[m.end - 1].lower_)
        ):
            continue
        listed = _listed_with_place(doc, m, gpe_tokens)
        if m.core in gpe_cores or (
            (listed or _place_context(doc[m.start : m.end].root, gpe_tokens))
            # Next to another place, a transliteration variant of a known place will do.
            and known(m.core, fuzzy=listed)
        ):
            m.label, m.corrected = "GPE", True
            gpe_tokens.update(range(m.start, m.end))
    return mentions


def _drop_department_words(doc: Doc, mentions: list[_Mention]) -> list[_Mention]:
    """Drop ORG tags on the department word of a title (``_department_word``)."""
    return [m for m in mentions if not _department_word(doc, m)]


def _armed_forces(doc: Doc, mentions: list[_Mention]) -> list[_Mention]:
    """Add "Polish troops"-like armed forces; a demonym inside one belongs to it now."""
    forces = _armed_force_mentions(doc, mentions)
    coverage = _Coverage(forces)
    return [m for m in mentions if not _overlaps(coverage, m.start, m.end)] + forces


def _person_like(
    doc: Doc,
    m: _Mention,
    singles: Counter[str],
    known: KnownPlaces,
    positions: dict[str, list[int]],
) -> bool:
    """A 2-3 word ORG written like a personal name ("Ana Lima") with a person signal: its
    last word used alone elsewhere, or a title before it or in an apposition after it.
    ``positions``: each word's token indexes, so the surname is looked up, not scanned for."""
    lex = lexicon()
    span = doc[m.start : m.end]
    if not 2 <= len(span) <= 3 or m.corrected:
        return False
    for t in span:
        low = t.lower_
        if (
            not (t.is_alpha and t.is_title)
            or t.pos_ != "PROPN"
            or low in lex.stopwords
            or low in lex.head_nouns
            or _names.stem(low) in lex.head_nouns
            or low in lex.org_prefixes
            or low in lex.org_suffixes
            # A capital is also a given name ("Washington", "Paris"); a country is not.
            or _names.country_of_name(t.text)
            or _names.country_of_demonym(t.text)
        ):
            return False
    if _names.org_kind(m.core) != "other" or known(m.core):
        return False
    if singles[span[-1].text] > 0 or _titled(doc, m.start) or _appos_title(doc, m.end):
        return True
    # The surname alone: not inside another writing of the full name, nor of another name.
    last = span[-1].text
    # It must read as a person there: tagged PERSON, or a proper-noun subject.
    return any(
        not (m.start <= t.i < m.end)
        and (t.ent_type_ == "PERSON" or (t.pos_ == "PROPN" and t.dep_ == "nsubj"))
        and not (t.i > 0 and doc[t.i - 1].text[:1].isupper() and doc[t.i - 1].pos_ == "PROPN")
        and not (t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN")
        for t in (doc[i] for i in positions.get(last, ()))
    )


def _is_particle(token: Token) -> bool:
    return token.lower_ in _PARTICLES and token.text.islower()


def _particle_names(doc: Doc, mentions: list[_Mention], known: KnownPlaces) -> list[_Mention]:
    """Names with a lower-case particle between capitalised words (corrections).

    1. Before a news-outlet noun ("the Diario do Sul newspaper"): the whole capitalised run
       is one media organisation, replacing the pieces the model tagged.
    2. A PERSON whose words after the particle are a known populated place ("Transportes
       de <City>") is a place when the whole name is one, else an organisation; not when a
       title, an apposition or the surname alone marks a person.
    """
    lex = lexicon()
    out = list(mentions)
    for token in tokens_of(doc):
        if token.lower_ not in lex.media_heads or token.i == 0:
            continue
        start = token.i
        while start > token.sent.start and (
            _capitalised(doc[start - 1]) or _is_particle(doc[start - 1])
        ):
            start -= 1
        while start < token.i and (not _capitalised(doc[start]) or doc[start].lower_ == "the"):
            start += 1
        span = doc[start : token.i]
        if len(span) < 3 or not any(_is_particle(t) for t in span[1:-1]):
            continue
        if not (_capitalised(span[0]) and _capitalised(span[-1])):
            continue
        media = _make(doc, start, token.i, "ORG", corrected=True)
        if media is None:
            continue
        media.kind = "media"
        out = [m for m in out if not (m.start < token.i and start < m.end)] + [media]
    singles = Counter(doc[m.start].text for m in out if m.end - m.start == 1)
    for m in out:
        span = doc[m.start : m.end]
        if m.label != "PERSON" or len(span) < 3:
            continue
        cut = next((t.i for t in span[1:-1] if _is_particle(t)), None)
        if cut is None or not known(doc[cut + 1 : m.end].text):
            continue
        if singles[span[-1].text] > 0 or _titled(doc, m.start) or _appos_title(doc, m.end):
            continue
        m.label = "GPE" if known(m.core) else "ORG"
        m.corrected = True
    return out


def _department_word(doc: Doc, m: _Mention) -> bool:
    """An ORG tag on the department word of a title ("Interior" in "Interior Minister X"):
    part of the role, not an organisation. A name with an organisation head noun ("Labour
    Party secretary"), a country, a seat of government or an acronym ("EU Commissioner")
    stays an organisation."""
    if m.label != "ORG" or m.end >= len(doc) or m.corrected:
        return False
    lex = lexicon()
    if doc[m.end].lower_ not in lex.department_titles:
        return False
    span = doc[m.start : m.end]
    return not (
        _org_head(span[-1].lower_)
        or _names.is_acronym(m.core)
        or m.core.lower() in lex.metonyms
        or _names.country_of(m.core)
        or any(not t.is_alpha or not t.is_title for t in span)
    )


def _titled(doc: Doc, start: int) -> bool:
    """A title ends right before token ``start`` ("Mayor X", "Prime Minister X")."""
    # "Mr." is written with a dot; the titles list has "mr".
    tokens = [t.text.rstrip(".") or t.text for t in doc[max(0, start - 4) : start]]
    return any(_names.title_at(tokens, len(tokens) - k) == k for k in range(1, len(tokens) + 1))


def _locative(token: Token) -> bool:
    """The object of a place preposition ("in X", "near X"), directly or as a conjunct."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    while token.dep_ in ("compound", "appos") and token.head.i != token.i:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in _LOCATIVE


def _org_head(word: str) -> bool:
    """An organisation head noun ("party", "ministry", "studios")."""
    lex = lexicon()
    return word in lex.head_nouns or _names.stem(word) in lex.head_nouns


def _listed_with_place(doc: Doc, m: _Mention, gpe_tokens: set[int]) -> bool:
    """The mention sits in a list next to a place: "A, B and X", "X and A" (read on the
    tokens, since the parser often misattaches long coordinations)."""
    root = doc[m.start : m.end].root
    if root.dep_ == "conj" and root.head.i in gpe_tokens:
        return True
    i = m.start - 1
    while i >= 0 and m.start - i <= 2 and doc[i].lower_ in _LIST_JOINERS:
        i -= 1
    if i < m.start - 1 and i in gpe_tokens:
        return True
    j = m.end
    while j < len(doc) and j - m.end < 2 and doc[j].lower_ in _LIST_JOINERS:
        j += 1
    return j > m.end and j in gpe_tokens


def _place_context(token: Token, gpe_tokens: set[int]) -> bool:
    """The token stands where a place stands: the object of a place preposition, the
    object of a verb of movement ("visited X"), or a conjunct of a place ("A and X").
    A noun modifier ("the X family", "an X poll") is not a place."""
    if token.dep_ in ("compound", "nmod", "amod"):
        return False
    if _locative(token):
        return True
    if token.dep_ == "conj" and token.head.i in gpe_tokens:
        return True
    if any(c.dep_ == "conj" and c.i in gpe_tokens for c in token.children):
        return True
    verb = token.head.lemma_.lower()
    if token.dep_ != "dobj" or verb not in _PLACE_VERBS | _FORCE_VERBS:
        return False
    if verb in _PLACE_VERBS:
        return True
    return not any(
        c.dep_ == "nsubj" and (c.ent_type_ == "PERSON" or c.lower_ in _PERSON_PRONOUNS)
        for c in token.head.children
    )


def _person_evidence(doc: Doc, m: _Mention, firsts: dict[str, int], singles: Counter[str]) -> bool:
    """Signals that a name tagged PERSON/ORG is a person: the surname of a full name in the
    text, the last word of it used alone, a title before it, a role apposition after it,
    or it says something (subject of a reporting verb)."""
    span = doc[m.start : m.end]
    if len(span) == 1 and span[0].text in firsts:
        return True
    if len(span) > 1 and singles[span[-1].text] > 0:
        return True
    if _titled(doc, m.start) or _appos_title(doc, m.end) is not None:
        return True
    root = span.root
    return (
        root.dep_ in ("nsubj", "nsubjpass")
        and root.head.lemma_.lower() in lexicon().reporting_verbs
    )


def _drop_unanchored_demonyms(mentions: list[_Mention]) -> list[_Mention]:
    """Keep a demonym adjective ("Russian") only as an alias of a country the text names;
    keep a group named as a noun ("Republicans", "Russians"): it can act and speak."""
    named = {m.country for m in mentions if m.label == "GPE" and m.country}
    return [
        m
        for m in mentions
        if m.label != "NORP"
        or (m.country is not None and m.country in named)
        or m.head_dep not in ("amod", "compound", "nmod")
    ]


# --------------------------------------------------------------------------- countries


def _link_country(doc: Doc, m: _Mention) -> None:
    """Set the mention's country code and its country-free name (``rest``)."""
    lex = lexicon()
    text = m.core
    if m.label in ("GPE", "NORP") or (m.label == "ORG" and m.end - m.start == 1):
        m.country = _names.country_of(text)
        national = _names.country_of_name(text) or _names.country_of_demonym(text)
        # A capital or seat of government keeps its own name: "Warsaw" is not "Poland".
        m.rest = "" if national and m.label != "ORG" else text
        return
    if m.label != "ORG":
        m.rest = text
        return
    # "Poland's Armed Forces": a country possessive right before the organisation.
    if m.start >= 2 and doc[m.start - 1].text in _APOS:
        code = _names.country_of_name(doc[m.start - 2].text)
        if code is not None:
            m.country = code
            m.start -= 2
            m.written = m.core = doc[m.start : m.end].text
    elif m.start >= 1 and doc[m.start - 1].text[:1].isupper():
        # "Lithuanian" tagged NORP right before "Volunteer Corps": the organisation's modifier.
        code = _names.country_of_demonym(doc[m.start - 1].text)
        if code is not None:
            m.country = code
            m.start -= 1
            m.written = m.core = doc[m.start : m.end].text
    words = text.split()
    for n in (2, 1):  # "North Korean Army", "Russian Defense Ministry", "U.S. Army"
        if len(words) > n:
            head = re.sub("['\u2019]s?$", "", " ".join(words[:n]))
            code = _names.country_of_demonym(head) or _names.country_of_name(head)
            if code is not None and m.country in (None, code):
                m.country = code
                text = " ".join(words[n:])
                break
    match = re.search(r"\s+of\s+(?:the\s+)?([\w .'-]+)$", text)
    if match and _names.country_of_name(match.group(1)):
        m.country = m.country or _names.country_of_name(match.group(1))
        text = text[: match.start()]
    if m.country is None:
        m.country = lex.metonyms.get(text.lower())
    m.rest = _names.strip_article(text)
    if m.kind is None and text.lower() in lex.armed_generic:
        m.kind = "armed_force"


# --------------------------------------------------------------------------- roles


def _roles(doc: Doc, m: _Mention, stop_left: frozenset[int]) -> list[Role]:
    roles = []
    pre = _pre_title(doc, m.start, stop_left)
    if (
        pre is None
        and m.start > 1
        and doc[m.start - 1].text == ","
        and (
            m.end >= len(doc)
            or doc[m.end].text in (",", ".", ";")
            or doc[m.start : m.end].root.dep_ == "appos"
        )
    ):
        # "the country's trade minister, Ana Lima, said": a title phrase before the comma.
        pre = _pre_title(doc, m.start - 1, stop_left, ("of", "for"))
    if pre is not None:
        roles.append(pre)
    post = _appos_title(doc, m.end)
    if post is not None:
        roles.append(post)
    return roles


def _glued_hyphen(doc: Doc, i: int) -> bool:
    t = doc[i]
    return t.text == "-" and i > 0 and not doc[i - 1].whitespace_ and not t.whitespace_


def _title_phrase_start(
    doc: Doc, start: int, ent_tokens: frozenset[int], preps: tuple[str, ...]
) -> int:
    """First token of the noun phrase that may hold a title before the name at ``start``
    (walking left over nouns, adjectives, role modifiers, glued hyphens and ``preps``)."""
    lex = lexicon()
    i = start - 1
    first = start
    sent_start = doc[start].sent.start
    while i >= sent_start and start - i <= 10:
        t = doc[i]
        glued = (
            _glued_hyphen(doc, i)
            or (i + 1 < start and _glued_hyphen(doc, i + 1))
            or (i > 0 and _glued_hyphen(doc, i - 1))
        )
        if i in ent_tokens:
            break
        if t.pos_ in ("PROPN", "NOUN", "ADJ") or t.lower_ in lex.role_modifiers or glued:
            first = i
        elif t.lower_ in preps and i - 1 >= sent_start:
            first = i
        elif (
            "for" in preps
            and t.lower_ == "and"
            and i - 1 >= sent_start
            and doc[i - 1].text[:1].isupper()
            and doc[i + 1].text[:1].isupper()
        ):
            first = i  # inside a name: "a spokesman for the Ministry of A and B, X,"
        elif t.lower_ == "the" and i - 1 >= sent_start and doc[i - 1].lower_ in preps:
            first = i
        else:
            break
        i -= 1
    while first < start and (doc[first].lower_ in ("the", "-") or doc[first].lower_ in preps):
        first += 1
    return first


def _pre_title(
    doc: Doc, start: int, ent_tokens: frozenset[int], preps: tuple[str, ...] = ("of",)
) -> Role | None:
    """A title in the noun phrase right before a name: "Kremlin spokesman", "acting governor
    of the X region", "French Foreign Ministry spokeswoman". ``preps`` are the prepositions
    the phrase may contain (before a comma apposition also "for": "a spokeswoman for the
    ministry, X,")."""
    lex = lexicon()
    first = _title_phrase_start(doc, start, ent_tokens, preps)
    if first >= start:
        return None
    tokens = [t.text for t in doc[first:start]]
    title_pos = None
    for j in range(len(tokens)):
        if tokens[j].lower() in lex.role_modifiers or _names.title_at(tokens, j):
            title_pos = j
            break
    if title_pos is None:
        return None
    # Words before an "of"/"the" in front of the title belong to the clause, not the role
    # ("the success of President X"); only the modifiers right before the title count.
    cut = first
    for k in range(first, first + title_pos):
        if doc[k].lower_ == "the" or doc[k].lower_ in preps:
            cut = k + 1
    first = cut
    title_pos = title_pos - (cut - (start - len(tokens)))
    prefix = doc[first : first + title_pos]
    org = None
    role_start = first
    if len(prefix) >= 2 and prefix[-1].lower_ in lex.head_nouns:
        org, role_start = prefix.text, first + title_pos
    elif len(prefix) >= 1 and not _names.country_of_demonym(prefix.text):
        # A modifier names the org only when it is a name ("Kremlin spokesman", "TD Ameritrade
        # founder"), not when it is part of the title ("Foreign Minister").
        department = (
            prefix[-1].i + 1 < len(doc)
            and doc[prefix[-1].i + 1].lower_ in lex.department_titles
            and all(t.ent_type_ == "ORG" and t.is_title for t in prefix)
            and not _org_head(prefix[-1].lower_)
            and not _names.is_acronym(prefix.text)
        )
        if (all(t.ent_type_ in ("ORG", "GPE") for t in prefix) and not department) or (
            prefix.text.lower() in lex.metonyms
        ):
            org = prefix.text
    role_span = doc[role_start:start]
    of_match = re.search(rf"\b(?:{'|'.join(preps)})\s+(?:the\s+)?(.+)$", role_span.text)
    if org is None and of_match:
        org = of_match.group(1)
    return Role(text=role_span.text, org=org, span=(role_span.start_char, role_span.end_char))


def _appos_title(doc: Doc, end: int) -> Role | None:
    """A title in an apposition after a name: "X, a professor at the Y University"."""
    lex = lexicon()
    if end >= len(doc) or doc[end].text != ",":
        return None
    i = end + 1
    stop = min(len(doc), i + 20)
    if i < stop and doc[i].lower_ in ("a", "an", "the"):
        i += 1
    phrase_start = i
    tokens: list[Token] = []
    while (
        i < stop
        and doc[i].text not in (",", ".", ";", "(", ")", '"', "\u201c")
        and doc[i].pos_ not in ("VERB", "AUX")
        and doc[i].tag_ not in ("WDT", "WP", "WP$")
        and "\n" not in doc[i].text
    ):
        tokens.append(doc[i])
        i += 1
    texts = [t.text for t in tokens]
    title_end = None
    for j in range(len(texts)):
        if texts[j].lower() in _PREP_ORG:
            break
        n = _names.title_at(texts, j)
        if n:
            title_end = j + n
    if title_end is None:
        return None
    if any(
        t.pos_ not in ("PROPN", "NOUN", "ADJ", "PUNCT", "PART")
        and t.lower_ not in lex.role_modifiers
        for t in tokens[:title_end]
    ):
        return None
    role = doc[phrase_start : phrase_start + title_end]
    org = None
    rest = tokens[title_end:]
    if rest and rest[0].lower_ in _PREP_ORG and len(rest) > 1:
        org_tokens = rest[1:]
        if org_tokens and org_tokens[0].lower_ in ("the", "a", "an"):
            org_tokens = org_tokens[1:]
        # "University of Utah" keeps its "of"; "in New Jersey" / "on TV" is not the org.
        for k, t in enumerate(org_tokens):
            if k > 0 and t.lower_ in _ORG_END:
                org_tokens = org_tokens[:k]
                break
        if org_tokens:
            org = doc[org_tokens[0].i : org_tokens[-1].i + 1].text
    return Role(text=role.text, org=org, span=(role.start_char, role.end_char))


# --------------------------------------------------------------------------- merging


def _key(m: _Mention) -> str:
    lex = lexicon()
    if m.label in ("GPE", "NORP") and m.country and not m.rest:
        return f"country:{m.country}"
    rest_words = _names.words(m.rest or m.core)
    if m.label == "ORG" and " ".join(rest_words) in lex.armed_generic and m.country:
        return f"armed:{m.country}"
    while len(rest_words) > 1 and rest_words[0] in lex.org_prefixes:
        rest_words = rest_words[1:]
    while len(rest_words) > 1 and rest_words[-1] in lex.org_suffixes:
        rest_words = rest_words[:-1]
    return f"{m.country or ''}:{' '.join(rest_words)}"


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _cluster(mentions: list[_Mention], threshold: float) -> list[list[_Mention]]:
    """Merge mentions into clusters, one union rule after another (see the module steps)."""
    uf = _UnionFind(len(mentions))
    keys = [_key(m) for m in mentions]
    _union_aliases(mentions, uf)
    _union_same_keys(mentions, keys, uf)
    _union_national_orgs(mentions, keys, uf)
    _union_surnames(mentions, uf)
    _union_storms(mentions, uf)
    _union_org_variants(mentions, keys, uf, threshold)
    groups: dict[int, list[_Mention]] = {}
    for i, m in enumerate(mentions):
        groups.setdefault(uf.find(i), []).append(m)
    return sorted(groups.values(), key=lambda ms: ms[0].start)


def _union_aliases(mentions: list[_Mention], uf: _UnionFind) -> None:
    """ "Name (ABC)": the acronym joins the name it follows."""
    position = {id(m): i for i, m in enumerate(mentions)}
    for i, m in enumerate(mentions):
        if m.alias_of is not None and id(m.alias_of) in position:
            uf.union(i, position[id(m.alias_of)])


def _union_same_keys(mentions: list[_Mention], keys: list[str], uf: _UnionFind) -> None:
    by_key: dict[str, int] = {}
    for i, key in enumerate(keys):
        if key in by_key and _compatible(mentions[by_key[key]], mentions[i]):
            uf.union(by_key[key], i)
        else:
            by_key.setdefault(key, i)


def _union_national_orgs(mentions: list[_Mention], keys: list[str], uf: _UnionFind) -> None:
    """ "X's Health Ministry" ... "the Health Ministry": a bare organisation name joins the
    country-linked one of the same name when a single country has one."""
    national: dict[str, dict[str, int]] = {}
    for i, m in enumerate(mentions):
        if m.label == "ORG" and m.country and len(_names.words(m.rest)) > 1:
            national.setdefault(keys[i].split(":", 1)[1], {}).setdefault(m.country, i)
    for i, m in enumerate(mentions):
        if m.label != "ORG" or m.country:
            continue
        owners = national.get(keys[i].split(":", 1)[1], {})
        if len(owners) == 1:
            uf.union(i, next(iter(owners.values())))


def _union_surnames(mentions: list[_Mention], uf: _UnionFind) -> None:
    """Surname <-> full name, only when a single full name carries that surname (the
    surname mention becomes a PERSON)."""
    full_names: dict[str, set[str]] = {}
    for m in mentions:
        parts = m.core.split()
        if m.label == "PERSON" and len(parts) > 1:
            full_names.setdefault(parts[-1].lower(), set()).add(m.core.lower())
    # The first mention of each full name (relabelling below only touches one-word names).
    first_person: dict[str, int] = {}
    for j, o in enumerate(mentions):
        if o.label == "PERSON":
            first_person.setdefault(o.core.lower(), j)
    for i, m in enumerate(mentions):
        parts = m.core.split()
        if len(parts) != 1 or m.label == "GPE" or m.country:
            continue
        owners = full_names.get(parts[0].lower(), set())
        if len(owners) == 1:
            uf.union(i, first_person[next(iter(owners))])
            m.label = "PERSON"


def _union_storms(mentions: list[_Mention], uf: _UnionFind) -> None:
    """A named storm's name alone ("Storm X" ... "X")."""
    storms = {
        m.core.split()[-1]: i
        for i, m in enumerate(mentions)
        if m.label == "OTHER" and len(m.core.split()) > 1
    }
    for i, m in enumerate(mentions):
        if m.label == "OTHER" and m.core in storms and storms[m.core] != i:
            uf.union(i, storms[m.core])


def _union_org_variants(
    mentions: list[_Mention], keys: list[str], uf: _UnionFind, threshold: float
) -> None:
    """Acronyms and near-duplicate organisation names (prefix and suffix forms such as
    "X Group" share their key and are joined by the same-key rule)."""
    orgs = [
        i
        for i, m in enumerate(mentions)
        if m.label == "ORG" or (m.label != "GPE" and len(m.core.split()) == 1 and not m.country)
    ]
    firsts = {}
    for i in orgs:
        firsts.setdefault(keys[i], i)
    reps = list(firsts.values())
    # Unions do not depend on their order, so each rule visits only the pairs it can join:
    # an acronym against every other name, and names whose head words share their first
    # four letters (``_names.similar`` asks at least that of two heads).
    for a in reps:
        if _names.is_acronym(mentions[a].core):
            for b in reps:
                if b != a and _same_country(mentions[a], mentions[b]):
                    if _acronym_of(mentions[a], mentions[b]):
                        uf.union(a, b)
    by_head: dict[str, list[int]] = {}
    for i in reps:
        m = mentions[i]
        head = _names.head_stem(m.rest) if m.label == "ORG" and m.rest else None
        if head is not None:
            by_head.setdefault(head[:4], []).append(i)
    for group in by_head.values():
        for a_pos, a in enumerate(group):
            for b in group[a_pos + 1 :]:
                ma, mb = mentions[a], mentions[b]
                if _same_country(ma, mb) and _names.similar(ma.rest, mb.rest, threshold):
                    uf.union(a, b)


def _same_country(a: _Mention, b: _Mention) -> bool:
    return (a.country or None) == (b.country or None)


def _compatible(a: _Mention, b: _Mention) -> bool:
    """Same-key mentions merge unless one is a person and the other is not, except when
    they are written the same (the model labels one name differently in two places)."""
    return (
        (a.label == "PERSON") == (b.label == "PERSON")
        or a.core == b.core
        or a.label == "NORP"
        or b.label == "NORP"
        or _has_affix(a)
        or _has_affix(b)
    )


def _has_affix(m: _Mention) -> bool:
    """An organisation written with an org prefix or suffix: "PMC X", "X Group"."""
    lex = lexicon()
    ws = _names.words(m.core)
    return (
        m.label == "ORG"
        and len(ws) > 1
        and (ws[0] in lex.org_prefixes or ws[-1] in lex.org_suffixes)
    )


def _acronym_of(short: _Mention, long: _Mention) -> bool:
    return _names.is_acronym(short.core) and _abbreviates(short.core, long.core)


# --------------------------------------------------------------------------- records


def _entity(article: Article, doc: Doc, cluster: list[_Mention], number: int) -> Entity:
    labels = Counter(m.label for m in cluster)
    if labels["OTHER"] * 2 > len(cluster):
        etype = "OTHER"
    elif any(_has_affix(m) for m in cluster):
        etype = "ORG"
    elif "PERSON" in labels and labels["PERSON"] >= labels.get("ORG", 0):
        etype = "PERSON"
    elif "ORG" in labels:
        etype = "ORG"
    elif "GPE" in labels:
        etype = "GPE"
    else:
        etype = "NORP"
    if etype == "NORP" and any(m.country for m in cluster):
        etype = "GPE"  # a demonym stands for its country
    name = _fullest(cluster, etype)
    aliases: list[str] = []
    for m in cluster:
        forms = (m.written, m.core) if m.written == f"The {m.core}" else (m.written,)
        for form in forms:
            if form != name and form not in aliases:
                aliases.append(form)
    roles: list[Role] = []
    for m in cluster:
        for role in m.roles:
            if all(r.text != role.text for r in roles):
                roles.append(role)
    countries = Counter(m.country for m in cluster if m.country)
    kind = None
    if etype == "ORG":
        kinds = [m.kind for m in cluster if m.kind]
        kind = kinds[0] if kinds else _names.org_kind(name)
    spans = sorted(
        {(doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1].text)) for m in cluster}
    )
    return Entity(
        id=f"E{number}",
        article_id=article.id,
        span=spans[0],
        stage=STAGE,
        name=name,
        type=etype,
        kind=kind,
        aliases=aliases,
        roles=roles,
        country=countries.most_common(1)[0][0] if countries else None,
        mentions=spans,
    )


# How many sentences back a title description ("the president") looks for its person.
DESCRIPTION_REACH = 3
# Entity types whose names may modify a title description ("the Ohio governor").
_PLACE_TYPES = frozenset({"GPE", "LOC", "NORP"})


def _with_title_descriptions(doc: Doc, entities: list[Entity]) -> list[Entity]:
    """Add each title description's span to the mentions of the person it refers to.

    A news text names a person once with a title ("President <name>") and then refers to
    them by the title alone ("the president said"). The person is the last one named
    before the description (within ``DESCRIPTION_REACH`` sentences) whose roles hold the
    title word; with no such person the description stays unlinked.
    """
    titled = [
        (e, {_names.expand_title(w) for r in e.roles for w in r.text.split()})
        for e in entities
        if e.type == "PERSON" and e.roles
    ]
    if not titled:
        return entities
    # A place named inside the description ("the Ohio governor") stays its own mention.
    places = Intervals(
        [(a, b, e.id) for e in entities if e.type in _PLACE_TYPES for a, b in e.mentions]
    )
    covered = Intervals(
        [(a, b, e.id) for e in entities if e.type not in _PLACE_TYPES for a, b in e.mentions]
    )
    added: dict[str, list[tuple[int, int]]] = {}
    sentence_starts = [sent.start_char for sent in doc.sents]
    for token in tokens_of(doc):
        span = _title_description(token, places)
        if span is None or covered.overlapping(*span):
            continue
        named = [e for e, _ in titled if any(_overlap(r.span, span) for r in e.roles)]
        if named:
            # "the energy minister, <name>,": the description is the named person's own
            # title phrase, whoever was named before it.
            added.setdefault(named[0].id, []).append(span)
            continue
        reach = sentence_starts[
            max(0, bisect.bisect_right(sentence_starts, span[0]) - 1 - DESCRIPTION_REACH)
        ]
        candidates = [
            (max(b for a, b in e.mentions if b <= span[0]), e)
            for e, words in titled
            if token.lower_ in words and any(reach <= a and b <= span[0] for a, b in e.mentions)
        ]
        if candidates:
            _, person = max(candidates, key=lambda c: c[0])
            added.setdefault(person.id, []).append(span)
    if not added:
        return entities
    return [
        e.model_copy(update={"mentions": sorted({*e.mentions, *added[e.id]})})
        if e.id in added
        else e
        for e in entities
    ]


def _overlap(a: tuple[int, int] | None, b: tuple[int, int]) -> bool:
    return a is not None and a[0] < b[1] and b[0] < a[1]


def _title_description(token: Token, places: Intervals) -> tuple[int, int] | None:
    """The character span of "the [modifiers] <title>" headed by ``token``, or None.

    The head is a lower-case title noun ("president", "mayor"), the phrase opens with
    "the" or a possessive ("the city's new mayor") and holds no proper name after the
    head; before it, only names of places ("the Ohio governor").
    """
    if token.pos_ != "NOUN" or token.lower_ not in lexicon().titles:
        return None
    left = [t for t in token.lefts]
    if not left or any(
        t.pos_ == "PROPN" and (t.i > token.i or not places.containing(t.idx)) for t in token.subtree
    ):
        # "the president of <country>", "the mayor, <name>,", "the Smith aide": a named
        # phrase, not a reference back.
        return None
    first = left[0]
    if not (first.lower_ == "the" or first.dep_ == "poss"):
        return None
    start = min(t.idx for t in token.subtree if t.i <= token.i)
    return (start, token.idx + len(token.text))


def _fullest(cluster: list[_Mention], etype: str) -> str:
    """The fullest form of a cluster's names.

    Ranked by: a country's own name first (for GPE: "Poland" over "Polish"), then
    capitalised proper-name mentions over common-noun ones ("Polish Armed Forces" over
    "Polish troops"), then most words, then most frequent. Organisations keep their
    extended written form ("Poland's Internal Security Agency") without a leading
    "The".
    """
    counts = Counter(m.core for m in cluster)

    def rank(m: _Mention) -> tuple[int, int, int, int, int]:
        country_form = int(etype == "GPE" and _names.country_of_name(m.core) is not None)
        proper = int(
            all(w[:1].isupper() or w.lower() in lexicon().stopwords for w in m.core.split())
        )
        return (country_form, proper, len(m.core.split()), counts[m.core], m.end - m.start)

    best = max(cluster, key=rank)
    return best.written.removeprefix("The ") if etype == "ORG" else best.core


# --------------------------------------------------------------------------- passes


@dataclass(frozen=True)
class EntityPass:
    """One named correction of the model's names and types (not stable API).

    ``run`` maps mentions to mentions; the two span passes (``run`` is None) work on the
    model's spans inside ``_base_mentions``, before mentions exist. A pass that
    ``asks_places`` also receives the ``[toponyms]`` test (``_toponyms.KnownPlaces``).
    """

    name: str
    run: Callable[..., list[_Mention]] | None
    fixes: str
    asks_places: bool = False


# The corrections, in the order they run. Each one's docstring says what it fixes and
# why; ``[entities] passes`` in the settings chooses which run (default: all).
PASSES: tuple[EntityPass, ...] = (
    EntityPass("joined_names", None, "names cut at a particle or an 'and'"),
    EntityPass("span_labels", None, "organisation heads, prefixes, titles, lone countries"),
    EntityPass("reporting_subjects", _add_reporting_subjects, "untagged subjects of 'said'"),
    EntityPass("titled_names", _add_titled_names, "untagged names after a title"),
    EntityPass("propagated_names", _propagate_names, "untagged repeats of a known name"),
    EntityPass("acronyms", _add_acronyms, "acronyms of organisations of the text"),
    EntityPass("person_like_orgs", _person_like_orgs, "people tagged as organisations", True),
    EntityPass("named_storms", _named_storms, "storms tagged as people"),
    EntityPass("surnames_alone", _surnames_alone, "surnames tagged as places or orgs"),
    EntityPass("known_places", _known_places, "populated places tagged as people or orgs", True),
    EntityPass("department_words", _drop_department_words, "department words of titles"),
    EntityPass("particle_names", _particle_names, "names with a particle: media, places", True),
    EntityPass("armed_forces", _armed_forces, "'Polish troops' as an armed force"),
)
PASS_NAMES: tuple[str, ...] = tuple(p.name for p in PASSES)
