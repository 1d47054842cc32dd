# accordwatch: every target creates .venv and installs what it needs on first use.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared
EXAMPLES := examples/articles

.PHONY: run test lint eval bench bench-archive clean pg-start pg-stop

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

# ingest the sample corpus into ./accordwatch.db (SQLite), then serve the dashboard and the API
run: $(STAMP)
	$(BIN)/accordwatch ingest $(EXAMPLES)
	$(BIN)/accordwatch serve --host 127.0.0.1 --port 8000

# The store tests also run on PostgreSQL when ACCORDWATCH_TEST_PG is set or `make pg-start` is running.
test: $(STAMP)
	$(BIN)/ruff check src tests scripts benchmarks
	ACCORDWATCH_TEST_PG="$${ACCORDWATCH_TEST_PG:-$$(bash scripts/pg-test-server.sh url 2>/dev/null)}" \
		$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts benchmarks

# make eval DEV_TEXTS=/tmp/aw_dev/texts also scores the dev set of real articles (rebuilt texts)
DEV_TEXTS ?=
eval: $(STAMP)
	$(BIN)/python scripts/eval.py --shared $(SHARED) $(if $(DEV_TEXTS),--dev-texts $(DEV_TEXTS))

# One run prints every figure of issue P6 (about 10 minutes on 2 cores): extraction per core and per
# component, extraction on Dask (1 and 2 workers), ingest rate and peak memory at 5,000 and 20,000
# articles, the profile endpoint on the 20,000-article database, the watch (200 sources polled, article
# to webhook latency, memory over repeated polls), and the `make eval` scores.
bench: $(STAMP)
	bash scripts/bench-deps.sh >/dev/null || echo "wrk unavailable: the API load figure will be skipped"
	$(BIN)/python benchmarks/bench_extract.py
	$(BIN)/python benchmarks/components.py
	$(BIN)/python benchmarks/bench_ingest.py
	$(BIN)/python benchmarks/bench_scale.py
	$(BIN)/python benchmarks/bench_watch.py
	$(BIN)/python scripts/eval.py --shared $(SHARED) $(if $(DEV_TEXTS),--dev-texts $(DEV_TEXTS))
	$(BIN)/python benchmarks/bench_review.py   # last: a FAIL (exit 1) hides no other figure

# An archive's worth on PostgreSQL (outside CI; about an hour for 200,000 articles on 2 cores): ingest rate,
# peak memory, database size per article, p50/p99 of every API route and dashboard page under wrk.
ARCHIVE ?= 200000
bench-archive: $(STAMP)
	bash scripts/bench-deps.sh >/dev/null || echo "wrk unavailable: the load figures will be skipped"
	$(BIN)/python benchmarks/bench_archive.py --articles $(ARCHIVE)

# A throwaway PostgreSQL on 127.0.0.1:5433 for the tests (installs Debian's postgresql if missing).
pg-start:
	bash scripts/pg-test-server.sh start

pg-stop:
	bash scripts/pg-test-server.sh stop

clean:
	rm -rf build .pytest_cache .ruff_cache
