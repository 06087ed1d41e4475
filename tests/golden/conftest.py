"""Fixtures for the golden tests: the hand-annotated articles beside this file and our scorer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

GOLDEN_DIR = Path(__file__).resolve().parent


def article_names() -> list[str]:
    """Folders holding an article.txt and its gold.json, sorted for stable test ids."""
    return sorted(
        p.name
        for p in GOLDEN_DIR.iterdir()
        if (p / "article.txt").is_file() and (p / "gold.json").is_file()
    )


def load_golden(name: str) -> dict:
    """One golden article: text, gold annotation and the expected section scores (if recorded)."""
    folder = GOLDEN_DIR / name
    expected = folder / "expected.json"
    return {
        "name": name,
        "folder": folder,
        "text": (folder / "article.txt").read_text(encoding="utf-8"),
        "gold": json.loads((folder / "gold.json").read_text(encoding="utf-8")),
        "expected_path": expected,
        "expected": (
            json.loads(expected.read_text(encoding="utf-8")) if expected.is_file() else None
        ),
    }


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run every test that asks for ``golden_name`` once per golden article."""
    if "golden_name" in metafunc.fixturenames:
        metafunc.parametrize("golden_name", article_names(), scope="session")


@pytest.fixture(scope="session")
def golden(golden_name: str) -> dict:
    """The golden article named by the test's parameter."""
    return load_golden(golden_name)
