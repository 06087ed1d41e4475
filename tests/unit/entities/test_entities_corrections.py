"""NER corrections: general rules that fix what the small model misses or mislabels."""

from __future__ import annotations

import pytest

from dateline.config import EntitySettings
from dateline.records import Article
from dateline.stages import entities


def _run(nlp, text, corrections=True):
    return entities._extract(
        Article(text=text), nlp(text), EntitySettings(), corrections=corrections
    )


def _find(found, form):
    return [e for e in found if form.lower() in {n.lower() for n in [e.name, *e.aliases]}]


@pytest.mark.parametrize(
    ("text", "form", "etype", "kind"),
    [
        (
            "Fighters from PMC Redline intend to join the assault.",
            "PMC Redline",
            "ORG",
            "armed_force",
        ),
        (
            "On Monday, acting mayor of the northern district Pavel Grinko said the bridge "
            "was closed.",
            "Pavel Grinko",
            "PERSON",
            None,
        ),
        (
            "Senator Ann Walsh met voters. Later that day Walsh said the bill would pass.",
            "Walsh",
            "PERSON",
            None,
        ),
        (
            "Hungarian troops crossed the border on Monday.",
            "Hungarian troops",
            "ORG",
            "armed_force",
        ),
        ("The Baltic Post reported that the port was closed.", "Baltic Post", "ORG", "media"),
    ],
)
def test_entities_corrections_find(nlp, text, form, etype, kind):
    found = _find(_run(nlp, text), form)
    assert found, [(e.name, e.type) for e in _run(nlp, text)]
    assert found[0].type == etype
    if kind is not None:
        assert found[0].kind == kind


@pytest.mark.parametrize(
    ("text", "form", "code"),
    [
        ("Hungarian troops crossed the border on Monday.", "Hungarian troops", "HU"),
        ("Germany's Armed Forces held drills.", "Germany's Armed Forces", "DE"),
    ],
)
def test_entities_corrections_armed_force_country(nlp, text, form, code):
    found = _find(_run(nlp, text), form)
    assert found and found[0].country == code


def test_entities_corrections_can_be_switched_off(nlp):
    text = "Hungarian troops crossed the border on Monday."
    assert not _find(_run(nlp, text, corrections=False), "Hungarian troops")


@pytest.mark.parametrize(
    ("text", "name", "kind", "code"),
    [
        (
            "The Lithuanian Volunteer Corps said it crossed the border.",
            "Lithuanian Volunteer Corps",
            "armed_force",
            "LT",
        ),
        (
            "Hungarian Border Guards reported an incident.",
            "Hungarian Border Guards",
            "armed_force",
            "HU",
        ),
        ("The Swiss Army said the drill ended.", "Swiss Army", "armed_force", "CH"),
    ],
)
def test_entities_corrections_national_organisations(nlp, text, name, kind, code):
    found = [e for e in _run(nlp, text) if e.name == name]
    assert found, [(e.name, e.type) for e in _run(nlp, text)]
    assert (found[0].type, found[0].kind, found[0].country) == ("ORG", kind, code)
