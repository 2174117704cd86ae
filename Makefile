# qazauto. `make run` builds the warehouse from nothing; `make test` runs what CI runs.
export DAGSTER_DISABLE_TELEMETRY := 1
export DO_NOT_TRACK := 1
export GX_ANALYTICS_ENABLED := false
export UV_PYTHON_DOWNLOADS := never
# Installed packages come with their bytecode: with PYTHONDONTWRITEBYTECODE set (as on CI
# machines) Python would otherwise compile dbt, Dagster and great-expectations on every start.
export UV_COMPILE_BYTECODE := 1
export DAGSTER_HOME ?= $(CURDIR)/.dagster_home

UV ?= uv
SHARED ?= ../shared
DAGSTER_MODULE := orchestration.definitions

.PHONY: setup manifest dagster-home run ui docs test test-ui lint format extract status score bench

setup:  ## install uv if missing and sync the locked environment
	@command -v $(UV) >/dev/null 2>&1 || python3 -m pip install --quiet uv
	$(UV) sync --locked --quiet

manifest: setup  ## parse the dbt project: the manifest Dagster loads
	cd dbt && $(UV) run dbt parse --profiles-dir . --quiet

dagster-home:
	@mkdir -p $(DAGSTER_HOME)
	@cp orchestration/dagster.yaml $(DAGSTER_HOME)/dagster.yaml

run: manifest dagster-home  ## build the whole warehouse from the articles folder (seeds/)
	$(UV) run python -m orchestration.build
	@$(UV) run qazauto status

ui: manifest dagster-home  ## the Dagster UI on http://127.0.0.1:3000
	$(UV) run dagster dev -h 127.0.0.1 -p 3000 -m $(DAGSTER_MODULE)

docs: manifest  ## the dbt docs site, offline, for the built warehouse: warehouse/docs/index.html
	cd dbt && $(UV) run dbt docs generate --profiles-dir . --static --quiet
	@mkdir -p warehouse/docs && cp dbt/target/static_index.html warehouse/docs/index.html
	@echo "dbt docs: warehouse/docs/index.html (one self-contained file; open it in a browser)"

test: manifest lint  ## lint, then the whole test suite
	$(UV) run pytest

test-ui: manifest  ## only the browser test of the Dagster UI (needs Debian's chromium)
	$(UV) run pytest tests/ui

# The dbt templater of sqlfluff connects to a warehouse to compile: a scratch file, never the real one.
LINT_WAREHOUSE := $(CURDIR)/dbt/target/sqlfluff.duckdb

lint: setup  ## ruff (check and format), mypy, the import contracts, sqlfluff on the dbt models
	$(UV) run ruff check .
	$(UV) run ruff format --check .
	$(UV) run mypy
	$(UV) run lint-imports --no-cache
	@mkdir -p dbt/target
	cd dbt && QAZAUTO_WAREHOUSE=$(LINT_WAREHOUSE) $(UV) run sqlfluff lint models tests

format: setup
	$(UV) run ruff check --fix .
	$(UV) run ruff format .
	@mkdir -p dbt/target
	cd dbt && QAZAUTO_WAREHOUSE=$(LINT_WAREHOUSE) $(UV) run sqlfluff fix models tests

extract: setup  ## print the facts of the articles folder
	$(UV) run qazauto extract --format table

status: setup  ## what the warehouse holds
	$(UV) run qazauto status

score: setup  ## score the extractor on every gold set (seeds, ../shared dev batches, probes)
	$(UV) run python benchmarks/accuracy.py --shared $(SHARED) --json warehouse/bench/accuracy.json

BENCH_SIZES ?= 1000 10000

bench: manifest  ## benchmarks: extraction speed, stages at BENCH_SIZES articles, fixed costs
	$(UV) run python benchmarks/bench.py --sizes $(BENCH_SIZES)
