"""dateline: news articles into dated, sourced, structured records.

Public API only; see ``dateline.api`` and ``dateline.records``.
"""

# The module dateline.timeline is loaded before the function of the same name is bound:
# importing a submodule for the first time sets the package attribute to the module, so
# loading it here, first, keeps ``dateline.timeline`` the function for good, while
# ``from dateline.timeline import build_timeline`` still finds the module.
import dateline.timeline  # noqa: F401  (isort: skip)
from dateline.api import extract, extract_many, ingest, json_schema, timeline
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
    Timeline,
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
    "Timeline",
    "Timex",
    "extract",
    "extract_many",
    "ingest",
    "json_schema",
    "load_settings",
    "timeline",
]
