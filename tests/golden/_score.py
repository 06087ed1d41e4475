"""Score one article's extraction against a hand-made gold annotation (not stable API).

The golden tests use this instead of any external tool, so they run without the shared
folder. The gold format and the matching rules are those of the project's defining
example (an article, its ``gold.json`` and the rules in its README):

- events: a predicted event (one with a ``span``) matches a required gold event when its
  span overlaps the gold anchor; among the unused overlapping predictions the one with
  the most correct fields wins (the first on ties). Fields: ``date`` (value in the
  accepted list, ``null`` allowed), ``types``, ``actor`` / ``location`` / each of
  ``sources`` (case-insensitive substring of the JSON of ``actors`` / ``location`` /
  ``attribution``), each of ``quantities`` (all its numbers among the event's quantity
  value/min/max), ``modality``, ``polarity``, ``deadline`` (anywhere in the event's JSON).
  A missed gold event still counts its fields, all wrong. Predictions overlapping an
  optional anchor are not false positives.
- quotes: the first unused predicted quote whose span covers the gold ``starts`` offset,
  whose speaker JSON holds the gold speaker and (if given) which contains ``ends``.
- entities: one predicted entity's name and aliases hold every ``must_merge`` form, and
  the gold ``role`` (if any) is in that entity's JSON.
- places: a predicted place named by the mention (name or alias) lies within ``max_km``
  of the gold coordinates.
- timexes: a predicted timex overlaps the gold text's n-th occurrence and has its value.

Overall score: the mean of events F1 x field accuracy, quotes F1, entities, places and
timexes. Usage as a script: ``python _score.py GOLD.json ARTICLE.txt EXTRACTION.json``.
"""

from __future__ import annotations

import json
import math
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

EARTH_RADIUS_KM = 6371.0
SECTIONS = ("events", "fields", "quotes", "entities", "places", "timexes", "overall")


@dataclass
class Score:
    """Section scores of one article and a readable list of what was missed."""

    events_precision: float = 0.0
    events_recall: float = 0.0
    events: float = 0.0  # F1
    fields: float = 0.0  # field accuracy over required gold events
    unmatched_events: int = 0
    quotes_precision: float = 0.0
    quotes_recall: float = 0.0
    quotes: float = 0.0  # F1
    entities: float = 0.0
    places: float = 0.0
    timexes: float = 0.0
    misses: list[str] = field(default_factory=list)

    @property
    def overall(self) -> float:
        parts = (self.events * self.fields, self.quotes, self.entities, self.places, self.timexes)
        return sum(parts) / len(parts)

    def sections(self) -> dict[str, float]:
        """The gated section values, rounded as the report prints them."""
        return {name: round(getattr(self, name), 3) for name in SECTIONS}

    def report(self) -> str:
        lines = [
            f"events   P={self.events_precision:.2f} R={self.events_recall:.2f} "
            f"F1={self.events:.2f} fields={self.fields:.2f} "
            f"unmatched_predictions={self.unmatched_events}",
            f"quotes   P={self.quotes_precision:.2f} R={self.quotes_recall:.2f} "
            f"F1={self.quotes:.2f}",
            f"entities merged+roles={self.entities:.2f}",
            f"places   resolved={self.places:.2f}",
            f"timexes  correct={self.timexes:.2f}",
            *self.misses,
            f"score: {self.overall:.3f}",
        ]
        return "\n".join(lines)


def score_article(gold: dict[str, Any], text: str, extraction: dict[str, Any]) -> Score:
    """Score one extraction (the JSON form of an Extraction) against a gold annotation."""
    score = Score()
    _score_events(gold, text, extraction, score)
    _score_quotes(gold, text, extraction, score)
    score.entities = _score_entities(gold, extraction, score.misses)
    score.places = _score_places(gold, extraction, score.misses)
    score.timexes = _score_timexes(gold, text, extraction, score.misses)
    return score


# --- helpers -------------------------------------------------------------------------


def _spans_of(text: str, needle: str) -> list[tuple[int, int]]:
    """Every [start, end) occurrence of needle in text, overlapping ones included."""
    spans = []
    start = text.find(needle)
    while start != -1:
        spans.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return spans


