"""Source chains of reports through a cited party, groups of people and continued reports."""

from __future__ import annotations

import pytest
from _claims_support import innermost, run


@pytest.mark.parametrize(
    ("text", "words", "chain"),
    [
        ("The Coastal Times cited an unnamed official as saying that the port would close.",
         "the port would close", [("Coastal Times", "named"), ("official", "anonymous")]),
        ("The Daily Beacon, quoting a senior police officer, reported that three suspects "
         "had been detained.", "three suspects",
         [("Daily Beacon", "named"), ("police officer", "anonymous")]),
        ("Dairy farmers in Vermont warned that milk prices would fall.", "milk prices",
         [("farmers", "anonymous")]),
        ("Anna Berg said that the company would appeal, adding that it had done nothing "
         "wrong.", "it had done nothing", [("Anna Berg", "named")]),
    ],
)
def test_claims_sources_chain(nlp, text: str, words: str,
                              chain: list[tuple[str, str]]) -> None:
    sources = innermost(run(nlp, text), text, words).attribution.sources
    assert len(sources) == len(chain)
    for source, (name, kind) in zip(sources, chain, strict=True):
        assert name in source.name
        assert source.kind == kind


@pytest.mark.issue(8)
@pytest.mark.parametrize(
    ("text", "words", "modality"),
    [
        # A participle sharing its host's subject reports its own complement: the host
        # clause is the speaker's act, told by the article.
        ("Prosecutors sought a ten-year term, calling the fraud deliberate.",
         "sought", "asserted"),
        # A comma-set reporting clause with its own subject reports its host clause.
        ("The port is closed, officials said.", "port is closed", "reported"),
    ],
)  # fmt: skip
def test_claims_host_clause_needs_a_reporting_subject_of_its_own(nlp, text, words, modality):
    assert innermost(run(nlp, text), text, words).modality == modality
