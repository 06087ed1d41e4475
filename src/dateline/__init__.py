"""dateline: news articles into dated, sourced, structured records.

Public API only; see ``dateline.api`` and ``dateline.records``.
"""

from dateline.api import extract, extract_many, ingest, json_schema
from dateline.config import Settings, load_settings
from dateline.errors import (
    ConfigError,
    DatelineError,
    DatelineWarning,
    InputError,
    PipelineError,
    StageError,
)
from dateline.records import (
    Article,
    Attribution,
    Claim,
    Entity,
    Event,
    Extraction,
    Place,
    Quantity,
    Quote,
    Rejection,
    Timex,
)

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Attribution",
    "Claim",
    "ConfigError",
    "DatelineError",
    "DatelineWarning",
    "Entity",
    "Event",
    "Extraction",
    "InputError",
    "PipelineError",
    "Place",
    "Quantity",
    "Quote",
    "Rejection",
    "Settings",
    "StageError",
    "Timex",
    "extract",
    "extract_many",
    "ingest",
    "json_schema",
    "load_settings",
]
