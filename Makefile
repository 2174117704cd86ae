# qazauto: make test runs everything CI runs.
export DAGSTER_DISABLE_TELEMETRY := 1
export DO_NOT_TRACK := 1
export GX_ANALYTICS_ENABLED := false
export UV_PYTHON_DOWNLOADS := never

UV ?= uv
SHARED ?= ../shared

.PHONY: setup test lint format extract score bench

setup:  ## install uv if missing and sync the locked environment
	@command -v $(UV) >/dev/null 2>&1 || python3 -m pip install --quiet uv
	$(UV) sync --locked

test: setup  ## lint, then the whole test suite
	$(UV) run ruff check .
	$(UV) run pytest

lint: setup
	$(UV) run ruff check .
	$(UV) run ruff format --check ingest tests benchmarks

format: setup
	$(UV) run ruff check --fix .
	$(UV) run ruff format ingest tests benchmarks

extract: setup  ## print the facts of the seed articles
	$(UV) run qazauto extract seeds --format table

score: setup  ## score the extractor on the seed and dev gold sets
	$(UV) run qazauto extract seeds --format jsonl > /tmp/qazauto-seeds.jsonl
	python3 $(SHARED)/tools/score_facts.py $(SHARED)/gold/seed_facts.jsonl /tmp/qazauto-seeds.jsonl
	$(UV) run qazauto extract $(SHARED)/devset/articles --format jsonl > /tmp/qazauto-dev.jsonl
	python3 $(SHARED)/tools/score_facts.py $(SHARED)/devset/gold.jsonl /tmp/qazauto-dev.jsonl

bench: setup  ## extraction speed over the seeds and dev set
	$(UV) run python benchmarks/extraction_speed.py
