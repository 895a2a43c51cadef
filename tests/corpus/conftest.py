"""The corpora come from tests/corpus/node_modules (`make corpus-deps`): without them these tests
are skipped on a developer's machine and fail in CI, where `make test` installs them."""

from __future__ import annotations

import os

import pytest

from tests.corpus.corpus import missing_prerequisite


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


@pytest.fixture(autouse=True)
def _corpus_prerequisites() -> None:
    reason = missing_prerequisite()
    if reason is None:
        return
    if _in_ci():
        pytest.fail(f"tests/corpus cannot run in CI: {reason}", pytrace=False)
    pytest.skip(reason)
