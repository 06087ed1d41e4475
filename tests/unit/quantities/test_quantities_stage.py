"""The quantities stage on parsed text: date exclusion and counted nouns."""

from __future__ import annotations

import pytest

from dateline.config import QuantitySettings
from dateline.records import Article
from dateline.stages.quantities import extract_quantities


def _run(nlp, text):
    article = Article(text=text)
    return extract_quantities(article=article, doc=nlp(text), settings=QuantitySettings())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("About 3,000 reserve servicemen were called up.", [("About 3,000", "servicemen")]),
        ("The army took control of 92 settlements.", [("92", "settlements")]),
        ("Over 100 Russian soldiers surrendered on August 14.", [("Over 100", "soldiers")]),
        ("They plan to deploy 60,000-70,000 troops.", [("60,000-70,000", "troops")]),
        ("They gave them up to 10 hours of training.", [("up to 10 hours", "training")]),
        ("On August 7, 2024, at 10:00, the first convoy left.", []),
        ("In 2024 the town was shelled.", []),
        ("Troops advanced up to 10 km deep.", [("up to 10 km", None)]),
        ("One of the soldiers said it was one among many.", []),
        (
            "Only one convoy arrived, with 12 percent of the aid.",
            [("one", "convoy"), ("12 percent", "aid")],
        ),
        ("The company's 1995 tax return showed a loss.", []),
        ("The Boeing 737 crashed, killing 12 people.", [("12", "people")]),
        ("Under Article 21 of the charter, 5 states objected.", [("5", "states")]),
        ("Poland lost 300 tanks and Hungary 120.", [("300", "tanks"), ("120", None)]),
    ],
)
def test_quantities_stage_spans_and_counted(nlp, text, expected):
    found = _run(nlp, text)
    assert [(q.text, q.counted) for q in found] == expected
    for q in found:
        assert text[q.span[0] : q.span[1]] == q.text
