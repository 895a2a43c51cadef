"""The `generated_clients` fixture: names, caching and readable failures."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.testserver.clients import GeneratedClients, package_name, swagger_file_name


@pytest.mark.parametrize(
    ("swagger", "expected"),
    [
        ("body-boolean.json", "body_boolean"),
        ("body-boolean", "body_boolean"),
        ("httpInfrastructure.json", "http_infrastructure"),
        ("custom-baseUrl-more-options.json", "custom_base_url_more_options"),
        ("media_types.json", "media_types"),
        ("body-datetime-rfc1123.json", "body_datetime_rfc1123"),
    ],
)
def test_package_names(swagger: str, expected: str) -> None:
    assert package_name(swagger) == expected
    assert swagger_file_name(swagger).endswith(".json")


def test_unknown_swagger_file_fails(tmp_path: Path) -> None:
    clients = GeneratedClients(tmp_path / "out", swagger_dir=tmp_path)

    with pytest.raises(pytest.fail.Exception, match="no swagger file"):
        clients("missing.json")


def test_generator_error_is_shown_and_remembered(tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text('{"swagger": "2.0", "paths": 7}', encoding="utf-8")
    clients = GeneratedClients(tmp_path / "out", swagger_dir=tmp_path)

    with pytest.raises(pytest.fail.Exception, match="--- stderr ---") as first:
        clients("broken.json")
    with pytest.raises(pytest.fail.Exception) as second:
        clients("broken")

    assert "generating a client for broken.json failed" in str(first.value)
    assert "broken.json" in str(first.value).split("--- stderr ---")[1]
    assert str(second.value) == str(first.value)


def test_a_client_is_generated_once(generated_clients: GeneratedClients) -> None:
    first = generated_clients("body-boolean.json")

    assert generated_clients("body-boolean") is first
    assert first.__name__ == "body_boolean"
