"""Every packaged table loads through one loader and names where its source is told."""

from __future__ import annotations

from importlib import resources

import pytest

from dateline.data import TABLES, load_rows, load_table, load_words


@pytest.mark.parametrize("kind", sorted(TABLES))
def test_data_table_loads_and_names_its_source(kind):
    assert load_table(kind).strip()
    source = resources.files("dateline").joinpath("data", TABLES[kind].source)
    assert source.is_file()
    assert TABLES[kind].path.rsplit("/", 1)[-1] in source.read_text(encoding="utf-8")


def test_data_titles_table_holds_titles():
    assert "spokeswoman" in load_words("titles", "title")
    assert "spokeswoman" in load_words("titles", "source")


@pytest.mark.parametrize(
    ("kind", "use", "word", "listed"),
    [
        ("titles", "title", "prime minister", True),
        ("titles", "title", "witness", False),  # names a source, never written before a name
        ("titles", "source", "witness", True),
        ("reporting_verbs", "subject", "say", True),
        ("reporting_verbs", "cue", "say", True),
        ("organisation_words", "head", "ministry", True),
        ("organisation_words", "speaker", "reuters", True),
        ("organisation_words", "head", "reuters", False),
        ("directive_verbs", "appeal", "urge", True),
        ("directive_verbs", "control", "urge", True),
        ("directive_verbs", "control", "warn", False),
    ],
)
def test_data_word_tables_list_each_word_for_its_uses(kind, use, word, listed):
    assert (word in load_words(kind, use)) is listed


def test_data_word_table_refuses_an_unknown_use():
    with pytest.raises(KeyError, match="lists no word for the use 'speech'"):
        load_words("titles", "speech")


def test_data_demonyms_are_one_table_with_one_code_per_form():
    rows = load_rows("demonyms")
    forms = [form.lower() for form, _ in rows]
    assert len(forms) == len(set(forms))
    assert dict((f.lower(), c) for f, c in rows)["poles"] == "PL"
    assert all(len(code) == 2 or code.startswith("cont:") for _, code in rows)


@pytest.mark.parametrize(
    ("loader", "form"),
    [
        ("dateline.stages._names", "Scottish"),
        ("dateline.stages._triggers", "Scottish"),
        ("dateline.stages._gazetteer", "Scottish"),
    ],
)
def test_data_every_stage_reads_the_one_demonym_table(loader, form):
    import importlib

    module = importlib.import_module(loader)
    table = {
        "dateline.stages._names": lambda: module.lexicon().demonyms,
        "dateline.stages._triggers": lambda: module.demonyms(),
        "dateline.stages._gazetteer": lambda: module.load_gazetteer().demonyms,
    }[loader]()
    assert table[form.lower()] == "GB"


def test_data_unknown_table_lists_the_tables():
    with pytest.raises(KeyError, match="tables: countries, demonyms, department_titles"):
        load_table("title")