def _only_span(text: str, needle: str) -> tuple[int, int]:
    spans = _spans_of(text, needle)
    if len(spans) != 1:
        raise ValueError(f"gold text must occur exactly once, found {len(spans)}: {needle!r}")
    return spans[0]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _json_lower(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False).lower()


def _has_span(record: dict[str, Any]) -> bool:
    return isinstance(record.get("span"), list)


def _f1(tp: int, predicted: int, required: int) -> tuple[float, float, float]:
    precision = tp / predicted if predicted else 0.0
    recall = tp / required if required else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


# --- events --------------------------------------------------------------------------


def _quantity_numbers(quantities: Any) -> set[float]:
    numbers: set[float] = set()
    for quantity in quantities or []:
        if not isinstance(quantity, dict):
            continue
        for key in ("value", "min", "max"):
            number = quantity.get(key)
            if isinstance(number, (int, float)):
                numbers.add(float(number))
    return numbers


def _event_date(event: dict[str, Any]) -> Any:
    date = event.get("date")
    return date.get("value") if isinstance(date, dict) else date


def _field_checks(gold: dict[str, Any], event: dict[str, Any]) -> list[bool]:
    """One boolean per checked field of a gold event, in a fixed order."""
    checks: list[bool] = []
    if "date" in gold:
        checks.append(_event_date(event) in gold["date"])
    if "types" in gold:
        checks.append(str(event.get("type", "")).upper() in gold["types"])
    for key, pred_key in (("actor", "actors"), ("location", "location")):
        if key in gold:
            checks.append(gold[key].lower() in _json_lower(event.get(pred_key)))
    attribution = _json_lower(event.get("attribution"))
    checks.extend(source.lower() in attribution for source in gold.get("sources", []))
    numbers = _quantity_numbers(event.get("quantities"))
    checks.extend(
        all(float(v) in numbers for v in wanted.values()) for wanted in gold.get("quantities", [])
    )
    if "modality" in gold:
        checks.append(str(event.get("modality", "")).lower() in gold["modality"])
    if "polarity" in gold:
        checks.append(str(event.get("polarity", "")).lower() == gold["polarity"])
    if "deadline" in gold:
        checks.append(gold["deadline"] in _json_lower(event))
    return checks


def _score_events(gold: dict, text: str, extraction: dict, score: Score) -> None:
    predicted = [e for e in extraction.get("events", []) if _has_span(e)]
    used: set[int] = set()
    optional_anchors: list[tuple[int, int]] = []
    matched = required = right = checked = 0
    for g in gold["events"]:
        anchor = _only_span(text, g["anchor"])
        if g.get("optional"):
            optional_anchors.append(anchor)
            continue
        required += 1
        best: tuple[int, int, int] | None = None  # (index, right, checked)
        for i, event in enumerate(predicted):
            if i in used or not _overlap(tuple(event["span"]), anchor):
                continue
            checks = _field_checks(g, event)
            if best is None or sum(checks) > best[1]:
                best = (i, sum(checks), len(checks))
        if best is None:
            checked += len(_field_checks(g, {}))
            score.misses.append(f"  missed event {g['id']}: {g['anchor']}")
            continue
        used.add(best[0])
        matched += 1
        right += best[1]
        checked += best[2]
        if best[1] < best[2]:
            score.misses.append(f"  event {g['id']} fields {best[1]}/{best[2]}: {g['anchor']}")
    unmatched = [
        i
        for i, event in enumerate(predicted)
        if i not in used and not any(_overlap(tuple(event["span"]), a) for a in optional_anchors)
    ]
    score.unmatched_events = len(unmatched)
    score.events_precision, score.events_recall, score.events = _f1(
        matched, matched + len(unmatched), required
    )
    score.fields = right / checked if checked else 0.0


# --- quotes --------------------------------------------------------------------------


