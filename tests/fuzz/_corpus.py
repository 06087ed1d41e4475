"""A deterministic generator of bad and odd inputs for fuzzing dateline's readers.

Not stable API; importable by any fuzz test or benchmark (load it by path, as
``tests/fuzz/conftest.py`` and ``benchmarks/fuzz.py`` do). Every text here is our own
writing or random. Each case says what a robust reader must do with it:

- ``expect="ok"``: a usable article; it must come out as an Extraction.
- ``expect="reject"``: unusable; it must come out as a coded Rejection (DL2xx) whose
  message names its file (and line, for JSONL).
- ``expect="any"``: either is fine (random bytes may decode), but never a traceback
  and never a stage crash (DL301).

Cases come in two shapes: ``FileCase`` (a whole file: name suffix and bytes; a
``.jsonl`` file of many lines holds one case per line, see ``LineCase``) and
``ApiCase`` (a Python value for ``dateline.extract_many``).
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

Expect = str  # "ok", "reject" or "any"

WORDS = (
    "the council harbour mayor said on Monday police arrested two protesters near port "
    "officials reported that about forty ships were waiting after storm minister visited "
    "bridge closed yesterday workers strike union demanded higher wages talks collapsed "
    "government announced aid of million euros flood river rose metres homes evacuated"
).split()
NAMES = ("Maria Costa", "the Harbour Authority", "NASA", "John Okafor", "the city council")
FOREIGN = {
    "de": "die der und nicht mit sich auch auf für ist im dem den des ein eine wurde "
    "Regierung Bauern Dürre Stadt Woche Abend kritisierten unterstützen".split(),
    "fr": "le la les des une est dans pour qui que avec sur pas plus par ont été "
    "gouvernement agriculteurs sécheresse ville semaine syndicats critiqué".split(),
    "es": "el la los las una por con para que del sus fue han según "
    "gobierno agricultores sequía ciudad semana sindicatos criticaron".split(),
    "ru": "правительство объявило ряд мер поддержке фермеров засухи министр "
    "депутатами Москве неделе городах".split(),
    "zh": "政府 宣布 一系列 措施 支持 受 干旱 影响 的 农民 部长 表示".split(),
    "ar": "أعلنت الحكومة يوم الثلاثاء عن سلسلة من الإجراءات لدعم المزارعين".split(),
}
SYMBOLS = ("\U0001f680", "\u00a2", "\u2603", "\u00a7", "\u2122", "\u20ac", "\U0001f4a5", "\u00b6")
CONTROL = "".join(chr(c) for c in range(1, 32) if chr(c) not in "\n\r\t") + "\x7f\u200b\u2028"
IMPOSSIBLE_DATES = (
    "2024-02-30",
    "2023-02-29",
    "2024-13-01",
    "2024-00-10",
    "0000-01-01",
    "9999-12-32",
    "2024-04-31",
)
EDGE_DATES = ("0001-01-01", "9999-12-31")
ABSURD_NUMBERS = (
    "9" * 5000,
    "1e308",
    "1e999",
    "-0",
    "0x1F",
    "1,000,000,000,000,000,000",
    "NaN",
    "Infinity",
    "10^999",
    "3.14159" * 50,
)
EXTREME_OFFSETS = (
    "1,000,000 days ago",
    "110,000 weeks ago",
    "25,000 months ago",
    "9,999 years ago",
    "in 20,000 years",
    "99,999,999 days later",
)


@dataclass(frozen=True)
class LineCase:
    """One JSONL line (already serialised, without its newline) and what must happen."""

    kind: str
    line: str
    expect: Expect


@dataclass(frozen=True)
class FileCase:
    """One input file: its name suffix, its bytes, and what must happen.

    ``lines`` is set for JSONL batches: one case per line (blank lines are not cases),
    in order; then ``expect`` is about the file as a whole ("ok": it has good lines).
    """

    kind: str
    suffix: str
    data: bytes
    expect: Expect
    lines: tuple[LineCase, ...] = field(default=())

    @property
    def count(self) -> int:
        """How many inputs this file holds (its cases)."""
        return len(self.lines) or 1


@dataclass(frozen=True)
class ApiCase:
    """One item for ``dateline.extract_many`` and what must happen."""

    kind: str
    item: Any
    expect: Expect


# --------------------------------------------------------------------------- texts


def sentence(rng: random.Random, words: int = 12) -> str:
    """A run of our own news words with a name and a date, ending in a period."""
    body = " ".join(rng.choice(WORDS) for _ in range(words))
    return f"{rng.choice(NAMES)} said {body} on Monday."


def article_text(rng: random.Random, sentences: int = 3) -> str:
    return " ".join(sentence(rng, rng.randint(5, 15)) for _ in range(sentences))


def foreign_text(rng: random.Random, language: str, words: int = 60) -> str:
    vocab = FOREIGN[language]
    return " ".join(rng.choice(vocab) for _ in range(words)) + "."


def _odd_text(rng: random.Random) -> tuple[str, str]:
    """A text that is odd but still an article: (kind, text)."""
    choice = rng.randrange(9)
    base = article_text(rng, rng.randint(1, 3))
    if choice == 0:
        at = rng.randrange(len(base))
        noise = "".join(rng.choice(CONTROL) for _ in range(rng.randint(1, 8)))
        return "control_chars", base[:at] + noise + base[at:]
    if choice == 1:
        words = base.split()
        words.insert(rng.randrange(len(words)), rng.choice(SYMBOLS))
        return "symbol_names", " ".join(words) + f" {rng.choice(SYMBOLS)} orin"
    if choice == 2:
        return "absurd_number", f"{base} About {rng.choice(ABSURD_NUMBERS)} people came."
    if choice == 3:
        return "extreme_offset", f"It happened {rng.choice(EXTREME_OFFSETS)}, {base}"
    if choice == 4:
        return "impossible_date_text", f"On February 30, 2024 and on 2024-13-45 {base}"
    if choice == 5:
        return "hard_line_breaks", base.replace(" ", "\n", rng.randint(1, 6))
    if choice == 6:
        return "said_chain", "said " * rng.randint(50, 400)
    if choice == 7:
        return "punctuation_storm", "".join(
            rng.choice(".,;:!?\"'()[]-\u2014\u201c\u201d ") for _ in range(300)
        )
    return "plain", base


# --------------------------------------------------------------------------- JSONL lines


def _nested(depth: int, opening: str = "[", closing: str = "]") -> str:
    return opening * depth + closing * depth


def line_case(rng: random.Random) -> LineCase:
    """One JSONL line: good, odd but good, or bad in one of many ways."""
    pick = rng.randrange(24)
    published = rng.choice(("2025-03-14", None, *EDGE_DATES))
    good: dict[str, Any] = {"text": article_text(rng, rng.randint(1, 2))}
    if published:
        good["published"] = published
    if pick < 6:
        return LineCase("jsonl_good", json.dumps(good), "ok")
    if pick < 10:
        kind, text = _odd_text(rng)
        return LineCase(f"jsonl_{kind}", json.dumps({**good, "text": text}), "ok")
    if pick == 10:
        return LineCase(
            "jsonl_deep_nesting", '{"text": ' + _nested(rng.randint(1000, 6000)) + "}", "reject"
        )
    if pick == 11:
        digits = "9" * rng.randint(4400, 100_000)
        return LineCase("jsonl_huge_number", '{"text": "a", "id": ' + digits + "}", "reject")
    if pick == 12:
        field_name = rng.choice(("text", "id", "title", "outlet"))
        obj = {**good, field_name: "bad SURROGATE here"}
        line = json.dumps(obj).replace("SURROGATE", rng.choice(("\\ud800", "\\udfff", "\\udc00")))
        return LineCase("jsonl_lone_surrogate", line, "reject")
    if pick == 13:
        value = rng.choice(
            ("null", "true", "42", '"just a string"', "[1, 2]", '[{"text": "x"}]', "-1e999", "{}")
        )
        return LineCase("jsonl_not_an_object", value, "reject")
    if pick == 14:
        return LineCase(
            "jsonl_impossible_date",
            json.dumps({**good, "published": rng.choice(IMPOSSIBLE_DATES)}),
            "reject",
        )
    if pick == 15:
        cut = json.dumps(good)
        return LineCase("jsonl_truncated", cut[: rng.randrange(1, len(cut) - 1)], "reject")
    if pick == 16:
        text_value = rng.choice(("", "   ", None, 42, ["a"], {"t": 1}))
        return LineCase("jsonl_bad_text_field", json.dumps({**good, "text": text_value}), "reject")
    if pick == 17:
        lang = rng.choice(sorted(FOREIGN))
        return LineCase(
            f"jsonl_foreign_{lang}", json.dumps({**good, "text": foreign_text(rng, lang)}), "ok"
        )
    if pick == 18:
        return LineCase(
            "jsonl_metadata_types",
            json.dumps(
                {
                    **good,
                    "id": rng.choice((7, 1.5, True, [1], {"a": 1})),
                    "title": rng.choice((None, 3, ["t"])),
                }
            ),
            "ok",
        )
    if pick == 19:
        return LineCase(
            "jsonl_random_ascii",
            "".join(chr(rng.randint(32, 126)) for _ in range(rng.randint(1, 200))),
            "any",
        )
    if pick == 20:
        return LineCase(
            "jsonl_nested_object_value",
            json.dumps({**good, "outlet": json.loads(_nested(200, "[", "]"))}),
            "ok",
        )
    if pick == 21:
        return LineCase(
            "jsonl_extreme_offset_edge_date",
            json.dumps(
                {
                    "text": f"It ended {rng.choice(EXTREME_OFFSETS)}. The next "
                    "day they left. Two days later it rained, police said.",
                    "published": rng.choice(EDGE_DATES),
                }
            ),
            "ok",
        )
    if pick == 22:
        return LineCase(
            "jsonl_duplicate_keys",
            '{"text": "One.", "text": ' + json.dumps(good["text"]) + "}",
            "ok",
        )
    text = good["text"].replace(" ", rng.choice(("\x00", "\x1b", "\x7f", "\u2028")), 1)
    return LineCase("jsonl_control_in_json", json.dumps({**good, "text": text}), "ok")


def jsonl_file(rng: random.Random, lines: int) -> FileCase:
    cases = tuple(line_case(rng) for _ in range(lines))
    bom = b"\xef\xbb\xbf" if rng.random() < 0.2 else b""
    data = bom + "\n".join(c.line for c in cases).encode("utf-8", "surrogatepass")
    return FileCase("jsonl_batch", ".jsonl", data, "ok", cases)


# --------------------------------------------------------------------------- whole files


def _html(rng: random.Random, body: str, date_value: str | None = None, head: str = "") -> str:
    meta = f'<meta property="article:published_time" content="{date_value}">' if date_value else ""
    return (
        f"{head}<!DOCTYPE html><html><head><title>Harbour news</title>{meta}</head>"
        f"<body><article>{body}</article></body></html>"
    )


def _paragraphs(rng: random.Random, count: int = 3) -> str:
    return "".join(f"<p>{article_text(rng, 3)}</p>" for _ in range(count))


def file_case(rng: random.Random) -> FileCase:
    """One whole file of an odd or bad kind."""
    pick = rng.randrange(20)
    text = article_text(rng, rng.randint(2, 4))
    if pick == 0:
        return FileCase(
            "random_bytes",
            rng.choice((".txt", ".html", ".json", ".jsonl", "")),
            bytes(rng.randrange(256) for _ in range(rng.randint(1, 2000))),
            "any",
        )
    if pick == 1:
        encoding = rng.choice(("utf-16", "utf-16-le", "utf-16-be", "utf-32"))
        return FileCase("utf16_text", ".txt", text.encode(encoding), "reject")
    if pick == 2:
        latin = text + " Caf\u00e9 cr\u00e8me \u00e0 la fran\u00e7aise, \u00a3 5."
        return FileCase("latin1_text", ".txt", latin.encode("latin-1"), "reject")
    if pick == 3:
        kind, odd = _odd_text(rng)
        return FileCase(f"text_{kind}", ".txt", odd.encode("utf-8"), "ok")
    if pick == 4:
        broken = _paragraphs(rng).replace("</p>", "", rng.randint(1, 3)) + "<div><span><b>"
        return FileCase("html_malformed", ".html", _html(rng, broken, "2025-03-14").encode(), "ok")
    if pick == 5:
        depth = rng.randint(500, 5000)
        body = "<div>" * depth + _paragraphs(rng) + "</div>" * depth
        return FileCase("html_deeply_nested", ".html", _html(rng, body).encode(), "any")
    if pick == 6:
        page = _html(rng, _paragraphs(rng), rng.choice(IMPOSSIBLE_DATES[:3]))
        return FileCase("html_impossible_date", ".html", page.encode(), "ok")
    if pick == 7:
        head = "<!-- saved from url=(0042)https://example.org/harbour/news -->\n"
        return FileCase(
            "html_saved_page", ".txt", _html(rng, _paragraphs(rng), None, head).encode(), "ok"
        )
    if pick == 8:
        return FileCase(
            "html_no_text", ".html", b"<html><body><script>x()</script></body></html>", "reject"
        )
    if pick == 9:
        return FileCase(
            "empty",
            rng.choice((".txt", ".jsonl", ".html")),
            rng.choice((b"", b"  \n\n ", b"\xef\xbb\xbf")),
            "reject",
        )
    if pick == 10:
        return FileCase("nul_bytes", ".txt", text.encode() + b"\x00\x00" + text.encode(), "reject")
    if pick == 11:
        items = [{"text": article_text(rng, 1)} for _ in range(rng.randint(1, 4))]
        items.insert(rng.randrange(len(items) + 1), rng.choice((None, 7, "x", [], {"title": "t"})))
        return FileCase("json_list_with_bad_item", ".json", json.dumps(items).encode(), "ok")
    if pick == 12:
        return FileCase(
            "json_deep", ".json", _nested(rng.randint(2000, 8000), '{"a":', "}").encode(), "reject"
        )
    if pick == 13:
        lang = rng.choice(sorted(FOREIGN))
        return FileCase(f"text_foreign_{lang}", ".txt", foreign_text(rng, lang, 80).encode(), "ok")
    if pick == 14:
        return FileCase("text_bom", ".txt", b"\xef\xbb\xbf" + text.encode(), "ok")
    if pick == 15:
        return FileCase(
            "text_crlf_cr", ".txt", text.replace(". ", ".\r\n").replace(",", ",\r").encode(), "ok"
        )
    if pick == 16:
        return FileCase("json_empty_list", ".json", b"[]", "reject")
    if pick == 17:
        return FileCase(
            "invalid_utf8",
            ".txt",
            text.encode()[:20] + b"\xc3\x28\xa0\xa1" + text.encode()[20:],
            "reject",
        )
    if pick == 18:
        return FileCase(
            "text_only_symbols",
            ".txt",
            " ".join(rng.choice(SYMBOLS) for _ in range(50)).encode(),
            "ok",
        )
    return FileCase("html_as_text_tags", ".txt", f"<p>{text}</p><br/><b>bold</b>".encode(), "ok")


def api_case(rng: random.Random) -> ApiCase:
    """One item for ``extract_many``: a str, dict, or a value of a wrong type."""
    pick = rng.randrange(8)
    if pick == 0:
        return ApiCase(
            "api_wrong_type", rng.choice((None, b"bytes", 3, 2.5, ["a"], ("t",), set())), "reject"
        )
    if pick == 1:
        return ApiCase("api_surrogate", f"bad \ud800 {article_text(rng, 1)}", "reject")
    if pick == 2:
        return ApiCase("api_blank", rng.choice(("", " ", "\n\t")), "reject")
    if pick == 3:
        kind, text = _odd_text(rng)
        return ApiCase(f"api_{kind}", text, "ok")
    if pick == 4:
        return ApiCase(
            "api_dict_bad_date",
            {"text": article_text(rng, 1), "published": rng.choice(IMPOSSIBLE_DATES)},
            "reject",
        )
    if pick == 5:
        lang = rng.choice(sorted(FOREIGN))
        return ApiCase(f"api_foreign_{lang}", foreign_text(rng, lang), "ok")
    if pick == 6:
        return ApiCase(
            "api_dict_edge_date",
            {
                "text": f"They meet tomorrow. {article_text(rng, 1)}",
                "published": rng.choice(EDGE_DATES),
            },
            "ok",
        )
    return ApiCase("api_text", article_text(rng, 2), "ok")


# --------------------------------------------------------------------------- campaigns


def campaign(seed: int, inputs: int, lines_per_file: int = 40) -> Iterator[FileCase]:
    """Files holding about ``inputs`` cases: JSONL batches (one case per line) and whole files.

    Deterministic for a given seed.
    """
    rng = random.Random(seed)
    made = 0
    while made < inputs:
        case = jsonl_file(rng, lines_per_file) if rng.random() < 0.5 else file_case(rng)
        made += case.count
        yield case


def api_campaign(seed: int, inputs: int) -> list[ApiCase]:
    rng = random.Random(seed)
    return [api_case(rng) for _ in range(inputs)]


KINDS: dict[str, Callable[[random.Random], object]] = {
    "line": line_case,
    "file": file_case,
    "api": api_case,
}


# --------------------------------------------------------------------------- harness

WARM_UP = "The mayor said on Monday that the harbour bridge would reopen."


@dataclass
class Outcome:
    """What a campaign produced, and every broken promise found (``violations``)."""

    inputs: int = 0
    extractions: int = 0
    tracebacks: int = 0
    crashes: int = 0  # DL301: a stage raised
    rejections: dict[str, int] = field(default_factory=dict)
    warnings: dict[str, int] = field(default_factory=dict)
    max_seconds: float = 0.0
    violations: list[str] = field(default_factory=list)

    def reject(self, code: str) -> None:
        self.rejections[code] = self.rejections.get(code, 0) + 1


def write_files(cases: list[FileCase], folder: Any) -> list[tuple[str, FileCase]]:
    """Write each case to ``folder`` as ``case-<n><suffix>``; return (path, case) pairs."""
    from pathlib import Path

    written = []
    for number, case in enumerate(cases):
        path = Path(folder) / f"case-{number:05d}{case.suffix}"
        path.write_bytes(case.data)
        written.append((str(path), case))
    return written


def run_files(files: list[tuple[str, FileCase]], settings: Any = None) -> Outcome:
    """Read and extract every file with the Python API, checking each case's promise."""
    import time
    import traceback
    import warnings as warnings_module

    from dateline import extract_many
    from dateline.errors import DatelineWarning
    from dateline.stages.ingest import read_source

    outcome = Outcome()
    list(extract_many([WARM_UP], published="2025-01-01", settings=settings))  # model load
    for path, case in files:
        outcome.inputs += case.count
        results = []
        with warnings_module.catch_warnings(record=True) as seen:
            warnings_module.simplefilter("always", DatelineWarning)
            try:
                last = time.perf_counter()
                for result in extract_many(read_source(path), settings=settings):
                    now = time.perf_counter()
                    outcome.max_seconds = max(outcome.max_seconds, now - last)
                    last = now
                    results.append(result)
            except Exception:  # noqa: BLE001 - the finding this harness exists to count
                outcome.tracebacks += 1
                outcome.violations.append(f"{case.kind} {path}: {traceback.format_exc(limit=3)}")
                continue
        for w in seen:
            code = getattr(w.message, "code", "?")
            outcome.warnings[code] = outcome.warnings.get(code, 0) + 1
        _check_file(path, case, results, outcome)
    return outcome


