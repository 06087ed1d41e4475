"""Property tests: speech records stay inside their text and agree with each other."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.config import QuoteSettings
from dateline.records import Article
from dateline.stages.quotes import extract_quotes
from dateline.stages.speech import find_speech_cues, pair_quote_marks

pytestmark = pytest.mark.issue(12)

_NAMES = ["Helen Dorsey", "The harbour board", "She", "Officials", "Tom Reyes"]
_VERBS = ["said", "warned", "added", "denied", "told reporters"]
_CLAUSES = ["the pier was closed", "repairs would start soon", "nobody was hurt"]
_MARKS = ['"', "\u201c", "\u201d", "``", "''", " ", ",", ".", "\n", " \u2015 "]


@st.composite
def _sentences(draw) -> str:
    name, verb, clause = (
        draw(st.sampled_from(_NAMES)),
        draw(st.sampled_from(_VERBS)),
        draw(st.sampled_from(_CLAUSES)),
    )
    shape = draw(st.integers(0, 3))
    if shape == 0:
        return f"{name} {verb} that {clause}."
    if shape == 1:
        return f'"{clause.capitalize()}," {name.lower() if name == "She" else name} {verb}.'
    if shape == 2:
        return f"According to {name}, {clause}."
    return f"{name} {verb}: \u201c{clause.capitalize()}.\u201d"


_texts = st.lists(_sentences(), min_size=1, max_size=4).map(" ".join)


@given(st.lists(st.sampled_from([*_MARKS, "a", "bc", "we go"]), min_size=1).map("".join))
def test_speech_marks_are_ordered_disjoint_and_inside_the_text(text: str) -> None:
    spans = [m.span for m in pair_quote_marks(article=Article(text=text))]
    assert all(0 <= a < b <= len(text) for a, b in spans)
    assert all(b1 <= a2 for (_, b1), (a2, _) in zip(spans, spans[1:], strict=False))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_texts)
def test_speech_cues_lie_in_the_text_and_govern_only_marks(nlp, text: str) -> None:
    article = Article(text=text)
    marks = pair_quote_marks(article=article)
    cues = find_speech_cues(article=article, doc=nlp(text), entities=[], marks=marks)
    spans = {m.span for m in marks}
    for cue in cues:
        assert text[cue.span[0] : cue.span[1]] == cue.text
        for span in (cue.content, cue.source):
            assert span is None or 0 <= span[0] < span[1] <= len(text)
        assert set(cue.governs) <= spans
        assert not (cue.quoted and cue.kind != "signature" and cue.governs)
    quotes = extract_quotes(article=article, marks=marks, cues=cues, settings=QuoteSettings())
    by_span = {c.span: c for c in cues}
    for quote in quotes:
        cue = by_span[quote.cue_span]
        assert quote.speaker == (cue.speaker.ref if cue.speaker else None)
