"""Names the tokenizer cut at a glued hyphen are joined once, inside the parse."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from dateline.stages._name_joins import NAMES_KEY, join_hyphenated_names, names_of
from dateline.stages._toponyms import DEFAULT_KNOWN_PLACES


@pytest.mark.parametrize(
    ("words", "spaces", "ents", "expected"),
    [
        # "Emilia" GPE + "-Romagna" PERSON: one GPE across the glued hyphen.
        (["in", "Baden", "-", "Wurttemberg", "today"], [True, False, False, True, False],
         [(1, 2, "GPE"), (2, 4, "PERSON")], [(1, 4, "GPE")]),
        # An untagged word after a glued hyphen belongs to the name.
        (["in", "Baden", "-", "Wurttemberg", "today"], [True, False, False, True, False],
         [(1, 2, "GPE")], [(1, 4, "GPE")]),
        # A spaced dash is punctuation, not part of a name.
        (["Baden", "-", "Wurttemberg"], [True, True, False],
         [(0, 1, "GPE"), (2, 3, "GPE")], [(0, 1, "GPE"), (2, 3, "GPE")]),
        # Two countries or peoples joined by a hyphen stay two names...
        (["the", "Russia", "-", "Ukraine", "war"], [True, False, False, True, False],
         [(1, 2, "GPE")], [(1, 2, "GPE")]),
        (["the", "Polish", "-", "Ukrainian", "border"], [True, False, False, True, False],
         [(1, 2, "NORP"), (3, 4, "NORP")], [(1, 2, "NORP"), (3, 4, "NORP")]),
        # ...unless the whole is a country.
        (["in", "Guinea", "-", "Bissau", "today"], [True, False, False, True, False],
         [(1, 2, "GPE")], [(1, 4, "GPE")]),
        # An untagged word that opens a longer name is not the end of this one.
        (["at", "Porto", "-", "Francisco", "Carneiro", "Airport"],
         [True, False, False, True, True, False],
         [(1, 2, "GPE")], [(1, 2, "GPE")]),
    ],
)  # fmt: skip
def test_parse_hyphenated_names_joined(nlp, words, spaces, ents, expected):
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    doc.ents = [doc.char_span(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), label=lab)
                for s, e, lab in ents]  # fmt: skip
    model_ents = [(e.start, e.end, e.label_) for e in doc.ents]
    joined = join_hyphenated_names(doc, DEFAULT_KNOWN_PLACES)
    assert [(s.start, s.end, s.label_) for s in joined.spans[NAMES_KEY]] == expected
    assert names_of(joined) == expected
    assert [(e.start, e.end, e.label_) for e in joined.ents] == model_ents


def test_parse_model_joins_hyphenated_names(nlp):
    assert nlp.pipe_names.index("dateline_joined_names") == nlp.pipe_names.index("ner") + 1
    doc = nlp("Floods hit the Emilia-Romagna region, and Emilia-Romagna asked for help.")
    names = {span.text for span in doc.spans[NAMES_KEY]}
    assert "Emilia-Romagna" in names
    assert "Emilia" not in names


def test_parse_missing_model_is_dl102():
    from dateline.errors import PipelineError
    from dateline.stages.parse import load_model

    with pytest.raises(PipelineError, match=r"DL102.*no_such_model_pkg"):
        load_model("no_such_model_pkg")
