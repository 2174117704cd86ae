"""Dagster definitions for qazauto: ingest assets, dbt models, quality checks, sensor and job."""

import os

# No network here: telemetry would only add delay.
os.environ.setdefault("DAGSTER_DISABLE_TELEMETRY", "1")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
