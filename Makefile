# Plan Assistant — every target sets up .venv/ at the repo root (idempotently) first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
INDEX_STAMP := $(VENV)/.indexed
KNOWLEDGE := $(shell find knowledge -name '*.md' 2>/dev/null)

.PHONY: setup run test lint format bench index clean

$(STAMP): pyproject.toml requirements.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

# The knowledge index is built once during setup and rebuilt only when knowledge files change.
$(INDEX_STAMP): $(KNOWLEDGE) | $(STAMP)
	$(PY) -m assistant index
	@touch $(INDEX_STAMP)

# System programs (Chromium, LibreOffice, poppler, a CJK font) are checked on every setup (quick
# when present): installed with apt when root, otherwise the exact command is printed.
setup: $(STAMP) $(INDEX_STAMP)
	@bash scripts/system-deps.sh

run: setup
	$(PY) app.py

# One test file per worker, as many workers as cores (at most 4): a file's module fixtures (a
# web server, a browser) start once, and the suite takes about half as long on 2 cores.
test: setup
	$(PY) -m pytest -n auto --maxprocesses 4 --dist loadfile

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
