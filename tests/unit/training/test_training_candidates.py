"""The labelling sheets: candidates listed with offsets that hold their word, and filled
sheets merged into the label file sorted, once, with bad rows refused."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from dateline.training import candidates as sheets
from dateline.training import events as training


def test_marked_text_numbers_each_candidate_after_its_word() -> None:
    rows = [[1, "c", "d", 4, 9, "fired", ""], [2, "c", "d", 14, 19, "shots", ""]]
    assert sheets.marked_text("Men fired two shots.", rows) == "Men fired⟨1⟩ two shots⟨2⟩."


@pytest.fixture(scope="module")
def ecb_doc(shared_dir: Path) -> str:
    with (shared_dir / "data" / "ecbplus" / "dev.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["split"] == "train":
                return str(rec["doc_id"])
    pytest.skip("no ECB+ train document")


def _read(sheet: Path) -> list[dict]:
    with sheet.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def _write(sheet: Path, rows: list[dict]) -> None:
    with sheet.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=sheets.HEADER, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_sheet_rows_hold_their_words_and_merge_once(ecb_doc: str, tmp_path: Path) -> None:
    sheets.write_sheets("ecbplus", [ecb_doc], tmp_path)
    sheet = next(tmp_path.glob("*.tsv"))
    rows = _read(sheet)
    text = training._shared_record("ecbplus", ecb_doc, {})["text"]
    assert len(rows) >= 2
    assert all(text[int(r["start"]) : int(r["end"])] == r["word"] for r in rows)
    assert "⟨1⟩" in sheet.with_suffix(".txt").read_text(encoding="utf-8")

    rows[0]["label"], rows[1]["label"] = "none", "ASSAULT"
    _write(sheet, rows)
    labels = tmp_path / "references.tsv"
    shutil.copy(training._data_file("references.tsv"), labels)
    before = len(training.references(labels))
    added = sheets.merge_sheets([sheet], labels)
    merged = training.references(labels)
    new_keys = {("ecbplus", ecb_doc, int(r["start"])) for r in rows[:2]}
    assert added == len(new_keys - {(c, d, s) for c, d, s, _, _ in training.references()})
    assert len(merged) == before + added
    assert [(c, d, s) for c, d, s, _, _ in merged] == sorted((c, d, s) for c, d, s, _, _ in merged)
    mine = {(c, d, s): label for c, d, s, _, label in merged if (c, d, s) in new_keys}
    assert sorted(mine.values()) == ["ASSAULT", "NONE"]
    assert sheets.merge_sheets([sheet], labels) == 0


def test_merge_refuses_unknown_labels_and_shifted_offsets(ecb_doc: str, tmp_path: Path) -> None:
    sheets.write_sheets("ecbplus", [ecb_doc], tmp_path)
    sheet = next(tmp_path.glob("*.tsv"))
    labels = tmp_path / "references.tsv"
    shutil.copy(training._data_file("references.tsv"), labels)
    rows = _read(sheet)
    rows[0]["label"] = "BOMBING"
    _write(sheet, rows)
    with pytest.raises(ValueError, match="unknown label"):
        sheets.merge_sheets([sheet], labels)
    rows[0]["label"] = "NONE"
    rows[0]["start"] = str(int(rows[0]["start"]) + 1)
    _write(sheet, rows)
    with pytest.raises(ValueError, match="is not"):
        sheets.merge_sheets([sheet], labels)
    stray = tmp_path / "stray.tsv"
    stray.write_text("n\tcorpus\n1\tecbplus\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not a label sheet"):
        sheets.merge_sheets([stray], labels)
    assert labels.read_bytes() == training._data_file("references.tsv").read_bytes()
