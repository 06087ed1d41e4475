"""Fixtures for the fuzz suite: the corpus generator, loaded by path (tests is no package)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

CORPUS_PATH = Path(__file__).resolve().parent / "_corpus.py"


def load_corpus() -> ModuleType:
    """Import ``tests/fuzz/_corpus.py`` as ``dateline_fuzz_corpus`` (once per process)."""
    name = "dateline_fuzz_corpus"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, CORPUS_PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while building
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def corpus() -> ModuleType:
    return load_corpus()


HARNESS_PATH = Path(__file__).resolve().parent / "_ingest_api.py"


def load_harness() -> ModuleType:
    """Import ``tests/fuzz/_ingest_api.py`` as ``dateline_fuzz_ingest_api`` (once per process)."""
    name = "dateline_fuzz_ingest_api"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, HARNESS_PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def harness() -> ModuleType:
    return load_harness()
