"""dateline: news articles into dated, sourced, structured records.

Public API only; see ``dateline.api`` and ``dateline.records``.

The API functions (extract, extract_many, ingest, json_schema, timeline) are imported on first use
(PEP 562 ``__getattr__``): they pull in spaCy, which would otherwise make ``import dateline``
cost most of a second.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# The submodule dateline.timeline is loaded first and its package attribute dropped, so that
# ``dateline.timeline`` is the API function (bound lazily below) while ``from dateline.timeline
# import build_timeline`` still finds the module in sys.modules.
import dateline.timeline  # noqa: F401  (isort: skip)

del globals()["timeline"]

from dateline.config import Settings, load_settings  # noqa: E402
from dateline.errors import (  # noqa: E402
    ConfigError,
    DatelineError,
    DatelineWarning,
    InputError,
    PipelineError,
    StageError,
)
from dateline.records import (  # noqa: E402
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

if TYPE_CHECKING:
    from dateline.api import extract, extract_many, ingest, json_schema, timeline

__version__ = "0.1.0"

_LAZY = {
    "extract": "dateline.api",
    "extract_many": "dateline.api",
    "ingest": "dateline.api",
    "json_schema": "dateline.api",
    "timeline": "dateline.api",
}

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


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'dateline' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
