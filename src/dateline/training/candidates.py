"""List the event candidates of shared-corpus documents, for labelling by hand.

usage: python -m dateline.training.candidates CORPUS DOC_ID [DOC_ID ...] -o DIR

For each document of ``../shared/data/CORPUS/dev.jsonl`` or ``train.jsonl`` (never a test
split) writes two
files to DIR, named after the document:

- ``<doc>.txt``: the document's text with every candidate trigger marked ``word⟨n⟩``, so a
  labeller reads each candidate in its sentence;
- ``<doc>.tsv``: one row per candidate, ``n``, ``corpus``, ``doc_id``, ``start``, ``end``,
  ``word`` and an empty ``label`` column to fill with a PLOVER type or ``NONE``, following
  ``data/events/training/LABELLING.md``.

Rows whose label is filled go into ``data/events/training/references.tsv`` as ``corpus``,
``doc_id``, ``start``, ``end``, ``label`` (``--merge FILE...`` does that, keeping the file
sorted). The offsets are those of the corpus record's ``text``: no third-party text is
copied into the project.
"""

from __future__ import annotations

import argparse
import csv
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from dateline.records import PLOVER_TYPES
from dateline.stages._event_features import candidates
from dateline.stages._event_model import NO_EVENT
from dateline.training._corpus import prepare
from dateline.training.events import _data_file, _shared_record, references

_UNSAFE = re.compile(r"[^\w.-]+")
LABELS = frozenset(PLOVER_TYPES) | {NO_EVENT}
HEADER = ["n", "corpus", "doc_id", "start", "end", "word", "label"]


def candidate_rows(corpus: str, doc_ids: Sequence[str]) -> dict[str, tuple[str, list[list]]]:
    """Each document's text and its candidate rows (``HEADER`` order, label empty)."""
    cache: dict[str, dict[str, dict]] = {}
    records = [_shared_record(corpus, doc_id, cache) for doc_id in doc_ids]
    prepared = prepare([{"id": str(r["doc_id"]), "text": r["text"]} for r in records])
    out: dict[str, tuple[str, list[list]]] = {}
    for doc_id, rec, item in zip(doc_ids, records, prepared, strict=True):
        assert item is not None
        rows = [
            [n, corpus, doc_id, tok.idx, tok.idx + len(tok.text), tok.text, ""]
            for n, tok in enumerate(candidates(item.doc), start=1)
        ]
        out[doc_id] = (rec["text"], rows)
    return out


def marked_text(text: str, rows: list[list]) -> str:
    """``text`` with each candidate's word followed by ``⟨n⟩``."""
    parts: list[str] = []
    last = 0
    for n, _corpus, _doc, _start, end, _word, _label in rows:
        parts.append(text[last:end])
        parts.append(f"⟨{n}⟩")
        last = end
    parts.append(text[last:])
    return "".join(parts)


def write_sheets(corpus: str, doc_ids: Sequence[str], out_dir: Path) -> None:
    """Write the marked text and the label sheet of each document to ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for doc_id, (text, rows) in candidate_rows(corpus, doc_ids).items():
        stem = _UNSAFE.sub("_", f"{corpus}_{doc_id}")
        (out_dir / f"{stem}.txt").write_text(marked_text(text, rows), encoding="utf-8")
        with (out_dir / f"{stem}.tsv").open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
            writer.writerow(HEADER)
            writer.writerows(rows)
        print(f"{stem}: {len(rows)} candidates")


def sheet_labels(sheet: Path, cache: dict[str, dict[str, dict]]) -> Iterator[tuple]:
    """The filled rows of one sheet as ``(corpus, doc_id, start, end, label)``.

    Raises:
        ValueError: the file lacks a sheet's columns, a row's label is no PLOVER type nor
            NONE, or its offsets do not hold its word in the corpus text.
    """
    with sheet.open(encoding="utf-8") as fh:
        reader = csv.DictReader(fh, delimiter="\t")
        missing = [c for c in HEADER if c not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{sheet}: not a label sheet (no column {', '.join(missing)})")
        for row in reader:
            label = (row.get("label") or "").strip().upper()
            if not label:
                continue
            if label not in LABELS:
                raise ValueError(f"{sheet}: row {row['n']}: unknown label {label!r}")
            start, end = int(row["start"]), int(row["end"])
            text = _shared_record(row["corpus"], row["doc_id"], cache)["text"]
            if text[start:end] != row["word"]:
                raise ValueError(f"{sheet}: row {row['n']}: {start}:{end} is not {row['word']!r}")
            yield row["corpus"], row["doc_id"], start, end, label


def merge_sheets(sheets: Sequence[Path], path: Path | None = None) -> int:
    """Add the labelled rows of filled sheets to a label file; return how many were new.

    Args:
        sheets: filled label sheets (``write_sheets``); a label given again replaces the
            file's.
        path: the label file; the packaged ``references.tsv`` when None.

    Raises:
        ValueError: a bad row (``sheet_labels``); the file is then left as it was.
    """
    path = path or _data_file("references.tsv")
    known = {(c, d, s): (e, label) for c, d, s, e, label in references(path)}
    cache: dict[str, dict[str, dict]] = {}
    rows = [row for sheet in sheets for row in sheet_labels(sheet, cache)]
    added = len({(c, d, s) for c, d, s, _, _ in rows} - known.keys())
    known.update({(c, d, s): (e, label) for c, d, s, e, label in rows})
    head = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    lines = head + ["corpus\tdoc_id\tstart\tend\tlabel"]
    lines += [f"{c}\t{d}\t{s}\t{e}\t{label}" for (c, d, s), (e, label) in sorted(known.items())]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return added


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", help="folder under ../shared/data")
    parser.add_argument("doc_ids", nargs="*", help="documents of its dev.jsonl or train.jsonl")
    parser.add_argument("-o", "--out", type=Path, help="folder for the label sheets")
    parser.add_argument("--merge", type=Path, nargs="+", help="filled sheets to merge")
    args = parser.parse_args(argv)
    if not args.merge and not (args.corpus and args.doc_ids and args.out):
        parser.error("give CORPUS, at least one DOC_ID and -o DIR (or --merge SHEETS)")
    try:
        if args.merge:
            print(f"{merge_sheets(args.merge)} new labels merged into references.tsv")
        else:
            write_sheets(args.corpus, args.doc_ids, args.out)
    except (OSError, ValueError, KeyError) as exc:
        parser.error(str(exc))


if __name__ == "__main__":
    main()