def _check_file(path: str, case: FileCase, results: list[Any], outcome: Outcome) -> None:
    from dateline.records import Rejection

    for result in results:
        if isinstance(result, Rejection):
            outcome.reject(result.code)
            if result.code == "DL301":
                outcome.crashes += 1
                outcome.violations.append(f"{case.kind} {path}: stage crash {result.message}")
            elif path not in result.message:
                outcome.violations.append(f"{case.kind} {path}: rejection without file name")
        else:
            outcome.extractions += 1
    if case.lines:
        _check_lines(path, case, results, outcome)
        return
    good = [r for r in results if not isinstance(r, Rejection)]
    if case.expect == "ok" and not good:
        outcome.violations.append(f"{case.kind} {path}: expected an extraction, got {results}")
    if case.expect == "reject" and good:
        outcome.violations.append(f"{case.kind} {path}: expected a rejection")


def _check_lines(path: str, case: FileCase, results: list[Any], outcome: Outcome) -> None:
    """Each JSONL line: an extraction for good lines, a rejection naming file:line for bad."""
    from dateline.records import Rejection

    by_line: dict[int, Any] = {}
    for result in results:
        if isinstance(result, Rejection):
            by_line[result.line or 0] = result
        else:
            by_line[int((result.article.source or ":0").rsplit(":", 1)[1])] = result
    numbered = [(n, c) for n, c in enumerate(case.lines, start=1) if c.line.strip()]
    for number, line_case in numbered:
        got = by_line.get(number)
        if got is None:
            outcome.violations.append(f"{line_case.kind} {path}:{number}: no result (lost)")
        elif line_case.expect == "ok" and isinstance(got, Rejection):
            outcome.violations.append(f"{line_case.kind} {path}:{number}: rejected {got.message}")
        elif line_case.expect == "reject" and not isinstance(got, Rejection):
            outcome.violations.append(f"{line_case.kind} {path}:{number}: expected a rejection")
        elif isinstance(got, Rejection) and f"{path}: line {number}" not in got.message:
            outcome.violations.append(f"{line_case.kind} {path}:{number}: message lacks line")


