"""Training of the entity timeline models: examples from ECB+-style annotations, the
binary fit, its held-out figures, and the inclusion labels from a gold timeline."""

from __future__ import annotations

import pytest

from dateline.entity_timeline import IS_EVENT, EventWord, TimelineCandidate
from dateline.training import timeline_inclusion, timeml_events

# An ECB+-style document written for this test: sentences joined by newlines, the second
# validated, one action mention in it.
DOCUMENT = {
    "text": "A heading line\nThe mayor opened the new bridge on Friday .\nAnother line",
    "validated_sentences": [1],
    "mentions": [
        {"start": 25, "end": 31, "kind": "event", "sentence": 1},
        {"start": 15, "end": 24, "kind": "entity", "sentence": 1},
    ],
}


def test_training_validated_sentences_shift_mentions_to_their_sentence():
    [(start, text, spans)] = timeml_events.validated_sentences(DOCUMENT)
    assert start == 15
    assert text == "The mayor opened the new bridge on Friday ."
    assert spans == [(10, 16)]
    assert text[10:16] == "opened"


def test_training_examples_label_the_covered_verb_an_event(nlp):
    examples = timeml_events.build_examples([DOCUMENT])
    labelled = dict(zip(examples.lemmas, examples.labels, strict=True))
    assert labelled["open/VERB"] == IS_EVENT
    assert labelled["bridge/NOUN"] == timeml_events.NOT_EVENT
    assert "mayor/NOUN" in labelled


def _examples(n: int) -> timeml_events.Examples:
    examples = timeml_events.Examples()
    for i in range(n):
        event = i % 2 == 0
        examples.features.append(["bias", f"cue={event}"])
        examples.labels.append(IS_EVENT if event else timeml_events.NOT_EVENT)
        examples.lemmas.append("x/VERB")
    return examples


def test_training_fit_learns_a_separating_feature():
    model = timeml_events.fit(_examples(40))
    column = model.labels.index(IS_EVENT)
    yes, no = model.probabilities([["bias", "cue=True"], ["bias", "cue=False"]])[:, column]
    assert yes > 0.8
    assert no < 0.2


def test_training_evaluate_counts_precision_and_recall():
    model = timeml_events.fit(_examples(40))
    figures = timeml_events.evaluate(model, _examples(10))
    assert figures["examples"] == 10
    assert figures["events"] == 5
    assert figures["precision"] == pytest.approx(1.0)
    assert figures["recall"] == pytest.approx(1.0)
    assert figures["majority_accuracy"] == pytest.approx(0.5)


def _candidate(start: int) -> TimelineCandidate:
    word = EventWord(
        article_id="a1",
        span=(start, start + 6),
        text="opened",
        lemma="open",
        pos="VERB",
        sentence=(0, 40),
    )
    return TimelineCandidate(word=word, mention=(0, 9), role="subject", pronoun=False)


def test_training_inclusion_label_is_overlap_with_a_gold_mention():
    gold = {"a1": [(10, 16)]}
    assert timeline_inclusion._in_gold(_candidate(10), gold)
    assert timeline_inclusion._in_gold(_candidate(14), gold)
    assert not timeline_inclusion._in_gold(_candidate(16), gold)
    assert not timeline_inclusion._in_gold(_candidate(10), {"a1": []})
