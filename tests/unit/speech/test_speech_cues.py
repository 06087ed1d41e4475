"""The speech stage: quotation marks and reporting cues with their speakers, found once
per article and read as records by quotes and claims (issue 12)."""

from __future__ import annotations

import pytest

from dateline.api import extract
from dateline.config import EntitySettings, QuoteSettings
from dateline.records import Article, QuoteMark, Speaker, SpeakerRef, SpeechCue
from dateline.stages.entities import extract_entities
from dateline.stages.quotes import extract_quotes
from dateline.stages.speech import STAGE, find_speech_cues, pair_quote_marks

pytestmark = pytest.mark.issue(12)


def _cues(nlp, text: str) -> list[SpeechCue]:
    article = Article(text=text)
    doc = nlp(text)
    entities = extract_entities(article=article, doc=doc, settings=EntitySettings())
    marks = pair_quote_marks(article=article)
    return find_speech_cues(article=article, doc=doc, entities=entities, marks=marks)


def _words(text: str, span: tuple[int, int] | None) -> str | None:
    return None if span is None else text[span[0] : span[1]]


def test_speech_marks_are_records_in_text_order() -> None:
    text = 'She said: "We will go." Later: "Not yet," he added.'
    marks = pair_quote_marks(article=Article(text=text))
    assert [_words(text, m.span) for m in marks] == ['"We will go."', '"Not yet,"']
    assert [m.id for m in marks] == ["M1", "M2"]
    assert {m.stage for m in marks} == {STAGE}


def test_speech_cue_carries_its_content_and_resolved_speaker(nlp) -> None:
    text = "Helen Dorsey said that the pier was closed."
    (cue,) = _cues(nlp, text)
    assert (cue.text, cue.lemma, cue.kind, cue.phrase) == ("said", "say", "verb", "said")
    assert _words(text, cue.content) == "the pier was closed"
    assert _words(text, cue.source) == "Dorsey"
    assert cue.speaker is not None
    assert (cue.speaker.ref.name, cue.speaker.category) == ("Helen Dorsey", "person")
    assert cue.speaker.ref.entity_id is not None


def test_speech_pronoun_refers_to_the_earlier_speaker(nlp) -> None:
    text = "Helen Dorsey said that the pier was closed. She added that repairs would start."
    cues = _cues(nlp, text)
    assert [c.text for c in cues] == ["said", "added"]
    assert cues[1].speaker.ref.name == "Helen Dorsey"
    assert cues[1].speaker.ref.mention == "She"


def test_speech_according_to_is_one_cue(nlp) -> None:
    text = "According to the harbour authority, the pier is closed."
    (cue,) = _cues(nlp, text)
    assert (cue.kind, cue.phrase) == ("according", "according to")
    assert _words(text, cue.content) == "the pier is closed"


def test_speech_signature_after_a_quotation(nlp) -> None:
    text = '"We will rebuild the pier." \u2015 Jane Roe'
    cues = _cues(nlp, text)
    signature = [c for c in cues if c.kind == "signature"]
    assert len(signature) == 1
    assert signature[0].speaker.ref.name == "Jane Roe"


def test_speech_cue_governs_the_quotation_it_introduces(nlp) -> None:
    text = 'Helen Dorsey said "the pier will stay closed until spring" on Monday.'
    (mark,) = pair_quote_marks(article=Article(text=text))
    governing = [c for c in _cues(nlp, text) if c.governs]
    assert [(c.text, c.governs) for c in governing] == [("said", [mark.span])]


def test_speech_cue_inside_quotation_marks_is_quoted(nlp) -> None:
    text = '"Tom said that the pier was closed," Jane Roe wrote.'
    by_word = {c.text: c for c in _cues(nlp, text)}
    assert by_word["said"].quoted is True
    assert by_word["wrote"].quoted is False


def test_speech_quotes_read_the_speaker_of_the_cue_record() -> None:
    # No Doc at all: the quotes stage reads the speech records only, so the speaker it
    # reports is the one the record carries, not one found again in the text.
    text = 'Jane Roe said: "We will rebuild the pier."'
    article = Article(text=text)
    marks = [QuoteMark(id="M1", article_id=article.id, span=(15, len(text)), stage=STAGE)]
    ref = SpeakerRef(name="Dr Jane Roe", mention="Jane Roe", span=(0, 8), entity_id="E1")
    cue = SpeechCue(
        id="S1",
        article_id=article.id,
        span=(9, 13),
        stage=STAGE,
        text="said",
        lemma="say",
        phrase="said",
        kind="verb",
        source=(5, 8),
        source_word="roe",
        source_lemma="roe",
        speaker=Speaker(ref=ref, category="person"),
    )
    (quote,) = extract_quotes(article=article, marks=marks, cues=[cue], settings=QuoteSettings())
    assert (quote.kind, quote.speaker, quote.cue_span) == ("direct", ref, (9, 13))


def test_speech_quotes_and_claims_name_the_same_source() -> None:
    text = "Marta Kowalczyk visited the archive on Friday. She said that the archive had closed."
    result = extract(text, "2024-05-03")
    (quote,) = result.quotes
    offset = text.index("the archive had closed")
    claim = min(
        (c for c in result.claims if c.span[0] <= offset < c.span[1]),
        key=lambda c: c.span[1] - c.span[0],
    )
    (source,) = claim.attribution.sources
    assert quote.speaker.name == "Marta Kowalczyk"
    assert (source.name, source.entity_id) == (quote.speaker.name, quote.speaker.entity_id)
