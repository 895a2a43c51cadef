# Two entry points: `make generate` and `make test`. Both create .venv when it is missing.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: setup generate check test lint golden testserver-deps clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

generate: setup
	$(PY) -m generator generate

check: setup
	$(PY) -m generator check

# The AutoRest test server (node) for tests/testserver, pinned by its package-lock.json.
testserver-deps:
	@if [ -f tests/testserver/package-lock.json ]; then \
		cd tests/testserver && npm ci --no-audit --no-fund --loglevel=error; \
	fi

# The suites run side by side (tests/parallel.py): the conformance suites wait on their mock
# servers while the rest uses the CPU. Logs in build/test-logs/; one closing line sums them up.
test: setup testserver-deps
	$(PY) -m tests.parallel

lint: setup
	$(VENV)/bin/ruff check generator tests
	$(VENV)/bin/mypy

# Refresh every golden file (generated/ and tests/golden/*/expected) from the current generator.
golden: setup
	$(PY) -m generator generate
	$(PY) -m pytest -q tests/golden --update-golden

clean:
	rm -rf $(VENV) build .pytest_cache .mypy_cache .ruff_cache tests/testserver/node_modules
