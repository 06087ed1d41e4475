"""Benchmarks: `python -m benchmarks.NAME --split dev|test [--json]`."""
