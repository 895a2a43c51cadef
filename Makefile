# Two entry points: `make generate` and `make test`. Both create .venv when it is missing.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: setup generate check test lint golden testserver-deps spector-deps spector-compile clean

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

# Spector (TypeSpec scenarios, mock server, emitters and Node 22) for tests/spector, pinned by its
# package-lock.json. npm ci runs only when the lockfile differs from the one last installed.
SPECTOR := tests/spector
spector-deps:
	@if [ -f $(SPECTOR)/package-lock.json ] && \
	    ! cmp -s $(SPECTOR)/package-lock.json $(SPECTOR)/node_modules/.sdkforge-installed-lock; then \
		(cd $(SPECTOR) && npm ci --no-audit --no-fund --loglevel=error) && \
		cp $(SPECTOR)/package-lock.json $(SPECTOR)/node_modules/.sdkforge-installed-lock; \
	fi

# Compile every Spector scenario folder to OpenAPI into build/spector/<key>/ (reused when present).
spector-compile: spector-deps
	$(PYTHON) $(SPECTOR)/compile.py

test: setup testserver-deps spector-deps
	$(PY) -m pytest -q

lint: setup
	$(VENV)/bin/ruff check generator tests
	$(VENV)/bin/mypy

# Refresh every golden file (generated/ and tests/golden/*/expected) from the current generator.
golden: setup
	$(PY) -m generator generate
	$(PY) -m pytest -q tests/golden --update-golden

clean:
	rm -rf $(VENV) build .pytest_cache .mypy_cache .ruff_cache tests/testserver/node_modules $(SPECTOR)/node_modules
