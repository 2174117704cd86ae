"""Data-quality suites for the marts, run with great-expectations on frames read from DuckDB."""
