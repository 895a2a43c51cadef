"""x-ms-examples: example files are optional, so a missing or broken one is a warning."""

from __future__ import annotations

import json

from generator import ir
from generator.diagnostics import Diagnostic, Severity, SpecError
from generator.loader.document import Node
from generator.loader.keywords import source
from generator.loader.spec import Spec


def canonical_json(value: object, memo: dict[int, str] | None = None) -> str:
    """`json.dumps(value, sort_keys=True, separators=(",", ":"))`, each shared array or object
    (a YAML alias) written once and reused, not walked again for every place it appears."""
    if not isinstance(value, dict | list):
        return json.dumps(value)
    memo = {} if memo is None else memo
    done = memo.get(id(value))
    if done is not None:
        return done
    if isinstance(value, dict):
        text = (
            "{"
            + ",".join(
                f"{json.dumps(key)}:{canonical_json(value[key], memo)}" for key in sorted(value)
            )
            + "}"
        )
    else:
        text = "[" + ",".join(canonical_json(item, memo) for item in value) + "]"
    memo[id(value)] = text
    return text


def _json_of(node: Node) -> str:
    return canonical_json(node.value, node.doc.canonical)


def read_examples(spec: Spec, op: Node) -> tuple[ir.Example, ...]:
    examples = op.dict_at("x-ms-examples")
    if examples is None:
        return ()
    result: list[ir.Example] = []
    for name, entry in examples.items():
        try:
            example = _example(spec, name, spec.resolve(entry))
        except SpecError as exc:
            found = exc.diagnostic
            spec.warnings.append(
                Diagnostic(
                    Severity.WARNING,
                    found.file,
                    found.pointer,
                    f"example '{name}' left out: {found.message}",
                    "example",
                )
            )
            continue
        result.append(example)
    return tuple(result)


def _example(spec: Spec, name: str, node: Node) -> ir.Example:
    if not node.is_dict():
        raise node.error("an example must be an object")
    parameters = node.dict_at("parameters")
    values = tuple(
        ir.ExampleValue(key, _json_of(value))
        for key, value in (parameters.items() if parameters is not None else ())
    )
    responses = node.dict_at("responses")
    answers: list[ir.ExampleResponse] = []
    for status, response in responses.items() if responses is not None else ():
        if not status.isdigit():
            message = f"example '{name}': status '{status}' is not a number; left out"
            spec.warn(response, message, "example")
            continue
        answers.append(_response(int(status), response))
    return ir.Example(name, source(node), values, tuple(answers))


def _response(status: int, node: Node) -> ir.ExampleResponse:
    if not node.is_dict():
        raise node.error("an example response must be an object")
    body = node.get("body")
    headers = node.dict_at("headers")
    return ir.ExampleResponse(
        status_code=status,
        body_json=_json_of(body) if body is not None else None,
        headers=tuple(
            ir.ExampleValue(key, _json_of(value))
            for key, value in (headers.items() if headers is not None else ())
        ),
    )
