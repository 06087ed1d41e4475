"""String rules behind entity merging: near-duplicate names, acronyms, countries."""

from __future__ import annotations

import pytest

from dateline.config import EntitySettings
from dateline.stages import _names

THRESHOLD = EntitySettings().merge_threshold


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Institute for the Study of Peace", "Institute for Peace Studies"),
        ("Ministry of Defense", "Defense Ministry"),
        ("Ministry of Foreign Affairs", "Foreign Affairs Ministry"),
        ("Center for Strategic Studies", "Centre for Strategic Studies"),
        ("Office of the Prosecutor General", "Prosecutor General's Office"),
    ],
)
def test_entities_similar_pairs_merge(a, b):
    assert _names.similar(a, b, THRESHOLD)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ministry of Defence", "Ministry of Foreign Affairs"),
        ("Ministry of Health", "Ministry of Finance"),
        ("Institute for the Study of Peace", "Council for the Study of Peace"),
        ("National Security Council", "National Security Agency"),
        ("Supreme Court", "Constitutional Court"),
        ("NBC News", "ABC News"),
        ("New York Times", "Financial Times"),
    ],
)
def test_entities_dissimilar_pairs_stay_apart(a, b):
    assert not _names.similar(a, b, THRESHOLD)


@pytest.mark.parametrize(
    ("acronym", "name"),
    [
        ("CSIS", "Center for Strategic and International Studies"),
        ("NSC", "National Security Council"),
        ("IAEA", "International Atomic Energy Agency"),
    ],
)
def test_entities_acronyms(acronym, name):
    assert _names.is_acronym(acronym)
    assert acronym in _names.initials(name)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Ukraine", "UA"),
        ("Ukrainian", "UA"),
        ("Kyiv", "UA"),
        ("Russia", "RU"),
        ("Russian", "RU"),
        ("the Kremlin", "RU"),
        ("Moscow", "RU"),
        ("U.S.", "US"),
        ("North Korea", "KP"),
        ("South Korea", "KR"),
        ("Germans", "DE"),
        ("Paris", "FR"),
        ("Washington", "US"),
        ("Poland's", "PL"),
        ("Smith", None),
        ("us", None),
    ],
)
def test_entities_country_codes(text, code):
    assert _names.country_of(text) == code


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("The Denver Post", "media"),
        ("Wall Street Journal", "media"),
        ("Ministry of Health", "government"),
        ("National Guard", "armed_force"),
        ("PMC Redline", "armed_force"),
        ("Labour Party", "party"),
        ("NATO", "international"),
        ("Acme Holdings", "company"),
    ],
)
def test_entities_org_kinds(name, kind):
    assert _names.org_kind(name) == kind
