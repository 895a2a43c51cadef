"""Scripts for the example server that play a long-running operation from an example file.

An example gives the first request (its parameters) and the answers: 202 with a Location header,
then 200. The script points the Location at the local server and can put a status monitor
(Azure-AsyncOperation) in front: InProgress answers, then Succeeded, then the final result.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import httpx

from tests.support.example_server import Exchange


def example(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def fill(template: str, parameters: dict[str, Any]) -> str:
    return re.sub(r"{([^{}]+)}", lambda m: quote(str(parameters[m.group(1)]), safe=""), template)


def local_url(server_url: str, url: str) -> str:
    """The example's URL on the local server: same path, our scheme and host."""
    parts = urlsplit(url)
    rest = parts.path + (f"?{parts.query}" if parts.query else "")
    return server_url + rest


def wire_path(url: str) -> str:
    """The path of `url` as an HTTP client sends it (braces and such percent-encoded)."""
    return httpx.URL(url).raw_path.decode("ascii").partition("?")[0]


def location_of(data: dict[str, Any]) -> str:
    headers = data["responses"]["202"]["headers"]
    (location,) = (value for name, value in headers.items() if name.lower() == "location")
    assert isinstance(location, str)
    return location


def operation_script(
    data: dict[str, Any],
    method: str,
    path_template: str,
    server_url: str,
    *,
    bearer: str | None,
    location_polls: int = 0,
) -> list[Exchange]:
    """The example as played: the first request's 202 with its Location (on the local server),
    `location_polls` more 202s there, then the example's 200."""
    parameters = data["parameters"]
    location = local_url(server_url, location_of(data))
    headers = {"Location": location}
    script: list[Exchange] = []
    final = data["responses"]["200"]
    script.append(
        Exchange(
            method,
            fill(path_template, parameters),
            query={"api-version": parameters["api-version"]},
            status=202,
            headers=headers,
            require_bearer=bearer,
        )
    )
    script += [
        Exchange(
            "GET",
            wire_path(location),
            status=202,
            headers={"Location": location},
            require_bearer=bearer,
        )
        for _ in range(location_polls)
    ]
    script.append(
        Exchange(
            "GET", wire_path(location), status=200, body=final.get("body"), require_bearer=bearer
        )
    )
    return script


def with_status_monitor(
    script: list[Exchange], server_url: str, *, in_progress: int, final_status: str = "Succeeded"
) -> list[Exchange]:
    """The same operation followed through an Azure-AsyncOperation status monitor first."""
    first, *rest = script
    monitor = f"{server_url}/operations/monitor-1"
    first.headers["Azure-AsyncOperation"] = monitor
    bearer = first.require_bearer
    statuses = [{"status": "InProgress"}] * in_progress + [{"status": final_status}]
    polls = [
        Exchange(
            "GET",
            "/operations/monitor-1",
            body=body,
            require_bearer=bearer,
            headers={"Retry-After": "0"},
        )
        for body in statuses
    ]
    return [first, *polls, *rest[-1:]] if final_status == "Succeeded" else [first, *polls]