def run_api(cases: list[ApiCase], settings: Any = None) -> Outcome:
    """Send API cases through ``extract_many`` in one stream; check order and outcomes."""
    import traceback
    import warnings as warnings_module

    from dateline import extract_many
    from dateline.errors import DatelineWarning
    from dateline.records import Rejection

    outcome = Outcome(inputs=len(cases))
    with warnings_module.catch_warnings():
        warnings_module.simplefilter("ignore", DatelineWarning)
        try:
            results = list(extract_many([c.item for c in cases], settings=settings))
        except Exception:  # noqa: BLE001 - the finding this harness exists to count
            outcome.tracebacks += 1
            outcome.violations.append(traceback.format_exc(limit=3))
            return outcome
    if len(results) != len(cases):
        outcome.violations.append(f"{len(cases)} items in, {len(results)} results out")
    for case, result in zip(cases, results, strict=False):
        if isinstance(result, Rejection):
            outcome.reject(result.code)
            outcome.crashes += result.code == "DL301"
            if case.expect == "ok" or result.code == "DL301":
                outcome.violations.append(f"{case.kind}: rejected {result.message}")
        else:
            outcome.extractions += 1
            if case.expect == "reject":
                outcome.violations.append(f"{case.kind}: expected a rejection")
    return outcome


