"""Callbacks and webhooks: their payload models are generated, their operations are not."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostic
from generator.loader import load_api

EVENT = {"type": "object", "properties": {"kind": {"type": "string"}, "at": {"type": "integer"}}}


def _spec() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "Hooks", "version": "1"},
        "paths": {
            "/subscriptions": {
                "post": {
                    "operationId": "subscribe",
                    "responses": {"201": {"description": "ok"}},
                    "callbacks": {
                        "onEvent": {
                            "{$request.body#/url}": {
                                "post": {
                                    "requestBody": {
                                        "content": {"application/json": {"schema": EVENT}}
                                    },
                                    "responses": {
                                        "200": {
                                            "description": "ok",
                                            "content": {
                                                "application/json": {
                                                    "schema": {
                                                        "type": "object",
                                                        "properties": {"ok": {"type": "boolean"}},
                                                    }
                                                }
                                            },
                                        }
                                    },
                                }
                            }
                        }
                    },
                }
            }
        },
        "webhooks": {
            "newPet": {
                "post": {
                    "requestBody": {
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}
                        }
                    },
                    "responses": {"200": {"description": "ok"}},
                }
            }
        },
        "components": {
            "schemas": {"Pet": {"type": "object", "properties": {"name": {"type": "string"}}}}
        },
    }


def test_callback_and_webhook_models_are_generated_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "hooks.json"
    path.write_text(json.dumps(_spec()), encoding="utf-8")
    warnings: list[Diagnostic] = []
    api = load_api(path, warnings=warnings)
    names = {m.py_name for m in api.models}
    assert {"Pet", "OnEventCallbackPostRequest", "OnEventCallbackPost200Response"} <= names
    operations = [op.operation_id for g in api.groups for op in g.operations]
    assert operations == ["subscribe"]
    assert [(w.pointer, w.message.split(":")[0]) for w in warnings] == [
        ("/paths/~1subscriptions/post/callbacks/onEvent", "callback 'onEvent'"),
        ("/webhooks/newPet", "webhook 'newPet'"),
    ]
