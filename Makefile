# Plan Assistant — every target sets up .venv/ at the repo root (idempotently) first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint format bench index clean

$(STAMP): pyproject.toml requirements.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

run: $(STAMP)
	$(PY) app.py

test: $(STAMP)
	$(PY) -m pytest

lint: $(STAMP)
	$(PY) -m ruff check assistant tests benchmarks app.py
	$(PY) -m ruff format --check assistant tests benchmarks app.py
	$(PY) -m mypy

format: $(STAMP)
	$(PY) -m ruff check --fix assistant tests benchmarks app.py
	$(PY) -m ruff format assistant tests benchmarks app.py

bench: $(STAMP)
	@for b in benchmarks/[!_]*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

index: $(STAMP)
	$(PY) -m assistant index

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache test-artifacts