def run_cli(files: list[tuple[str, FileCase]], output: Any) -> tuple[int, str, int]:
    """Run ``dateline extract -f jsonl -o output`` over the files in a real subprocess.

    Returns:
        (exit code, stderr, number of JSONL rows written).
    """
    import subprocess
    import sys
    from pathlib import Path

    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "dateline.cli",
            "extract",
            *[p for p, _ in files],
            "-f",
            "jsonl",
            "-o",
            str(output),
        ],
        capture_output=True,
        text=True,
        timeout=3600,
    )
    out = Path(output)
    rows = len(out.read_text(encoding="utf-8").splitlines()) if out.exists() else 0
    return proc.returncode, proc.stderr, rows


def check_cli(files: list[tuple[str, FileCase]], code: int, stderr: str, rows: int) -> list[str]:
    """The CLI's promises over a batch: no traceback, every bad line named, good ones written."""
    problems = []
    if "Traceback" in stderr:
        problems.append("a traceback on stderr")
    if code not in (0, 1, 2):
        problems.append(f"exit code {code}")
    wanted = 0
    for path, case in files:
        if case.lines:
            for number, line_case in enumerate(case.lines, start=1):
                wanted += line_case.expect == "ok"
                if line_case.expect == "reject" and f"{path}: line {number}" not in stderr:
                    problems.append(f"{line_case.kind} {path}:{number}: not reported")
        elif case.expect == "ok":
            wanted += 1
        elif case.expect == "reject" and path not in stderr:
            problems.append(f"{case.kind} {path}: not reported")
    if rows < wanted:
        problems.append(f"{rows} rows written, at least {wanted} expected (batch lost)")
    for line in stderr.splitlines():
        if line.startswith("error:") and "[DL" not in line:
            problems.append(f"uncoded error: {line[:200]}")
        if "[DL301]" in line:
            problems.append(f"stage crash: {line[:300]}")
    return problems
