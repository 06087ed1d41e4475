"""Mentions of one entity merge into one record; different entities stay apart."""

from __future__ import annotations

import pytest

from dateline.config import EntitySettings
from dateline.records import Article
from dateline.stages.entities import extract_entities


def _entities(nlp, text):
    return extract_entities(article=Article(text=text), doc=nlp(text), settings=EntitySettings())


def _owner(entities, form):
    owners = [e for e in entities if form.lower() in {n.lower() for n in [e.name, *e.aliases]}]
    return owners[0] if len(owners) == 1 else None


@pytest.mark.parametrize(
    ("text", "forms"),
    [
        (
            "Chancellor Angela Merkel met reporters in Berlin. Merkel said the talks went well.",
            ["Angela Merkel", "Merkel"],
        ),
        (
            "The Center for Strategic and International Studies published a report. "
            "CSIS said the war would last years.",
            ["Center for Strategic and International Studies", "CSIS"],
        ),
        (
            "Poland's Armed Forces moved north on Monday. Later the Polish Armed Forces "
            "reported no losses.",
            ["Poland's Armed Forces", "Polish Armed Forces"],
        ),
        (
            "The New York Times reported the deal first. New York Times editors declined "
            "to comment.",
            ["New York Times"],
        ),
        (
            "The Institute for the Study of Peace said the talks failed. On Monday, the "
            "Institute for Peace Studies reported new clashes.",
            ["Institute for the Study of Peace", "Institute for Peace Studies"],
        ),
        (
            "Fighters from PMC Redline crossed the river. Later, Redline said it lost ten men.",
            ["PMC Redline", "Redline"],
        ),
        (
            "The Redline Group denied the claim. Redline said it was not there.",
            ["Redline Group", "Redline"],
        ),
        (
            "The Institute for the Study of Peace (ISP) said talks failed. ISP analysts added "
            "that more clashes were likely.",
            ["Institute for the Study of Peace", "ISP"],
        ),
        (
            "Russia's Defense Ministry said the attack was repelled. The Russian Defense "
            "Ministry later added details.",
            ["Russia's Defense Ministry", "Russian Defense Ministry"],
        ),
    ],
)
def test_entities_merge_same_entity(nlp, text, forms):
    entities = _entities(nlp, text)
    owners = [_owner(entities, f) for f in forms]
    assert None not in owners, [(e.name, e.aliases) for e in entities]
    assert len({o.id for o in owners}) == 1


@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        (
            "John Smith met Jane Smith on Monday. Both said the meeting was useful.",
            "John Smith",
            "Jane Smith",
        ),
        (
            "The Russian Defense Ministry and the Ukrainian Defense Ministry issued statements.",
            "Russian Defense Ministry",
            "Ukrainian Defense Ministry",
        ),
        (
            "The Ministry of Defence and the Ministry of Foreign Affairs disagreed.",
            "Ministry of Defence",
            "Ministry of Foreign Affairs",
        ),
        (
            "North Korea fired a missile, and South Korea condemned the launch.",
            "North Korea",
            "South Korea",
        ),
    ],
)
def test_entities_keep_different_entities_apart(nlp, text, a, b):
    entities = _entities(nlp, text)
    owner_a, owner_b = _owner(entities, a), _owner(entities, b)
    assert owner_a is not None and owner_b is not None, [e.name for e in entities]
    assert owner_a.id != owner_b.id


@pytest.mark.parametrize(
    ("text", "form", "code"),
    [
        ("Polish troops crossed the river.", "Polish troops", "PL"),
        (
            "The Russian Defense Ministry said it repelled the attack.",
            "Russian Defense Ministry",
            "RU",
        ),
        ("The Kremlin denied the report.", "Kremlin", "RU"),
    ],
)
def test_entities_country_links(nlp, text, form, code):
    owner = _owner(_entities(nlp, text), form)
    assert owner is not None and owner.country == code
