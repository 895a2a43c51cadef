"""Query parameters added to a URL that may already carry some (a query string in a spec path)."""

from __future__ import annotations

from generator.runtime.transfer import append_params


def test_adds_after_the_existing_query() -> None:
    assert append_params("http://h/x", [("a", "1"), ("b", "x y")]) == "http://h/x?a=1&b=x%20y"
    assert append_params("http://h/x?a=1", [("b", "2")]) == "http://h/x?a=1&b=2"
    assert append_params("http://h/x#f", [("a", "1")]) == "http://h/x?a=1#f"


def test_a_pair_already_in_the_path_is_not_repeated() -> None:
    url = "http://h/xml/?comp=list&restype=container"
    assert append_params(url, [("comp", "list"), ("restype", "container")]) == url
    # Another value of the same name is still added: only exact repeats are dropped.
    assert append_params(url, [("comp", "acl")]) == url + "&comp=acl"


def test_no_params_leaves_the_url() -> None:
    assert append_params("http://h/x?", []) == "http://h/x?"
