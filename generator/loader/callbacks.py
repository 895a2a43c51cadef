"""Callbacks and webhooks: requests the service sends, which a client does not serve.

Their operations are not generated, with a warning saying so; the types of their payloads are, so
a program that receives them (a web framework's handler) can decode them with the package's models.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator import naming
from generator.loader.document import Node
from generator.loader.schemas import SchemaReader
from generator.loader.spec import METHODS, Spec


def read_callbacks(spec: Spec, schemas: SchemaReader, operations: list[Node]) -> None:
    """Register the payload types of every callback of `operations` and of every webhook."""
    for op in operations:
        callbacks = op.dict_at("callbacks")
        for name, callback in callbacks.items() if callbacks is not None else ():
            resolved = spec.resolve(callback)
            for _, item in resolved.items() if resolved.is_dict() else ():
                _payload_types(spec, schemas, item, f"{name} callback")
            spec.warn(
                callback,
                f"callback '{name}': its operations are not generated (the service sends them "
                "to a server of yours); the models of their payloads are",
            )
    webhooks = spec.root.dict_at("webhooks")
    for name, item in webhooks.items() if webhooks is not None else ():
        _payload_types(spec, schemas, item, f"{name} webhook")
        spec.warn(
            item,
            f"webhook '{name}': its operations are not generated (the service sends them to a "
            "server of yours); the models of their payloads are",
        )


def _payload_types(spec: Spec, schemas: SchemaReader, item: Node, prefix: str) -> None:
    path_item = spec.resolve(item)
    if not path_item.is_dict():
        return
    for method in METHODS:
        op = path_item.get(method)
        if op is None or not op.is_dict():
            continue
        for suffix, schema in _schemas(spec, op):
            schemas.type_of(
                schema, naming.pascal_case(f"{prefix} {method} {suffix}"), required=True
            )


def _schemas(spec: Spec, op: Node) -> Iterator[tuple[str, Node]]:
    body = op.get("requestBody")
    if body is not None:
        yield from (("request", s) for s in _content(spec, spec.resolve(body)))
    responses = op.dict_at("responses")
    for status, response in responses.items() if responses is not None else ():
        yield from ((f"{status} response", s) for s in _content(spec, spec.resolve(response)))


def _content(spec: Spec, holder: Node) -> Iterator[Node]:
    content = holder.dict_at("content") if holder.is_dict() else None
    for _, media in content.items() if content is not None else ():
        resolved = spec.resolve(media)
        schema = resolved.get("schema") if resolved.is_dict() else None
        if schema is not None:
            yield schema
