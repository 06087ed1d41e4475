"""The NER corrections as named passes: each one's effect alone, and switching them off."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from dateline.config import EntitySettings, load_settings
from dateline.errors import ConfigError
from dateline.records import Article
from dateline.stages import entities


def _mentions(doc: Doc, enabled: set[str]) -> set[tuple[str, str, str | None]]:
    found = entities._base_mentions(doc, frozenset(enabled))
    found = entities.run_passes(doc, found, frozenset(enabled))
    return {(m.written, m.label, m.kind) for m in found}


def _hand_doc(nlp, words: str, pos: str, ents: list[str]) -> Doc:
    """A hand-built Doc: the example does not depend on what the model tags."""
    return Doc(nlp.vocab, words=words.split(), pos=pos.split(), ents=ents)


# Each case: the pass, the text, the mentions it adds or changes, the ones it removes.
PARSED_CASES = [
    (
        "joined_names",
        "The regions of Porto, Braga and Viana do Castelo were put on alert.",
        {("Viana do Castelo", "PERSON", None)},
        {("Viana", "PERSON", None), ("Castelo", "PERSON", None)},
    ),
    (
        "span_labels",
        "The Health Ministry said the Pentagon Press Secretary John Kirby would attend.",
        {("Pentagon", "ORG", None)},
        {("Pentagon Press", "ORG", None)},
    ),
    (
        "reporting_subjects",
        "Lithuanian Volunteer Corps said the attack failed. Stumpf said nothing.",
        {("Stumpf", "PERSON", None)},
        set(),
    ),
    (
        "acronyms",
        "The Food and Agriculture Organization (FAO) warned of shortages.",
        {("FAO", "ORG", None)},
        set(),
    ),
    (
        "named_storms",
        "Storm Clara brought high winds. Clara moved east overnight.",
        {("Storm Clara", "OTHER", None), ("Clara", "OTHER", None)},
        {("Storm Clara", "PERSON", None), ("Clara", "PERSON", None)},
    ),
    (
        "surnames_alone",
        "Prime Minister Ana Lima arrived in the capital. Lima met the press later.",
        {("Lima", "PERSON", None)},
        {("Lima", "GPE", None)},
    ),
    (
        "known_places",
        "Prime Minister Luis Rocha visited Porto on Monday.",
        {("Porto", "GPE", None)},
        {("Porto", "PERSON", None)},
    ),
    (
        "department_words",
        "Interior Minister Jan Novak said the border was closed.",
        set(),
        {("Interior", "ORG", None)},
    ),
    (
        "particle_names",
        "A report in the Diario do Sul newspaper said the plan failed.",
        {("Diario do Sul", "ORG", "media")},
        {("Diario", "PERSON", None)},
    ),
    (
        "armed_forces",
        "Polish troops crossed the river on Monday.",
        {("Polish troops", "ORG", "armed_force")},
        {("Polish", "NORP", None)},
    ),
]

HAND_CASES = [
    (
        "titled_names",
        ("The mayor Pavel Grinko arrived .", "DET NOUN PROPN PROPN VERB PUNCT", ["O"] * 6),
        {("Pavel Grinko", "PERSON", None)},
        set(),
    ),
    (
        "propagated_names",
        (
            "Ann Walsh met voters . Walsh left .",
            "PROPN PROPN VERB NOUN PUNCT PROPN VERB PUNCT",
            ["B-PERSON", "I-PERSON"] + ["O"] * 6,
        ),
        {("Walsh", "PERSON", None)},
        set(),
    ),
    (
        "person_like_orgs",
        (
            "Tomas Brenner met voters . Brenner left .",
            "PROPN PROPN VERB NOUN PUNCT PROPN VERB PUNCT",
            ["B-ORG", "I-ORG", "O", "O", "O", "B-PERSON", "O", "O"],
        ),
        {("Tomas Brenner", "PERSON", None)},
        {("Tomas Brenner", "ORG", None)},
    ),
]


def _assert_effect(doc: Doc, name: str, added: set, removed: set) -> None:
    on, off = _mentions(doc, {name}), _mentions(doc, set())
    assert on - off == added
    assert off - on == removed


@pytest.mark.parametrize(("name", "text", "added", "removed"), PARSED_CASES)
def test_entities_pass_effect_on_parsed_text(nlp, name, text, added, removed):
    _assert_effect(nlp(text), name, added, removed)


@pytest.mark.parametrize(("name", "spec", "added", "removed"), HAND_CASES)
def test_entities_pass_effect_on_hand_built_doc(nlp, name, spec, added, removed):
    _assert_effect(_hand_doc(nlp, *spec), name, added, removed)


def test_entities_every_pass_has_a_case_and_a_docstring():
    tested = [case[0] for case in PARSED_CASES + HAND_CASES]
    assert sorted(tested) == sorted(entities.PASS_NAMES)
    for entity_pass in entities.PASSES:
        assert entity_pass.fixes
        assert entity_pass.run is None or entity_pass.run.__doc__


def test_entities_pass_does_not_change_its_input(nlp):
    doc = nlp("Storm Clara brought high winds. Clara moved east overnight.")
    before = entities._base_mentions(doc, frozenset())
    labels = [m.label for m in before]
    entities.run_passes(doc, before, frozenset({"named_storms"}))
    assert [m.label for m in before] == labels == ["PERSON", "PERSON"]


def test_entities_pass_switched_off_from_settings(nlp):
    text = "Polish troops crossed the river on Monday."
    every = [n for n in entities.PASS_NAMES]
    without = [n for n in entities.PASS_NAMES if n != "armed_forces"]
    on = load_settings(overrides=[f"entities.passes={every!r}".replace("'", '"')])
    off = load_settings(overrides=[f"entities.passes={without!r}".replace("'", '"')])

    def kinds(settings: EntitySettings) -> set[str | None]:
        found = entities.extract_entities(
            article=Article(text=text), doc=nlp(text), settings=settings
        )
        return {e.kind for e in found}

    assert "armed_force" in kinds(on.entities)
    assert "armed_force" not in kinds(off.entities)
    assert kinds(EntitySettings()) == kinds(on.entities)


def test_entities_unknown_pass_is_a_config_error():
    with pytest.raises(ConfigError, match="DL002.*valid passes: joined_names"):
        load_settings(overrides=['entities.passes=["joined_name"]'])
