"""Corpus-scale benchmarks for mskg: run by hand (`python -m benchmarks`), never in the test run."""