def _quote_matches(g: dict, quote: dict, start: int, text: str) -> bool:
    a, b = quote["span"]
    if not a <= start < b:
        return False
    if g["speaker"].lower() not in _json_lower(quote.get("speaker")):
        return False
    if "ends" not in g:
        return True
    # The end phrase may stop one character past the span (a closing quotation mark).
    return any(a <= e0 and e1 <= b + 1 for e0, e1 in _spans_of(text, g["ends"]))


def _score_quotes(gold: dict, text: str, extraction: dict, score: Score) -> None:
    predicted = [q for q in extraction.get("quotes", []) if _has_span(q)]
    used: set[int] = set()
    optional_starts: list[int] = []
    matched = required = 0
    for g in gold["quotes"]:
        start = _only_span(text, g["starts"])[0]
        if g.get("optional"):
            optional_starts.append(start)
            continue
        required += 1
        candidates = (i for i, q in enumerate(predicted) if i not in used)
        hit = next((i for i in candidates if _quote_matches(g, predicted[i], start, text)), None)
        if hit is None:
            score.misses.append(
                f"  quote {g['id']} not found with speaker {g['speaker']}: {g['starts'][:50]}"
            )
            continue
        used.add(hit)
        matched += 1
    unmatched = [
        i
        for i, q in enumerate(predicted)
        if i not in used and not any(q["span"][0] <= s < q["span"][1] for s in optional_starts)
    ]
    score.quotes_precision, score.quotes_recall, score.quotes = _f1(
        matched, matched + len(unmatched), required
    )


# --- entities, places, timexes ---------------------------------------------------------


def _names(record: dict) -> set[str]:
    return {str(n).lower() for n in [record.get("name", ""), *(record.get("aliases") or [])]}


def _score_entities(gold: dict, extraction: dict, misses: list[str]) -> float:
    entities = extraction.get("entities", [])
    if not gold["entities"]:
        return 1.0
    found = 0
    for g in gold["entities"]:
        forms = {m.lower() for m in g["must_merge"]}
        merged = [e for e in entities if forms <= _names(e)]
        role = g.get("role", "").lower()
        if merged and any(role in _json_lower(e) for e in merged):
            found += 1
            continue
        why = f" or role '{g['role']}' missing" if merged else ""
        misses.append(f"  entity {g['name']}: forms {sorted(forms)} not merged{why}")
    return found / len(gold["entities"])


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlam = phi2 - phi1, math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlam / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def _place_found(g: dict, place: dict) -> bool:
    lat, lon = place.get("lat"), place.get("lon")
    if not (isinstance(lat, (int, float)) and isinstance(lon, (int, float))):
        return False
    if g["mention"].lower() not in _names(place):
        return False
    return _distance_km(g["lat"], g["lon"], lat, lon) <= g["max_km"]


def _score_places(gold: dict, extraction: dict, misses: list[str]) -> float:
    required = [g for g in gold["places"] if not g.get("optional")]
    if not required:
        return 1.0
    found = 0
    for g in required:
        if any(_place_found(g, p) for p in extraction.get("places", [])):
            found += 1
        else:
            misses.append(f"  place {g['mention']} not resolved within {g['max_km']} km")
    return found / len(required)


def _score_timexes(gold: dict, text: str, extraction: dict, misses: list[str]) -> float:
    predicted = [t for t in extraction.get("timexes", []) if _has_span(t)]
    if not gold["timexes"]:
        return 1.0
    found = 0
    for g in gold["timexes"]:
        nth = g.get("occurrence", 1)
        where = _spans_of(text, g["text"])[nth - 1]
        if any(
            _overlap(tuple(t["span"]), where) and t.get("value") == g["value"] for t in predicted
        ):
            found += 1
        else:
            misses.append(f"  timex '{g['text']}' (#{nth}) != {g['value']}")
    return found / len(gold["timexes"])


def main(argv: list[str]) -> int:
    if len(argv) != 4:
        print(__doc__)
        return 2
    gold = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    text = Path(argv[2]).read_text(encoding="utf-8")
    extraction = json.loads(Path(argv[3]).read_text(encoding="utf-8"))
    print(score_article(gold, text, extraction).report())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
