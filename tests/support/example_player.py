"""A local server that plays a spec's `x-ms-examples` as an Azure Resource Manager service would.

Each operation of the spec answers with its examples (those whose files exist): a request whose
path parameters (all but `subscriptionId`) are an example's gets that example's first 2xx
response. What no example describes is a 404 with an ARM error body (`ResourceNotFound`), so code
can be tried against its error handling too. A request must carry the spec's `api-version`
(else 400 `InvalidApiVersionParameter`, as ARM answers).

Long-running answers carry `Retry-After: 0`, so pollers do not wait. A PUT answered from an
example creates the resource: later GETs of the same URL answer the example's body with
`provisioningState` Succeeded, as the service does once the creation has ended.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from tests.support.example_server import ExampleServer, RecordedRequest

_METHODS = ("get", "put", "post", "patch", "delete", "head")


@dataclass(frozen=True)
class Played:
    operation_id: str
    example: str  # the example file's name
    status: int


@dataclass
class _Operation:
    operation_id: str
    method: str
    pattern: re.Pattern[str]
    long_running: bool
    examples: list[tuple[str, dict[str, Any]]] = field(default_factory=list)


def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"({[^{}]+})", template)
    regex = "".join(
        f"(?P<{_group(p[1:-1])}>[^/]+)" if p.startswith("{") else re.escape(p) for p in parts
    )
    return re.compile(f"^{regex}$", re.IGNORECASE)


def _group(name: str) -> str:
    return "p_" + re.sub(r"\W", "_", name)


def _first_success(example: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    for code, response in example.get("responses", {}).items():
        if str(code).isdigit() and 200 <= int(code) < 300:
            return int(code), response or {}
    raise ValueError("no 2xx response in the example")


def _error(status: int, code: str, message: str) -> tuple[int, dict[str, str], bytes]:
    body = json.dumps({"error": {"code": code, "message": message}}).encode()
    return status, {"Content-Type": "application/json"}, body


class ExamplePlayer(ExampleServer):
    def __init__(self, spec_file: Path) -> None:
        super().__init__()
        spec = json.loads(spec_file.read_text(encoding="utf-8"))
        self.api_version: str = spec["info"]["version"]
        self.operations: list[_Operation] = []
        self.played: list[Played] = []
        self._resources: dict[str, dict[str, Any]] = {}
        for template, item in spec["paths"].items():
            for method in _METHODS:
                op = item.get(method)
                if isinstance(op, dict):
                    self.operations.append(self._operation(spec_file.parent, template, method, op))

    @staticmethod
    def _operation(folder: Path, template: str, method: str, op: dict[str, Any]) -> _Operation:
        found = _Operation(
            op["operationId"],
            method.upper(),
            _pattern(template),
            bool(op.get("x-ms-long-running-operation")),
        )
        for ref in (e["$ref"] for e in op.get("x-ms-examples", {}).values()):
            path = folder / ref
            if path.is_file():
                found.examples.append((path.name, json.loads(path.read_text(encoding="utf-8"))))
        return found

    def _choose(self, request: RecordedRequest) -> tuple[int, dict[str, str], bytes]:
        if request.query.get("api-version") != [self.api_version]:
            given = request.query.get("api-version")
            return _error(400, "InvalidApiVersionParameter", f"api-version {given} is not served")
        stored = self._resources.get(request.path.lower())
        if request.method == "GET" and stored is not None:
            return 200, {"Content-Type": "application/json"}, json.dumps(stored).encode()
        for op in self.operations:
            match = op.pattern.match(request.path)
            if op.method != request.method or match is None:
                continue
            values = {k: unquote(v) for k, v in match.groupdict().items()}
            for name, example in op.examples:
                if self._same_resource(values, example.get("parameters", {})):
                    return self._play(request, op, name, example)
        described = f"No example describes {request.method} {request.path}"
        return _error(404, "ResourceNotFound", described)

    @staticmethod
    def _same_resource(values: dict[str, str], parameters: dict[str, Any]) -> bool:
        return all(
            key == _group("subscriptionId")
            or any(
                _group(name) == key and str(value) == given for name, value in parameters.items()
            )
            for key, given in values.items()
        )

    def _play(
        self, request: RecordedRequest, op: _Operation, name: str, example: dict[str, Any]
    ) -> tuple[int, dict[str, str], bytes]:
        status, response = _first_success(example)
        self.played.append(Played(op.operation_id, name, status))
        headers = {k: str(v) for k, v in (response.get("headers") or {}).items()}
        body = response.get("body")
        if op.long_running:
            headers["Retry-After"] = "0"
        if op.method == "PUT" and isinstance(body, dict):
            created = copy.deepcopy(body)
            created.setdefault("properties", {})["provisioningState"] = "Succeeded"
            self._resources[request.path.lower()] = created
        if body is None:
            return status, headers, b""
        headers.setdefault("Content-Type", "application/json")
        return status, headers, json.dumps(body).encode()
